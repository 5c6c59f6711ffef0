import ArgumentParser
import Foundation
import ZPrimeKit

/// `zprime na64mu`: NA64mu bremsstrahlung yields, the outgoing-muon spectrum and the expected exclusion.
struct NA64muCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "na64mu",
        abstract: "NA64mu: Z' radiated by a muon beam on a target (mu N -> mu N Z'), yields per muon on target, spectrum, expected exclusion.",
        discussion: """
        Cross section: Weizsaecker-Williams with the angle-dependent minimum momentum transfer and the \
        elastic and inelastic form factors of Tsai (Rev. Mod. Phys. 46 (1974) 815), vector and axial muon \
        couplings (Bjorken, Essig, Schuster, Toro, arXiv:0906.0580; Kirpichnikov et al., arXiv:2107.13297). \
        Yield per muon on target (MOT): (rho N_A/A) L_T Int dx dsigma/dx over the window on the outgoing \
        muon energy; yield_visible_per_mot and yield_invisible_per_mot apply BR_vis exp(-L_det/l(x)) and \
        BR_inv (couplings and decays as in `zprime couplings` and `zprime decays`).
        Setups: proposal (160 GeV, window 10-100 GeV, 1e11 MOT; the NA64mu proposal CERN-SPSC-2019-002) \
        and 2022 (the published run: 1.98e10 MOT, outgoing muon below 80 GeV; Andreev et al., Phys. Rev. \
        Lett. 132 (2024) 211803, arXiv:2401.01708). Both assume 40 radiation lengths of lead, \
        L_det = 5 m, efficiency 1 and 2.3 excluded events (no background, 90 % CL).
        Exit status: 0 success, 2 bad input.
        """
    )

    @OptionGroup var parameters: PointOptions

    @Option(name: .long, parsing: .unconditional, help: "The Z' mass in GeV.")
    var mass: Double

    @Option(name: .long, help: "The setup: proposal (default) or 2022.")
    var setup: String = "proposal"

    @Option(name: .long, help: "Target material: Pb, W, Fe, Cu or Al (default: the setup's, Pb).")
    var target: String?

    @Option(name: .customLong("target-length-cm"), parsing: .unconditional, help: "Target length in cm (default 40 radiation lengths of lead, 22.45).")
    var targetLengthCm: Double?

    @Option(name: .customLong("beam-energy"), parsing: .unconditional, help: "Muon beam energy in GeV (default 160; 1 to 10000).")
    var beamEnergy: Double?

    @Option(name: .customLong("muons-on-target"), parsing: .unconditional, help: "Muons on target (default: the setup's).")
    var muonsOnTarget: Double?

    @Option(name: .customLong("detector-length-m"), parsing: .unconditional, help: "Distance beyond which a visible decay is missed, m (default 5).")
    var detectorLengthM: Double?

    @Option(name: .customLong("spectrum-bins"), help: "Bins of the outgoing-muon spectrum from 0 to the beam energy (default 16; 0 for none).")
    var spectrumBins: Int = 16

    @Flag(name: .long, help: "Also solve for the couplings the setup excludes at this mass.")
    var exclusion = false

    @Option(name: .long, help: "Output format: table or json.")
    var format: TableOrJSON = .table

    func resolvedSetup() throws -> NA64muSetup {
        var s: NA64muSetup
        switch setup.lowercased() {
        case "proposal": s = .seedProposal
        case "2022": s = .run2022
        default: throw BadInput("--setup \(setup): unknown setup (known: proposal, 2022)")
        }
        if let target { s.target = try BeamTarget.named(target) }
        if let targetLengthCm { s.targetLengthCentimetres = targetLengthCm }
        if let beamEnergy {
            guard beamEnergy.isFinite, NA64muSetup.beamEnergyRange.contains(beamEnergy) else {
                throw BadInput("--beam-energy \(beamEnergy): must be finite, between 1 and 10000 GeV")
            }
            s.beamEnergy = beamEnergy
            if s.signalWindow.upperBound > beamEnergy {
                guard s.signalWindow.lowerBound < beamEnergy else {
                    throw BadInput("--beam-energy \(beamEnergy): below the signal window's lower edge \(s.signalWindow.lowerBound) GeV")
                }
                s.signalWindow = s.signalWindow.lowerBound...beamEnergy
            }
        }
        if let muonsOnTarget { s.muonsOnTarget = muonsOnTarget }
        if let detectorLengthM { s.detectorLengthMetres = detectorLengthM }
        return s
    }

    func run() throws {
        guard mass.isFinite, mass > 0, mass <= ParameterPoint.maximumMass else {
            throw BadInput("--mass \(mass): must be finite, > 0 and <= \(ParameterPoint.maximumMass) GeV")
        }
        guard (0...200).contains(spectrumBins) else { throw BadInput("--spectrum-bins \(spectrumBins): must be between 0 and 200") }
        let s: NA64muSetup
        do { s = try resolvedSetup().validated() } catch let problem as Problem { throw BadInput(NA64muCommand.describe(problem)) }
        let point = try parameters.point(mass: mass)
        let calculator = try NA64muCalculator(point: point, setup: s)
        let y = try calculator.yield()
        let spectrum = spectrumBins > 0 ? try calculator.spectrum(bins: spectrumBins) : []
        let excluded = exclusion ? try calculator.excludedCouplings(mass: mass) : nil
        let warnings = y.problems.filter { $0.severity >= .warning }.map(\.message)
        switch format {
        case .json: Console.out(json(point: point, setup: s, y: y, spectrum: spectrum, excluded: excluded, warnings: warnings).serialized())
        case .table: Console.out(table(point: point, setup: s, y: y, spectrum: spectrum, excluded: excluded, warnings: warnings))
        }
    }

    /// The option names of the setup's fields.
    static func describe(_ problem: Problem) -> String {
        let names: [String: String] = ["beam energy": "--beam-energy", "target length": "--target-length-cm", "target": "--target",
                                       "detector length": "--detector-length-m", "muons on target": "--muons-on-target"]
        return problem.description(naming: names[problem.parameter.description] ?? problem.parameter.description)
    }

    static func intervalsJSON(_ intervals: [ClosedRange<Double>]) -> JSONOutput {
        .array(intervals.map { .object([("lower", .number($0.lowerBound)), ("upper", .number($0.upperBound))]) })
    }

    func json(point: ParameterPoint, setup s: NA64muSetup, y: NA64muYield, spectrum: [SpectrumBin], excluded: [ClosedRange<Double>]?, warnings: [String]) -> JSONOutput {
        var entries: [(String, JSONOutput)] = [
            ("model", .string(point.model.name)), ("mass", .number(point.mass)), ("coupling", .number(point.modelCoupling)),
            ("setup", .string(s.name)), ("beam_energy", .number(s.beamEnergy)), ("target", .string(s.target.name)),
            ("target_length_cm", .number(s.targetLengthCentimetres)), ("detector_length_m", .number(s.detectorLengthMetres)),
            ("signal_window_gev", .array([.number(s.signalWindow.lowerBound), .number(s.signalWindow.upperBound)])),
            ("muon_eps_v_squared", .number(y.muonVectorSquared)), ("muon_eps_a_squared", .number(y.muonAxialSquared)),
            ("cross_section_cm2", .number(y.crossSectionSquareCentimetres)),
            ("yield_per_mot", .number(y.yieldPerMOT)),
            ("yield_visible_per_mot", .number(y.visibleYieldPerMOT)),
            ("yield_invisible_per_mot", .number(y.invisibleYieldPerMOT)),
            ("invisible_branching", .number(y.invisibleBranching)),
            ("muons_on_target", .number(s.muonsOnTarget)), ("signal_efficiency", .number(s.signalEfficiency)),
            ("expected_events", .number(y.expectedEvents)), ("excluded_events", .number(s.excludedEvents)),
            ("excluded", .bool(y.isExcluded)),
        ]
        if let excluded { entries.append(("excluded_couplings", Self.intervalsJSON(excluded))) }
        entries.append(("spectrum", .array(spectrum.map { bin in
            .object([("muon_energy_low", .number(bin.energy.lowerBound)), ("muon_energy_high", .number(bin.energy.upperBound)),
                     ("produced_per_mot", .number(bin.produced)), ("signal_per_mot", .number(bin.signal))])
        })))
        entries.append(("citations", .array([.string(s.citation), .string("Kirpichnikov, Sieber, Molina Bueno, Crivelli, Kirsanov, Phys. Rev. D 104 (2021) 076012, arXiv:2107.13297"),
                                            .string("Bjorken, Essig, Schuster, Toro, Phys. Rev. D 80 (2009) 075018, arXiv:0906.0580")])))
        entries.append(("warnings", .array(warnings.map { .string($0) })))
        return .object(entries)
    }

    func table(point: ParameterPoint, setup s: NA64muSetup, y: NA64muYield, spectrum: [SpectrumBin], excluded: [ClosedRange<Double>]?, warnings: [String]) -> String {
        var lines = ["\(s.name): \(s.beamEnergy) GeV muons on \(s.targetLengthCentimetres) cm \(s.target.name); model \(point.model.name), m = \(point.mass) GeV, coupling \(point.modelCoupling)", ""]
        var t = TextTable(["quantity", "value"])
        t.add(["outgoing muon window (GeV)", "\(s.signalWindow.lowerBound) - \(s.signalWindow.upperBound)"])
        t.add(["cross section in window (cm^2)", NumberText.short(y.crossSectionSquareCentimetres)])
        t.add(["Z' per MOT (no decays)", NumberText.short(y.yieldPerMOT)])
        t.add(["  invisible decays", NumberText.short(y.invisibleYieldPerMOT)])
        t.add(["  visible, beyond \(s.detectorLengthMetres) m", NumberText.short(y.visibleYieldPerMOT)])
        t.add(["expected events (\(NumberText.short(s.muonsOnTarget)) MOT)", NumberText.short(y.expectedEvents)])
        t.add(["excluded (> \(s.excludedEvents) events)", y.isExcluded ? "yes" : "no"])
        if let excluded {
            t.add(["excluded couplings", excluded.isEmpty ? "none" : excluded.map { "\(NumberText.short($0.lowerBound)) - \(NumberText.short($0.upperBound))" }.joined(separator: ", ")])
        }
        lines.append(t.rendered())
        if !spectrum.isEmpty {
            lines.append("")
            var sp = TextTable(["E_mu' (GeV)", "produced/MOT", "signal/MOT"])
            for bin in spectrum { sp.add(["\(NumberText.short(bin.energy.lowerBound))-\(NumberText.short(bin.energy.upperBound))", NumberText.short(bin.produced), NumberText.short(bin.signal)]) }
            lines.append(sp.rendered())
        }
        if !warnings.isEmpty { lines.append(""); lines += warnings.map { "warning: \($0)" } }
        return lines.joined(separator: "\n")
    }
}
