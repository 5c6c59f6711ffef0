import ArgumentParser
import Foundation
import ZPrimeKit

/// `zprime cevns`: coherent elastic neutrino-nucleus scattering at a stopped-pion source.
struct CevnsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cevns",
        abstract: "CEvNS at spallation sources: events, spectra, significance and reach of a model's Z' (projected detectors and COHERENT).",
        discussion: """
        Experiments: CENNS610, ESS10, CCM, ESS (the projected detectors of Amaral, Cerdeno, Foldenauer, \
        Reid, JHEP 12 (2020) 155, arXiv:2006.11225, as tabulated there: events per year above threshold with \
        an ideal detector, liquid argon for CENNS610 and CCM, CsI for ESS10 and ESS) and COHERENT-CsI-2017, \
        COHERENT-CsI-2021, COHERENT-LAr-2020 (over the published exposure with the published efficiency and \
        quenching; Akimov et al., Science 357 (2017) 1123; Phys. Rev. Lett. 129 (2022) 081801; Phys. Rev. \
        Lett. 126 (2021) 012002).
        The stopped-pion flux has a prompt nu_mu line at 29.8 MeV and delayed nu_e and nubar_mu Michel spectra; \
        the cross section includes the SM, interference and Z'^2 terms with the Z' couplings at q^2 = -2 M T \
        (loop-induced mixing of L_mu - L_tau included) and the Helm form factor.
        Projected detectors: chi2_discovery is the binned Asimov chi^2 of the SM given the Z' (--bins log bins \
        above threshold, one normalisation pull with the tabulated systematic), chi2_exclusion that of the Z' \
        given the SM. COHERENT: the model's count is the collaboration's SM prediction times ZPrime's \
        model/SM ratio; delta_chi2 = chi^2 - chi^2(SM), excluded at 90 % CL above 2.706.
        --reach A:B:N gives the 90 % CL exclusion (or, with --goal discovery, 5 sigma) coupling intervals at \
        N log-spaced masses; --benchmark times it.
        Exit status: 0 success, 2 bad input.
        """
    )

    @OptionGroup var parameters: PointOptions

    @Option(name: .long, help: "CENNS610, ESS10, CCM, ESS, COHERENT-CsI-2017, COHERENT-CsI-2021 or COHERENT-LAr-2020.")
    var experiment: String

    @Option(name: .long, parsing: .unconditional, help: "The boson mass in GeV.")
    var mass: Double

    @Option(name: .long, help: "Recoil bins of the spectrum and of the Asimov analysis (1-100; default 10).")
    var bins: Int = 10

    @Option(name: .long, help: "A:B:N: the reach at N log-spaced masses from A to B GeV (N <= 200).")
    var reach: String?

    @Option(name: .long, help: "What --reach solves: exclusion (90 % CL, default) or discovery (5 sigma).")
    var goal: Sensitivity.Goal = .exclusion

    @Flag(name: .long, help: "Time the reach (and one evaluation against direct adaptive integration).")
    var benchmark = false

    @Option(name: .long, help: "Output format: table or json.")
    var format: TableOrJSON = .table

    func run() throws {
        try NeutrinoCLI.checkMass(mass)
        guard (1...100).contains(bins) else { throw BadInput("--bins \(bins): must be between 1 and 100") }
        let experiment = try NeutrinoCLI.renamed { () throws(Problem) in try SpallationExperiment.named(self.experiment) }
        let point = try parameters.point(mass: mass)
        let report = try NeutrinoCLI.renamed { () throws(Problem) in try CevnsReport(experiment: experiment, point: point, bins: bins) }
        var reachJSON: JSONOutput? = nil
        var benchmarkJSON: JSONOutput? = nil
        if let reach {
            let masses = try NeutrinoCLI.masses(reach)
            let sensitivity = try Sensitivity(experiment: experiment, point: point, bins: bins)
            let start = Date()
            let curve = try sensitivity.reach(masses: masses, goal: goal)
            let seconds = Date().timeIntervalSince(start)
            reachJSON = NeutrinoCLI.curveJSON(curve)
            if benchmark {
                benchmarkJSON = try NeutrinoCLI.benchmarkJSON(seconds: seconds, masses: masses.count,
                                                               kernel: experiment.kernel(bins: bins), target: experiment.target,
                                                               kilograms: experiment.record.massKilograms,
                                                               components: experiment.components, window: experiment.window,
                                                               efficiency: experiment.efficiency, point: point)
            }
        }
        switch format {
        case .json:
            var entries = report.json
            if let reachJSON { entries.append(("reach", .object([("goal", .string(goal.rawValue)), ("curve", reachJSON)]))) }
            if let benchmarkJSON { entries.append(("benchmark", benchmarkJSON)) }
            Console.out(JSONOutput.object(entries).serialized())
        case .table:
            Console.out(report.table)
            if let reach {
                let masses = try NeutrinoCLI.masses(reach)
                let curve = try Sensitivity(experiment: experiment, point: point, bins: bins).reach(masses: masses, goal: goal)
                Console.out("")
                Console.out(NeutrinoCLI.curveTable(curve, title: "\(goal.rawValue) reach (\(goal == .exclusion ? "90 % CL" : "5 sigma")) of \(experiment.name)"))
            }
            if let benchmarkJSON { Console.out(benchmarkJSON.serialized()) }
        }
    }
}

