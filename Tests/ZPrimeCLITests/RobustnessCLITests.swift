import Foundation
import Testing

/// Regression tests of the built binary for hostile model files, extreme options and damaged
/// or racing atlas stores: exit 2 with a short `error:` naming the field or file, or a correct
/// result; never a signal.
@Suite("zprime robustness (end to end)")
struct RobustnessCLITests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zprime-robust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func expectBadInput(_ r: CLIResult, _ fragments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 2, "status \(r.status): \(r.stderr.prefix(300))", sourceLocation: sourceLocation)
        #expect(r.stderr.hasPrefix("error: "), "\(r.stderr.prefix(300))", sourceLocation: sourceLocation)
        #expect(r.stderr.utf8.count < 2048, "stderr of \(r.stderr.utf8.count) bytes", sourceLocation: sourceLocation)
        for fragment in fragments { #expect(r.stderr.contains(fragment), "\(r.stderr.prefix(300))", sourceLocation: sourceLocation) }
    }

    @Test("deep nesting, toml++ assertion inputs and CR line endings exit 2 with line and column")
    func hostileSyntax() throws {
        let deep = String(repeating: "[", count: 30_000)
        let cases: [(String, String, [String])] = [
            (deep + String(repeating: "]", count: 30_000), "json", ["nested more than 32"]),
            (String(repeating: "{\"a\":", count: 30_000) + "1" + String(repeating: "}", count: 30_000), "json", ["nested more than 32"]),
            (deep, "json", ["nested more than 32"]),
            ("[" + Array(repeating: "a", count: 30_000).joined(separator: ".") + "]\n", "toml", ["more than 32 dotted parts"]),
            ("[>", "toml", ["line 1, column 2"]), ("[!", "toml", ["line 1, column 2"]), ("[.", "toml", ["line 1, column 2"]),
            ("[[>]]", "toml", ["line 1, column 3"]),
            ("[charges]\nQ = 18446744073709551616\n", "toml", ["field 'charges.Q'", "does not fit in 64 bits"]),
            ("[charges]\rQ = 0\rU = 0\r", "toml", ["carriage return"]),
        ]
        for (text, ext, fragments) in cases {
            let file = try CLI.temporaryFile(text, extension: ext)
            defer { try? FileManager.default.removeItem(atPath: file) }
            for command in [["anomalies", file], ["model", "show", file]] {
                expectBadInput(try CLI.run(command), fragments)
            }
        }
    }

    @Test("a charge or hypercharge of Int64.min is refused by every command, as an integer or a string")
    func int64MinimumEverywhere() throws {
        let min = "-9223372036854775808"
        let texts = [
            "[charges]\nQ = \(min)\nU = 0\nD = 0\nL = 0\nE = 0\n",
            "[charges]\nQ = \"\(min)\"\nU = 0\nD = 0\nL = 0\nE = 0\n",
            "[charges]\nQ = 0\nU = 0\nD = 0\nL = 0\nE = 0\n[[fermions]]\nname = \"F\"\nhypercharge = \(min)\ncharge = 1\n",
        ]
        for text in texts {
            let file = try CLI.temporaryFile(text, extension: "toml")
            defer { try? FileManager.default.removeItem(atPath: file) }
            for command in [["anomalies", file], ["model", "show", file], ["couplings", "--model", file, "--coupling", "1e-3"],
                            ["decays", "--model", file, "--coupling", "1e-3", "--mass", "1"],
                            ["observables", "--model", file, "--coupling", "1e-3", "--mass", "0.1"]] {
                expectBadInput(try CLI.run(command), ["out of range", "7200"])
            }
        }
    }

    @Test("extreme atlas options exit 2: --higgs-charge Int64.min, huge --max-charge")
    func atlasOptions() throws {
        expectBadInput(try CLI.run(["atlas", "--max-charge", "3", "--quarks", "free", "--count", "--higgs-charge", "-9223372036854775808"]), ["--higgs-charge"])
        expectBadInput(try CLI.run(["atlas", "--max-charge", "9223372036854775807", "--quarks", "free", "--count"]), ["--max-charge"])
        expectBadInput(try CLI.run(["atlas", "--max-charge", "-9223372036854775808", "--quarks", "universal", "--count"]), ["--max-charge"])
    }

    @Test("anomalies on 2,000 identical extra fermions: fast, output bounded, listing marked truncated")
    func manyFermions() throws {
        var text = "[charges]\nQ = \"1/3\"\nU = \"1/3\"\nD = \"1/3\"\nL = -1\nE = -1\nN = [-1, -1, -1]\n"
        for i in 0..<2000 { text += "[[fermions]]\nname = \"F\(i)\"\nisospin = 2\nhypercharge = \"-1/2\"\ncharge = 1\n" }
        let file = try CLI.temporaryFile(text, extension: "toml")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let start = Date()
        let r = try CLI.run(["anomalies", file, "--format", "json"])
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.utf8.count < 2_000_000, "\(r.stdout.utf8.count) bytes")
        let object = try #require(try CLI.json(r.stdout) as? [String: Any])
        #expect(object["yukawa_truncated"] as? Bool == true && object["anomaly_free"] as? Bool == true)
    }

    // MARK: Atlas store integrity

    func enumerate(_ output: String, shard: String? = nil, extra: [String] = []) throws -> CLIResult {
        try CLI.run(["atlas", "--max-charge", "4", "--quarks", "free", "--output", output, "--quiet", "--threads", "2"]
                    + (shard.map { ["--shard", $0] } ?? []) + extra)
    }

    func rows(_ store: String) throws -> [String] {
        let r = try CLI.run(["atlas", "query", store, "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").map(String.init)
    }

    @Test("the merge of every shard equals the unsharded store row for row, ids included; incomplete merges are refused")
    func mergeEqualsWhole() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let whole = dir.appendingPathComponent("whole.sqlite").path
        #expect(try enumerate(whole).status == 0)
        var shards: [String] = []
        for i in 1...3 {
            let path = dir.appendingPathComponent("s\(i).sqlite").path
            #expect(try enumerate(path, shard: "\(i)/3").status == 0)
            shards.append(path)
        }
        let merged = dir.appendingPathComponent("merged.sqlite").path
        let r = try CLI.run(["atlas", "merge", "--output", merged] + shards.reversed())
        #expect(r.status == 0, "\(r.stderr)")
        let wholeRows = try rows(whole)
        let mergedRows = try rows(merged)
        #expect(wholeRows.count > 1000 && wholeRows == mergedRows)
        // export --id K names the same solution (the file differs only in its name and comment lines).
        let k = wholeRows.count / 2
        let fromWhole = try CLI.run(["atlas", "export", whole, "--id", "\(k)", "--format", "json"]).stdout
        let fromMerged = try CLI.run(["atlas", "export", merged, "--id", "\(k)", "--format", "json"]).stdout
        let a = try #require(try CLI.json(fromWhole) as? [String: Any]), b = try #require(try CLI.json(fromMerged) as? [String: Any])
        #expect(a["charges"] as? NSDictionary == b["charges"] as? NSDictionary && a["charges"] != nil)
        // A missing shard: refused, naming it; a shard store alone: refused unless --allow-incomplete.
        let incomplete = dir.appendingPathComponent("incomplete.sqlite").path
        expectBadInput(try CLI.run(["atlas", "merge", "--output", incomplete, shards[0], shards[2]]), ["shard 2 of 3 is missing"])
        #expect(!FileManager.default.fileExists(atPath: incomplete))
        expectBadInput(try CLI.run(["atlas", "query", shards[0], "--count"]), [shards[0], "incomplete", "--allow-incomplete"])
        let loud = try CLI.run(["atlas", "query", shards[0], "--count", "--allow-incomplete"])
        #expect(loud.status == 0 && loud.stderr.contains("warning:") && loud.stderr.contains("INCOMPLETE"))
        // A foreign configuration, named.
        let other = dir.appendingPathComponent("other.sqlite").path
        #expect(try CLI.run(["atlas", "--max-charge", "3", "--quarks", "free", "--output", other, "--quiet", "--shard", "2/3"]).status == 0)
        expectBadInput(try CLI.run(["atlas", "merge", "--output", incomplete, shards[0], other, shards[2]]), [other, "configuration"])
    }

    @Test("SIGKILL at random moments never leaves a file that query or merge accepts; the next run cleans up")
    func killedRuns() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("out.sqlite").path
        // A fixed seed: the same moments every run (milliseconds after start).
        var state: UInt64 = 0x5EED_A71A5
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        for _ in 0..<5 {
            let delay = 20 + Int(next() % 600)
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["atlas", "--max-charge", "5", "--quarks", "free", "--output", output, "--quiet", "--overwrite", "--shard", "2/3"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(delay * 1000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            for name in files {
                let path = dir.appendingPathComponent(name).path
                let query = try CLI.run(["atlas", "query", path, "--count", "--allow-incomplete"])
                if name == "out.sqlite" {
                    // Only a finished store ever has the final name.
                    #expect(query.status == 0, "\(query.stderr)")
                } else {
                    #expect(query.status == 2 && query.stderr.contains(name), "\(name): \(query.status) \(query.stderr)")
                    let merge = try CLI.run(["atlas", "merge", "--allow-incomplete", "--output", dir.appendingPathComponent("m.sqlite").path, path])
                    #expect(merge.status == 2 && merge.stderr.contains(name), "\(merge.stderr)")
                }
            }
        }
        // A complete run afterwards removes the leftovers of the killed ones.
        let finished = try CLI.run(["atlas", "--max-charge", "5", "--quarks", "free", "--output", output, "--quiet", "--overwrite", "--shard", "2/3"])
        if finished.status != 0 {
            // The killed runs may have left no store at all (then --overwrite of another configuration is not involved).
            Issue.record("\(finished.stderr)")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".partial-") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test("concurrent writers to one output: exactly one succeeds, the others exit 2 naming the file")
    func concurrentWriters() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("race.sqlite").path
        let results = Mutex3()
        DispatchQueue.concurrentPerform(iterations: 3) { _ in
            let r = try? CLI.run(["atlas", "--max-charge", "4", "--quarks", "free", "--output", output, "--quiet", "--threads", "1"])
            results.append(r)
        }
        let all = results.values.compactMap { $0 }
        #expect(all.count == 3)
        #expect(all.filter { $0.status == 0 }.count == 1, "\(all.map(\.status))")
        for r in all where r.status != 0 { expectBadInput(r, [output]) }
        #expect(try CLI.run(["atlas", "query", output, "--count"]).status == 0)
    }
}

