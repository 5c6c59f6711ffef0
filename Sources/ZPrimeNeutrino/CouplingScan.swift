import ZPrimeCore
import ZPrimeCouplings
import ZPrimePoint

/// A range of the model's coupling (g_X, or eps for the dark photon) at one mass, excluded or
/// preferred; `upper` nil when it reaches the top of the scanned range.
public struct NeutrinoCouplingInterval: Sendable, Hashable {
    public var lower: Double
    public var upper: Double?

    public init(lower: Double, upper: Double?) {
        self.lower = lower
        self.upper = upper
    }

    /// Whether `coupling` lies inside.
    public func contains(_ coupling: Double) -> Bool { coupling >= lower && (upper.map { coupling <= $0 } ?? true) }
}

/// The model response along the coupling axis at fixed mass: prepared once per model (its
/// couplings stage), then evaluated at any (mass, coupling).
public struct ModelCouplingAxis: Sendable {
    /// The calculator of the model's point (its mass and coupling are starting values).
    public let calculator: CouplingCalculator

    /// The default scanned range of the model's coupling: 1e-8 ... 1 (eps of a kinetic-mixing-only
    /// model up to 0.5, below the |eps| < 1 limit).
    public var scanRange: ClosedRange<Double> {
        calculator.point.couplingAxis == .kineticMixing ? 1e-8...0.5 : 1e-8...1
    }

    public init(point: ParameterPoint) throws(Problem) {
        calculator = try CouplingCalculator(point: point)
    }

    /// The exchange at (mass, model coupling).
    public func exchange(mass: Double, coupling: Double) throws(Problem) -> ZPrimeExchange {
        try ZPrimeExchange(calculator: calculator.withModelCoupling(coupling), mass: mass)
    }

    /// The coupling intervals in `range` where `statistic(g) > threshold`: all sign changes of
    /// statistic - threshold on a `points`-point log grid, each solved by Brent's method in log g to
    /// 1e-6 relative (``RootFinding``); an interval open at the top is reported with `upper` nil.
    public static func intervals(in range: ClosedRange<Double>, points: Int = 48, threshold: Double,
                                 _ statistic: (Double) -> Double) throws(Problem) -> [NeutrinoCouplingInterval] {
        let roots = try RootFinding.roots(in: range, points: points, spacing: .logarithmic, relativeTolerance: 1e-6,
                                          variable: .coupling) { statistic($0) - threshold }
        var edges = roots.map(\.x)
        var intervals: [NeutrinoCouplingInterval] = []
        var inside = statistic(range.lowerBound) - threshold > 0
        var start: Double? = inside ? range.lowerBound : nil
        edges.sort()
        for x in edges {
            if inside, let s = start {
                intervals.append(NeutrinoCouplingInterval(lower: s, upper: x))
                inside = false
                start = nil
            } else {
                inside = true
                start = x
            }
        }
        if inside, let s = start { intervals.append(NeutrinoCouplingInterval(lower: s, upper: nil)) }
        return intervals
    }
}
