/// All multisets of `size` integers from [-Q, Q], each stored sorted ascending, grouped by their
/// sum, with their second and third power sums.
///
/// For three charges the power sums (p1, p2, p3) determine the multiset, so one entry per
/// multiset carries all the information the anomaly conditions need: the linear conditions see
/// p1, Y X^2 sees p2, X^3 sees p3.
struct MultisetTable: Sendable {
    /// The number of entries per multiset (0 to 3).
    let size: Int
    /// The largest |charge|.
    let maxCharge: Int
    /// Flat storage of the members: entry k occupies `members[k*size ..< (k+1)*size]`.
    let members: [Int8]
    /// Sum of squares per entry.
    let squares: [Int32]
    /// Sum of cubes per entry.
    let cubes: [Int32]
    /// For each sum s in [-size*Q, size*Q], the entry range with that sum: `ranges[s + size*Q]`.
    let ranges: [Range<Int>]

    init(size: Int, maxCharge: Int) {
        precondition((0...3).contains(size))
        self.size = size
        self.maxCharge = maxCharge
        let q = maxCharge
        // Generate sorted tuples, then bucket them by sum (counting sort keeps ascending order).
        var all: [[Int]] = []
        func generate(_ prefix: [Int], _ start: Int) {
            if prefix.count == size { all.append(prefix); return }
            for v in start...q { generate(prefix + [v], v) }
        }
        generate([], -q)
        let offset = size * q
        var bySum = Array(repeating: [[Int]](), count: 2 * offset + 1)
        for m in all { bySum[m.reduce(0, +) + offset].append(m) }
        var members: [Int8] = []
        var squares: [Int32] = []
        var cubes: [Int32] = []
        var ranges: [Range<Int>] = []
        members.reserveCapacity(all.count * size)
        var start = 0
        for group in bySum {
            for m in group {
                members.append(contentsOf: m.map { Int8($0) })
                squares.append(Int32(m.reduce(0) { $0 + $1 * $1 }))
                cubes.append(Int32(m.reduce(0) { $0 + $1 * $1 * $1 }))
            }
            ranges.append(start..<(start + group.count))
            start += group.count
        }
        self.members = members
        self.squares = squares
        self.cubes = cubes
        self.ranges = ranges
    }

    /// The entries whose members sum to `sum` (empty when out of range).
    func entries(withSum sum: Int) -> Range<Int> {
        let index = sum + size * maxCharge
        guard index >= 0, index < ranges.count else { return 0..<0 }
        return ranges[index]
    }

    /// The members of entry `k`.
    func members(of k: Int) -> ArraySlice<Int8> {
        members[(k * size)..<((k + 1) * size)]
    }

    /// The total number of multisets.
    var count: Int { squares.count }
}
