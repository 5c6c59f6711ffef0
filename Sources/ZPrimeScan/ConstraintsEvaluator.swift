import Synchronization
import ZPrimeConstraints
import ZPrimeCore
import ZPrimePoint

/// The scan evaluator of the experimental limits and computed constraints of a
/// ``ZPrimeConstraints/ConstraintRegistry`` (by default the standard one: every recast limit, the g-2,
/// APV, E158 and ATOMKI constraints): one verdict column per constraint, whose number is the signal
/// over the bound (above 1 excluded) for an exclusion, and the ratio of the constraint for a preferred
/// band (an anomaly column: the g-2 bands, ATOMKI).
///
/// | constraint verdict | scan verdict |
/// | --- | --- |
/// | excluded, allowed | excluded, allowed |
/// | inside band | explains |
/// | outside band | allowed |
/// | outside its masses, not applicable | outside_mass_range, not_applicable |
///
/// The registry is prepared once per model and discrete choices (neutrinos, kinetic-mixing rule, dark
/// sector, datasets, model parameters) and reused for every mass and coupling of those choices.
///
/// ```swift
/// let evaluator = try ConstraintsEvaluator()
/// let point = try ParameterPoint(model: BuiltinModels.model(named: "B-L")!, mass: 0.017, coupling: 1e-3)
/// let row = try evaluator.evaluate(point)
/// let kloe = evaluator.columns.firstIndex { $0.name == "KLOE_Anastasi2015qla" }!
/// print(row.cells[kloe])   // verdict(excluded, ...): KLOE excludes g = 1e-3 at 17 MeV
/// ```
public struct ConstraintsEvaluator: PointEvaluator {
    /// The registry evaluated.
    public let registry: ConstraintRegistry
    /// The settings (sigmas of the g-2 and X17 bands and exclusions).
    public let settings: ConstraintSettings
    public let columns: [ScanColumn]
    public let fingerprint: String

    /// Raise when the mapping of verdicts changes.
    public static let physicsRevision = 1

    private final class Cache: Sendable {
        let prepared = Mutex<[ParameterPoint: PreparedRegistry]>([:])
    }
    private let cache = Cache()

    /// Prepares the evaluator.
    ///
    /// - Throws: ``ZPrimeCore/Problem`` for bad settings or unreadable bundled limits.
    public init(registry givenRegistry: ConstraintRegistry? = nil, settings: ConstraintSettings = ConstraintSettings()) throws(Problem) {
        try settings.validate()
        let registry: ConstraintRegistry
        if let givenRegistry { registry = givenRegistry } else { registry = try ConstraintRegistry.standard() }
        var columns: [ScanColumn] = []
        for provider in registry.providers {
            let info = provider.info
            let what = info.boundType == .exclusion
                ? "excluded when the model's signal exceeds the bound; the number is signal/bound"
                : "a preferred band: explains inside it; the number is the constraint's ratio"
            columns.append(try ScanColumn(name: info.name, kind: info.boundType == .exclusion ? .constraint : .anomaly, description: "\(info.experiment) (\(info.year)), \(info.channel): \(what)",
                                          citations: [info.citation + (info.arXiv.map { ", arXiv:\($0)" } ?? "")]))
        }
        self.registry = registry
        self.settings = settings
        self.columns = columns
        fingerprint = "constraints-evaluator revision \(Self.physicsRevision); sigmas \(Problem.format(settings.sigmas)); constraints "
            + Digest.fnv1a(columns.map { "\($0.name) \($0.citations.joined(separator: ";"))" }.joined(separator: "\n"))
    }

    /// `x` to 10 significant digits. The recast limits solve their roots to 1e-10 in ln R
    /// (``ZPrimeConstraints/PreparedLimit/logRatioTolerance``): the digits beyond are noise, and they
    /// depended on which masses a process had cached before (a resumed scan differed from an
    /// uninterrupted one in the 16th digit of displaced-search ratios), so they are not stored.
    static func significant(_ x: Double) -> Double {
        guard x.isFinite, x != 0 else { return x }
        return Double(String(format: "%.10e", x)) ?? x
    }

    /// The registry prepared for `point`'s model and discrete choices (cached).
    func prepared(for point: ParameterPoint) throws(Problem) -> PreparedRegistry {
        var key = point
        key.mass = 1
        key.coupling = 1
        if case .fixed = key.kineticMixing, point.couplingAxis == .kineticMixing { key.kineticMixing = .fixed(1) }
        if let hit = cache.prepared.withLock({ $0[key] }) { return hit }
        let fresh = try registry.prepare(for: point, settings: settings)
        cache.prepared.withLock { table in
            if table.count >= 64 { table.removeAll() }
            table[key] = fresh
        }
        return fresh
    }

    public func evaluate(_ point: ParameterPoint) throws(Problem) -> ScanRow {
        let prepared = try prepared(for: point)
        let shared = try prepared.pointEvaluation(mass: point.mass, coupling: point.modelCoupling)
        var cells: [ScanCell] = []
        cells.reserveCapacity(columns.count)
        var warnings: [Problem] = []
        var seen = Set<Problem.Kind>()
        for constraint in prepared.constraints {
            var result = constraint.evaluate(shared)
            result.ratio = result.ratio.map(Self.significant)
            switch result.verdict {
            case .excluded: cells.append(.verdict(.excluded, result.ratio))
            case .allowed: cells.append(.verdict(.allowed, result.ratio))
            case .insideBand: cells.append(.verdict(.explains, result.ratio))
            case .outsideBand: cells.append(.verdict(.allowed, result.ratio))
            case .outsideMassRange: cells.append(.verdict(.outsideMassRange, nil))
            case .notApplicable: cells.append(.verdict(.notApplicable, nil))
            }
            for problem in result.problems where problem.severity >= .warning && seen.insert(problem.kind).inserted { warnings.append(problem) }
        }
        return ScanRow(cells: cells, warnings: warnings)
    }
}
