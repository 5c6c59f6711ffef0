import ArgumentParser
import Foundation
import ZPrimeKit

/// `zprime solar`: solar neutrinos in a xenon detector with a model's Z'.
struct SolarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solar",
        abstract: "Solar neutrinos in a xenon detector: nuclear (CEvNS) and electron recoils with a model's Z', significance and reach.",
        discussion: """
        Fluxes of the standard solar model B16-GS98 (Vinyoles et al., ApJ 835 (2017) 202: pp, pep, hep, 7Be, \
        8B, 13N, 15O, 17F) with adiabatic MSW conversion averaged over each source's production region and \
        NuFIT 6.0 oscillation parameters (Esteban et al., JHEP 12 (2024) 216), so nu_mu and nu_tau arrive with \
        the split the mixing angles and the CP phase imply (flavour_content reports it).
        Events on natural xenon with ideal resolution and efficiency for --exposure-tonne-years and recoil \
        energies --recoil-kev A:B keV (B may be inf), in the channel nr (CEvNS on all nine isotopes), er \
        (nu-e scattering on the 54 electrons; --binding stepping (default) counts only electrons bound by less \
        than the recoil energy, free ignores binding) or both (a combined analysis).
        chi2_discovery is the binned Asimov chi^2 of the SM given the Z' (--bins log bins per channel, one \
        pull per solar source with its B16 flux uncertainty, shared by the channels), chi2_exclusion that of \
        the Z' given the SM; no detector backgrounds are included. --detector DARWIN (40 t x 5 yr) or XENONnT \
        (4 t x 5 yr) sets the exposure; --reach A:B:N gives the 90 % CL (--goal discovery: 5 sigma) coupling \
        intervals at N log-spaced masses.
        Exit status: 0 success, 2 bad input.
        """
    )

    enum Channel: String, ExpressibleByArgument, CaseIterable {
        case nr, er, both
    }

    @OptionGroup var parameters: PointOptions

    @Option(name: .long, parsing: .unconditional, help: "The boson mass in GeV.")
    var mass: Double

    @Option(name: .customLong("exposure-tonne-years"), parsing: .unconditional, help: "Exposure in tonne-years (0 < X <= 1e6).")
    var exposureTonneYears: Double?

    @Option(name: .long, help: "A detector preset setting the exposure: DARWIN or XENONnT.")
    var detector: String?

    @Option(name: .customLong("recoil-kev"), help: "Recoil window A:B in keV (B may be inf; 1e-3 <= A < B <= 1e5).")
    var recoilKeV: String

    @Option(name: .long, help: "nr, er or both.")
    var channel: Channel

    @Option(name: .long, help: "Electron binding: stepping (default) or free.")
    var binding: ElectronBinding = .stepping

    @Option(name: .long, help: "The target material (Xe, default; Ar).")
    var target: String = "Xe"

    @Option(name: .long, help: "Recoil bins per channel (1-100; default 10).")
    var bins: Int = 10

    @Option(name: .long, help: "A:B:N: the reach at N log-spaced masses from A to B GeV (N <= 200).")
    var reach: String?

    @Option(name: .long, help: "What --reach solves: exclusion (90 % CL, default) or discovery (5 sigma).")
    var goal: Sensitivity.Goal = .exclusion

    @Option(name: .long, help: "Output format: table or json.")
    var format: TableOrJSON = .table

    func window() throws -> ClosedRange<Double> {
        let parts = recoilKeV.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let shown = recoilKeV.count > 40 ? String(recoilKeV.prefix(37)) + "..." : recoilKeV
        guard parts.count == 2, let a = Double(parts[0]), let b = parts[1].lowercased() == "inf" ? Double.infinity : Double(parts[1]) else {
            throw BadInput("--recoil-kev \(shown): expected A:B in keV, e.g. 1:inf or 5:50")
        }
        guard a.isFinite, SolarDetector.recoilRangeKeV.contains(a), b > a, b.isInfinite || SolarDetector.recoilRangeKeV.contains(b),
              !b.isNaN else {
            throw BadInput("--recoil-kev \(shown): need \(SolarDetector.recoilRangeKeV.lowerBound) <= A < B <= \(SolarDetector.recoilRangeKeV.upperBound) keV (B may be inf)")
        }
        return a...b
    }

    func exposure() throws -> Double {
        if let exposureTonneYears {
            guard exposureTonneYears.isFinite, exposureTonneYears > 0, exposureTonneYears <= SolarDetector.maximumExposure else {
                throw BadInput("--exposure-tonne-years \(exposureTonneYears): must be finite, > 0 and <= \(SolarDetector.maximumExposure)")
            }
            return exposureTonneYears
        }
        guard let detector else { throw BadInput("give --exposure-tonne-years X or --detector DARWIN|XENONnT") }
        let records = try NeutrinoData.bundled().xenonDetectors
        guard let record = records.first(where: { $0.name.lowercased() == detector.lowercased() }) else {
            throw BadInput("--detector \(detector): unknown detector (known: \(records.map(\.name).joined(separator: ", ")))")
        }
        return record.fiducialMassTonnes * record.years
    }

    func run() throws {
        try NeutrinoCLI.checkMass(mass)
        guard (1...100).contains(bins) else { throw BadInput("--bins \(bins): must be between 1 and 100") }
        let window = try window()
        let exposure = try exposure()
        let point = try parameters.point(mass: mass)
        let channels: [RecoilChannel] = channel == .nr ? [.nuclear] : (channel == .er ? [.electron] : [.nuclear, .electron])
        let sun = try SolarNeutrinos.standard()
        let detectors = try NeutrinoCLI.renamed { () throws(Problem) -> [SolarDetector] in
            try channels.map { c throws(Problem) in
                try SolarDetector(target: target, exposureTonneYears: exposure, recoilKeV: window, channel: c, binding: binding, sun: sun)
            }
        }
        let sensitivity = try Sensitivity(solar: detectors, point: point, bins: bins)
        let model = try sensitivity.counts(mass: mass, coupling: point.modelCoupling)
        let sm = sensitivity.standard
        let discovery = AsimovStatistics.discovery(signal: model, standard: sm, sigmas: sensitivity.sigmas)
        let exclusion = AsimovStatistics.exclusion(signal: model, standard: sm, sigmas: sensitivity.sigmas)
        var curve: [(mass: Double, intervals: [NeutrinoCouplingInterval])]? = nil
        if let reach { curve = try sensitivity.reach(masses: try NeutrinoCLI.masses(reach), goal: goal) }
        let edges = detectors.flatMap { d in Array(d.kernel(bins: bins).binEdges.dropLast()).map { ($0, d.channel) } }
        let upperEdges = detectors.flatMap { d in Array(d.kernel(bins: bins).binEdges.dropFirst()) }
        let split8B = sun.flavourFractions(try sun.source(named: "8B"), energy: 0.010)
        let split7Be = sun.flavourFractions(try sun.source(named: "7Be"), energy: 0.0008618)
        switch format {
        case .json:
            var entries: [(String, JSONOutput)] = [
                ("target", .string(detectors[0].target.description)),
                ("exposure_tonne_years", .number(exposure)),
                ("recoil_kev", .array([.number(window.lowerBound), window.upperBound.isInfinite ? .string("inf") : .number(window.upperBound)])),
                ("channel", .string(channel.rawValue)),
                ("binding", .string(binding.rawValue)),
                ("model", .string(point.model.name)),
                ("mass", .number(mass)),
                ("coupling", .number(point.modelCoupling)),
                ("events", .number(model.total)),
                ("events_sm", .number(sm.total)),
                ("sources", .object(zip(sun.sources, zip(model.groups, sm.groups)).map { s, pair in
                    (s.name, .object([("events", .number(pair.0)), ("events_sm", .number(pair.1)), ("flux_uncertainty", .number(s.relativeUncertainty))]))
                })),
                ("flavours", NeutrinoCLI.flavoursJSON(model: model, sm: sm)),
                ("chi2_discovery", .number(discovery)),
                ("chi2_exclusion", .number(exclusion)),
                ("significance_sigma", .number(discovery.squareRoot())),
                ("spectrum", .array(zip(edges, upperEdges).enumerated().map { i, e in
                    .object([("channel", .string(e.0.1.rawValue)), ("lower_kev", .number(e.0.0 * 1e6)), ("upper_kev", .number(e.1 * 1e6)),
                             ("events", .number(model.bins[i])), ("events_sm", .number(sm.bins[i]))])
                })),
                ("flavour_content", .object([
                    ("8B_10MeV", .object([("nu_e", .number(split8B.0)), ("nu_mu", .number(split8B.1)), ("nu_tau", .number(split8B.2))])),
                    ("7Be_862keV", .object([("nu_e", .number(split7Be.0)), ("nu_mu", .number(split7Be.1)), ("nu_tau", .number(split7Be.2))])),
                    ("oscillation", .string(sun.oscillation.parameters.citation)),
                ])),
            ]
            if let curve { entries.append(("reach", .object([("goal", .string(goal.rawValue)), ("curve", NeutrinoCLI.curveJSON(curve))]))) }
            entries.append(("citations", .array(sun.citations.map { .string($0) })))
            Console.out(JSONOutput.object(entries).serialized())
        case .table:
            var lines = ["Solar neutrinos on \(detectors[0].target.description), \(exposure) t yr, recoil \(window.lowerBound)-\(window.upperBound) keV, channel \(channel.rawValue) (binding \(binding.rawValue))",
                         "model \(point.model.name), m = \(mass) GeV, coupling \(point.modelCoupling)",
                         "events: \(NumberText.short(model.total))   SM: \(NumberText.short(sm.total))",
                         "Asimov: chi2 of the SM given this Z' = \(NumberText.short(discovery)) (\(String(format: "%.2f", discovery.squareRoot())) sigma); chi2 of this Z' given the SM = \(NumberText.short(exclusion))",
                         ""]
            var sources = TextTable(["source", "events", "SM"])
            for (s, pair) in zip(sun.sources, zip(model.groups, sm.groups)) { sources.add([s.name, NumberText.short(pair.0), NumberText.short(pair.1)]) }
            lines.append(sources.rendered())
            lines.append("")
            lines.append("8B at 10 MeV arrives as nu_e \(String(format: "%.3f", split8B.0)), nu_mu \(String(format: "%.3f", split8B.1)), nu_tau \(String(format: "%.3f", split8B.2)) (\(sun.oscillation.parameters.citation.prefix(9)))")
            if let curve {
                lines.append("")
                lines.append(NeutrinoCLI.curveTable(curve, title: "\(goal.rawValue) reach"))
            }
            Console.out(lines.joined(separator: "\n"))
        }
    }
}
