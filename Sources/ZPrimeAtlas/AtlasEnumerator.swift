import ZPrimeCore
import Foundation
import Synchronization

/// One enumerated solution with its classification.
public struct AtlasRecord: Hashable, Sendable {
    /// The canonical charges.
    public let solution: AtlasSolution
    /// Its classification.
    public let classification: AtlasClassification

    /// Pairs a solution with its classification.
    public init(solution: AtlasSolution, classification: AtlasClassification) {
        self.solution = solution
        self.classification = classification
    }
}

/// Which solutions to keep.
public struct AtlasFilter: Hashable, Sendable {
    /// Keep only S_3-muoquark-compatible solutions.
    public var muoquark: Bool
    /// Keep only solutions also compatible with an S_1 muoquark.
    public var muoquarkS1: Bool
    /// Keep only one category.
    public var category: AtlasClassification.Category?
    /// Keep only solutions compatible with renormalisable Dirac neutrinos.
    public var diracOnly: Bool

    /// Creates a filter; the default keeps everything.
    public init(muoquark: Bool = false, muoquarkS1: Bool = false, category: AtlasClassification.Category? = nil, diracOnly: Bool = false) {
        self.muoquark = muoquark
        self.muoquarkS1 = muoquarkS1
        self.category = category
        self.diracOnly = diracOnly
    }

    /// Keeps everything.
    public static let none = AtlasFilter()

    /// Whether the filter keeps everything.
    public var isEmpty: Bool { self == .none }

    /// Whether `classification` passes.
    public func accepts(_ classification: AtlasClassification) -> Bool {
        if muoquark && !classification.muoquarkS3 { return false }
        if muoquarkS1 && !classification.muoquarkS1 { return false }
        if let category, classification.category != category { return false }
        if diracOnly && !classification.diracCompatible { return false }
        return true
    }
}

/// Progress of a running enumeration.
public struct AtlasProgress: Sendable {
    /// Work units finished.
    public let completedUnits: Int
    /// Work units in this run.
    public let totalUnits: Int
    /// Solutions found so far (after filters).
    public let solutions: Int
}

/// Enumerates (or counts) every inequivalent anomaly-free integer charge assignment of a
/// configuration, or a deterministic shard of them, on several threads.
///
/// ```swift
/// let configuration = try AtlasConfiguration(maxCharge: 10, quarkMode: .universal)
/// let enumerator = AtlasEnumerator(configuration: configuration)
/// print(enumerator.count())   // 275 (276 with includeTrivial)
/// ```
///
/// Sharding: the work units (one per (sum X_Q, sum X_U), or per universal quark charge) are
/// assigned to shards by a deterministic longest-processing-time rule on their estimated cost,
/// so the shards of one configuration partition the enumeration exactly.
public struct AtlasEnumerator: Sendable {
    /// What is enumerated.
    public let configuration: AtlasConfiguration
    /// Which part.
    public let shard: ShardSpecification
    /// Worker threads.
    public let threads: Int
    let engine: AtlasEngine

    /// Creates an enumerator; `threads` defaults to the number of processors.
    public init(configuration: AtlasConfiguration, shard: ShardSpecification = .whole, threads: Int? = nil) {
        self.configuration = configuration
        self.shard = shard
        self.threads = max(1, threads ?? Parallel.defaultThreadCount)
        self.engine = AtlasEngine(configuration: configuration)
    }

    /// The units of this shard, in canonical order.
    func shardUnits() -> [AtlasEngine.Unit] {
        AtlasEnumerator.assign(engine.units(), to: shard)
    }

    /// Longest-processing-time assignment of units to shards (deterministic).
    static func assign(_ units: [AtlasEngine.Unit], to shard: ShardSpecification) -> [AtlasEngine.Unit] {
        guard shard.count > 1 else { return units }
        let ordered = units.sorted { ($0.cost, $1.a, $1.b) > ($1.cost, $0.a, $0.b) }
        var loads = Array(repeating: 0, count: shard.count)
        var mine: [AtlasEngine.Unit] = []
        for unit in ordered {
            var target = 0
            for i in 1..<shard.count where loads[i] < loads[target] { target = i }
            loads[target] += unit.cost
            if target == shard.index - 1 { mine.append(unit) }
        }
        return mine.sorted()
    }

    // MARK: Counting

