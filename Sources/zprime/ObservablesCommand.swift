import ArgumentParser
import Foundation
import ZPrimeKit

/// `zprime observables`: every low-energy observable of a model's boson at one mass.
struct ObservablesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observables",
        abstract: "Low-energy observables of a model's Z': lepton g-2 and the coupling band, X17, APV, E158, neutrino scattering.",
        discussion: """
        NAME is a built-in model (zprime models) or a .toml/.json model file. --coupling is the gauge \
        coupling g_X (absolute), --kinetic-mixing the kinetic mixing eps (the dark photon takes only \
        --kinetic-mixing; models with a fixed ratio, like 'protophobic', derive eps from g_X).
        Couplings come from the couplings stage (as in `zprime couplings`): charges times g_X, kinetic \
        mixing, the exact photon-Z-Z' mixing at the given mass and, for L_i - L_j models without an \
        explicit eps, the loop-induced kinetic mixing, all at q^2 = 0 (low-energy processes); neutrinos \
        left-handed.
        g-2 bands: the range of an overall scale s of (g, eps) with |s^2 Delta a - Delta a_exp| <= n sigma \
        for the chosen datasets (--dataset for the muon: 2006, 2021, 2023, 2025 (default, newest); \
        --electron-dataset: cs2018, rb2020 (default)). 'band' means the anomaly is explained for \
        s in [lower, upper]; 'upper_limit' means there is no anomaly at n sigma and s <= upper.
        Exit status: 0 success, 2 bad input.
        """
    )

    @Option(name: .long, help: "A built-in model name or a .toml/.json model file.")
    var model: String

    @Option(name: .long, parsing: .unconditional, help: "The boson mass in GeV.")
    var mass: Double

    @Option(name: .long, parsing: .unconditional, help: "The U(1)_X gauge coupling g_X (absolute).")
    var coupling: Double?

    @Option(name: .customLong("kinetic-mixing"), parsing: .unconditional, help: "The kinetic mixing eps (adds eps e Q_f to the vector couplings).")
    var kineticMixing: Double?

    @Option(name: .long, help: "Muon g-2 dataset: 2006, 2021, 2023 or 2025 (default: newest).")
    var dataset: String?

    @Option(name: .customLong("electron-dataset"), help: "Electron g-2 dataset: cs2018 or rb2020 (default: newest).")
    var electronDataset: String?

    @Option(name: .long, parsing: .unconditional, help: "Standard deviations for the g-2 bands and the X17 region.")
    var sigmas: Double = 2

    @Option(name: .long, help: "Output format: table or json.")
    var format: TableOrJSON = .table

    func run() throws {
        let model = try ModelReference.resolve(model)
        guard mass.isFinite, mass > 0 else { throw BadInput("--mass \(mass): must be a positive, finite mass in GeV") }
        guard sigmas.isFinite, sigmas > 0 else { throw BadInput("--sigmas \(sigmas): must be a positive number") }
        if let coupling, !coupling.isFinite { throw BadInput("--coupling \(coupling): must be a finite number") }
        if let kineticMixing, !kineticMixing.isFinite { throw BadInput("--kinetic-mixing \(kineticMixing): must be a finite number") }
        if model.isKineticMixingOnly, coupling != nil {
            throw BadInput("--coupling: model \(model.name) couples only through kinetic mixing; pass --kinetic-mixing instead")
        }
        if model.kineticMixingRatio != nil, kineticMixing != nil {
            throw BadInput("--kinetic-mixing: model \(model.name) fixes eps = \(model.kineticMixingRatio!) g_X/e; pass --coupling only")
        }
        let g = coupling ?? 0
        guard g != 0 || (kineticMixing ?? 0) != 0 else {
            throw BadInput("no coupling given: pass --coupling (g_X) and/or --kinetic-mixing (eps) with a nonzero value")
        }
        let charged = !model.isKineticMixingOnly && model.charges.values.contains { $0.contains { !$0.isZero } }
        if charged && g <= 0 {
            throw BadInput("--coupling \(g): model \(model.name) has U(1)_X charges; give a gauge coupling g_X > 0")
        }
        let couplings: FermionCouplings
        let eps: Double
        do {
            let calculator = try CouplingCalculator(model: model, gaugeCoupling: charged ? g : 0, kineticMixing: kineticMixing,
                                                    options: CouplingOptions(bosonMass: mass))
            couplings = try calculator.couplings(bosonMass: mass, atSquaredMomentum: 0)
            eps = calculator.kineticMixing
        } catch {
            throw BadInput(ModelParameterOptions.describe(error))
        }
        let report: LowEnergyObservables
        do {
            report = try LowEnergyObservables(couplings: couplings, bosonMass: mass, muonDataset: dataset,
                                              electronDataset: electronDataset, sigmas: sigmas)
        } catch {
            switch error.field {
            case "dataset" where error.problem.hasPrefix("unknown e "):
                throw BadInput("--electron-dataset \(error.value): \(error.problem)")
            case "dataset": throw BadInput("--dataset \(error.value): \(error.problem)")
            case "bosonMass": throw BadInput("--mass \(error.value): \(error.problem)")
            default: throw BadInput(error.description)
            }
        }
        switch format {
        case .json: Console.out(ObservablesFormatter.json(model: model, coupling: g, kineticMixing: eps, report: report).serialized())
        case .table: Console.out(ObservablesFormatter.table(model: model, coupling: g, kineticMixing: eps, report: report))
        }
    }
}

