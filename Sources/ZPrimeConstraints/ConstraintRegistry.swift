import Foundation
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeDecays
import ZPrimeObservables
import ZPrimePoint

/// The choices of a constraint evaluation that are not part of the physics point.
public struct ConstraintSettings: Sendable, Hashable {
    /// Standard deviations of the observable-based exclusions and bands (g-2, X17). Default 2.
    public var sigmas: Double

    /// Creates settings.
    public init(sigmas: Double = 2) { self.sigmas = sigmas }

    /// Checks the settings.
    public func validate() throws(Problem) {
        guard sigmas.isFinite, sigmas > 0, sigmas <= 100 else { throw Problem.invalid(.sigmas, sigmas, "must be finite, > 0 and <= 100") }
    }
}

/// Everything a constraint may need about the model at one (mass, coupling), computed once and
/// shared by every constraint of an evaluation.
public struct PointEvaluation: Sendable {
    /// The point at this mass and coupling.
    public let point: ParameterPoint
    /// The model's exact state (on-shell couplings, widths, q^2 = 0 couplings).
    public let state: ModelState
    /// The real Standard Model couplings at q^2 = 0 (low-energy observables).
    public let staticCouplings: FermionCouplings
    /// The measured inputs.
    public let inputs: MeasuredInputs
    /// The settings.
    public let settings: ConstraintSettings

    /// The mass.
    public var mass: Double { state.mass }
    /// The model's coupling.
    public var coupling: Double { state.coupling }
}

/// A limit or constraint that can be prepared for a model: the uniform interface of the registry.
/// Later stages (neutrino scattering, muon beams, cosmology, flavour) add theirs by conforming a type
/// and calling ``ConstraintRegistry/register(_:)``.
///
/// ```swift
/// // An illustrative bound g_X < 1e-3, mass-independent, for masses 1 MeV to 1 GeV.
/// struct MyBound: ConstraintProvider, PreparedConstraint {
///     let info = ConstraintInfo(name: "my_bound", experiment: "X", year: 2025, category: .invisible, channel: "...",
///                               massRange: 1e-3...1, citation: "...", arXiv: nil, boundType: .exclusion,
///                               confidenceLevel: 0.9, summary: "...")
///     func prepare(for point: ParameterPoint, response: ModelResponse, settings: ConstraintSettings) throws(Problem) -> any PreparedConstraint { self }
///     func evaluate(_ point: PointEvaluation) -> ConstraintResult {
///         ConstraintResult(verdict: point.coupling > 1e-3 ? .excluded : .allowed, ratio: point.coupling / 1e-3)
///     }
///     func intervals(mass: Double) throws(Problem) -> [CouplingInterval] { [CouplingInterval(lower: 1e-3, upper: nil)] }
/// }
/// var registry = try ConstraintRegistry.standard()
/// try registry.register(MyBound())
/// ```
public protocol ConstraintProvider: Sendable {
    /// The description.
    var info: ConstraintInfo { get }
    /// The constraint prepared for the model and discrete choices of `point` (its mass and coupling
    /// are starting values only). `response` is the model's shared coupling and decay response.
    func prepare(for point: ParameterPoint, response: ModelResponse, settings: ConstraintSettings) throws(Problem) -> any PreparedConstraint
}

/// A constraint prepared for one model: evaluated at (mass, coupling), and solved for the excluded
/// (or preferred) coupling intervals at a mass.
public protocol PreparedConstraint: Sendable {
    /// The description.
    var info: ConstraintInfo { get }
    /// The verdict and ratio at a point.
    func evaluate(_ point: PointEvaluation) -> ConstraintResult
    /// The coupling intervals excluded (for a band: preferred) at `mass`.
    ///
    /// - Throws: ``Problem`` when the mass is outside the constraint's range or it does not apply.
    func intervals(mass: Double) throws(Problem) -> [CouplingInterval]
}

/// One constraint's result at a point, with its description.
public struct ConstraintEvaluation: Sendable {
    /// The description.
    public let info: ConstraintInfo
    /// The result.
    public let result: ConstraintResult
}

/// Every limit and constraint ZPrime knows, by name: the recast limits of the limit library and the
/// constraints computed from the observables.
///
/// ```swift
/// let registry = try ConstraintRegistry.standard()
/// let point = try ParameterPoint(model: BuiltinModels.model(named: "B-L")!, mass: 0.017, coupling: 1e-4)
/// let prepared = try registry.prepare(for: point)
/// for evaluation in try prepared.evaluate(mass: 0.017, coupling: 1e-4) where evaluation.result.verdict == .excluded {
///     print(evaluation.info.name, evaluation.result.ratio!)
/// }
/// ```
public struct ConstraintRegistry: Sendable {
    /// The providers, in registration order.
    public private(set) var providers: [any ConstraintProvider]
    private var index: [String: Int]

    /// An empty registry.
    public init() {
        providers = []
        index = [:]
    }

    /// The standard registry: every limit of ``LimitCatalogue/bundled()`` and the observable
    /// constraints (``ObservableConstraints``).
    public static func standard() throws(Problem) -> ConstraintRegistry {
        var registry = ConstraintRegistry()
        for limit in try LimitCatalogue.bundled().limits { try registry.register(RecastLimitProvider(limit: limit)) }
        for provider in ObservableConstraints.all { try registry.register(provider) }
        return registry
    }

    /// Adds a provider.
    ///
    /// - Throws: ``Problem`` when its name is taken.
    public mutating func register(_ provider: any ConstraintProvider) throws(Problem) {
        let name = provider.info.name
        guard index[name] == nil else {
            throw Problem.invalid(.field("constraint"), text: name, "a constraint of this name is already registered", kind: .conflict)
        }
        index[name] = providers.count
        providers.append(provider)
    }

