import Foundation
import GRDB
import Synchronization
import ZPrimeCore
import ZPrimePoint

/// A flag that asks a running scan to stop after the point batch in progress (its points are
/// committed; the run can be resumed).
///
/// ```swift
/// let stop = ScanCancellation()
/// stop.cancel()
/// print(stop.isCancelled)   // true
/// ```
public final class ScanCancellation: Sendable {
    private let flag = Atomic<Bool>(false)
    /// A flag that is not set.
    public init() {}
    /// Asks the scan to stop.
    public func cancel() { flag.store(true, ordering: .relaxed) }
    /// Whether stopping was asked for.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// Runs a scan into its store: evaluates every point of a shard that the store does not hold yet,
/// in parallel, committing in batches, then marks the store finished and gives it its final name.
///
/// - **Files.** Points go to the temporary file `OUT.partial-HOST-PID` (``ScanFiles``); only a
///   finished store takes the name `OUT`, exclusively unless `overwrite`.
/// - **Resume.** A run that is killed (or stopped through a ``ScanCancellation``) keeps every
///   committed batch in its temporary file. With
///   `resume`, the next run adopts the temporary files of dead runs on this host that hold the same
///   scan (specification, evaluator fingerprint and columns, shard), rolling back a half-written
///   commit, joining their points, and evaluates only the missing indices; a file of another scan
///   is refused (or, with `overwrite`, discarded). Without `resume`, a dead run's points are never
///   discarded silently: the run stops and says so, unless `overwrite`. A process runs one scan of
///   an output at a time (an earlier, interrupted run of the same process counts as dead).
/// - **Determinism.** Points are handed out to `threads` workers in index order; each row depends
///   on its point alone, so the stored rows do not depend on the thread count, the batch size, the
///   shards or interruptions.
/// - **Failures.** A point whose parameter values are refused, or where the evaluator throws or
///   returns a non-finite number, is stored as failed with the problem's text.
/// - **Memory** is bounded by the batch (at most ``Options/maximumBatch`` rows) and one bit per
///   point of the shard, whatever the number of points.
///
/// ```swift
/// let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zprime-doc-run-\(getpid())")
/// try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
/// defer { try? FileManager.default.removeItem(at: directory) }
/// let base = try ParameterPoint(model: BuiltinModels.model(named: "Lmu-Ltau")!, mass: 0.01, coupling: 1e-4)
/// let scan = try ScanSpecification(base: base, x: ScanAxis(parameter: "mass", start: 1e-3, end: 1, count: 4),
///                                  y: ScanAxis(parameter: "coupling", start: 1e-5, end: 1e-3, count: 3))
/// var options = ScanRunner.Options()
/// options.shard = try Shard(index: 1, count: 2)
/// let summary = try ScanRunner.run(scan, evaluator: try ObservablesEvaluator(), output: directory.appendingPathComponent("s1.sqlite").path,
///                                  options: options)
/// print(summary.evaluated, summary.pointCount)   // 6 6
/// ```
public enum ScanRunner {
    /// How a run proceeds.
    public struct Options: Sendable {
        /// The shard to compute (default: the whole scan).
        public var shard: Shard = .whole
        /// Worker threads (1 ... 256; default: every processor).
        public var threads: Int = Parallel.defaultThreadCount
        /// Continue the temporary files of dead runs of the same scan.
        public var resume = false
        /// Replace an existing store, and discard dead runs' temporary files that are not resumed.
        public var overwrite = false
        /// Commit at least this often, in seconds (and at most ``maximumBatch`` points per commit).
        public var commitInterval: TimeInterval = 1
        /// The most points held in memory before a commit.
        public var maximumBatch = 4096
        /// Commit after every this many points instead of by time (for tests of interruptions).
        public var commitEvery: Int? = nil

        /// The defaults.
        public init() {}
    }

    /// How far a run is.
    public struct Progress: Sendable {
        /// Points of the shard stored (before this run and by it).
        public let done: Int
        /// Points of the shard.
        public let total: Int
        /// Points evaluated by this run.
        public let evaluated: Int
        /// Seconds since this run started.
        public let elapsed: TimeInterval

