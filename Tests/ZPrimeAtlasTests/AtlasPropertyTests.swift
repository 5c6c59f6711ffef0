import Foundation
import Testing
import ZPrimeCore
import ZPrimeModels
@testable import ZPrimeAtlas

@Suite("Atlas properties: conditions, canonical form, sharding")
struct AtlasPropertyTests {
    static func solutions(_ c: AtlasConfiguration, shard: ShardSpecification = .whole, threads: Int = 2) -> [AtlasRecord] {
        var all: [AtlasRecord] = []
        AtlasEnumerator(configuration: c, shard: shard, threads: threads).enumerate { all += $0 }
        return all
    }

    @Test("every solution satisfies all six conditions exactly, is primitive and canonical, and no two are equivalent",
          arguments: [(QuarkMode.free, 3), (.universal, 10), (.twoPlusOne, 10)])
    func solutionsAreValid(_ mode: QuarkMode, _ q: Int) throws {
        let c = try AtlasConfiguration(maxCharge: q, quarkMode: mode)
        let records = Self.solutions(c)
        #expect(!records.isEmpty)
        var classes = Set<AtlasSolution>()
        for record in records {
            let s = record.solution
            #expect(s.anomalyCoefficients == [0, 0, 0, 0, 0, 0], "\(s)")
            #expect(s.maxAbsoluteCharge <= q)
            #expect(s.isCanonical(quarkMode: mode), "\(s)")
            if mode == .free { #expect(s.gcd == 1) }
            // The class of X: its canonical form and that of -X coincide.
            let negated = AtlasSolution.canonicalForm(q: s.charges(of: .Q).map { -$0 }, u: s.charges(of: .U).map { -$0 }, d: s.charges(of: .D).map { -$0 },
                                                      l: s.charges(of: .L).map { -$0 }, e: s.charges(of: .E).map { -$0 }, n: s.charges(of: .N).map { -$0 },
                                                      quarkMode: mode)
            #expect(negated == s)
            classes.insert(s)
        }
        #expect(classes.count == records.count, "two rows are equivalent")
    }

    @Test("the general group-theory anomaly engine agrees on every stored solution (free, Q_max = 2)")
    func groupTheoryEngineAgrees() throws {
        let c = try AtlasConfiguration(maxCharge: 2, quarkMode: .free, neutrinoCount: 2)
        for record in Self.solutions(c) {
            let model = record.solution.model(name: "x", summary: "")
            #expect(try AnomalyReport(model: model).isU1XAnomalyFree)
        }
    }

    @Test("the union of the shards is exactly the whole enumeration, without duplicates", arguments: [2, 3, 5, 8, 64])
    func sharding(_ n: Int) throws {
        for (mode, q) in [(QuarkMode.free, 3), (.universal, 10)] {
            let c = try AtlasConfiguration(maxCharge: q, quarkMode: mode)
            let whole = Self.solutions(c).map(\.solution)
            var union: [AtlasSolution] = []
            var counts: [Int] = []
            for i in 1...n {
                let part = Self.solutions(c, shard: try ShardSpecification(index: i, count: n)).map(\.solution)
                union += part
                counts.append(AtlasEnumerator(configuration: c, shard: try ShardSpecification(index: i, count: n)).count())
                #expect(counts.last == part.count)
            }
            #expect(union.count == whole.count)
            #expect(Set(union) == Set(whole))
            #expect(counts.reduce(0, +) == whole.count)
        }
    }

    @Test("enumeration order and content do not depend on the thread count")
    func deterministic() throws {
        let c = try AtlasConfiguration(maxCharge: 3, quarkMode: .free, neutrinoCount: 3)
        let one = Self.solutions(c, threads: 1).map(\.solution)
        let four = Self.solutions(c, threads: 4).map(\.solution)
        #expect(one == four)
    }

    @Test("classification agrees with the general Yukawa engine of ZPrimeModels")
    func classificationAgreesWithYukawaEngine() throws {
        for higgs in [0, 1] {
            let c = try AtlasConfiguration(maxCharge: 2, quarkMode: .free, neutrinoCount: 3, higgsCharge: higgs)
            for record in Self.solutions(c).prefix(3000) {
                let model = record.solution.model(name: "x", summary: "", higgsCharge: higgs)
                let yukawa = try YukawaAnalysis(model: model)
                let k = record.classification
                #expect(yukawa.block(.chargedLepton)?.structuralRank == k.chargedLeptonRank)
                #expect(yukawa.block(.diracNeutrino)?.structuralRank == k.neutrinoRank)
                #expect(yukawa.block(.upQuark)?.structuralRank == k.upQuarkRank)
                #expect(yukawa.block(.downQuark)?.structuralRank == k.downQuarkRank)
                #expect(yukawa.neutrinos.diracCompatible == k.diracCompatible, "\(record.solution)")
                let texture = yukawa.block(.chargedLepton)!.texture
                for i in 0..<3 { for j in 0..<3 { #expect(texture[i][j] == (k.chargedLeptonTexture & (1 << (3 * i + j)) != 0)) } }
            }
        }
    }

    @Test("muoquark S_3/S_1 compatibility agrees with the general Yukawa engine (universal, Q_max = 10)")
    func muoquarkAgreesWithYukawaEngine() throws {
        // Build the model with an S_3 (3bar, 3, 1/3) and an S_1 (3bar, 1, 1/3) of charge -(X_q + X_L2)
        // for each choice of L2 and ask the general engine which terms are allowed.
        let c = try AtlasConfiguration(maxCharge: 10, quarkMode: .universal)
        for record in Self.solutions(c) {
            let s = record.solution
            let q = s.charges(of: .Q)[0], l = s.charges(of: .L)
            var s3 = false, s1 = false
            for j in 0..<3 {
                let x = -(q + l[j])
                var model = s.model(name: "x", summary: "")
                model.scalars = [
                    Scalar(name: "S3", gauge: GaugeRepresentation(colour: .antitriplet, isospin: .triplet, hypercharge: Rational(1, 3)), charge: Rational(x)),
                    Scalar(name: "S1", gauge: GaugeRepresentation(colour: .antitriplet, isospin: .singlet, hypercharge: Rational(1, 3)), charge: Rational(x)),
                ]
                let blocks = try YukawaAnalysis(model: model).blocks.filter(\.hasAllowedEntry)
                func allowed(_ label: String) -> [[Bool]]? { blocks.first { $0.label == label }?.texture }
                // Lepton couplings of S3: only column j; quark pairs: none (seed: same-family pairs too).
                let ql = allowed("Q L S3") ?? []
                let onlyJ = ql.allSatisfy { row in row.enumerated().allSatisfy { $0.offset == j ? $0.element : !$0.element } }
                let diquark = allowed("Q Q S3*") != nil || 2 * q == x
                if onlyJ && !diquark {
                    s3 = true
                    let ue = allowed("U^c E^c S1*") ?? []
                    let coupledE = (0..<3).filter { col in ue.contains { $0[col] } }
                    let udDiquark = allowed("U^c D^c S1") != nil
                    if coupledE.count <= 1 && !udDiquark { s1 = true }
                }
            }
            #expect(record.classification.muoquarkS3 == s3, "\(s)")
            #expect(record.classification.muoquarkS1 == s1, "\(s)")
        }
    }

    @Test("named models are recognised")
    func namedModels() throws {
        let c = try AtlasConfiguration(maxCharge: 10, quarkMode: .universal)
        let named = Dictionary(grouping: Self.solutions(c).filter { $0.classification.namedModel != nil }, by: { $0.classification.namedModel! })
        let bMinusL = try #require(named["B-L"]?.first?.solution)
        #expect(bMinusL.charges(of: .L) == [-3, -3, -3] && bMinusL.charges(of: .N) == [-3, -3, -3] && bMinusL.charges(of: .Q) == [1, 1, 1])
        #expect(named["B-3L_i"]?.isEmpty == false)
        #expect(named["L_i-L_j"]?.isEmpty == false)
        #expect(named["N_R only"]?.contains { $0.solution.charges(of: .N) == [-1, 0, 1] } == true)
        // Hypercharge appears with X_H = 3: X = 6Y.
        let y = try AtlasConfiguration(maxCharge: 6, quarkMode: .universal, higgsCharge: 3)
        #expect(Self.solutions(y).contains { $0.classification.namedModel == "hypercharge" })
    }

    @Test("configuration and shard specifications reject bad values")
    func badConfigurations() {
        #expect(throws: AtlasError.self) { try AtlasConfiguration(maxCharge: -1, quarkMode: .free) }
        #expect(throws: AtlasError.self) { try AtlasConfiguration(maxCharge: 1000, quarkMode: .universal) }
        #expect(throws: AtlasError.self) { try AtlasConfiguration(maxCharge: 21, quarkMode: .free) }
        #expect(throws: AtlasError.self) { try AtlasConfiguration(maxCharge: 5, quarkMode: .free, neutrinoCount: 4) }
        for bad in ["3/2", "0/0", "a/b", "1/0", "-1/3", "1", "1/2/3", ""] {
            #expect(throws: AtlasError.self, "\(bad)") { try ShardSpecification(parsing: bad) }
        }
        #expect((try? ShardSpecification(parsing: "2/3"))?.index == 2)
    }

    @Test("Moebius function and self-conjugate counting")
    func helpers() {
        #expect((1...12).map(AtlasEnumerator.moebius) == [1, -1, -1, 0, -1, 1, -1, 0, 0, 1, -1, 0])
        // Q_max = 1, n = 0: tuples (q,u,d,l,e) in {0,1}^5 with q^2 - 2u^2 + d^2 - l^2 + e^2 = 0:
        // all zero; u=1 with two of (q, d, e) = 1 and l = 0 ... counted by hand: 1 + 3 + 3 + 1 = 8.
        var byHand = 0
        for q in 0...1 { for u in 0...1 { for d in 0...1 { for l in 0...1 { for e in 0...1 where q - 2 * u + d - l + e == 0 { byHand += 1 } } } } }
        #expect(AtlasEnumerator.selfConjugateCount(maxCharge: 1, neutrinos: 0) == byHand)
    }
}
