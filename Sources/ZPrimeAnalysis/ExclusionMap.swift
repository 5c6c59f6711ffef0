import Foundation
import Synchronization
import ZPrimeConstraints
import ZPrimeCore
import ZPrimeObservables
import ZPrimePoint

/// One constraint over the plane: its excluded (or preferred) coupling intervals mass by mass.
public struct ConstraintCurve: Sendable {
    /// The constraint.
    public let info: ConstraintInfo
    /// Intervals by mass, increasing masses: a recast limit at its native masses (exact edges), a
    /// computed constraint on the plane's grid.
    public let rows: [RecastRow]
    /// The n-sigma of a preferred band (nil for an exclusion).
    public let sigmas: Double?

    /// Whether some row has an interval that reaches into `couplings`.
    public func reaches(_ couplings: ClosedRange<Double>) -> Bool {
        rows.contains { row in row.intervals.contains { $0.lower < couplings.upperBound && ($0.upper ?? .infinity) > couplings.lowerBound } }
    }
}

/// Couplings at one mass of the grid that no exclusion reaches.
public struct AllowedCouplings: Sendable, Hashable {
    /// The mass, GeV.
    public let mass: Double
    /// The allowed intervals inside the plane's coupling range, increasing.
    public let intervals: [CouplingInterval]
    /// The part of the preferred (g-2 or ATOMKI) band that is allowed, if a band is shown.
    public let survivingBand: [CouplingInterval]
}

/// A run of consecutive grid masses with allowed couplings: masses and the couplings they allow.
public struct SurvivingWindow: Sendable, Hashable {
    /// The lowest and highest grid mass of the run, GeV.
    public let masses: ClosedRange<Double>
    /// The smallest and largest allowed coupling over the run.
    public let couplings: ClosedRange<Double>
}

/// Every constraint of a prepared registry over an ``AnalysisPlane``: the curves of the plot, the
/// allowed couplings at each grid mass, and the surviving windows.
///
/// Exclusions are unions of the excluded intervals of every limit and constraint of
/// ``ZPrimeConstraints/BoundType/exclusion`` type at the grid mass (recast limits interpolate their
/// edges between native masses, computed constraints are solved exactly there). DarkCast's g-2 curves
/// (`AMM...`, drawn for the dark photon) are left out: the g-2 constraints computed for the model replace
/// them.
public struct ExclusionMap: Sendable {
    /// The plane.
    public let plane: AnalysisPlane
    /// The grid masses.
    public let masses: [Double]
    /// Exclusions that reach into the plane, in registry order.
    public let exclusions: [ConstraintCurve]
    /// Preferred bands that reach into the plane (g-2 at 1 and 2 sigma, ATOMKI).
    public let bands: [ConstraintCurve]
    /// Allowed couplings at each grid mass.
    public let allowed: [AllowedCouplings]

    /// The constraints the plot and the window leave out (superseded by computed ones).
    public static func isSuperseded(_ info: ConstraintInfo) -> Bool { info.name.hasPrefix("AMM") }

    /// The ATOMKI band: drawn and reported at the fitted X17 mass only (``Analysis``), not on the grid.
    public static let atomkiName = "x17_atomki_8be"

