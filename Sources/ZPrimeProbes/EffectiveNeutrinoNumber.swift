import Foundation
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeDecays
import ZPrimePoint

/// N_eff with a light Z': the photon and neutrino temperatures evolved through neutrino decoupling
/// and e+e- annihilation, with the Z' in equilibrium with one bath and exchanging energy with the
/// other.
///
/// **Method** (in the spirit of M. Escudero, JCAP 02 (2019) 007, arXiv:1812.05605, and M. Escudero,
/// D. Hooper, G. Krnjaic, M. Pierre, JHEP 03 (2019) 071, arXiv:1901.02010). Two temperatures, T_gamma
/// (photons and e+-) and T_nu (three flavours of nu + nubar, one temperature), with zero chemical
/// potentials, evolve in time as
///
///     dT_nu/dt    = -[4 H rho_nu + 3 H (rho_Z' + p_Z')|_nu - P]/(d rho_nu/dT_nu + d rho_Z'/dT|_nu)
///     dT_gamma/dt = -[4 H rho_gamma + 3 H (rho_e + p_e) + 3 H (rho_Z' + p_Z')|_gamma + P]/(d rho_gamma/dT + d rho_e/dT + ...)
///
/// (the Z' terms on the side of its home bath), H^2 = 8 pi (rho_total)/(3 M_Pl^2), with the power
/// P moved from the e-gamma plasma to the neutrinos:
/// - SM nu-e scattering and annihilation, Escudero's Maxwell-Boltzmann rates with Fermi-Dirac
///   corrections (arXiv:1812.05605, eqs. 2.14-2.16), summed over the three flavours:
///   P_SM = (G_F^2/pi^5) [(1 + 4 s^2 + 8 s^4) + 2 (1 - 4 s^2 + 8 s^4)] F(T_gamma, T_nu),
///   F(T1, T2) = 32 f_a (T1^9 - T2^9) + 56 f_s T1^4 T2^4 (T1 - T2), f_a = 0.884, f_s = 0.829;
/// - the Z' in its home bath (the one its larger width feeds: neutrinos, or e+e- and everything
///   visible) decays into the other bath and is made by inverse decays there, P_Z' = Gamma_other m
///   [n_Z'(T_home) - n_Z'(T_other)] (Maxwell-Boltzmann number densities, with the sign of the
///   direction).
/// The Z' (three polarisations, Bose-Einstein) is assumed in equilibrium with its home bath: this
/// needs Gamma_home > H at T = m/3 (otherwise the point is reported as not thermalised and the SM
/// value returned). Not included: QED finite-temperature corrections of the plasma (+0.01 in N_eff
/// in Escudero's treatment), neutrino oscillations and non-thermal spectral distortions; so the SM
/// value here is about 3.03-3.04 rather than the full 3.044-3.045.
///
/// The ODE is stiff (rates up to 1e10 H): it is solved in ln t by BDF2 with Newton iterations, from
/// 10 MeV (all in equilibrium) to 1 keV (e+e- gone), and
/// N_eff = (8/7) (11/4)^(4/3) (rho_nu + rho_Z'^nu-side)/rho_gamma at the end.
///
/// ```swift
/// let point = try ParameterPoint(model: BuiltinModels.model(named: "Lmu-Ltau")!, mass: 0.01, coupling: 5e-4)
/// let result = try EffectiveNeutrinoNumber(point: point).solve()
/// print(result.effectiveNumber, result.deltaEffectiveNumber)   // N_eff above the SM value
/// ```
public struct EffectiveNeutrinoNumber: Sendable {
    /// Where the Z' lives.
    public enum Bath: String, Sendable, Hashable {
        /// In equilibrium with the neutrinos.
        case neutrinos
        /// In equilibrium with the e-gamma plasma.
        case electromagnetic
    }

