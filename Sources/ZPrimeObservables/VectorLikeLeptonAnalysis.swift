import Foundation
import Numerics
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeDecays

/// A coupling range quoted with the seed model (data file `MeasuredInputs/seed-model-ranges.json`).
public struct SeedModelRange: Sendable, Hashable, Codable {
    /// The quantity (`eps_n`, `eps_v_ee`, ...), compared in absolute value.
    public var name: String
    /// The lower end, if any.
    public var lower: Double?
    /// The upper end, if any.
    public var upper: Double?
    /// Where the range comes from.
    public var origin: String
    /// Whether the quoted number could not be reproduced (reported, never used as a test).
    public var open: Bool?

    /// Whether |value| lies inside, with a relative slack of 1e-6 (the ranges are quoted to two
    /// digits; eps_n = eps_{B-L} sits on the lower edge up to O(eps^2) corrections of the mixing).
    public func contains(_ value: Double) -> Bool {
        let x = abs(value)
        return (lower.map { x >= $0 * (1 - 1e-6) } ?? true) && (upper.map { x <= $0 * (1 + 1e-6) } ?? true)
    }

    struct File: Codable {
        var description: String
        var citation: String
        var date: String
        var ranges: [SeedModelRange]
    }

    /// The bundled ranges, read once per process.
    public static func bundled() throws(Problem) -> [SeedModelRange] { try cache.get() }

    private static let cache: Result<[SeedModelRange], Problem> = Result { () throws(Problem) -> [SeedModelRange] in
        guard let url = Bundle.module.url(forResource: "seed-model-ranges", withExtension: "json", subdirectory: "MeasuredInputs")
            ?? Bundle.module.url(forResource: "seed-model-ranges", withExtension: "json") else {
            throw Problem.invalid(.field("MeasuredInputs/seed-model-ranges.json"), text: "missing", "the bundled data file was not found", kind: .dataFile)
        }
        do {
            return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).ranges
        } catch {
            throw Problem.invalid(.field("MeasuredInputs/seed-model-ranges.json"), text: "invalid", "\(error)", kind: .dataFile)
        }
    }
}

/// Everything the seed model predicts at one point, from the exact mass-basis couplings: per
/// lepton generation the tuned Yukawa, the masses, the light states' Z' couplings, Delta a from the
/// Z' and h_X loops over every internal charged state (and the shifts of the SM Z, h and W loops),
/// and the point's m_Z', v_X, nucleon couplings, the 8Be ratios with BR(Z' -> e+e-), the quoted
/// ranges and checks (Hati, Kriewald, Orloff, Teixeira, JHEP 07 (2020) 235, arXiv:2005.00028).
///
/// Conventions: couplings in units of e at q^2 = 0 (the convention L = e Z' fbar gamma^mu (eps^V +
/// gamma^5 eps^A) f). `eps_a_nu` is the Z' coupling of the light neutrino's left-handed Weyl field
/// (the coefficient G of e Z' nu^dagger sigma-bar nu), the normalisation of the paper's eps^A_nu: for
/// lambda -> 0 it is -eps_{B-L} = -eps_n, as the paper states for plain B-L; in four-component
/// Majorana notation the current is -(G/2) nubar gamma^mu gamma^5 nu.
///
/// ```swift
/// let point = try VectorLikeLeptonCouplings.point(parameters: .benchmark(.cancellation, h: [1e-6, 1e-5]),
///                                                 epsilonBL: 2e-3, kineticMixing: -8e-4, scalarVEV: 14)
/// let analysis = try VectorLikeLeptonAnalysis(point: point)
/// print(analysis.generation(.muon).moment.total)     // Delta a_mu (Z' + h_X)
/// ```
public struct VectorLikeLeptonAnalysis: Sendable {
    /// The results of one generation.
    public struct Generation: Sendable {
        /// The generation.
        public let generation: LeptonGeneration
        /// y_gg in use, and whether it was tuned.
        public let yukawa: Double
        /// Whether y was tuned to the lepton mass.
        public let isTuned: Bool
        /// The charged masses of the generation (its lepton, then its heavy states), GeV, ascending.
        public let chargedMasses: [Double]
        /// The neutral masses of the generation, GeV, ascending.
        public let neutralMasses: [Double]
        /// eps^V of the light charged lepton (q^2 = 0).
        public let vector: Double
        /// eps^A of the light charged lepton.
        public let axial: Double
        /// The light neutrino's Weyl coupling G (see the type's discussion).
        public let neutrinoAxial: Double
        /// Delta a from the Z' and h_X loops.
        public let moment: MassBasisMoment
        /// Shift of the SM Z loop (model minus SM), computed (unitary gauge, every internal state).
        public let zShift: Double
        /// Shift of the SM Higgs loop (model minus SM), computed.
        public let higgsShift: Double
        /// An order-of-magnitude estimate of the shift of the W loop (see ``wShiftEstimate``).
        public let wShiftEstimate: Double
    }