/// The numbers `zprime cevns` prints.
struct CevnsReport {
    let json: [(String, JSONOutput)]
    let table: String

    init(experiment: SpallationExperiment, point: ParameterPoint, bins: Int) throws(Problem) {
        let kernel = experiment.kernel(bins: bins)
        let axis = try ModelCouplingAxis(point: point)
        let exchange = try axis.exchange(mass: point.mass, coupling: point.modelCoupling)
        let model = kernel.counts(exchange: exchange)
        let sm = kernel.counts(exchange: nil)
        let r = experiment.record
        var entries: [(String, JSONOutput)] = [
            ("experiment", .string(r.name)),
            ("model", .string(point.model.name)),
            ("mass", .number(point.mass)),
            ("coupling", .number(point.modelCoupling)),
            ("events", .number(model.total)),
            ("events_sm", .number(sm.total)),
            ("exposure", .string(experiment.isMeasured ? "published exposure, \(r.protonsTotal ?? 0) protons on target" : "one year, \(r.protonsPerYear ?? 0) protons on target")),
            ("target", .string(experiment.target.description)),
            ("mass_kg", .number(r.massKilograms)),
            ("threshold_kev", .number(r.thresholdKeV)),
            ("distance_m", .number(r.distanceMetres)),
            ("neutrinos_per_flavour_per_proton", .number(r.neutrinosPerFlavourPerProton)),
            ("flavours", NeutrinoCLI.flavoursJSON(model: model, sm: sm)),
        ]
        var lines = ["Experiment \(r.name) (\(experiment.target.description), \(r.massKilograms) kg), model \(point.model.name), m = \(point.mass) GeV, coupling \(point.modelCoupling)"]
        lines.append("events: \(NumberText.short(model.total))   SM: \(NumberText.short(sm.total))   (\(experiment.isMeasured ? "published exposure" : "per year"))")
        if experiment.isMeasured {
            let constraint = try NeutrinoConstraint.named(r.name).prepared(for: point)
            let result = try constraint.evaluate(mass: point.mass, coupling: point.modelCoupling)
            entries += [
                ("observed", .number(r.observed ?? 0)), ("observed_uncertainty", .number(r.observedUncertainty ?? 0)),
                ("predicted_sm", .number(r.predicted ?? 0)), ("predicted_sm_uncertainty", .number(r.predictedUncertainty ?? 0)),
                ("predicted", .number(result.predicted ?? 0)),
                ("delta_chi2", .number(result.deltaChiSquared ?? 0)),
                ("verdict", .string(result.verdict.key)),
                ("ratio", .number(result.ratio ?? 0)),
            ]
            lines.append("COHERENT: observed \(r.observed ?? 0) +- \(r.observedUncertainty ?? 0), SM predicted \(r.predicted ?? 0) +- \(r.predictedUncertainty ?? 0); this point predicts \(NumberText.short(result.predicted ?? 0)), delta chi2 = \(NumberText.short(result.deltaChiSquared ?? 0)): \(result.verdict.key) (90 % CL)")
        } else {
            let sigma = [r.systematic ?? 0]
            let discovery = AsimovStatistics.discovery(signal: model, standard: sm, sigmas: sigma)
            let exclusion = AsimovStatistics.exclusion(signal: model, standard: sm, sigmas: sigma)
            entries += [("systematic", .number(r.systematic ?? 0)), ("chi2_discovery", .number(discovery)), ("chi2_exclusion", .number(exclusion)),
                        ("significance_sigma", .number(discovery.squareRoot()))]
            lines.append("Asimov (\(bins) bins, \(r.systematic ?? 0) normalisation systematic): chi2 of the SM given this Z' = \(NumberText.short(discovery)) (\(String(format: "%.2f", discovery.squareRoot())) sigma); chi2 of this Z' given the SM = \(NumberText.short(exclusion))")
        }
        entries.append(("spectrum", NeutrinoCLI.spectrumJSON(edges: kernel.binEdges, model: model, sm: sm)))
        entries.append(("citation", .string(r.citation)))
        json = entries
        var spectrum = TextTable(["recoil keV", "events", "SM"])
        for (i, (m, s)) in zip(model.bins, sm.bins).enumerated() {
            spectrum.add(["\(NumberText.short(kernel.binEdges[i] * 1e6))-\(NumberText.short(kernel.binEdges[i + 1] * 1e6))", NumberText.short(m), NumberText.short(s)])
        }
        lines.append("")
        lines.append(spectrum.rendered())
        table = lines.joined(separator: "\n")
    }
}

