/// A problem found in an input or a result, returned as data: what kind of problem, which input it
/// concerns, the offending value, and how serious it is.
///
/// Every stage reports bad input by throwing a `Problem` of severity ``Severity/error`` and caveats of
/// its results (a non-perturbative coupling, a broad width, an extrapolated table) by returning
/// problems of severity ``Severity/warning`` or ``Severity/note`` next to the numbers, in the spirit
/// of GM2Calc's problems and warnings. Nothing is printed from inside the library: front ends format
/// problems, and map ``parameter`` to their own option names (`--mass`, a model-file field, ...), so
/// no code ever needs to match the text of a message.
///
/// ```swift
/// let problem = Problem.invalid(.mass, -1.0, "must be finite and > 0")
/// print(problem)            // "mass -1.0: must be finite and > 0"
/// print(problem.severity)   // error
/// ```
public struct Problem: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
        /// Information worth showing (a default that was used, an approximation that holds here).
        case note
        /// The numbers are computed but should not be trusted without thought.
        case warning
        /// The input is rejected; no numbers are computed.
        case error

        private var rank: Int {
            switch self {
            case .note: return 0
            case .warning: return 1
            case .error: return 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// What kind of problem it is. Front ends may treat kinds differently (for example, a
    /// ``Kind/conflict`` names two options).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        // Input errors.
        /// Not a finite number (NaN or infinity), or not a number at all.
        case notFinite = "not-finite"
        /// A finite value outside the range where the computation is defined or valid.
        case outOfRange = "out-of-range"
        /// Two inputs that cannot be given together, or an input the model fixes itself.
        case conflict
        /// A name that is not known (a model, a dataset, a channel, a limit).
        case unknownName = "unknown-name"
        /// A required input is missing.
        case missing
        /// A bundled or user data file that cannot be read or is inconsistent.
        case dataFile = "data-file"
        /// The model and the requested computation do not fit together.
        case unsupportedModel = "unsupported-model"
        /// A result that is not a finite number although every input was valid.
        case nonFiniteResult = "non-finite-result"
        // Caveats of results.
        /// An input that was accepted but has no effect.
        case ignored
        /// A default value was used for an input that was not given.
        case defaultUsed = "default-used"
        /// A coupling above sqrt(4 pi): perturbation theory does not hold.
        case nonPerturbativeCoupling = "non-perturbative-coupling"
        /// The total width is a large fraction of the mass: the narrow-width treatment fails.
        case broadResonance = "broad-resonance"
        /// A light boson with axial couplings: its longitudinal mode grows like E/m and the result
        /// depends on the ultraviolet completion.
        case longitudinalEnhancement = "longitudinal-enhancement"
        /// No decay channel is open: the boson is stable at this order.
        case noOpenChannel = "no-open-channel"
        /// The mixing shifts the Z mass by more than its measured uncertainty.
        case zMassShift = "z-mass-shift"
        /// A property of the method used at this point (a blend of two descriptions, an average
        /// over resonances).
        case methodCaveat = "method-caveat"
        /// A table or a model used outside the range where it was derived.
        case extrapolation
    }

    /// The kind of problem.
    public var kind: Kind
    /// The input (or result) it concerns.
    public var parameter: Parameter
    /// The offending value as text, at most ``maximumValueLength`` characters (longer values are
    /// truncated with an ellipsis), or `nil`.
    public var value: String?
    /// How serious it is.
    public var severity: Severity
    /// What is wrong, in words, without the parameter's name (e.g. "must be finite and > 0").
    public var message: String

    /// The longest value text a problem carries.
    public static let maximumValueLength = 40

    /// Creates a problem; `value` is truncated to ``maximumValueLength`` characters.
    public init(_ kind: Kind, parameter: Parameter, value: String? = nil, severity: Severity, message: String) {
        self.kind = kind
        self.parameter = parameter
        self.value = value.map(Problem.truncated)
        self.severity = severity
        self.message = message
    }

    /// An input error about a numeric value: of `kind`, or by default ``Kind/notFinite`` when the value
    /// is NaN or infinite and ``Kind/outOfRange`` otherwise.
    public static func invalid(_ parameter: Parameter, _ value: Double, _ message: String, kind: Kind? = nil) -> Problem {
        Problem(kind ?? (value.isFinite ? .outOfRange : .notFinite), parameter: parameter, value: format(value), severity: .error, message: message)
    }

    /// An input error with a textual value (or none).
    public static func invalid(_ parameter: Parameter, text: String?, _ message: String, kind: Kind = .outOfRange) -> Problem {
        Problem(kind, parameter: parameter, value: text, severity: .error, message: message)
    }

    /// A caveat of a result.
    public static func warning(_ kind: Kind, _ parameter: Parameter, value: Double? = nil, _ message: String) -> Problem {
        Problem(kind, parameter: parameter, value: value.map(format), severity: .warning, message: message)
    }

    /// Information about a result.
    public static func note(_ kind: Kind, _ parameter: Parameter, value: Double? = nil, _ message: String) -> Problem {
        Problem(kind, parameter: parameter, value: value.map(format), severity: .note, message: message)
    }

    /// "parameter value: message", or "parameter: message" without a value.
    public var description: String {
        if let value { return "\(parameter) \(value): \(message)" }
        return "\(parameter): \(message)"
    }

    /// The same text with the parameter spelled as a front end names it (an option, a field).
    public func description(naming name: String) -> String {
        if let value { return "\(name) \(value): \(message)" }
        return "\(name): \(message)"
    }

    /// The shortest text that reads back as the same double (`inf`, `-inf`, `nan` for non-finite).
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return "\(value)"
    }

    static func truncated(_ text: String) -> String {
        guard text.count > maximumValueLength else { return text }
        return String(text.prefix(maximumValueLength - 3)) + "..."
    }
}

