import Testing
@testable import ZPrimeAtlas

/// The counts of seed 004 (Greljo et al., arXiv 2107.07518, "The U(1)_X atlas") at |X| <= 10
/// with three N_R and X_H = 0, reproduced exactly.
@Suite("Published atlas counts (Greljo et al., arXiv:2107.07518)")
struct PublishedCountTests {
    func count(_ mode: QuarkMode, trivial: Bool = false, filter: AtlasFilter = .none) throws -> Int {
        let configuration = try AtlasConfiguration(maxCharge: 10, quarkMode: mode, neutrinoCount: 3, includeTrivial: trivial)
        return AtlasEnumerator(configuration: configuration).count(filter: filter)
    }

    @Test("quark-flavour universal: 276 with the trivial solution, 275 without")
    func universal() throws {
        #expect(try count(.universal, trivial: true) == 276)
        #expect(try count(.universal) == 275)
    }

    @Test("muoquark (S_3): 273, of which 252 vector and 21 chiral")
    func muoquark() throws {
        #expect(try count(.universal, filter: AtlasFilter(muoquark: true)) == 273)
        #expect(try count(.universal, filter: AtlasFilter(muoquark: true, category: .vector)) == 252)
        #expect(try count(.universal, filter: AtlasFilter(muoquark: true, category: .chiral)) == 21)
    }

    @Test("third-family quarks (2+1) with the muoquark requirement: 171")
    func twoPlusOne() throws {
        #expect(try count(.twoPlusOne, filter: AtlasFilter(muoquark: true)) == 171)
    }
}
