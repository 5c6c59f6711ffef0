import Numerics
import ZPrimeCore
import ZPrimeObservables
import ZPrimePoint

/// The outcome of one constraint at one parameter point.
public struct FlavourConstraintEvaluation: Sendable, Hashable {
    /// Allowed, excluded, or not applicable (the model lacks the coupling, or the mass is outside the
    /// constraint's range).
    public enum Verdict: String, Sendable, Hashable, Codable {
        case allowed, excluded
        case notApplicable = "not_applicable"
    }

    /// The constraint's name.
    public let name: String
    /// The verdict.
    public let verdict: Verdict
    /// The prediction divided by the bound (> 1: excluded); 0 when not applicable.
    public let signalToBound: Double
    /// The excluded intervals of the model coupling at this mass, other couplings fixed
    /// (upper bound infinity where open).
    public let excludedCouplings: [ClosedRange<Double>]
    /// Why the verdict is what it is, when not obvious.
    public let problems: [Problem]

    /// Creates an evaluation.
    public init(name: String, verdict: Verdict, signalToBound: Double, excludedCouplings: [ClosedRange<Double>], problems: [Problem]) {
        self.name = name
        self.verdict = verdict
        self.signalToBound = signalToBound
        self.excludedCouplings = excludedCouplings
        self.problems = problems
    }
}

/// A flavour constraint as a self-contained value: metadata (name, experiment, year, citation, mass
/// range) and a function of a parameter point.
///
/// The three constraints of ``FlavourConstraint/all`` (B_s mixing, neutrino trident, mu -> e gamma and
/// tau -> mu gamma) each scale with a power of the model coupling g at fixed mass (the B_s shift as g^2,
/// the cLFV rates as g^4, the trident interference as g^2 and g^4), which gives the excluded coupling interval
/// in closed form.
///
/// ```swift
/// let model = Model(name: "third-family", charges: [.Q: [0, 0, 1], .U: [0, 0, 1], .D: [0, 0, 1],
///                                                   .L: [0, -3, 0], .E: [0, -3, 0], .N: [0, -3, 0]])
/// let point = try ParameterPoint(model: model, mass: 1000, coupling: 0.1)
/// let result = try FlavourConstraint.bsMixing.evaluate(point)
/// print(result.verdict, result.excludedCouplings)   // allowed, [0.104...inf]: excluded above g_X = 0.104
/// ```
public struct FlavourConstraint: Sendable {
    /// A unique name (`bs_mixing`, `neutrino_trident`, `mu_to_e_gamma`, `tau_to_mu_gamma`).
    public let name: String
    /// The experiment(s).
    public let experiment: String
    /// The year of the measurement or bound.
    public let year: Int
    /// The citation.
    public let citation: String
    /// The Z' masses (GeV) where the contact-interaction treatment holds.
    public let massRange: ClosedRange<Double>
    /// The evaluation with explicit settings.
    public let evaluateWithSettings: @Sendable (ParameterPoint, FlavourSettings) throws(Problem) -> FlavourConstraintEvaluation

    /// Evaluates the constraint at `point` with `settings`.
    public func evaluate(_ point: ParameterPoint, settings: FlavourSettings = FlavourSettings()) throws(Problem) -> FlavourConstraintEvaluation {
        try evaluateWithSettings(point, settings)
    }

    /// Every flavour constraint.
    public static var all: [FlavourConstraint] { [bsMixing, neutrinoTrident, muonToElectronGamma, tauToMuonGamma] }

    static func outside(_ name: String, _ point: ParameterPoint, _ range: ClosedRange<Double>) -> FlavourConstraintEvaluation? {
        guard !range.contains(point.mass) else { return nil }
        return FlavourConstraintEvaluation(name: name, verdict: .notApplicable, signalToBound: 0, excludedCouplings: [],
                                    problems: [.note(.extrapolation, .mass, value: point.mass, "\(name) holds for \(range.lowerBound)...\(range.upperBound) GeV (heavy mediator)")])
    }

    /// The excluded interval of a signal that scales as g^power, with value `ratio` (signal/bound) at g.
    static func powerLaw(ratio: Double, coupling g: Double, power: Double) -> [ClosedRange<Double>] {
        guard ratio > 0, g > 0 else { return [] }
        return [(g * Double.pow(1 / ratio, 1 / power))...Double.infinity]
    }

    /// B_s mixing: |M_12/M_12^SM - 1| below the allowed shift (10 %).
    public static let bsMixing: FlavourConstraint = {
        let inputs = try? FlavourInputs.bundled()
        let citation = inputs?.bsMixing.citation ?? "arXiv:2107.07518"
        let range: ClosedRange<Double> = 5...1e5
        return FlavourConstraint(name: "bs_mixing", experiment: "LHCb, CDF (Delta M_s) against the SM (lattice)", year: 2021, citation: citation,
                                 massRange: range) { (point: ParameterPoint, settings: FlavourSettings) throws(Problem) -> FlavourConstraintEvaluation in
            if let outside = outside("bs_mixing", point, range) { return outside }
            let report = try FlavourReport(point: point, settings: settings)
            guard report.bsMixing.vectorLeftLeft != .zero || report.bsMixing.vectorRightRight != .zero else {
                throw Problem.invalid(.model, text: point.model.name, "B_s mixing needs a flavour-changing b-s coupling (family-dependent X_Q or X_D under the \(settings.alignment.name) alignment)", kind: .unsupportedModel)
            }
            let allowed = try FlavourInputs.bundled().bsMixing.allowedShift
            let ratio = report.bsMixingShift.length / allowed
            return FlavourConstraintEvaluation(name: "bs_mixing", verdict: ratio > 1 ? .excluded : .allowed, signalToBound: ratio,
                                        excludedCouplings: powerLaw(ratio: ratio, coupling: point.modelCoupling, power: 2), problems: [])
        }
    }()