/// The input or result a ``Problem`` concerns. The named cases are the inputs of a parameter point
/// shared by every stage; ``field(_:)`` names anything else
/// (a coupling entry, a data-file field, a model-file path).
public enum Parameter: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The model (a built-in name or a file).
    case model
    /// The boson mass, GeV.
    case mass
    /// The model's gauge coupling g_X.
    case coupling
    /// The physical kinetic mixing eps.
    case kineticMixing
    /// The ratio r of a kinetic mixing tied to the gauge coupling, eps = r g_X.
    case mixingRatio
    /// The momentum transfer q^2, GeV^2.
    case squaredMomentum
    /// The nature of the light neutrinos.
    case neutrinos
    /// The loop-induced kinetic mixing switch.
    case loopMixing
    /// The muon g-2 dataset.
    case muonDataset
    /// The electron g-2 dataset.
    case electronDataset
    /// A number of standard deviations.
    case sigmas
    /// A boson energy in the lab, GeV.
    case energy
    /// A fixed dark-sector width, GeV.
    case invisibleWidth
    /// The coupling of a dark fermion.
    case darkCoupling
    /// The mass of a dark fermion, GeV.
    case darkMass
    /// A recoil energy, GeV.
    case recoilEnergy
    /// A neutrino energy, GeV.
    case neutrinoEnergy
    /// A range of masses.
    case massRange
    /// The shard of a distributed computation.
    case shard
    /// The mass of an external lepton, GeV.
    case leptonMass
    /// The mass of a fermion inside a loop, GeV.
    case internalMass
    /// Anything else, by name.
    case field(String)

    public var description: String {
        switch self {
        case .model: return "model"
        case .mass: return "mass"
        case .coupling: return "gauge coupling"
        case .kineticMixing: return "kinetic mixing"
        case .mixingRatio: return "mixing ratio"
        case .squaredMomentum: return "squared momentum"
        case .neutrinos: return "neutrino nature"
        case .loopMixing: return "loop mixing"
        case .muonDataset: return "muon dataset"
        case .electronDataset: return "electron dataset"
        case .sigmas: return "sigmas"
        case .energy: return "energy"
        case .invisibleWidth: return "invisible width"
        case .darkCoupling: return "dark coupling"
        case .darkMass: return "dark fermion mass"
        case .recoilEnergy: return "recoil energy"
        case .neutrinoEnergy: return "neutrino energy"
        case .massRange: return "mass range"
        case .shard: return "shard"
        case .leptonMass: return "lepton mass"
        case .internalMass: return "internal mass"
        case .field(let name): return name
        }
    }
}

/// Checks of numeric inputs that throw a ``Problem`` naming the parameter and the value.
public enum Validate {
    /// Throws unless `value` is finite.
    @inlinable
    public static func finite(_ value: Double, _ parameter: Parameter) throws(Problem) {
        guard value.isFinite else { throw Problem.invalid(parameter, value, "must be a finite number") }
    }

    /// Throws unless `value` is finite and > 0.
    @inlinable
    public static func positive(_ value: Double, _ parameter: Parameter) throws(Problem) {
        guard value.isFinite, value > 0 else { throw Problem.invalid(parameter, value, "must be finite and > 0") }
    }

    /// Throws unless `value` is finite and >= 0.
    @inlinable
    public static func nonNegative(_ value: Double, _ parameter: Parameter) throws(Problem) {
        guard value.isFinite, value >= 0 else { throw Problem.invalid(parameter, value, "must be finite and >= 0") }
    }

    /// Throws unless `value` is finite and inside the closed interval.
    @inlinable
    public static func within(_ value: Double, _ range: ClosedRange<Double>, _ parameter: Parameter) throws(Problem) {
        guard value.isFinite, range.contains(value) else {
            throw Problem.invalid(parameter, value, "must be between \(range.lowerBound) and \(range.upperBound)")
        }
    }

    /// Throws ``Problem/Kind/nonFiniteResult`` unless a computed `value` is finite.
    @inlinable
    public static func result(_ value: Double, _ parameter: Parameter, _ what: String) throws(Problem) {
        guard value.isFinite else {
            throw Problem(.nonFiniteResult, parameter: parameter, value: Problem.format(value), severity: .error,
                          message: "\(what) is not a finite number at this point (the inputs are outside the range where the formulas hold)")
        }
    }
}

/// Shared by the stages before ``Problem`` existed; the same type.
public typealias ParameterError = Problem

extension Problem {
    /// Transitional initialiser of the former `ParameterError` (removed once every stage names its
    /// parameters with ``Parameter``).
    public init(parameter: String, value: Double?, problem: String) {
        self.init(value.map { $0.isFinite ? .outOfRange : .notFinite } ?? .outOfRange, parameter: .field(parameter),
                  value: value.map(Problem.format), severity: .error, message: problem)
    }
}
