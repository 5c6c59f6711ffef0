/// Per-worker scratch memory for the join: the two sides of a unit and an open-addressing hash
/// table. Reused from unit to unit, so a run allocates once per worker thread.
///
/// `@unchecked Sendable`: each instance is owned by exactly one worker of ``Parallel/forEach``.
final class JoinScratch: @unchecked Sendable {
    var quarkKeys: [Int64] = []
    var quarkIDs: [UInt64] = []
    var leptonKeys: [Int64] = []
    var leptonIDs: [UInt64] = []
    var tableKeys: [Int64] = []
    var tableValues: [Int32] = []
    var chain: [Int32] = []

    static let empty = Int64.min

    /// Prepares a table with room for `count` distinct keys (load factor <= 1/2).
    func prepareTable(for count: Int) -> Int {
        var capacity = 16
        while capacity < 2 * count { capacity <<= 1 }
        if tableKeys.count < capacity {
            tableKeys = Array(repeating: JoinScratch.empty, count: capacity)
            tableValues = Array(repeating: 0, count: capacity)
        } else {
            tableKeys.withUnsafeMutableBufferPointer { buffer in
                for i in 0..<capacity { buffer[i] = JoinScratch.empty }
            }
        }
        return capacity - 1
    }

    @inline(__always)
    static func slot(_ key: Int64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The number of equal-key pairs between `build` and `probe` (a multiset join count).
    func countMatches(build: [Int64], probe: [Int64]) -> Int {
        let mask = prepareTable(for: build.count)
        var total = 0
        tableKeys.withUnsafeMutableBufferPointer { keys in
            tableValues.withUnsafeMutableBufferPointer { values in
                for key in build {
                    var s = JoinScratch.slot(key, mask)
                    while keys[s] != JoinScratch.empty && keys[s] != key { s = (s + 1) & mask }
                    if keys[s] == key { values[s] += 1 } else { keys[s] = key; values[s] = 1 }
                }
                for key in probe {
                    var s = JoinScratch.slot(key, mask)
                    while keys[s] != JoinScratch.empty {
                        if keys[s] == key { total += Int(values[s]); break }
                        s = (s + 1) & mask
                    }
                }
            }
        }
        return total
    }

    /// Calls `match(buildIndex, probeIndex)` for every equal-key pair.
    func forEachMatch(build: [Int64], probe: [Int64], _ match: (Int, Int) -> Void) {
        let mask = prepareTable(for: build.count)
        if chain.count < build.count { chain = Array(repeating: -1, count: build.count) }
        tableKeys.withUnsafeMutableBufferPointer { keys in
            tableValues.withUnsafeMutableBufferPointer { heads in
                chain.withUnsafeMutableBufferPointer { next in
                    for (i, key) in build.enumerated() {
                        var s = JoinScratch.slot(key, mask)
                        while keys[s] != JoinScratch.empty && keys[s] != key { s = (s + 1) & mask }
                        if keys[s] == key { next[i] = heads[s] } else { keys[s] = key; next[i] = -1 }
                        heads[s] = Int32(i)
                    }
                    for (j, key) in probe.enumerated() {
                        var s = JoinScratch.slot(key, mask)
                        while keys[s] != JoinScratch.empty {
                            if keys[s] == key {
                                var i = Int(heads[s])
                                while i >= 0 { match(i, j); i = Int(next[i]) }
                                break
                            }
                            s = (s + 1) & mask
                        }
                    }
                }
            }
        }
    }
}