// MARK: - Output

/// Formats a ``LowEnergyObservables`` report.
enum ObservablesFormatter {
    static func bandJSON(_ band: CouplingBand?, coupling: Double, kineticMixing: Double) -> JSONOutput {
        guard let band else { return .null }
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

    static func json(model: Model, coupling: Double, kineticMixing: Double, report: LowEnergyObservables) -> JSONOutput {
        var g2: [(String, JSONOutput)] = []
        for lepton in [ChargedLepton.electron, .muon] {
            guard let dataset = report.datasets[lepton] else { continue }
            g2.append((lepton.rawValue, .object([
                ("dataset", .string(dataset.name)),
                ("dataset_date", .string(dataset.date)),
                ("band", bandJSON(report.bands[lepton], coupling: coupling, kineticMixing: kineticMixing)),
            ])))
        }
        let flavours = NeutrinoFlavour.allCases
        let couplingTable: [(String, JSONOutput)] = CouplingTarget.allCases.map { target in
            (target.rawValue, .object([("vector", .number(report.couplings[target].vector)), ("axial", .number(report.couplings[target].axial))]))
        }
        return .object([
            ("model", .string(model.name)),
            ("mass", .number(report.bosonMass)),
            ("coupling", .number(coupling)),
            ("kinetic_mixing", .number(kineticMixing)),
            ("couplings_source", .string("CouplingCalculator: charges x g_X, kinetic mixing, exact A-Z-Z' mixing, loop mixing for L_i - L_j, at q^2 = 0")),
            ("delta_a_e", .number(report.deltaA[.electron]!)),
            ("delta_a_mu", .number(report.deltaA[.muon]!)),
            ("delta_a_tau", .number(report.deltaA[.tau]!)),
            ("g2", .object(g2)),
            ("x17_8be_ratio", .number(report.beryllium18Ratio)),
            ("x17_8be_ratio_isospin_mixed", .number(report.beryllium18RatioIsospinMixed)),
            ("x17_8be_17_64_ratio", .number(report.beryllium17Ratio)),
            ("x17_4he_kinematic_ratio", .number(report.helium21KinematicRatio)),
            ("x17_region", bandJSON(report.x17Region, coupling: coupling, kineticMixing: kineticMixing)),
            ("nucleon_couplings", .object([("proton", .number(report.nucleons.proton)), ("neutron", .number(report.nucleons.neutron))])),
            ("apv_delta_qw_cs", .number(report.cesiumWeakChargeShift)),
            ("apv_finite_range_factor", .number(report.cesiumFiniteRangeFactor)),
            ("apv_limit", .number(report.cesiumWeakChargeLimit)),
            ("apv_within_limit", .bool(report.passesCesiumParityViolation)),
            ("e158_delta_qw_e", .number(report.electronWeakChargeShift)),
            ("e158_eps_v_eps_a", .number(report.electronVectorAxialProduct)),
            ("e158_seed_limit", .number(report.electronVectorAxialLimit)),
            ("nu_e_scattering_coupling_shifts", .object(flavours.map { f in
                (f.rawValue, .object([("delta_g_L", .number(report.neutrinoElectronShifts[f]!.left)),
                                      ("delta_g_R", .number(report.neutrinoElectronShifts[f]!.right))]))
            })),
            ("cevns_cs133_weak_charge_shift", .object(flavours.map { ($0.rawValue, .number(report.cesiumCoherentChargeShift[$0]!)) })),
            ("couplings", .object(couplingTable)),
            ("warnings", .array(report.warnings.map { .string($0) })),
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

    static func table(model: Model, coupling: Double, kineticMixing: Double, report: LowEnergyObservables) -> String {
        var lines = ["Model \(model.name), boson mass \(report.bosonMass) GeV, g_X = \(coupling), eps = \(kineticMixing) (couplings at q^2 = 0, exact mixing, loop mixing where finite)", ""]
        var g2 = TextTable(["lepton", "Delta a", "dataset", "measured", "band (\(report.sigmas) sigma)"])
        for lepton in ChargedLepton.allCases {
            let dataset = report.datasets[lepton]
            g2.add([lepton.rawValue, f(report.deltaA[lepton]!), dataset?.name ?? "-",
                    dataset.map { "\(f($0.delta)) +- \(f($0.uncertainty))" } ?? "-",
                    lepton == .tau ? "-" : bandText(report.bands[lepton], coupling: coupling, kineticMixing: kineticMixing)])
        }
        lines.append(g2.rendered())
        lines.append("")
        var other = TextTable(["observable", "value", "note"])
        other.add(["8Be(18.15) Gamma_X/Gamma_gamma", f(report.beryllium18Ratio), "(eps_p + eps_n)^2 phase space; ATOMKI 6(1)e-6 x 1/BR(ee)"])
        other.add(["8Be(18.15) isospin-mixed", f(report.beryllium18RatioIsospinMixed), "seed form |0.05(p+n) + 0.95(p-n)|^2"])
        other.add(["8Be(17.64) Gamma_X/Gamma_gamma", f(report.beryllium17Ratio), "(eps_p - eps_n)^2 phase space"])
        other.add(["4He(21.01) kinematic ratio", f(report.helium21KinematicRatio), "kinematic analogue only"])
        other.add(["X17 region", bandText(report.x17Region, coupling: coupling, kineticMixing: kineticMixing), "8Be(18.15) at \(report.sigmas) sigma, BR(ee) = 1"])
        other.add(["APV Delta Q_W(Cs)", f(report.cesiumWeakChargeShift), "K(m) = \(String(format: "%.4f", report.cesiumFiniteRangeFactor)); |Delta Q_W| < \(report.cesiumWeakChargeLimit): \(report.passesCesiumParityViolation ? "ok" : "VIOLATED")"])
        other.add(["E158 Delta Q_W^e", f(report.electronWeakChargeShift), "eps^V_e eps^A_e = \(f(report.electronVectorAxialProduct)) (seed bound \(report.electronVectorAxialLimit))"])
        for flavour in NeutrinoFlavour.allCases {
            let s = report.neutrinoElectronShifts[flavour]!
            other.add(["\(flavour.rawValue)-e: delta g_L, g_R (T = 0)", "\(f(s.left)), \(f(s.right))", "SM g_L, g_R shifted by the boson"])
        }
        for flavour in NeutrinoFlavour.allCases {
            other.add(["CEvNS 133Cs \(flavour.rawValue): Q/Q_SM - 1", f(report.cesiumCoherentChargeShift[flavour]!), "zero recoil"])
        }
        lines.append(other.rendered())
        if !report.warnings.isEmpty {
            lines.append("")
            lines += report.warnings.map { "warning: \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
