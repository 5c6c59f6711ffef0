import Foundation
import ZPrimeCore
import ZPrimePoint

/// The description of a constraint computed by this module, in the shape of the constraint
/// library's descriptions (name, experiment, year, citation, mass range, confidence level), so that
/// each can be registered there by a thin adapter.
public struct ProbeConstraintInfo: Sendable, Hashable {
    /// The unique name (`NA64mu_2024`, `CCFR_trident`, `Neff_Planck2018`).
    public let name: String
    /// The experiment or data set.
    public let experiment: String
    /// The year of the result.
    public let year: Int
    /// The category (`invisible`, `neutrino trident`, `cosmology`).
    public let category: String
    /// The process in words.
    public let channel: String
    /// The masses the constraint covers, GeV.
    public let massRange: ClosedRange<Double>
    /// What to cite.
    public let citation: String
    /// The arXiv number.
    public let arXiv: String?
    /// The confidence level.
    public let confidenceLevel: Double
    /// One sentence on what it is.
    public let summary: String
}

/// The verdict of a constraint at one point.
public enum ProbeVerdict: String, Sendable, Hashable {
    /// The signal-to-bound ratio exceeds 1.
    case excluded
    /// The ratio is at most 1.
    case allowed
    /// The mass is outside the constraint's range.
    case outsideMassRange = "outside_mass_range"
    /// The constraint does not apply (no coupling to the probed particles).
    case notApplicable = "not_applicable"
}

/// The result of a constraint at one point: the verdict, the ratio of the model's signal to the
/// bound (> 1 excluded), the numbers behind it, caveats.
public struct ProbeConstraintResult: Sendable, Hashable {
    /// The verdict.
    public let verdict: ProbeVerdict
    /// Signal over bound, nil when nothing is said.
    public let ratio: Double?
    /// The numbers behind the ratio, by name.
    public let details: [String: Double]
    /// Caveats.
    public let problems: [Problem]
}

/// A constraint of this module: its description, an evaluation at a point and the excluded coupling
/// intervals at a mass.
public protocol ProbeConstraint: Sendable {
    /// The description.
    var info: ProbeConstraintInfo { get }
    /// The verdict and signal-to-bound ratio at `point`.
    func evaluate(_ point: ParameterPoint) throws(Problem) -> ProbeConstraintResult
    /// The model couplings (g_X, or eps) excluded at `mass` for the model and choices of `point`.
    func excludedCouplings(for point: ParameterPoint, mass: Double) throws(Problem) -> [ClosedRange<Double>]
}

/// Excluded coupling intervals from a margin function (positive where excluded).
public enum CouplingIntervals {
    /// Every interval of `range` where `margin(g) > 0`: sign changes on a log grid of `points`
    /// couplings, each refined by bisection in ln g to a relative `tolerance` (1e-7). An interval that reaches
    /// an end of the range ends there.
    public static func solve(range: ClosedRange<Double>, points: Int = 61, tolerance: Double = 1e-7, margin: (Double) -> Double) throws(Problem) -> [ClosedRange<Double>] {
        guard range.lowerBound > 0, range.lowerBound < range.upperBound, range.upperBound.isFinite else {
            throw Problem.invalid(.field("coupling range"), text: "\(range.lowerBound)-\(range.upperBound)", "must be 0 < lower < upper, finite")
        }
        let grid = try Grid.logSpaced(from: range.lowerBound, to: range.upperBound, count: points, parameter: .field("coupling range"))
        let values = grid.map(margin)
        func refine(_ a: Double, _ b: Double, _ fa: Double) -> Double {
            var lo = Foundation.log(a), hi = Foundation.log(b), flo = fa
            for _ in 0..<60 {
                let mid = 0.5 * (lo + hi)
                let fm = margin(Foundation.exp(mid))
                if (fm > 0) == (flo > 0) { lo = mid; flo = fm } else { hi = mid }
                if hi - lo < tolerance { break }
            }
            return Foundation.exp(0.5 * (lo + hi))
        }
        var intervals: [ClosedRange<Double>] = []
        var start: Double? = values[0] > 0 ? grid[0] : nil
        for i in 1..<grid.count {
            let before = values[i - 1] > 0, now = values[i] > 0
            if before != now {
                let edge = refine(grid[i - 1], grid[i], values[i - 1])
                if now { start = edge } else if let s = start { intervals.append(s...edge); start = nil }
            }
        }
        if let s = start { intervals.append(s...range.upperBound) }
        return intervals
    }
}
