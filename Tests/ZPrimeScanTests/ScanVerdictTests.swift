import Foundation
import Testing
import ZPrimeCore
import ZPrimeModels
import ZPrimeObservables
import ZPrimePoint
@testable import ZPrimeScan

/// The verdict columns of the observables evaluator, against couplings computed independently with
/// mpmath (References/verdict_points.py: the one-loop dark-photon Delta a_mu and the isoscalar 8Be
/// rate, from the cited measured values).
@Suite("Scan verdicts of the observables evaluator")
struct ScanVerdictTests {
    static let darkPhoton = BuiltinModels.model(named: "dark-photon")!

    func cell(_ row: ScanRow, _ evaluator: ObservablesEvaluator, _ name: String) throws -> ScanCell {
        let k = try #require(evaluator.columns.firstIndex { $0.name == name }, "no column \(name)")
        return row.cells[k]
    }

    @Test("AnomalyVerdict by hand: explains within n sigma of an anomaly; allowed between the SM and the data; excluded beyond, when overshooting counts")
    func rule() {
        // Delta a = 251(59): an anomaly at 2 sigma (251 > 118).
        let cases: [(Double, ScanVerdict, Double)] = [
            (251, .explains, 0), (251 + 118, .explains, 2), (251 - 118, .explains, -2),
            (251 + 119, .excluded, 119.0 / 59), (100, .allowed, -151.0 / 59), (0, .allowed, -251.0 / 59),
            (-1, .excluded, -252.0 / 59), (1000, .excluded, 749.0 / 59),
        ]
        for (prediction, verdict, pull) in cases {
            let v = AnomalyVerdict(prediction: prediction, measured: 251, uncertainty: 59, sigmas: 2, overshootExcludes: true)
            #expect(v.verdict == verdict && abs(v.pull - pull) < 1e-12, "\(prediction): \(v)")
        }
        #expect(AnomalyVerdict(prediction: 1000, measured: 251, uncertainty: 59, sigmas: 2, overshootExcludes: false).verdict == .allowed)
        // No anomaly (38(63)): within 2 sigma is allowed, beyond is excluded on either side.
        #expect(AnomalyVerdict(prediction: 38, measured: 38, uncertainty: 63, sigmas: 2, overshootExcludes: true).verdict == .allowed)
        #expect(AnomalyVerdict(prediction: 38 + 127, measured: 38, uncertainty: 63, sigmas: 2, overshootExcludes: true).verdict == .excluded)
        #expect(AnomalyVerdict(prediction: 38 - 127, measured: 38, uncertainty: 63, sigmas: 2, overshootExcludes: true).verdict == .excluded)
        // A negative measured deviation (the electron with alpha(Cs 2018), -0.88(36)): mirrored.
        #expect(AnomalyVerdict(prediction: -0.88, measured: -0.88, uncertainty: 0.36, sigmas: 2, overshootExcludes: true).verdict == .explains)
        #expect(AnomalyVerdict(prediction: -0.1, measured: -0.88, uncertainty: 0.36, sigmas: 2, overshootExcludes: true).verdict == .allowed)
        #expect(AnomalyVerdict(prediction: 0.1, measured: -0.88, uncertainty: 0.36, sigmas: 2, overshootExcludes: true).verdict == .excluded)
    }

    /// eps of a 10 MeV dark photon that puts Delta a_mu at a pull of the 2021 and 2025 data (mpmath).
    static let g2Points: [(dataset: String, pull: Double, eps: Double, verdict: ScanVerdict)] = [
        ("2021", 0, 0.0016617355893961003, .explains), ("2021", 1.5, 0.0019343791195750094, .explains),
        ("2021", 3, 0.002173080759527812, .excluded), ("2021", -3, 0.00089467890927485131, .allowed),
        ("2025", 0, 0.00065081180996364114, .allowed), ("2025", 1.5, 0.0012142072904789353, .allowed),
        ("2025", 3, 0.0015890382866741268, .excluded),
    ]

    @Test("the muon g-2 band of a 10 MeV dark photon, 2021 and 2025 data, at couplings from an independent one-loop integral", arguments: g2Points)
    func muonBand(_ c: (dataset: String, pull: Double, eps: Double, verdict: ScanVerdict)) throws {
        let evaluator = try ObservablesEvaluator()
        let point = try ParameterPoint(model: Self.darkPhoton, mass: 0.01, coupling: 0, kineticMixing: .fixed(c.eps), datasets: DatasetSelection(muon: c.dataset))
        let row = try evaluator.evaluate(point)
        let band = try cell(row, evaluator, "delta_a_mu_band")
        #expect(band.verdict == c.verdict)
        // Tolerance 1e-4 in the pull (~1e-4 relative in Delta a): the exact photon-Z mixing shifts the
        // coupling by O(eps^2, m^2/m_Z^2) < 1e-5, the quoted inputs are exact.
        #expect(abs((band.number ?? .nan) - c.pull) < 1e-4, "pull \(band.number ?? .nan)")
        // The band of the prediction read at scale 1 says the same.
        let report = try ObservableReport(point: point)
        let prediction = try #require(report["delta_a_mu"])
        if case .band(let lower, let upper)? = prediction.band?.outcome {
            #expect((lower...upper).contains(1.0) == (c.verdict == .explains))
        } else {
            #expect(c.verdict != .explains)
        }
    }

