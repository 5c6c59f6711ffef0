import RealModule

/// Grids of parameter values for sweeps and scans.
public enum Grid {
    /// The largest number of points of one grid axis, 1,000,000: every point costs output and time,
    /// and a count typed by mistake (1e12) must fail at once instead of allocating terabytes.
    public static let maximumCount = 1_000_000

    /// `count` values log-spaced from `lower` to `upper` inclusive; `count = 1` gives `lower`.
    /// The end points are exact; point k is lower (upper/lower)^(k/(count-1)).
    ///
    /// - Throws: ``Problem`` (naming `parameter`) for non-finite or non-positive bounds, `lower > upper`,
    ///   `lower == upper` with more than one point, or a count outside 1 ... ``maximumCount``.
    public static func logSpaced(from lower: Double, to upper: Double, count: Int, parameter: Parameter) throws(Problem) -> [Double] {
        guard lower.isFinite, lower > 0 else { throw Problem.invalid(parameter, lower, "the start must be finite and > 0") }
        guard upper.isFinite, upper > 0 else { throw Problem.invalid(parameter, upper, "the end must be finite and > 0") }
        guard count >= 1, count <= maximumCount else {
            throw Problem.invalid(parameter, text: "\(count)", "the number of points must be between 1 and \(maximumCount)")
        }
        guard lower <= upper else { throw Problem.invalid(parameter, text: "\(lower):\(upper)", "the start is above the end") }
        if count == 1 { return [lower] }
        guard lower < upper else { throw Problem.invalid(parameter, text: "\(lower):\(upper)", "the start equals the end with \(count) points") }
        let ratio = Double.log(upper / lower)
        return (0..<count).map { k in
            k == count - 1 ? upper : lower * Double.exp(ratio * Double(k) / Double(count - 1))
        }
    }

    /// `count` values evenly spaced from `lower` to `upper` inclusive (same rules as ``logSpaced(from:to:count:parameter:)``,
    /// any signs allowed).
    public static func linear(from lower: Double, to upper: Double, count: Int, parameter: Parameter) throws(Problem) -> [Double] {
        guard lower.isFinite else { throw Problem.invalid(parameter, lower, "the start must be finite") }
        guard upper.isFinite else { throw Problem.invalid(parameter, upper, "the end must be finite") }
        guard count >= 1, count <= maximumCount else {
            throw Problem.invalid(parameter, text: "\(count)", "the number of points must be between 1 and \(maximumCount)")
        }
        guard lower <= upper else { throw Problem.invalid(parameter, text: "\(lower):\(upper)", "the start is above the end") }
        if count == 1 { return [lower] }
        guard lower < upper else { throw Problem.invalid(parameter, text: "\(lower):\(upper)", "the start equals the end with \(count) points") }
        return (0..<count).map { k in
            k == count - 1 ? upper : lower + (upper - lower) * Double(k) / Double(count - 1)
        }
    }
}