    /// The evolution settings.
    public struct Settings: Sendable, Hashable {
        /// The starting temperature, GeV (default 10 MeV).
        public var initialTemperature: Double = 0.01
        /// The final photon temperature, GeV (default 1 keV).
        public var finalTemperature: Double = 1e-6
        /// The number of steps in ln t (default 1500).
        public var steps: Int = 1500
        /// Whether the SM nu-e energy transfer is on (off: instantaneous decoupling at the start).
        public var standardModelTransfer: Bool = true
        /// Creates default settings.
        public init() {}
    }

    /// The result of one evolution.
    public struct Solution: Sendable, Hashable {
        /// N_eff.
        public let effectiveNumber: Double
        /// N_eff minus the SM value with the same approximations.
        public let deltaEffectiveNumber: Double
        /// The SM value with the same approximations.
        public let standardModelValue: Double
        /// T_nu/T_gamma at the end.
        public let temperatureRatio: Double
        /// The Z''s home bath (nil without a Z').
        public let bath: Bath?
        /// Whether the Z' was in equilibrium (false: not included).
        public let thermalised: Bool
        /// Caveats.
        public let problems: [Problem]
    }

    /// The Z' mass, GeV (nil: SM only).
    public let mass: Double?
    /// The Z' width into neutrinos, GeV.
    public let neutrinoWidth: Double
    /// The Z' width into the e-gamma plasma (everything visible), GeV.
    public let electromagneticWidth: Double
    /// The settings.
    public let settings: Settings

    /// The masses accepted, GeV: 1e-6 ... 1 (heavier bosons decay long before neutrino decoupling).
    public static let massRange: ClosedRange<Double> = 1e-6...1

    /// The SM evolution (no Z').
    public init(settings: Settings = Settings()) {
        mass = nil
        neutrinoWidth = 0
        electromagneticWidth = 0
        self.settings = settings
    }

    /// A Z' of `mass` with the given widths (GeV).
    public init(mass: Double, neutrinoWidth: Double, electromagneticWidth: Double, settings: Settings = Settings()) throws(Problem) {
        try Validate.within(mass, Self.massRange, .mass)
        try Validate.nonNegative(neutrinoWidth, .field("neutrino width"))
        try Validate.nonNegative(electromagneticWidth, .field("electromagnetic width"))
        self.mass = mass
        self.neutrinoWidth = neutrinoWidth
        self.electromagneticWidth = electromagneticWidth
        self.settings = settings
    }

    /// The Z' of `point` (widths from ``DecayCalculator`` at the point's mass).
    public init(point: ParameterPoint, settings: Settings = Settings()) throws(Problem) {
        try Validate.within(point.mass, Self.massRange, .mass)
        let widths = try DecayCalculator(couplings: try CouplingCalculator(point: point)).widths(mass: point.mass)
        let nu = widths[.neutrinos]
        try self.init(mass: point.mass, neutrinoWidth: nu, electromagneticWidth: max(0, widths.total - nu - widths[.invisible]), settings: settings)
    }

    // MARK: Thermodynamics

    /// Composite Gauss-Legendre nodes on y in [0, 64] (panels doubling from [0, 1]), 8 per panel.
    static let momentumNodes: [(y: Double, w: Double)] = {
        let gl = NA64muCalculator.legendre8
        var edges: [Double] = [0, 0.5, 1, 2, 4, 8, 16, 32, 64]
        var out: [(y: Double, w: Double)] = []
        for i in 0..<(edges.count - 1) {
            let a = edges[i], b = edges[i + 1]
            for (z, w) in gl { out.append((0.5 * (a + b) + 0.5 * (b - a) * z, 0.5 * (b - a) * w)) }
        }
        edges.removeAll()
        return out
    }()

