import ZPrimeCore
import ZPrimeCouplings
import ZPrimePoint

/// The verdict of a neutrino-scattering constraint at one point.
public enum NeutrinoVerdict: Sendable, Hashable {
    case excluded
    case allowed
    case notApplicable(String)

    /// `excluded`, `allowed`, `not_applicable`.
    public var key: String {
        switch self {
        case .excluded: return "excluded"
        case .allowed: return "allowed"
        case .notApplicable: return "not_applicable"
        }
    }
}

/// What a constraint is: name, experiment, year, channel, mass range, citation, confidence level.
public struct NeutrinoConstraintInfo: Sendable, Hashable {
    public var name: String
    public var experiment: String
    public var year: Int
    public var channel: String
    public var massRange: ClosedRange<Double>
    public var citation: String
    public var confidenceLevel: Double
    public var summary: String
}

/// A constraint's result at one (mass, coupling).
public struct NeutrinoConstraintResult: Sendable, Hashable {
    /// The verdict.
    public var verdict: NeutrinoVerdict
    /// sqrt(Delta chi^2 / 2.706), Delta chi^2 = chi^2(point) - chi^2(SM): the model's deviation from
    /// the measurement in units of the 90 % CL bound (above 1: excluded); 0 when the point fits at
    /// least as well as the SM. nil when not applicable.
    public var ratio: Double?
    /// Delta chi^2 against the SM.
    public var deltaChiSquared: Double?
    /// The predicted measured quantity (counts or counts per day per 100 t) for the point and the SM.
    public var predicted: Double?
    public var predictedStandardModel: Double?
    /// The measured value and its uncertainty.
    public var observed: Double
    public var observedUncertainty: Double
}

/// The measured neutrino-scattering results as constraints on any model (COHERENT CsI 2017 and
/// 2021, COHERENT LAr 2020, Borexino 7Be), each a Gaussian chi^2 of the measured quantity with the
/// prediction's relative uncertainty on the model's prediction:
///
///     chi^2(m, g) = (N(m, g) - N_obs)^2 / (sigma_obs^2 + (r N(m, g))^2),
///
/// **COHERENT**: N(m, g) = N_pred (SM, the collaboration's) x R(m, g)/R_SM, with R ZPrime's count
/// over the published exposure, efficiency and quenching (``SpallationExperiment``), so the
/// collaboration's normalisation and its uncertainty (r = sigma_pred/N_pred) are used and ZPrime
/// supplies only the model's relative change. **Borexino**: N is the 7Be interaction rate ZPrime
/// computes (the SM one reproduces the SSM prediction, tests), scaled by the model's change in the
/// recoil window 0.19-0.665 MeV (``BorexinoRate``), r = 6 % (the B16 7Be flux), sigma_obs the
/// measured statistical and (larger) systematic uncertainty in quadrature.
///
/// A point is **excluded at 90 % CL** when Delta chi^2 = chi^2(m, g) - chi^2(SM) > 2.706 (one
/// parameter at fixed mass; a point fitting better than the SM is allowed). ``intervals(mass:)``
/// solves Delta chi^2 = 2.706 for the excluded coupling intervals with ``ModelCouplingAxis``.
///
/// ```swift
/// let point = try ParameterPoint(model: BuiltinModels.model(named: "Lmu-Ltau")!, mass: 0.01, coupling: 1e-3)
/// let coherent = try NeutrinoConstraint.all()[0].prepared(for: point)
/// print(try coherent.evaluate(mass: 0.01, coupling: 1e-3).verdict)
/// print(try coherent.intervals(mass: 0.01))     // excluded couplings at 10 MeV
/// ```
public struct NeutrinoConstraint: Sendable {
    public enum Measurement: Sendable {
        case coherent(SpallationExperiment)
        case borexino(BorexinoRate)
    }

    public let info: NeutrinoConstraintInfo
    public let measurement: Measurement

