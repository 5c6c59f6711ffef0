import Foundation
import Testing

@Suite("zprime atlas (end to end)")
struct AtlasCLITests {
    func count(_ arguments: [String]) throws -> Int {
        let r = try CLI.run(["atlas", "--count", "--format", "json", "--quiet"] + arguments)
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try CLI.json(r.stdout) as? [String: Any])
        return try #require(object["count"] as? Int)
    }

    @Test("the published counts through the interface contract")
    func publishedCounts() throws {
        #expect(try count(["--max-charge", "10", "--quarks", "universal", "--include-trivial"]) == 276)
        #expect(try count(["--max-charge", "10", "--quarks", "universal"]) == 275)
        #expect(try count(["--max-charge", "10", "--quarks", "universal", "--muoquark"]) == 273)
        #expect(try count(["--max-charge", "10", "--quarks", "universal", "--muoquark", "--category", "vector"]) == 252)
        #expect(try count(["--max-charge", "10", "--quarks", "universal", "--muoquark", "--category", "chiral"]) == 21)
        #expect(try count(["--max-charge", "10", "--quarks", "two-plus-one", "--muoquark"]) == 171)
        #expect(try count(["--max-charge", "3", "--quarks", "free", "--neutrinos", "3", "--threads", "2"]) == 4115)
    }

    @Test("csv, jsonl and json outputs agree in content and count")
    func formats() throws {
        let base = ["atlas", "--max-charge", "10", "--quarks", "universal", "--muoquark", "--category", "chiral", "--quiet"]
        let csv = try CLI.run(base + ["--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.count == 22 && lines[0].hasPrefix("q1,q2,q3"))
        let jsonl = try CLI.run(base + ["--format", "jsonl"])
        let objects = try jsonl.stdout.split(separator: "\n").map { try #require(try CLI.json(String($0)) as? [String: Any]) }
        #expect(objects.count == 21 && objects.allSatisfy { $0["category"] as? String == "chiral" && $0["muoquark_s3"] as? Bool == true })
        let json = try CLI.run(base + ["--format", "json"])
        let document = try #require(try CLI.json(json.stdout) as? [String: Any])
        #expect(document["count"] as? Int == 21 && (document["solutions"] as? [Any])?.count == 21)
        let table = try CLI.run(base)
        #expect(table.stdout.hasSuffix("21 solutions\n"))
        // Empty result: still valid JSON.
        let empty = try CLI.run(["atlas", "--max-charge", "0", "--quarks", "free", "--format", "json"])
        #expect((try CLI.json(empty.stdout) as? [String: Any])?["count"] as? Int == 0)
    }

    @Test("store, query, export: an atlas solution flows into the rest of the pipeline")
    func storeQueryExport() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zprime-cli-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let stored = try CLI.run(["atlas", "--max-charge", "10", "--quarks", "universal", "--output", path, "--format", "json", "--quiet"])
        #expect(stored.status == 0, "\(stored.stderr)")
        #expect((try CLI.json(stored.stdout) as? [String: Any])?["count"] as? Int == 275)
        let query = try CLI.run(["atlas", "query", path, "--muoquark", "--count"])
        #expect(query.stdout == "273\n")
        let named = try CLI.run(["atlas", "query", path, "--named", "B-L", "--format", "jsonl"])
        let row = try #require(try CLI.json(String(named.stdout.split(separator: "\n")[0])) as? [String: Any])
        let id = try #require(row["id"] as? Int)
        let export = try CLI.run(["atlas", "export", path, "--id", "\(id)", "--format", "toml"])
        #expect(export.status == 0)
        let file = try CLI.temporaryFile(export.stdout, extension: "toml")
        let anomalies = try CLI.run(["anomalies", file, "--format", "json"])
        #expect(anomalies.status == 0)
        #expect((try CLI.json(anomalies.stdout) as? [String: Any])?["anomaly_free"] as? Bool == true)
        #expect(try CLI.run(["atlas", "export", path, "--id", "999999"]).status == 2)
    }

    @Test("sharded stores merge into the whole")
    func shardAndMerge() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zprime-shards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var shards: [String] = []
        for i in 1...3 {
            let path = directory.appendingPathComponent("s\(i).sqlite").path
            let r = try CLI.run(["atlas", "--max-charge", "3", "--quarks", "free", "--shard", "\(i)/3", "--output", path, "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            shards.append(path)
        }
        let merged = directory.appendingPathComponent("all.sqlite").path
        let r = try CLI.run(["atlas", "merge", "--output", merged, "--format", "json"] + shards)
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try #require(try CLI.json(r.stdout) as? [String: Any])
        #expect(summary["count"] as? Int == 4115 && summary["complete"] as? Bool == true)
    }

    @Test("bad input exits 2 with a clear message and overwrites nothing")
    func badInput() throws {
        let cases: [([String], String)] = [
            (["--max-charge", "-1", "--quarks", "free"], "--max-charge -1"),
            (["--max-charge", "1000000", "--quarks", "universal"], "--max-charge 1000000"),
            (["--max-charge", "30", "--quarks", "free"], "--max-charge 30"),
            (["--max-charge", "3", "--quarks", "free", "--shard", "3/2"], "--shard 3/2"),
            (["--max-charge", "3", "--quarks", "free", "--shard", "0/0"], "--shard 0/0"),
            (["--max-charge", "3", "--quarks", "free", "--shard", "a/b"], "--shard a/b"),
            (["--max-charge", "3", "--quarks", "sideways"], "sideways"),
            (["--max-charge", "3", "--quarks", "free", "--neutrinos", "5"], "--neutrinos 5"),
            (["--max-charge", "3", "--quarks", "free", "--threads", "0"], "--threads 0"),
            (["--max-charge", "3", "--quarks", "free", "--output", "/nonexistent-dir/x.sqlite"], "/nonexistent-dir"),
        ]
        for (arguments, fragment) in cases {
            let r = try CLI.run(["atlas"] + arguments)
            #expect(r.status == 2, "\(arguments): \(r.status)")
            #expect(r.stderr.contains(fragment), "\(arguments): \(r.stderr)")
            #expect(!r.stderr.contains("Fatal error"))
        }
        // An existing store with another configuration: refused, untouched.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zprime-cli-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try CLI.run(["atlas", "--max-charge", "4", "--quarks", "universal", "--output", path, "--quiet"]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let other = try CLI.run(["atlas", "--max-charge", "5", "--quarks", "universal", "--output", path, "--overwrite", "--quiet"])
        #expect(other.status == 2 && other.stderr.contains("another configuration"))
        let same = try CLI.run(["atlas", "--max-charge", "4", "--quarks", "universal", "--output", path, "--quiet"])
        #expect(same.status == 2 && same.stderr.contains("--overwrite"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