    /// The provider called `name` (exact, else case-insensitive), or nil.
    public func provider(named name: String) -> (any ConstraintProvider)? {
        if let i = index[name] { return providers[i] }
        return providers.first { $0.info.name.lowercased() == name.lowercased() }
    }

    /// Every name.
    public var names: [String] { providers.map(\.info.name) }

    /// The providers called `names` (each exact or case-insensitive).
    ///
    /// - Throws: ``Problem`` (kind ``Problem/Kind/unknownName``) for an unknown name, suggesting the
    ///   closest names by edit distance.
    public func providers(named names: [String]) throws(Problem) -> [any ConstraintProvider] {
        var list: [any ConstraintProvider] = []
        for name in names {
            guard let p = provider(named: name) else {
                let close = NameSuggestions.closest(to: name, in: self.names)
                throw Problem.invalid(.field("limit"), text: name, "unknown limit or constraint; closest: \(close.joined(separator: ", "))", kind: .unknownName)
            }
            list.append(p)
        }
        return list
    }

    /// Every provider prepared for `point`'s model.
    public func prepare(for point: ParameterPoint, settings: ConstraintSettings = ConstraintSettings(),
                        only names: [String]? = nil) throws(Problem) -> PreparedRegistry {
        try settings.validate()
        let selected = try names.map { (n: [String]) throws(Problem) in try providers(named: n) } ?? providers
        let response = try ModelResponse(point: point)
        var prepared: [any PreparedConstraint] = []
        for provider in selected { prepared.append(try provider.prepare(for: point, response: response, settings: settings)) }
        return PreparedRegistry(response: response, constraints: prepared, settings: settings, inputs: try MeasuredInputs.bundled())
    }
}

/// A registry prepared for one model.
public struct PreparedRegistry: Sendable {
    /// The model's response.
    public let response: ModelResponse
    /// The prepared constraints, in registry order.
    public let constraints: [any PreparedConstraint]
    /// The settings.
    public let settings: ConstraintSettings
    /// The measured inputs.
    public let inputs: MeasuredInputs

    /// The shared state at (mass, coupling).
    public func pointEvaluation(mass: Double, coupling: Double) throws(Problem) -> PointEvaluation {
        try Validate.positive(mass, .mass)
        try Validate.positive(coupling, .coupling)
        let point = try response.point.withMass(mass).withModelCoupling(coupling)
        let state = try response.state(mass: mass, coupling: coupling, withStatic: true)
        let staticTable = try response.table(mass: mass, coupling: coupling, squaredMomentum: 0)
        return PointEvaluation(point: point, state: state, staticCouplings: staticTable.real, inputs: inputs, settings: settings)
    }

    /// Every constraint at (mass, coupling), most constraining first: exclusions by decreasing
    /// ratio, then bands, then constraints that say nothing here.
    public func evaluate(mass: Double, coupling: Double) throws(Problem) -> [ConstraintEvaluation] {
        let shared = try pointEvaluation(mass: mass, coupling: coupling)
        let results = constraints.map { ConstraintEvaluation(info: $0.info, result: $0.evaluate(shared)) }
        return Self.sorted(results)
    }

    /// The ordering of ``evaluate(mass:coupling:)``.
    public static func sorted(_ results: [ConstraintEvaluation]) -> [ConstraintEvaluation] {
        func rank(_ e: ConstraintEvaluation) -> Int {
            switch e.result.verdict {
            case .excluded, .allowed: return 0
            case .insideBand, .outsideBand: return 1
            case .outsideMassRange: return 2
            case .notApplicable: return 3
            }
        }
        // Sort small keys (rank, ratio, position), not the evaluations themselves.
        let keys = results.enumerated().map { (rank: rank($0.element), ratio: $0.element.result.ratio ?? -1, offset: $0.offset) }
        let order = keys.sorted { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.ratio != b.ratio && a.rank <= 1 { return a.ratio > b.ratio }
            return a.offset < b.offset
        }
        return order.map { results[$0.offset] }
    }
}

/// A recast limit as a registry provider.
public struct RecastLimitProvider: ConstraintProvider {
    /// The limit.
    public let limit: Limit
    /// Wraps a limit.
    public init(limit: Limit) { self.limit = limit }
    public var info: ConstraintInfo { limit.info }
    public func prepare(for point: ParameterPoint, response: ModelResponse, settings: ConstraintSettings) throws(Problem) -> any PreparedConstraint {
        try PreparedLimit(limit: limit, point: point, response: response)
    }
}

extension PreparedLimit: PreparedConstraint {
    public var info: ConstraintInfo { limit.info }
    public func evaluate(_ point: PointEvaluation) -> ConstraintResult {
        evaluate(mass: point.mass, coupling: point.coupling, state: point.state)
    }
    public func intervals(mass: Double) throws(Problem) -> [CouplingInterval] { try excludedIntervals(mass: mass) }
}

/// Closest names by edit distance, for suggestions after a typo.
public enum NameSuggestions {
    /// Up to `count` names of `candidates` closest to `name` (case-insensitive Levenshtein distance;
    /// a candidate containing the typed text counts as distance 0).
    public static func closest(to name: String, in candidates: [String], count: Int = 3) -> [String] {
        let typed = Array(name.lowercased())
        let scored = candidates.map { candidate -> (String, Int) in
            let c = candidate.lowercased()
            if !typed.isEmpty && c.contains(name.lowercased()) { return (candidate, 0) }
            return (candidate, distance(typed, Array(c)))
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(count).map(\.0)
    }

    /// The Levenshtein distance.
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