    /// (rho, p, d rho/dT, n_MB) of g degrees of freedom of mass m at T; `fermion` selects the
    /// statistics (+1 Fermi-Dirac, -1 Bose-Einstein).
    static func thermodynamics(mass m: Double, temperature t: Double, degrees g: Double, fermion: Bool) -> (rho: Double, p: Double, drho: Double, n: Double) {
        let x = m / t
        if x > 200 { return (0, 0, 0, 0) }
        var rho = 0.0, p = 0.0, d = 0.0, n = 0.0
        let sign: Double = fermion ? 1 : -1
        for node in momentumNodes {
            let y = node.y
            let e = (y * y + x * x).squareRoot()
            if e > 700 { continue }
            let ex = Foundation.exp(-e)
            let occupation = ex / (1 + sign * ex)
            rho += node.w * y * y * e * occupation
            if e > 0 { p += node.w * y * y * y * y / e * occupation }
            d += node.w * y * y * e * e * occupation / (1 + sign * ex)
            n += node.w * y * y * ex
        }
        let c = g / (2 * Double.pi * Double.pi)
        let t3 = t * t * t
        return (c * t3 * t * rho, c * t3 * t * p / 3, c * t3 * d, c * t3 * n)
    }

    /// T^4 coefficient of massless neutrinos: 3 flavours x (nu + nubar) x 7/8 x pi^2/30.
    static let neutrinoDensityCoefficient = 3 * 2 * 7.0 / 8 * Double.pi * Double.pi / 30

    /// The heat capacities d rho/dT of the e-gamma plasma and of the neutrinos (without the Z').
    static func bathCapacities(_ tg: Double, _ tn: Double) -> (electromagnetic: Double, neutrinos: Double) {
        let electrons = thermodynamics(mass: PhysicalConstants.electronMass, temperature: tg, degrees: 4, fermion: true)
        return (4 * Double.pi * Double.pi / 15 * tg * tg * tg + electrons.drho, 4 * neutrinoDensityCoefficient * tn * tn * tn)
    }

    /// The relaxation rate of T_nu - T_gamma through the Z' (inverse decays in the other bath),
    /// in units of H: kappa (1/C_nu + 1/C_gamma) / H with kappa = Gamma_other m dn_Z'/dT.
    func exchangeRatio(_ tg: Double, _ tn: Double) -> Double {
        guard let m = mass, let bath else { return 0 }
        let other = bath == .neutrinos ? tg : tn
        let otherWidth = bath == .neutrinos ? electromagneticWidth : neutrinoWidth
        guard otherWidth > 0 else { return 0 }
        let step = 1e-4 * other
        let dn = (Self.thermodynamics(mass: m, temperature: other + step, degrees: 3, fermion: false).n
            - Self.thermodynamics(mass: m, temperature: other - step, degrees: 3, fermion: false).n) / (2 * step)
        let c = Self.bathCapacities(tg, tn)
        let (h, _) = derivativesScale(tg)
        return otherWidth * m * dn * (1 / c.neutrinos + 1 / c.electromagnetic) / h
    }

    /// Above this ratio of the exchange rate to H the two baths are one (tight coupling): T_nu =
    /// T_gamma, evolved with the summed energy equation. Below it the two-temperature equations
    /// are solved; the rounding of n(T1) - n(T2) times the rate then stays below 1e-11.
    static let tightCouplingRatio = 1e5

    /// The right-hand side d(T_gamma, T_nu)/dt; with `tight` the baths share T = T_gamma.
    func derivatives(_ tg: Double, _ tn: Double, tight: Bool) -> (Double, Double) {
        guard tight, let m = mass else { return derivatives(tg, tn) }
        let pi2 = Double.pi * Double.pi
        let t = tg
        let rhoGamma = pi2 / 15 * t * t * t * t
        let electrons = Self.thermodynamics(mass: PhysicalConstants.electronMass, temperature: t, degrees: 4, fermion: true)
        let rhoNu = Self.neutrinoDensityCoefficient * t * t * t * t
        let z = Self.thermodynamics(mass: m, temperature: t, degrees: 3, fermion: false)
        let rhoTotal = rhoGamma + electrons.rho + rhoNu + z.rho
        let h = (8 * Double.pi * rhoTotal / 3).squareRoot() / PhysicalConstants.planckMass
        let heat = 4 * h * (rhoGamma + rhoNu) + 3 * h * (electrons.rho + electrons.p + z.rho + z.p)
        let capacity = 4 * (rhoGamma + rhoNu) / t + electrons.drho + z.drho
        let dt = -heat / capacity
        return (dt, dt)
    }

