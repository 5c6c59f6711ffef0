@testable import ZPrimeAtlas

/// A deliberately naive enumerator, independent of the fast one: nested loops over the raw
/// (ordered) charges of every field, the six conditions of seed 004 evaluated directly in
/// integers, canonicalised afterwards. The only shortcut is rejecting a branch as soon as a
/// linear condition whose fields are all fixed fails.
enum NaiveEnumerator {
    static func solutions(_ c: AtlasConfiguration) -> Set<AtlasSolution> {
        let q = c.maxCharge, h = c.higgsCharge, n = c.neutrinoCount
        let range = Array(-q...q)
        var result = Set<AtlasSolution>()
        func triples() -> [[Int]] { range.flatMap { a in range.flatMap { b in range.map { [a, b, $0] } } } }
        func tuples(_ k: Int) -> [[Int]] {
            k == 0 ? [[]] : tuples(k - 1).flatMap { t in range.map { t + [$0] } }
        }
        let all3 = triples()
        let allN = tuples(n)
        func record(_ qq: [Int], _ uu: [Int], _ dd: [Int], _ l: [Int], _ e: [Int], _ nn: [Int], gcdCharges: [Int]) {
            let sum = { (v: [Int]) in v.reduce(0, +) }
            let sq = { (v: [Int]) in v.reduce(0) { $0 + $1 * $1 } }
            let cu = { (v: [Int]) in v.reduce(0) { $0 + $1 * $1 * $1 } }
            guard 2 * sum(qq) - sum(uu) - sum(dd) == 0,
                  3 * sum(qq) + sum(l) == 0,
                  sum(qq) + 3 * sum(l) - 8 * sum(uu) - 2 * sum(dd) - 6 * sum(e) == 0,
                  6 * sum(qq) + 2 * sum(l) - 3 * sum(uu) - 3 * sum(dd) - sum(e) - sum(nn) == 0,
                  sq(qq) - sq(l) - 2 * sq(uu) + sq(dd) + sq(e) == 0,
                  6 * cu(qq) + 2 * cu(l) - 3 * cu(uu) - 3 * cu(dd) - cu(e) - cu(nn) == 0
            else { return }
            let g = (gcdCharges + [h]).reduce(0) { AtlasSolution.gcd($0, abs($1)) }
            if g == 0 && !c.includeTrivial { return }
            if g > 1 { return }
            result.insert(AtlasSolution.canonicalForm(q: qq, u: uu, d: dd, l: l, e: e, n: nn, quarkMode: c.quarkMode, identifySign: h == 0))
        }
        switch c.quarkMode {
        case .universal, .twoPlusOne:
            for x in range {
                let quarks: [Int]
                if c.quarkMode == .universal {
                    quarks = [x, x, x, x + h, x + h, x + h, x - h, x - h, x - h]
                } else {
                    if x == 0 { continue }
                    quarks = [0, 0, 3 * x, h, h, 3 * x + h, -h, -h, 3 * x - h]
                }
                guard quarks.allSatisfy({ abs($0) <= q }) else { continue }
                let qq = Array(quarks[0..<3]), uu = Array(quarks[3..<6]), dd = Array(quarks[6..<9])
                let sq = qq.reduce(0, +), su = uu.reduce(0, +), sd = dd.reduce(0, +)
                for l in all3 {
                    guard 3 * sq + l.reduce(0, +) == 0 else { continue }
                    for e in all3 {
                        guard sq + 3 * l.reduce(0, +) - 8 * su - 2 * sd - 6 * e.reduce(0, +) == 0 else { continue }
                        for nn in allN {
                            guard 6 * sq + 2 * l.reduce(0, +) - 3 * su - 3 * sd - e.reduce(0, +) - nn.reduce(0, +) == 0 else { continue }
                            record(qq, uu, dd, l, e, nn, gcdCharges: [x] + l + e + nn)
                        }
                    }
                }
            }
        case .free:
            for qq in all3 { for uu in all3 { for dd in all3 {
                guard 2 * qq.reduce(0, +) - uu.reduce(0, +) - dd.reduce(0, +) == 0 else { continue }
                for l in all3 {
                    guard 3 * qq.reduce(0, +) + l.reduce(0, +) == 0 else { continue }
                    for e in all3 {
                        guard qq.reduce(0, +) + 3 * l.reduce(0, +) - 8 * uu.reduce(0, +) - 2 * dd.reduce(0, +) - 6 * e.reduce(0, +) == 0 else { continue }
                        for nn in allN {
                            guard 6 * qq.reduce(0, +) + 2 * l.reduce(0, +) - 3 * uu.reduce(0, +) - 3 * dd.reduce(0, +) - e.reduce(0, +) - nn.reduce(0, +) == 0 else { continue }
                            record(qq, uu, dd, l, e, nn, gcdCharges: qq + uu + dd + l + e + nn)
                        }
                    }
                }
            } } }
        }
        return result
    }
}