        /// Points per second of this run.
        public var rate: Double { elapsed > 0 ? Double(evaluated) / elapsed : 0 }
        /// Seconds left at the current rate, when known.
        public var remainingSeconds: Double? { rate > 0 ? Double(total - done) / rate : nil }
    }

    /// What a run did.
    public struct Summary: Sendable {
        /// The store (or, for an interrupted run, where its temporary file is).
        public let output: String
        /// The shard.
        public let shard: Shard
        /// Points of the shard.
        public let pointCount: Int
        /// Points found stored (resumed or already finished) before this run evaluated any.
        public let alreadyStored: Int
        /// Points this run evaluated.
        public let evaluated: Int
        /// Points of this run that failed.
        public let failed: Int
        /// Whether the run stopped before the end (the temporary file is kept for resuming).
        public let interrupted: Bool
        /// The temporary file that holds the points of an interrupted run.
        public let temporaryFile: String?
        /// The temporary files adopted from dead runs.
        public let resumedFrom: [String]
        /// Temporary files of runs on other hosts, left alone (their runs cannot be checked from here).
        public let foreignTemporaryFiles: [String]
        /// Wall-clock seconds.
        public let seconds: Double
    }

    /// Runs `specification` with `evaluator` into the store `output` (see the type's discussion).
    ///
    /// - Throws: ``ZPrimeCore/Problem`` for bad options or columns whose export names collide;
    ///   ``ScanStoreError`` for a location that cannot be written, an existing store or temporary
    ///   file that may not be replaced or resumed, and SQLite failures (naming the file).
    public static func run(_ specification: ScanSpecification, evaluator: any PointEvaluator, output: String, options: Options = Options(),
                           progress: (@Sendable (Progress) -> Void)? = nil, cancellation: ScanCancellation? = nil) throws -> Summary {
        let start = Date()
        guard (1...256).contains(options.threads) else { throw Problem.invalid(.field("threads"), text: "\(options.threads)", "must be between 1 and 256") }
        guard options.maximumBatch >= 1, options.commitEvery.map({ $0 >= 1 }) ?? true, options.commitInterval >= 0 else {
            throw Problem.invalid(.field("batch"), text: nil, "batch sizes must be >= 1 and the commit interval >= 0")
        }
        let columns = evaluator.columns
        _ = try ScanExport.headers(specification: specification, columns: columns)
        try ScanFiles.checkLocation(output)
        let shard = options.shard
        let total = specification.pointCount(in: shard)
        let expected = ScanStoreMetadata(specification: specification.canonicalJSON, fingerprint: evaluator.fingerprint, columns: columns,
                                         shard: shard, pointCount: total, totalPointCount: specification.pointCount,
                                         isFinished: false, storedCount: 0, failedCount: 0)

        // An existing final file: the same finished scan, another scan, or not a scan store at all.
        if FileManager.default.fileExists(atPath: output) {
            let existing: ScanStoreMetadata
            do { existing = try ScanStore.readMetadata(path: output) } catch {
                throw ScanStoreError.inaccessible(path: output, reason: "exists and is not a finished scan store; refusing to overwrite it (\(error))")
            }
            if existing.isSameScan(as: expected) {
                // A run killed between giving its store the final name and removing its temporary
                // file leaves a copy of the finished scan: redundant, removed.
                for partial in ScanFiles.partials(for: output) where partial.isAlive == false {
                    if let meta = try? recoveredMetadata(partial.path), meta.isSameScan(as: expected), meta.isFinished { remove(partial.path) }
                }
                if !options.overwrite {
                    guard options.resume else { throw ScanStoreError.alreadyExists(path: output) }
                    return Summary(output: output, shard: shard, pointCount: total, alreadyStored: existing.storedCount, evaluated: 0, failed: 0,
                                   interrupted: false, temporaryFile: nil, resumedFrom: [], foreignTemporaryFiles: [], seconds: Date().timeIntervalSince(start))
                }
            } else if !options.overwrite {
                throw ScanStoreError.mismatch(path: output, reason: "a scan of another \(difference(existing, expected)) exists; pass --overwrite to replace it (nothing was changed)")
            }
        }

        // Temporary files of other runs.
        var foreign: [String] = []
        var candidates: [(path: String, stored: Int)] = []
        var others: [(path: String, stored: Int, why: String)] = []
        for partial in ScanFiles.partials(for: output) {
            guard let alive = partial.isAlive else { foreign.append(partial.path); continue }
            if alive { throw ScanStoreError.busy(path: output, partial: partial.path, pid: partial.pid) }
            guard let meta = try? recoveredMetadata(partial.path), meta.storedCount > 0 else {
                // Nothing to keep: killed before its first commit, or not a scan file.
                remove(partial.path)
                continue
            }
            if meta.isSameScan(as: expected) {
                candidates.append((partial.path, meta.storedCount))
            } else {
                others.append((partial.path, meta.storedCount, difference(meta, expected)))
            }
        }
        if options.resume {
            if let other = others.first, !options.overwrite {
                throw ScanStoreError.mismatch(path: output, reason: "\(other.path) holds \(other.stored) points of an interrupted scan of another \(other.why); refusing to resume it (pass --overwrite to discard it)")
            }
            for other in others { remove(other.path) }
        } else if options.overwrite {
            for partial in candidates.map(\.path) + others.map(\.path) { remove(partial) }
            candidates = []
        } else if let best = (candidates.map { ($0.path, $0.stored) } + others.map { ($0.path, $0.stored) }).max(by: { $0.1 < $1.1 }) {
            throw ScanStoreError.interrupted(path: output, partial: best.0, done: best.1, total: total)
        }

        // This run's temporary file: a fresh one, or the best candidate renamed (the others joined in).
        let temporary = ScanFiles.temporaryPath(for: output)
        var resumedFrom: [String] = []
        candidates.sort { $0.stored > $1.stored }
        if let best = candidates.first {
            if best.path != temporary {
                remove(temporary)
                guard rename(best.path, temporary) == 0 else {
                    throw ScanStoreError.busy(path: output, partial: best.path, pid: 0)
                }
            }
            resumedFrom.append(best.path)
        } else {
            remove(temporary)
        }
        let writer: ScanStoreWriter
        do {
            writer = try ScanStoreWriter(path: temporary, create: resumedFrom.isEmpty, specification: specification,
                                         fingerprint: evaluator.fingerprint, columns: columns, shard: shard)
        } catch {
            if resumedFrom.isEmpty { remove(temporary) }
            throw error
        }
        var closed = false
        defer { if !closed { try? writer.close() } }
        if !resumedFrom.isEmpty {
            guard try writer.metadata().isSameScan(as: expected) else {
                throw ScanStoreError.mismatch(path: temporary, reason: "changed while it was adopted")
            }
            for other in candidates.dropFirst() {
                try join(other.path, into: writer)
                remove(other.path)
                resumedFrom.append(other.path)
            }
        }

        var stored = try writer.storedPositions(specification: specification, shard: shard)
        let alreadyStored = stored.reduce(0) { $0 + $1.nonzeroBitCount }
        var evaluated = 0, failed = 0, done = alreadyStored
        // Enough points per parallel step that starting the workers is negligible (~0.1 ms per step
        // against ~10 ms of work), few enough that a progress update or a stop comes soon.
        let chunkSize = min(max(64, options.threads * 256), options.commitEvery ?? Int.max)
        var pending: [ScanStoreWriter.Entry] = []
        pending.reserveCapacity(min(options.maximumBatch, total) + chunkSize)
        var lastCommit = Date()
        var position = 0
        var interrupted = false
        let buffer = EntryBuffer(capacity: chunkSize)
        defer { buffer.deallocate() }
        while position < total {
            if cancellation?.isCancelled == true { interrupted = true; break }
            // The next chunk of missing positions, in index order.
            var chunk: [Int] = []
            chunk.reserveCapacity(chunkSize)
            while position < total && chunk.count < chunkSize {
                if stored[position >> 6] & (1 << UInt64(position & 63)) == 0 { chunk.append(position) }
                position += 1
            }
            if chunk.isEmpty { break }
            let positions = chunk
            Parallel.forEach(count: positions.count, threads: options.threads) { _, k in
                // A stop asked for during the chunk: the points not started stay missing.
                if cancellation?.isCancelled == true { return }
                let index = positions[k] * shard.count + (shard.index - 1)
                let (ix, iy) = specification.coordinates(of: index)
                let result: Result<ScanRow, Problem>
                do throws(Problem) {
                    let point = try specification.point(ix: ix, iy: iy)
                    result = .success(try evaluator.evaluate(point).validated(against: columns))
                } catch {
                    result = .failure(error)
                }
                buffer.store(k, ScanStoreWriter.Entry(index: index, ix: ix, iy: iy, x: specification.xValues[ix], y: specification.yValues[iy], result: result))
            }
            for k in 0..<positions.count {
                guard let entry = buffer.take(k) else { continue }
                if case .failure = entry.result { failed += 1 }
                pending.append(entry)
                stored[positions[k] >> 6] |= 1 << UInt64(positions[k] & 63)
                evaluated += 1
                done += 1
            }
            let due = options.commitEvery.map { pending.count >= $0 }
                ?? (pending.count >= options.maximumBatch || Date().timeIntervalSince(lastCommit) >= options.commitInterval)
            if due {
                try writer.insert(pending)
                pending.removeAll(keepingCapacity: true)
                lastCommit = Date()
            }
            progress?(Progress(done: done, total: total, evaluated: evaluated, elapsed: Date().timeIntervalSince(start)))
        }
        try writer.insert(pending)
        pending.removeAll()
        if interrupted {
            try writer.close()
            closed = true
            return Summary(output: output, shard: shard, pointCount: total, alreadyStored: alreadyStored, evaluated: evaluated, failed: failed,
                           interrupted: true, temporaryFile: temporary, resumedFrom: resumedFrom, foreignTemporaryFiles: foreign,
                           seconds: Date().timeIntervalSince(start))
        }
        try writer.finish(expected: total)
        try writer.close()
        closed = true
        do { try ScanFiles.publish(temporary, as: output, overwrite: options.overwrite) } catch {
            remove(temporary)
            throw error
        }
        return Summary(output: output, shard: shard, pointCount: total, alreadyStored: alreadyStored, evaluated: evaluated, failed: failed,
                       interrupted: false, temporaryFile: nil, resumedFrom: resumedFrom, foreignTemporaryFiles: foreign,
                       seconds: Date().timeIntervalSince(start))
    }

