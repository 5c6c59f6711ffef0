import Foundation

/// Bracketing root finders: Brent's method on an interval, the same in the logarithm of a positive
/// variable, and a scan that finds every sign change of a function on a grid.
///
/// Brent's method (R. P. Brent, *Algorithms for Minimization without Derivatives*, Prentice-Hall
/// 1973, chapter 4, the procedure `zero`) keeps a bracket [b, c] with f(b) f(c) <= 0 and |f(b)| <=
/// |f(c)|. Each step tries inverse quadratic interpolation through the last three points (the
/// secant through two when only two differ) and accepts the new point only if it falls well inside
/// the bracket and the steps keep shrinking; otherwise it bisects. It therefore never does worse
/// than about the square of the bisection count and usually converges superlinearly (order about
/// 1.8 for a simple root).
///
/// Semantics shared by every function here:
/// - The returned ``Root/x`` is within `max(relativeTolerance |x|, absoluteTolerance)` of a sign
///   change of f: the returned ``Root/bracket`` has at most that width and contains `x` and a sign
///   change (for a continuous f, a root). Relative tolerances below `2 ulp(1) ~ 4.4e-16` act as
///   `4.4e-16`, so the bracket is at most a few ulps of x wide; tolerance 0 asks for that limit.
/// - An endpoint where f is exactly zero is returned as is, without iterating.
/// - Bad input throws a ``Problem``, never a NaN or a hang: non-finite bounds
///   (``Problem/Kind/notFinite``), a lower bound above the upper one or a non-positive bound in log
///   space (``Problem/Kind/outOfRange``), f of the same sign at both ends (``Problem/Kind/outOfRange``,
///   with both values in the message), f returning NaN or an infinity
///   (``Problem/Kind/nonFiniteResult``, with the point), and no convergence within
///   `maximumIterations` (``Problem/Kind/outOfRange`` on the iteration limit, with the bracket
///   reached; see ``defaultMaximumIterations``).
/// - `variable` names the unknown in the problems thrown (for example ``Parameter/coupling`` when
///   solving for a coupling), so that a front end can report them like any input problem.
///
/// ```swift
/// let root = try RootFinding.brent(in: 0...1) { x in cos(x) - x }
/// print(root.x)            // 0.7390851332151607
/// print(root.evaluations)  // about 8
///
/// // A coupling between 1e-12 and 1 where a signal yield crosses 2.3 events, solved in ln g:
/// let g = try RootFinding.brentLog(in: 1e-12...1, variable: .coupling) { g in 1e14 * g * g - 2.3 }
/// print(g.x)               // 1.5165750888103102e-07
///
/// // Both edges of an excluded island:
/// let edges = try RootFinding.roots(in: 1e-9...1, points: 60, spacing: .logarithmic) { g in
///     min(1e16 * g * g, 1e-4 / (g * g)) - 1  // rises as g^2, falls as 1/g^2
/// }
/// print(edges.map(\.x))    // about [1e-08, 0.01]: the island between the two
/// ```
public enum RootFinding {
    /// An interval [lower, upper] with the values of f at its ends, of opposite signs (or one of
    /// them zero). Produced by ``brackets(in:points:spacing:variable:_:)`` and by the solvers, so
    /// that solving a bracket found by a scan does not evaluate its ends again.
    public struct Bracket: Sendable, Hashable {
        /// The lower end.
        public let lower: Double
        /// The upper end (>= lower).
        public let upper: Double
        /// f(lower).
        public let valueAtLower: Double
        /// f(upper).
        public let valueAtUpper: Double

        init(lower: Double, upper: Double, valueAtLower: Double, valueAtUpper: Double) {
            self.lower = lower
            self.upper = upper
            self.valueAtLower = valueAtLower
            self.valueAtUpper = valueAtUpper
        }

        /// The interval.
        public var interval: ClosedRange<Double> { lower...upper }
        /// upper - lower.
        public var width: Double { upper - lower }
    }