    /// Evaluates `prepared` (at 2 sigma) and `oneSigmaBands` (the g-2 band at 1 sigma, if any) over `plane`.
    public init(prepared: PreparedRegistry, oneSigmaBands: PreparedRegistry?, plane: AnalysisPlane) throws(Problem) {
        let masses = try plane.massGrid()
        let constraints = prepared.constraints.filter {
            !Self.isSuperseded($0.info) && $0.info.name != Self.atomkiName && $0.info.massRange.overlaps(plane.masses)
        }
        let oneSigma = oneSigmaBands?.constraints ?? []
        let all = constraints + oneSigma
        // Intervals of every constraint at every grid mass (nil outside its masses or not applicable).
        // Items (constraint, mass) on every core: the computed constraints cost far more than the limits,
        // and the costliest (CoarseGridConstraint) are solved on every coarseStride-th grid mass only.
        let coarse = Self.coarseIndices(count: masses.count)
        let isCoarse = all.map { $0 is CoarseGridConstraint }
        var items: [Int] = []
        for c in all.indices {
            if isCoarse[c] { items += coarse.map { c * masses.count + $0 } } else { items += (0..<masses.count).map { c * masses.count + $0 } }
        }
        let cells = Mutex(Array(repeating: [CouplingInterval]?.none, count: all.count * masses.count))
        let work = items
        Parallel.forEach(count: work.count, threads: Parallel.defaultThreadCount) { _, k in
            let item = work[k]
            let c = item / masses.count, m = masses[item % masses.count]
            guard all[c].info.massRange.contains(m), let intervals = try? all[c].intervals(mass: m) else { return }
            cells.withLock { $0[item] = intervals }
        }
        let flat = cells.withLock { $0 }
        var columns = (0..<all.count).map { c in Array(flat[(c * masses.count)..<((c + 1) * masses.count)]) }
        for c in all.indices where isCoarse[c] { columns[c] = Self.interpolated(columns[c], at: coarse, masses: masses) }
        let solvedAt = all.indices.map { c in isCoarse[c] ? Set(coarse) : Set(masses.indices) }
        var exclusions: [ConstraintCurve] = []
        var bands: [ConstraintCurve] = []
        var excludedAt = Array(repeating: [CouplingInterval](), count: masses.count)
        var bandAt = Array(repeating: [CouplingInterval](), count: masses.count)
        var hasBand = Array(repeating: false, count: masses.count)
        for (c, constraint) in all.enumerated() {
            let isOneSigma = c >= constraints.count
            // The plot draws what was solved; the window uses the interpolated edges in between.
            let gridRows = masses.indices.compactMap { i in solvedAt[c].contains(i) ? columns[c][i].map { RecastRow(mass: masses[i], intervals: $0) } : nil }
            switch constraint.info.boundType {
            case .exclusion:
                for i in masses.indices { excludedAt[i] += columns[c][i] ?? [] }
                // The plot draws a recast limit from its native masses: exact edges, not the grid.
                var rows = gridRows
                if let limit = constraint as? PreparedLimit, let native = try? limit.recast() {
                    rows = native.filter { plane.masses.contains($0.mass) }
                }
                let curve = ConstraintCurve(info: constraint.info, rows: rows, sigmas: nil)
                if curve.reaches(plane.couplings) { exclusions.append(curve) }
            case .preferredBand:
                let sigmas = isOneSigma ? oneSigmaBands!.settings.sigmas : prepared.settings.sigmas
                let curve = ConstraintCurve(info: constraint.info, rows: gridRows, sigmas: sigmas)
                // A band that starts at the smallest coupling is no preferred band (data consistent with zero).
                let isBand = curve.reaches(plane.couplings)
                    && !gridRows.contains { $0.intervals.contains { $0.lower <= prepared.response.couplingRange.lowerBound * 1.0001 } }
                guard isBand else { continue }
                bands.append(curve)
                if !isOneSigma {
                    for i in masses.indices where columns[c][i] != nil {
                        bandAt[i] += columns[c][i]!
                        hasBand[i] = true
                    }
                }
            }
        }
        let range = CouplingInterval(lower: plane.couplings.lowerBound, upper: plane.couplings.upperBound)
        self.allowed = masses.indices.map { i in
            let free = Self.subtract(excludedAt[i], from: [range])
            let band = hasBand[i] ? Self.intersect(free, Self.union(bandAt[i])) : []
            return AllowedCouplings(mass: masses[i], intervals: free, survivingBand: band)
        }
        self.plane = plane
        self.masses = masses
        self.exclusions = exclusions
        self.bands = bands
    }

    /// Grid masses between two solutions of a ``CoarseGridConstraint``.
    public static let coarseStride = 10

    /// The indices a coarse-grid constraint is solved at: every ``coarseStride``-th and the last.
    static func coarseIndices(count: Int) -> [Int] {
        var indices = Array(stride(from: 0, to: count, by: coarseStride))
        if indices.last != count - 1 { indices.append(count - 1) }
        return indices
    }