extension Sensitivity.Goal: ExpressibleByArgument {}
extension RecoilChannel: ExpressibleByArgument {}
extension ElectronBinding: ExpressibleByArgument {}

/// Shared helpers of the neutrino commands.
enum NeutrinoCLI {
    /// The option names of the neutrino stage's parameters.
    static let optionNames: [String: String] = ["experiment": "--experiment", "exposure": "--exposure-tonne-years", "recoil": "--recoil-kev",
                                                "target": "--target", "constraint": "--constraint", "channel": "--channel"]

    /// Runs `body`, renaming the parameter of a thrown problem to its option.
    static func renamed<T>(_ body: () throws(Problem) -> T) throws(Problem) -> T {
        do { return try body() } catch {
            var problem = error
            if case .field(let name) = problem.parameter, let option = optionNames[name] { problem.parameter = .field(option) }
            throw problem
        }
    }

    static func checkMass(_ mass: Double) throws {
        guard mass.isFinite, mass > 0, mass <= ParameterPoint.maximumMass else {
            throw BadInput("--mass \(mass): must be finite, > 0 and <= \(ParameterPoint.maximumMass) GeV")
        }
    }

    static func masses(_ text: String) throws -> [Double] {
        let shown = text.count > 40 ? String(text.prefix(37)) + "..." : text
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let a = Double(parts[0]), let b = Double(parts[1]), let n = Int(parts[2]), n >= 1, n <= 200 else {
            throw BadInput("--reach \(shown): expected A:B:N (from A to B GeV, N log-spaced masses, 1 <= N <= 200), e.g. 0.001:1:50")
        }
        guard a.isFinite, b.isFinite, a > 0, b >= a, b <= ParameterPoint.maximumMass else {
            throw BadInput("--reach \(shown): need 0 < A <= B <= \(ParameterPoint.maximumMass) GeV")
        }
        if n == 1 { return [a] }
        return (0..<n).map { a * Double.pow(b / a, Double($0) / Double(n - 1)) }
    }

    static func flavoursJSON(model: EventCounts, sm: EventCounts) -> JSONOutput {
        .object(NeutrinoFlavour.allCases.map { f in
            (f.rawValue, .object([("events", .number(model.flavours[f.index])), ("events_sm", .number(sm.flavours[f.index]))]))
        })
    }

    static func spectrumJSON(edges: [Double], model: EventCounts, sm: EventCounts) -> JSONOutput {
        .array(zip(model.bins, sm.bins).enumerated().map { i, pair in
            .object([("lower_kev", .number(edges[i] * 1e6)), ("upper_kev", .number(edges[i + 1] * 1e6)),
                     ("events", .number(pair.0)), ("events_sm", .number(pair.1))])
        })
    }

    static func intervalsJSON(_ intervals: [NeutrinoCouplingInterval]) -> JSONOutput {
        .array(intervals.map { i in
            .object([("lower", .number(i.lower)), ("upper", i.upper.map { .number($0) } ?? .string("open"))])
        })
    }

    static func curveJSON(_ curve: [(mass: Double, intervals: [NeutrinoCouplingInterval])]) -> JSONOutput {
        .array(curve.map { .object([("mass", .number($0.mass)), ("intervals", intervalsJSON($0.intervals))]) })
    }