    /// How the points of a scan are spaced.
    public enum Spacing: Sendable, Hashable {
        /// Equal steps in x.
        case linear
        /// Equal steps in ln x (both bounds > 0), for variables spanning decades.
        case logarithmic
    }

    /// A root found by a bracketing method.
    public struct Root: Sendable, Hashable {
        /// The root.
        public var x: Double
        /// f(x) (exactly 0 when an endpoint or an iterate hit the root).
        public var value: Double
        /// The final bracket, containing `x` and a sign change of f, of width at most the tolerance.
        public var bracket: Bracket
        /// Number of iterations (each evaluates f once).
        public var iterations: Int
        /// Total number of evaluations of f, including those of the starting bracket.
        public var evaluations: Int
    }

    /// The default iteration limit, 500. Bisection alone halves the bracket 500 times, a ratio of
    /// 2^500 ~ 1e150 between the starting width and the tolerance; Brent's method is rarely more
    /// than about three times slower than bisection and usually far faster. Brackets spanning many
    /// decades belong in ``brentLog(in:relativeTolerance:absoluteTolerance:maximumIterations:variable:_:)``.
    public static let defaultMaximumIterations = 500

    // MARK: Brent's method

    /// Finds a root of `f` in `interval` by Brent's method.
    ///
    /// - Parameters:
    ///   - interval: the bracket; f must change sign on it (or vanish at an end).
    ///   - relativeTolerance: requested error relative to |x| (>= 0, finite; default 1e-12).
    ///   - absoluteTolerance: requested absolute error (>= 0, finite; default 0). The error bound is
    ///     the larger of the two; use an absolute tolerance for roots at or near 0.
    ///   - maximumIterations: the limit on evaluations after the two ends (>= 1).
    ///   - variable: the unknown, as named in the problems thrown.
    ///   - f: the function; must return finite values on the interval.
    /// - Throws: ``Problem`` as described for ``RootFinding``.
    public static func brent(
        in interval: ClosedRange<Double>,
        relativeTolerance: Double = 1e-12, absoluteTolerance: Double = 0,
        maximumIterations: Int = defaultMaximumIterations, variable: Parameter = .field("x"),
        _ f: (Double) -> Double
    ) throws(Problem) -> Root {
        try brent(lower: interval.lowerBound, upper: interval.upperBound, relativeTolerance: relativeTolerance,
                  absoluteTolerance: absoluteTolerance, maximumIterations: maximumIterations, variable: variable, f)
    }

    /// Finds a root of `f` between `lower` and `upper` (see ``brent(in:relativeTolerance:absoluteTolerance:maximumIterations:variable:_:)``);
    /// `lower > upper` throws instead of being reordered.
    public static func brent(
        lower: Double, upper: Double,
        relativeTolerance: Double = 1e-12, absoluteTolerance: Double = 0,
        maximumIterations: Int = defaultMaximumIterations, variable: Parameter = .field("x"),
        _ f: (Double) -> Double
    ) throws(Problem) -> Root {
        try checkBounds(lower, upper, variable: variable)
        try checkSettings(relativeTolerance, absoluteTolerance, maximumIterations)
        let fa = try evaluate(f, lower, variable)
        let fb = lower == upper ? fa : try evaluate(f, upper, variable)
        let bracket = try makeBracket(lower, upper, fa, fb, variable: variable)
        var root = try solve(bracket, relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance,
                             maximumIterations: maximumIterations, variable: variable, f)
        root.evaluations += lower == upper ? 1 : 2
        return root
    }

    /// Solves a bracket found by ``brackets(in:points:spacing:variable:_:)`` (its end values are
    /// reused, not recomputed; ``Root/evaluations`` counts only the new ones).
    public static func brent(
        in bracket: Bracket,
        relativeTolerance: Double = 1e-12, absoluteTolerance: Double = 0,
        maximumIterations: Int = defaultMaximumIterations, variable: Parameter = .field("x"),
        _ f: (Double) -> Double
    ) throws(Problem) -> Root {
        try checkSettings(relativeTolerance, absoluteTolerance, maximumIterations)
        return try solve(bracket, relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance,
                         maximumIterations: maximumIterations, variable: variable, f)
    }

