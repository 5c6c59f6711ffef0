import Foundation
import Testing
import ZPrimeCore
import ZPrimeModels
import ZPrimeObservables
import ZPrimePoint
@testable import ZPrimeScan

@Suite("Scan runs, resume, failures and the store")
struct ScanRunnerTests {
    @Test("a run stores every point once, in index order, with the evaluator's cells; the store is finished and named")
    func fullRun() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let scan = try Fixtures.plane()
        let evaluator = CountingEvaluator()
        let path = dir.path("plane.sqlite")
        let summary = try ScanRunner.run(scan, evaluator: evaluator, output: path, options: Fixtures.options())
        #expect(summary.evaluated == scan.pointCount && summary.alreadyStored == 0 && !summary.interrupted && evaluator.count == scan.pointCount)
        #expect(dir.files == ["plane.sqlite"])
        let meta = try ScanStore.readMetadata(path: path)
        #expect(meta.isFinished && meta.storedCount == scan.pointCount && meta.specification == scan.canonicalJSON && meta.columns == evaluator.columns)
        var indices: [Int] = []
        try ScanStore.forEachPoint(path: path) { point in
            indices.append(point.index)
            let expected = try evaluator.evaluate(try scan.point(at: point.index))
            guard case .success(let record) = point.result else { Issue.record("point \(point.index) failed"); return }
            #expect(record.cells == expected.cells && record.warnings == expected.warnings.map(\.kind.rawValue))
            #expect(point.x == scan.xValues[point.ix] && point.y == scan.yValues[point.iy])
        }
        #expect(indices == Array(0..<scan.pointCount))
    }

    @Test("the rows do not depend on the thread count or the commit batch")
    func deterministic() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let scan = try Fixtures.plane(nx: 9, ny: 6)
        var exports: [String] = []
        for (k, (threads, batch)) in [(1, nil), (2, 1), (4, 7), (3, nil)].enumerated() {
            let path = dir.path("t\(k).sqlite")
            _ = try ScanRunner.run(scan, evaluator: try ObservablesEvaluator(), output: path, options: Fixtures.options(threads: threads, commitEvery: batch))
            exports.append(try Fixtures.csv(path))
        }
        #expect(Set(exports).count == 1 && exports[0].split(separator: "\n").count == scan.pointCount + 1)
    }

    @Test("an interrupted run keeps every committed point; resuming evaluates exactly the missing ones and ends with the same store")
    func resumeRecomputesNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let scan = try Fixtures.plane(nx: 20, ny: 10)
        let reference = dir.path("reference.sqlite")
        _ = try ScanRunner.run(scan, evaluator: CountingEvaluator(), output: reference, options: Fixtures.options(threads: 1))

        let path = dir.path("plane.sqlite")
        var stored = 0
        // Three interruptions at different moments, then a run to the end.
        for stopAfter in [37, 1, 90] {
            let stop = ScanCancellation()
            let evaluator = CountingEvaluator(stopAfter: stopAfter, cancellation: stop)
            let summary = try ScanRunner.run(scan, evaluator: evaluator, output: path, options: Fixtures.options(threads: 2, resume: true, commitEvery: 5),
                                             cancellation: stop)
            #expect(summary.interrupted && summary.alreadyStored == stored)
            #expect(summary.evaluated == evaluator.count, "every evaluation is kept")
            stored += summary.evaluated
            let temporary = try #require(summary.temporaryFile)
            #expect(!FileManager.default.fileExists(atPath: path) && FileManager.default.fileExists(atPath: temporary))
            let status = try ScanStore.readMetadata(path: temporary, allowUnfinished: true)
            #expect(!status.isFinished && status.storedCount == stored)
            // A finished-store reader refuses the temporary file.
            #expect(throws: ScanStoreError.self) { try ScanStore.readMetadata(path: temporary) }
        }
        // The temporary file is named after this process, which is alive: present it as a dead run's.
        let leftover = try #require(dir.files.first { $0.contains(".partial-") })
        let dead = dir.path("plane.sqlite.partial-\(ScanFiles.hostName)-\(Self.deadPid())")
        #expect(rename(dir.path(leftover), dead) == 0)
        let evaluator = CountingEvaluator()
        let summary = try ScanRunner.run(scan, evaluator: evaluator, output: path, options: Fixtures.options(threads: 2, resume: true))
        #expect(summary.alreadyStored == stored && summary.evaluated == scan.pointCount - stored && evaluator.count == scan.pointCount - stored)
        #expect(summary.resumedFrom == [dead])
        #expect(try Fixtures.csv(path) == (try Fixtures.csv(reference)))
        #expect(dir.files == ["plane.sqlite", "reference.sqlite"])
        // Resuming a finished store of the same scan evaluates nothing.
        let again = CountingEvaluator()
        let done = try ScanRunner.run(scan, evaluator: again, output: path, options: Fixtures.options(resume: true))
        #expect(done.evaluated == 0 && again.count == 0 && done.alreadyStored == scan.pointCount)
    }

    /// A process id that no process has (kill(pid, 0) fails with ESRCH).
    static func deadPid() -> Int32 {
        var pid: Int32 = 4_000_000
        while kill(pid, 0) == 0 || errno != ESRCH { pid -= 1 }
        return pid
    }

    /// Leaves an interrupted run of `scan` with `evaluator` as a dead run's temporary file of `path`.
    static func interrupted(_ scan: ScanSpecification, path: String, evaluator: (ScanCancellation) -> CountingEvaluator, shard: Shard = .whole) throws -> (file: String, stored: Int) {
        let stop = ScanCancellation()
        let summary = try ScanRunner.run(scan, evaluator: evaluator(stop), output: path, options: Fixtures.options(shard: shard, commitEvery: 3), cancellation: stop)
        let dead = path + ".partial-\(ScanFiles.hostName)-\(deadPid())"
        #expect(rename(try #require(summary.temporaryFile), dead) == 0)
        return (dead, summary.alreadyStored + summary.evaluated)
    }

    @Test("a dead run's points are never discarded silently: refused without --resume, resumed only for the same scan, discarded with --overwrite")
    func resumeRules() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let scan = try Fixtures.plane(nx: 10, ny: 10)
        let path = dir.path("plane.sqlite")
        let (file, stored) = try Self.interrupted(scan, path: path) { CountingEvaluator(stopAfter: 20, cancellation: $0) }
        #expect(stored > 0)
        // Without --resume.
        do {
            _ = try ScanRunner.run(scan, evaluator: CountingEvaluator(), output: path, options: Fixtures.options())
            Issue.record("accepted")
        } catch let error as ScanStoreError {
            #expect(error == .interrupted(path: path, partial: file, done: stored, total: scan.pointCount))
        }
        // Another evaluator revision (its physics changed), another specification, another shard: refused, file kept.
        let other = try Fixtures.plane(nx: 10, ny: 11)
        let attempts: [(ScanSpecification, CountingEvaluator, Shard, String)] = [
            (scan, CountingEvaluator(revision: 2), .whole, "evaluator"), (other, CountingEvaluator(), .whole, "specification"),
            (scan, CountingEvaluator(), try Shard(index: 1, count: 2), "shard"),
        ]
        for (specification, evaluator, shard, word) in attempts {
            do {
                _ = try ScanRunner.run(specification, evaluator: evaluator, output: path, options: Fixtures.options(shard: shard, resume: true))
                Issue.record("resumed a different \(word)")
            } catch let error as ScanStoreError {
                #expect("\(error)".contains(file) && "\(error)".contains(word), "\(error)")
            }
            #expect(evaluator.count == 0 && FileManager.default.fileExists(atPath: file))
        }
        // --overwrite discards it and starts again.
        let evaluator = CountingEvaluator()
        let summary = try ScanRunner.run(scan, evaluator: evaluator, output: path, options: Fixtures.options(overwrite: true))
        #expect(summary.alreadyStored == 0 && evaluator.count == scan.pointCount && dir.files == ["plane.sqlite"])
        // An existing store: refused without --overwrite (same scan) or whatever the flags (not a scan store).
        #expect(throws: ScanStoreError.alreadyExists(path: path)) {
            try ScanRunner.run(scan, evaluator: CountingEvaluator(), output: path, options: Fixtures.options())
        }
        do {
            _ = try ScanRunner.run(other, evaluator: CountingEvaluator(), output: path, options: Fixtures.options())
            Issue.record("replaced another scan without --overwrite")
        } catch let error as ScanStoreError { #expect("\(error)".contains("specification")) }
        let foreign = dir.path("notes.sqlite")
        try "not a database".write(toFile: foreign, atomically: true, encoding: .utf8)
        #expect(throws: ScanStoreError.self) { try ScanRunner.run(scan, evaluator: CountingEvaluator(), output: foreign, options: Fixtures.options(overwrite: true)) }
        #expect(try String(contentsOfFile: foreign, encoding: .utf8) == "not a database")
    }

    @Test("several dead runs of the same scan are joined: no point is lost or computed twice")
    func joinsSeveralDeadRuns() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let scan = try Fixtures.plane(nx: 12, ny: 5)
        let path = dir.path("plane.sqlite")
        let first = try Self.interrupted(scan, path: path) { CountingEvaluator(stopAfter: 30, cancellation: $0) }
        // A second run on the same output cannot start while the first's file is there (it says so);
        // write the second file's points by resuming under a different dead name.
        let copy = path + ".partial-\(ScanFiles.hostName)-\(Self.deadPid() - 1)"
        #expect(copyfile(first.file, copy))
        let evaluator = CountingEvaluator()
        let summary = try ScanRunner.run(scan, evaluator: evaluator, output: path, options: Fixtures.options(resume: true))
        #expect(summary.alreadyStored == first.stored && evaluator.count == scan.pointCount - first.stored && summary.resumedFrom.count == 2)
        #expect(dir.files == ["plane.sqlite"])
    }

    func copyfile(_ from: String, _ to: String) -> Bool { (try? FileManager.default.copyItem(atPath: from, toPath: to)) != nil }

    @Test("a point that fails is recorded with its problem, never fatal; a non-finite number fails the point, never reaches the store")
    func failures() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let scan = try Fixtures.plane(nx: 4, ny: 3)
        let nanMass = scan.xValues[1]
        let evaluator = CountingEvaluator(failAtMassAbove: 0.5, nonFiniteAtMass: nanMass)
        let path = dir.path("failing.sqlite")
        let summary = try ScanRunner.run(scan, evaluator: evaluator, output: path, options: Fixtures.options())
        #expect(summary.failed == 6 && summary.evaluated == 12)
        #expect(try ScanStore.readMetadata(path: path).failedCount == 6)
        try ScanStore.forEachPoint(path: path) { point in
            switch point.result {
            case .failure(let failure):
                if point.x > 0.5 { #expect(failure.message == "mass \(Problem.format(point.x)): is above the toy evaluator's range") }
                else { #expect(point.x == nanMass && failure.message == "mass_mev nan: is not a finite number at this point") }
            case .success: #expect(point.x <= 0.5 && point.x != nanMass)
            }
        }
        // No number field is non-finite (the problem text may quote the value).
        for line in try Fixtures.csv(path).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            for (k, field) in fields.enumerated() where k != 6 { #expect(!["nan", "inf", "-inf"].contains(field), "\(line)") }
        }
        // The observables evaluator at a mass it refuses: a linear mass axis through 0.
        let zero = try ScanSpecification(base: try Fixtures.base(), x: ScanAxis(parameter: "mass", start: 0, end: 0.02, count: 3, spacing: .linear),
                                         y: ScanAxis(parameter: "coupling", start: 1e-4, end: 1e-4, count: 1))
        let observables = dir.path("zero.sqlite")
        let s2 = try ScanRunner.run(zero, evaluator: try ObservablesEvaluator(), output: observables, options: Fixtures.options())
        #expect(s2.failed == 1)
        #expect(try Fixtures.csv(observables).split(separator: "\n")[1].contains("failed,mass 0.0: must be finite and > 0 for the observables"))
    }

    @Test("bad locations and options fail before any evaluation and leave nothing behind")
    func badLocations() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let scan = try Fixtures.plane()
        let evaluator = CountingEvaluator()
        for path in [dir.path("missing/plane.sqlite"), dir.url.path, dir.path("x.sqlite.partial-host-1")] {
            #expect(throws: ScanStoreError.self, "\(path)") { try ScanRunner.run(scan, evaluator: evaluator, output: path) }
        }
        #expect(throws: Problem.self) { try ScanRunner.run(scan, evaluator: evaluator, output: dir.path("a.sqlite"), options: Fixtures.options(threads: 0)) }
        // Columns whose export names collide with the axes.
        struct Clash: PointEvaluator {
            var columns: [ScanColumn] { [try! ScanColumn(name: "mass", kind: .observable, description: "a clash")] }
            var fingerprint: String { "clash" }
            func evaluate(_ point: ParameterPoint) throws(Problem) -> ScanRow { ScanRow(cells: [.value(1)]) }
        }
        #expect(throws: Problem.self) { try ScanRunner.run(scan, evaluator: Clash(), output: dir.path("b.sqlite")) }
        #expect(throws: Problem.self) { try CompositeEvaluator([CountingEvaluator(), CountingEvaluator()]) }
        #expect(evaluator.count == 0 && dir.files.isEmpty)
    }

    @Test("merging every shard gives the unsharded store row for row; incomplete, duplicate, mismatched or unfinished inputs are refused, naming them; --overwrite replaces only a finished store and supersedes dead temporary files of the same scan")
    func merge() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let scan = try Fixtures.plane(nx: 9, ny: 7)
        let whole = dir.path("whole.sqlite")
        _ = try ScanRunner.run(scan, evaluator: try ObservablesEvaluator(), output: whole, options: Fixtures.options())
        var shards: [String] = []
        for i in 1...4 {
            let path = dir.path("s\(i).sqlite")
            _ = try ScanRunner.run(scan, evaluator: try ObservablesEvaluator(), output: path, options: Fixtures.options(threads: i % 2 + 1, shard: try Shard(index: i, count: 4)))
            shards.append(path)
        }
        let merged = dir.path("merged.sqlite")
        let meta = try ScanStore.merge(inputs: shards.reversed(), output: merged)
        let wholeMeta = try ScanStore.readMetadata(path: whole)
        #expect(meta.shard == .whole && meta.storedCount == scan.pointCount && meta.isSameScan(as: wholeMeta))
        #expect(try Fixtures.csv(merged) == (try Fixtures.csv(whole)))
        var j1 = "", j2 = ""
        try ScanExport.export(path: merged, format: .json) { j1 += $0 }
        try ScanExport.export(path: whole, format: .json) { j2 += $0 }
        #expect(j1 == j2)

        func refused(_ inputs: [String], _ fragments: [String], output: String? = nil) {
            let out = output ?? dir.path("bad-\(UUID().uuidString).sqlite")
            do {
                _ = try ScanStore.merge(inputs: inputs, output: out)
                Issue.record("merged \(inputs)")
            } catch {
                for fragment in fragments { #expect("\(error)".contains(fragment), "\(error)") }
            }
            if output == nil { #expect(!FileManager.default.fileExists(atPath: out)) }
        }
        refused([shards[0], shards[1], shards[3]], ["shard 3 of 4 is missing"])
        refused([shards[0], shards[1], shards[1], shards[2], shards[3]], ["shard 2/4 is in both", shards[1]])
        refused(shards + [whole], [whole, "shard"])
        let otherScan = dir.path("other.sqlite")
        _ = try ScanRunner.run(try Fixtures.plane(nx: 9, ny: 6), evaluator: try ObservablesEvaluator(), output: otherScan,
                               options: Fixtures.options(shard: try Shard(index: 3, count: 4)))
        refused([shards[0], shards[1], otherScan, shards[3]], [otherScan, "specification"])
        let otherEvaluator = dir.path("other-evaluator.sqlite")
        _ = try ScanRunner.run(scan, evaluator: try ObservablesEvaluator(settings: ObservableSettings(sigmas: 1)), output: otherEvaluator,
                               options: Fixtures.options(shard: try Shard(index: 3, count: 4)))
        refused([shards[0], shards[1], otherEvaluator, shards[3]], [otherEvaluator, "evaluator"])
        // An unfinished shard (a dead run's temporary file) and an existing output.
        let (partial, _) = try Self.interrupted(scan, path: dir.path("s3b.sqlite"), evaluator: { CountingEvaluator(stopAfter: 3, cancellation: $0) },
                                                shard: try Shard(index: 3, count: 4))
        refused([shards[0], shards[1], partial, shards[3]], [partial, "temporary file"])
        refused(shards, [merged, "exists"], output: merged)
        refused(shards, ["both an input and the output"], output: shards[0])

        // A merge job run again replaces its finished output with --overwrite; a dead run's
        // temporary file of the same whole scan next to it (a killed merge, or a killed unsharded
        // run) is superseded and removed, one of another scan is left alone.
        let stop = ScanCancellation()
        let cut = try ScanRunner.run(scan, evaluator: try ObservablesEvaluator(), output: dir.path("cut.sqlite"), options: Fixtures.options(commitEvery: 3),
                                     progress: { _ in stop.cancel() }, cancellation: stop)
        #expect(cut.interrupted && cut.evaluated == 3)
        let deadSame = merged + ".partial-\(ScanFiles.hostName)-\(Self.deadPid())"
        #expect(rename(try #require(cut.temporaryFile), deadSame) == 0)
        let (otherFile, _) = try Self.interrupted(scan, path: dir.path("toy.sqlite"), evaluator: { CountingEvaluator(stopAfter: 3, cancellation: $0) })
        let deadOther = merged + ".partial-\(ScanFiles.hostName)-\(Self.deadPid() - 1)"
        #expect(rename(otherFile, deadOther) == 0)
        let again = try ScanStore.merge(inputs: shards, output: merged, overwrite: true)
        #expect(again.pointCount == scan.pointCount && again.isFinished)
        #expect(try Fixtures.csv(merged) == (try Fixtures.csv(whole)))
        #expect(!FileManager.default.fileExists(atPath: deadSame), "the same scan's dead temporary file is superseded")
        #expect(FileManager.default.fileExists(atPath: deadOther), "the counting evaluator's file (another scan) is left alone: \(dir.files)")
        // --overwrite never replaces a file that is not a finished scan store.
        let notes = dir.path("notes.sqlite")
        try "my notes".write(toFile: notes, atomically: true, encoding: .utf8)
        refused(shards, [notes, "exists"], output: notes)
        do { _ = try ScanStore.merge(inputs: shards, output: notes, overwrite: true); Issue.record("overwrote a file that is not a store") } catch {
            #expect("\(error)".contains("not a finished scan store"), "\(error)")
        }
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my notes")
    }

    @Test("exports: stable columns, full-precision numbers that read back exactly, no null, valid JSON")
    func exports() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let scan = try Fixtures.plane(nx: 3, ny: 2)
        let path = dir.path("e.sqlite")
        let evaluator = CountingEvaluator(failAtMassAbove: 0.5)
        _ = try ScanRunner.run(scan, evaluator: evaluator, output: path)
        let lines = try Fixtures.csv(path).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "index,ix,iy,mass,coupling,status,problem,warnings,mass_mev,toy_limit_verdict,toy_limit_ratio,toy_band_verdict,toy_band_pull")
        #expect(lines.count == scan.pointCount + 2 && lines.last == "")
        for line in lines.dropFirst().dropLast() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let index = Int(fields[0])!
            let point = try scan.point(at: index)
            #expect(Double(fields[3]) == point.mass && Double(fields[4]) == point.coupling, "the parameters read back bit for bit")
            if fields[5] == "ok" {
                let row = try evaluator.evaluate(point)
                #expect(Double(fields[8]) == row.cells[0].number)
                #expect(fields[9] == row.cells[1].verdict?.rawValue && fields[11] == row.cells[2].verdict?.rawValue)
                #expect(fields[10] == (row.cells[1].number.map(ScanExport.number) ?? ""))
            } else {
                #expect(fields[5] == "failed" && fields[6].contains("toy evaluator") && fields.count == 8)
            }
        }
        var json = ""
        try ScanExport.export(path: path, format: .json) { json += $0 }
        #expect(!json.contains("null"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let points = try #require(object["points"] as? [[String: Any]])
        #expect(points.count == scan.pointCount && (object["columns"] as? [Any])?.count == 3)
        let first = try #require(points.first)
        #expect(first["mass"] as? Double == scan.xValues[0] && first["status"] as? String == "ok")
        let limit = try #require((first["values"] as? [String: Any])?["toy_limit"] as? [String: Any])
        #expect(limit["verdict"] as? String == "allowed")
        // Exact numbers through JSONDecoder (JSONSerialization returns decimals here, not doubles).
        struct Export: Decodable {
            struct Point: Decodable {
                let mass: Double, coupling: Double, status: String
                let values: [String: Cell]?
            }
            enum Cell: Decodable {
                case value(Double), verdict(String, Double?)
                init(from decoder: any Decoder) throws {
                    if let value = try? decoder.singleValueContainer().decode(Double.self) { self = .value(value); return }
                    let object = try decoder.singleValueContainer().decode([String: VerdictOrNumber].self)
                    guard case .text(let verdict)? = object["verdict"] else { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no verdict")) }
                    let number: Double?
                    switch object["ratio"] ?? object["pull"] { case .number(let x)?: number = x; default: number = nil }
                    self = .verdict(verdict, number)
                }
            }
            enum VerdictOrNumber: Decodable {
                case text(String), number(Double)
                init(from decoder: any Decoder) throws {
                    let c = try decoder.singleValueContainer()
                    if let x = try? c.decode(Double.self) { self = .number(x) } else { self = .text(try c.decode(String.self)) }
                }
            }
            let points: [Point]
        }
        let decoded = try JSONDecoder().decode(Export.self, from: Data(json.utf8))
        for (index, point) in decoded.points.enumerated() {
            let expected = try scan.point(at: index)
            #expect(point.mass == expected.mass && point.coupling == expected.coupling)
            guard point.status == "ok", let values = point.values else { continue }
            let row = try evaluator.evaluate(expected)
            if case .value(let x)? = values["mass_mev"] { #expect(x == row.cells[0].number) } else { Issue.record("no mass_mev") }
            if case .verdict(let v, let r)? = values["toy_limit"] { #expect(v == row.cells[1].verdict?.rawValue && r == row.cells[1].number) }
            else { Issue.record("no toy_limit") }
        }
        let failed = try #require(points.first { ($0["status"] as? String) == "failed" })
        #expect(failed["problem"] is String && failed["values"] == nil)
        // Number texts: shortest round trip.
        for x in [1e-5, 0.1 + 0.2, 250, -3.5e-300, 1e20, 123456789012345] { #expect(Double(ScanExport.number(x)) == x) }
    }
}