    /// The point.
    public let point: ParameterPoint
    /// Its couplings calculator (with the vector-like-lepton spectrum).
    public let calculator: CouplingCalculator
    /// The vector-like-lepton couplings.
    public let couplings: VectorLikeLeptonCouplings
    /// The coupling table at q^2 = 0.
    public let table: CouplingTable
    /// eps_{B-L} = g_X/(e sqrt(1 - eps_k^2)).
    public let epsilonBL: Double
    /// The physical eps.
    public let kineticMixing: Double
    /// eps_p, eps_n (vector, q^2 = 0).
    public let proton: Double
    /// eps_n.
    public let neutron: Double
    /// The three generations.
    public let generations: [Generation]
    /// The problems of the couplings stage (spectrum checks, defaults).
    public let problems: [Problem]

    /// Analyses a point of a model with the vector-like-lepton spectrum (its parameters given).
    ///
    /// - Throws: ``Problem`` when the point has no vector-like-lepton spectrum, or any stage fails.
    public init(point: ParameterPoint) throws(Problem) {
        try self.init(calculator: try CouplingCalculator(point: point))
    }

    /// Analyses a prepared calculator.
    public init(calculator: CouplingCalculator) throws(Problem) {
        guard let couplings = calculator.vectorLikeLeptons else {
            throw Problem.invalid(.model, text: calculator.point.model.name,
                                  "has no vector-like-lepton spectrum at this point (a model with that spectrum and its parameters is needed)",
                                  kind: .unsupportedModel)
        }
        self.point = calculator.point
        self.calculator = calculator
        self.couplings = couplings
        let table = try calculator.table(squaredMomentum: 0)
        self.table = table
        kineticMixing = calculator.kineticMixing
        epsilonBL = VectorLikeLeptonCouplings.epsilonBL(gaugeCoupling: point.coupling, kineticMixing: kineticMixing, scheme: calculator.scheme)
        proton = table.proton.vector.real
        neutron = table.neutron.vector.real
        let spectrum = couplings.spectrum
        let current = spectrum.chargedCurrent()
        var list: [Generation] = []
        for g in LeptonGeneration.allCases {
            let lepton = ChargedLepton.allCases[g.rawValue]
            let c = table[lepton.couplingTarget]
            let nu = table[lepton.neutrino]
            let moment = try MassBasisMoment(lepton: lepton, table: table)
            let charged = (0..<spectrum.chargedCount).filter { $0 == g.rawValue || ($0 >= 3 && spectrum.chargedGenerations[$0] == g) }
            let neutral = (0..<spectrum.neutralCount).filter { $0 == g.rawValue || ($0 >= 3 && spectrum.neutralGenerations[$0] == g) }
            list.append(Generation(
                generation: g, yukawa: spectrum.yukawas[g.rawValue], isTuned: spectrum.parameters.tunedYukawa[g.rawValue],
                chargedMasses: charged.map { spectrum.chargedMasses[$0] }.sorted(), neutralMasses: neutral.map { spectrum.neutralMasses[$0] }.sorted(),
                vector: c.vector.real, axial: c.axial.real, neutrinoAxial: nu.left.real, moment: moment,
                zShift: try Self.standardModelBosonShift(couplings.zBoson, lepton: lepton, table: table, scheme: calculator.scheme),
                higgsShift: try Self.standardModelBosonShift(couplings.higgs, lepton: lepton, table: table, scheme: calculator.scheme),
                wShiftEstimate: Self.wShiftEstimate(current, spectrum: spectrum, lepton: g, scheme: calculator.scheme)))
        }
        generations = list
        problems = calculator.problems()
    }

    /// The results of generation `g`.
    public func generation(_ g: LeptonGeneration) -> Generation { generations[g.rawValue] }

    /// m_Z' (GeV).
    public var zPrimeMass: Double { point.mass }
    /// v_X (GeV).
    public var scalarVEV: Double { couplings.scalarVEV }

    /// The decays at the point's mass.
    public func decays() throws(Problem) -> DecayWidths { try DecayCalculator(couplings: calculator).widths(mass: point.mass) }

    /// The quoted ranges with this point's values (absolute; eps_v_ee and eps_a_ee of the electron,
    /// eps_a_nu_e, eps_a_nu_mu of the light neutrinos).
    public func ranges() throws(Problem) -> [(range: SeedModelRange, value: Double)] {
        let values: [String: Double] = [
            "eps_n": neutron, "eps_p": proton, "eps_v_ee": generation(.electron).vector, "eps_a_ee": generation(.electron).axial,
            "eps_a_nu_e": generation(.electron).neutrinoAxial, "eps_a_nu_mu": generation(.muon).neutrinoAxial,
        ]
        return try SeedModelRange.bundled().compactMap { r in values[r.name].map { (r, $0) } }
    }

    // MARK: SM boson shifts

