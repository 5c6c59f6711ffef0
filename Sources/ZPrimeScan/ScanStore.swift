import Foundation
import GRDB
import GRDBSQLite
import ZPrimeCore

/// Errors of the scan store; every one names the file it concerns.
public enum ScanStoreError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The output exists (a finished scan of the same specification) and neither overwriting nor
    /// resuming was requested.
    case alreadyExists(path: String)
    /// A store or temporary file holds a scan of another specification, shard or evaluator.
    case mismatch(path: String, reason: String)
    /// The path cannot be written or read.
    case inaccessible(path: String, reason: String)
    /// The file is not a scan store.
    case notAStore(path: String, reason: String)
    /// The file was left by a run that did not finish, or is the temporary file of a run.
    case unfinished(path: String, reason: String)
    /// A dead run left a temporary file with finished points, and neither resuming nor overwriting
    /// was requested.
    case interrupted(path: String, partial: String, done: Int, total: Int)
    /// Another run on this host is writing the same output.
    case busy(path: String, partial: String, pid: Int32)
    /// Shard stores that cannot be merged.
    case incompatibleShards(reason: String)
    /// SQLite (or the file system) failed on this file.
    case storage(path: String, reason: String)

    public var description: String {
        switch self {
        case .alreadyExists(let path):
            return "\(path): a finished scan with this specification exists; pass --overwrite to compute it again, or --resume to accept it as it is"
        case .mismatch(let path, let reason): return "\(path): \(reason)"
        case .inaccessible(let path, let reason): return "\(path): \(reason)"
        case .notAStore(let path, let reason): return "\(path): not a ZPrime scan store (\(reason))"
        case .unfinished(let path, let reason): return "\(path): not a finished scan store (\(reason))"
        case .interrupted(let path, let partial, let done, let total):
            return "\(path): an interrupted run of this scan left \(partial) with \(done) of \(total) points; pass --resume to continue it, or --overwrite to discard it"
        case .busy(let path, let partial, let pid):
            return "\(path): another run (process \(pid) on this host) is writing this scan (\(partial)); wait for it, or stop it and pass --resume"
        case .incompatibleShards(let reason): return "cannot merge: \(reason)"
        case .storage(let path, let reason): return "\(path): \(reason)"
        }
    }
}

/// What a scan store holds besides its points.
public struct ScanStoreMetadata: Sendable, Hashable {
    /// The specification, as ``ScanSpecification/canonicalJSON``.
    public let specification: String
    /// The evaluator's fingerprint.
    public let fingerprint: String
    /// The evaluator's columns.
    public let columns: [ScanColumn]
    /// The shard the store holds (1/1 for a whole or merged scan).
    public let shard: Shard
    /// The number of points of the shard.
    public let pointCount: Int
    /// The number of points of the whole scan.
    public let totalPointCount: Int
    /// Whether the completeness marker is set.
    public let isFinished: Bool
    /// The number of points stored.
    public let storedCount: Int
    /// The number of stored points that failed.
    public let failedCount: Int

    /// Whether `other` describes the same computation (specification, evaluator, columns, shard).
    public func isSameScan(as other: ScanStoreMetadata) -> Bool {
        specification == other.specification && fingerprint == other.fingerprint && columns == other.columns && shard == other.shard
    }
}

/// One stored point.
public struct ScanStoredPoint: Sendable, Hashable {
    /// The point's index in the specification.
    public let index: Int
    /// Its grid position.
    public let ix: Int, iy: Int
    /// Its x and y values.
    public let x: Double, y: Double
    /// The evaluator's row, or the problem that failed the point.
    public let result: Result<ScanRowRecord, ScanFailure>
}

/// The stored form of a row: its cells and the kinds of its warnings.
public struct ScanRowRecord: Sendable, Hashable {
    /// One cell per column.
    public let cells: [ScanCell]
    /// The kinds of the row's warnings (``ZPrimeCore/Problem/Kind`` raw values), in order.
    public let warnings: [String]
}

/// Why a point failed, as stored.
public struct ScanFailure: Error, Sendable, Hashable {
    /// The problem's text.
    public let message: String
}

