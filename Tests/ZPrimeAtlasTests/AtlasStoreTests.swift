import Foundation
import Testing
@testable import ZPrimeAtlas
@testable import ZPrimeStore

@Suite("Atlas store (SQLite)")
struct AtlasStoreTests {
    func temporaryPath(_ name: String = "atlas") -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("zprime-\(name)-\(UUID().uuidString).sqlite").path
    }

    func store(_ c: AtlasConfiguration, shard: ShardSpecification = .whole, filter: AtlasFilter = .none, path: String, overwrite: Bool = false) throws -> Int {
        var n = 0
        var insertError: (any Error)? = nil
        try AtlasStore.write(path: path, configuration: c, shard: shard, filter: filter, overwrite: overwrite) { writer in
            n = AtlasEnumerator(configuration: c, shard: shard).enumerate(filter: filter) { batch in
                // An insert error must fail the test, not vanish: keep the first and stop inserting.
                guard insertError == nil else { return }
                do { try writer.insert(batch) } catch { insertError = error }
            }
        }
        if let insertError { throw insertError }
        return n
    }

    @Test("stored rows read back exactly, with metadata and classification")
    func roundTrip() throws {
        let c = try AtlasConfiguration(maxCharge: 10, quarkMode: .universal)
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try store(c, path: path) == 275)
        var read: [AtlasRecord] = []
        let metadata = try AtlasStore.query(path: path, filter: .none) { read += $0.map(\.record) }
        #expect(metadata.configuration == c && metadata.isComplete && metadata.solutionCount == 275)
        var expected: [AtlasRecord] = []
        AtlasEnumerator(configuration: c).enumerate { expected += $0 }
        // Ids follow the lexicographic order of the charge vectors (canonical ids).
        expected.sort { $0.solution.charges.lexicographicallyPrecedes($1.solution.charges) }
        #expect(read == expected)
        var muoquark = 0
        _ = try AtlasStore.query(path: path, filter: AtlasFilter(muoquark: true, category: .chiral)) { muoquark += $0.count }
        #expect(muoquark == 21)
        var bMinusL: [AtlasRecord] = []
        _ = try AtlasStore.query(path: path, filter: .none, namedModel: "B-L") { bMinusL += $0.map(\.record) }
        #expect(bMinusL.count == 1 && bMinusL[0].solution.charges(of: .L) == [-3, -3, -3])
        let one = try AtlasStore.solution(path: path, id: 1)
        #expect(one.record == expected[0])
        #expect(throws: AtlasStoreError.self) { try AtlasStore.solution(path: path, id: 100_000) }
    }

    @Test("an existing store with another configuration is refused and left untouched")
    func configurationMismatch() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let c10 = try AtlasConfiguration(maxCharge: 10, quarkMode: .universal)
        _ = try store(c10, path: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let c8 = try AtlasConfiguration(maxCharge: 8, quarkMode: .universal)
        #expect(throws: AtlasStoreError.self) { _ = try store(c8, path: path) }
        #expect(throws: AtlasStoreError.self) { _ = try store(c8, path: path, overwrite: true) }
        // Same configuration: refused without --overwrite, replaced with it.
        #expect(throws: AtlasStoreError.self) { _ = try store(c10, path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try store(c10, path: path, overwrite: true) == 275)
    }

    @Test("a file that is not a store, and unwritable locations, are refused")
    func inaccessible() throws {
        let c = try AtlasConfiguration(maxCharge: 4, quarkMode: .universal)
        let text = temporaryPath("text")
        try "not a database".write(toFile: text, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: text) }
        #expect(throws: AtlasStoreError.self) { _ = try store(c, path: text, overwrite: true) }
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "not a database")
        #expect(throws: AtlasStoreError.self) { _ = try store(c, path: "/nonexistent-directory/atlas.sqlite") }
    }

    @Test("merging shard stores gives the unsharded store; bad merges are refused")
    func merge() throws {
        let c = try AtlasConfiguration(maxCharge: 3, quarkMode: .free)
        let paths = (1...3).map { temporaryPath("shard\($0)") }
        let merged = temporaryPath("merged")
        defer { for p in paths + [merged] { try? FileManager.default.removeItem(atPath: p) } }
        for (i, path) in paths.enumerated() { _ = try store(c, shard: try ShardSpecification(index: i + 1, count: 3), path: path) }
        let metadata = try AtlasStore.merge(inputs: paths, output: merged)
        #expect(metadata.isComplete)
        var mergedSolutions = Set<AtlasSolution>()
        _ = try AtlasStore.query(path: merged, filter: .none) { mergedSolutions.formUnion($0.map(\.record.solution)) }
        var whole = Set<AtlasSolution>()
        AtlasEnumerator(configuration: c).enumerate { whole.formUnion($0.map(\.solution)) }
        #expect(mergedSolutions == whole && metadata.solutionCount == whole.count)
        // The output exists now; a shard twice; another configuration.
        #expect(throws: AtlasStoreError.self) { _ = try AtlasStore.merge(inputs: paths, output: merged) }
        let twice = temporaryPath("twice")
        #expect(throws: AtlasStoreError.self) { _ = try AtlasStore.merge(inputs: [paths[0], paths[0]], output: twice) }
        let other = temporaryPath("other")
        defer { try? FileManager.default.removeItem(atPath: other) }
        _ = try store(try AtlasConfiguration(maxCharge: 2, quarkMode: .free), shard: try ShardSpecification(index: 2, count: 3), path: other)
        #expect(throws: AtlasStoreError.self) { _ = try AtlasStore.merge(inputs: [paths[0], other], output: twice) }
        #expect(!FileManager.default.fileExists(atPath: twice))
        // An incomplete set is refused, or merged and marked incomplete when asked.
        let partial = temporaryPath("partial")
        defer { try? FileManager.default.removeItem(atPath: partial) }
        #expect(throws: AtlasStoreError.self) { _ = try AtlasStore.merge(inputs: [paths[0], paths[2]], output: partial) }
        #expect(!FileManager.default.fileExists(atPath: partial))
        #expect(try !AtlasStore.merge(inputs: [paths[0], paths[2]], output: partial, allowIncomplete: true).isComplete)
        #expect(throws: AtlasStoreError.self) { _ = try AtlasStore.query(path: partial, filter: .none) { _ in } }
    }
}
