import Numerics
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeObservables
import ZPrimePoint

/// The Z' couplings elastic neutrino scattering needs, at one mass and one gauge coupling, with
/// their dependence on the momentum transfer: the left-handed coupling of each neutrino flavour
/// g_nu = e (eps^V_nu - eps^A_nu), the electron's chiral couplings g_eL = e (eps^V_e - eps^A_e),
/// g_eR = e (eps^V_e + eps^A_e), and the nucleons' vector couplings g_p = e eps^V_p, g_n = e eps^V_n
/// (absolute couplings, GeV^0), from the couplings stage (charges, kinetic mixing, exact A-Z-Z'
/// mixing, loop-induced mixing).
///
/// **Momentum transfer.** Scattering probes the Z' at space-like q^2 = -2 M T (M the recoiling mass,
/// T the recoil energy). Only the loop-induced kinetic mixing of L_i - L_j models depends on q^2; it
/// shifts every charged fermion's vector coupling by -eps(q^2) Q_f (``LoopKineticMixing``), so the
/// proton's eps^V_p moves by -Delta eps and the electron's by +Delta eps, with
/// Delta eps(q^2) = eps(q^2) - eps(0), the neutron and the neutrinos not at all. ``couplings(squaredMomentum:)``
/// applies exactly this shift to the couplings at q^2 = 0 (the same arithmetic as
/// ``CouplingCalculator/table(mass:squaredMomentum:)``; tests compare the two).
///
/// **Sign for L_mu - L_tau.** eps(0) = e g ln(m_mu/m_tau)/(6 pi^2) < 0 for g > 0 (about -g/70), and
/// the induced shift of every vector coupling is -eps Q_f: the electron (Q = -1) gets eps^V_e = eps < 0
/// while the muon's direct coupling is +g/e > 0 (opposite signs), and the proton gets -eps > 0. In
/// CEvNS the nu_mu amplitude (g_nu = +g) therefore interferes destructively with the SM one and the
/// nu_tau amplitude (g_nu = -g) constructively.
///
/// ```swift
/// let point = try ParameterPoint(model: BuiltinModels.model(named: "Lmu-Ltau")!, mass: 0.01, coupling: 5e-4)
/// let exchange = try ZPrimeExchange(point: point)
/// print(exchange.neutrino[1], exchange.couplings(squaredMomentum: -1e-3).proton)
/// ```
public struct ZPrimeExchange: Sendable, Hashable {
    /// The Z' mass, GeV.
    public let mass: Double
    /// The gauge coupling g_X the couplings were computed at.
    public let gaugeCoupling: Double
    /// Left-handed neutrino couplings (nu_e, nu_mu, nu_tau), absolute.
    public let neutrino: [Double]
    /// Couplings at q^2 = 0.
    public let staticCouplings: Couplings
    /// The loop mixing at unit gauge coupling, when the point has one (the shift is linear in g).
    private let unitLoop: LoopKineticMixing?
    private let unitLoopAtZero: Double

    /// The charged-fermion and nucleon couplings at one q^2.
    public struct Couplings: Sendable, Hashable {
        public init(electronLeft: Double, electronRight: Double, proton: Double, neutron: Double) {
            self.electronLeft = electronLeft
            self.electronRight = electronRight
            self.proton = proton
            self.neutron = neutron
        }
        /// e (eps^V_e - eps^A_e).
        public var electronLeft: Double
        /// e (eps^V_e + eps^A_e).
        public var electronRight: Double
        /// e eps^V_p.
        public var proton: Double
        /// e eps^V_n.
        public var neutron: Double
    }

    /// The exchange of `calculator`'s point at mass `mass` (default: the point's).
    ///
    /// - Throws: ``Problem`` for a mass without a Z' eigenstate or non-finite couplings.
    public init(calculator: CouplingCalculator, mass: Double? = nil) throws(Problem) {
        let m = mass ?? calculator.point.mass
        try Validate.positive(m, .mass)
        let table = try calculator.table(mass: m, squaredMomentum: 0)
        let e = PhysicalConstants.elementaryCharge
        let real = table.real
        neutrino = NeutrinoFlavour.allCases.map { $0.leftHandedCoupling(real) }
        let electron = real[.electron]
        staticCouplings = Couplings(electronLeft: e * (electron.vector - electron.axial), electronRight: e * (electron.vector + electron.axial),
                                    proton: e * table.proton.vector.real, neutron: e * table.neutron.vector.real)
        for value in neutrino + [staticCouplings.electronLeft, staticCouplings.electronRight, staticCouplings.proton, staticCouplings.neutron] {
            try Validate.result(value, .coupling, "a Z' coupling")
        }
        self.mass = m
        gaugeCoupling = calculator.gaugeCoupling
        if let loop = calculator.loopMixing {
            let unit = LoopKineticMixing(fermions: loop.fermions, gaugeCoupling: 1)
            unitLoop = unit
            unitLoopAtZero = unit?.mixing(atSquaredMomentum: 0).real ?? 0
        } else {
            unitLoop = nil
            unitLoopAtZero = 0
        }
    }

    /// An exchange from couplings given directly (no q^2 dependence): for couplings taken from
    /// elsewhere, and tests (a Z clone).
    public init(mass: Double, neutrino: [Double], couplings: Couplings) {
        precondition(neutrino.count == 3, "one coupling per neutrino flavour")
        self.mass = mass
        gaugeCoupling = 0
        self.neutrino = neutrino
        staticCouplings = couplings
        unitLoop = nil
        unitLoopAtZero = 0
    }

    /// The exchange of a parameter point at its mass.
    public init(point: ParameterPoint) throws(Problem) {
        try self.init(calculator: CouplingCalculator(point: point))
    }

    /// Delta eps(q^2) = eps(q^2) - eps(0) of the loop-induced mixing (0 without one); q^2 <= 0.
    public func loopShift(squaredMomentum q2: Double) -> Double {
        guard let unitLoop else { return 0 }
        return gaugeCoupling * (unitLoop.mixing(atSquaredMomentum: q2).real - unitLoopAtZero)
    }

    /// Whether the couplings depend on q^2 (the point has loop-induced mixing).
    public var dependsOnMomentum: Bool { unitLoop != nil }

    /// The couplings at q^2 (GeV^2).
    public func couplings(squaredMomentum q2: Double) -> Couplings {
        guard unitLoop != nil else { return staticCouplings }
        let shift = PhysicalConstants.elementaryCharge * loopShift(squaredMomentum: q2)
        var c = staticCouplings
        c.electronLeft += shift
        c.electronRight += shift
        c.proton -= shift
        return c
    }
}
