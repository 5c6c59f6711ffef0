import ArgumentParser
import Foundation
import ZPrimeKit

/// `zprime decays`: partial widths, branching ratios, lifetime and decay length of a Z'.
struct DecaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decays",
        abstract: "Z' partial widths, branching ratios, lifetime, c tau and lab decay length.",
        discussion: """
        Widths in GeV, lifetime in s, c tau and decay length in m. Channels: e, mu, \
        tau, nu, hadrons, photons, invisible, exotic (these add up to the total) and their \
        parts nu_e, nu_mu, nu_tau, nu_sterile, the exclusive hadronic channels of \
        DarkCast (pi+_pi-, pi+_pi-_pi0, pi+_pi-_pi+_pi-, pi+_pi-_pi0_pi0, K_K, K_K_pi, \
        pi0_gamma, other; below 2 GeV), hadrons_axial, uds (perturbative light quarks), \
        c, b, t. 'invisible' is the dark sector (--invisible-width, --dark-coupling, \
        --dark-width-ratio); 'exotic' collects flavour-changing pairs and states beyond \
        the SM of the model's particle table.
        Hadrons: data-driven VMD (Ilten, Soreq, Williams, Xue, arXiv:1801.04847) below \
        1.8 GeV, perturbative QCD above 2 GeV, a smooth blend in between; c cbar and b bbar \
        open at 2 m_D and 2 m_B, with J/psi, psi(2S) and Upsilon(1S-3S) as resonances of \
        the c and b vector couplings. Neutrinos are left-handed (Majorana/SM) unless \
        --neutrinos says otherwise.
        Examples:
          zprime decays --model B-L --mass 0.5 --coupling 1e-4 --format json
          zprime decays --model dark-photon --masses 0.001:10:200 --format csv
          zprime decays --model Lmu-Ltau --mass 0.05 --invisible-width 1e-9 --energy 10
          zprime decays --model B-L --masses 0.001:10:1000 --benchmark
        Exit status: 0 success, 2 bad input.
        """
    )

    @OptionGroup var parameters: PointOptions

    @Option(name: .long, parsing: .unconditional, help: "The Z' mass in GeV.")
    var mass: Double?

    @Option(name: .long, help: "A log-spaced mass range A:B:N (GeV), e.g. 0.001:2:1000.")
    var masses: String?

    @OptionGroup var dark: DarkSectorOptions

    @Option(name: .long, parsing: .unconditional, help: "Z' energy in GeV for the lab decay length gamma beta c tau.")
    var energy: Double?

    @Option(name: .long, help: "Comma-separated channels to print (default: all).")
    var channels: String?

    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: PhysicsOutputFormat = .table

    @Flag(name: .long, help: "Time the total width and all branching ratios over the masses (build with -c release).")
    var benchmark = false

    @Option(name: .customLong("benchmark-seconds"), help: "Minimum time spent timing each variant (default 1 s; at least 5 repetitions).")
    var benchmarkSeconds: Double = 1.0

    func run() throws {
        let selection = try MassSelection.parse(mass: mass, masses: masses, required: true)!
        let shown = try selectedChannels()
        let point = try parameters.point(mass: selection.masses[0], darkSector: try dark.darkSector())
        let calculator = try CouplingCalculator(point: point)
        if let energy {
            guard energy.isFinite, energy > 0, energy <= 1e8 else { throw BadInput("--energy \(energy): must be finite, > 0 and <= 1e8 GeV") }
            if let m = selection.masses.first(where: { $0 > energy }) {
                throw BadInput("--energy \(energy): below the Z' mass \(m) GeV")
            }
        }
        let decays = try DecayCalculator(couplings: calculator)
        if benchmark {
            guard benchmarkSeconds.isFinite, benchmarkSeconds >= 0, benchmarkSeconds <= 3600 else {
                throw BadInput("--benchmark-seconds \(benchmarkSeconds): must be finite, >= 0 and <= 3600")
            }
            try runBenchmark(decays: decays, masses: selection.masses)
            return
        }
        let results = try decays.widths(masses: selection.masses)
        for w in results where !(w.total.isFinite && w.values.allSatisfy(\.isFinite)) {
            throw BadInput("--mass \(w.mass): the widths are not finite numbers with these couplings")
        }
        switch format {
        case .json:
            let objects = try results.map { try json($0, calculator: calculator, channels: shown) }
            Console.out((selection.isRange ? JSONOutput.array(objects) : objects[0]).serialized())
        case .csv:
            Console.out(try csv(results, channels: shown))
        case .table:
            Console.out(try table(results, calculator: calculator, channels: shown))
        }
    }

    func selectedChannels() throws -> [DecayChannel] {
        guard let channels else { return DecayChannel.allCases }
        var list: [DecayChannel] = []
        for key in channels.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let channel = DecayChannel(key: key) else {
                throw BadInput("--channels: unknown channel '\(key)' (known: \(DecayChannel.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            if !list.contains(channel) { list.append(channel) }
        }
        if list.isEmpty { throw BadInput("--channels '\(channels)': no channel given") }
        return list
    }

    func decayLength(_ w: DecayWidths) throws -> Double? {
        guard let energy else { return nil }
        return try w.labDecayLengthMetres(energy: energy)
    }

    static func regimeName(_ regime: HadronicRegime) -> String {
        switch regime {
        case .vectorMesonDominance: return "vmd"
        case .transition: return "vmd+qcd"
        case .perturbative: return "qcd"
        }
    }

    func json(_ w: DecayWidths, calculator: CouplingCalculator, channels: [DecayChannel]) throws -> JSONOutput {
        var entries: [(String, JSONOutput)] = [
            ("mass", .number(w.mass)), ("total_width", .number(w.total)),
            ("lifetime", .number(w.lifetimeSeconds)), ("ctau", .number(w.properDecayLengthMetres)),
        ]
        if let length = try decayLength(w) { entries.append(("decay_length", .number(length))) }
        entries.append(("widths", .object(channels.map { ($0.rawValue, .number(w[$0])) })))
        entries.append(("branching_ratios", .object(channels.map { ($0.rawValue, .number(w.branchingRatio($0))) })))
        entries.append(("hadronic_model", .string(Self.regimeName(w.hadronicRegime))))
        entries.append(("model", .string(calculator.model.name)))
        entries.append(("coupling", .number(calculator.gaugeCoupling)))
        entries.append(("kinetic_mixing", .number(calculator.kineticMixing)))
        if let loop = calculator.loopMixing?.mixing(atSquaredMomentum: w.mass * w.mass) {
            entries.append(("loop_mixing", .object([("real", .number(loop.real)), ("imaginary", .number(loop.imaginary))])))
        }
        entries.append(("neutrinos", .string(calculator.point.neutrinos.rawValue)))
        entries.append(("warnings", .array((warnings(w, calculator: calculator)).map { .string($0) })))
        return .object(entries)
    }

    func warnings(_ w: DecayWidths, calculator: CouplingCalculator) -> [String] {
        (try? DecayCalculator(couplings: calculator))?.problems(w).map(\.message) ?? w.problems.map(\.message)
    }

    func csv(_ results: [DecayWidths], channels: [DecayChannel]) throws -> String {
        var header = ["mass", "total_width", "lifetime", "ctau"]
        if energy != nil { header.append("decay_length") }
        header += channels.map { "width_\($0.rawValue)" } + channels.map { "br_\($0.rawValue)" }
        var lines = [header.joined(separator: ",")]
        for w in results {
            var row = [w.mass, w.total, w.lifetimeSeconds, w.properDecayLengthMetres].map(NumberText.full)
            if let length = try decayLength(w) { row.append(NumberText.full(length)) }
            row += channels.map { NumberText.full(w[$0]) } + channels.map { NumberText.full(w.branchingRatio($0)) }
            lines.append(row.joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }

    func table(_ results: [DecayWidths], calculator: CouplingCalculator, channels: [DecayChannel]) throws -> String {
        var lines = ["Model \(calculator.model.name): g_X = \(NumberText.short(calculator.gaugeCoupling)), eps = \(NumberText.short(calculator.kineticMixing))"
            + (calculator.loopMixing != nil ? " + loop-induced mixing" : "")]
        lines.append("Neutrinos: \(calculator.point.neutrinos.summary)")
        if results.count == 1, let w = results.first {
            lines.append("m_Z' = \(NumberText.short(w.mass)) GeV, hadrons from \(Self.regimeName(w.hadronicRegime))")
            lines.append("total width \(NumberText.short(w.total)) GeV, lifetime \(NumberText.short(w.lifetimeSeconds)) s, c tau \(NumberText.short(w.properDecayLengthMetres)) m"
                + ((try decayLength(w)).map { ", lab decay length \(NumberText.short($0)) m at E = \(NumberText.short(energy!)) GeV" } ?? ""))
            var table = TextTable(["channel", "width (GeV)", "branching ratio"])
            for channel in channels where self.channels != nil || w[channel] > 0 || (channel.parent == nil && channel != .exotic) {
                table.add([(channel.parent == nil ? "" : "  ") + channel.rawValue, NumberText.short(w[channel]), NumberText.short(w.branchingRatio(channel))])
            }
            lines.append(table.rendered())
            for warning in warnings(w, calculator: calculator) { lines.append("warning: \(warning)") }
            return lines.joined(separator: "\n")
        }
        let shown = self.channels == nil ? DecayChannel.topLevel : channels
        var table = TextTable(["mass (GeV)", "total (GeV)", "c tau (m)"] + shown.map { "BR(\($0.rawValue))" })
        for w in results {
            table.add([NumberText.short(w.mass), NumberText.short(w.total), NumberText.short(w.properDecayLengthMetres)]
                      + shown.map { NumberText.short(w.branchingRatio($0)) })
        }
        lines.append(table.rendered())
        return lines.joined(separator: "\n")
    }

    /// Times the total width and every branching ratio over `masses`, against a same-run baseline:
    /// the straightforward use of the same library that rebuilds the couplings and decay calculators
    /// for every mass and collects the branching ratios in a dictionary.
    func runBenchmark(decays: DecayCalculator, masses: [Double]) throws {
        let clock = ContinuousClock()
        func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
        func fast() throws -> Double {
            var checksum = 0.0
            for w in try decays.widths(masses: masses) {
                checksum += w.total
                for channel in DecayChannel.allCases { checksum += w.branchingRatio(channel) }
            }
            return checksum
        }
        func straightforward() throws -> Double {
            var checksum = 0.0
            for m in masses {
                let couplings = try CouplingCalculator(point: try decays.couplings.point.withMass(m))
                let calculator = try DecayCalculator(couplings: couplings, invisibleWidth: decays.invisibleWidth)
                let w = try calculator.widths(mass: m)
                var ratios: [String: Double] = [:]
                for channel in DecayChannel.allCases { ratios[channel.rawValue] = w.branchingRatio(channel) }
                checksum += w.total + ratios.values.reduce(0, +)
            }
            return checksum
        }
        func best(_ body: () throws -> Double) throws -> (Double, Double, Int) {
            var times: [Double] = []
            var checksum = 0.0
            let started = clock.now
            repeat {
                let t0 = clock.now
                checksum = try body()
                times.append(seconds(clock.now - t0))
            } while times.count < 5 || (seconds(clock.now - started) < benchmarkSeconds && times.count < 100_000)
            return (times.min()!, checksum, times.count)
        }
        let setupStart = clock.now
        _ = try DecayCalculator(couplings: decays.couplings, invisibleWidth: decays.invisibleWidth)
        let setup = seconds(clock.now - setupStart)
        let (fastTime, fastSum, fastRuns) = try best(fast)
        let (baseTime, baseSum, baseRuns) = try best(straightforward)
        #if DEBUG
        let build = "debug"
        #else
        let build = "release"
        #endif
        let darkCast = 0.19
        let object = JSONOutput.object([
            ("model", .string(decays.couplings.model.name)), ("masses", .integer(masses.count)), ("build", .string(build)),
            ("zprime_seconds", .number(fastTime)), ("zprime_repetitions", .integer(fastRuns)),
            ("calculator_setup_seconds", .number(setup)),
            ("baseline", .string("same library, couplings and decay calculators rebuilt per mass, branching ratios in a dictionary")),
            ("baseline_seconds", .number(baseTime)), ("baseline_repetitions", .integer(baseRuns)),
            ("speedup_vs_baseline", .number(baseTime / fastTime)),
            ("checksums_agree", .bool(abs(fastSum - baseSum) <= 1e-9 * abs(fastSum))),
            ("darkcast_quoted_seconds", .number(darkCast)),
            ("speedup_vs_darkcast_quoted", .number(darkCast / fastTime)),
        ])
        switch format {
        case .json: Console.out(object.serialized())
        default:
            Console.out("""
            benchmark (\(build) build): total width + all \(DecayChannel.allCases.count) branching ratios, model \(decays.couplings.model.name), \(masses.count) masses
              zprime:    \(NumberText.short(fastTime * 1e3)) ms per sweep (best of \(fastRuns)); calculator setup \(NumberText.short(setup * 1e3)) ms
              baseline:  \(NumberText.short(baseTime * 1e3)) ms per sweep (best of \(baseRuns)): the library rebuilt per mass
              ratio:     \(NumberText.short(baseTime / fastTime)) x faster than the same-run baseline
              DarkCast (quoted, ~0.19 s on this machine, not measured here): \(NumberText.short(darkCast / fastTime)) x
              (Benchmarks/decays/run.sh measures a Python DarkCast-method baseline in the same run.)
            """)
        }
    }
}