/// The embedded SQLite store of a scan (GRDB): the specification, the evaluator's columns and
/// fingerprint, and one row per point (index, grid position, the two parameter values, status,
/// problem, warnings, then for column k `c{k}_verdict` and `c{k}` for a constraint or anomaly, or
/// `c{k}` for an observable). Rows are committed in batches, so an interrupted run keeps every
/// committed point; the completeness marker (`finished = 1` in `scan_metadata`) is written in the
/// same transaction as the check that every point of the shard is present. See ``ScanFiles`` for the
/// temporary names and ``ScanRunner`` for how runs create, resume and finish a store.
///
/// ```swift
/// let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zprime-doc-\(getpid())")
/// try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
/// defer { try? FileManager.default.removeItem(at: directory) }
/// let base = try ParameterPoint(model: BuiltinModels.model(named: "B-L")!, mass: 0.01, coupling: 1e-4)
/// let scan = try ScanSpecification(base: base, x: ScanAxis(parameter: "mass", start: 0.01, end: 0.1, count: 3),
///                                  y: ScanAxis(parameter: "coupling", start: 1e-5, end: 1e-4, count: 2))
/// let path = directory.appendingPathComponent("plane.sqlite").path
/// _ = try ScanRunner.run(scan, evaluator: try ObservablesEvaluator(), output: path)
/// print(try ScanStore.readMetadata(path: path).storedCount)   // 6
/// ```
public enum ScanStore {
    /// The schema version written to `scan_metadata`.
    public static let schemaVersion = 1

    // MARK: Errors

