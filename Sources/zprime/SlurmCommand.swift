import ArgumentParser
import Foundation
import ZPrimeBatch
import ZPrimeKit

/// `zprime slurm`: the sharded computations as Slurm job arrays plus a dependent merge job.
struct SlurmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Write (and submit) Slurm job arrays for sharded atlas enumerations and scans, with a dependent merge job.",
        discussion: """
        Each array task k runs shard k of N into its own store (DIR/shards/NAME-k-of-N.sqlite; no two \
        processes ever write one SQLite file), taking its shard from the array's environment \
        (SLURM_ARRAY_TASK_ID with MIN, MAX and STEP). A re-submitted array skips the shards whose \
        store is already complete, so a failed or killed shard is redone by submitting the same \
        script again. The merge job runs only after every task succeeded (--dependency=afterok) and \
        refuses missing, unfinished or foreign shards, naming them.
        Without --submit the scripts are written and the submission commands printed.
        Exit status: 0 success, 2 bad input (or a failed submission).
        """,
        subcommands: [Atlas.self, Scan.self]
    )

    /// Options shared by every `zprime slurm` subcommand.
    struct JobOptions: ParsableArguments {
        @Option(name: .long, help: "Number of shards (array tasks), 1-10000.")
        var shards: Int

        @Option(name: .long, help: "Folder for the scripts, shards/, logs/ and the merged store (created).")
        var output: String

        @Flag(name: .long, help: "Submit the array and the merge job with sbatch.")
        var submit = false

        @Option(name: .long, help: "Slurm partition.")
        var partition: String?

        @Option(name: .long, help: "Wall-time limit per task (default: estimated from the measured cost per solution).")
        var time: String?

        @Option(name: .long, help: "Memory per task (default 2G).")
        var mem: String = "2G"

        @Option(name: .long, help: "CPUs per task (default 2).")
        var cpus: Int = 2

        @Option(name: .long, help: "Slurm account.")
        var account: String?

        @Option(name: .long, help: "The zprime binary the jobs run (default: this one).")
        var zprime: String?

        var binary: String {
            zprime ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath().path
        }

        var directory: String {
            URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL.path
        }

        func resources(estimatedSeconds: Double) throws -> SlurmResources {
            try SlurmResources(partition: partition, time: time ?? Self.limit(estimatedSeconds),
                               memory: mem, cpus: cpus, account: account).validated()
        }

        /// Three times the estimate, at least ten minutes, in whole minutes, as H:MM:00.
        static func limit(_ estimatedSeconds: Double) -> String {
            let minutes = max(10, Int((3 * estimatedSeconds / 60).rounded(.up)))
            return String(format: "%d:%02d:00", minutes / 60, minutes % 60)
        }

        func finish(_ job: SlurmShardedJob, estimate: String) throws {
            try job.write()
            Console.out("wrote \(job.arrayScriptPath) (\(job.shards) tasks, \(job.resources.cpus) CPUs, \(job.resources.memory), \(job.resources.time) each; \(estimate))")
            Console.out("wrote \(job.mergeScriptPath) (merged store: \(job.mergedStore); \(job.mergeTime ?? job.resources.time) limit)")
            if submit {
                let ids = try job.submit()
                Console.out("submitted array job \(ids.array) and merge job \(ids.merge) (afterok:\(ids.array))")
            } else {
                Console.out("submit with:\n" + job.submissionInstructions)
            }
        }
    }

    /// `zprime slurm atlas`: the atlas enumeration as a job array.
    struct Atlas: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "atlas",
            abstract: "The atlas enumeration (list, classify, store) as a Slurm job array of shards plus a merge job."
        )

        @Option(name: .long, parsing: .unconditional, help: "Largest |X| of any fermion charge.")
        var maxCharge: Int

        @Option(name: .long, help: "Quark parametrisation: universal, two-plus-one or free.")
        var quarks: QuarkMode

        @Option(name: .long, parsing: .unconditional, help: "Number of right-handed neutrinos (0-3).")
        var neutrinos: Int = 3

        @Option(name: .long, parsing: .unconditional, help: "The Higgs charge X_H.")
        var higgsCharge: Int = 0

        @OptionGroup var selection: AtlasSelectionOptions

        @Flag(name: .long, help: "Include the trivial assignment X = 0.")
        var includeTrivial = false

        @OptionGroup var job: JobOptions

        /// Measured cost of listing, classifying and storing one solution in release builds on two
        /// cores (docs/atlas.md: 3.6 million rows in 22 s at Q_max = 8), rounded up.
        static let secondsPerSolution = 7e-6
        /// Measured cost of merging one row (Q_max = 10 on the one-node cluster: 21.5 million rows in
        /// 123 s), rounded up.
        static let mergeSecondsPerSolution = 6e-6

        func run() throws {
            let configuration = try AtlasConfiguration(maxCharge: maxCharge, quarkMode: quarks, neutrinoCount: neutrinos,
                                                       higgsCharge: higgsCharge, includeTrivial: includeTrivial)
            // The total from the fast count (no listing) sets the time estimate.
            let total = AtlasEnumerator(configuration: configuration).count()
            let perShard = Double(total) / Double(max(job.shards, 1))
            let seconds = perShard * Self.secondsPerSolution
            var command = [job.binary, "atlas", "--max-charge", "\(maxCharge)", "--quarks", quarks.rawValue, "--neutrinos", "\(neutrinos)",
                           "--higgs-charge", "\(higgsCharge)"]
            if includeTrivial { command.append("--include-trivial") }
            if selection.muoquark { command.append("--muoquark") }
            if selection.muoquarkS1 { command.append("--s1") }
            if let category = selection.category { command += ["--category", category.rawValue] }
            if selection.dirac { command.append("--dirac") }
            let sharded = try SlurmShardedJob(name: "atlas", shards: job.shards, directory: job.directory, shardCommand: command,
                                              mergeCommand: [job.binary, "atlas", "merge"],
                                              resources: job.resources(estimatedSeconds: seconds),
                                              mergeTime: job.time == nil ? JobOptions.limit(Double(total) * Self.mergeSecondsPerSolution) : nil)
            try job.finish(sharded, estimate: String(format: "%d solutions before filters, about %.0f per shard, estimated %.1f s per shard", total, perShard, seconds))
        }
    }

    /// `zprime slurm scan`: a scan as a job array.
    struct Scan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scan",
            abstract: "A scan (every observable, limit and constraint over a grid) as a Slurm job array of shards plus a merge job.",
            discussion: """
            Takes the options of `zprime scan` (--model, --x, --y, --dataset, ...; not --output, --shard, \
            --threads, --resume or --overwrite, which the job sets) after the job options. Each task runs \
            `zprime scan ... --resume` into its own store: a finished store of the same scan is kept \
            (a re-submitted array passes it), a killed task's points are resumed. The merge job runs \
            `zprime scan merge`, which refuses missing, unfinished or mismatched shards.
            Example:
              zprime slurm scan --shards 8 --output plane -- --model B-L --x mass:1e-3:1:400 --y coupling:1e-6:1e-2:320
            """
        )

        @OptionGroup var job: JobOptions

        @Argument(parsing: .captureForPassthrough, help: "The options of zprime scan (after --).")
        var scanOptions: [String] = []

        /// Measured cost of one point of the full scan (every observable and constraint) in release
        /// builds: about 8 000 points per CPU second for B-L (zprime scan --benchmark), rounded up.
        static let secondsPerPoint = 2e-4

        func run() throws {
            var options = scanOptions
            if options.first == "--" { options.removeFirst() }
            for reserved in ["--output", "--shard", "--threads", "--resume", "--overwrite", "--benchmark"] where options.contains(reserved) {
                throw BadInput("\(reserved): set by the job; leave it out of the scan options")
            }
            // The scan options must parse as a scan (bad input fails here, not in every task).
            let parsed: ScanCommand.Run
            do { parsed = try ScanCommand.Run.parse(options + ["--output", "check.sqlite"]) } catch {
                throw BadInput("scan options: " + ScanCommand.Run.message(for: error))
            }
            func count(_ axis: String) -> Double {
                let fields = axis.split(separator: ":")
                return fields.count >= 4 ? Double(fields[3]) ?? 1 : 1
            }
            let points = count(parsed.xAxis) * count(parsed.yAxis)
            let perShard = points / Double(job.shards)
            let seconds = perShard * Self.secondsPerPoint / Double(max(job.cpus, 1))
            let sharded = try SlurmShardedJob(name: "scan", shards: job.shards, directory: job.directory,
                                              shardCommand: [job.binary, "scan"] + options, mergeCommand: [job.binary, "scan", "merge"],
                                              resources: job.resources(estimatedSeconds: seconds), skipArguments: ["--resume"], mergeOutputOption: nil)
            try job.finish(sharded, estimate: String(format: "%.0f points, about %.0f per shard, estimated %.1f s per shard", points, perShard, seconds))
        }
    }
}
