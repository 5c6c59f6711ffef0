import ArgumentParser
import Foundation
import ZPrimeKit

/// `zprime neff`: N_eff with a light Z' in equilibrium with the neutrinos or the e-gamma plasma.
struct NeffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neff",
        abstract: "N_eff with a light Z': photon and neutrino temperatures through neutrino decoupling, with the Z' decays.",
        discussion: """
        Two temperatures (photons with e+-, three neutrino flavours) evolved from 10 MeV to 1 keV with the \
        SM energy transfer of Escudero (JCAP 02 (2019) 007, arXiv:1812.05605); the Z' (widths from `zprime \
        decays`) is in equilibrium with the bath its larger width feeds and exchanges energy with the other \
        through its other width (Escudero, Hooper, Krnjaic, Pierre, JHEP 03 (2019) 071, arXiv:1901.02010). \
        No QED plasma corrections: the SM value is about 3.04. Bounds: Planck 2018, N_eff = 2.99 +0.34 \
        -0.33 (95 %, arXiv:1807.06209); BBN, N_nu = 2.86 +- 0.15 (arXiv:1912.01132). Masses 1e-6 to 1 GeV.
        Exit status: 0 success, 2 bad input.
        """
    )

    @OptionGroup var parameters: PointOptions

    @Option(name: .long, parsing: .unconditional, help: "The Z' mass in GeV (1e-6 to 1).")
    var mass: Double

    @Option(name: .long, help: "Output format: table or json.")
    var format: TableOrJSON = .table

    func run() throws {
        guard mass.isFinite, EffectiveNeutrinoNumber.massRange.contains(mass) else {
            throw BadInput("--mass \(mass): must be finite, between 1e-06 and 1 GeV")
        }
        let point = try parameters.point(mass: mass)
        let neff = try EffectiveNeutrinoNumber(point: point)
        let solution = try neff.solve()
        let bounds = [EffectiveNeutrinoNumberConstraint.planck2018, EffectiveNeutrinoNumberConstraint.bbn2020]
        let verdicts = bounds.map { bound -> (String, String, ClosedRange<Double>) in
            let n = solution.effectiveNumber
            return (bound.info.name, bound.allowed.contains(n) ? "allowed" : "excluded", bound.allowed)
        }
        let warnings = solution.problems.filter { $0.severity >= .warning }.map(\.message)
        switch format {
        case .json:
            Console.out(JSONOutput.object([
                ("model", .string(point.model.name)), ("mass", .number(mass)), ("coupling", .number(point.modelCoupling)),
                ("n_eff", .number(solution.effectiveNumber)), ("delta_n_eff", .number(solution.deltaEffectiveNumber)),
                ("n_eff_sm", .number(solution.standardModelValue)), ("t_nu_over_t_gamma", .number(solution.temperatureRatio)),
                ("bath", .string(solution.bath?.rawValue ?? "none")), ("thermalised", .bool(solution.thermalised)),
                ("neutrino_width", .number(neff.neutrinoWidth)), ("electromagnetic_width", .number(neff.electromagneticWidth)),
                ("constraints", .array(verdicts.map { .object([("name", .string($0.0)), ("verdict", .string($0.1)),
                                                                ("allowed", .array([.number($0.2.lowerBound), .number($0.2.upperBound)]))]) })),
                ("warnings", .array(warnings.map { .string($0) })),
            ]).serialized())
        case .table:
            var t = TextTable(["quantity", "value"])
            t.add(["N_eff", String(format: "%.4f", solution.effectiveNumber)])
            t.add(["Delta N_eff", String(format: "%.4f", solution.deltaEffectiveNumber)])
            t.add(["N_eff (SM, same approximations)", String(format: "%.4f", solution.standardModelValue)])
            t.add(["T_nu/T_gamma", String(format: "%.5f", solution.temperatureRatio)])
            t.add(["Z' bath", (solution.bath?.rawValue ?? "none") + (solution.thermalised ? "" : " (not thermalised)")])
            for v in verdicts { t.add([v.0 + " [\(v.2.lowerBound), \(v.2.upperBound)]", v.1]) }
            var text = "N_eff for model \(point.model.name), m = \(mass) GeV, coupling \(point.modelCoupling)\n\n" + t.rendered()
            if !warnings.isEmpty { text += "\n\n" + warnings.map { "warning: \($0)" }.joined(separator: "\n") }
            Console.out(text)
        }
    }
}
