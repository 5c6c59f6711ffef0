import ZPrimeCore
import ZPrimePoint

/// What kind of measurement a constraint comes from. An open set: later stages add their own
/// (`ConstraintCategory(rawValue: "cosmology")`); the ones ZPrime registers are the static members.
public struct ConstraintCategory: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// A prompt decay to visible final states (bump hunts at colliders and fixed targets).
    public static let promptVisible = ConstraintCategory(rawValue: "prompt visible")
    /// A displaced decay: beam dumps, long-lived searches (excluded islands).
    public static let displaced = ConstraintCategory(rawValue: "displaced/beam dump")
    /// An invisible decay: missing energy or mass.
    public static let invisible = ConstraintCategory(rawValue: "invisible")
    /// Neutrino-electron (or -nucleus) scattering.
    public static let neutrinoScattering = ConstraintCategory(rawValue: "neutrino scattering")
    /// A lepton anomalous magnetic moment.
    public static let anomalousMagneticMoment = ConstraintCategory(rawValue: "g-2")
    /// Parity violation (atomic, Moller scattering).
    public static let parityViolation = ConstraintCategory(rawValue: "parity violation")
    /// Nuclear transitions (the ATOMKI X17 anomaly).
    public static let nuclear = ConstraintCategory(rawValue: "nuclear/X17")
    /// Stars and supernovae.
    public static let astrophysics = ConstraintCategory(rawValue: "astrophysics")
    /// Rare decays enhanced by an anomalous current (the longitudinal mode of the boson).
    public static let rareDecays = ConstraintCategory(rawValue: "rare decays")
}

/// Whether a constraint excludes points or marks the region that explains a measurement.
public enum BoundType: String, Sendable, Hashable, Codable {
    /// Points with a ratio above 1 are excluded.
    case exclusion
    /// Points with a ratio inside the band explain a measured anomaly; nothing is excluded.
    case preferredBand = "preferred band"
}

/// A range of the model's coupling (g_X, or eps for the dark photon) at one mass: excluded, or
/// preferred for a band. `upper` nil means the range extends past the largest coupling considered
/// (a one-sided limit).
public struct CouplingInterval: Sendable, Hashable, Codable {
    /// The lower edge.
    public var lower: Double
    /// The upper edge; nil for an interval open towards large couplings.
    public var upper: Double?

    /// Creates an interval.
    public init(lower: Double, upper: Double?) {
        self.lower = lower
        self.upper = upper
    }

    /// Whether `coupling` lies inside.
    public func contains(_ coupling: Double) -> Bool { coupling >= lower && (upper.map { coupling <= $0 } ?? true) }
}

/// The description of one limit or constraint: what, who, when, where in mass, and what to cite.
public struct ConstraintInfo: Sendable, Hashable {
    /// The unique name (`E137_Andreas2012mt`, `g2_mu_exclusion`); for DarkCast's limits the name
    /// in its data files.
    public var name: String
    /// The experiment (or observable) it comes from.
    public var experiment: String
    /// The year of the result.
    public var year: Int
    /// The category.
    public var category: ConstraintCategory
    /// The search channel in words (`e+e- -> gamma X, X -> e+e-, mu+mu-`).
    public var channel: String
    /// The masses it covers, GeV.
    public var massRange: ClosedRange<Double>
    /// What to cite (authors, journal, arXiv number).
    public var citation: String
    /// The arXiv number, when there is one.
    public var arXiv: String?
    /// Exclusion or preferred band.
    public var boundType: BoundType
    /// The confidence level (0.9, 0.95) when known.
    public var confidenceLevel: Double?
    /// One sentence on what it is.
    public var summary: String

    /// Creates a description.
    public init(name: String, experiment: String, year: Int, category: ConstraintCategory, channel: String, massRange: ClosedRange<Double>,
                citation: String, arXiv: String?, boundType: BoundType, confidenceLevel: Double?, summary: String) {
        self.name = name
        self.experiment = experiment
        self.year = year
        self.category = category
        self.channel = channel
        self.massRange = massRange
        self.citation = citation
        self.arXiv = arXiv
        self.boundType = boundType
        self.confidenceLevel = confidenceLevel
        self.summary = summary
    }
}

/// The outcome of one constraint at one (mass, coupling).
public enum Verdict: Sendable, Hashable {
    /// The point is excluded: the model's expected signal exceeds the bound (ratio > 1).
    case excluded
    /// The point is allowed (ratio <= 1).
    case allowed
    /// The point lies inside a preferred band (it explains the measurement).
    case insideBand
    /// The point lies outside a preferred band.
    case outsideBand
    /// The mass is outside the masses the constraint covers (or in a vetoed window): nothing is said.
    case outsideMassRange(String)
    /// The constraint does not apply to this model (with the reason).
    case notApplicable(String)

    /// The key used in JSON and CSV (`excluded`, `allowed`, `inside_band`, `outside_band`,
    /// `outside_mass_range`, `not_applicable`).
    public var key: String {
        switch self {
        case .excluded: return "excluded"
        case .allowed: return "allowed"
        case .insideBand: return "inside_band"
        case .outsideBand: return "outside_band"
        case .outsideMassRange: return "outside_mass_range"
        case .notApplicable: return "not_applicable"
        }
    }

    /// The reason of ``outsideMassRange(_:)`` and ``notApplicable(_:)``.
    public var reason: String? {
        switch self {
        case .outsideMassRange(let reason), .notApplicable(let reason): return reason
        default: return nil
        }
    }
}

/// One constraint evaluated at one point.
public struct ConstraintResult: Sendable, Hashable {
    /// The verdict.
    public var verdict: Verdict
    /// The ratio of the model's expected signal to the bound (above 1: excluded), or for a preferred
    /// band the ratio of the model's contribution to the measured central value; nil when the
    /// constraint says nothing here.
    public var ratio: Double?
    /// Further numbers (the published coupling at this mass, a lifetime ratio), by name.
    public var details: [String: Double]
    /// Caveats.
    public var problems: [Problem]

    /// Creates a result.
    public init(verdict: Verdict, ratio: Double? = nil, details: [String: Double] = [:], problems: [Problem] = []) {
        self.verdict = verdict
        self.ratio = ratio
        self.details = details
        self.problems = problems
    }

    /// A result that says nothing, with its verdict.
    public static func silent(_ verdict: Verdict) -> ConstraintResult { ConstraintResult(verdict: verdict) }
}