/// A tiny lock-protected collector for concurrentPerform.
final class Mutex3: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [CLIResult?] = []
    func append(_ value: CLIResult?) { lock.lock(); storage.append(value); lock.unlock() }
    var values: [CLIResult?] { lock.lock(); defer { lock.unlock() }; return storage }
}

/// SQLite and file-system errors reach the user as messages naming the file, never as a raw library
/// error.
@Suite("Store errors name the file (end to end)")
struct StoreErrorMessageTests {
    @Test("a file that is not a store, and a store locked by another process")
    func messages() throws {
        let garbage = try CLI.temporaryFile("not a database\n", extension: "sqlite")
        defer { try? FileManager.default.removeItem(atPath: garbage) }
        let notStore = try CLI.run(["atlas", "query", garbage])
        #expect(notStore.status == 2 && notStore.stderr.hasPrefix("error: \(garbage):") && notStore.stderr.contains("not a ZPrime atlas store"),
                "\(notStore.stderr)")

        let store = FileManager.default.temporaryDirectory.appendingPathComponent("zprime-locked-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: store) }
        #expect(try CLI.run(["atlas", "--max-charge", "3", "--quarks", "universal", "--output", store, "--quiet"]).status == 0)
        // Another process holds an exclusive lock (python3's sqlite3 module, always on this machine).
        let locker = Process()
        locker.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        locker.arguments = ["python3", "-c", "import sqlite3, sys, time\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\nc.execute('BEGIN EXCLUSIVE')\nprint('locked', flush=True)\ntime.sleep(6)", store]
        let ready = Pipe()
        locker.standardOutput = ready
        try locker.run()
        defer { locker.terminate(); locker.waitUntilExit() }
        _ = ready.fileHandleForReading.availableData   // wait until the lock is held
        let locked = try CLI.run(["atlas", "query", store, "--format", "csv"])
        #expect(locked.status == 2, "\(locked.stdout.prefix(200))")
        #expect(locked.stderr.hasPrefix("error: \(store):") && locked.stderr.contains("locked by another process"), "\(locked.stderr)")
        #expect(!locked.stderr.contains("NSCocoaErrorDomain"))
    }
}