    /// Finds a root of `f` for a positive variable by Brent's method in u = ln x, then refines the
    /// final bracket in x.
    ///
    /// For bounds spanning many decades (a coupling between 1e-12 and 1) the bisection fallback
    /// halves ln x, not x, so every decade costs the same, and the interpolation steps work on the
    /// usually much smoother f(e^u). The solve in u stops at relative width `relativeTolerance` in x
    /// (|du| = |dx|/x); because e^u carries a rounding error of about |u| ulp(1), the last steps are
    /// taken in x itself, so the tolerance semantics are exactly those of ``brent(in:relativeTolerance:absoluteTolerance:maximumIterations:variable:_:)``.
    ///
    /// - Throws: ``Problem`` as for ``brent(in:relativeTolerance:absoluteTolerance:maximumIterations:variable:_:)``,
    ///   and ``Problem/Kind/outOfRange`` for a lower bound <= 0.
    public static func brentLog(
        in interval: ClosedRange<Double>,
        relativeTolerance: Double = 1e-12, absoluteTolerance: Double = 0,
        maximumIterations: Int = defaultMaximumIterations, variable: Parameter = .field("x"),
        _ f: (Double) -> Double
    ) throws(Problem) -> Root {
        let lower = interval.lowerBound, upper = interval.upperBound
        try checkBounds(lower, upper, variable: variable)
        try checkPositive(lower, variable: variable)
        try checkSettings(relativeTolerance, absoluteTolerance, maximumIterations)
        let fa = try evaluate(f, lower, variable)
        let fb = lower == upper ? fa : try evaluate(f, upper, variable)
        let bracket = try makeBracket(lower, upper, fa, fb, variable: variable)
        var root = try solveLog(bracket, relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance,
                                maximumIterations: maximumIterations, variable: variable, f)
        root.evaluations += lower == upper ? 1 : 2
        return root
    }

    /// Solves a bracket of positive x in ln x (see ``brentLog(in:relativeTolerance:absoluteTolerance:maximumIterations:variable:_:)``),
    /// reusing its end values.
    public static func brentLog(
        in bracket: Bracket,
        relativeTolerance: Double = 1e-12, absoluteTolerance: Double = 0,
        maximumIterations: Int = defaultMaximumIterations, variable: Parameter = .field("x"),
        _ f: (Double) -> Double
    ) throws(Problem) -> Root {
        try checkPositive(bracket.lower, variable: variable)
        try checkSettings(relativeTolerance, absoluteTolerance, maximumIterations)
        return try solveLog(bracket, relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance,
                            maximumIterations: maximumIterations, variable: variable, f)
    }

    // MARK: Scans

    /// Every sign change of `f` on a grid of `points` points from the lower to the upper bound
    /// (both included), as brackets in increasing order.
    ///
    /// A cell [x_i, x_(i+1)] with f(x_i) f(x_(i+1)) < 0 gives one bracket; a grid point where f is
    /// exactly 0 gives the degenerate bracket [x_i, x_i] (once, not also the cells next to it).
    /// Two sign changes inside one cell cancel and are not seen: the grid must resolve the
    /// narrowest island of interest (for an excluded region with two edges, a few points per
    /// island width).
    ///
    /// - Parameters:
    ///   - interval: the range to scan (finite; > 0 for ``Spacing/logarithmic``).
    ///   - points: the number of grid points, >= 2 (f is evaluated exactly this often).
    ///   - spacing: linear or logarithmic steps (default logarithmic).
    /// - Throws: ``Problem`` for bad bounds, `points < 2`, or a non-finite value of f.
    public static func brackets(
        in interval: ClosedRange<Double>, points: Int, spacing: Spacing = .logarithmic,
        variable: Parameter = .field("x"), _ f: (Double) -> Double
    ) throws(Problem) -> [Bracket] {
        let lower = interval.lowerBound, upper = interval.upperBound
        try checkBounds(lower, upper, variable: variable)
        guard lower < upper else { throw Problem.invalid(variable, lower, "a scan needs a lower bound below the upper bound") }
        if spacing == .logarithmic { try checkPositive(lower, variable: variable) }
        guard points >= 2 else {
            throw Problem.invalid(.field("points"), Double(points), "a scan needs at least 2 points")
        }
        let grid = gridPoints(lower, upper, points, spacing)
        var values: [Double] = []
        values.reserveCapacity(grid.count)
        for x in grid { values.append(try evaluate(f, x, variable)) }
        var found: [Bracket] = []
        for i in 0..<grid.count {
            if values[i] == 0 {
                found.append(Bracket(lower: grid[i], upper: grid[i], valueAtLower: 0, valueAtUpper: 0))
            } else if i + 1 < grid.count, values[i + 1] != 0, (values[i] < 0) != (values[i + 1] < 0) {
                found.append(Bracket(lower: grid[i], upper: grid[i + 1], valueAtLower: values[i], valueAtUpper: values[i + 1]))
            }
        }
        return found
    }

