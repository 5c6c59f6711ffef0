import ArgumentParser
import Foundation
import ZPrimeKit

/// `zprime observables`: every low-energy observable of a model's boson at one mass.
struct ObservablesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observables",
        abstract: "Low-energy observables of a model's Z': lepton g-2 and the coupling band, X17, APV, E158, neutrino scattering.",
        discussion: """
        --model is a built-in model (zprime models) or a .toml/.json model file. --coupling is the gauge \
        coupling g_X (absolute, default 1e-3), --kinetic-mixing a fixed kinetic mixing eps or \
        --mixing-ratio r one tied to it (eps = r g_X); the dark photon takes only --kinetic-mixing, and \
        models with a fixed ratio, like 'protophobic', derive eps from g_X.
        Couplings come from the couplings stage (as in `zprime couplings`): charges times g_X, kinetic \
        mixing, the exact photon-Z-Z' mixing at the given mass and, for L_i - L_j models without an \
        explicit eps, the loop-induced kinetic mixing, all at q^2 = 0 (low-energy processes).
        The X17 signal is the 8Be(18.15) rate ratio times BR(X -> e+e-) from the decays stage; its \
        region is the coupling scale that reproduces ATOMKI's 6(1)e-6 (Krasznahorkay et al. 2019).
        Neutrino-electron and CEvNS shifts depend on the recoil energy T through the propagator \
        1/(2 M T + m^2): they are reported at --electron-recoil-mev (default 1 MeV) and \
        --nuclear-recoil-kev (default 10 keV).
        g-2 bands: the range of an overall scale s of (g, eps) with |s^2 Delta a - Delta a_exp| <= n sigma \
        for the chosen datasets (--dataset for the muon: 2006, 2021, 2023, 2025 (default, newest); \
        --electron-dataset: cs2018, rb2020 (default)). 'band' means the anomaly is explained for \
        s in [lower, upper]; 'upper_limit' means there is no anomaly at n sigma and s <= upper.
        Exit status: 0 success, 2 bad input.
        """
    )

    @OptionGroup var parameters: PointOptions

    @Option(name: .long, parsing: .unconditional, help: "The boson mass in GeV.")
    var mass: Double

    @Option(name: .long, help: "Muon g-2 dataset: 2006, 2021, 2023 or 2025 (default: newest).")
    var dataset: String?

    @Option(name: .customLong("electron-dataset"), help: "Electron g-2 dataset: cs2018 or rb2020 (default: newest).")
    var electronDataset: String?

    @Option(name: .long, parsing: .unconditional, help: "Standard deviations for the g-2 bands and the X17 region.")
    var sigmas: Double = 2

    @Option(name: .customLong("electron-recoil-mev"), parsing: .unconditional,
            help: "Electron recoil energy T in MeV at which the nu-e coupling shifts are reported (default 1).")
    var electronRecoilMeV: Double = 1

    @Option(name: .customLong("nuclear-recoil-kev"), parsing: .unconditional,
            help: "Nuclear recoil energy T in keV at which the CEvNS weak-charge shifts are reported (default 10).")
    var nuclearRecoilKeV: Double = 10

    @Option(name: .long, help: "Output format: table or json.")
    var format: TableOrJSON = .table

    func run() throws {
        guard mass.isFinite, mass > 0, mass <= ParameterPoint.maximumMass else {
            throw BadInput("--mass \(mass): must be finite, > 0 and <= \(ParameterPoint.maximumMass) GeV")
        }
        guard electronRecoilMeV.isFinite, electronRecoilMeV >= 0, electronRecoilMeV <= 1e6 else {
            throw BadInput("--electron-recoil-mev \(electronRecoilMeV): must be finite, >= 0 and <= 1e6")
        }
        guard nuclearRecoilKeV.isFinite, nuclearRecoilKeV >= 0, nuclearRecoilKeV <= 1e6 else {
            throw BadInput("--nuclear-recoil-kev \(nuclearRecoilKeV): must be finite, >= 0 and <= 1e6")
        }
        let point = try parameters.point(mass: mass, datasets: DatasetSelection(muon: dataset, electron: electronDataset))
        let settings = ObservableSettings(sigmas: sigmas, electronRecoilEnergy: electronRecoilMeV / 1e3, nuclearRecoilEnergy: nuclearRecoilKeV / 1e6)
        let report = try ObservableReport(point: point, settings: settings)
        let calculator = try CouplingCalculator(point: point)
        let warnings = (calculator.problems() + report.problems).map(\.message)
        switch format {
        case .json: Console.out(ObservablesFormatter.json(report: report, calculator: calculator, warnings: warnings).serialized())
        case .table: Console.out(ObservablesFormatter.table(report: report, calculator: calculator, warnings: warnings))
        }
    }
}

