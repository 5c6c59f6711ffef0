import Foundation
import ZPrimeCore

/// The recast of a limit at one mass: the model's excluded coupling intervals.
public struct RecastRow: Sendable, Hashable {
    /// The mass, GeV.
    public let mass: Double
    /// The excluded intervals of the model's coupling, increasing (empty: nothing excluded here).
    public let intervals: [CouplingInterval]
    /// Why nothing can be said at this mass (a vetoed window, no signal of the published model), or nil.
    public let note: String?

    /// Creates a row.
    public init(mass: Double, intervals: [CouplingInterval], note: String? = nil) {
        self.mass = mass
        self.intervals = intervals
        self.note = note
    }

    /// The smallest excluded coupling, or nil.
    public var lower: Double? { intervals.first?.lower }
    /// The upper edge of the excluded region (of its last interval), nil when it is open towards large
    /// couplings or nothing is excluded. With several intervals the gaps between them are allowed;
    /// ``intervals`` lists them.
    public var upper: Double? { intervals.last?.upper }
}

extension PreparedLimit {
    /// The recast at the limit's native masses, or at `masses`.
    ///
    /// - Throws: ``Problem`` when the limit does not apply to the model (``notApplicableReason``), or a
    ///   requested mass is outside the limit's masses (no extrapolation).
    public func recast(masses requested: [Double]? = nil) throws(Problem) -> [RecastRow] {
        if let reason = notApplicableReason {
            throw Problem.invalid(.field("limit \(limit.name)"), text: model.point.model.name, reason, kind: .unsupportedModel)
        }
        let range = limit.info.massRange
        if let requested {
            for m in requested where !(m >= range.lowerBound && m <= range.upperBound) {
                throw Problem.invalid(.mass, m, "outside the masses of \(limit.name), \(range.lowerBound)...\(range.upperBound) GeV (no extrapolation)")
            }
        }
        switch limit.bound {
        case .curve(let curve):
            let masses = requested ?? curve.masses
            var rows: [RecastRow] = []
            rows.reserveCapacity(masses.count)
            for m in masses { rows.append(try curveRow(curve, mass: m)) }
            return rows
        case .grid(let grid):
            if let requested {
                var rows: [RecastRow] = []
                for m in requested {
                    guard let j = grid.masses.firstIndex(of: m) else {
                        throw Problem.invalid(.mass, m, "\(limit.name) is a grid: recast only at its masses (\(grid.masses.count) from \(range.lowerBound) to \(range.upperBound) GeV)")
                    }
                    rows.append(RecastRow(mass: m, intervals: try gridIntervals(grid, index: j)))
                }
                return rows
            }
            var rows: [RecastRow] = []
            for j in grid.masses.indices { rows.append(RecastRow(mass: grid.masses[j], intervals: try gridIntervals(grid, index: j))) }
            return rows
        }
    }

    func curveRow(_ curve: LimitCurve, mass m: Double) throws(Problem) -> RecastRow {
        guard m > 0 else { return RecastRow(mass: m, intervals: [], note: "mass 0: no boson to recast") }
        guard let edges = curve.edges(at: m) else { return RecastRow(mass: m, intervals: [], note: "no published bound at this mass (vetoed window)") }
        if isPublishedModelOnly {
            return RecastRow(mass: m, intervals: [CouplingInterval(lower: edges.lower, upper: edges.upper)])
        }
        if let note = referenceRangeNote(lower: edges.lower, upper: edges.upper) { return RecastRow(mass: m, intervals: [], note: note) }
        guard let r = try makeReference(mass: m, lower: edges.lower, upper: edges.upper) else {
            return RecastRow(mass: m, intervals: [], note: "the published model has no signal here (no production, decay or window)")
        }
        if let note = r.inconsistency {
            // The published model itself keeps its published curve; any other model is not recast.
            if isPublishedModel { return RecastRow(mass: m, intervals: [CouplingInterval(lower: edges.lower, upper: edges.upper)]) }
            return RecastRow(mass: m, intervals: [], note: note)
        }
        return RecastRow(mass: m, intervals: try excludedIntervals(r))
    }

    /// Whether the limit is the published model's curve itself (not recast).
    var isPublishedModelOnly: Bool {
        if case .publishedModelOnly = limit.definition.applicability { return true }
        return false
    }

    /// Why published edges cannot be evaluated for the published model (a coupling beyond its range), or nil.
    func referenceRangeNote(lower: Double, upper: Double?) -> String? {
        let top = reference.couplingRange.upperBound
        if lower >= top || (upper.map { $0 >= top } ?? false) {
            return "the published bound (\(upper.map { "\(lower)...\($0)" } ?? "\(lower)")) reaches the largest coupling the published model accepts (\(top)): not recast"
        }
        return nil
    }

    // MARK: Evaluation at a point

