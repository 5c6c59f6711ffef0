import Foundation
import ZPrimeCore
import ZPrimeModels

/// One anomaly-free integer charge assignment of SM + n N_R, in canonical form.
///
/// Equivalences (Greljo et al., arXiv:2107.07518; Allanach, Davighi, Melville, arXiv:1812.04602): the three charges of
/// each species (L, E, N and, in the free mode, Q, U, D) are a multiset, so permutations act on
/// each species separately; X and -X are the same; only primitive assignments (gcd 1) count.
///
/// Canonical form: each multiset sorted ascending (in the universal and 2+1 modes the quarks are
/// kept in family order (X_q12, X_q12, X_q3)); the overall sign is chosen so that
/// (sum X_Q, sum X_U) is lexicographically positive, and when both sums vanish so that the
/// tuple (Q, U, D, L, E, N) is lexicographically larger than that of -X.
public struct AtlasSolution: Hashable, Sendable, CustomStringConvertible {
    /// Q1..3, U1..3, D1..3, L1..3, E1..3, N1..n in lanes 0..<15+n (the rest zero): inline
    /// storage, so building and classifying millions of solutions allocates nothing.
    let storage: SIMD32<Int8>
    /// The number of right-handed neutrinos (0...3).
    public let neutrinoCount: Int

    /// Wraps charges given in the canonical order and form (not checked).
    public init(canonicalCharges: [Int8]) {
        precondition(canonicalCharges.count >= 15 && canonicalCharges.count <= 18)
        var s = SIMD32<Int8>()
        for (i, c) in canonicalCharges.enumerated() { s[i] = c }
        storage = s
        neutrinoCount = canonicalCharges.count - 15
    }

    init(storage: SIMD32<Int8>, neutrinoCount: Int) {
        self.storage = storage
        self.neutrinoCount = neutrinoCount
    }

    /// Charges of Q1..3, U1..3, D1..3, L1..3, E1..3, N1..n (n = 0...3), in that order.
    public var charges: [Int8] { (0..<(15 + neutrinoCount)).map { storage[$0] } }

    /// The charge in position `index` of ``charges``, as an Int.
    @inline(__always)
    public subscript(_ index: Int) -> Int { Int(storage[index]) }

    /// The charges of one SM species, as Ints.
    public func charges(of species: StandardModelSpecies) -> [Int] {
        let range: Range<Int>
        switch species {
        case .Q: range = 0..<3
        case .U: range = 3..<6
        case .D: range = 6..<9
        case .L: range = 9..<12
        case .E: range = 12..<15
        case .N: range = 15..<(15 + neutrinoCount)
        }
        return range.map { Int(storage[$0]) }
    }

    /// The six anomaly sums of the charges, in the normalisation of Greljo et al. (arXiv:2107.07518):
    /// SU(3)^2 X, SU(2)^2 X, Y^2 X, grav^2 X, Y X^2, X^3 (every one is zero for an atlas solution).
    public var anomalySums: [Int] {
        let q = charges(of: .Q), u = charges(of: .U), d = charges(of: .D), l = charges(of: .L), e = charges(of: .E), n = charges(of: .N)
        var sums = [Int](repeating: 0, count: 6)
        for i in 0..<3 {
            sums[0] += 2 * q[i] - u[i] - d[i]
            sums[1] += 3 * q[i] + l[i]
            sums[2] += q[i] + 3 * l[i] - 8 * u[i] - 2 * d[i] - 6 * e[i]
            sums[3] += 6 * q[i] + 2 * l[i] - 3 * u[i] - 3 * d[i] - e[i]
            sums[4] += q[i] * q[i] - l[i] * l[i] - 2 * u[i] * u[i] + d[i] * d[i] + e[i] * e[i]
            sums[5] += 6 * q[i] * q[i] * q[i] + 2 * l[i] * l[i] * l[i] - 3 * u[i] * u[i] * u[i] - 3 * d[i] * d[i] * d[i] - e[i] * e[i] * e[i]
        }
        for x in n {
            sums[3] -= x
            sums[5] -= x * x * x
        }
        return sums
    }

    /// Debug-only check of a generated solution (compiled out of release builds, in the style of
    /// swift-collections' `_checkInvariants`): all six anomalies cancel, every species is sorted as
    /// the canonical form demands (quark species only in the free mode), and the charges are
    /// primitive together with X_H unless trivial (for 2+1 quarks, with X_q = X_q3/3 in place of the
    /// quark charges).
    public func checkInvariants(quarkMode: QuarkMode, higgsCharge: Int) {
        #if DEBUG
        precondition(anomalySums.allSatisfy { $0 == 0 }, "atlas solution \(self) is not anomaly free: \(anomalySums)")
        let sorted: [StandardModelSpecies] = quarkMode == .free ? [.Q, .U, .D, .L, .E, .N] : [.L, .E, .N]
        for species in sorted {
            let c = charges(of: species)
            precondition(zip(c, c.dropFirst()).allSatisfy { $0 <= $1 }, "atlas solution \(self): \(species) not in canonical order")
        }
        if quarkMode == .twoPlusOne {
            // 2+1 solutions inherit primitivity from the universal atlas (X_q3 = 3 X_q): the charges
            // with X_q in place of X_q3 are primitive.
            var g = AtlasSolution.gcd(abs(higgsCharge), abs(self[2]) / 3)
            for i in 9..<(15 + neutrinoCount) { g = AtlasSolution.gcd(g, abs(self[i])) }
            precondition(isTrivial || g == 1, "atlas solution \(self) is not primitive with X_q = X_q3/3")
        } else {
            precondition(isTrivial || AtlasSolution.gcd(gcd, abs(higgsCharge)) == 1, "atlas solution \(self) is not primitive")
        }
        #endif
    }