    /// COHERENT CsI 2017, CsI 2021, LAr 2020 and Borexino 7Be.
    public static func all() throws(Problem) -> [NeutrinoConstraint] {
        var out: [NeutrinoConstraint] = []
        for experiment in try SpallationExperiment.all() where experiment.isMeasured {
            let r = experiment.record
            let info = NeutrinoConstraintInfo(
                name: r.name, experiment: "COHERENT", year: r.year ?? 0,
                channel: "CEvNS of stopped-pion neutrinos on \(r.target == "CsI" ? "CsI" : "argon") (\(r.name))",
                massRange: 1e-6...100, citation: r.citation, confidenceLevel: 0.9,
                summary: "observed \(r.observed ?? 0) +- \(r.observedUncertainty ?? 0) CEvNS events against \(r.predicted ?? 0) +- \(r.predictedUncertainty ?? 0) predicted")
            out.append(NeutrinoConstraint(info: info, measurement: .coherent(experiment)))
        }
        let borexino = try BorexinoRate()
        let b = borexino.record
        out.append(NeutrinoConstraint(
            info: NeutrinoConstraintInfo(name: b.name, experiment: "Borexino", year: 2018, channel: "nu-e scattering of solar 7Be neutrinos",
                                         massRange: 1e-6...100, citation: b.citation, confidenceLevel: 0.9,
                                         summary: "7Be rate \(b.rateCountsPerDayPer100Tonnes) +- \(b.statistical) (stat) +\(b.systematicPlus) -\(b.systematicMinus) (syst) per day per 100 t"),
            measurement: .borexino(borexino)))
        return out
    }

    /// The constraint called `name`.
    public static func named(_ name: String) throws(Problem) -> NeutrinoConstraint {
        let all = try all()
        guard let c = all.first(where: { $0.info.name.lowercased() == name.lowercased() }) else {
            throw Problem.invalid(.field("constraint"), text: name, "unknown (known: \(all.map(\.info.name).joined(separator: ", ")))", kind: .unknownName)
        }
        return c
    }

    /// The exclusion curves of every constraint for the model of `point` over `masses` (what
    /// `analyze` draws for L_mu - L_tau): name, and the excluded coupling intervals at each mass.
    public static func exclusionCurves(point: ParameterPoint, masses: [Double]) throws(Problem)
        -> [(name: String, curve: [(mass: Double, intervals: [NeutrinoCouplingInterval])])] {
        var out: [(String, [(mass: Double, intervals: [NeutrinoCouplingInterval])])] = []
        for constraint in try all() { out.append((constraint.info.name, try constraint.prepared(for: point).exclusionCurve(masses: masses))) }
        return out
    }

    /// The constraint prepared for the model and discrete choices of `point`.
    public func prepared(for point: ParameterPoint) throws(Problem) -> PreparedNeutrinoConstraint {
        try PreparedNeutrinoConstraint(constraint: self, axis: ModelCouplingAxis(point: point))
    }
}

/// A ``NeutrinoConstraint`` prepared for one model.
public struct PreparedNeutrinoConstraint: Sendable {
    public let constraint: NeutrinoConstraint
    public let axis: ModelCouplingAxis
    private let kernel: RateKernel?
    private let standard: Double
    private let observed: Double
    private let observedUncertainty: Double
    private let relativeUncertainty: Double
    private let normalisation: Double
    private let standardChiSquared: Double

    /// The 90 % CL threshold on Delta chi^2.
    public static let threshold = AsimovStatistics.ninetyPercentOneParameter