    @Test("the X17 verdict: explains at the coupling that reproduces 6e-6 at 17 MeV; outside the ATOMKI mass window; not applicable without e+e-")
    func x17() throws {
        let evaluator = try ObservablesEvaluator()
        func band(_ point: ParameterPoint) throws -> ScanCell { try cell(try evaluator.evaluate(point), evaluator, "x17_8be_signal_ratio_band") }
        // eps_p + eps_n = eps for a dark photon, BR(ee) = 1: eps^2 [1 - (17/18.15)^2]^1.5 = 6e-6 at eps = 0.0118147... (mpmath).
        let exact = try band(try ParameterPoint(model: Self.darkPhoton, mass: 0.017, coupling: 0, kineticMixing: .fixed(0.011814713425541366)))
        #expect(exact.verdict == .explains && abs(exact.number ?? .nan) < 1e-3, "\(exact)")
        let weak = try band(try ParameterPoint(model: Self.darkPhoton, mass: 0.017, coupling: 0, kineticMixing: .fixed(1e-4)))
        // Signal 6e-6 x (1e-4/0.0118)^2 = 4.3e-10: pull -6.0 (to 1e-3), not an exclusion.
        #expect(weak.verdict == .allowed && abs((weak.number ?? 0) + 6) < 1e-3)
        // Window 17.01(16) MeV at 2 sigma: 16.69 ... 17.33 MeV.
        for mass in [0.0165, 0.0175, 0.020, 0.1] {
            #expect(try band(try ParameterPoint(model: Self.darkPhoton, mass: mass, coupling: 0, kineticMixing: .fixed(0.0118))) == .verdict(.outsideMassRange, nil), "\(mass)")
        }
        // L_mu - L_tau at 17 MeV without kinetic mixing: its loop-mixed e+e- coupling is tiny but
        // non-zero, so the verdict exists; a pure L_mu - L_tau with the loop off has BR(ee) = 0.
        let lmu = BuiltinModels.model(named: "Lmu-Ltau")!
        let noLoop = try band(try ParameterPoint(model: lmu, mass: 0.017, coupling: 1e-3, loopMixing: .off))
        #expect(noLoop == .verdict(.notApplicable, nil))
    }

    @Test("bound columns: ratio = |value|/bound, excluded above 1; every observable column equals the report's value")
    func boundsAndValues() throws {
        let evaluator = try ObservablesEvaluator()
        let point = try ParameterPoint(model: BuiltinModels.model(named: "B-L")!, mass: 0.017, coupling: 1e-4, kineticMixing: .fixed(-1e-4))
        let row = try evaluator.evaluate(point)
        let report = try ObservableReport(point: point)
        for prediction in report.predictions {
            #expect(try cell(row, evaluator, prediction.name) == .value(prediction.value), "\(prediction.name)")
        }
        for name in ["apv_delta_qw_cs", "e158_eps_v_eps_a"] {
            let prediction = try #require(report[name])
            let bound = try #require(prediction.upperBound)
            let c = try cell(row, evaluator, name + "_bound")
            #expect(c == .verdict(abs(prediction.value) > bound ? .excluded : .allowed, abs(prediction.value) / bound))
        }
        // A dark photon has no axial electron coupling at this order: E158's product is 0 against its bound.
        let dark = try evaluator.evaluate(try ParameterPoint(model: Self.darkPhoton, mass: 0.017, coupling: 0, kineticMixing: .fixed(1e-3)))
        let e158 = try cell(dark, evaluator, "e158_eps_v_eps_a_bound")
        #expect(e158.verdict == .allowed && abs(e158.number ?? 1) < 1e-6)
        // Columns: every registry observable, then three anomalies and two bounds, names unique.
        #expect(evaluator.columns.count == ObservableRegistry.standard.count + 5)
        #expect(Set(evaluator.columns.map(\.name)).count == evaluator.columns.count)
        #expect(evaluator.columns.filter { $0.kind == .anomaly }.map(\.name) == ["delta_a_e_band", "delta_a_mu_band", "x17_8be_signal_ratio_band"])
    }

    @Test("the fingerprint changes with the settings and the data, not between two evaluators of the same physics")
    func fingerprint() throws {
        let a = try ObservablesEvaluator(), b = try ObservablesEvaluator()
        #expect(a.fingerprint == b.fingerprint)
        #expect(try ObservablesEvaluator(settings: ObservableSettings(sigmas: 1)).fingerprint != a.fingerprint)
        var inputs = try MeasuredInputs.bundled()
        inputs.x17.beryllium18Ratio.value = 5e-6
        #expect(try ObservablesEvaluator(inputs: inputs).fingerprint != a.fingerprint)
        #expect(try CompositeEvaluator([a]).fingerprint != a.fingerprint)
        #expect(Digest.fnv1a("") == "cbf29ce484222325" && Digest.fnv1a("a") == "af63dc4c8601ec8c")   // FNV-1a 64 test vectors
    }
}
