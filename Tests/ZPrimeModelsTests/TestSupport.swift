import ZPrimeCore
import ZPrimeModels

/// A seeded generator so that property tests are reproducible (SplitMix64, Steele et al. 2014).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Integer family charges for SM + N, as plain Ints for the independent closed-form evaluation.
struct IntegerCharges {
    var q: [Int], u: [Int], d: [Int], l: [Int], e: [Int], n: [Int]

    static func random(_ rng: inout SplitMix64, range: ClosedRange<Int> = -10...10, neutrinos: Int = 3) -> IntegerCharges {
        func draw(_ count: Int) -> [Int] { (0..<count).map { _ in Int.random(in: range, using: &rng) } }
        return IntegerCharges(q: draw(3), u: draw(3), d: draw(3), l: draw(3), e: draw(3), n: draw(neutrinos))
    }

    var model: Model {
        func r(_ v: [Int]) -> [Rational] { v.map { Rational($0) } }
        return Model(name: "random", charges: [.Q: r(q), .U: r(u), .D: r(d), .L: r(l), .E: r(e), .N: r(n)])
    }

    /// The six conditions exactly as printed in seed 004 (and PHYSICS.md section 1), in Int
    /// arithmetic, independent of the group-theory engine.
    var seedFormulas: [Int] {
        func sum(_ f: (Int) -> Int) -> Int { (0..<3).map(f).reduce(0, +) }
        let su3 = sum { 2 * q[$0] - u[$0] - d[$0] }
        let su2 = sum { 3 * q[$0] + l[$0] }
        let y2 = sum { q[$0] + 3 * l[$0] - 8 * u[$0] - 2 * d[$0] - 6 * e[$0] }
        let grav = sum { 6 * q[$0] + 2 * l[$0] - 3 * u[$0] - 3 * d[$0] - e[$0] } - n.reduce(0, +)
        let yx2 = sum { q[$0] * q[$0] - l[$0] * l[$0] - 2 * u[$0] * u[$0] + d[$0] * d[$0] + e[$0] * e[$0] }
        func cube(_ x: Int) -> Int { x * x * x }
        let x3 = sum { 6 * cube(q[$0]) + 2 * cube(l[$0]) - 3 * cube(u[$0]) - 3 * cube(d[$0]) - cube(e[$0]) } - n.map(cube).reduce(0, +)
        // Order of AnomalyCondition.allCases: SU3, SU2, Y^2X, YX^2, X^3, grav.
        return [su3, su2, y2, yx2, x3, grav]
    }
}
