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
    /// The file was left by a run that did not finish (no completeness marker), or is the
    /// temporary file of a run.
    case unfinished(path: String, reason: String)
    /// The store holds only some shards of its enumeration.
    case incomplete(path: String, shards: [Int], shardCount: Int)
    /// SQLite (or the file system) failed on this file.
    case storage(path: String, reason: String)

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
        case .unfinished(let path, let reason): return "\(path): not a finished atlas store (\(reason)); delete it and run the enumeration again"
        case .incomplete(let path, let shards, let count):
            let missing = Set(1...max(1, count)).subtracting(shards).sorted()
            return "\(path): an incomplete atlas store: it holds shard\(shards.count == 1 ? "" : "s") \(AtlasStore.list(shards)) of \(count) (missing \(AtlasStore.list(missing))); merge every shard, or pass --allow-incomplete to read it anyway"
        case .storage(let path, let reason): return "\(path): \(reason)"
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

    /// The shards that are not in the store.
    public var missingShards: [Int] { Set(1...max(1, shardCount)).subtracting(shards).sorted() }
}

/// An embedded SQLite store of atlas solutions: one row per solution, its 15 + n charges as
/// integer columns (`q1`...`e3`, `n1`...`n3`, NULL where a model has fewer N_R) and its
/// classification, indexed for the common filters.
///
/// Integrity (docs/atlas.md, "The store"):
/// - A store is written to a temporary file `NAME.partial-HOST-PID` next to the target. Its last
///   transaction orders the rows, builds the indexes and writes the completeness marker
///   (`finished = 1` in `atlas_metadata`) together; only then is the file given its final name.
///   A file without the marker, or with a temporary name, is never read as a store. Temporary
///   files of runs that no longer exist (same host, dead process) are removed by the next run
///   writing the same target.
/// - The final name is created exclusively (a hard link, which fails if the name exists), so of
///   several writers racing for one output exactly one succeeds unless `--overwrite` was given.
/// - Ids are canonical: the rank of the solution's charge vector (q1, ..., e3, n1, ..., n3) in
///   lexicographic order among the store's solutions, assigned when the store is finished. A merge
///   of every shard therefore equals the unsharded store row for row, ids included.
/// - SQLite and file-system failures are reported with the file's name.
public enum AtlasStore {
    /// The schema version written to `atlas_metadata` (2: canonical ids and the completeness marker).
    public static let schemaVersion = 2

    static let chargeColumns = ["q1", "q2", "q3", "u1", "u2", "u3", "d1", "d2", "d3", "l1", "l2", "l3", "e1", "e2", "e3", "n1", "n2", "n3"]
    static let classificationColumns = ["category", "muoquark_s3", "muoquark_s1", "ye_texture", "ye_rank", "ynu_texture", "ynu_rank",
                                        "majorana_texture", "weinberg_texture", "up_rank", "down_rank", "dirac_compatible", "named_model", "max_abs_charge"]

    /// "1,2,3".
    static func list(_ values: [Int]) -> String { values.sorted().map(String.init).joined(separator: ",") }

    // MARK: Temporary files

    /// The infix of temporary file names.
    static let temporaryInfix = ".partial-"

    /// Whether `path` is named like the temporary file of a run (never a store).
    public static func isTemporaryName(_ path: String) -> Bool {
        (path as NSString).lastPathComponent.contains(temporaryInfix)
    }

