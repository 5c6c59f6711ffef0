import Foundation
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeDecays
import ZPrimeObservables
import ZPrimePoint

/// The scan evaluator of the low-energy observables: every prediction of an observable registry
/// (by default ``ZPrimeObservables/ObservableRegistry/standard``) as a value column, plus verdict
/// columns derived from the predictions' measurements and bounds:
///
/// | column | kind | verdict | number |
/// | --- | --- | --- | --- |
/// | `delta_a_e_band`, `delta_a_mu_band` | anomaly | ``AnomalyVerdict`` with the overshoot excluded | pull |
/// | `x17_8be_signal_ratio_band` | anomaly | explains or allowed; outside the ATOMKI mass window; not applicable without Z' -> e+e- | pull |
/// | `apv_delta_qw_cs_bound`, `e158_eps_v_eps_a_bound` | constraint | excluded when the ratio exceeds 1 | abs(value)/bound |
///
/// The g-2 datasets are the point's (``ZPrimePoint/ParameterPoint/datasets``), the number of
/// standard deviations that of the settings. The X17 verdict applies where the ATOMKI signal can
/// come from the boson: a mass within n sigma of the fitted 17.01(16) MeV (Krasznahorkay et al., Acta
/// Phys. Pol. B 50 (2019) 675) and a non-zero BR(Z' -> e+e-); a rate far from the measured one is
/// "allowed", not "excluded" (the 8Be data bound the signal only near its mass and opening angle).
/// Each row's warnings are the caveats of the couplings (non-perturbative coupling, Z mass shift),
/// of the decays and of the predictions, of severity warning.
///
/// ```swift
/// let evaluator = try ObservablesEvaluator()
/// let point = try ParameterPoint(model: BuiltinModels.model(named: "dark-photon")!, mass: 0.01, coupling: 0,
///                                kineticMixing: .fixed(1.7e-3), datasets: DatasetSelection(muon: "2021"))
/// let row = try evaluator.evaluate(point)
/// let band = evaluator.columns.firstIndex { $0.name == "delta_a_mu_band" }!
/// print(row.cells[band])   // verdict(explains, 0.197...): Delta a_mu 0.2 sigma above the 2021 value
/// ```
public struct ObservablesEvaluator: PointEvaluator {
    /// The settings (sigmas, recoil energies).
    public let settings: ObservableSettings
    /// The measured inputs.
    public let inputs: MeasuredInputs
    /// The observables predicted, in column order.
    public let registry: [Observable]
    public let columns: [ScanColumn]
    public let fingerprint: String

    /// Raise when a formula of this evaluator changes: resuming a scan of an older revision is then
    /// refused (the data files enter the fingerprint through their contents).
    public static let physicsRevision = 1

    /// The observables whose measurement gives an anomaly column, and whether an overshoot beyond n
    /// sigma excludes the point.
    static let anomalies: [(observable: String, overshootExcludes: Bool)] = [
        ("delta_a_e", true), ("delta_a_mu", true), ("x17_8be_signal_ratio", false),
    ]
    /// The observables whose upper bound gives a constraint column.
    static let bounds = ["apv_delta_qw_cs", "e158_eps_v_eps_a"]

    private enum Derived: Sendable {
        case anomaly(prediction: Int, overshootExcludes: Bool, x17: Bool)
        case bound(prediction: Int)
    }
    private let derived: [Derived]