    /// Every root of `f` that a scan of `points` grid points resolves: ``brackets(in:points:spacing:variable:_:)``
    /// followed by Brent's method on each bracket (in ln x for ``Spacing/logarithmic``), in
    /// increasing order. ``Root/evaluations`` of each root counts only its own refinement.
    public static func roots(
        in interval: ClosedRange<Double>, points: Int, spacing: Spacing = .logarithmic,
        relativeTolerance: Double = 1e-12, absoluteTolerance: Double = 0,
        maximumIterations: Int = defaultMaximumIterations, variable: Parameter = .field("x"),
        _ f: (Double) -> Double
    ) throws(Problem) -> [Root] {
        try checkSettings(relativeTolerance, absoluteTolerance, maximumIterations)
        let found = try brackets(in: interval, points: points, spacing: spacing, variable: variable, f)
        var roots: [Root] = []
        roots.reserveCapacity(found.count)
        for bracket in found {
            switch spacing {
            case .linear:
                roots.append(try solve(bracket, relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance,
                                       maximumIterations: maximumIterations, variable: variable, f))
            case .logarithmic:
                roots.append(try solveLog(bracket, relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance,
                                          maximumIterations: maximumIterations, variable: variable, f))
            }
        }
        return roots
    }

    // MARK: Implementation

    /// The smallest relative tolerance honoured: 2 ulp(1). With it the bracket shrinks to a few ulps
    /// and every forced step moves b by at least one ulp.
    static let minimumRelativeTolerance = 2 * Double.ulpOfOne

    static func gridPoints(_ lower: Double, _ upper: Double, _ count: Int, _ spacing: Spacing) -> [Double] {
        var grid = [Double](repeating: 0, count: count)
        let n = Double(count - 1)
        switch spacing {
        case .linear:
            let span = upper - lower
            for i in 0..<count { grid[i] = lower + span * (Double(i) / n) }
        case .logarithmic:
            let ratio = log(upper / lower)
            for i in 0..<count { grid[i] = lower * exp(ratio * (Double(i) / n)) }
        }
        grid[0] = lower
        grid[count - 1] = upper
        // Rounding must not break monotonicity (it cannot for these formulas, but a scan relies on it).
        for i in 1..<count where grid[i] < grid[i - 1] { grid[i] = grid[i - 1] }
        return grid
    }

    static func checkBounds(_ lower: Double, _ upper: Double, variable: Parameter) throws(Problem) {
        guard lower.isFinite else { throw Problem.invalid(variable, lower, "lower bound must be a finite number") }
        guard upper.isFinite else { throw Problem.invalid(variable, upper, "upper bound must be a finite number") }
        guard lower <= upper else {
            throw Problem.invalid(variable, lower, "lower bound is above the upper bound \(Problem.format(upper))")
        }
    }

