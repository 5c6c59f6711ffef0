/// A deterministic part of a distributed computation: shard `index` (1-based) of `count`.
///
/// Every enumeration and scan splits its work into `count` disjoint parts whose union is the whole;
/// shard `index` computes one of them. The shard of a batch job comes from ``init(parsing:)``
/// (`--shard i/N`) or from a Slurm job array's environment (``init(environment:)``).
///
/// ```swift
/// let shard = try Shard(parsing: "3/8")
/// // In a Slurm array started with --array=0-14:2 (tasks 0, 2, ..., 14), task 14 is shard 8 of 8:
/// let task = try Shard(environment: ["SLURM_ARRAY_TASK_ID": "14", "SLURM_ARRAY_TASK_MIN": "0",
///                                    "SLURM_ARRAY_TASK_MAX": "14", "SLURM_ARRAY_TASK_STEP": "2"])
/// print(shard, task!)   // 3/8 8/8
/// ```
public struct Shard: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The 1-based shard index.
    public let index: Int
    /// The number of shards.
    public let count: Int

    /// The largest number of shards accepted.
    public static let maximumCount = 1_000_000

    /// The whole computation, shard 1 of 1.
    public static let whole = Shard(uncheckedIndex: 1, count: 1)

    private init(uncheckedIndex: Int, count: Int) {
        self.index = uncheckedIndex
        self.count = count
    }

    /// Shard `index` of `count`, with 1 <= index <= count <= ``maximumCount``.
    public init(index: Int, count: Int) throws(Problem) {
        guard count >= 1, count <= Shard.maximumCount else {
            throw Problem.invalid(.shard, text: "\(index)/\(count)", "the shard count N must be between 1 and \(Shard.maximumCount)")
        }
        guard index >= 1, index <= count else {
            throw Problem.invalid(.shard, text: "\(index)/\(count)", "the shard index i must satisfy 1 <= i <= N")
        }
        self.index = index
        self.count = count
    }

    /// Parses `"i/N"`.
    public init(parsing text: String) throws(Problem) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw Problem.invalid(.shard, text: text, "expected i/N with integers, e.g. 3/8")
        }
        try self.init(index: i, count: n)
    }

    /// The shard of a Slurm job-array task, or `nil` outside a job array (no `SLURM_ARRAY_TASK_ID`).
    ///
    /// Slurm numbers the tasks of `--array=MIN-MAX:STEP` MIN, MIN + STEP, ..., up to MAX, and sets
    /// SLURM_ARRAY_TASK_ID, _MIN, _MAX, _STEP and _COUNT in each task's environment (sbatch(1),
    /// "OUTPUT ENVIRONMENT VARIABLES"). The shard index is the task's position in that progression,
    /// (ID - MIN)/STEP + 1, and the count the number of tasks, (MAX - MIN)/STEP + 1. When _MAX is not
    /// set, _COUNT gives the count; when _STEP is not set it is 1. A task whose ID is not on the
    /// progression, or an inconsistent _COUNT, is an error (an array given as a list, e.g.
    /// `--array=1,4,7`, has no step: use `--shard` explicitly there).
    public init?(environment: [String: String]) throws(Problem) {
        guard let idText = environment["SLURM_ARRAY_TASK_ID"] else { return nil }
        func integer(_ name: String) throws(Problem) -> Int? {
            guard let text = environment[name] else { return nil }
            guard let value = Int(text.trimmingWhitespace()) else {
                throw Problem.invalid(.shard, text: text, "\(name) is not an integer")
            }
            return value
        }
        guard let id = Int(idText.trimmingWhitespace()) else {
            throw Problem.invalid(.shard, text: idText, "SLURM_ARRAY_TASK_ID is not an integer")
        }
        let minimum = try integer("SLURM_ARRAY_TASK_MIN") ?? 0
        let step = try integer("SLURM_ARRAY_TASK_STEP") ?? 1
        guard step >= 1 else { throw Problem.invalid(.shard, text: "\(step)", "SLURM_ARRAY_TASK_STEP must be >= 1") }
        guard id >= minimum, (id - minimum) % step == 0 else {
            throw Problem.invalid(.shard, text: "\(id)", "SLURM_ARRAY_TASK_ID is not on the array MIN + k STEP (MIN \(minimum), STEP \(step))")
        }
        let reportedCount = try integer("SLURM_ARRAY_TASK_COUNT")
        let count: Int
        if let maximum = try integer("SLURM_ARRAY_TASK_MAX") {
            guard maximum >= minimum else { throw Problem.invalid(.shard, text: "\(maximum)", "SLURM_ARRAY_TASK_MAX is below SLURM_ARRAY_TASK_MIN") }
            count = (maximum - minimum) / step + 1
            if let reportedCount, reportedCount != count {
                throw Problem.invalid(.shard, text: "\(reportedCount)",
                                      "SLURM_ARRAY_TASK_COUNT disagrees with MIN \(minimum), MAX \(maximum), STEP \(step) (\(count) tasks): an array given as a list has no step; pass --shard i/N")
            }
        } else if let reportedCount {
            count = reportedCount
        } else {
            throw Problem.invalid(.shard, text: idText, "SLURM_ARRAY_TASK_ID is set but neither SLURM_ARRAY_TASK_MAX nor SLURM_ARRAY_TASK_COUNT is", kind: .missing)
        }
        try self.init(index: (id - minimum) / step + 1, count: count)
    }

    /// The items of `0..<total` that belong to this shard when they are dealt out round-robin
    /// (item k goes to shard k mod count + 1): every item in exactly one shard.
    public func roundRobin(_ total: Int) -> StrideTo<Int> {
        stride(from: index - 1, to: max(total, 0), by: count)
    }

    /// The contiguous block of `0..<total` of this shard: blocks differ in size by at most one and
    /// cover every item exactly once.
    public func block(_ total: Int) -> Range<Int> {
        let n = max(total, 0)
        let lower = Int((Int64(n) * Int64(index - 1)) / Int64(count))
        let upper = Int((Int64(n) * Int64(index)) / Int64(count))
        return lower..<upper
    }

    public var description: String { "\(index)/\(count)" }
}
