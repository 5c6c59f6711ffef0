import ArgumentParser
import Foundation
import Synchronization
import ZPrimeKit

extension ScanStoreError: BadInputError {}

/// `zprime scan`: a model over a grid of two parameters, into a resumable SQLite store.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan two parameters of a model's point over a grid into a resumable SQLite store; merge shards, export CSV/JSON.",
        discussion: """
        Without a subcommand, `zprime scan --model M --x AXIS --y AXIS --output FILE.sqlite` runs a scan (see \
        `zprime scan run --help`); an axis is NAME:START:END:COUNT[:log|linear].
        Examples:
          zprime scan --model B-L --x mass:1e-3:1:100 --y coupling:1e-6:1e-2:80 \\
              --output plane.sqlite
          zprime scan export plane.sqlite --format csv > plane.csv
        One task of a batch array (the same axes in every task), then the merge:
          zprime scan --model B-L --shard 3/20 --resume --output plane-3.sqlite
          zprime scan merge plane.sqlite plane-1.sqlite ... plane-20.sqlite
        """,
        subcommands: [Run.self, Merge.self, Export.self, Status.self],
        defaultSubcommand: Run.self
    )

    /// The evaluator of every scan run from the command line: every observable (with the g-2, X17,
    /// APV and E158 verdicts) and every limit and constraint of the standard registry.
    static func evaluator(settings: ObservableSettings) throws -> any PointEvaluator {
        try CompositeEvaluator([ObservablesEvaluator(settings: settings), ConstraintsEvaluator(settings: ConstraintSettings(sigmas: settings.sigmas))])
    }

    /// Runs `body`, spelling an axis problem with its option (`--x`, `--y`).
    static func namingAxes<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let problem as Problem {
            switch problem.parameter {
            case .field("x"): throw BadInput(problem.description(naming: "--x"))
            case .field("y"): throw BadInput(problem.description(naming: "--y"))
            case .field("threads"): throw BadInput(problem.description(naming: "--threads"))
            default: throw problem
            }
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Evaluate every observable (and, through the evaluator, every constraint) over a grid of two parameters.",
            discussion: """
            Axes: --x and --y are NAME:START:END:COUNT[:log|linear] (log by default; a log axis needs START > 0). \
            NAME is mass (GeV), coupling (the model's coupling: g_X, or eps for the dark photon), kinetic_mixing \
            (a fixed eps), mixing_ratio (eps = r g_X) or a named parameter of the model. Point (ix, iy) has index \
            iy * x_count + ix. Every other input of the point comes from the point options (--mass when the mass \
            is not scanned; an option that an axis sets is refused).
            Each point stores its parameters, a status (ok, or failed with the problem), the kinds of its warnings, \
            and per column a value (observables), or a verdict (excluded, allowed, explains, outside_mass_range, \
            not_applicable) with a number: the signal-to-bound ratio of a constraint, the pull \
            (prediction - measurement)/uncertainty of a measured anomaly (g-2 of e and mu, the ATOMKI X17 signal).
            Store: --output FILE.sqlite is written as FILE.sqlite.partial-HOST-PID and renamed when complete. Points are \
            committed in batches (about every second); a killed run keeps them, and --resume continues from them, \
            evaluating only the missing points (refused if the scan, the evaluator's physics or data, or the shard differ); \
            on a finished store of the same scan it does nothing and exits 0. \
            --overwrite replaces an existing store and discards what dead runs left. \
            --output - prints the rows (--format csv or json) without keeping a store.
            Batch systems: --shard i/N (default: a Slurm job array's task, from SLURM_ARRAY_TASK_ID, _MIN, _MAX, _STEP) \
            computes the points with index mod N = i - 1 into its own store; `zprime scan merge OUT IN...` joins them.
            Results do not depend on --threads, the sharding or interruptions.
            Exit status: 0 success, 2 bad input.
            """
        )

        @OptionGroup var parameters: PointOptions
        @OptionGroup var darkSectorOptions: DarkSectorOptions

        @Option(name: .long, parsing: .unconditional, help: "The boson mass in GeV, when no axis scans the mass.")
        var mass: Double?

        @Option(name: .customLong("x"), help: "The horizontal axis NAME:START:END:COUNT[:log|linear].")
        var xAxis: String = "mass:1e-3:1:100:log"

        @Option(name: .customLong("y"), help: "The vertical axis NAME:START:END:COUNT[:log|linear].")
        var yAxis: String = "coupling:1e-6:1e-2:80:log"

        @Option(name: .long, help: "Muon g-2 dataset: 2006, 2021, 2023 or 2025 (default: newest).")
        var dataset: String?

        @Option(name: .customLong("electron-dataset"), help: "Electron g-2 dataset: cs2018 or rb2020 (default: newest).")
        var electronDataset: String?

        @Option(name: .long, parsing: .unconditional, help: "Standard deviations of the anomaly verdicts (g-2, X17).")
        var sigmas: Double = 2

        @Option(name: .long, help: "The store to write (.sqlite or .db), or - to print the rows.")
        var output: String?

        @Option(name: .long, help: "Summary format with a store: text or json; rows format with --output -: csv or json.")
        var format: String?

        @Option(name: .long, help: "Run shard i of N (1 <= i <= N).")
        var shard: String?

        @Option(name: .long, parsing: .unconditional, help: "Worker threads (default: all processors).")
        var threads: Int?

        @Flag(name: .long, help: "Continue the points a killed run of the same scan left; a finished store of the same scan is kept as it is (exit 0, nothing evaluated), so a re-submitted batch task can always pass it.")
        var resume = false

        @Flag(name: .long, help: "Replace an existing store; discard what killed runs left.")
        var overwrite = false

        @Flag(name: .long, help: "No progress bar on stderr.")
        var quiet = false

        @Flag(name: .long, help: "Benchmark: points per second of a full scan of --model (100 x 80, 200 x 160 and 400 x 320 points of mass x coupling; CPU time and peak memory of each run) against baselines measured in the same run (release build).")
        var benchmark = false

        @Option(name: .customLong("commit-every"), parsing: .unconditional, help: .hidden)
        var commitEvery: Int?

        func run() throws {
            if benchmark {
                try ScanBenchmark.run(model: parameters.model, threads: threads ?? Parallel.defaultThreadCount)
                return
            }
            guard let output else { throw BadInput("--output: give the store to write (FILE.sqlite), or - to print the rows") }
            let toStdout = output == "-"
            let format = self.format ?? (toStdout ? "csv" : "text")
            let allowed = toStdout ? ["csv", "json"] : ["text", "json"]
            guard allowed.contains(format) else {
                throw BadInput("--format \(format): with --output \(toStdout ? "-" : "FILE") use \(allowed.joined(separator: " or "))\(toStdout ? "" : " (export the rows with `zprime scan export`)")")
            }
            if !toStdout && !output.hasSuffix(".sqlite") && !output.hasSuffix(".db") {
                throw BadInput("--output \(output): use a .sqlite (or .db) file name, or - to print the rows")
            }
            if toStdout && (resume || overwrite) { throw BadInput("--resume and --overwrite need a store: --output FILE.sqlite") }
            if let threads, !(1...256).contains(threads) { throw BadInput("--threads \(threads): must be between 1 and 256") }
            if let commitEvery, commitEvery < 1 { throw BadInput("--commit-every \(commitEvery): must be >= 1") }
            guard sigmas.isFinite, sigmas > 0, sigmas <= 100 else { throw BadInput("--sigmas \(sigmas): must be finite, > 0 and <= 100") }

            let (x, y) = try ScanCommand.namingAxes { (try ScanAxis(parsing: xAxis, role: .x), try ScanAxis(parsing: yAxis, role: .y)) }
            let scanned = Set([x.parameter, y.parameter])
            if scanned.contains("mass"), mass != nil { throw BadInput("--mass: the mass is scanned by --\(x.parameter == "mass" ? "x" : "y"); give it there") }
            if scanned.contains("coupling"), parameters.coupling != nil { throw BadInput("--coupling: the coupling is scanned by an axis; give its range there") }
            if !scanned.isDisjoint(with: ["kinetic_mixing", "mixing_ratio"]), parameters.kineticMixing != nil || parameters.mixingRatio != nil {
                throw BadInput("--kinetic-mixing/--mixing-ratio: the kinetic mixing is scanned by an axis; give its range there")
            }
            let base = try parameters.point(mass: mass, requireMass: false, darkSector: try darkSectorOptions.darkSector(),
                                            datasets: DatasetSelection(muon: dataset, electron: electronDataset))
            if scanned.contains("coupling"), !base.model.isU1Charged, parameters.kineticMixing != nil {
                throw BadInput("--kinetic-mixing: the coupling axis of model \(base.model.name) is its kinetic mixing; give its range there")
            }
            let specification = try ScanCommand.namingAxes { try ScanSpecification(base: base, x: x, y: y) }
            if !scanned.contains("mass"), mass == nil { throw BadInput("--mass: give the boson mass, or scan it with --x mass:... or --y mass:...") }
            let settings = ObservableSettings(sigmas: sigmas)
            try ObservablesEvaluator.checkDatasets(of: base)
            let evaluator = try ScanCommand.evaluator(settings: settings)

            var options = ScanRunner.Options()
            options.threads = threads ?? Parallel.defaultThreadCount
            options.resume = resume
            options.overwrite = overwrite
            options.commitEvery = commitEvery
            if let shard { options.shard = try Shard(parsing: shard) } else if let task = try Shard(environment: ProcessInfo.processInfo.environment) {
                options.shard = task
            }

            if toStdout {
                // A store in a private temporary folder, exported and removed: the rows are those of `scan export`.
                let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zprime-scan-\(getpid())-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: directory) }
                let path = directory.appendingPathComponent("scan.sqlite").path
                let progress = ScanProgressLine(enabled: !quiet)
                _ = try ScanCommand.namingAxes { try ScanRunner.run(specification, evaluator: evaluator, output: path, options: options, progress: progress.callback) }
                progress.finish()
                var buffer = ""
                try ScanExport.export(path: path, format: format == "json" ? .json : .csv) { piece in
                    buffer += piece
                    if buffer.utf8.count > 1 << 16 { Console.write(buffer); buffer = "" }
                }
                Console.write(buffer)
                return
            }
            let progress = ScanProgressLine(enabled: !quiet)
            let summary = try ScanCommand.namingAxes {
                try ScanRunner.run(specification, evaluator: evaluator, output: output, options: options, progress: progress.callback)
            }
            progress.finish()
            for file in summary.foreignTemporaryFiles {
                Console.error("warning: \(file) is the temporary file of a run on another host; it was left alone (delete it if that run has ended)")
            }
            if format == "json" {
                Console.out(ScanCommand.summaryJSON(summary, specification: specification, evaluator: evaluator).serialized())
            } else {
                Console.out(ScanCommand.summaryText(summary))
            }
        }
    }

    static func summaryText(_ s: ScanRunner.Summary) -> String {
        var text = "\(s.output): shard \(s.shard), \(s.pointCount) points"
        if s.evaluated == 0 && s.alreadyStored == s.pointCount {
            text += " already complete; nothing evaluated"
        } else {
            text += ": \(s.evaluated) evaluated\(s.alreadyStored > 0 ? " (\(s.alreadyStored) resumed from \(s.resumedFrom.joined(separator: ", ")))" : "")"
            text += ", \(s.failed) failed, \(String(format: "%.2f", s.seconds)) s"
            if s.evaluated > 0 && s.seconds > 0 { text += " (\(String(format: "%.0f", Double(s.evaluated) / s.seconds)) points/s)" }
        }
        return text
    }

    static func summaryJSON(_ s: ScanRunner.Summary, specification: ScanSpecification, evaluator: any PointEvaluator) -> JSONOutput {
        .object([
            ("store", .string(s.output)),
            ("shard", .string(s.shard.description)),
            ("x", .string(specification.x.description)),
            ("y", .string(specification.y.description)),
            ("model", .string(specification.base.model.name)),
            ("point_count", .integer(s.pointCount)),
            ("total_point_count", .integer(specification.pointCount)),
            ("already_stored", .integer(s.alreadyStored)),
            ("evaluated", .integer(s.evaluated)),
            ("failed", .integer(s.failed)),
            ("resumed_from", .array(s.resumedFrom.map { .string($0) })),
            ("columns", .integer(evaluator.columns.count)),
            ("seconds", .number(s.seconds)),
        ])
    }

    // MARK: Subcommands

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge the shard stores of one scan into a new store.",
            discussion: """
            The inputs must be finished shard stores (never a killed run's temporary file) of one scan: the same \
            specification, evaluator (physics, data, columns) and shard count, with distinct shards that together are \
            every shard. The output must not exist unless --overwrite (which replaces only a finished scan store: a \
            merge job run again). The result equals the unsharded store row for row (shard 1/1); it takes its name only \
            when complete.
            """
        )

        @Argument(help: "The merged store to create (.sqlite or .db).")
        var output: String

        @Argument(help: "Shard stores.")
        var inputs: [String] = []

        @Option(name: .long, help: "Summary format: text or json.")
        var format: TableOrJSON = .table

        @Flag(name: .long, help: "Replace an existing merged scan store (a merge job run again).")
        var overwrite = false

        func run() throws {
            guard !inputs.isEmpty else { throw BadInput("scan merge: give the output and at least one shard store") }
            guard output.hasSuffix(".sqlite") || output.hasSuffix(".db") else { throw BadInput("\(output): use a .sqlite (or .db) file name for the merged store") }
            let merged = try ScanStore.merge(inputs: inputs, output: output, overwrite: overwrite)
            switch format {
            case .json:
                Console.out(JSONOutput.object([("store", .string(output)), ("point_count", .integer(merged.pointCount)),
                                               ("failed", .integer(merged.failedCount)), ("shards", .integer(inputs.count))]).serialized())
            case .table:
                Console.out("\(merged.pointCount) points from \(inputs.count) shard\(inputs.count == 1 ? "" : "s") merged into \(output)")
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a finished scan store as CSV or JSON, in point-index order.",
            discussion: """
            CSV columns: index, ix, iy, the two scanned parameters by name, status (ok or failed), problem, warnings \
            (kinds, separated by ';'), then per evaluator column NAME_verdict and NAME_ratio (a constraint), \
            NAME_verdict and NAME_pull (an anomaly), or NAME (an observable). Numbers have full round-trip precision; \
            a number that does not exist is an empty field (CSV) or an absent key (JSON), never null.
            """
        )

        @Argument(help: "A scan store (.sqlite).")
        var store: String

        @Option(name: .long, help: "csv or json.")
        var format: String = "csv"

        func run() throws {
            guard let format = ScanExport.Format(rawValue: format) else { throw BadInput("--format \(format): use csv or json") }
            var buffer = ""
            try ScanExport.export(path: store, format: format) { piece in
                buffer += piece
                if buffer.utf8.count > 1 << 16 { Console.write(buffer); buffer = "" }
            }
            Console.write(buffer)
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "How far a scan store, or a killed run's temporary file, has got.",
            discussion: "Reads the file without changing it. Exit status: 0 finished, 1 not finished, 2 not a scan file."
        )

        @Argument(help: "A scan store or the temporary file of a run (FILE.sqlite.partial-HOST-PID).")
        var file: String

        @Option(name: .long, help: "Output format: table or json.")
        var format: TableOrJSON = .table

        func run() throws {
            let meta = try ScanStore.readMetadata(path: file, allowUnfinished: true)
            let specification = try? ScanSpecification(canonicalJSON: meta.specification)
            switch format {
            case .json:
                Console.out(JSONOutput.object([
                    ("file", .string(file)), ("finished", .bool(meta.isFinished)), ("shard", .string(meta.shard.description)),
                    ("stored", .integer(meta.storedCount)), ("point_count", .integer(meta.pointCount)),
                    ("failed", .integer(meta.failedCount)), ("total_point_count", .integer(meta.totalPointCount)),
                    ("model", .string(specification?.base.model.name ?? "")),
                    ("x", .string(specification?.x.description ?? "")), ("y", .string(specification?.y.description ?? "")),
                ]).serialized())
            case .table:
                let what = specification.map { "model \($0.base.model.name), x \($0.x), y \($0.y)" } ?? "unreadable specification"
                Console.out("\(file): \(meta.isFinished ? "finished" : "NOT finished"), shard \(meta.shard), \(meta.storedCount) of \(meta.pointCount) points stored (\(meta.failedCount) failed); \(what)")
            }
            if !meta.isFinished { throw NegativeVerdict() }
        }
    }
}