    /// Neutrino trident (CCFR): sigma/sigma_SM within 0.82 +- 1.96 x 0.28 (95 % CL, two-sided).
    public static let neutrinoTrident: FlavourConstraint = {
        let inputs = try? FlavourInputs.bundled()
        let range: ClosedRange<Double> = 5...1e5
        return FlavourConstraint(name: "neutrino_trident", experiment: "CCFR", year: 1991, citation: inputs?.trident.citation ?? "CCFR, PRL 66 (1991) 3117",
                                 massRange: range) { (point: ParameterPoint, settings: FlavourSettings) throws(Problem) -> FlavourConstraintEvaluation in
            if let outside = outside("neutrino_trident", point, range) { return outside }
            let report = try FlavourReport(point: point, settings: settings)
            let (cLL, cLR) = report.tridentCoefficients
            guard cLL != 0 || cLR != 0 else {
                throw Problem.invalid(.model, text: point.model.name, "neutrino trident needs couplings to nu_mu and to the muon", kind: .unsupportedModel)
            }
            let data = try FlavourInputs.bundled().trident
            let high = data.ratio + 1.96 * data.uncertainty, low = data.ratio - 1.96 * data.uncertainty
            let r = report.tridentRatio
            // R(y) = 1 + b y + a y^2 in y = (g/g0)^2 (both coefficients scale as g^2): solve R = high, R = low.
            let cv = TridentContact.standardVector, ca = TridentContact.standardAxial
            let (dv, da) = TridentContact.shifts(vectorLeftLeft: cLL, vectorLeftRight: cLR), norm = cv * cv + ca * ca
            let b = 2 * (cv * dv + ca * da) / norm, a = (dv * dv + da * da) / norm
            var roots: [Double] = []
            for level in [high, low] {
                let c = 1 - level, disc = b * b - 4 * a * c
                guard a > 0, disc >= 0 else { continue }
                for y in [(-b - disc.squareRoot()) / (2 * a), (-b + disc.squareRoot()) / (2 * a)] where y > 0 { roots.append(y) }
            }
            roots.sort()
            let edges = [0.0] + roots + [Double.infinity]
            var excluded: [ClosedRange<Double>] = []
            let g0 = point.modelCoupling
            for k in 0..<(edges.count - 1) {
                let y = edges[k + 1].isFinite ? 0.5 * (edges[k] + edges[k + 1]) : edges[k] + 1
                let value = 1 + b * y + a * y * y
                if value > high || value < low { excluded.append((g0 * edges[k].squareRoot())...(g0 * edges[k + 1].squareRoot())) }
            }
            let ratio = r >= data.ratio ? (r - data.ratio) / (high - data.ratio) : (data.ratio - r) / (data.ratio - low)
            return FlavourConstraintEvaluation(name: "neutrino_trident", verdict: (r > high || r < low) ? .excluded : .allowed, signalToBound: ratio,
                                        excludedCouplings: excluded, problems: [])
        }
    }()

    /// mu -> e gamma (MEG II) from the Z' Delta a_mu and the settings' theta_12.
    public static let muonToElectronGamma = dipoleConstraint(name: "mu_to_e_gamma", experiment: "MEG II", year: 2025,
                                                             limit: { $0.muonToElectronGamma }, branching: { $0.muonToElectronGamma })
    /// tau -> mu gamma (Belle) from the Z' Delta a_mu and the settings' theta_23.
    public static let tauToMuonGamma = dipoleConstraint(name: "tau_to_mu_gamma", experiment: "Belle", year: 2021,
                                                        limit: { $0.tauToMuonGamma }, branching: { $0.tauToMuonGamma })

    static func dipoleConstraint(name: String, experiment: String, year: Int, limit: @escaping @Sendable (FlavourInputs) -> FlavourInputs.Limit,
                                 branching: @escaping @Sendable (ChargedLeptonFlavourViolation) -> Double) -> FlavourConstraint {
        let inputs = try? FlavourInputs.bundled()
        let range: ClosedRange<Double> = 1e-3...1e5
        return FlavourConstraint(name: name, experiment: experiment, year: year, citation: inputs.map { limit($0).citation } ?? experiment,
                                 massRange: range) { (point: ParameterPoint, settings: FlavourSettings) throws(Problem) -> FlavourConstraintEvaluation in
            if let outside = outside(name, point, range) { return outside }
            let report = try FlavourReport(point: point, settings: settings)
            let bound = limit(try FlavourInputs.bundled()).upperLimit
            let br = branching(report.leptonFlavourViolation)
            guard br > 0 else {
                return FlavourConstraintEvaluation(name: name, verdict: .notApplicable, signalToBound: 0, excludedCouplings: [],
                                            problems: [.note(.ignored, .field(name), "no misalignment angle (or no Delta a_mu): no \(name)")])
            }
            let ratio = br / bound
            return FlavourConstraintEvaluation(name: name, verdict: ratio > 1 ? .excluded : .allowed, signalToBound: ratio,
                                        excludedCouplings: powerLaw(ratio: ratio, coupling: point.modelCoupling, power: 4), problems: [])
        }
    }
}