    static func checkPositive(_ lower: Double, variable: Parameter) throws(Problem) {
        guard lower > 0 else {
            throw Problem.invalid(variable, lower, "lower bound must be > 0 for a logarithmic variable")
        }
    }

    static func checkSettings(_ relative: Double, _ absolute: Double, _ iterations: Int) throws(Problem) {
        guard relative.isFinite, relative >= 0 else {
            throw Problem.invalid(.field("relative tolerance"), relative, "must be finite and >= 0")
        }
        guard absolute.isFinite, absolute >= 0 else {
            throw Problem.invalid(.field("absolute tolerance"), absolute, "must be finite and >= 0")
        }
        guard iterations >= 1 else {
            throw Problem.invalid(.field("maximum iterations"), Double(iterations), "must be at least 1")
        }
    }

    static func evaluate(_ f: (Double) -> Double, _ x: Double, _ variable: Parameter) throws(Problem) -> Double {
        let value = f(x)
        guard value.isFinite else {
            throw Problem(.nonFiniteResult, parameter: variable, value: Problem.format(x), severity: .error,
                          message: "the function is \(Problem.format(value)) here; a root finder needs finite values")
        }
        return value
    }

    static func makeBracket(_ lower: Double, _ upper: Double, _ fa: Double, _ fb: Double, variable: Parameter) throws(Problem) -> Bracket {
        guard fa == 0 || fb == 0 || (fa < 0) != (fb < 0) else {
            throw Problem(.outOfRange, parameter: variable, value: nil, severity: .error,
                          message: "no sign change between \(Problem.format(lower)) and \(Problem.format(upper)): "
                              + "f = \(Problem.format(fa)) and \(Problem.format(fb)) (not a bracket)")
        }
        return Bracket(lower: lower, upper: upper, valueAtLower: fa, valueAtUpper: fb)
    }

    /// Brent's `zero` on a bracket with known end values, with a tolerance function of the current
    /// best point: the loop stops when half the bracket is at most `tolerance(b)`. `point` maps the
    /// iteration variable to the argument of f (identity, or exp for the log solve) so that the
    /// stored values belong exactly to the reported points.
    static func brentCore(
        _ bracket: Bracket, maximumIterations: Int, variable: Parameter,
        tolerance: (Double) -> Double, point: (Double) -> Double, _ f: (Double) -> Double
    ) throws(Problem) -> (b: Double, fb: Double, c: Double, fc: Double, iterations: Int) {
        var a = bracket.lower, fa = bracket.valueAtLower
        var b = bracket.upper, fb = bracket.valueAtUpper
        if fa == 0 { return (a, 0, a, 0, 0) }
        if fb == 0 { return (b, 0, b, 0, 0) }
        // c is the contrapoint: f(b) and f(c) have opposite signs throughout.
        var c = a, fc = fa
        var d = b - a, e = d
        var iterations = 0
        while true {
            if (fb < 0) == (fc < 0) {
                c = a; fc = fa
                d = b - a; e = d
            }
            if abs(fc) < abs(fb) {
                // Keep b the better end.
                a = b; b = c; c = a
                fa = fb; fb = fc; fc = fa
            }
            let tol = tolerance(b)
            let m = 0.5 * (c - b)
            if fb == 0 { return (b, 0, b, 0, iterations) }
            if abs(m) <= tol { return (b, fb, c, fc, iterations) }
            guard iterations < maximumIterations else {
                throw Problem(.outOfRange, parameter: .field("maximum iterations"), value: "\(maximumIterations)", severity: .error,
                              message: "Brent's method for \(variable) did not reach the tolerance; the bracket is still "
                                  + "[\(Problem.format(Swift.min(point(b), point(c)))), \(Problem.format(Swift.max(point(b), point(c))))]")
            }
            if abs(e) < tol || abs(fa) <= abs(fb) {
                // The last steps did not shrink fast enough, or the last point was no better: bisect.
                d = m; e = m
            } else {
                let s = fb / fa
                var p: Double, q: Double
                if a == c {
                    // Two distinct points: secant.
                    p = 2 * m * s
                    q = 1 - s
                } else {
                    // Inverse quadratic interpolation through (a, fa), (b, fb), (c, fc).
                    let qa = fa / fc, r = fb / fc
                    p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1))
                    q = (qa - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                // Accept the interpolated step only if it lands inside the bracket, well away from
                // c, and is less than half the step before last; otherwise bisect.
                if 2 * p < 3 * m * q - abs(tol * q) && p < abs(0.5 * e * q) {
                    e = d
                    d = p / q
                } else {
                    d = m; e = m
                }
            }
            a = b; fa = fb
            b += abs(d) > tol ? d : (m > 0 ? tol : -tol)
            fb = try evaluate(f, point(b), variable)
            iterations += 1
        }
    }

