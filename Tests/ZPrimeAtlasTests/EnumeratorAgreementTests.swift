import Testing
@testable import ZPrimeAtlas

@Suite("Fast enumerator against the naive one and against itself")
struct EnumeratorAgreementTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let mode: QuarkMode
        let maxCharge: Int
        let neutrinos: Int
        let higgs: Int
        var testDescription: String { "\(mode.rawValue) Q=\(maxCharge) n=\(neutrinos) h=\(higgs)" }
    }

    /// Every case has solutions (checked below), so no comparison is between two empty sets.
    /// Q_max is the smallest at which each (n, X_H) of the mode has solutions; 2+1 needs X_q3 = 3 X_q
    /// (Q_max 6 allows X_q = +-1, +-2) and, with one N_R, Q_max 9.
    static let cases: [Case] = QuarkMode.allCases.flatMap { mode -> [Case] in
        switch mode {
        case .free:
            return (0...3).flatMap { n in [Case(mode: mode, maxCharge: 1, neutrinos: n, higgs: 0), Case(mode: mode, maxCharge: 1, neutrinos: n, higgs: 1)] }
        case .universal:
            return (0...3).map { Case(mode: mode, maxCharge: 3, neutrinos: $0, higgs: 0) } + (1...3).map { Case(mode: mode, maxCharge: 3, neutrinos: $0, higgs: 1) }
        case .twoPlusOne:
            return (2...3).flatMap { n in [Case(mode: mode, maxCharge: 6, neutrinos: n, higgs: 0), Case(mode: mode, maxCharge: 6, neutrinos: n, higgs: 1)] }
                + [Case(mode: mode, maxCharge: 9, neutrinos: 1, higgs: 0), Case(mode: mode, maxCharge: 9, neutrinos: 1, higgs: 1)]
        }
    }

    /// Configurations without any solution: both enumerators must agree that they are empty (the
    /// fast one must not invent solutions). Universal quarks with no N_R and X_H = 1, and 2+1 quarks
    /// with no N_R, up to the Q_max given.
    static let emptyCases: [Case] = [
        Case(mode: .universal, maxCharge: 4, neutrinos: 0, higgs: 1),
        Case(mode: .twoPlusOne, maxCharge: 6, neutrinos: 0, higgs: 0), Case(mode: .twoPlusOne, maxCharge: 6, neutrinos: 0, higgs: 1),
    ]

    @Test("configurations without solutions are empty for both enumerators", arguments: emptyCases)
    func emptyAgree(_ c: Case) throws {
        let configuration = try AtlasConfiguration(maxCharge: c.maxCharge, quarkMode: c.mode, neutrinoCount: c.neutrinos, higgsCharge: c.higgs)
        #expect(AtlasEnumerator(configuration: configuration, threads: 2).enumerate { _ in } == 0)
        #expect(AtlasEnumerator(configuration: configuration).count() == 0)
        #expect(NaiveEnumerator.solutions(configuration).isEmpty)
    }

    @Test("the fast enumerator equals the naive one", arguments: cases)
    func fastEqualsNaive(_ c: Case) throws {
        let configuration = try AtlasConfiguration(maxCharge: c.maxCharge, quarkMode: c.mode, neutrinoCount: c.neutrinos, higgsCharge: c.higgs)
        var fast: [AtlasSolution] = []
        AtlasEnumerator(configuration: configuration, threads: 2).enumerate { fast += $0.map(\.solution) }
        let naive = NaiveEnumerator.solutions(configuration)
        #expect(Set(fast).count == fast.count, "duplicates in the fast enumeration")
        #expect(Set(fast) == naive, "fast \(fast.count) vs naive \(naive.count)")
        // Every case has solutions, so the comparison is never between two empty sets.
        #expect(!naive.isEmpty, "no solution in \(c.testDescription): the case tests nothing")
    }

    /// Class counts of the free mode (SM + n N_R, X_H = 0, trivial excluded) from an independent
    /// Python meet-in-the-middle written for this check (itertools multisets, dict join, canonical
    /// sign and gcd applied per solution). With the trivial solution added they read 38, 358, 4116
    /// for n = 3, the first entries of Allanach, Davighi, Melville (arXiv 1812.04602), who list
    /// the trivial solution as number 1.
    static let independentFreeCounts: [Int: [Int]] = [
        1: [7, 15, 25, 37],
        2: [21, 69, 172, 357],
        3: [81, 539, 1448, 4115],
    ]

    @Test("free mode counts equal an independent implementation (Q_max = 1, 2, 3; n = 0...3), by both counting paths")
    func freeModeCounts() throws {
        for (q, counts) in Self.independentFreeCounts {
            for n in 0...3 {
                let configuration = try AtlasConfiguration(maxCharge: q, quarkMode: .free, neutrinoCount: n)
                let enumerator = AtlasEnumerator(configuration: configuration)
                #expect(enumerator.countByMoebiusInversion(progress: nil) == counts[n], "Moebius Q=\(q) n=\(n)")
                #expect(enumerator.enumerate { _ in } == counts[n], "enumeration Q=\(q) n=\(n)")
            }
        }
    }
}