// MARK: - Output

/// Formats an ``ObservableReport``.
enum ObservablesFormatter {
    static func bandJSON(_ band: CouplingBand?, coupling: Double, kineticMixing: Double) -> JSONOutput {
        guard let band else {
            return .object([("outcome", .string("not_applicable")),
                            ("reason", .string("no coupling scale reproduces this measurement here (no phase space, or no e+e- decay)"))])
        }
        var entries: [(String, JSONOutput)] = [("value_at_input_couplings", .number(band.valueAtUnitScale)),
                                               ("measured", .number(band.measured)), ("uncertainty", .number(band.uncertainty)),
                                               ("sigmas", .number(band.sigmas))]
        func scaled(_ s: Double) -> [(String, JSONOutput)] {
            [("scale", .number(s)), ("coupling", .number(s * coupling)), ("kinetic_mixing", .number(s * kineticMixing))]
        }
        switch band.outcome {
        case .band(let lower, let upper):
            entries.append(("outcome", .string("band")))
            entries.append(("lower", .object(scaled(lower))))
            entries.append(("upper", .object(scaled(upper))))
        case .upperLimit(let upper):
            entries.append(("outcome", .string("upper_limit")))
            entries.append(("upper", .object(scaled(upper))))
        case .unconstrained: entries.append(("outcome", .string("unconstrained")))
        case .excluded: entries.append(("outcome", .string("excluded")))
        }
        if let central = band.centralScale { entries.append(("central", .object(scaled(central)))) }
        return .object(entries)
    }

    static func value(_ report: ObservableReport, _ name: String) -> Double { report[name]?.value ?? 0 }

