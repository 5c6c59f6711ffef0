import ArgumentParser
import Foundation
import Synchronization
import ZPrimeKit

/// `zprime atlas`: enumerate, classify, count, store and shard the anomaly-free charge assignments.
struct AtlasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atlas",
        abstract: "The U(1)_X atlas: every inequivalent anomaly-free integer charge assignment of SM + n N_R.",
        discussion: "Without a subcommand, `zprime atlas --max-charge N --quarks MODE ...` enumerates (see `zprime atlas enumerate --help`).",
        subcommands: [Enumerate.self, Merge.self, Query.self, Export.self],
        defaultSubcommand: Enumerate.self
    )

    /// `zprime atlas [enumerate]`: enumerate, classify, count, store and shard.
    struct Enumerate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enumerate",
            abstract: "Enumerate every inequivalent anomaly-free integer U(1)_X charge assignment of SM + n N_R.",
            discussion: """
            Charges are integers with |X| <= --max-charge for Q, U, D, L, E, N (X_H fixed by --higgs-charge, default 0).
            Equivalences (Greljo et al., arXiv:2107.07518; Allanach, Davighi, Melville, arXiv:1812.04602): the charges \
            of each species are a multiset (permutations act on each species separately), X ~ -X (when X_H = 0), \
            only primitive assignments (gcd 1) count, and X = 0 is excluded unless --include-trivial.
            Canonical representative: each species sorted ascending (universal/2+1 quarks in family order), sign \
            such that (sum X_Q, sum X_U) is lexicographically positive, or, if both vanish, the lexicographically \
            larger of X and -X.
            Quark modes: universal (X_Q = X_U = X_D for all families), two-plus-one (Greljo et al.: X_q12 = 0, X_q3 = 3 X_q), \
            free (all 18 charges free).
            Published counts reproduced at --max-charge 10: universal 275 (276 with --include-trivial), \
            --muoquark 273 (252 vector, 21 chiral), two-plus-one --muoquark 171.
            --shard i/N (default: a Slurm job array's task, from SLURM_ARRAY_TASK_ID, _MIN, _MAX and _STEP) runs a deterministic part; \
            `zprime atlas merge` combines shard stores.
            """,
        )

        @Option(name: .long, parsing: .unconditional, help: "Largest |X| of any fermion charge.")
        var maxCharge: Int

        @Option(name: .long, help: "Quark parametrisation: universal, two-plus-one or free.")
        var quarks: QuarkMode

        @Option(name: .long, parsing: .unconditional, help: "Number of right-handed neutrinos (0-3).")
        var neutrinos: Int = 3

        @Option(name: .long, parsing: .unconditional, help: "The Higgs charge X_H (integer); decides the allowed Yukawa terms. With X_H != 0, X and -X are distinct.")
        var higgsCharge: Int = 0

        @OptionGroup var selection: AtlasSelectionOptions

        @Flag(name: .long, help: "Include the trivial assignment X = 0.")
        var includeTrivial = false

        @Flag(name: .long, help: "Print only the number of solutions.")
        var count = false

        @Option(name: .long, help: "Output format: table, json, csv or jsonl.")
        var format: AtlasFormat = .table

        @Option(name: .long, help: "Store the solutions in this SQLite file.")
        var output: String?

        @Flag(name: .long, help: "Replace an existing store of the same configuration.")
        var overwrite = false

        @Option(name: .long, help: "Run shard i of N (1 <= i <= N).")
        var shard: String?

        @Option(name: .long, help: "Worker threads (default: all processors).")
        var threads: Int?

        @Flag(name: .long, help: "No progress indicator on stderr.")
        var quiet = false

        @Flag(name: .long, help: "Benchmark the free-mode count at --max-charge - 2 ... --max-charge (release build).")
        var benchmark = false

        func run() throws {
            let configuration = try AtlasConfiguration(maxCharge: maxCharge, quarkMode: quarks, neutrinoCount: neutrinos,
                                                       higgsCharge: higgsCharge, includeTrivial: includeTrivial)
            guard threads.map({ $0 >= 1 && $0 <= 256 }) ?? true else { throw BadInput("--threads \(threads!): must be between 1 and 256") }
            let shardSpecification = try resolveShard()
            let filter = selection.filter
            if benchmark {
                try AtlasBenchmark.run(configuration: configuration, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, format: format)
                return
            }
            let enumerator = AtlasEnumerator(configuration: configuration, shard: shardSpecification, threads: threads)
            let progress = ProgressLine(enabled: !quiet, label: "atlas \(configuration.quarkMode.rawValue) Q<=\(maxCharge)")
            let start = Date()

            if let output {
                if !output.hasSuffix(".sqlite") && !output.hasSuffix(".db") {
                    throw BadInput("--output \(output): use a .sqlite (or .db) file name")
                }
                var stored = 0
                try AtlasStore.write(path: output, configuration: configuration, shard: shardSpecification, filter: filter, overwrite: overwrite) { writer in
                    stored = try enumerator.enumerate(filter: filter, progress: progress.callback) { records in
                        try writer.insert(records)
                    }
                }
                progress.finish()
                let summary = AtlasOutput.countSummary(count: stored, configuration: configuration, shard: shardSpecification, filter: filter,
                                                       seconds: Date().timeIntervalSince(start), store: output)
                Console.out(format == .json || format == .jsonl ? summary.serialized() : "\(stored) solutions stored in \(output) (\(configuration), shard \(shardSpecification))")
                return
            }
            if count {
                let n = enumerator.count(filter: filter, progress: progress.callback)
                progress.finish()
                switch format {
                case .json, .jsonl:
                    Console.out(AtlasOutput.countSummary(count: n, configuration: configuration, shard: shardSpecification, filter: filter,
                                                         seconds: Date().timeIntervalSince(start), store: nil).serialized())
                case .table, .csv:
                    Console.out("\(n)")
                }
                return
            }
            var writer = AtlasOutput.Writer(format: format, configuration: configuration)
            writer.begin()
            let n = enumerator.enumerate(filter: filter, progress: progress.callback) { records in
                writer.write(records.map { (nil, $0) })
            }
            progress.finish()
            writer.end(count: n, shard: shardSpecification)
        }

        func resolveShard() throws -> ShardSpecification {
            if let shard { return try ShardSpecification(parsing: shard) }
            // A Slurm job array's task (index and count from ID, MIN, MAX and STEP: the library's Shard).
            if let task = try Shard(environment: ProcessInfo.processInfo.environment) {
                return try ShardSpecification(index: task.index, count: task.count)
            }
            return .whole
        }
    }

    // MARK: Subcommands

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge shard stores of one configuration into a new store.",
            discussion: """
            The inputs must be finished shard stores (never a killed run's temporary file) of one configuration, filter and \
            shard count, with distinct shards, and together every shard (unless --allow-incomplete). The output must not exist. \
            Ids are canonical: the merge of every shard equals the unsharded store row for row.
            """
        )

        @Flag(name: .long, help: "Merge even if some shards are missing (the store records which it holds).")
        var allowIncomplete = false

        @Option(name: .long, help: "The merged store to create (.sqlite).")
        var output: String

        @Argument(help: "Shard stores.")
        var inputs: [String]

        @Option(name: .long, help: "Output format of the summary: table or json.")
        var format: TableOrJSON = .table

        func run() throws {
            guard !inputs.isEmpty else { throw BadInput("atlas merge: give at least one shard store") }
            let merged = try AtlasStore.merge(inputs: inputs, output: output, allowIncomplete: allowIncomplete)
            let missing = merged.missingShards
            switch format {
            case .json:
                Console.out(JSONOutput.object([
                    ("store", .string(output)), ("count", .integer(merged.solutionCount)),
                    ("shards", .array(merged.shards.sorted().map { .integer($0) })), ("shard_count", .integer(merged.shardCount)),
                    ("complete", .bool(merged.isComplete)), ("missing_shards", .array(missing.map { .integer($0) })),
                ]).serialized())
            case .table:
                Console.out("\(merged.solutionCount) solutions from shards \(merged.shards.sorted().map(String.init).joined(separator: ",")) of \(merged.shardCount) merged into \(output)")
            }
            if !missing.isEmpty {
                Console.error("warning: \(output) IS INCOMPLETE: shards \(missing.map(String.init).joined(separator: ",")) of \(merged.shardCount) are missing")
            }
        }
    }

    struct Query: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the solutions of a store that pass the filters.")

        @Argument(help: "An atlas store (.sqlite).")
        var store: String

        @OptionGroup var selection: AtlasSelectionOptions

        @Option(name: .long, help: "Only solutions recognised as this named model (B-L, L_i-L_j, B-3L_i, N_R only, hypercharge).")
        var named: String?

        @Option(name: .long, help: "At most this many rows.")
        var limit: Int?

        @Flag(name: .long, help: "Print only the number of matching solutions.")
        var count = false

        @Option(name: .long, help: "Output format: table, json, csv or jsonl.")
        var format: AtlasFormat = .table

        @Flag(name: .long, help: "Read a store that holds only some shards (a warning is printed).")
        var allowIncomplete = false

        func run() throws {
            if let limit, limit < 0 { throw BadInput("--limit \(limit): must be >= 0") }
            var writer: AtlasOutput.Writer? = nil
            var n = 0
            let metadata = try AtlasStore.readMetadata(path: store)
            try AtlasCommand.warnIfIncomplete(metadata, store: store, allowIncomplete: allowIncomplete)
            if !count {
                writer = AtlasOutput.Writer(format: format, configuration: metadata.configuration)
                writer?.begin()
            }
            _ = try AtlasStore.query(path: store, filter: selection.filter, namedModel: named, limit: limit, allowIncomplete: allowIncomplete) { batch in
                n += batch.count
                writer?.write(batch.map { ($0.id, $0.record) })
            }
            if count {
                if format == .json || format == .jsonl {
                    Console.out(JSONOutput.object([("count", .integer(n)), ("store", .string(store))]).serialized())
                } else {
                    Console.out("\(n)")
                }
            } else {
                writer?.end(count: n, shard: nil)
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a stored solution as a model file for the rest of the pipeline.",
            discussion: "Example: zprime atlas export atlas.sqlite --id 12 --format toml > x.toml; zprime anomalies x.toml"
        )

        @Argument(help: "An atlas store (.sqlite).")
        var store: String

        @Option(name: .long, help: "The solution id (see `zprime atlas query`).")
        var id: Int

        @Option(name: .long, help: "Model-file format: toml or json.")
        var format: ModelFileFormat = .toml

        @Flag(name: .long, help: "Read a store that holds only some shards (a warning is printed).")
        var allowIncomplete = false

        func run() throws {
            try AtlasCommand.warnIfIncomplete(try AtlasStore.readMetadata(path: store), store: store, allowIncomplete: allowIncomplete)
            let (record, metadata) = try AtlasStore.solution(path: store, id: id, allowIncomplete: allowIncomplete)
            let name = "atlas-\(metadata.configuration.quarkMode.rawValue)-q\(metadata.configuration.maxCharge)-\(id)"
            let model = record.solution.model(name: name, summary: "atlas solution \(id) of \(store): \(record.solution)",
                                              higgsCharge: metadata.configuration.higgsCharge)
            Console.write(format == .toml ? ModelFile.toml(model) : ModelFile.json(model))
        }
    }
}