    init(constraint: NeutrinoConstraint, axis: ModelCouplingAxis) throws(Problem) {
        self.constraint = constraint
        self.axis = axis
        switch constraint.measurement {
        case .coherent(let experiment):
            let r = experiment.record
            guard let obs = r.observed, let dobs = r.observedUncertainty, let pred = r.predicted, let dpred = r.predictedUncertainty, pred > 0 else {
                throw Problem.invalid(.field("constraint"), text: r.name, "needs observed and predicted counts with uncertainties", kind: .dataFile)
            }
            let k = experiment.kernel()
            kernel = k
            standard = k.counts(exchange: nil).total
            observed = obs
            observedUncertainty = dobs
            relativeUncertainty = dpred / pred
            normalisation = pred / standard
        case .borexino(let rate):
            let b = rate.record
            kernel = nil
            standard = rate.standardTotal
            observed = b.rateCountsPerDayPer100Tonnes
            observedUncertainty = (b.statistical * b.statistical + max(b.systematicPlus, b.systematicMinus) * max(b.systematicPlus, b.systematicMinus)).squareRoot()
            relativeUncertainty = b.fluxUncertainty
            normalisation = 1
        }
        standardChiSquared = AsimovStatistics.measured(prediction: standard * normalisation, observed: observed,
                                                       observedUncertainty: observedUncertainty, relativeUncertainty: relativeUncertainty)
    }

    /// The predicted measured quantity for an exchange (nil: SM).
    public func prediction(exchange: ZPrimeExchange?) -> Double {
        switch constraint.measurement {
        case .coherent: return (kernel?.counts(exchange: exchange).total ?? 0) * normalisation
        case .borexino(let rate): return rate.reportedRate(exchange: exchange)
        }
    }

    /// Delta chi^2 = chi^2(point) - chi^2(SM) at (mass, coupling).
    public func deltaChiSquared(mass: Double, coupling: Double) throws(Problem) -> Double {
        let n = prediction(exchange: try axis.exchange(mass: mass, coupling: coupling))
        return AsimovStatistics.measured(prediction: n, observed: observed, observedUncertainty: observedUncertainty,
                                         relativeUncertainty: relativeUncertainty) - standardChiSquared
    }

    /// The verdict and ratio at (mass, model coupling).
    public func evaluate(mass: Double, coupling: Double) throws(Problem) -> NeutrinoConstraintResult {
        let info = constraint.info
        guard info.massRange.contains(mass) else {
            return NeutrinoConstraintResult(verdict: .notApplicable("mass \(mass) GeV outside \(info.massRange.lowerBound)...\(info.massRange.upperBound) GeV"),
                                            ratio: nil, deltaChiSquared: nil, predicted: nil, predictedStandardModel: standard * normalisation,
                                            observed: observed, observedUncertainty: observedUncertainty)
        }
        let exchange = try axis.exchange(mass: mass, coupling: coupling)
        let n = prediction(exchange: exchange)
        try Validate.result(n, .coupling, "the predicted rate")
        let delta = AsimovStatistics.measured(prediction: n, observed: observed, observedUncertainty: observedUncertainty,
                                              relativeUncertainty: relativeUncertainty) - standardChiSquared
        let ratio = (max(0, delta) / Self.threshold).squareRoot()
        return NeutrinoConstraintResult(verdict: delta > Self.threshold ? .excluded : .allowed, ratio: ratio, deltaChiSquared: delta,
                                        predicted: n, predictedStandardModel: standard * normalisation,
                                        observed: observed, observedUncertainty: observedUncertainty)
    }

    /// The excluded intervals of the model's coupling at `mass` (within ``ModelCouplingAxis/scanRange``).
    public func intervals(mass: Double, points: Int = 96) throws(Problem) -> [NeutrinoCouplingInterval] {
        let info = constraint.info
        guard info.massRange.contains(mass) else {
            throw Problem.invalid(.mass, mass, "outside the range of \(info.name), \(info.massRange.lowerBound)...\(info.massRange.upperBound) GeV")
        }
        var failure: Problem? = nil
        let result = try ModelCouplingAxis.intervals(in: axis.scanRange, points: points, threshold: Self.threshold) { g in
            do throws(Problem) { return try deltaChiSquared(mass: mass, coupling: g) } catch { failure = error; return .nan }
        }
        if let failure { throw failure }
        return result
    }

    /// The exclusion curve over `masses`: the excluded intervals at each.
    public func exclusionCurve(masses: [Double]) throws(Problem) -> [(mass: Double, intervals: [NeutrinoCouplingInterval])] {
        var out: [(Double, [NeutrinoCouplingInterval])] = []
        for m in masses { out.append((m, try intervals(mass: m))) }
        return out
    }
}
