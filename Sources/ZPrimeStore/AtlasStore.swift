import Foundation
import GRDB
import GRDBSQLite
import ZPrimeAtlas

/// Errors of the atlas store.
public enum AtlasStoreError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The output path exists and holds a store with another configuration (nothing changed).
    case configurationMismatch(path: String, existing: String, requested: String)
    /// The output path exists (same configuration) and overwriting was not requested.
    case alreadyExists(path: String)
    /// The path cannot be written or read.
    case inaccessible(path: String, reason: String)
    /// The file is not an atlas store.
    case notAStore(path: String, reason: String)
    /// Shard stores that cannot be merged.
    case incompatibleShards(reason: String)
    /// No solution with that id.
    case noSuchSolution(path: String, id: Int)

    public var description: String {
        switch self {
        case .configurationMismatch(let path, let existing, let requested):
            return "\(path): an atlas store with another configuration exists (\(existing)); requested \(requested). Nothing was overwritten."
        case .alreadyExists(let path):
            return "\(path): an atlas store with this configuration already exists; pass --overwrite to replace it"
        case .inaccessible(let path, let reason): return "\(path): \(reason)"
        case .notAStore(let path, let reason): return "\(path): not a ZPrime atlas store (\(reason))"
        case .incompatibleShards(let reason): return "cannot merge: \(reason)"
        case .noSuchSolution(let path, let id): return "\(path): no solution with id \(id)"
        }
    }
}

/// What a store holds: the enumeration configuration, the shard(s), and the filter applied.
public struct AtlasStoreMetadata: Hashable, Sendable {
    /// The enumeration configuration.
    public let configuration: AtlasConfiguration
    /// The shard indices (1-based) of `shardCount` this store contains.
    public let shards: [Int]
    /// The number of shards of the enumeration.
    public let shardCount: Int
    /// The filter applied before storing.
    public let filter: AtlasFilter
    /// The number of solutions stored.
    public let solutionCount: Int

    /// Whether every shard is present.
    public var isComplete: Bool { Set(shards) == Set(1...shardCount) }
}

/// An embedded SQLite store of atlas solutions: one row per solution, its 15 + n charges as
/// integer columns (`q1`...`e3`, `n1`...`n3`, NULL where a model has fewer N_R) and its
/// classification, indexed for the common filters.
///
/// A store is written to a temporary file next to the target and moved into place only when
/// complete, so an interrupted run never leaves a half-written store, and an existing store is
/// never modified unless overwriting was requested for the same configuration.
public enum AtlasStore {
    /// The schema version written to `atlas_metadata`.
    public static let schemaVersion = 1

    static let chargeColumns = ["q1", "q2", "q3", "u1", "u2", "u3", "d1", "d2", "d3", "l1", "l2", "l3", "e1", "e2", "e3", "n1", "n2", "n3"]
    static let classificationColumns = ["category", "muoquark_s3", "muoquark_s1", "ye_texture", "ye_rank", "ynu_texture", "ynu_rank",
                                        "majorana_texture", "weinberg_texture", "up_rank", "down_rank", "dirac_compatible", "named_model", "max_abs_charge"]

    /// Checks that `path` may receive a store of `metadata`'s configuration: absent, or present
    /// with the same configuration and `overwrite` set. Throws before any work is done.
    public static func checkWritable(path: String, configuration: AtlasConfiguration, overwrite: Bool) throws(AtlasStoreError) {
        if FileManager.default.fileExists(atPath: path) {
            let existing: AtlasStoreMetadata
            do { existing = try readMetadata(path: path) } catch {
                throw .inaccessible(path: path, reason: "exists and is not an atlas store; refusing to overwrite it")
            }
            if existing.configuration != configuration {
                throw .configurationMismatch(path: path, existing: existing.configuration.description, requested: configuration.description)
            }
            if !overwrite { throw .alreadyExists(path: path) }
        }
        let directory = (path as NSString).deletingLastPathComponent
        let dir = directory.isEmpty ? "." : directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .inaccessible(path: path, reason: "the directory \(dir) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: dir) else {
            throw .inaccessible(path: path, reason: "the directory \(dir) is not writable")
        }
    }

    /// Writes a store: creates it in a temporary file, lets `fill` insert rows through the
    /// given writer, then moves it to `path`.
    public static func write(path: String, configuration: AtlasConfiguration, shard: ShardSpecification, filter: AtlasFilter,
                             overwrite: Bool, _ fill: (AtlasStoreWriter) throws -> Void) throws {
        try checkWritable(path: path, configuration: configuration, overwrite: overwrite)
        try build(path: path, configuration: configuration, shards: [shard.index], shardCount: shard.count, filter: filter) { db in
            try db.inTransaction {
                let writer = try AtlasStoreWriter(db: db, neutrinoCount: configuration.neutrinoCount)
                try fill(writer)
                return .commit
            }
        }
    }