extension AtlasCommand {
    /// Refuses a store that holds only some shards unless `allowIncomplete`, and then warns loudly.
    static func warnIfIncomplete(_ metadata: AtlasStoreMetadata, store: String, allowIncomplete: Bool) throws {
        guard !metadata.isComplete else { return }
        guard allowIncomplete else {
            throw AtlasStoreError.incomplete(path: store, shards: metadata.shards, shardCount: metadata.shardCount)
        }
        Console.error("warning: \(store) IS INCOMPLETE: it holds shards \(metadata.shards.sorted().map(String.init).joined(separator: ",")) of \(metadata.shardCount) only (missing \(metadata.missingShards.map(String.init).joined(separator: ","))); results cover part of the atlas and ids are local to these shards")
    }
}

extension ModelFileFormat: ExpressibleByArgument {}

extension QuarkMode: ExpressibleByArgument {}

/// Output formats of the atlas.
enum AtlasFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, jsonl
}

/// The classification filters shared by enumeration and queries.
struct AtlasSelectionOptions: ParsableArguments {
    @Flag(name: .long, help: "Only S_3-muoquark-compatible solutions (Greljo et al., arXiv:2107.07518).")
    var muoquark = false

    @Flag(name: .customLong("s1"), help: "Only solutions also compatible with an S_1 muoquark.")
    var muoquarkS1 = false