    /// Prepares the evaluator.
    ///
    /// - Throws: ``ZPrimeCore/Problem`` for bad settings, unreadable bundled data, or a registry with
    ///   two observables of one name.
    public init(settings: ObservableSettings = ObservableSettings(), inputs givenInputs: MeasuredInputs? = nil,
                registry: [Observable] = ObservableRegistry.standard) throws(Problem) {
        try settings.validate()
        let inputs: MeasuredInputs
        if let givenInputs { inputs = givenInputs } else { inputs = try MeasuredInputs.bundled() }
        var columns: [ScanColumn] = []
        for observable in registry {
            columns.append(try ScanColumn(name: observable.name, kind: .observable, latexName: observable.latexName,
                                          description: observable.description, unit: observable.unit, citations: observable.citations))
        }
        var derived: [Derived] = []
        let n = Problem.format(settings.sigmas)
        for (name, overshootExcludes) in Self.anomalies {
            guard let k = registry.firstIndex(where: { $0.name == name }) else { continue }
            let observable = registry[k]
            let isX17 = name.hasPrefix("x17")
            let meaning = isX17
                ? "ATOMKI 8Be(18.15) signal: explains within \(n) sigma at a mass within \(n) sigma of the fitted X17 mass"
                : "\(observable.latexName) against the point's dataset: explains within \(n) sigma; excluded beyond \(n) sigma unless between the SM and the measurement"
            columns.append(try ScanColumn(name: name + "_band", kind: .anomaly, latexName: observable.latexName,
                                          description: meaning + "; the number is the pull (prediction - measurement)/uncertainty",
                                          citations: observable.citations))
            derived.append(.anomaly(prediction: k, overshootExcludes: overshootExcludes, x17: isX17))
        }
        for name in Self.bounds {
            guard let k = registry.firstIndex(where: { $0.name == name }) else { continue }
            let observable = registry[k]
            columns.append(try ScanColumn(name: name + "_bound", kind: .constraint, latexName: "|\(observable.latexName)|",
                                          description: "\(observable.description): excluded when |value| exceeds the bound; the number is |value|/bound",
                                          citations: observable.citations))
            derived.append(.bound(prediction: k))
        }
        var seen = Set<String>()
        for column in columns where !seen.insert(column.name).inserted {
            throw Problem.invalid(.field("column"), text: column.name, "two observables of the registry have this name", kind: .conflict)
        }
        self.settings = settings
        self.inputs = inputs
        self.registry = registry
        self.columns = columns
        self.derived = derived

        // What the numbers depend on: this code's revision, the settings, the measured inputs, the
        // hadronic data, the electroweak scheme and the registry (names, citations), by content.
        let hadronic = HadronicData.bundledFile("darkcast.bin").flatMap { try? Data(contentsOf: $0) }.map { Digest.fnv1a(bytes: $0) } ?? "none"
        let parts = [
            "observables-evaluator revision \(Self.physicsRevision)",
            "sigmas \(Problem.format(settings.sigmas)) electron-recoil \(Problem.format(settings.electronRecoilEnergy)) nuclear-recoil \(Problem.format(settings.nuclearRecoilEnergy))",
            "inputs " + Digest.fnv1a(String(describing: inputs)),
            "hadronic " + hadronic,
            "electroweak " + Digest.fnv1a(String(describing: ElectroweakScheme.standard)),
            "columns " + Digest.fnv1a(columns.map { "\($0.name) \($0.kind.rawValue) \($0.citations.joined(separator: ";"))" }.joined(separator: "\n")),
        ]
        fingerprint = parts.joined(separator: "; ")
    }

    /// Checks that the datasets a point names exist (every point of a scan shares its base point's),
    /// so that a misspelt dataset fails before the scan instead of failing every point.
    public static func checkDatasets(of point: ParameterPoint, inputs givenInputs: MeasuredInputs? = nil) throws(Problem) {
        let inputs: MeasuredInputs
        if let givenInputs { inputs = givenInputs } else { inputs = try MeasuredInputs.bundled() }
        _ = try inputs.dataset(.muon, named: point.datasets.muon)
        _ = try inputs.dataset(.electron, named: point.datasets.electron)
    }