    /// The right-hand side d(T_gamma, T_nu)/dt.
    func derivatives(_ tg: Double, _ tn: Double) -> (Double, Double) {
        let me = PhysicalConstants.electronMass
        let pi2 = Double.pi * Double.pi
        let rhoGamma = pi2 / 15 * tg * tg * tg * tg
        let electrons = Self.thermodynamics(mass: me, temperature: tg, degrees: 4, fermion: true)
        let rhoNu = Self.neutrinoDensityCoefficient * tn * tn * tn * tn
        var rhoTotal = rhoGamma + electrons.rho + rhoNu
        var nuHeat = 0.0, nuCapacity = 4 * rhoNu / tn
        var emHeat = 0.0, emCapacity = 4 * rhoGamma / tg + electrons.drho
        var power = 0.0
        if settings.standardModelTransfer {
            let s2 = PhysicalConstants.sin2ThetaWLowEnergy
            let gf = PhysicalConstants.fermiConstant
            let coefficient = (1 + 4 * s2 + 8 * s2 * s2) + 2 * (1 - 4 * s2 + 8 * s2 * s2)
            let f = 32 * 0.884 * (Foundation.pow(tg, 9) - Foundation.pow(tn, 9)) + 56 * 0.829 * tg * tg * tg * tg * tn * tn * tn * tn * (tg - tn)
            power += gf * gf / (pi2 * pi2 * Double.pi) * coefficient * f
        }
        if let m = mass, let bath {
            let home = bath == .neutrinos ? tn : tg, other = bath == .neutrinos ? tg : tn
            let z = Self.thermodynamics(mass: m, temperature: home, degrees: 3, fermion: false)
            rhoTotal += z.rho
            let otherWidth = bath == .neutrinos ? electromagneticWidth : neutrinoWidth
            let zOther = Self.thermodynamics(mass: m, temperature: other, degrees: 3, fermion: false)
            let transfer = otherWidth * m * (z.n - zOther.n)   // from home to other
            switch bath {
            case .neutrinos:
                nuHeat += z.rho + z.p
                nuCapacity += z.drho
                power -= transfer
            case .electromagnetic:
                emHeat += z.rho + z.p
                emCapacity += z.drho
                power += transfer
            }
        }
        let h = (8 * Double.pi * rhoTotal / 3).squareRoot() / PhysicalConstants.planckMass
        let dtn = -(4 * h * rhoNu + 3 * h * nuHeat - power) / nuCapacity
        let dtg = -(4 * h * rhoGamma + 3 * h * (electrons.rho + electrons.p) + 3 * h * emHeat + power) / emCapacity
        return (dtg, dtn)
    }

    /// The home bath: the side of the larger width.
    public var bath: Bath? {
        guard mass != nil else { return nil }
        return neutrinoWidth >= electromagneticWidth ? .neutrinos : .electromagnetic
    }

    /// Whether the Z' equilibrates: Gamma_home > H at T = m/3 (radiation era, g* = 10.75).
    public var isThermalised: Bool {
        guard let m = mass else { return false }
        let t = m / 3
        let h = 1.66 * (10.75).squareRoot() * t * t / PhysicalConstants.planckMass
        return max(neutrinoWidth, electromagneticWidth) > h
    }

    /// Evolves and returns N_eff (and the SM value with the same settings).
    ///
    /// - Throws: ``Problem`` of kind ``Problem/Kind/nonFiniteResult`` if the evolution fails.
    public func solve() throws(Problem) -> Solution {
        let sm = try Self.standardModel(settings)
        guard mass != nil else {
            return Solution(effectiveNumber: sm.nEff, deltaEffectiveNumber: 0, standardModelValue: sm.nEff,
                            temperatureRatio: sm.ratio, bath: nil, thermalised: false, problems: [])
        }
        let smValue = sm.nEff
        guard isThermalised else {
            return Solution(effectiveNumber: smValue, deltaEffectiveNumber: 0, standardModelValue: smValue, temperatureRatio: sm.ratio,
                            bath: bath, thermalised: false,
                            problems: [.warning(.methodCaveat, .coupling, "the Z' never reaches equilibrium (Gamma < H at T = m/3): it is left out, N_eff is the SM value (a freeze-in population is not computed)")])
        }
        let (value, ratio) = try evolve()
        var problems: [Problem] = []
        if let m = mass, m > 0.05 {
            problems.append(.note(.methodCaveat, .mass, value: m, "the Z' decays before neutrino decoupling: Delta N_eff is small and depends on muons and pions that are not in the plasma here"))
        }
        return Solution(effectiveNumber: value, deltaEffectiveNumber: value - smValue, standardModelValue: smValue, temperatureRatio: ratio,
                        bath: bath, thermalised: true, problems: problems)
    }