    /// What differs between two scans' metadata, in words.
    static func difference(_ a: ScanStoreMetadata, _ b: ScanStoreMetadata) -> String {
        if a.specification != b.specification { return "specification (model, base point or axes)" }
        if a.fingerprint != b.fingerprint || a.columns != b.columns { return "evaluator (its physics, data or columns changed)" }
        return "shard (\(a.shard) instead of \(b.shard))"
    }

    /// The metadata of a dead run's temporary file, after SQLite has rolled back a commit that the
    /// run did not finish (opening it read-write and reading replays the journal).
    static func recoveredMetadata(_ path: String) throws -> ScanStoreMetadata {
        let meta = try ScanStore.translating(path) {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.read { db in try ScanStore.metadata(db, path: path) }
        }
        // SQLite rolls back and deletes a hot journal when it reads; a journal still there is not
        // hot (a kill between the commit and the journal's deletion) and would outlive the rename.
        unlink(path + "-journal")
        return meta
    }

    /// Copies the points of another temporary file of the same scan that `writer` lacks.
    static func join(_ path: String, into writer: ScanStoreWriter) throws {
        try ScanStore.translating(path) {
            try writer.queue.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS other", arguments: [path])
                try db.inTransaction {
                    try db.execute(sql: "INSERT OR IGNORE INTO main.scan_point SELECT * FROM other.scan_point")
                    return .commit
                }
                try db.execute(sql: "DETACH DATABASE other")
            }
        }
    }

    /// Removes a file and its rollback journal.
    static func remove(_ path: String) {
        unlink(path)
        unlink(path + "-journal")
    }
}

/// Per-chunk result slots written by the workers at distinct positions.
private final class EntryBuffer: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<ScanStoreWriter.Entry?>
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
    }

    func store(_ k: Int, _ entry: ScanStoreWriter.Entry) { slots[k] = entry }

    func take(_ k: Int) -> ScanStoreWriter.Entry? {
        defer { slots[k] = nil }
        return slots[k]
    }

    func deallocate() {
        slots.deinitialize(count: capacity)
        slots.deallocate()
    }
}