    static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "host" }
        let name = String(cString: buffer).filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return name.isEmpty ? "host" : name
    }

    /// `NAME.partial-HOST-PID`, next to `path`.
    static func temporaryPath(for path: String) -> String {
        path + temporaryInfix + hostName + "-" + "\(getpid())"
    }

    /// Removes the temporary files for `path` left by processes of this host that no longer exist.
    /// Returns the removed paths.
    @discardableResult
    public static func removeStaleTemporaryFiles(for path: String) -> [String] {
        let directory = (path as NSString).deletingLastPathComponent
        let dir = directory.isEmpty ? "." : directory
        let prefix = (path as NSString).lastPathComponent + temporaryInfix + hostName + "-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        var removed: [String] = []
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            let digits = rest.prefix { $0.isNumber }
            guard let pid = Int32(digits), pid > 0, pid != getpid() else { continue }
            // kill(pid, 0) fails with ESRCH when no such process exists.
            if kill(pid, 0) == -1 && errno == ESRCH {
                let full = (dir as NSString).appendingPathComponent(name)
                if unlink(full) == 0 { removed.append(full) }
            }
        }
        return removed
    }

    // MARK: Errors

    /// Runs `body`, turning SQLite and file-system errors into ``AtlasStoreError`` naming `path`.
    static func translating<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as AtlasStoreError {
            throw error
        } catch let error as DatabaseError {
            throw AtlasStoreError.storage(path: path, reason: describe(error))
        } catch {
            throw AtlasStoreError.storage(path: path, reason: "\((error as NSError).localizedDescription)")
        }
    }

    /// A sentence for an SQLite error (its code and message kept for reference).
    static func describe(_ error: DatabaseError) -> String {
        let code = error.resultCode.primaryResultCode
        let detail = "SQLite error \(error.extendedResultCode.rawValue)\(error.message.map { ": \($0)" } ?? "")"
        switch code {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "the file is locked by another process (\(detail)); try again when it has finished"
        case .SQLITE_FULL: return "the disk is full (\(detail))"
        case .SQLITE_IOERR: return "input/output error (\(detail))"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return "not a ZPrime atlas store: not an SQLite database, or a damaged one (\(detail))"
        case .SQLITE_CANTOPEN: return "cannot open the file (\(detail))"
        case .SQLITE_READONLY: return "the file or its directory is read-only (\(detail))"
        case .SQLITE_PERM, .SQLITE_AUTH: return "permission denied (\(detail))"
        default: return detail
        }
    }

    static func posixReason(_ what: String) -> String {
        "\(what) (\(String(cString: strerror(errno))))"
    }

    // MARK: Writing

    /// Checks that `path` may receive a store of `metadata`'s configuration: absent, or present
    /// with the same configuration and `overwrite` set. Throws before any work is done.
    public static func checkWritable(path: String, configuration: AtlasConfiguration, overwrite: Bool) throws(AtlasStoreError) {
        if isTemporaryName(path) {
            throw .inaccessible(path: path, reason: "names containing '\(temporaryInfix)' are reserved for the temporary files of runs")
        }
        if FileManager.default.fileExists(atPath: path) {
            let existing: AtlasStoreMetadata
            do { existing = try readMetadata(path: path) } catch {
                throw .inaccessible(path: path, reason: "exists and is not a finished atlas store; refusing to overwrite it")
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
    /// given writer, then finishes it and gives it its name.
    public static func write(path: String, configuration: AtlasConfiguration, shard: ShardSpecification, filter: AtlasFilter,
                             overwrite: Bool, _ fill: (AtlasStoreWriter) throws -> Void) throws {
        try checkWritable(path: path, configuration: configuration, overwrite: overwrite)
        try build(path: path, configuration: configuration, shards: [shard.index], shardCount: shard.count, filter: filter, overwrite: overwrite) { db, _ in
            try db.inTransaction {
                let writer = try AtlasStoreWriter(db: db, neutrinoCount: configuration.neutrinoCount, path: path)
                try fill(writer)
                return .commit
            }
        }
    }

    /// Builds a finished store at `path`: schema and metadata, rows from `insertRows` (into the
    /// `staging` table, in any order), then in one last transaction the rows in canonical order,
    /// the indexes and the completeness marker; all in a temporary file next to `path` that
    /// takes the final name only on success (exclusively unless `overwrite`) and is removed on
    /// failure. Callers check beforehand that `path` may be written.
    static func build(path: String, configuration: AtlasConfiguration, shards: [Int], shardCount: Int, filter: AtlasFilter, overwrite: Bool,
                      insertRows: (Database, String) throws -> Void) throws {
        removeStaleTemporaryFiles(for: path)
        let temporary = temporaryPath(for: path)
        unlink(temporary)
        do {
            try translating(temporary) {
                let queue = try DatabaseQueue(path: temporary)
                try queue.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA journal_mode = OFF")
                    try db.execute(sql: "PRAGMA synchronous = OFF")
                    try createSchema(db, table: "staging")
                    try writeMetadata(db, configuration: configuration, shards: shards, shardCount: shardCount, filter: filter)
                    try insertRows(db, temporary)
                    try db.inTransaction {
                        try createSchema(db, table: "solution")
                        let columns = (chargeColumns + classificationColumns).joined(separator: ", ")
                        try db.execute(sql: "INSERT INTO solution (\(columns)) SELECT \(columns) FROM staging ORDER BY \(chargeColumns.joined(separator: ", "))")
                        try db.execute(sql: "DROP TABLE staging")
                        try createIndexes(db)
                        // The completeness marker, in the same transaction as the final contents.
                        try db.execute(sql: "INSERT OR REPLACE INTO atlas_metadata (key, value) VALUES ('finished', '1')")
                        return .commit
                    }
                }
                try queue.close()
            }
            try publish(temporary, as: path, overwrite: overwrite)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Gives the finished temporary file its final name: replacing an existing file only with
    /// `overwrite`, otherwise creating the name exclusively so that concurrent writers cannot
    /// replace each other's store.
    static func publish(_ temporary: String, as path: String, overwrite: Bool) throws(AtlasStoreError) {
        if overwrite {
            guard rename(temporary, path) == 0 else { throw .storage(path: path, reason: posixReason("cannot move the finished store into place")) }
            return
        }
        if link(temporary, path) == 0 {
            unlink(temporary)
            return
        }
        let linkError = errno
        if linkError == EEXIST {
            throw .inaccessible(path: path, reason: "the file was created by another run while this one was working; nothing was overwritten (pass --overwrite to replace it)")
        }
        // File systems without hard links: claim the name exclusively, then move over the claim.
        let claim = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard claim >= 0 else {
            if errno == EEXIST {
                throw .inaccessible(path: path, reason: "the file was created by another run while this one was working; nothing was overwritten (pass --overwrite to replace it)")
            }
            throw .storage(path: path, reason: posixReason("cannot create the store"))
        }
        close(claim)
        guard rename(temporary, path) == 0 else {
            unlink(path)
            throw .storage(path: path, reason: posixReason("cannot move the finished store into place"))
        }
    }

    static func createSchema(_ db: Database, table: String) throws {
        if table == "staging" {
            try db.execute(sql: "CREATE TABLE atlas_metadata (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
        }
        let charges = chargeColumns.map { $0.hasPrefix("n") ? "\($0) INTEGER" : "\($0) INTEGER NOT NULL" }
        try db.execute(sql: """
            CREATE TABLE \(table) (
              \(table == "solution" ? "id INTEGER PRIMARY KEY," : "")
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
            ("shards", list(shards)),
            ("shard_count", "\(shardCount)"),
            ("filter_muoquark", filter.muoquark ? "1" : "0"),
            ("filter_muoquark_s1", filter.muoquarkS1 ? "1" : "0"),
            ("filter_category", filter.category?.rawValue ?? ""),
            ("filter_dirac", filter.diracOnly ? "1" : "0"),
            ("id_order", "lexicographic charges"),
            ("created", ISO8601DateFormatter().string(from: Date())),
        ]
        for (key, value) in entries {
            try db.execute(sql: "INSERT OR REPLACE INTO atlas_metadata (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    // MARK: Reading

    /// Reads a finished store's metadata (it may hold only some shards: see
    /// ``AtlasStoreMetadata/isComplete``).
    public static func readMetadata(path: String) throws -> AtlasStoreMetadata {
        let queue = try openReadOnly(path: path)
        return try translating(path) { try queue.read { db in try metadata(db, path: path) } }
    }

    static func openReadOnly(path: String) throws(AtlasStoreError) -> DatabaseQueue {
        if isTemporaryName(path) {
            throw .unfinished(path: path, reason: "a temporary file of a run that is in progress or was killed, never a store")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .inaccessible(path: path, reason: "no such file") }
        guard !isDirectory.boolValue else { throw .inaccessible(path: path, reason: "a directory, not an atlas store") }
        var configuration = Configuration()
        configuration.readonly = true
        do { return try DatabaseQueue(path: path, configuration: configuration) } catch let error as DatabaseError {
            throw .storage(path: path, reason: describe(error))
        } catch {
            throw .notAStore(path: path, reason: "\(error)")
        }
    }

    static func metadata(_ db: Database, path: String) throws -> AtlasStoreMetadata {
        guard try db.tableExists("atlas_metadata") else {
            throw AtlasStoreError.notAStore(path: path, reason: "no atlas_metadata table")
        }
        var values: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM atlas_metadata") { values[row["key"]] = row["value"] }
        guard values["schema_version"] == "\(schemaVersion)" else {
            throw AtlasStoreError.notAStore(path: path, reason: "schema version \(values["schema_version"] ?? "none"); this ZPrime reads version \(schemaVersion): re-create the store")
        }
        guard values["finished"] == "1", try db.tableExists("solution") else {
            throw AtlasStoreError.unfinished(path: path, reason: "it has no completeness marker: the run that wrote it did not finish")
        }
        func int(_ key: String) throws -> Int {
            guard let text = values[key], let v = Int(text) else { throw AtlasStoreError.notAStore(path: path, reason: "bad metadata \(key)") }
            return v
        }
        guard let modeText = values["quark_mode"], let mode = QuarkMode(rawValue: modeText) else {
            throw AtlasStoreError.notAStore(path: path, reason: "bad metadata quark_mode")
        }
        let configuration: AtlasConfiguration
        do {
            configuration = try AtlasConfiguration(maxCharge: try int("max_charge"), quarkMode: mode, neutrinoCount: try int("neutrinos"),
                                                   higgsCharge: try int("higgs_charge"), includeTrivial: try int("include_trivial") == 1)
        } catch let error as AtlasError {
            throw AtlasStoreError.notAStore(path: path, reason: "bad configuration in the metadata (\(error))")
        }
        let shardCount = try int("shard_count")
        let shards = (values["shards"] ?? "").split(separator: ",").compactMap { Int($0) }
        guard shardCount >= 1, !shards.isEmpty, shards.allSatisfy({ (1...shardCount).contains($0) }) else {
            throw AtlasStoreError.notAStore(path: path, reason: "bad metadata shards")
        }
        let category = values["filter_category"].flatMap { AtlasClassification.Category(rawValue: $0) }
        let filter = AtlasFilter(muoquark: values["filter_muoquark"] == "1", muoquarkS1: values["filter_muoquark_s1"] == "1",
                                 category: category, diracOnly: values["filter_dirac"] == "1")
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM solution") ?? 0
        return AtlasStoreMetadata(configuration: configuration, shards: shards, shardCount: shardCount, filter: filter, solutionCount: count)
    }

    /// Checks that a store may be read as a whole: every shard present, or `allowIncomplete`.
    static func checkComplete(_ metadata: AtlasStoreMetadata, path: String, allowIncomplete: Bool) throws {
        if !metadata.isComplete && !allowIncomplete {
            throw AtlasStoreError.incomplete(path: path, shards: metadata.shards, shardCount: metadata.shardCount)
        }
    }

    // MARK: Merging

    /// Merges shard stores of one configuration and filter into `output` (which must not exist).
    /// Returns the merged metadata. The inputs must be finished stores (never temporary files),
    /// share configuration, filter and shard count, and hold distinct shards; a missing shard is
    /// refused unless `allowIncomplete` (the result then records which shards it holds).
    public static func merge(inputs: [String], output: String, allowIncomplete: Bool = false, overwrite: Bool = false) throws -> AtlasStoreMetadata {
        guard !inputs.isEmpty else { throw AtlasStoreError.incompatibleShards(reason: "no input stores") }
        if let same = inputs.first(where: { ($0 as NSString).standardizingPath == (output as NSString).standardizingPath }) {
            throw AtlasStoreError.incompatibleShards(reason: "\(same) is both an input and the output")
        }
        let metadata = try inputs.map { try readMetadata(path: $0) }
        let first = metadata[0]
        for (path, m) in zip(inputs, metadata) {
            guard m.configuration == first.configuration else {
                throw AtlasStoreError.incompatibleShards(reason: "\(path) has configuration \(m.configuration), \(inputs[0]) has \(first.configuration)")
            }
            guard m.filter == first.filter else { throw AtlasStoreError.incompatibleShards(reason: "\(path) was stored with another filter than \(inputs[0])") }
            guard m.shardCount == first.shardCount else {
                throw AtlasStoreError.incompatibleShards(reason: "\(path) is part of \(m.shardCount) shards, \(inputs[0]) of \(first.shardCount)")
            }
        }
        var owner: [Int: String] = [:]
        for (path, m) in zip(inputs, metadata) {
            for shard in m.shards {
                if let other = owner[shard] {
                    throw AtlasStoreError.incompatibleShards(reason: "shard \(shard) of \(first.shardCount) is in both \(other) and \(path)")
                }
                owner[shard] = path
            }
        }
        let allShards = metadata.flatMap(\.shards)
        let missing = Set(1...first.shardCount).subtracting(allShards).sorted()
        if !missing.isEmpty && !allowIncomplete {
            throw AtlasStoreError.incompatibleShards(reason: "shard\(missing.count == 1 ? "" : "s") \(list(missing)) of \(first.shardCount) \(missing.count == 1 ? "is" : "are") missing (the inputs hold \(list(allShards))); pass every shard, or --allow-incomplete to merge an incomplete store")
        }
        if FileManager.default.fileExists(atPath: output) && !overwrite {
            throw AtlasStoreError.inaccessible(path: output, reason: "the merge output exists; nothing was overwritten (pass --overwrite to replace it)")
        }
        try checkWritable(path: output, configuration: first.configuration, overwrite: overwrite)
        try build(path: output, configuration: first.configuration, shards: allShards, shardCount: first.shardCount, filter: first.filter, overwrite: overwrite) { db, _ in
            let columns = (chargeColumns + classificationColumns).joined(separator: ", ")
            for input in inputs {
                try translating(input) {
                    try db.execute(sql: "ATTACH DATABASE ? AS shard", arguments: [input])
                    try db.inTransaction {
                        try db.execute(sql: "INSERT INTO main.staging (\(columns)) SELECT \(columns) FROM shard.solution")
                        return .commit
                    }
                    try db.execute(sql: "DETACH DATABASE shard")
                }
            }
        }
        return try readMetadata(path: output)
    }

    // MARK: Queries

    /// The solutions of a store that pass `filter` (and, optionally, have a named model), in id
    /// order, streamed to `body` in batches of at most 4096. A store holding only some shards is
    /// refused unless `allowIncomplete`.
    public static func query(path: String, filter: AtlasFilter, namedModel: String? = nil, limit: Int? = nil, allowIncomplete: Bool = false,
                             _ body: ([(id: Int, record: AtlasRecord)]) throws -> Void) throws -> AtlasStoreMetadata {
        let queue = try openReadOnly(path: path)
        return try translating(path) {
            try queue.read { db in
                let meta = try metadata(db, path: path)
                try checkComplete(meta, path: path, allowIncomplete: allowIncomplete)
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
                batch.reserveCapacity(4096)
                while let row = try cursor.next() {
                    let record = AtlasStore.record(row, metadata: meta)
                    batch.append((row["id"], record))
                    if batch.count == 4096 { try body(batch); batch.removeAll(keepingCapacity: true) }
                }
                if !batch.isEmpty { try body(batch) }
                return meta
            }
        }
    }

    /// One stored solution by id. A store holding only some shards is refused unless `allowIncomplete`.
    public static func solution(path: String, id: Int, allowIncomplete: Bool = false) throws -> (record: AtlasRecord, metadata: AtlasStoreMetadata) {
        let queue = try openReadOnly(path: path)
        return try translating(path) {
            try queue.read { db in
                let meta = try metadata(db, path: path)
                try checkComplete(meta, path: path, allowIncomplete: allowIncomplete)
                guard let row = try Row.fetchOne(db, sql: "SELECT \(chargeColumns.joined(separator: ", ")) FROM solution WHERE id = ?", arguments: [id]) else {
                    throw AtlasStoreError.noSuchSolution(path: path, id: id)
                }
                return (record(row, metadata: meta), meta)
            }
        }
    }

    static func record(_ row: Row, metadata: AtlasStoreMetadata) -> AtlasRecord {
        var charges: [Int8] = []
        for (i, column) in chargeColumns.enumerated() {
            if i >= 15 + metadata.configuration.neutrinoCount { break }
            let value: Int = row[column] ?? 0
            charges.append(Int8(clamping: value))
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

    let path: String

    init(db: Database, neutrinoCount: Int, path: String) throws {
        let columns = AtlasStore.chargeColumns + AtlasStore.classificationColumns
        self.path = path
        statement = try db.makeStatement(sql: "INSERT INTO staging (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))")
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
                let message = sqlite3_errmsg(sqlite3_db_handle(handle)).map { String(cString: $0) } ?? ""
                throw AtlasStoreError.storage(path: path, reason: "cannot insert a solution: " + AtlasStore.describe(DatabaseError(resultCode: ResultCode(rawValue: code), message: message)))
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