    /// The SM evolution at the default settings, computed once per process (an immutable lazy
    /// constant): every solve compares with it, and a scan of N_eff pays it once.
    private static let standardModelAtDefaults: Result<(nEff: Double, ratio: Double), Problem> = Result { () throws(Problem) in
        try EffectiveNeutrinoNumber(settings: Settings()).evolve()
    }

    /// The SM evolution (N_eff, T_nu/T_gamma) with `settings`.
    static func standardModel(_ settings: Settings) throws(Problem) -> (nEff: Double, ratio: Double) {
        if settings == Settings() { return try standardModelAtDefaults.get() }
        return try EffectiveNeutrinoNumber(settings: settings).evolve()
    }

    /// The BDF2 evolution in u = ln t; returns N_eff and T_nu/T_gamma.
    func evolve() throws(Problem) -> (nEff: Double, ratio: Double) {
        let t0 = settings.initialTemperature, tEnd = settings.finalTemperature
        // Radiation era: t = 1/(2H).
        let (g0, n0) = derivativesScale(t0)
        var time = 1 / (2 * g0)
        _ = n0
        var y = (t0, t0)
        var previous: (Double, Double)? = nil
        let span = 2 * Foundation.log(t0 / tEnd) + 3
        let h = span / Double(settings.steps)
        var u = Foundation.log(time)
        var tight = false
        func f(_ state: (Double, Double), _ uu: Double) -> (Double, Double) {
            let (a, b) = derivatives(state.0, state.1, tight: tight)
            let t = Foundation.exp(uu)
            return (t * a, t * b)
        }
        /// Solves z - c - beta h f(z) = 0 by damped Newton (finite-difference Jacobian); nil on failure.
        func solveImplicit(_ guess: (Double, Double), c: (Double, Double), beta: Double, h: Double, at uu: Double) -> (Double, Double)? {
            var z = guess
            func residual(_ z: (Double, Double)) -> (Double, Double) {
                let fz = f(z, uu)
                return (z.0 - c.0 - beta * h * fz.0, z.1 - c.1 - beta * h * fz.1)
            }
            var g = residual(z)
            let norm = { (r: (Double, Double), z: (Double, Double)) -> Double in max(abs(r.0) / z.0, abs(r.1) / z.1) }
            for _ in 0..<40 {
                // Converged to the rounding level of the exchange term: with rates up to 1e10 H the
                // residual cannot fall much below 1e-12 (n(T1) - n(T2) cancels), and insisting on
                // more only forces step halving.
                if norm(g, z) < 1e-12 { return z }
                let fz = f(z, uu)
                let e0 = 1e-8 * z.0, e1 = 1e-8 * z.1
                let fa = f((z.0 + e0, z.1), uu), fb = f((z.0, z.1 + e1), uu)
                let j00 = 1 - beta * h * (fa.0 - fz.0) / e0, j01 = -beta * h * (fb.0 - fz.0) / e1
                let j10 = -beta * h * (fa.1 - fz.1) / e0, j11 = 1 - beta * h * (fb.1 - fz.1) / e1
                let det = j00 * j11 - j01 * j10
                guard det.isFinite, det != 0 else { return nil }
                let d0 = (g.0 * j11 - g.1 * j01) / det, d1 = (j00 * g.1 - j10 * g.0) / det
                var lambda = 1.0, accepted = false
                for _ in 0..<30 {
                    let trial = (z.0 - lambda * d0, z.1 - lambda * d1)
                    if trial.0 > 0, trial.1 > 0, trial.0.isFinite, trial.1.isFinite {
                        let gt = residual(trial)
                        if norm(gt, trial) <= norm(g, z) || norm(gt, trial) < 1e-14 { z = trial; g = gt; accepted = true; break }
                    }
                    lambda *= 0.5
                }
                guard accepted else { return norm(g, z) < 1e-9 ? z : nil }
                if abs(lambda * d0) < 1e-13 * z.0 && abs(lambda * d1) < 1e-13 * z.1 { return z }
            }
            return max(abs(g.0) / z.0, abs(g.1) / z.1) < 1e-10 ? z : nil
        }
        /// Implicit Euler over [uu, uu + h], halving the step on failure (depth <= 12).
        func euler(_ y: (Double, Double), _ uu: Double, _ h: Double, depth: Int) -> (Double, Double)? {
            if let z = solveImplicit(y, c: y, beta: 1, h: h, at: uu + h) { return z }
            guard depth < 12, let mid = euler(y, uu, h / 2, depth: depth + 1) else { return nil }
            return euler(mid, uu + h / 2, h / 2, depth: depth + 1)
        }
        var step = 0
        while y.0 > tEnd && step < 4 * settings.steps {
            let uNext = u + h
            let nowTight = exchangeRatio(y.0, y.1) > Self.tightCouplingRatio
            if nowTight != tight {
                if nowTight {
                    // Into one bath: the common temperature that keeps the summed energy (to first order).
                    let c = Self.bathCapacities(y.0, y.1)
                    let common = (c.electromagnetic * y.0 + c.neutrinos * y.1) / (c.electromagnetic + c.neutrinos)
                    y = (common, common)
                }
                tight = nowTight
                previous = nil   // restart the two-step formula
            }
            var next: (Double, Double)? = nil
            if let prev = previous {
                let c = (4.0 / 3 * y.0 - 1.0 / 3 * prev.0, 4.0 / 3 * y.1 - 1.0 / 3 * prev.1)
                next = solveImplicit(y, c: c, beta: 2.0 / 3, h: h, at: uNext)
            }
            if next == nil { next = euler(y, u, h, depth: 0) }
            guard let z = next, z.0.isFinite, z.1.isFinite, z.0 > 0, z.1 > 0 else {
                throw Problem(.nonFiniteResult, parameter: .mass, value: mass.map(Problem.format), severity: .error, message: "the temperature evolution failed")
            }
            previous = y
            y = z
            u = uNext
            step += 1
        }
        time = Foundation.exp(u)
        let tg = y.0, tn = y.1
        let pi2 = Double.pi * Double.pi
        let rhoGamma = pi2 / 15 * tg * tg * tg * tg
        var rhoNu = Self.neutrinoDensityCoefficient * tn * tn * tn * tn
        if let m = mass, bath == .neutrinos {
            let z = Self.thermodynamics(mass: m, temperature: tn, degrees: 3, fermion: false)
            rhoNu += z.rho
        }
        let nEff = 8.0 / 7 * Foundation.pow(11.0 / 4, 4.0 / 3) * rhoNu / rhoGamma
        try Validate.result(nEff, .mass, "N_eff")
        return (nEff, tn / tg)
    }

    /// H at temperature t with everything in equilibrium (for the starting time).
    func derivativesScale(_ t: Double) -> (Double, Double) {
        let pi2 = Double.pi * Double.pi
        var rho = pi2 / 15 * t * t * t * t + Self.thermodynamics(mass: PhysicalConstants.electronMass, temperature: t, degrees: 4, fermion: true).rho
            + Self.neutrinoDensityCoefficient * t * t * t * t
        if let m = mass { rho += Self.thermodynamics(mass: m, temperature: t, degrees: 3, fermion: false).rho }
        return ((8 * Double.pi * rho / 3).squareRoot() / PhysicalConstants.planckMass, 0)
    }
}
