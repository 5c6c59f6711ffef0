import ZPrimeCore
import ZPrimePoint

/// Expected sensitivity of one or more detectors sharing systematic groups (a stopped-pion detector
/// with its beam normalisation; NR and ER of one xenon detector with the solar flux uncertainties):
/// binned Asimov chi^2 (``AsimovStatistics``) for the 90 % CL exclusion reach (SM data) and 5 sigma
/// discovery (Z' data) in the (m, g) plane.
///
/// ```swift
/// let point = try ParameterPoint(model: BuiltinModels.model(named: "Lmu-Ltau")!, mass: 0.01, coupling: 5e-4)
/// let ess10 = try Sensitivity(experiment: SpallationExperiment.named("ESS10"), point: point)
/// print(try ess10.discovery(mass: 0.01, coupling: 5e-4))        // chi^2 of the SM against Z' data
/// print(try ess10.reach(masses: [0.01, 0.1]).map(\.intervals))  // 90 % CL exclusion reach
/// ```
public struct Sensitivity: Sendable {
    /// The kernels (their bins are concatenated).
    public let kernels: [RateKernel]
    /// Relative normalisation uncertainty of each group.
    public let sigmas: [Double]
    /// The model.
    public let axis: ModelCouplingAxis
    /// The SM counts.
    public let standard: EventCounts

    /// Detectors given as kernels with shared groups.
    public init(kernels: [RateKernel], sigmas: [Double], point: ParameterPoint) throws(Problem) {
        precondition(!kernels.isEmpty && kernels.allSatisfy { $0.groupCount == sigmas.count }, "one sigma per group of every kernel")
        self.kernels = kernels
        self.sigmas = sigmas
        axis = try ModelCouplingAxis(point: point)
        standard = Self.combined(kernels.map { $0.counts(exchange: nil) })
    }

    /// A stopped-pion detector with its tabulated systematic, `bins` log bins above threshold.
    public init(experiment: SpallationExperiment, point: ParameterPoint, bins: Int = 10) throws(Problem) {
        try self.init(kernels: [experiment.kernel(bins: bins)], sigmas: [experiment.record.systematic ?? 0], point: point)
    }

    /// Solar detectors (e.g. the NR and ER channels of one xenon detector), pulls per solar source.
    public init(solar detectors: [SolarDetector], point: ParameterPoint, bins: Int = 10) throws(Problem) {
        guard let first = detectors.first else { throw Problem.invalid(.field("channel"), text: nil, "give at least one channel", kind: .missing) }
        try self.init(kernels: detectors.map { $0.kernel(bins: bins) }, sigmas: first.sigmas, point: point)
    }

    static func combined(_ counts: [EventCounts]) -> EventCounts {
        counts.dropFirst().reduce(counts[0], +)
    }

    /// The counts with a Z' at (mass, model coupling).
    public func counts(mass: Double, coupling: Double) throws(Problem) -> EventCounts {
        let exchange = try axis.exchange(mass: mass, coupling: coupling)
        return Self.combined(kernels.map { $0.counts(exchange: exchange) })
    }

    /// chi^2 of the Z' hypothesis given SM Asimov data (exclusion).
    public func exclusion(mass: Double, coupling: Double) throws(Problem) -> Double {
        AsimovStatistics.exclusion(signal: try counts(mass: mass, coupling: coupling), standard: standard, sigmas: sigmas)
    }

    /// chi^2 of the SM given Z' Asimov data (discovery; 25 = 5 sigma).
    public func discovery(mass: Double, coupling: Double) throws(Problem) -> Double {
        AsimovStatistics.discovery(signal: try counts(mass: mass, coupling: coupling), standard: standard, sigmas: sigmas)
    }

    /// Which statistic a reach curve solves.
    public enum Goal: String, Sendable, CaseIterable {
        /// 90 % CL exclusion with SM data (chi^2 = 2.706).
        case exclusion
        /// 5 sigma discovery (chi^2 = 25).
        case discovery

        var threshold: Double { self == .exclusion ? AsimovStatistics.ninetyPercentOneParameter : AsimovStatistics.fiveSigma }
    }

    /// The coupling intervals reached at each mass.
    public func reach(masses: [Double], goal: Goal = .exclusion, points: Int = 40) throws(Problem) -> [(mass: Double, intervals: [NeutrinoCouplingInterval])] {
        var out: [(Double, [NeutrinoCouplingInterval])] = []
        for m in masses {
            var failure: Problem? = nil
            let intervals = try ModelCouplingAxis.intervals(in: axis.scanRange, points: points, threshold: goal.threshold) { g in
                do throws(Problem) { return goal == .exclusion ? try exclusion(mass: m, coupling: g) : try discovery(mass: m, coupling: g) }
                catch { failure = error; return .nan }
            }
            if let failure { throw failure }
            out.append((m, intervals))
        }
        return out
    }
}