    static func intervalsText(_ intervals: [NeutrinoCouplingInterval]) -> String {
        if intervals.isEmpty { return "none" }
        return intervals.map { "\(NumberText.short($0.lower)) - \($0.upper.map(NumberText.short) ?? "(top of scan)")" }.joined(separator: ", ")
    }

    static func curveTable(_ curve: [(mass: Double, intervals: [NeutrinoCouplingInterval])], title: String) -> String {
        var t = TextTable(["mass GeV", "coupling intervals"])
        for row in curve { t.add([NumberText.short(row.mass), intervalsText(row.intervals)]) }
        return title + "\n" + t.rendered()
    }

    /// The benchmark: the reach time, and one evaluation by the prepared kernel against direct adaptive
    /// double integration (Gauss-Kronrod over T of Gauss-Kronrod over E) in the same run.
    static func benchmarkJSON(seconds: Double, masses: Int, kernel: RateKernel, target: TargetMaterial, kilograms: Double, components: [FluxComponent],
                              window: ClosedRange<Double>, efficiency: @Sendable (Double) -> Double, point: ParameterPoint) throws -> JSONOutput {
        let axis = try ModelCouplingAxis(point: point)
        let exchange = try axis.exchange(mass: point.mass, coupling: point.modelCoupling)
        var start = Date()
        var repeats = 0
        var sink = 0.0
        while Date().timeIntervalSince(start) < 0.2 || repeats < 3 {
            sink += kernel.counts(exchange: try axis.exchange(mass: point.mass, coupling: point.modelCoupling)).total
            repeats += 1
        }
        let kernelSeconds = Date().timeIntervalSince(start) / Double(repeats)
        start = Date()
        let direct = kilograms * DirectIntegration.coherentEvents(target: target, components: components, window: window, efficiency: efficiency,
                                                                  exchange: exchange)
        let directSeconds = Date().timeIntervalSince(start)
        return .object([
            ("reach_seconds", .number(seconds)), ("masses", .integer(masses)),
            ("evaluation_microseconds", .number(kernelSeconds * 1e6)), ("direct_integration_microseconds", .number(directSeconds * 1e6)),
            ("speedup", .number(directSeconds / kernelSeconds)),
            ("kernel_events", .number(sink / Double(repeats))), ("direct_events", .number(direct)),
        ])
    }
}

/// The baseline of the benchmark: the event count by direct adaptive double integration, without the
/// prepared kernel.
enum DirectIntegration {
    static func coherentEvents(target: TargetMaterial, components: [FluxComponent], window: ClosedRange<Double>,
                               efficiency: (Double) -> Double, exchange: ZPrimeExchange?) -> Double {
        var total = 0.0
        // Per kilogram of target (the caller multiplies by the mass); the spectrum weights carry the fluence.
        for component in target.components {
            let nucleus = component.nucleus
            let targets = target.formulaUnitsPerKilogram * component.multiplicity
            for flux in components {
                let tmax = min(window.upperBound, NeutrinoCrossSections.maximumRecoil(energy: flux.spectrum.maximumEnergy, targetMass: nucleus.mass))
                guard tmax > window.lowerBound else { continue }
                let lines = flux.spectrum.lines
                let r = GaussKronrod.integrate(from: window.lowerBound, to: tmax, relativeTolerance: 1e-8) { t in
                    let emin = NeutrinoCrossSections.minimumEnergy(recoil: t, targetMass: nucleus.mass)
                    var v = 0.0
                    for line in lines where line.energy > emin {
                        v += line.weight * NeutrinoCrossSections.coherent(flavour: flux.flavour, energy: line.energy, recoil: t, nucleus: nucleus, exchange: exchange)
                    }
                    if lines.isEmpty {
                        let emax = flux.spectrum.maximumEnergy
                        if emax > emin {
                            v += GaussKronrod.integrate(from: emin, to: emax, relativeTolerance: 1e-8) { e in
                                let density = flux.flavour == .electron ? StoppedPionSource.electronNeutrinoSpectrum(e) : StoppedPionSource.muonAntineutrinoSpectrum(e)
                                return density * NeutrinoCrossSections.coherent(flavour: flux.flavour, energy: e, recoil: t, nucleus: nucleus, exchange: exchange)
                            }.value * flux.spectrum.total
                        }
                    }
                    return v * efficiency(t)
                }
                total += r.value * targets * PhysicalConstants.gevMinus2InSquareCentimetres
            }
        }
        return total
    }
}