    public func evaluate(_ point: ParameterPoint) throws(Problem) -> ScanRow {
        let context = try ObservableContext(point: point, settings: settings, inputs: inputs)
        var predictions: [Prediction] = []
        predictions.reserveCapacity(registry.count)
        for observable in registry { predictions.append(try observable.predict(context)) }
        var cells: [ScanCell] = predictions.map { .value($0.value) }
        let sigmas = settings.sigmas
        for entry in derived {
            switch entry {
            case .anomaly(let k, let overshootExcludes, let isX17):
                let prediction = predictions[k]
                guard let measurement = prediction.measurement else { cells.append(.verdict(.notApplicable, nil)); continue }
                if isX17 {
                    let window = inputs.x17.beryllium18MassMeV
                    if abs(point.mass * 1e3 - window.value) > sigmas * window.uncertainty || X17.phaseSpace(bosonMass: point.mass, transition: .beryllium18) == 0 {
                        cells.append(.verdict(.outsideMassRange, nil))
                        continue
                    }
                    if prediction.band == nil { cells.append(.verdict(.notApplicable, nil)); continue }
                }
                let result = AnomalyVerdict(prediction: prediction.value, measured: measurement.value, uncertainty: measurement.uncertainty,
                                            sigmas: sigmas, overshootExcludes: overshootExcludes)
                cells.append(.verdict(result.verdict, result.pull))
            case .bound(let k):
                let prediction = predictions[k]
                guard let bound = prediction.upperBound, bound > 0 else { cells.append(.verdict(.notApplicable, nil)); continue }
                let ratio = abs(prediction.value) / bound
                cells.append(.verdict(ratio > 1 ? .excluded : .allowed, ratio))
            }
        }
        var warnings: [Problem] = []
        var seen = Set<Problem.Kind>()
        for problem in context.calculator.problems() + context.decays.problems + predictions.flatMap(\.problems)
        where problem.severity >= .warning && seen.insert(problem.kind).inserted {
            warnings.append(problem)
        }
        return ScanRow(cells: cells, warnings: warnings)
    }
}

/// The verdict of a prediction against a measured deviation from the Standard Model (a Delta a,
/// the X17 rate), at n standard deviations, with the pull p = (prediction - measured)/uncertainty:
///
/// - |p| <= n: ``ScanVerdict/explains`` when the measurement itself is more than n sigma from 0 (an
///   anomaly at n sigma), ``ScanVerdict/allowed`` otherwise;
/// - |p| > n and the prediction between the SM value 0 and the measurement (too small to explain it,
///   no worse than the SM): ``ScanVerdict/allowed``;
/// - |p| > n otherwise (it overshoots, or has the wrong sign): ``ScanVerdict/excluded`` when
///   `overshootExcludes`, else ``ScanVerdict/allowed``.
///
/// At the point's own couplings this is the ``ZPrimeObservables/CouplingBand`` read at scale 1:
/// "explains" exactly when s = 1 lies in its band.
///
/// ```swift
/// let v = AnomalyVerdict(prediction: 400e-11, measured: 251e-11, uncertainty: 59e-11, sigmas: 2, overshootExcludes: true)
/// print(v.verdict, v.pull)   // excluded 2.525...
/// ```
public struct AnomalyVerdict: Sendable, Hashable {
    /// The verdict.
    public let verdict: ScanVerdict
    /// (prediction - measured)/uncertainty.
    public let pull: Double

    /// Judges `prediction` (uncertainty > 0, sigmas > 0; a non-finite input gives a non-finite pull,
    /// which a scan rejects).
    public init(prediction: Double, measured: Double, uncertainty: Double, sigmas: Double, overshootExcludes: Bool) {
        let pull = (prediction - measured) / uncertainty
        self.pull = pull
        if abs(pull) <= sigmas {
            verdict = abs(measured) > sigmas * uncertainty ? .explains : .allowed
        } else if min(0, measured) <= prediction && prediction <= max(0, measured) {
            verdict = .allowed
        } else {
            verdict = overshootExcludes ? .excluded : .allowed
        }
    }
}
