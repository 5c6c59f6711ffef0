import ArgumentParser
import Foundation
import ZPrimeKit

/// `zprime check`: every limit and constraint at one (model, mass, coupling).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Every experimental limit and constraint at one point: excluded or not, and by what factor.",
        discussion: """
        For each limit (recast to the model by the method of arXiv:1801.04847) and each constraint \
        from the observables, the verdict and the ratio of the model's expected signal to the bound \
        (above 1: excluded), most constraining first. Preferred bands (g-2 with --dataset 2021, the \
        ATOMKI 8Be signal) report inside_band/outside_band and never exclude. Limits that do not cover \
        the mass say outside_mass_range; limits not valid for the model (axial couplings, a \
        published-model-only bound) say not_applicable with the reason.
        The coupling is g_X (--coupling), or eps (--kinetic-mixing) for the dark photon; \
        --dark-width-ratio 99 gives DarkCast's invisible dark-photon convention.
        Examples:
          zprime check --model B-L --mass 0.017 --coupling 1e-4
          zprime check --model dark-photon --mass 0.1 --kinetic-mixing 1e-3 --format json
          zprime check --model Lmu-Ltau --mass 0.02 --coupling 5e-4 --dataset 2021 --limit g2_mu_band,BaBar_TheBABAR2016rlg
        Exit status: 0 the point is allowed by every limit and constraint, 1 at least one excludes it, \
        2 bad input (unknown limit, a mass outside a named limit's range, a model a named limit is not \
        valid for, a non-finite or non-positive coupling).
        """
    )

    @OptionGroup var parameters: PointOptions
    @OptionGroup var dark: DarkSectorOptions

    @Option(name: .long, parsing: .unconditional, help: "The boson mass in GeV.")
    var mass: Double

    @Option(name: .long, help: "Only these limits or constraints (comma-separated names).")
    var limit: String?

    @Option(name: .long, help: "Muon g-2 dataset: 2006, 2021, 2023 or 2025 (default: newest).")
    var dataset: String?

    @Option(name: .customLong("electron-dataset"), help: "Electron g-2 dataset: cs2018 or rb2020 (default: newest).")
    var electronDataset: String?

    @Option(name: .long, parsing: .unconditional, help: "Standard deviations of the g-2 and X17 exclusions and bands (default 2).")
    var sigmas: Double = 2

    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: PhysicsOutputFormat = .table

    @Flag(name: .long, help: "Time the evaluation of every limit and constraint at this point (build with -c release).")
    var benchmark = false

    func run() throws {
        guard mass.isFinite, mass > 0, mass <= ParameterPoint.maximumMass else {
            throw BadInput("--mass \(mass): must be finite, > 0 and <= \(ParameterPoint.maximumMass) GeV")
        }
        if let coupling = parameters.coupling { try Validate.positive(coupling, .coupling) }
        if let eps = parameters.kineticMixing, !(eps.isFinite && eps != 0) {
            throw Problem.invalid(.kineticMixing, eps, "must be finite and non-zero")
        }
        let start = Date()
        let point = try parameters.point(mass: mass, darkSector: try dark.darkSector(), datasets: DatasetSelection(muon: dataset, electron: electronDataset))
        let registry = try ConstraintRegistry.standard()
        let names = limit.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        if let names, names.isEmpty { throw BadInput("--limit \(limit!): give one or more names") }
        let settings = ConstraintSettings(sigmas: sigmas)
        let prepared: PreparedRegistry
        switch Result(catching: { () throws(Problem) -> PreparedRegistry in try registry.prepare(for: point, settings: settings, only: names) }) {
        case .success(let value): prepared = value
        case .failure(let problem):
            if problem.kind == .unknownName { throw BadInput("--limit \(problem.value ?? ""): \(problem.message)") }
            throw problem
        }
        let coupling = point.modelCoupling
        let evaluations = try prepared.evaluate(mass: mass, coupling: coupling)
        let prepareTime = Date().timeIntervalSince(start)
        if names != nil {
            // A named limit that says nothing is bad input.
            for e in evaluations {
                switch e.result.verdict {
                case .outsideMassRange(let reason):
                    throw BadInput("--mass \(mass): outside the masses of \(e.info.name) (\(reason); no extrapolation)")
                case .notApplicable(let reason):
                    throw BadInput("--limit \(e.info.name): not applicable to model \(point.model.name): \(reason)")
                default: break
                }
            }
        }
        if benchmark {
            try runBenchmark(prepared, coupling: coupling, prepareSeconds: prepareTime)
            return
        }
        let excluded = evaluations.filter { $0.result.verdict == .excluded }
        switch format {
        case .json: Console.out(json(point: point, coupling: coupling, evaluations: evaluations).serialized())
        case .csv:
            var lines = ["name,experiment,category,verdict,ratio,reason"]
            for e in evaluations {
                lines.append([e.info.name, e.info.experiment, e.info.category.rawValue, e.result.verdict.key,
                              e.result.ratio.map(NumberText.full) ?? "", e.result.verdict.reason ?? ""].map(CSV.field).joined(separator: ","))
            }
            Console.out(lines.joined(separator: "\n"))
        case .table:
            var lines = ["Model \(point.model.name), mass \(mass) GeV, \(point.couplingAxis.rawValue) = \(coupling)"
                         + (point.neutrinos == .leftHandedMajorana ? "" : ", neutrinos \(point.neutrinos.rawValue)"), ""]
            var table = TextTable(["limit or constraint", "experiment", "verdict", "signal/bound", "note"])
            for e in evaluations {
                table.add([e.info.name, e.info.experiment, e.result.verdict.key.replacingOccurrences(of: "_", with: " "),
                           e.result.ratio.map(NumberText.short) ?? "-", Self.shortened(e.result.verdict.reason ?? "")])
            }
            lines.append(table.rendered())
            lines.append("")
            lines.append(excluded.isEmpty ? "Verdict: allowed by every limit and constraint"
                                          : "Verdict: EXCLUDED by \(excluded.count) (\(excluded.prefix(5).map(\.info.name).joined(separator: ", "))\(excluded.count > 5 ? ", ..." : ""))")
            Console.out(lines.joined(separator: "\n"))
        }
        if !excluded.isEmpty { throw NegativeVerdict() }
    }

    /// A note cut to 72 characters for the table (JSON and CSV keep it whole).
    static func shortened(_ text: String) -> String { text.count > 72 ? String(text.prefix(69)) + "..." : text }

    func json(point: ParameterPoint, coupling: Double, evaluations: [ConstraintEvaluation]) -> JSONOutput {
        let excluded = evaluations.filter { $0.result.verdict == .excluded }
        let items: [JSONOutput] = evaluations.map { e in
            var entries: [(String, JSONOutput)] = [("name", .string(e.info.name)), ("experiment", .string(e.info.experiment)),
                                                   ("category", .string(e.info.category.rawValue)), ("bound_type", .string(e.info.boundType.rawValue)),
                                                   ("verdict", .string(e.result.verdict.key))]
            if let r = e.result.ratio { entries.append(("ratio", .number(r))) }
            if let reason = e.result.verdict.reason { entries.append(("reason", .string(reason))) }
            if !e.result.details.isEmpty {
                entries.append(("details", .object(e.result.details.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })))
            }
            if !e.result.problems.isEmpty { entries.append(("problems", .array(e.result.problems.map { .string($0.message) }))) }
            entries.append(("citation", .string(e.info.citation)))
            return .object(entries)
        }
        return .object([
            ("model", .string(point.model.name)), ("mass", .number(point.mass)), ("coupling", .number(coupling)),
            ("coupling_axis", .string(point.couplingAxis.rawValue)), ("neutrinos", .string(point.neutrinos.rawValue)),
            ("excluded", .bool(!excluded.isEmpty)), ("excluded_by", .array(excluded.map { .string($0.info.name) })),
            ("constraints", .array(items)),
        ])
    }

    func runBenchmark(_ prepared: PreparedRegistry, coupling: Double, prepareSeconds: Double) throws {
        // Warm: the same mass, new couplings (a coupling scan; the published side is cached per mass).
        // Cold: a new mass every time (everything recomputed).
        func time(_ body: (Int) throws -> Double) rethrows -> (seconds: Double, repetitions: Int, checksum: Double) {
            var repetitions = 0, checksum = 0.0
            let start = Date()
            repeat {
                checksum += try body(repetitions)
                repetitions += 1
            } while Date().timeIntervalSince(start) < 1 || repetitions < 5
            return (Date().timeIntervalSince(start) / Double(repetitions), repetitions, checksum)
        }
        let warm = try time { k in
            try prepared.evaluate(mass: mass, coupling: coupling * (1 + 1e-6 * Double(k % 101))).reduce(0) { $0 + ($1.result.ratio ?? 0) }
        }
        let cold = try time { k in
            try prepared.evaluate(mass: mass * (1 + 1e-9 * Double(k + 1)), coupling: coupling).reduce(0) { $0 + ($1.result.ratio ?? 0) }
        }
        let checksum = warm.checksum + cold.checksum
        Console.out(JSONOutput.object([
            ("constraints", .integer(prepared.constraints.count)),
            ("warm_evaluation_seconds", .number(warm.seconds)), ("warm_repetitions", .integer(warm.repetitions)),
            ("cold_evaluation_seconds", .number(cold.seconds)), ("cold_repetitions", .integer(cold.repetitions)),
            ("load_and_prepare_seconds", .number(prepareSeconds)),
            ("checksum", .number(checksum.isFinite ? checksum : 0)),
        ]).serialized())
    }
}