    /// Builds a complete store at `path`: schema and metadata, rows from `insertRows`, indexes,
    /// all in a temporary file next to `path` that replaces it only on success and is removed on
    /// failure. Callers check beforehand that `path` may be written.
    static func build(path: String, configuration: AtlasConfiguration, shards: [Int], shardCount: Int, filter: AtlasFilter,
                      insertRows: (Database) throws -> Void) throws {
        let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            let queue = try DatabaseQueue(path: temporary)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF")
                try db.execute(sql: "PRAGMA synchronous = OFF")
                try createSchema(db)
                try writeMetadata(db, configuration: configuration, shards: shards, shardCount: shardCount, filter: filter)
                try insertRows(db)
                try createIndexes(db)
            }
            try queue.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    static func createSchema(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE atlas_metadata (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
        let charges = chargeColumns.map { $0.hasPrefix("n") ? "\($0) INTEGER" : "\($0) INTEGER NOT NULL" }
        try db.execute(sql: """
            CREATE TABLE solution (
              id INTEGER PRIMARY KEY,
              \(charges.joined(separator: ",\n  ")),
              category TEXT NOT NULL, muoquark_s3 INTEGER NOT NULL, muoquark_s1 INTEGER NOT NULL,
              ye_texture INTEGER NOT NULL, ye_rank INTEGER NOT NULL, ynu_texture INTEGER NOT NULL, ynu_rank INTEGER NOT NULL,
              majorana_texture INTEGER NOT NULL, weinberg_texture INTEGER NOT NULL, up_rank INTEGER NOT NULL, down_rank INTEGER NOT NULL,
              dirac_compatible INTEGER NOT NULL, named_model TEXT, max_abs_charge INTEGER NOT NULL)
            """)
    }

    /// Indexes for the common filters. The boolean and named-model ones are partial (only the
    /// selective value is indexed), which keeps building them cheap on tens of millions of rows.
    static func createIndexes(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS solution_muoquark_category ON solution(category) WHERE muoquark_s3 = 1")
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS solution_s1 ON solution(category) WHERE muoquark_s1 = 1")
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS solution_dirac ON solution(dirac_compatible) WHERE dirac_compatible = 1")
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS solution_named ON solution(named_model) WHERE named_model IS NOT NULL")
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS solution_category ON solution(category)")
    }

    static func writeMetadata(_ db: Database, configuration c: AtlasConfiguration, shards: [Int], shardCount: Int, filter: AtlasFilter) throws {
        let entries: [(String, String)] = [
            ("schema_version", "\(schemaVersion)"),
            ("quark_mode", c.quarkMode.rawValue),
            ("max_charge", "\(c.maxCharge)"),
            ("neutrinos", "\(c.neutrinoCount)"),
            ("higgs_charge", "\(c.higgsCharge)"),
            ("include_trivial", c.includeTrivial ? "1" : "0"),
            ("shards", shards.sorted().map(String.init).joined(separator: ",")),
            ("shard_count", "\(shardCount)"),
            ("filter_muoquark", filter.muoquark ? "1" : "0"),
            ("filter_muoquark_s1", filter.muoquarkS1 ? "1" : "0"),
            ("filter_category", filter.category?.rawValue ?? ""),
            ("filter_dirac", filter.diracOnly ? "1" : "0"),
            ("created", ISO8601DateFormatter().string(from: Date())),
        ]
        for (key, value) in entries {
            try db.execute(sql: "INSERT OR REPLACE INTO atlas_metadata (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    /// Reads a store's metadata.
    public static func readMetadata(path: String) throws -> AtlasStoreMetadata {
        let queue = try openReadOnly(path: path)
        return try queue.read { db in try metadata(db, path: path) }
    }

    static func openReadOnly(path: String) throws(AtlasStoreError) -> DatabaseQueue {
        guard FileManager.default.fileExists(atPath: path) else { throw .inaccessible(path: path, reason: "no such file") }
        var configuration = Configuration()
        configuration.readonly = true
        do { return try DatabaseQueue(path: path, configuration: configuration) } catch {
            throw .notAStore(path: path, reason: "\(error)")
        }
    }

    static func metadata(_ db: Database, path: String) throws -> AtlasStoreMetadata {
        guard try db.tableExists("atlas_metadata"), try db.tableExists("solution") else {
            throw AtlasStoreError.notAStore(path: path, reason: "missing tables")
        }
        var values: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM atlas_metadata") { values[row["key"]] = row["value"] }
        func int(_ key: String) throws -> Int {
            guard let text = values[key], let v = Int(text) else { throw AtlasStoreError.notAStore(path: path, reason: "bad metadata \(key)") }
            return v
        }
        guard let modeText = values["quark_mode"], let mode = QuarkMode(rawValue: modeText) else {
            throw AtlasStoreError.notAStore(path: path, reason: "bad metadata quark_mode")
        }
        let configuration = try AtlasConfiguration(maxCharge: try int("max_charge"), quarkMode: mode, neutrinoCount: try int("neutrinos"),
                                                   higgsCharge: try int("higgs_charge"), includeTrivial: try int("include_trivial") == 1)
        let shards = (values["shards"] ?? "").split(separator: ",").compactMap { Int($0) }
        let category = values["filter_category"].flatMap { AtlasClassification.Category(rawValue: $0) }
        let filter = AtlasFilter(muoquark: values["filter_muoquark"] == "1", muoquarkS1: values["filter_muoquark_s1"] == "1",
                                 category: category, diracOnly: values["filter_dirac"] == "1")
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM solution") ?? 0
        return AtlasStoreMetadata(configuration: configuration, shards: shards, shardCount: try int("shard_count"), filter: filter, solutionCount: count)
    }

    /// Merges shard stores of one configuration and filter into `output` (which must not exist).
    /// Returns the merged metadata. The shards must be distinct; an incomplete set is allowed
    /// and recorded (``AtlasStoreMetadata/isComplete``).
    public static func merge(inputs: [String], output: String) throws -> AtlasStoreMetadata {
        guard !inputs.isEmpty else { throw AtlasStoreError.incompatibleShards(reason: "no input stores") }
        let metadata = try inputs.map { try readMetadata(path: $0) }
        let first = metadata[0]
        for (path, m) in zip(inputs, metadata) {
            guard m.configuration == first.configuration else {
                throw AtlasStoreError.incompatibleShards(reason: "\(path) has configuration \(m.configuration), \(inputs[0]) has \(first.configuration)")
            }
            guard m.filter == first.filter else { throw AtlasStoreError.incompatibleShards(reason: "\(path) was stored with another filter") }
            guard m.shardCount == first.shardCount else {
                throw AtlasStoreError.incompatibleShards(reason: "\(path) is part of \(m.shardCount) shards, \(inputs[0]) of \(first.shardCount)")
            }
        }
        let allShards = metadata.flatMap(\.shards)
        guard Set(allShards).count == allShards.count else {
            throw AtlasStoreError.incompatibleShards(reason: "a shard appears twice (\(allShards.sorted().map(String.init).joined(separator: ",")))")
        }
        if FileManager.default.fileExists(atPath: output) {
            throw AtlasStoreError.inaccessible(path: output, reason: "the merge output exists; nothing was overwritten")
        }
        try checkWritable(path: output, configuration: first.configuration, overwrite: false)
        try build(path: output, configuration: first.configuration, shards: allShards, shardCount: first.shardCount, filter: first.filter) { db in
            let columns = (chargeColumns + classificationColumns).joined(separator: ", ")
            for input in inputs {
                try db.execute(sql: "ATTACH DATABASE ? AS shard", arguments: [input])
                try db.inTransaction {
                    try db.execute(sql: "INSERT INTO main.solution (\(columns)) SELECT \(columns) FROM shard.solution ORDER BY id")
                    return .commit
                }
                try db.execute(sql: "DETACH DATABASE shard")
            }
        }
        return try readMetadata(path: output)
    }

    /// The solutions of a store that pass `filter` (and, optionally, have a named model), in id
    /// order, streamed to `body` in batches.
    public static func query(path: String, filter: AtlasFilter, namedModel: String? = nil, limit: Int? = nil,
                             _ body: ([(id: Int, record: AtlasRecord)]) throws -> Void) throws -> AtlasStoreMetadata {
        let queue = try openReadOnly(path: path)
        return try queue.read { db in
            let meta = try metadata(db, path: path)
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if filter.muoquark { conditions.append("muoquark_s3 = 1") }
            if filter.muoquarkS1 { conditions.append("muoquark_s1 = 1") }
            if let category = filter.category { conditions.append("category = ?"); arguments.append(category.rawValue) }
            if filter.diracOnly { conditions.append("dirac_compatible = 1") }
            if let namedModel { conditions.append("named_model = ?"); arguments.append(namedModel) }
            var sql = "SELECT id, \(chargeColumns.joined(separator: ", ")) FROM solution"
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += " ORDER BY id"
            if let limit { sql += " LIMIT \(max(0, limit))" }
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            var batch: [(id: Int, record: AtlasRecord)] = []
            while let row = try cursor.next() {
                let record = AtlasStore.record(row, metadata: meta)
                batch.append((row["id"], record))
                if batch.count == 4096 { try body(batch); batch.removeAll(keepingCapacity: true) }
            }
            if !batch.isEmpty { try body(batch) }
            return meta
        }
    }

    /// One stored solution by id.
    public static func solution(path: String, id: Int) throws -> (record: AtlasRecord, metadata: AtlasStoreMetadata) {
        let queue = try openReadOnly(path: path)
        return try queue.read { db in
            let meta = try metadata(db, path: path)
            guard let row = try Row.fetchOne(db, sql: "SELECT \(chargeColumns.joined(separator: ", ")) FROM solution WHERE id = ?", arguments: [id]) else {
                throw AtlasStoreError.noSuchSolution(path: path, id: id)
            }
            return (record(row, metadata: meta), meta)
        }
    }

    static func record(_ row: Row, metadata: AtlasStoreMetadata) -> AtlasRecord {
        var charges: [Int8] = []
        for (i, column) in chargeColumns.enumerated() {
            if i >= 15 + metadata.configuration.neutrinoCount { break }
            charges.append(Int8(row[column] as Int))
        }
        let solution = AtlasSolution(canonicalCharges: charges)
        let classification = AtlasClassification(solution, quarkMode: metadata.configuration.quarkMode, higgsCharge: metadata.configuration.higgsCharge)
        return AtlasRecord(solution: solution, classification: classification)
    }
}

/// Inserts solutions into a store being written (see ``AtlasStore/write(path:configuration:shard:filter:overwrite:_:)``).
public final class AtlasStoreWriter {
    let statement: Statement
    let neutrinoCount: Int
    /// Rows written so far.
    public private(set) var rowCount = 0

    init(db: Database, neutrinoCount: Int) throws {
        let columns = AtlasStore.chargeColumns + AtlasStore.classificationColumns
        statement = try db.makeStatement(sql: "INSERT INTO solution (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))")
        self.neutrinoCount = neutrinoCount
    }

    /// Inserts records in order. Binds values straight into the prepared SQLite statement (no
    /// per-row boxing), which keeps the insert rate near SQLite's own.
    public func insert(_ records: [AtlasRecord]) throws {
        let handle = statement.sqliteStatement
        for record in records {
            let s = record.solution, c = record.classification
            let charges = 15 + s.neutrinoCount
            for i in 0..<18 {
                if i < charges { sqlite3_bind_int(handle, Int32(i + 1), Int32(s[i])) } else { sqlite3_bind_null(handle, Int32(i + 1)) }
            }
            var column: Int32 = 19
            func bind(_ value: Int) { sqlite3_bind_int64(handle, column, Int64(value)); column += 1 }
            func bind(_ text: StaticString?) {
                if let text {
                    // SQLITE_STATIC (a nil destructor): the literal outlives the statement.
                    text.withUTF8Buffer { buffer in
                        _ = sqlite3_bind_text(handle, column, UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(buffer.count), nil)
                    }
                } else {
                    sqlite3_bind_null(handle, column)
                }
                column += 1
            }
            bind(c.category == .vector ? "vector" : "chiral")
            bind(c.muoquarkS3 ? 1 : 0)
            bind(c.muoquarkS1 ? 1 : 0)
            bind(Int(c.chargedLeptonTexture))
            bind(c.chargedLeptonRank)
            bind(Int(c.neutrinoTexture))
            bind(c.neutrinoRank)
            bind(Int(c.majoranaTexture))
            bind(Int(c.weinbergTexture))
            bind(c.upQuarkRank)
            bind(c.downQuarkRank)
            bind(c.diracCompatible ? 1 : 0)
            bind(AtlasStoreWriter.staticName(c.namedModel))
            bind(s.maxAbsoluteCharge)
            let code = sqlite3_step(handle)
            sqlite3_reset(handle)
            guard code == SQLITE_DONE else {
                throw AtlasStoreError.inaccessible(path: "store", reason: "SQLite insert failed (code \(code))")
            }
            rowCount += 1
        }
    }

    /// The named-model strings as static literals (the only values `namedModel` takes).
    static func staticName(_ name: String?) -> StaticString? {
        switch name {
        case nil: return nil
        case "B-L": return "B-L"
        case "L_i-L_j": return "L_i-L_j"
        case "B-3L_i": return "B-3L_i"
        case "N_R only": return "N_R only"
        case "hypercharge": return "hypercharge"
        default: preconditionFailure("unknown named model \(name!)")
        }
    }
}