    /// Fills the masses between the solved `indices`: edges interpolated linearly in log mass and log
    /// coupling when both neighbours have the same number of intervals (and the same open/closed
    /// upper edges), else the nearer neighbour's intervals.
    static func interpolated(_ column: [[CouplingInterval]?], at indices: [Int], masses: [Double]) -> [[CouplingInterval]?] {
        var out = column
        for (a, b) in zip(indices, indices.dropFirst()) where b > a + 1 {
            for i in (a + 1)..<b {
                let t = log(masses[i] / masses[a]) / log(masses[b] / masses[a])
                let near = t < 0.5 ? column[a] : column[b]
                guard let left = column[a], let right = column[b], left.count == right.count,
                      zip(left, right).allSatisfy({ ($0.upper == nil) == ($1.upper == nil) }) else { out[i] = near; continue }
                func mix(_ x: Double, _ y: Double) -> Double { exp(log(x) + t * (log(y) - log(x))) }
                out[i] = zip(left, right).map { l, r in
                    CouplingInterval(lower: mix(l.lower, r.lower), upper: l.upper.flatMap { lu in r.upper.map { mix(lu, $0) } })
                }
            }
        }
        return out
    }

    /// Runs of consecutive grid masses with allowed couplings (`band`: with an allowed part of the band).
    public func windows(band: Bool = false) -> [SurvivingWindow] {
        var windows: [SurvivingWindow] = []
        var run: [AllowedCouplings] = []
        func close() {
            guard let first = run.first, let last = run.last else { return }
            let intervals = run.flatMap { band ? $0.survivingBand : $0.intervals }
            let lower = intervals.map(\.lower).min()!, upper = intervals.map { $0.upper ?? plane.couplings.upperBound }.max()!
            windows.append(SurvivingWindow(masses: first.mass...last.mass, couplings: lower...upper))
            run = []
        }
        for a in allowed {
            if (band ? a.survivingBand : a.intervals).isEmpty { close() } else { run.append(a) }
        }
        close()
        return windows
    }

    /// The union of intervals, as disjoint increasing intervals.
    static func union(_ intervals: [CouplingInterval]) -> [CouplingInterval] {
        let sorted = intervals.sorted { $0.lower < $1.lower }
        var out: [CouplingInterval] = []
        for interval in sorted {
            if let last = out.last, interval.lower <= (last.upper ?? .infinity) {
                let upper: Double? = (last.upper == nil || interval.upper == nil) ? nil : max(last.upper!, interval.upper!)
                out[out.count - 1] = CouplingInterval(lower: last.lower, upper: upper)
            } else {
                out.append(interval)
            }
        }
        return out
    }

    /// `base` minus the union of `removed`.
    static func subtract(_ removed: [CouplingInterval], from base: [CouplingInterval]) -> [CouplingInterval] {
        var pieces = base
        for cut in union(removed) {
            pieces = pieces.flatMap { piece -> [CouplingInterval] in
                let cutUpper = cut.upper ?? .infinity, pieceUpper = piece.upper ?? .infinity
                guard cut.lower < pieceUpper, cutUpper > piece.lower else { return [piece] }
                var out: [CouplingInterval] = []
                if cut.lower > piece.lower { out.append(CouplingInterval(lower: piece.lower, upper: cut.lower)) }
                if cutUpper < pieceUpper { out.append(CouplingInterval(lower: cutUpper, upper: piece.upper)) }
                return out
            }
        }
        return pieces
    }

    /// The intersection of two sets of disjoint intervals.
    static func intersect(_ a: [CouplingInterval], _ b: [CouplingInterval]) -> [CouplingInterval] {
        var out: [CouplingInterval] = []
        for x in a {
            for y in b {
                let lower = max(x.lower, y.lower)
                let upper = min(x.upper ?? .infinity, y.upper ?? .infinity)
                if upper > lower { out.append(CouplingInterval(lower: lower, upper: upper.isFinite ? upper : nil)) }
            }
        }
        return out.sorted { $0.lower < $1.lower }
    }
}
