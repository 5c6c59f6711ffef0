import Foundation
import Synchronization

/// A minimal fork-join helper, shared by every stage that runs in parallel (the atlas, scans):
/// runs `body(worker, item)` for every item on a fixed number of threads, handing items out in
/// increasing order from a shared atomic counter (dynamic load balancing), and returns when all are
/// done. `worker` (0 ..< threads) indexes per-thread scratch space.
///
/// ```swift
/// let squares = Mutex<[Int: Int]>([:])
/// Parallel.forEach(count: 100, threads: 2) { _, item in squares.withLock { $0[item] = item * item } }
/// ```
public enum Parallel {
    /// A shared counter handing out item indices.
    private final class Counter: Sendable {
        let next = Atomic<Int>(0)
    }

    public static func forEach(count: Int, threads: Int, _ body: @escaping @Sendable (_ worker: Int, _ item: Int) -> Void) {
        guard count > 0 else { return }
        let workers = max(1, min(threads, count))
        if workers == 1 {
            for item in 0..<count { body(0, item) }
            return
        }
        let counter = Counter()
        let group = DispatchGroup()
        for worker in 0..<workers {
            group.enter()
            let thread = Thread {
                while true {
                    let item = counter.next.wrappingAdd(1, ordering: .relaxed).oldValue
                    if item >= count { break }
                    body(worker, item)
                }
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
    }

    /// The number of threads to use by default: the active processor count.
    public static var defaultThreadCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