    /// The number of solutions in this shard (after `filter`).
    ///
    /// Without a filter, in the free mode with X_H = 0 and no sharding, the count uses a join that
    /// only counts (no solution is built) with Möbius inversion for primitivity:
    /// P(Q) = sum_g mu(g) C(floor(Q/g)), C the number of sign classes of nontrivial solutions.
    public func count(filter: AtlasFilter = .none, progress: (@Sendable (AtlasProgress) -> Void)? = nil) -> Int {
        if filter.isEmpty && configuration.quarkMode == .free && engine.identifiesSign && shard.count == 1 {
            return countByMoebiusInversion(progress: progress)
        }
        // Order does not matter for a count: every unit in parallel, classification only if filtered.
        let units = shardUnits().sorted { $0.cost > $1.cost }
        let engine = self.engine
        let quarkMode = configuration.quarkMode
        let higgs = configuration.higgsCharge
        let scratch = (0..<threads).map { _ in JoinScratch() }
        let total = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        Parallel.forEach(count: units.count, threads: threads) { worker, item in
            var n = 0
            engine.forEachSolution(units[item], scratch: scratch[worker]) { solution in
                if filter.isEmpty || filter.accepts(AtlasClassification(solution, quarkMode: quarkMode, higgsCharge: higgs)) { n += 1 }
            }
            let solutions = total.wrappingAdd(n, ordering: .relaxed).newValue
            let finished = done.wrappingAdd(1, ordering: .relaxed).newValue
            progress?(AtlasProgress(completedUnits: finished, totalUnits: units.count, solutions: solutions))
        }
        return total.load(ordering: .relaxed)
    }

    /// The enumeration-free count (see ``count(filter:progress:)``).
    func countByMoebiusInversion(progress: (@Sendable (AtlasProgress) -> Void)?) -> Int {
        let q = configuration.maxCharge
        var engines: [Int: AtlasEngine] = [:]
        var jobs: [(engine: Int, unit: AtlasEngine.Unit)] = []
        var divisorsNeeded = Set<Int>()
        for g in 1...max(1, q) where AtlasEnumerator.moebius(g) != 0 && q / g >= 1 { divisorsNeeded.insert(q / g) }
        for sub in divisorsNeeded.sorted() {
            var c = configuration
            c.maxCharge = sub
            let e = AtlasEngine(configuration: c)
            engines[sub] = e
            for unit in e.units() { jobs.append((sub, unit)) }
        }
        jobs.sort { $0.unit.cost > $1.unit.cost }
        let frozenEngines = engines
        let frozenJobs = jobs
        let scratch = (0..<threads).map { _ in JoinScratch() }
        let results = Mutex<[Int: (nonzero: Int, zero: Int)]>([:])
        let done = Atomic<Int>(0)
        let total = jobs.count
        Parallel.forEach(count: jobs.count, threads: threads) { worker, item in
            let job = frozenJobs[item]
            let n = frozenEngines[job.engine]!.countMatches(job.unit, scratch: scratch[worker])
            results.withLock { r in
                var entry = r[job.engine] ?? (0, 0)
                if job.unit.a == 0 && job.unit.b == 0 { entry.zero += n } else { entry.nonzero += n }
                r[job.engine] = entry
            }
            let finished = done.wrappingAdd(1, ordering: .relaxed).newValue
            progress?(AtlasProgress(completedUnits: finished, totalUnits: total, solutions: 0))
        }
        let perCharge = results.withLock { $0 }
        func classes(_ sub: Int) -> Int {
            // Nontrivial sign classes with |X| <= sub: (zero-bucket + self-conjugate)/2 + rest - trivial.
            let entry = perCharge[sub] ?? (0, 0)
            let selfConjugate = AtlasEnumerator.selfConjugateCount(maxCharge: sub, neutrinos: configuration.neutrinoCount)
            return entry.nonzero + (entry.zero + selfConjugate) / 2 - 1
        }
        var primitive = 0
        if q >= 1 {
            for g in 1...q where AtlasEnumerator.moebius(g) != 0 {
                primitive += AtlasEnumerator.moebius(g) * classes(q / g)
            }
        }
        return primitive + (configuration.includeTrivial ? 1 : 0)
    }

    /// The number of solutions with X = -X up to permutations (every multiset symmetric:
    /// {x, -x, 0}), including the trivial one. Their sums vanish and so do their cubes; only
    /// Y X^2 constrains them: x_Q^2 - 2 x_U^2 + x_D^2 - x_L^2 + x_E^2 = 0.
    static func selfConjugateCount(maxCharge q: Int, neutrinos n: Int) -> Int {
        var count = 0
        for xq in 0...q { for xu in 0...q { for xd in 0...q { for xl in 0...q { for xe in 0...q
            where xq * xq - 2 * xu * xu + xd * xd - xl * xl + xe * xe == 0 { count += 1 } } } } }
        let neutrinoOptions = n >= 2 ? q + 1 : 1
        return count * neutrinoOptions
    }