    @Option(name: .long, help: "Only this category: vector or chiral.")
    var category: AtlasClassification.Category?

    @Flag(name: .long, help: "Only solutions compatible with renormalisable Dirac neutrinos.")
    var dirac = false

    var filter: AtlasFilter { AtlasFilter(muoquark: muoquark, muoquarkS1: muoquarkS1, category: category, diracOnly: dirac) }
}

extension AtlasClassification.Category: ExpressibleByArgument {}

/// A progress line on stderr for runs longer than two seconds, only when stderr is a terminal.
final class ProgressLine: Sendable {
    private let enabled: Bool
    private let label: String
    private let start = Date()
    private let state = Mutex<(last: TimeInterval, shown: Bool)>((0, false))

    init(enabled: Bool, label: String) {
        self.enabled = enabled && isatty(2) == 1
        self.label = label
    }

    var callback: (@Sendable (AtlasProgress) -> Void)? {
        guard enabled else { return nil }
        return { [self] progress in self.update(progress) }
    }

    private func update(_ progress: AtlasProgress) {
        let elapsed = Date().timeIntervalSince(start)
        guard elapsed > 2 else { return }
        let show = state.withLock { s -> Bool in
            if elapsed - s.last < 0.25 { return false }
            s.last = elapsed
            s.shown = true
            return true
        }
        guard show else { return }
        let percent = progress.totalUnits > 0 ? 100 * progress.completedUnits / progress.totalUnits : 100
        let solutions = progress.solutions > 0 ? ", \(progress.solutions) solutions" : ""
        FileHandle.standardError.write(Data("\r\(label): \(progress.completedUnits)/\(progress.totalUnits) units (\(percent)%)\(solutions), \(String(format: "%.1f", elapsed)) s   ".utf8))
    }

    func finish() {
        if state.withLock({ $0.shown }) { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