    /// The largest |X|.
    public var maxAbsoluteCharge: Int {
        var m = 0
        for i in 0..<(15 + neutrinoCount) { m = max(m, abs(self[i])) }
        return m
    }

    /// Whether every charge is zero.
    public var isTrivial: Bool { storage == SIMD32<Int8>() }

    /// The gcd of all charges (0 for the trivial solution).
    public var gcd: Int {
        var g = 0
        for i in 0..<(15 + neutrinoCount) { g = AtlasSolution.gcd(g, abs(self[i])) }
        return g
    }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    /// `Q=(..) U=(..) D=(..) L=(..) E=(..) N=(..)`.
    public var description: String {
        StandardModelSpecies.allCases.map { s in
            "\(s.rawValue)=(" + charges(of: s).map(String.init).joined(separator: ",") + ")"
        }.joined(separator: " ")
    }

    /// The six anomaly coefficients in the normalisation of Greljo et al. (arXiv:2107.07518), evaluated directly in integers.
    public var anomalyCoefficients: [Int] {
        let q = charges(of: .Q), u = charges(of: .U), d = charges(of: .D)
        let l = charges(of: .L), e = charges(of: .E), n = charges(of: .N)
        func s(_ v: [Int], _ p: Int) -> Int { v.reduce(0) { total, x in total + (0..<p).reduce(1) { acc, _ in acc * x } } }
        return [
            2 * s(q, 1) - s(u, 1) - s(d, 1),
            3 * s(q, 1) + s(l, 1),
            s(q, 1) + 3 * s(l, 1) - 8 * s(u, 1) - 2 * s(d, 1) - 6 * s(e, 1),
            s(q, 2) - s(l, 2) - 2 * s(u, 2) + s(d, 2) + s(e, 2),
            6 * s(q, 3) + 2 * s(l, 3) - 3 * s(u, 3) - 3 * s(d, 3) - s(e, 3) - s(n, 3),
            6 * s(q, 1) + 2 * s(l, 1) - 3 * s(u, 1) - 3 * s(d, 1) - s(e, 1) - s(n, 1),
        ]
    }

    /// The solution as a ZPrime model (for the rest of the pipeline) with Higgs charge
    /// `higgsCharge`. Families are listed in canonical order; U(1)_X-breaking scalars are left to
    /// the user.
    public func model(name: String, summary: String, higgsCharge: Int = 0) -> Model {
        func r(_ v: [Int]) -> [Rational] { v.map { Rational($0) } }
        return Model(
            name: name,
            summary: summary,
            charges: [.Q: r(charges(of: .Q)), .U: r(charges(of: .U)), .D: r(charges(of: .D)),
                      .L: r(charges(of: .L)), .E: r(charges(of: .E)), .N: r(charges(of: .N))],
            higgsCharge: Rational(higgsCharge),
            references: ["ZPrime U(1)_X atlas (conventions of Greljo et al., arXiv:2107.07518)"]
        )
    }
}

extension AtlasSolution {
    /// The canonical representative of the class of an arbitrary integer assignment, in the
    /// given quark mode (free: quark species sorted; universal/2+1: quarks kept in family order).
    /// Used by tests and by importers; the enumerator produces canonical forms directly.
    /// With `identifySign` false (a nonzero Higgs charge) X and -X are different solutions and
    /// only the sorting applies.
    public static func canonicalForm(q: [Int], u: [Int], d: [Int], l: [Int], e: [Int], n: [Int], quarkMode: QuarkMode, identifySign: Bool = true) -> AtlasSolution {
        func arrange(_ sign: Int) -> [Int8] {
            let quarks: [Int]
            if quarkMode == .free {
                quarks = q.map { sign * $0 }.sorted() + u.map { sign * $0 }.sorted() + d.map { sign * $0 }.sorted()
            } else {
                quarks = (q + u + d).map { sign * $0 }
            }
            let leptons = l.map { sign * $0 }.sorted() + e.map { sign * $0 }.sorted() + n.map { sign * $0 }.sorted()
            return (quarks + leptons).map { Int8($0) }
        }
        let plus = arrange(1)
        if !identifySign { return AtlasSolution(canonicalCharges: plus) }
        let minus = arrange(-1)
        let sq = q.reduce(0, +), su = u.reduce(0, +)
        if (sq, su) > (0, 0) { return AtlasSolution(canonicalCharges: plus) }
        if (sq, su) < (0, 0) { return AtlasSolution(canonicalCharges: minus) }
        return AtlasSolution(canonicalCharges: plus.lexicographicallyPrecedes(minus) ? minus : plus)
    }

    /// Whether this is the canonical form of its class (sign rule and sorting).
    public func isCanonical(quarkMode: QuarkMode, identifySign: Bool = true) -> Bool {
        AtlasSolution.canonicalForm(q: charges(of: .Q), u: charges(of: .U), d: charges(of: .D), l: charges(of: .L),
                                    e: charges(of: .E), n: charges(of: .N), quarkMode: quarkMode, identifySign: identifySign) == self
    }
}