    /// The Möbius function.
    static func moebius(_ n: Int) -> Int {
        var m = n, result = 1, p = 2
        while p * p <= m {
            if m % p == 0 {
                m /= p
                if m % p == 0 { return 0 }
                result = -result
            }
            p += 1
        }
        return m > 1 ? -result : result
    }

    // MARK: Enumeration

    /// Enumerates the solutions of this shard that pass `filter`, calling `body` (on the calling
    /// thread) with each batch in deterministic (canonical unit) order, and returns how many there
    /// were. Memory is bounded whatever the number of solutions: worker threads hand batches of at
    /// most ``batchSize`` records to the caller in unit order, and a worker that runs ahead waits
    /// once it holds ``pendingBatchesPerWorker`` batches (so at most about
    /// threads x (pendingBatchesPerWorker + 1) x batchSize records are in memory).
    @discardableResult
    public func enumerate(filter: AtlasFilter = .none, progress: (@Sendable (AtlasProgress) -> Void)? = nil,
                          _ body: ([AtlasRecord]) throws -> Void) rethrows -> Int {
        let units = shardUnits()
        guard !units.isEmpty else { return 0 }
        let engine = self.engine
        let quarkMode = configuration.quarkMode
        let higgs = configuration.higgsCharge
        let workers = max(1, min(threads, units.count))
        let scratch = (0..<workers).map { _ in JoinScratch() }
        let pipeline = OrderedBatches(capacity: AtlasEnumerator.pendingBatchesPerWorker)
        let group = DispatchGroup()
        for worker in 0..<workers {
            group.enter()
            let thread = Thread {
                while !pipeline.isCancelled {
                    let item = pipeline.nextUnit.wrappingAdd(1, ordering: .relaxed).oldValue
                    if item >= units.count { break }
                    var batch: [AtlasRecord] = []
                    batch.reserveCapacity(AtlasEnumerator.batchSize)
                    engine.forEachSolution(units[item], scratch: scratch[worker]) { solution in
                        let classification = AtlasClassification(solution, quarkMode: quarkMode, higgsCharge: higgs)
                        guard filter.accepts(classification) else { return }
                        batch.append(AtlasRecord(solution: solution, classification: classification))
                        if batch.count == AtlasEnumerator.batchSize {
                            pipeline.push(item, batch)
                            batch.removeAll(keepingCapacity: true)
                        }
                    }
                    if !batch.isEmpty { pipeline.push(item, batch) }
                    pipeline.finish(item)
                }
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        var produced = 0
        do {
            for item in 0..<units.count {
                while let batch = pipeline.take(item) {
                    produced += batch.count
                    try body(batch)
                }
                progress?(AtlasProgress(completedUnits: item + 1, totalUnits: units.count, solutions: produced))
            }
        } catch {
            pipeline.cancel()
            group.wait()
            throw error
        }
        group.wait()
        return produced
    }

    /// The most records handed to `enumerate`'s body at once.
    public static let batchSize = 4096
    /// How many finished batches a worker may hold before it waits for the caller.
    public static let pendingBatchesPerWorker = 2
}

/// Batches of records per unit, handed from worker threads to one consumer in unit order, with
/// a bound on the batches waiting per unit (the producers of later units wait: backpressure).
final class OrderedBatches: @unchecked Sendable {
    private let condition = NSCondition()
    private var queues: [Int: [[AtlasRecord]]] = [:]
    private var finished = Set<Int>()
    private let cancelled = Atomic<Bool>(false)
    private let capacity: Int
    /// The next unit a worker takes.
    let nextUnit = Atomic<Int>(0)

    init(capacity: Int) { self.capacity = capacity }

    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// Queues a batch of `unit`, waiting while `capacity` batches of it are queued.
    func push(_ unit: Int, _ batch: [AtlasRecord]) {
        condition.lock()
        while !isCancelled && (queues[unit]?.count ?? 0) >= capacity { condition.wait() }
        if !isCancelled {
            queues[unit, default: []].append(batch)
            condition.broadcast()
        }
        condition.unlock()
    }

    /// Marks `unit` done: no more batches follow.
    func finish(_ unit: Int) {
        condition.lock()
        finished.insert(unit)
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch of `unit`, waiting for it, or nil once the unit is done and drained.
    func take(_ unit: Int) -> [AtlasRecord]? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if var queue = queues[unit], !queue.isEmpty {
                let batch = queue.removeFirst()
                queues[unit] = queue.isEmpty ? nil : queue
                condition.broadcast()
                return batch
            }
            if finished.contains(unit) {
                finished.remove(unit)
                return nil
            }
            condition.wait()
        }
    }

    /// Stops the producers (their batches are dropped).
    func cancel() {
        condition.lock()
        cancelled.store(true, ordering: .relaxed)
        queues.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

extension AtlasEngine {
    /// The number of raw matches in a unit (every multiset tuple satisfying the six conditions,
    /// before the primitivity, sign and trivial rules).
    func countMatches(_ unit: Unit, scratch: JoinScratch) -> Int {
        if unit.quark != nil {
            var n = 0
            forEachSingleQuarkMatch(unit) { _ in n += 1 }
            return n
        }
        quarkSide(unit, into: &scratch.quarkKeys, ids: &scratch.quarkIDs, withIDs: false)
        leptonSide(unit, into: &scratch.leptonKeys, ids: &scratch.leptonIDs, withIDs: false)
        if scratch.quarkKeys.count <= scratch.leptonKeys.count {
            return scratch.countMatches(build: scratch.quarkKeys, probe: scratch.leptonKeys)
        }
        return scratch.countMatches(build: scratch.leptonKeys, probe: scratch.quarkKeys)
    }

    /// Calls `emit` for every canonical, primitive (nontrivial unless included) solution of a unit.
    func forEachSolution(_ unit: Unit, scratch: JoinScratch, _ deliver: (AtlasSolution) -> Void) {
        let mode = configuration.quarkMode, higgs = configuration.higgsCharge
        func emit(_ solution: AtlasSolution) {
            solution.checkInvariants(quarkMode: mode, higgsCharge: higgs)
            deliver(solution)
        }
        let lanes = quarkLanes(unit)
        if unit.quark != nil {
            forEachSingleQuarkMatch(unit) { leptonID in
                if let s = solution(unit: unit, quarkLanes: lanes, quarkID: 0, leptonID: leptonID) { emit(s) }
            }
            return
        }
        quarkSide(unit, into: &scratch.quarkKeys, ids: &scratch.quarkIDs, withIDs: true)
        leptonSide(unit, into: &scratch.leptonKeys, ids: &scratch.leptonIDs, withIDs: true)
        let quarkIDs = scratch.quarkIDs, leptonIDs = scratch.leptonIDs
        if scratch.quarkKeys.count <= scratch.leptonKeys.count {
            scratch.forEachMatch(build: scratch.quarkKeys, probe: scratch.leptonKeys) { i, j in
                if let s = solution(unit: unit, quarkLanes: lanes, quarkID: quarkIDs[i], leptonID: leptonIDs[j]) { emit(s) }
            }
        } else {
            scratch.forEachMatch(build: scratch.leptonKeys, probe: scratch.quarkKeys) { i, j in
                if let s = solution(unit: unit, quarkLanes: lanes, quarkID: quarkIDs[j], leptonID: leptonIDs[i]) { emit(s) }
            }
        }
    }

    /// The matches of a unit with a single quark configuration (universal, 2+1): loop over
    /// (L, E) pairs with the right P2_E - P2_L, then look the N multisets up by their cube sum.
    func forEachSingleQuarkMatch(_ unit: Unit, _ match: (UInt64) -> Void) {
        let (k2, k3) = quarkKey(unit.quark!)
        let rn = neutrinos.entries(withSum: unit.b - 4 * unit.a)
        var byCube: [Int: [Int]] = [:]
        for n in rn { byCube[Int(neutrinos.cubes[n]), default: []].append(n) }
        for l in triples.entries(withSum: -3 * unit.a) {
            for e in triples.entries(withSum: -2 * unit.a - unit.b) {
                // Quadratic: k2 + P2_E - P2_L = 0; cubic: k3 + 2 P3_L - P3_E - P3_N = 0.
                guard k2 + Int(triples.squares[e]) - Int(triples.squares[l]) == 0 else { continue }
                let cube = k3 + 2 * Int(triples.cubes[l]) - Int(triples.cubes[e])
                for n in byCube[cube] ?? [] {
                    match(UInt64(l) | UInt64(e) << 21 | UInt64(n) << 42)
                }
            }
        }
    }
}
