import Foundation
import ZPrimeCore

/// The resources of a Slurm job, passed through to `#SBATCH` lines (sbatch(1)).
public struct SlurmResources: Sendable, Hashable, Codable {
    /// The partition (`--partition`), or nil for the cluster's default.
    public var partition: String?
    /// The wall-time limit (`--time`, e.g. `00:30:00`).
    public var time: String
    /// The memory per node (`--mem`, e.g. `2G`).
    public var memory: String
    /// CPUs per task (`--cpus-per-task`).
    public var cpus: Int
    /// The account to charge (`--account`), or nil.
    public var account: String?

    /// Creates resources; the values are checked by ``validated()``.
    public init(partition: String? = nil, time: String, memory: String, cpus: Int, account: String? = nil) {
        self.partition = partition
        self.time = time
        self.memory = memory
        self.cpus = cpus
        self.account = account
    }

    /// Checks the values: a time `[D-]HH:MM:SS`, `MM:SS` or minutes; a memory `N[K|M|G|T]`; 1 to
    /// 1024 CPUs; partition and account names of letters, digits, `_`, `-` and `.` only (they are
    /// written into a shell script).
    public func validated() throws(Problem) -> SlurmResources {
        let name = try? Regex(#"^[A-Za-z0-9_.\-]{1,64}$"#)
        for (field, value) in [("--partition", partition), ("--account", account)] {
            if let value, let name, (try? name.wholeMatch(in: value)) == nil {
                throw Problem.invalid(.field(field), text: value, "must be 1 to 64 letters, digits, '_', '-' or '.'")
            }
        }
        if let timeFormat = try? Regex(#"^(\d+-)?\d{1,3}(:\d{2}){0,2}$"#), (try? timeFormat.wholeMatch(in: time)) == nil {
            throw Problem.invalid(.field("--time"), text: time, "expected minutes, MM:SS, HH:MM:SS or D-HH:MM:SS")
        }
        if let memoryFormat = try? Regex(#"^\d{1,7}[KMGT]?$"#), (try? memoryFormat.wholeMatch(in: memory)) == nil {
            throw Problem.invalid(.field("--mem"), text: memory, "expected a number with an optional unit K, M, G or T, e.g. 2G")
        }
        guard (1...1024).contains(cpus) else { throw Problem.invalid(.field("--cpus"), Double(cpus), "must be between 1 and 1024") }
        return self
    }

    /// `#SBATCH` lines for these resources.
    func directives() -> [String] {
        var lines = ["#SBATCH --time=\(time)", "#SBATCH --mem=\(memory)", "#SBATCH --cpus-per-task=\(cpus)", "#SBATCH --ntasks=1"]
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        if let account { lines.append("#SBATCH --account=\(account)") }
        return lines
    }
}

/// A sharded ZPrime computation as a Slurm job array plus a merge job that depends on it: the
/// array's task k runs shard k of N into its own store (no concurrent writes to one SQLite file on a
/// shared file system), a re-submitted array skips the shards whose store is already complete, and
/// the merge job, started only when every task succeeded (`--dependency=afterok`), refuses missing,
/// partial or foreign shards.
///
/// ```swift
/// let jobs = try SlurmShardedJob(name: "atlas", shards: 8, directory: "/scratch/atlas",
///                                shardCommand: ["/opt/zprime", "atlas", "--max-charge", "12", "--quarks", "free"],
///                                mergeCommand: ["/opt/zprime", "atlas", "merge"],
///                                resources: SlurmResources(time: "01:00:00", memory: "2G", cpus: 2))
/// print(jobs.arrayScript)   // #SBATCH --array=1-8 ...
/// ```
public struct SlurmShardedJob: Sendable, Hashable {
    /// A short name used for the job names and the files (letters, digits, `-`, `_`).
    public let name: String
    /// The number of shards N (array tasks 1 ... N; task k is shard k/N).
    public let shards: Int
    /// The output folder (absolute): scripts, `shards/`, `logs/` and the merged store.
    public let directory: String
    /// The command of one shard, without its output and shard options (added per task).
    public let shardCommand: [String]
    /// The merge command, without its options and inputs (`--overwrite --output MERGED SHARD...` are
    /// added).
    public let mergeCommand: [String]
    /// The resources of every task (the merge job uses the same time and memory, one CPU).
    public let resources: SlurmResources
    /// Extra arguments that make a task skip a shard whose store is already complete (and otherwise
    /// replace or resume what a killed task left).
    public let skipArguments: [String]
    /// How the merge names its output: `--output MERGED` (the atlas), or nil for a positional
    /// `MERGED` before the shard stores (the scan).
    public let mergeOutputOption: String?
    /// The merge job's wall-time limit (nil: the tasks'). The merge copies every row in one process,
    /// so it can take longer than any task.
    public let mergeTime: String?