    /// Runs `body`, turning SQLite and file-system errors into ``ScanStoreError`` naming `path`.
    static func translating<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ScanStoreError {
            throw error
        } catch let error as DatabaseError {
            throw ScanStoreError.storage(path: path, reason: describe(error))
        } catch let problem as Problem {
            throw problem
        } catch {
            throw ScanStoreError.storage(path: path, reason: "\((error as NSError).localizedDescription)")
        }
    }

    /// A sentence for an SQLite error (its code and message kept for reference).
    static func describe(_ error: DatabaseError) -> String {
        let detail = "SQLite error \(error.extendedResultCode.rawValue)\(error.message.map { ": \($0)" } ?? "")"
        switch error.resultCode.primaryResultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "the file is locked by another process (\(detail)); try again when it has finished"
        case .SQLITE_FULL: return "the disk is full (\(detail))"
        case .SQLITE_IOERR: return "input/output error (\(detail))"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return "not a ZPrime scan store: not an SQLite database, or a damaged one (\(detail))"
        case .SQLITE_CANTOPEN: return "cannot open the file (\(detail))"
        case .SQLITE_READONLY: return "the file or its directory is read-only (\(detail))"
        case .SQLITE_PERM, .SQLITE_AUTH: return "permission denied (\(detail))"
        default: return detail
        }
    }

    // MARK: Schema

    static func columnDefinitions(_ columns: [ScanColumn]) -> [String] {
        columns.enumerated().flatMap { k, column in
            column.kind.hasVerdict ? ["c\(k)_verdict TEXT", "c\(k) REAL"] : ["c\(k) REAL"]
        }
    }

    static func createSchema(_ db: Database, columns: [ScanColumn]) throws {
        try db.execute(sql: "CREATE TABLE scan_metadata (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
        try db.execute(sql: """
            CREATE TABLE scan_point (
              idx INTEGER PRIMARY KEY, ix INTEGER NOT NULL, iy INTEGER NOT NULL, x REAL NOT NULL, y REAL NOT NULL,
              status TEXT NOT NULL, problem TEXT, warnings TEXT\((columnDefinitions(columns).map { ", " + $0 }).joined()))
            """)
    }

    static func encodeColumns(_ columns: [ScanColumn]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(columns)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func writeMetadata(_ db: Database, specification: ScanSpecification, fingerprint: String, columns: [ScanColumn], shard: Shard) throws {
        let entries: [(String, String)] = [
            ("schema_version", "\(schemaVersion)"),
            ("specification", specification.canonicalJSON),
            ("fingerprint", fingerprint),
            ("columns", encodeColumns(columns)),
            ("shard_index", "\(shard.index)"),
            ("shard_count", "\(shard.count)"),
            ("point_count", "\(specification.pointCount(in: shard))"),
            ("total_point_count", "\(specification.pointCount)"),
            ("point_order", "index = iy * x_count + ix; shard k holds the indices i with i mod N = k - 1"),
            ("created", ISO8601DateFormatter().string(from: Date())),
        ]
        for (key, value) in entries {
            try db.execute(sql: "INSERT OR REPLACE INTO scan_metadata (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    // MARK: Reading

    /// Opens a file for reading; `allowTemporary` admits a run's temporary file (for status and resume).
    static func openReadOnly(path: String, allowTemporary: Bool = false) throws(ScanStoreError) -> DatabaseQueue {
        if ScanFiles.isTemporaryName(path) && !allowTemporary {
            throw .unfinished(path: path, reason: "the temporary file of a run that is in progress or was interrupted, never a store; `zprime scan status` shows how far it got, `--resume` continues it")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .inaccessible(path: path, reason: "no such file") }
        guard !isDirectory.boolValue else { throw .inaccessible(path: path, reason: "a directory, not a scan store") }
        var configuration = Configuration()
        configuration.readonly = true
        do { return try DatabaseQueue(path: path, configuration: configuration) } catch let error as DatabaseError {
            throw .storage(path: path, reason: describe(error))
        } catch {
            throw .notAStore(path: path, reason: "\(error)")
        }
    }

    static func metadata(_ db: Database, path: String) throws -> ScanStoreMetadata {
        guard try db.tableExists("scan_metadata"), try db.tableExists("scan_point") else {
            throw ScanStoreError.notAStore(path: path, reason: "no scan_metadata and scan_point tables")
        }
        var values: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM scan_metadata") { values[row["key"]] = row["value"] }
        guard values["schema_version"] == "\(schemaVersion)" else {
            throw ScanStoreError.notAStore(path: path, reason: "schema version \(values["schema_version"] ?? "none"); this ZPrime reads version \(schemaVersion)")
        }
        func int(_ key: String) throws -> Int {
            guard let text = values[key], let v = Int(text) else { throw ScanStoreError.notAStore(path: path, reason: "bad metadata \(key)") }
            return v
        }
        guard let specification = values["specification"], let fingerprint = values["fingerprint"], let columnsText = values["columns"],
              let columns = try? JSONDecoder().decode([ScanColumn].self, from: Data(columnsText.utf8)) else {
            throw ScanStoreError.notAStore(path: path, reason: "bad metadata: specification, fingerprint or columns")
        }
        let shard: Shard
        do { shard = try Shard(index: try int("shard_index"), count: try int("shard_count")) } catch {
            throw ScanStoreError.notAStore(path: path, reason: "bad metadata shard")
        }
        let stored = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scan_point") ?? 0
        let failed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scan_point WHERE status = 'failed'") ?? 0
        return ScanStoreMetadata(specification: specification, fingerprint: fingerprint, columns: columns, shard: shard,
                                 pointCount: try int("point_count"), totalPointCount: try int("total_point_count"),
                                 isFinished: values["finished"] == "1", storedCount: stored, failedCount: failed)
    }

    /// The metadata of a finished store (or, with `allowUnfinished`, of any scan file, a run's
    /// temporary file included: for status reports).
    public static func readMetadata(path: String, allowUnfinished: Bool = false) throws -> ScanStoreMetadata {
        let queue = try openReadOnly(path: path, allowTemporary: allowUnfinished)
        let meta: ScanStoreMetadata
        do {
            meta = try translating(path) { try queue.read { db in try metadata(db, path: path) } }
        } catch {
            // A run killed inside a commit leaves a hot journal that a read-only connection cannot roll
            // back: read a rolled-back copy, leaving the file itself as it is.
            guard allowUnfinished, FileManager.default.fileExists(atPath: path + "-journal") else { throw error }
            try? queue.close()
            return try recoveredCopyMetadata(path: path)
        }
        if !meta.isFinished && !allowUnfinished {
            throw ScanStoreError.unfinished(path: path, reason: "it has no completeness marker: the run that wrote it did not finish")
        }
        return meta
    }

    /// The metadata of a copy of `path` and its journal, rolled back by SQLite, then removed.
    static func recoveredCopyMetadata(path: String) throws -> ScanStoreMetadata {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zprime-scan-status-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        try FileManager.default.copyItem(atPath: path + "-journal", toPath: copy + "-journal")
        return try translating(path) {
            let queue = try DatabaseQueue(path: copy)
            defer { try? queue.close() }
            return try queue.read { db in try metadata(db, path: path) }
        }
    }

    /// Every point of a finished store in index order, streamed to `body` one at a time (memory does
    /// not grow with the store). Returns the metadata.
    @discardableResult
    public static func forEachPoint(path: String, _ body: (ScanStoredPoint) throws -> Void) throws -> ScanStoreMetadata {
        let queue = try openReadOnly(path: path)
        return try translating(path) {
            try queue.read { db in
                let meta = try metadata(db, path: path)
                guard meta.isFinished else {
                    throw ScanStoreError.unfinished(path: path, reason: "it has no completeness marker: the run that wrote it did not finish")
                }
                let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM scan_point ORDER BY idx")
                while let row = try cursor.next() { try body(try point(row, columns: meta.columns, path: path)) }
                return meta
            }
        }
    }

    static func point(_ row: Row, columns: [ScanColumn], path: String) throws -> ScanStoredPoint {
        let status: String = row["status"]
        let result: Result<ScanRowRecord, ScanFailure>
        if status == "ok" {
            var cells: [ScanCell] = []
            cells.reserveCapacity(columns.count)
            for (k, column) in columns.enumerated() {
                let number: Double? = row["c\(k)"]
                if column.kind.hasVerdict {
                    let text: String? = row["c\(k)_verdict"]
                    guard let text, let verdict = ScanVerdict(rawValue: text) else {
                        throw ScanStoreError.notAStore(path: path, reason: "point \(row["idx"] as Int): bad verdict of \(column.name)")
                    }
                    cells.append(.verdict(verdict, number))
                } else {
                    guard let number else { throw ScanStoreError.notAStore(path: path, reason: "point \(row["idx"] as Int): no value of \(column.name)") }
                    cells.append(.value(number))
                }
            }
            let warnings: String = row["warnings"] ?? ""
            result = .success(ScanRowRecord(cells: cells, warnings: warnings.isEmpty ? [] : warnings.split(separator: ",").map(String.init)))
        } else {
            result = .failure(ScanFailure(message: row["problem"] ?? "failed"))
        }
        return ScanStoredPoint(index: row["idx"], ix: row["ix"], iy: row["iy"], x: row["x"], y: row["y"], result: result)
    }

    // MARK: Merging

    /// Merges the shard stores of one scan into `output` (which must not exist, or with `overwrite`
    /// must be a finished scan store: a merge job run again): every input a finished store (never a
    /// temporary file), all of one specification, evaluator and shard count, with distinct shards
    /// that together are all of them. The result is the unsharded store: shard 1/1, the same rows in
    /// index order. The output is built under a temporary name and takes its name only when complete.
    public static func merge(inputs: [String], output: String, overwrite: Bool = false) throws -> ScanStoreMetadata {
        guard !inputs.isEmpty else { throw ScanStoreError.incompatibleShards(reason: "no input stores") }
        let outputPath = (output as NSString).standardizingPath
        if let same = inputs.first(where: { ($0 as NSString).standardizingPath == outputPath }) {
            throw ScanStoreError.incompatibleShards(reason: "\(same) is both an input and the output")
        }
        let metadata = try inputs.map { try readMetadata(path: $0) }
        let first = metadata[0]
        for (path, m) in zip(inputs, metadata) {
            guard m.specification == first.specification else {
                throw ScanStoreError.incompatibleShards(reason: "\(path) holds a scan of another specification than \(inputs[0])")
            }
            guard m.fingerprint == first.fingerprint, m.columns == first.columns else {
                throw ScanStoreError.incompatibleShards(reason: "\(path) was computed by another evaluator (or other physics or data) than \(inputs[0])")
            }
            guard m.shard.count == first.shard.count else {
                throw ScanStoreError.incompatibleShards(reason: "\(path) is shard \(m.shard) of \(m.shard.count), \(inputs[0]) is shard \(first.shard) of \(first.shard.count)")
            }
        }
        var owner: [Int: String] = [:]
        for (path, m) in zip(inputs, metadata) {
            if let other = owner[m.shard.index] {
                throw ScanStoreError.incompatibleShards(reason: "shard \(m.shard) is in both \(other) and \(path)")
            }
            owner[m.shard.index] = path
        }
        let missing = (1...first.shard.count).filter { owner[$0] == nil }
        if !missing.isEmpty {
            let shown = missing.prefix(20).map(String.init).joined(separator: ",") + (missing.count > 20 ? ",..." : "")
            throw ScanStoreError.incompatibleShards(reason: "\(missing.count == 1 ? "shard" : "shards") \(shown) of \(first.shard.count) \(missing.count == 1 ? "is" : "are") missing: merge every shard")
        }
        if FileManager.default.fileExists(atPath: output) {
            guard overwrite else {
                throw ScanStoreError.inaccessible(path: output, reason: "the merge output exists; nothing was overwritten (pass --overwrite to replace it)")
            }
            // Only a finished scan store is replaced, never a file of something else.
            do { _ = try readMetadata(path: output) } catch {
                throw ScanStoreError.inaccessible(path: output, reason: "exists and is not a finished scan store; refusing to overwrite it (\(error))")
            }
        }
        try ScanFiles.checkLocation(output)
        let specification: ScanSpecification
        do { specification = try ScanSpecification(canonicalJSON: first.specification) } catch {
            throw ScanStoreError.notAStore(path: inputs[0], reason: "its specification does not read back: \(error.description)")
        }
        let temporary = ScanFiles.temporaryPath(for: output)
        ScanRunner.remove(temporary)
        do {
            try translating(temporary) {
                let queue = try DatabaseQueue(path: temporary)
                try queue.writeWithoutTransaction { db in
                    // A rollback journal, as for a run: a killed merge leaves a consistent temporary
                    // file (never a torn one that a later --resume of the same scan could adopt).
                    try db.execute(sql: "PRAGMA journal_mode = DELETE")
                    try db.execute(sql: "PRAGMA synchronous = OFF")
                    try createSchema(db, columns: first.columns)
                    try writeMetadata(db, specification: specification, fingerprint: first.fingerprint, columns: first.columns, shard: .whole)
                    for input in inputs {
                        try translating(input) {
                            try db.execute(sql: "ATTACH DATABASE ? AS shard", arguments: [input])
                            try db.inTransaction {
                                try db.execute(sql: "INSERT INTO main.scan_point SELECT * FROM shard.scan_point")
                                return .commit
                            }
                            try db.execute(sql: "DETACH DATABASE shard")
                        }
                    }
                    try db.inTransaction {
                        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scan_point") ?? 0
                        guard count == specification.pointCount else {
                            throw ScanStoreError.incompatibleShards(reason: "the shards hold \(count) points, the scan has \(specification.pointCount)")
                        }
                        try db.execute(sql: "INSERT OR REPLACE INTO scan_metadata (key, value) VALUES ('finished', '1')")
                        return .commit
                    }
                }
                try queue.close()
            }
            try ScanFiles.publish(temporary, as: output, overwrite: overwrite)
        } catch {
            ScanRunner.remove(temporary)
            throw error
        }
        let merged = try readMetadata(path: output)
        // Temporary files of dead runs on this host that hold the same (whole) scan, a killed merge
        // among them, are superseded by the finished store: removed. Any other file is left alone.
        for partial in ScanFiles.partials(for: output) where partial.isAlive == false {
            if let meta = try? ScanRunner.recoveredMetadata(partial.path), meta.isSameScan(as: merged) { ScanRunner.remove(partial.path) }
        }
        return merged
    }
}

/// Writes the points of one run into its temporary file (see ``ScanRunner``).
final class ScanStoreWriter {
    let path: String
    let columns: [ScanColumn]
    let queue: DatabaseQueue
    private var statement: Statement?

    /// Opens (creating with the schema and metadata when `create`) the file at `path`.
    init(path: String, create: Bool, specification: ScanSpecification, fingerprint: String, columns: [ScanColumn], shard: Shard) throws {
        self.path = path
        self.columns = columns
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // A rollback journal: a run killed in a commit leaves the previous commit intact, and the
            // next opening rolls the half-written one back. Without fsync (synchronous OFF): a killed
            // process loses nothing the kernel has been given; only a crash of the machine can damage
            // the file, and a damaged temporary file is discarded by the next run (its points are
            // computed again). Syncing every commit cost about half the wall time of a scan here.
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            try db.execute(sql: "PRAGMA synchronous = OFF")
        }
        queue = try ScanStore.translating(path) { try DatabaseQueue(path: path, configuration: configuration) }
        if create {
            try ScanStore.translating(path) {
                try queue.write { db in
                    try ScanStore.createSchema(db, columns: columns)
                    try ScanStore.writeMetadata(db, specification: specification, fingerprint: fingerprint, columns: columns, shard: shard)
                }
            }
        }
    }

    /// The metadata of the file.
    func metadata() throws -> ScanStoreMetadata {
        try ScanStore.translating(path) { try queue.read { db in try ScanStore.metadata(db, path: path) } }
    }

    /// The indices already stored, as a bit set over the shard's positions.
    func storedPositions(specification: ScanSpecification, shard: Shard) throws -> [UInt64] {
        let count = specification.pointCount(in: shard)
        var bits = [UInt64](repeating: 0, count: (count + 63) / 64)
        try ScanStore.translating(path) {
            try queue.read { db in
                let cursor = try Int.fetchCursor(db, sql: "SELECT idx FROM scan_point")
                while let index = try cursor.next() {
                    guard index >= 0, index < specification.pointCount, index % shard.count == shard.index - 1 else {
                        throw ScanStoreError.notAStore(path: path, reason: "point \(index) does not belong to shard \(shard)")
                    }
                    let position = index / shard.count
                    bits[position >> 6] |= 1 << UInt64(position & 63)
                }
            }
        }
        return bits
    }

    /// One evaluated point.
    struct Entry {
        let index: Int, ix: Int, iy: Int, x: Double, y: Double
        let result: Result<ScanRow, Problem>
    }

    /// Inserts `entries` in one transaction.
    func insert(_ entries: [Entry]) throws {
        guard !entries.isEmpty else { return }
        try ScanStore.translating(path) {
            try queue.inTransaction { db in
                if statement == nil {
                    let names = ["idx", "ix", "iy", "x", "y", "status", "problem", "warnings"]
                        + columns.enumerated().flatMap { k, c in c.kind.hasVerdict ? ["c\(k)_verdict", "c\(k)"] : ["c\(k)"] }
                    statement = try db.makeStatement(sql: "INSERT INTO scan_point (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))")
                }
                let handle = statement!.sqliteStatement
                for entry in entries {
                    sqlite3_reset(handle)
                    sqlite3_clear_bindings(handle)
                    sqlite3_bind_int64(handle, 1, Int64(entry.index))
                    sqlite3_bind_int64(handle, 2, Int64(entry.ix))
                    sqlite3_bind_int64(handle, 3, Int64(entry.iy))
                    sqlite3_bind_double(handle, 4, entry.x)
                    sqlite3_bind_double(handle, 5, entry.y)
                    // SQLITE_TRANSIENT: SQLite copies the text before the Swift string goes away.
                    let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
                    func bindText(_ text: String, _ position: Int32) {
                        _ = text.withCString { sqlite3_bind_text(handle, position, $0, -1, transient) }
                    }
                    switch entry.result {
                    case .failure(let problem):
                        bindText("failed", 6)
                        bindText(problem.description, 7)
                    case .success(let row):
                        bindText("ok", 6)
                        if !row.warnings.isEmpty { bindText(row.warnings.map(\.kind.rawValue).joined(separator: ","), 8) }
                        var position: Int32 = 9
                        for cell in row.cells {
                            switch cell {
                            case .value(let value):
                                sqlite3_bind_double(handle, position, value)
                                position += 1
                            case .verdict(let verdict, let number):
                                bindText(verdict.rawValue, position)
                                if let number { sqlite3_bind_double(handle, position + 1, number) }
                                position += 2
                            }
                        }
                    }
                    let code = sqlite3_step(handle)
                    guard code == SQLITE_DONE else {
                        let message = sqlite3_errmsg(sqlite3_db_handle(handle)).map { String(cString: $0) } ?? ""
                        throw ScanStoreError.storage(path: path, reason: "cannot insert point \(entry.index): "
                                                     + ScanStore.describe(DatabaseError(resultCode: ResultCode(rawValue: code), message: message)))
                    }
                }
                sqlite3_reset(handle)
                return .commit
            }
        }
    }

    /// Writes the completeness marker after checking that every point of the shard is stored.
    func finish(expected: Int) throws {
        try ScanStore.translating(path) {
            try queue.inTransaction { db in
                let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scan_point") ?? 0
                guard count == expected else {
                    throw ScanStoreError.storage(path: path, reason: "holds \(count) points, the shard has \(expected)")
                }
                try db.execute(sql: "INSERT OR REPLACE INTO scan_metadata (key, value) VALUES ('finished', '1')")
                return .commit
            }
        }
    }

    func close() throws {
        statement = nil
        try ScanStore.translating(path) { try queue.close() }
    }
}