    static func json(report: ObservableReport, calculator: CouplingCalculator, warnings: [String]) -> JSONOutput {
        let coupling = calculator.gaugeCoupling, kineticMixing = calculator.kineticMixing
        var g2: [(String, JSONOutput)] = []
        for lepton in [ChargedLepton.electron, .muon] {
            guard let prediction = report["delta_a_\(lepton.rawValue)"], let measurement = prediction.measurement else { continue }
            g2.append((lepton.rawValue, .object([
                ("dataset", .string(measurement.id)),
                ("dataset_date", .string(measurement.date)),
                ("band", bandJSON(prediction.band, coupling: coupling, kineticMixing: kineticMixing)),
            ])))
        }
        let flavours = NeutrinoFlavour.allCases
        let couplingTable: [(String, JSONOutput)] = CouplingTarget.allCases.map { target in
            (target.rawValue, .object([("vector", .number(report.couplings[target].real.vector)), ("axial", .number(report.couplings[target].real.axial))]))
        }
        let apv = report["apv_delta_qw_cs"]
        let signal = report["x17_8be_signal_ratio"]
        let observables: [JSONOutput] = zip(report.observables, report.predictions).map { observable, prediction in
            var entries: [(String, JSONOutput)] = [("name", .string(observable.name)), ("latex", .string(observable.latexName)),
                                                   ("description", .string(observable.description)), ("unit", .string(observable.unit)),
                                                   ("value", .number(prediction.value))]
            if let measurement = prediction.measurement {
                entries.append(("measured", .object([("value", .number(measurement.value)), ("uncertainty", .number(measurement.uncertainty)),
                                                     ("citation", .string(measurement.citation))])))
            }
            if let bound = prediction.upperBound { entries.append(("upper_bound", .number(bound))) }
            for (key, value) in prediction.details.sorted(by: { $0.key < $1.key }) { entries.append((key, .number(value))) }
            entries.append(("citations", .array(observable.citations.map { .string($0) })))
            return .object(entries)
        }
        return .object([
            ("model", .string(report.point.model.name)),
            ("mass", .number(report.point.mass)),
            ("coupling", .number(coupling)),
            ("kinetic_mixing", .number(kineticMixing)),
            ("couplings_source", .string("charges x g_X, kinetic mixing, exact A-Z-Z' mixing, loop mixing for L_i - L_j, at q^2 = 0")),
            ("delta_a_e", .number(value(report, "delta_a_e"))),
            ("delta_a_mu", .number(value(report, "delta_a_mu"))),
            ("delta_a_tau", .number(value(report, "delta_a_tau"))),
            ("g2", .object(g2)),
            ("x17_8be_ratio", .number(value(report, "x17_8be_ratio"))),
            ("x17_8be_ratio_isospin_mixed", .number(value(report, "x17_8be_ratio_isospin_mixed"))),
            ("x17_8be_17_64_ratio", .number(value(report, "x17_8be_17_64_ratio"))),
            ("x17_4he_kinematic_ratio", .number(value(report, "x17_4he_kinematic_ratio"))),
            ("br_ee", .number(value(report, "br_ee"))),
            ("x17_8be_signal_ratio", .number(value(report, "x17_8be_signal_ratio"))),
            ("x17_region", bandJSON(signal?.band, coupling: coupling, kineticMixing: kineticMixing)),
            ("nucleon_couplings", .object([("proton", .number(value(report, "eps_p"))), ("neutron", .number(value(report, "eps_n")))])),
            ("apv_delta_qw_cs", .number(apv?.value ?? 0)),
            ("apv_finite_range_factor", .number(apv?.details["finite_range_factor"] ?? 0)),
            ("apv_limit", .number(apv?.upperBound ?? 0)),
            ("apv_within_limit", .bool(apv?.isWithinBound ?? true)),
            ("e158_delta_qw_e", .number(value(report, "e158_delta_qw_e"))),
            ("e158_eps_v_eps_a", .number(value(report, "e158_eps_v_eps_a"))),
            ("e158_product_limit", .number(report["e158_eps_v_eps_a"]?.upperBound ?? 0)),
            ("electron_recoil_energy", .number(report.settings.electronRecoilEnergy)),
            ("nu_e_scattering_coupling_shifts", .object(flavours.map { f in
                (f.rawValue, .object([("delta_g_L", .number(value(report, "nu_e_scattering_delta_g_L_\(f.rawValue)"))),
                                      ("delta_g_R", .number(value(report, "nu_e_scattering_delta_g_R_\(f.rawValue)")))]))
            })),
            ("nuclear_recoil_energy", .number(report.settings.nuclearRecoilEnergy)),
            ("cevns_cs133_weak_charge_shift", .object(flavours.map { ($0.rawValue, .number(value(report, "cevns_cs133_shift_\($0.rawValue)"))) })),
            ("couplings", .object(couplingTable)),
            ("observables", .array(observables)),
            ("warnings", .array(warnings.map { .string($0) })),
        ])
    }

    static func f(_ value: Double) -> String { String(format: "%.4e", value == 0 ? 0 : value) }

    static func bandText(_ band: CouplingBand?, coupling: Double, kineticMixing: Double) -> String {
        guard let band else { return "n/a" }
        func scaled(_ s: Double) -> String {
            var parts: [String] = []
            if coupling != 0 { parts.append("g = \(f(s * coupling))") }
            if kineticMixing != 0 { parts.append("eps = \(f(s * kineticMixing))") }
            return parts.joined(separator: ", ")
        }
        switch band.outcome {
        case .band(let lower, let upper): return "explained for \(scaled(lower)) ... \(scaled(upper))"
        case .upperLimit(let upper): return "no anomaly; allowed up to \(scaled(upper))"
        case .unconstrained: return "unconstrained"
        case .excluded: return "excluded (wrong sign or no contribution)"
        }
    }