/// A progress bar on stderr, only when stderr is a terminal: points done, rate, time left.
final class ScanProgressLine: Sendable {
    private let enabled: Bool
    private let state = Mutex<(last: TimeInterval, shown: Bool)>((0, false))

    init(enabled: Bool) { self.enabled = enabled && isatty(2) == 1 }

    var callback: (@Sendable (ScanRunner.Progress) -> Void)? {
        guard enabled else { return nil }
        return { [self] progress in self.update(progress) }
    }

    private func update(_ p: ScanRunner.Progress) {
        let show = state.withLock { s -> Bool in
            if p.elapsed - s.last < 0.2 && p.done < p.total { return false }
            s.last = p.elapsed
            s.shown = true
            return true
        }
        guard show else { return }
        let fraction = p.total > 0 ? Double(p.done) / Double(p.total) : 1
        let width = 24
        let filled = min(width, Int(fraction * Double(width)))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let left = p.remainingSeconds.map { Self.duration($0) + " left" } ?? "estimating"
        let line = "\rscan [\(bar)] \(p.done)/\(p.total) points (\(Int(fraction * 100))%), \(String(format: "%.0f", p.rate)) points/s, \(left)   "
        FileHandle.standardError.write(Data(line.utf8))
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return "\(Int(seconds.rounded())) s" }
        if seconds < 3600 { return "\(Int(seconds / 60)) min \(Int(seconds.truncatingRemainder(dividingBy: 60))) s" }
        return "\(Int(seconds / 3600)) h \(Int(seconds.truncatingRemainder(dividingBy: 3600) / 60)) min"
    }

    func finish() {
        if state.withLock({ $0.shown }) { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