    static func solve(
        _ bracket: Bracket, relativeTolerance: Double, absoluteTolerance: Double,
        maximumIterations: Int, variable: Parameter, _ f: (Double) -> Double
    ) throws(Problem) -> Root {
        let relative = Swift.max(relativeTolerance, minimumRelativeTolerance)
        let result = try brentCore(bracket, maximumIterations: maximumIterations, variable: variable,
                                   tolerance: { b in 0.5 * Swift.max(relative * abs(b), absoluteTolerance, 2 * Double.leastNormalMagnitude) },
                                   point: { $0 }, f)
        let lowerEnd = Swift.min(result.b, result.c), upperEnd = Swift.max(result.b, result.c)
        let final = result.b <= result.c
            ? Bracket(lower: lowerEnd, upper: upperEnd, valueAtLower: result.fb, valueAtUpper: result.fc)
            : Bracket(lower: lowerEnd, upper: upperEnd, valueAtLower: result.fc, valueAtUpper: result.fb)
        return Root(x: result.b, value: result.fb, bracket: final, iterations: result.iterations, evaluations: result.iterations)
    }

    static func solveLog(
        _ bracket: Bracket, relativeTolerance: Double, absoluteTolerance: Double,
        maximumIterations: Int, variable: Parameter, _ f: (Double) -> Double
    ) throws(Problem) -> Root {
        if bracket.valueAtLower == 0 || bracket.valueAtUpper == 0 || bracket.lower == bracket.upper {
            return try solve(bracket, relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance,
                             maximumIterations: maximumIterations, variable: variable, f)
        }
        // In u = ln x, a relative width r in x is a width r in u; an absolute tolerance t in x is
        // t/x in u. The exponential of the iterate is the point f sees; its values are kept.
        let relative = Swift.max(relativeTolerance, minimumRelativeTolerance)
        let logBracket = Bracket(lower: log(bracket.lower), upper: log(bracket.upper),
                                 valueAtLower: bracket.valueAtLower, valueAtUpper: bracket.valueAtUpper)
        // The end points as f saw them: exp(log(x)) may differ from x by an ulp, so map back
        // through the given ends where the iterate is still an end.
        func point(_ u: Double) -> Double {
            if u == logBracket.lower { return bracket.lower }
            if u == logBracket.upper { return bracket.upper }
            return exp(u)
        }
        let inLog = try brentCore(logBracket, maximumIterations: maximumIterations, variable: variable,
                                  tolerance: { u in 0.5 * Swift.max(relative, absoluteTolerance / exp(u), 4 * abs(u) * Double.ulpOfOne) },
                                  point: point, f)
        let xb = point(inLog.b), xc = point(inLog.c)
        let refined = xb <= xc
            ? Bracket(lower: xb, upper: xc, valueAtLower: inLog.fb, valueAtUpper: inLog.fc)
            : Bracket(lower: xc, upper: xb, valueAtLower: inLog.fc, valueAtUpper: inLog.fb)
        var root = try solve(refined, relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance,
                             maximumIterations: Swift.max(1, maximumIterations - inLog.iterations), variable: variable, f)
        root.iterations += inLog.iterations
        root.evaluations += inLog.iterations
        return root
    }
}