    static func table(report: ObservableReport, calculator: CouplingCalculator, warnings: [String]) -> String {
        let coupling = calculator.gaugeCoupling, kineticMixing = calculator.kineticMixing
        var lines = ["Model \(report.point.model.name), boson mass \(report.point.mass) GeV, g_X = \(coupling), eps = \(kineticMixing) (couplings at q^2 = 0, exact mixing, loop mixing where finite)", ""]
        var g2 = TextTable(["lepton", "Delta a", "dataset", "measured", "band (\(report.settings.sigmas) sigma)"])
        for lepton in ChargedLepton.allCases {
            let prediction = report["delta_a_\(lepton.rawValue)"]
            let measurement = prediction?.measurement
            g2.add([lepton.rawValue, f(prediction?.value ?? 0), measurement?.id ?? "-",
                    measurement.map { "\(f($0.value)) +- \(f($0.uncertainty))" } ?? "-",
                    lepton == .tau ? "-" : bandText(prediction?.band, coupling: coupling, kineticMixing: kineticMixing)])
        }
        lines.append(g2.rendered())
        lines.append("")
        var other = TextTable(["observable", "value", "note"])
        let branching = value(report, "br_ee")
        other.add(["8Be(18.15) Gamma_X/Gamma_gamma", f(value(report, "x17_8be_ratio")), "(eps_p + eps_n)^2 phase space, before X -> e+e-"])
        other.add(["8Be(18.15) x BR(X -> ee)", f(value(report, "x17_8be_signal_ratio")), "BR(ee) = \(String(format: "%.4g", branching)); ATOMKI 6(1)e-6"])
        other.add(["8Be(18.15) isospin-mixed", f(value(report, "x17_8be_ratio_isospin_mixed")), "form of Hati et al. |0.05(p+n) + 0.95(p-n)|^2"])
        other.add(["8Be(17.64) Gamma_X/Gamma_gamma", f(value(report, "x17_8be_17_64_ratio")), "(eps_p - eps_n)^2 phase space"])
        other.add(["4He(21.01) kinematic ratio", f(value(report, "x17_4he_kinematic_ratio")), "kinematic analogue only"])
        other.add(["X17 region", bandText(report["x17_8be_signal_ratio"]?.band, coupling: coupling, kineticMixing: kineticMixing),
                   "8Be(18.15) x BR(ee) at \(report.settings.sigmas) sigma"])
        if let apv = report["apv_delta_qw_cs"] {
            other.add(["APV Delta Q_W(Cs)", f(apv.value),
                       "K(m) = \(String(format: "%.4f", apv.details["finite_range_factor"] ?? 0)); |Delta Q_W| < \(apv.upperBound ?? 0): \(apv.isWithinBound ?? true ? "ok" : "VIOLATED")"])
        }
        let e158Bound = report["e158_eps_v_eps_a"]?.upperBound ?? 0
        other.add(["E158 Delta Q_W^e", f(value(report, "e158_delta_qw_e")), "eps^V_e eps^A_e = \(f(value(report, "e158_eps_v_eps_a"))) (bound \(e158Bound))"])
        let tE = report.settings.electronRecoilEnergy * 1e3, tN = report.settings.nuclearRecoilEnergy * 1e6
        for flavour in NeutrinoFlavour.allCases {
            other.add(["\(flavour.rawValue)-e: delta g_L, g_R (T = \(NumberText.short(tE)) MeV)",
                       "\(f(value(report, "nu_e_scattering_delta_g_L_\(flavour.rawValue)"))), \(f(value(report, "nu_e_scattering_delta_g_R_\(flavour.rawValue)")))",
                       "SM g_L, g_R shifted by the boson"])
        }
        for flavour in NeutrinoFlavour.allCases {
            other.add(["CEvNS 133Cs \(flavour.rawValue): Q/Q_SM - 1", f(value(report, "cevns_cs133_shift_\(flavour.rawValue)")), "at T = \(NumberText.short(tN)) keV"])
        }
        lines.append(other.rendered())
        if !warnings.isEmpty {
            lines.append("")
            lines += warnings.map { "warning: \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
