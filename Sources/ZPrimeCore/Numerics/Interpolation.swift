import Foundation

/// A tabulated curve y(x) on strictly increasing nodes, read by piecewise interpolation that never
/// extrapolates silently.
///
/// Modes (``Mode``): ``Mode/linear`` in (x, y); ``Mode/logX``, linear in (ln x, y), for values
/// against a quantity spanning decades (an efficiency against a mass); ``Mode/logLog``, linear in
/// (ln x, ln y), exact for power laws (a limit on a coupling, a cross section). Between the nodes
/// x_i <= x <= x_(i+1), with w the position in the segment (w = (x - x_i)/(x_(i+1) - x_i), or
/// ln(x/x_i)/ln(x_(i+1)/x_i) for the logarithmic modes):
/// - linear and logX: y = y_i + w (y_(i+1) - y_i);
/// - logLog: y = y_i (y_(i+1)/y_i)^w, evaluated as y_i exp(w ln(y_(i+1)/y_i)) with the segment's
///   log ratio stored, so a power law is reproduced to a few ulps rather than losing digits to
///   large |ln y|.
///
/// Edge semantics:
/// - The domain is the closed range [x_0, x_(n-1)]; both end nodes are inside, and every node
///   returns its tabulated y exactly.
/// - Outside the domain, and for a NaN argument, ``value(at:)`` returns `nil` and
///   ``checkedValue(at:parameter:)`` throws ``Problem/Kind/outOfRange`` naming the domain.
///   ``uncheckedValue(at:)`` skips the check for callers that have established the range
///   themselves (a hot loop over a grid inside the domain); outside it, it continues the end
///   segment's straight line (in the mode's coordinates), which is an extrapolation the caller
///   chose, not a safe value.
/// - Look-up is by binary search, O(log n); when the nodes are uniform (in x for linear, in ln x
///   for the logarithmic modes, to 1e-12 of the step) the segment is found directly from the step.
///
/// ```swift
/// let limit = try TabulatedCurve(x: [0.01, 0.1, 1, 10], y: [3e-3, 1e-3, 5e-4, 2e-3], mode: .logLog)
/// print(limit.value(at: 0.3) ?? .nan)   // between 1e-3 and 5e-4, on a power law
/// print(limit.value(at: 20) as Any)     // nil: outside [0.01, 10]
/// ```
public struct TabulatedCurve: Sendable, Hashable {
    /// How the curve is interpolated between nodes.
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        /// Linear in x and y.
        case linear
        /// Linear in ln x and y (x > 0).
        case logX
        /// Linear in ln x and ln y (x > 0, y > 0).
        case logLog
    }

    /// The nodes, strictly increasing.
    public let x: [Double]
    /// The values at the nodes.
    public let y: [Double]
    /// The interpolation mode.
    public let mode: Mode

    /// Per segment: x_(i+1) - x_i (linear) or ln(x_(i+1)/x_i) (logarithmic modes).
    private let segmentWidths: [Double]
    /// Per segment, logLog only: ln(y_(i+1)/y_i).
    private let logRatios: [Double]
    /// The uniform step (in x or ln x) when the nodes are uniform, else nil.
    private let uniformStep: Double?

    /// Creates a curve and checks its table.
    ///
    /// - Throws: ``Problem`` (parameter `x[i]` or `y[i]`, with the value) when there are fewer than
    ///   two nodes, the arrays differ in length, a value is not finite, x is not strictly increasing,
    ///   x <= 0 in a logarithmic mode, or y <= 0 in ``Mode/logLog``.
    public init(x: [Double], y: [Double], mode: Mode = .linear) throws(Problem) {
        guard x.count >= 2 else {
            throw Problem.invalid(.field("x"), text: "\(x.count) nodes", "a tabulated curve needs at least 2 nodes", kind: .missing)
        }
        guard y.count == x.count else {
            throw Problem.invalid(.field("y"), text: "\(y.count) values", "needs one value per node (\(x.count) nodes)", kind: .conflict)
        }
        for i in 0..<x.count {
            guard x[i].isFinite else { throw Problem.invalid(.field("x[\(i)]"), x[i], "must be a finite number") }
            guard y[i].isFinite else { throw Problem.invalid(.field("y[\(i)]"), y[i], "must be a finite number") }
            if i > 0 {
                guard x[i] > x[i - 1] else {
                    throw Problem.invalid(.field("x[\(i)]"), x[i],
                                          "nodes must be strictly increasing; x[\(i - 1)] = \(Problem.format(x[i - 1]))")
                }
            }
            if mode != .linear {
                guard x[i] > 0 else { throw Problem.invalid(.field("x[\(i)]"), x[i], "must be > 0 for interpolation in ln x") }
            }
            if mode == .logLog {
                guard y[i] > 0 else { throw Problem.invalid(.field("y[\(i)]"), y[i], "must be > 0 for log-log interpolation") }
            }
        }
        self.x = x
        self.y = y
        self.mode = mode
        let segments = x.count - 1
        var widths = [Double](repeating: 0, count: segments)
        for i in 0..<segments { widths[i] = mode == .linear ? x[i + 1] - x[i] : log(x[i + 1] / x[i]) }
        segmentWidths = widths
        if mode == .logLog {
            var ratios = [Double](repeating: 0, count: segments)
            for i in 0..<segments { ratios[i] = log(y[i + 1] / y[i]) }
            logRatios = ratios
        } else {
            logRatios = []
        }
        // Uniform when every segment width equals the mean to 1e-12 of it.
        let total = mode == .linear ? x[segments] - x[0] : log(x[segments] / x[0])
        let mean = total / Double(segments)
        uniformStep = widths.allSatisfy { abs($0 - mean) <= 1e-12 * mean } ? mean : nil
    }

    /// The closed range of x where the curve is defined, [x_0, x_(n-1)].
    public var domain: ClosedRange<Double> { x[0]...x[x.count - 1] }

    /// Whether the nodes are uniform (so that look-up needs no search).
    public var isUniform: Bool { uniformStep != nil }

    /// The interpolated value at `point`, or `nil` outside ``domain`` (and for NaN).
    @inlinable
    public func value(at point: Double) -> Double? {
        guard point >= x[0], point <= x[x.count - 1] else { return nil }
        return uncheckedValue(at: point)
    }

    /// The interpolated value at `point`, or `nil` outside ``domain``; the same as ``value(at:)``.
    @inlinable
    public func callAsFunction(_ point: Double) -> Double? { value(at: point) }

    /// The interpolated value at `point`.
    ///
    /// - Throws: ``Problem/Kind/outOfRange`` (``Problem/Kind/notFinite`` for NaN or an infinity)
    ///   when `point` is outside ``domain``; the problem names `parameter` and the domain.
    public func checkedValue(at point: Double, parameter: Parameter = .field("x")) throws(Problem) -> Double {
        guard let value = value(at: point) else {
            throw Problem.invalid(parameter, point,
                                  "outside the tabulated range \(Problem.format(x[0]))...\(Problem.format(x[x.count - 1])) (no extrapolation)")
        }
        return value
    }

    /// The interpolated value at `point` without a range check: inside ``domain`` the same as
    /// ``value(at:)``; outside it, the end segment continued (an extrapolation; NaN for a NaN
    /// argument, and NaN or an infinity for x <= 0 in the logarithmic modes).
    public func uncheckedValue(at point: Double) -> Double {
        let last = x.count - 1
        if point == x[last] { return y[last] }
        let i = segment(containing: point)
        let w: Double
        switch mode {
        case .linear: w = (point - x[i]) / segmentWidths[i]
        case .logX, .logLog: w = log(point / x[i]) / segmentWidths[i]
        }
        switch mode {
        case .linear, .logX: return y[i] + w * (y[i + 1] - y[i])
        case .logLog: return y[i] * exp(w * logRatios[i])
        }
    }

    /// The index i of the segment [x_i, x_(i+1)) containing `point`, clamped to the first and last
    /// segments outside the domain.
    public func segment(containing point: Double) -> Int {
        let segments = x.count - 1
        guard point > x[0] else { return 0 }
        guard point < x[segments] else { return segments - 1 }
        if let step = uniformStep {
            let offset = mode == .linear ? (point - x[0]) / step : log(point / x[0]) / step
            var i = Swift.min(Swift.max(Int(offset), 0), segments - 1)
            // Rounding of the offset can misplace a point next to a node by one segment.
            while i > 0 && point < x[i] { i -= 1 }
            while i < segments - 1 && point >= x[i + 1] { i += 1 }
            return i
        }
        // Binary search for the last node <= point: x[low] <= point < x[high].
        var low = 0, high = segments
        while high - low > 1 {
            let middle = (low + high) / 2
            if x[middle] <= point { low = middle } else { high = middle }
        }
        return low
    }
}