    /// The verdict and signal/bound ratio at (mass, coupling); `state` is the model's exact state
    /// there (computed when nil; pass it to share it between limits).
    public func evaluate(mass m: Double, coupling g: Double, state: ModelState? = nil) -> ConstraintResult {
        if let reason = notApplicableReason { return .silent(.notApplicable(reason)) }
        let range = limit.info.massRange
        guard m >= range.lowerBound, m <= range.upperBound else {
            return .silent(.outsideMassRange("covers \(range.lowerBound)...\(range.upperBound) GeV"))
        }
        do throws(Problem) {
            let logRatio: Double
            var details: [String: Double] = [:]
            switch limit.bound {
            case .curve(let curve):
                guard let edges = curve.edges(at: m) else { return .silent(.outsideMassRange("no published bound at this mass (vetoed window)")) }
                details["published_lower"] = edges.lower
                if let u = edges.upper { details["published_upper"] = u }
                if isPublishedModelOnly { return Self.publishedCurveResult(coupling: g, edges: edges, details: details) }
                if let note = referenceRangeNote(lower: edges.lower, upper: edges.upper) { return .silent(.outsideMassRange(note)) }
                guard let r = try cachedReference(mass: m, lower: edges.lower, upper: edges.upper) else {
                    return .silent(.notApplicable("the published model has no signal at this mass"))
                }
                if let note = r.inconsistency {
                    guard isPublishedModel else { return .silent(.notApplicable(note)) }
                    return Self.publishedCurveResult(coupling: g, edges: edges, details: details)
                }
                if let w = r.window, w.t0 > 0 { details["window_start_s"] = w.t0 }
                var s: ModelState
                if let state, state.mass == m, state.coupling == g { s = state } else { s = try model.state(mass: m, coupling: g, withStatic: r.scattering != nil) }
                if r.scattering != nil && s.staticComponents == nil { s = try model.state(mass: m, coupling: g, withStatic: true) }
                let state = s
                logRatio = exactLogRatio(r, state: state)
            case .grid(let grid):
                let masses = grid.masses
                var j = 0
                while j + 1 < masses.count && masses[j + 1] <= m { j += 1 }
                guard let a = try gridLogRatio(grid, index: j, coupling: g) else { return .silent(.notApplicable("no grid point applies")) }
                if j + 1 < masses.count, masses[j] < m, let b = try gridLogRatio(grid, index: j + 1, coupling: g) {
                    let w = (m - masses[j]) / (masses[j + 1] - masses[j])
                    logRatio = a + w * (b - a)
                } else {
                    logRatio = a
                }
            }
            if logRatio <= Self.logFloor {
                return ConstraintResult(verdict: limit.bandEdge == nil ? .allowed : .outsideBand, ratio: 0, details: details,
                                        problems: [.note(.noOpenChannel, .coupling, value: g, "the model gives no signal in this search (no production or no decay into its final states)")])
            }
            let ratio = exp(logRatio)
            let verdict: Verdict
            switch limit.bandEdge {
            case nil: verdict = ratio > 1 ? .excluded : .allowed
            case .lower?: verdict = ratio >= 1 ? .insideBand : .outsideBand
            case .upper?: verdict = ratio <= 1 ? .insideBand : .outsideBand
            }
            return ConstraintResult(verdict: verdict, ratio: ratio, details: details)
        } catch {
            return .silent(.notApplicable(error.message))
        }
    }

    /// The verdict of the published curve itself at coupling g: the ratio is the g^2 proxy of the
    /// signal, (g/g_lower)^2, and for an island the smaller of that and (g_upper/g)^2 (above 1
    /// inside the island).
    static func publishedCurveResult(coupling g: Double, edges: (lower: Double, upper: Double?), details: [String: Double]) -> ConstraintResult {
        var ratio = (g / edges.lower) * (g / edges.lower)
        if let u = edges.upper { ratio = min(ratio, (u / g) * (u / g)) }
        return ConstraintResult(verdict: ratio > 1 ? .excluded : .allowed, ratio: ratio, details: details)
    }

    /// The excluded intervals at `mass` (interpolated published edges between native masses).
    public func excludedIntervals(mass m: Double) throws(Problem) -> [CouplingInterval] {
        if let reason = notApplicableReason {
            throw Problem.invalid(.field("limit \(limit.name)"), text: model.point.model.name, reason, kind: .unsupportedModel)
        }
        let range = limit.info.massRange
        guard m >= range.lowerBound, m <= range.upperBound else {
            throw Problem.invalid(.mass, m, "outside the masses of \(limit.name), \(range.lowerBound)...\(range.upperBound) GeV (no extrapolation)")
        }
        switch limit.bound {
        case .curve(let curve): return try curveRow(curve, mass: m).intervals
        case .grid(let grid):
            let j = grid.masses.lastIndex(where: { $0 <= m }) ?? 0
            return try gridIntervals(grid, index: j)
        }
    }
}