    /// Delta a of an SM boson with the mixed states' couplings (every internal charged state),
    /// minus the same loop with the SM couplings (Z: g_Z(-1/2 + s_W^2) left, g_Z s_W^2 right; h:
    /// m_l/v), the lepton itself inside.
    static func standardModelBosonShift(_ boson: NeutralBoson, lepton: ChargedLepton, table: CouplingTable,
                                        scheme: ElectroweakScheme) throws(Problem) -> Double {
        let shifted = CouplingTable(mass: table.mass, squaredMomentum: table.squaredMomentum,
                                    matrix: ChiralCouplingMatrix(particles: table.particles), otherBosons: [boson])
        let model = try MassBasisMoment(lepton: lepton, table: shifted).total
        let m = table.particles[lepton.couplingTarget.ordinal].mass
        let sm: Double
        if boson.kind == .vector {
            let gz = scheme.zCoupling, sw2 = scheme.sin2ThetaW
            sm = try AnomalousMagneticMoment.oneLoop(leptonMass: m, bosonMass: boson.mass, internalMass: m,
                                                     couplings: .chiral(left: gz * (-0.5 + sw2), right: gz * sw2))
        } else {
            sm = try AnomalousMagneticMoment.oneLoop(leptonMass: m, bosonMass: boson.mass, internalMass: m,
                                                     couplings: LoopCouplings(scalar: m / scheme.vacuumExpectationValue))
        }
        return model - sm
    }

    /// An estimate of the W-loop shift (not a full computation: the photon couples to the W, a loop
    /// ZPrime's neutral-boson formulas do not cover). Two pieces, loop functions set to their
    /// massless-neutrino values or to 1:
    /// - the change of the light lepton's left-handed charged current summed over all neutral states,
    ///   (sum_j |W_L,jl|^2 - 1) times the SM value (10/3) G_F m^2/(8 sqrt2 pi^2);
    /// - the chirally enhanced term of a right-handed current (through L^-_R, L^0_R of the doublet),
    ///   sum_j sqrt2 G_F m M_j |W_L,jl W_R,jl|/(8 pi^2).
    /// The sum of their magnitudes is returned (an upper estimate of the size).
    static func wShiftEstimate(_ current: (left: ComplexMatrix, right: ComplexMatrix), spectrum: VectorLikeLeptonSpectrum,
                               lepton g: LeptonGeneration, scheme: ElectroweakScheme) -> Double {
        let l = g.rawValue
        let m = spectrum.chargedMasses[l]
        let gf = scheme.fermiConstant
        var leftSum = 0.0, chiral = 0.0
        for j in 0..<spectrum.neutralCount {
            leftSum += current.left[j, l].lengthSquared
            chiral += spectrum.neutralMasses[j] * (current.left[j, l] * current.right[j, l].conjugate).length
        }
        let standard = 10.0 / 3.0 * gf * m * m / (8 * 2.0.squareRoot() * Double.pi * Double.pi)
        return abs(standard * (leftSum - 1)) + 2.0.squareRoot() * gf * m * chiral / (8 * Double.pi * Double.pi)
    }

    // MARK: Solving for h

    /// The roots of Delta a_g(total) - target as a function of h_gg in |h| <= `bound`, everything else
    /// fixed (y re-tuned at every h): sign changes on a logarithmic grid of |h| from 1e-12 to the
    /// bound on each side (`pointsPerSide` points) and at h = 0, refined by Brent's method to relative
    /// 1e-12. Sorted by |h|; the first is the one a caller should take (the smallest coupling).
    ///
    /// - Throws: ``Problem`` for a point without the spectrum, an inactive generation, or a failing
    ///   evaluation.
    public static func solveH(target: Double, generation g: LeptonGeneration, point: ParameterPoint, bound: Double = 3e-2,
                              pointsPerSide: Int = 121) throws(Problem) -> [Double] {
        try Validate.finite(target, .field("target"))
        try Validate.positive(bound, .field("bound"))
        let name = "h_\(g.suffix)"
        guard point.modelParameters["lambda_L_\(g.suffix)"] != nil else {
            throw Problem.invalid(.field(name), text: nil, "generation \(g.suffix) has no vector-like leptons: there is no h to solve for", kind: .missing)
        }
        var failure: Problem? = nil
        func f(_ h: Double) -> Double {
            do {
                let p = try point.withParameter(name, h)
                let table = try CouplingCalculator(point: p).table(squaredMomentum: 0)
                return try MassBasisMoment(lepton: ChargedLepton.allCases[g.rawValue], table: table).total - target
            } catch {
                failure = failure ?? error
                return .nan
            }
        }
        var roots: [Double] = []
        let smallest = 1e-12
        for sign in [1.0, -1.0] {
            let found: [RootFinding.Root]
            do {
                found = try RootFinding.roots(in: smallest...bound, points: pointsPerSide, spacing: .logarithmic, variable: .field(name)) { x in f(sign * x) }
            } catch {
                throw failure ?? error
            }
            roots += found.map { sign * $0.x }
        }
        // A root between -1e-12 and 1e-12 (through h = 0).
        let left = f(-smallest), middle = f(0), right = f(smallest)
        if let failure { throw failure }
        if middle == 0 { roots.append(0) } else if left * middle < 0 || middle * right < 0 {
            let bracket = left * middle < 0 ? (-smallest, 0.0) : (0.0, smallest)
            if let root = try? RootFinding.brent(lower: bracket.0, upper: bracket.1, absoluteTolerance: 1e-24, variable: .field(name), f) { roots.append(root.x) }
        }
        return roots.sorted { abs($0) < abs($1) }
    }
}
