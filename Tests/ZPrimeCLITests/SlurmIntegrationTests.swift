import Foundation
import Testing

/// A real single-node Slurm (Debian's slurmctld, slurmd and munge, configuration in a temporary
/// folder: Scripts/slurm-cluster.sh) runs sharded ZPrime computations as job arrays with a dependent
/// merge job; the merged results must equal the single-machine results exactly, and a killed shard
/// must be detected by the merge and redone by re-submitting the array. Skipped, with a message, where
/// Slurm is not installed (`.ci/run` installs it).
@Suite("Slurm job arrays on a real single-node cluster (end to end)", .serialized)
struct SlurmIntegrationTests {
    static var slurmAvailable: Bool {
        ["/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/bin/sbatch", "/usr/sbin/munged"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a shell command, returning status and output. Through `system(3)` with the output in a
    /// temporary file, not `Process`: Foundation's `Process.waitUntilExit` never noticed the exit of a
    /// shell that had started daemons (Slurm, munge) here, and hung.
    @discardableResult
    static func shell(_ command: String, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("zprime-shell-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        let exports = environment.map { "export \($0.key)='\($0.value)'; " }.joined()
        let status = system("{ \(exports)\(command) ; } > '\(log)' 2>&1 < /dev/null")
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return (status == -1 ? -1 : (status >> 8) & 0xff, output)
    }

    /// A cluster for one test: started in a fresh folder, stopped (every daemon, by PID) afterwards.
    final class Cluster {
        let directory: URL
        let environment: [String: String]
        let script = CLI.packageRoot.appendingPathComponent("Scripts/slurm-cluster.sh").path

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("zprime-slurm-\(UUID().uuidString)")
            let started = try SlurmIntegrationTests.shell("\(script) start \(directory.path)")
            guard started.status == 0, let line = started.output.split(separator: "\n").first(where: { $0.hasPrefix("SLURM_CONF=") }) else {
                throw BadCluster(message: started.output)
            }
            environment = ["SLURM_CONF": String(line.dropFirst("SLURM_CONF=".count))]
        }

        struct BadCluster: Error { let message: String }

        /// Waits until the queue is empty (at most `seconds`).
        func waitForQueue(seconds: Double = 180) throws -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                let queue = try SlurmIntegrationTests.shell("squeue -h", environment: environment)
                if queue.status == 0 && queue.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return true }
                Thread.sleep(forTimeInterval: 0.5)
            }
            return false
        }