    /// Creates the job description.
    public init(name: String, shards: Int, directory: String, shardCommand: [String], mergeCommand: [String],
                resources: SlurmResources, skipArguments: [String] = ["--skip-complete", "--overwrite"],
                mergeOutputOption: String? = "--output", mergeTime: String? = nil) throws(Problem) {
        guard (try? Regex(#"^[A-Za-z0-9_\-]{1,32}$"#).wholeMatch(in: name)) != nil else {
            throw Problem.invalid(.field("job name"), text: name, "must be 1 to 32 letters, digits, '_' or '-'")
        }
        guard shards >= 1, shards <= 10_000 else { throw Problem.invalid(.field("--shards"), Double(shards), "must be between 1 and 10000") }
        guard directory.hasPrefix("/") else { throw Problem.invalid(.field("--output"), text: directory, "must be an absolute path") }
        self.name = name
        self.shards = shards
        self.directory = directory
        self.shardCommand = shardCommand
        self.mergeCommand = mergeCommand
        self.resources = try resources.validated()
        self.skipArguments = skipArguments
        self.mergeOutputOption = mergeOutputOption
        self.mergeTime = mergeTime
    }

    /// The store of shard `k` (1-based).
    public func shardStore(_ k: Int) -> String { "\(directory)/shards/\(name)-\(k)-of-\(shards).sqlite" }
    /// The merged store.
    public var mergedStore: String { "\(directory)/\(name).sqlite" }
    /// The array script's path.
    public var arrayScriptPath: String { "\(directory)/\(name)-array.sh" }
    /// The merge script's path.
    public var mergeScriptPath: String { "\(directory)/\(name)-merge.sh" }

    /// Shell-quotes a word for a POSIX shell.
    static func quote(_ word: String) -> String {
        if word.range(of: #"^[A-Za-z0-9_./:=+,@%-]+$"#, options: .regularExpression) != nil { return word }
        return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    static func line(_ words: [String]) -> String { words.map(quote).joined(separator: " ") }

    /// The job-array script: task k runs shard k/N into `shards/NAME-k-of-N.sqlite` (skipping it when
    /// that store is already complete). The shard index comes from the array's environment through
    /// ZPrime's own `Shard(environment:)` (task IDs 1 ... N), so the script passes no `--shard`.
    public var arrayScript: String {
        var lines = ["#!/bin/bash", "#SBATCH --job-name=zprime-\(name)", "#SBATCH --array=1-\(shards)",
                     "#SBATCH --output=\(directory)/logs/\(name)-%a.out"]
        lines += resources.directives()
        lines += [
            "# Generated by zprime slurm: shard ${SLURM_ARRAY_TASK_ID} of \(shards) of one ZPrime computation.",
            "set -euo pipefail",
            "store=\(Self.quote(directory))/shards/\(name)-${SLURM_ARRAY_TASK_ID}-of-\(shards).sqlite",
            "exec \(Self.line(shardCommand)) --output \"$store\" --threads \"${SLURM_CPUS_PER_TASK:-1}\" \(Self.line(skipArguments)) --quiet",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The merge script: merges every shard store into `NAME.sqlite` (the merge refuses a missing or
    /// incomplete shard, naming it).
    public var mergeScript: String {
        var merge = resources
        merge.cpus = 1
        if let mergeTime { merge.time = mergeTime }
        var lines = ["#!/bin/bash", "#SBATCH --job-name=zprime-\(name)-merge", "#SBATCH --output=\(directory)/logs/\(name)-merge.out"]
        lines += merge.directives()
        lines += [
            "# Generated by zprime slurm: merges the \(shards) shard stores; submit with --dependency=afterok:<array job id>.",
            "set -euo pipefail",
            "\(Self.line(mergeCommand)) --overwrite " + (mergeOutputOption.map { "\($0) " } ?? "") + "\(Self.quote(mergedStore)) "
                + (1...shards).map { Self.quote(shardStore($0)) }.joined(separator: " "),
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes both scripts (executable) and the `shards/` and `logs/` folders.
    public func write() throws(Problem) {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory + "/shards", withIntermediateDirectories: true)
            try manager.createDirectory(atPath: directory + "/logs", withIntermediateDirectories: true)
            for (path, text) in [(arrayScriptPath, arrayScript), (mergeScriptPath, mergeScript)] {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
            }
        } catch {
            throw Problem.invalid(.field("--output"), text: directory, "cannot write the job scripts there (\(error.localizedDescription))", kind: .dataFile)
        }
    }

    /// The submission commands, as a user would type them.
    public var submissionInstructions: String {
        """
        jid=$(sbatch --parsable \(Self.quote(arrayScriptPath)))
        sbatch --dependency=afterok:$jid \(Self.quote(mergeScriptPath))
        """
    }

    /// Submits the array, then the merge job depending on it, through `sbatch` (found on PATH);
    /// returns the two job ids.
    public func submit(environment: [String: String] = ProcessInfo.processInfo.environment) throws(Problem) -> (array: String, merge: String) {
        let array = try Self.sbatch(["--parsable", arrayScriptPath], environment: environment)
        let merge = try Self.sbatch(["--parsable", "--dependency=afterok:\(array)", mergeScriptPath], environment: environment)
        return (array, merge)
    }

    static func sbatch(_ arguments: [String], environment: [String: String]) throws(Problem) -> String {
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/sbatch" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else {
            throw Problem.invalid(.field("--submit"), text: "sbatch", "sbatch is not on PATH: submit the scripts on the cluster's login node", kind: .missing)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            throw Problem.invalid(.field("--submit"), text: path, "cannot run sbatch: \(error.localizedDescription)", kind: .dataFile)
        }
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let id = output.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        guard process.terminationStatus == 0, !id.isEmpty else {
            throw Problem.invalid(.field("--submit"), text: arguments.last, "sbatch failed: \(message.prefix(300))", kind: .dataFile)
        }
        return id
    }
}
