import ArgumentParser
import Foundation
import ZPrimeKit

/// `zprime trident`: the neutrino trident cross section relative to the SM for CCFR.
struct TridentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trident",
        abstract: "Neutrino trident nu_mu N -> nu_mu N mu+ mu- with a Z', relative to the SM, for CCFR's beam (160 GeV) and iron target.",
        discussion: """
        Coherent equivalent-photon approximation (as in Altmannshofer, Gori, Pospelov, Yavin, PRL 113 \
        (2014) 091801, arXiv:1406.2332) with the nu gamma cross section at leading logarithm (collinear \
        muon pair, nu mu -> nu mu at momentum transfer Q^2) and the Z' propagator 1/(m^2 + Q^2) in the \
        vector and axial muon couplings; the heavy-Z' limit is the effective-operator ratio. Constraint: \
        CCFR, sigma/sigma_SM = 0.82 +- 0.28 (Mishra et al., PRL 66 (1991) 3117), excluded outside \
        0.82 +- 1.96 x 0.28 (95 % CL).
        Exit status: 0 success, 2 bad input.
        """
    )

    @OptionGroup var parameters: PointOptions

    @Option(name: .long, parsing: .unconditional, help: "The Z' mass in GeV.")
    var mass: Double

    @Option(name: .customLong("beam-energy"), parsing: .unconditional, help: "Neutrino energy in GeV (default 160, CCFR's mean; 1 to 10000).")
    var beamEnergy: Double?

    @Flag(name: .long, help: "Also solve for the couplings CCFR excludes at this mass.")
    var exclusion = false

    @Option(name: .long, help: "Output format: table or json.")
    var format: TableOrJSON = .table

    func run() throws {
        guard mass.isFinite, mass > 0, mass <= ParameterPoint.maximumMass else {
            throw BadInput("--mass \(mass): must be finite, > 0 and <= \(ParameterPoint.maximumMass) GeV")
        }
        var beam = NeutrinoTrident.Beam.ccfr
        if let beamEnergy {
            guard beamEnergy.isFinite, (1...10_000).contains(beamEnergy) else { throw BadInput("--beam-energy \(beamEnergy): must be finite, between 1 and 10000 GeV") }
            beam.energy = beamEnergy
        }
        let point = try parameters.point(mass: mass)
        let trident = try NeutrinoTrident(point: point, beam: beam)
        let ratio = try trident.ratioToStandardModel()
        let constraint = CCFRTridentConstraint()
        let result = try constraint.evaluate(point)
        let excluded = exclusion ? try constraint.excludedCouplings(for: point, mass: mass) : nil
        let sm = trident.standardModelCrossSection()
        switch format {
        case .json:
            var entries: [(String, JSONOutput)] = [
                ("model", .string(point.model.name)), ("mass", .number(mass)), ("coupling", .number(point.modelCoupling)),
                ("beam_energy", .number(beam.energy)), ("target", .string(beam.target.name)),
                ("ratio_to_sm", .number(ratio)), ("contact_ratio", .number(trident.contactRatio)),
                ("g_nu_g_mu_vector", .number(trident.vectorProduct)), ("g_nu_g_mu_axial", .number(trident.axialProduct)),
                ("sm_cross_section_cm2", .number(sm)),
                ("ccfr", .object([("measured", .number(CCFRTridentConstraint.measured)), ("uncertainty", .number(CCFRTridentConstraint.uncertainty)),
                                  ("verdict", .string(result.verdict.rawValue)), ("signal_to_bound", .number(result.ratio ?? 0)),
                                  ("citation", .string(constraint.info.citation))])),
            ]
            if let excluded { entries.append(("excluded_couplings", NA64muCommand.intervalsJSON(excluded))) }
            Console.out(JSONOutput.object(entries).serialized())
        case .table:
            var t = TextTable(["quantity", "value"])
            t.add(["sigma/sigma_SM", NumberText.short(ratio)])
            t.add(["heavy-Z' (contact) ratio", NumberText.short(trident.contactRatio)])
            t.add(["SM sigma(nu Fe -> nu Fe mu mu), cm^2 (leading log)", NumberText.short(sm)])
            t.add(["CCFR 0.82 +- 0.28", result.verdict.rawValue + (result.ratio.map { " (signal/bound \(NumberText.short($0)))" } ?? "")])
            if let excluded {
                t.add(["excluded couplings", excluded.isEmpty ? "none" : excluded.map { "\(NumberText.short($0.lowerBound)) - \(NumberText.short($0.upperBound))" }.joined(separator: ", ")])
            }
            Console.out("Trident for model \(point.model.name), m = \(mass) GeV, coupling \(point.modelCoupling), E_nu = \(beam.energy) GeV on \(beam.target.name)\n\n" + t.rendered())
        }
    }
}