        func stop() {
            _ = try? SlurmIntegrationTests.shell("\(script) stop \(directory.path)")
        }
    }

    @Test("a sharded atlas as a job array: merged store equals the single-machine store; a killed shard is refused and redone")
    func atlas() throws {
        guard Self.slurmAvailable else {
            print("skipped: Slurm is not installed (apt-get install slurmctld slurmd slurm-client munge)")
            return
        }
        let cluster = try Cluster()
        defer { cluster.stop() }
        let output = cluster.directory.appendingPathComponent("atlas-job").path
        let zprime = CLI.executable.path
        let configuration = ["--max-charge", "4", "--quarks", "free"]
        let written = try Self.shell(([zprime, "slurm", "atlas"] + configuration + ["--shards", "3", "--cpus", "1", "--output", output, "--submit"])
            .joined(separator: " "), environment: cluster.environment)
        #expect(written.status == 0, "\(written.output)")
        #expect(written.output.contains("submitted array job"))
        #expect(try cluster.waitForQueue(), "the jobs did not finish")
        let merged = "\(output)/atlas.sqlite"
        #expect(FileManager.default.fileExists(atPath: merged), "no merged store; logs: \((try? Self.shell("cat \(output)/logs/*").output) ?? "")")

        // The same enumeration on one machine, compared row for row (ids included).
        let whole = "\(output)/whole.sqlite"
        #expect(try CLI.run(["atlas"] + configuration + ["--output", whole, "--quiet"]).status == 0)
        let a = try CLI.run(["atlas", "query", whole, "--format", "csv"]), b = try CLI.run(["atlas", "query", merged, "--format", "csv"])
        #expect(a.status == 0 && b.status == 0)
        #expect(a.stdout == b.stdout && a.stdout.split(separator: "\n").count == 24552)

        // Shard 2 "killed": its store replaced by the temporary file a SIGKILLed run leaves behind.
        let shard2 = "\(output)/shards/atlas-2-of-3.sqlite"
        try FileManager.default.moveItem(atPath: shard2, toPath: shard2 + ".partial-otherhost-1")
        let refused = try Self.shell("bash \(output)/atlas-merge.sh")
        #expect(refused.status != 0 && refused.output.contains("atlas-2-of-3.sqlite"), "\(refused.output)")
        // Re-submitting the same scripts redoes only shard 2, then the merge succeeds again.
        let again = try Self.shell("jid=$(sbatch --parsable \(output)/atlas-array.sh) && sbatch --parsable --dependency=afterok:$jid \(output)/atlas-merge.sh",
                                   environment: cluster.environment)
        #expect(again.status == 0, "\(again.output)")
        #expect(try cluster.waitForQueue())
        let logs = try Self.shell("cat \(output)/logs/atlas-1.out \(output)/logs/atlas-3.out").output
        #expect(logs.components(separatedBy: "already complete").count - 1 == 2, "\(logs)")
        let redone = try CLI.run(["atlas", "query", merged, "--format", "csv"])
        #expect(redone.stdout == a.stdout)
    }

    @Test("a sharded scan as a job array: merged rows equal the single-machine scan; a killed shard is refused and redone")
    func scan() throws {
        guard Self.slurmAvailable else {
            print("skipped: Slurm is not installed (apt-get install slurmctld slurmd slurm-client munge)")
            return
        }
        let cluster = try Cluster()
        defer { cluster.stop() }
        let output = cluster.directory.appendingPathComponent("scan-job").path
        let zprime = CLI.executable.path
        let configuration = ["--model", "B-L", "--x", "mass:0.005:0.5:6", "--y", "coupling:1e-6:1e-3:4"]
        let written = try Self.shell(([zprime, "slurm", "scan", "--shards", "3", "--cpus", "1", "--output", output, "--submit", "--"] + configuration)
            .joined(separator: " "), environment: cluster.environment)
        #expect(written.status == 0, "\(written.output)")
        #expect(try cluster.waitForQueue(), "the jobs did not finish")
        let merged = "\(output)/scan.sqlite"
        #expect(FileManager.default.fileExists(atPath: merged), "no merged store; logs: \((try? Self.shell("cat \(output)/logs/*").output) ?? "")")

        // The same scan on one machine, compared row for row.
        let whole = try CLI.run(["scan"] + configuration + ["--output", "-", "--format", "csv", "--quiet"])
        let rows = try CLI.run(["scan", "export", merged, "--format", "csv"])
        #expect(whole.status == 0 && rows.status == 0, "\(rows.stderr)")
        #expect(rows.stdout == whole.stdout && whole.stdout.split(separator: "\n").count == 25)

        // Shard 2 "killed": its store removed. The merge refuses, naming it; the re-submitted array
        // redoes it (the finished shards 1 and 3 are kept as they are) and the merge succeeds.
        let shard2 = "\(output)/shards/scan-2-of-3.sqlite"
        let kept = try FileManager.default.attributesOfItem(atPath: "\(output)/shards/scan-1-of-3.sqlite")[.modificationDate] as? Date
        try FileManager.default.removeItem(atPath: shard2)
        let refused = try Self.shell("bash \(output)/scan-merge.sh")
        #expect(refused.status != 0 && refused.output.contains("scan-2-of-3.sqlite"), "\(refused.output)")
        let again = try Self.shell("jid=$(sbatch --parsable \(output)/scan-array.sh) && sbatch --parsable --dependency=afterok:$jid \(output)/scan-merge.sh",
                                   environment: cluster.environment)
        #expect(again.status == 0, "\(again.output)")
        #expect(try cluster.waitForQueue())
        #expect(try FileManager.default.attributesOfItem(atPath: "\(output)/shards/scan-1-of-3.sqlite")[.modificationDate] as? Date == kept)
        let redone = try CLI.run(["scan", "export", merged, "--format", "csv"])
        #expect(redone.stdout == whole.stdout)
    }

    @Test("the job scripts: array range, resources passed through, shard from the environment, afterok merge")
    func scripts() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("zprime-slurm-scripts-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try CLI.run(["slurm", "atlas", "--max-charge", "10", "--quarks", "universal", "--muoquark", "--shards", "8", "--output", output,
                                  "--partition", "long", "--time", "02:00:00", "--mem", "4G", "--cpus", "4", "--account", "theory"])
        #expect(result.status == 0, "\(result.stderr)")
        let array = try String(contentsOfFile: "\(output)/atlas-array.sh", encoding: .utf8)
        for line in ["#SBATCH --array=1-8", "#SBATCH --partition=long", "#SBATCH --time=02:00:00", "#SBATCH --mem=4G",
                     "#SBATCH --cpus-per-task=4", "#SBATCH --account=theory", "--muoquark", "--skip-complete"] {
            #expect(array.contains(line), "\(line)")
        }
        #expect(!array.contains("--shard "))   // the shard comes from SLURM_ARRAY_TASK_ID
        let merge = try String(contentsOfFile: "\(output)/atlas-merge.sh", encoding: .utf8)
        #expect(merge.contains("atlas merge --overwrite --output") && merge.contains("atlas-8-of-8.sqlite"))
        #expect(result.stdout.contains("--dependency=afterok:$jid"))
        // Bad input: exit 2 with the option named.
        for (arguments, option) in [(["--shards", "0"], "--shards"), (["--shards", "2", "--time", "soon"], "--time"),
                                    (["--shards", "2", "--partition", "a;rm -rf /"], "--partition"), (["--shards", "2", "--mem", "lots"], "--mem")] {
            let bad = try CLI.run(["slurm", "atlas", "--max-charge", "3", "--quarks", "universal", "--output", output] + arguments)
            #expect(bad.status == 2 && bad.stderr.contains(option), "\(arguments): \(bad.stderr)")
        }
    }
}
