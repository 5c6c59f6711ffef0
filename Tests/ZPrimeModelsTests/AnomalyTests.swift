import Testing
import ZPrimeCore
@testable import ZPrimeModels

@Suite("Anomaly conditions")
struct AnomalyTests {
    @Test("every built-in model is anomaly free", arguments: BuiltinModels.all.map(\.name))
    func builtinModelsAreAnomalyFree(_ name: String) throws {
        let model = try #require(BuiltinModels.model(named: name))
        let report = try AnomalyReport(model: model)
        #expect(report.isU1XAnomalyFree, "\(name): \(report.failingConditions.map { "\($0.name) = \($0.value)" })")
        #expect(report.isStandardModelConsistent)
        for condition in report.conditions { #expect(condition.value == .zero) }
    }

    /// Which built-ins need their right-handed neutrinos: B-L and B-3L_i do, L_i - L_j do not.
    @Test("right-handed neutrinos are needed by B-L and B-3L_i, not by L_i - L_j")
    func whichModelsNeedRightHandedNeutrinos() throws {
        for name in ["B-L", "B-3Le", "B-3Lmu", "B-3Ltau", "b-l-vll"] {
            var model = try #require(BuiltinModels.model(named: name))
            model.charges[.N] = []
            let report = try AnomalyReport(model: model)
            #expect(!report.isU1XAnomalyFree, "\(name) without N_R should be anomalous")
            // Only the two conditions with N in them (X^3, grav^2 X) can fail.
            #expect(Set(report.failingConditions.map(\.key)) == ["X^3", "grav^2_X"])
        }
        for name in ["Lmu-Ltau", "Le-Lmu", "Le-Ltau"] {
            var model = try #require(BuiltinModels.model(named: name))
            model.charges[.N] = []
            #expect(try AnomalyReport(model: model).isU1XAnomalyFree, "\(name) is anomaly free without N_R")
        }
    }

    @Test("U(1)_B needs its anomalons; the seed model's vector-like leptons cancel by themselves")
    func anomalonsAndVectorLikeLeptons() throws {
        for name in ["B", "protophobic"] {
            var model = try #require(BuiltinModels.model(named: name))
            model.extraFermions = []
            let report = try AnomalyReport(model: model)
            // Quarks alone: SU(2)^2 B = 3 * 3 * (1/3) = 3 and Y^2 B = 3 * (1 - 8 - 2)/3 = -9 (seed normalisation).
            #expect(report.value(of: .su2su2X) == Rational(3))
            #expect(report.value(of: .yyX) == Rational(-9))
            #expect(report.value(of: .su3su3X) == .zero && report.value(of: .xxx) == .zero)
            #expect(!report.isU1XAnomalyFree)
        }
        var seed = try #require(BuiltinModels.model(named: "b-l-vll"))
        seed.extraFermions = []
        #expect(try AnomalyReport(model: seed).isU1XAnomalyFree)
    }

    @Test("hypercharge itself (X = Y) is anomaly free")
    func hyperchargeIsAnomalyFree() throws {
        func y(_ s: StandardModelSpecies) -> [Rational] { Array(repeating: s.gauge.hypercharge, count: 3) }
        for withN in [false, true] {
            var charges: [StandardModelSpecies: [Rational]] = [.Q: y(.Q), .U: y(.U), .D: y(.D), .L: y(.L), .E: y(.E)]
            if withN { charges[.N] = y(.N) }
            let model = Model(name: "Y", charges: charges, higgsCharge: Rational(1, 2))
            let report = try AnomalyReport(model: model)
            #expect(report.isAnomalyFree)
            // Y allows every SM Yukawa with X_H = Y_H = 1/2.
            let yukawa = try YukawaAnalysis(model: model)
            #expect(yukawa.block(.upQuark)?.structuralRank == 3)
            #expect(yukawa.block(.chargedLepton)?.structuralRank == 3)
        }
    }

    @Test("SM without N_R and X = B - L fails exactly X^3 and grav^2 X, each -3")
    func bMinusLWithoutNeutrinos() throws {
        var model = try #require(BuiltinModels.model(named: "B-L"))
        model.charges[.N] = []
        let report = try AnomalyReport(model: model)
        #expect(report.value(of: .xxx) == Rational(-3))
        #expect(report.value(of: .gravGravX) == Rational(-3))
        #expect(report.failingConditions.count == 2)
        #expect(report.value(of: .su3su3X) == .zero && report.value(of: .su2su2X) == .zero)
        #expect(report.value(of: .yyX) == .zero && report.value(of: .yXX) == .zero)
    }

    @Test("the group-theory engine equals seed 004's closed forms on 5000 random assignments")
    func groupTheoryMatchesClosedForms() throws {
        var rng = SplitMix64(seed: 2107_07518)
        for trial in 0..<5000 {
            let charges = IntegerCharges.random(&rng, neutrinos: trial % 4)
            let report = try AnomalyReport(model: charges.model)
            let engine = report.conditions.map(\.value)
            let expected = charges.seedFormulas.map { Rational($0) }
            #expect(engine == expected, "trial \(trial): \(charges)")
            if engine != expected { return }
        }
    }

    @Test("non-abelian normalisation: one quark doublet of charge 1 gives the stated factors")
    func normalisationFactors() throws {
        // A single Q of charge 1: group theory SU(3)^2 X = T(3) * 2 = 1, SU(2)^2 X = T(2) * 3 = 3/2,
        // Y^2 X = 6 * (1/6)^2 = 1/6. Seed normalisation: 2, 3, 1 (= 2 X_Q, 3 X_Q, X_Q).
        let model = Model(name: "q", charges: [.Q: [1, 0, 0]])
        let report = try AnomalyReport(model: model)
        #expect(report.value(of: .su3su3X) == Rational(2))
        #expect(report.value(of: .su2su2X) == Rational(3))
        #expect(report.value(of: .yyX) == Rational(1))
        #expect(AnomalyCondition.su3su3X.publishedNormalisation == Rational(2))
        #expect(AnomalyCondition.yyX.publishedNormalisation == Rational(6))
    }

    @Test("permuting families leaves every condition unchanged (random property test)")
    func familyPermutationInvariance() throws {
        var rng = SplitMix64(seed: 42)
        let permutations = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]
        for _ in 0..<500 {
            let charges = IntegerCharges.random(&rng)
            let base = try AnomalyReport(model: charges.model).conditions.map(\.value)
            // Permute whole families, and each species independently: both leave sums invariant.
            var permuted = charges
            func apply(_ v: [Int], _ p: [Int]) -> [Int] { p.map { v[$0] } }
            permuted.q = apply(charges.q, permutations.randomElement(using: &rng)!)
            permuted.u = apply(charges.u, permutations.randomElement(using: &rng)!)
            permuted.d = apply(charges.d, permutations.randomElement(using: &rng)!)
            permuted.l = apply(charges.l, permutations.randomElement(using: &rng)!)
            permuted.e = apply(charges.e, permutations.randomElement(using: &rng)!)
            permuted.n = apply(charges.n, permutations.randomElement(using: &rng)!)
            #expect(try AnomalyReport(model: permuted.model).conditions.map(\.value) == base)
        }
    }

    @Test("rescaling by k multiplies linear conditions by k, Y X^2 by k^2, X^3 by k^3")
    func rescaling() throws {
        var rng = SplitMix64(seed: 7)
        for k in [Rational(2), Rational(-3), Rational(1, 3), Rational(-5, 7)] {
            for _ in 0..<100 {
                let model = IntegerCharges.random(&rng).model
                let base = try AnomalyReport(model: model)
                let scaled = try AnomalyReport(model: model.rescaled(by: k))
                for condition in AnomalyCondition.allCases {
                    let factor = try k.power(condition.degree)
                    #expect(scaled.value(of: condition) == (try base.value(of: condition) * factor))
                }
            }
        }
    }

    @Test("a chiral extra fermion spoils the SM anomalies; a vector-like one does not")
    func chiralExtraFermions() throws {
        let triplet = GaugeRepresentation(colour: .triplet, isospin: .singlet, hypercharge: Rational(2, 3))
        var model = Model(name: "chiral", charges: [:])
        model.extraFermions = [ExtraFermion(name: "T", gauge: triplet, leftCharges: [0], rightCharges: nil)]
        let report = try AnomalyReport(model: model)
        #expect(report.isU1XAnomalyFree)
        #expect(!report.isStandardModelConsistent)
        let failing = Set(report.standardModelAnomalies.filter { !$0.passes }.map(\.name))
        #expect(failing.contains("SU(3)^3") && failing.contains("Y^3"))
        // One lone doublet: the Witten anomaly.
        model.extraFermions = [ExtraFermion(name: "D", gauge: GaugeRepresentation(colour: .singlet, isospin: .doublet, hypercharge: .zero), leftCharges: [0], rightCharges: nil)]
        let witten = try AnomalyReport(model: model).standardModelAnomalies.first { $0.name == "SU(2) Witten" }
        #expect(witten?.value == .one)
        // A vector-like fermion with equal charges cancels from everything.
        model.extraFermions = [.vectorLike("V", GaugeRepresentation(colour: .octet, isospin: .triplet, hypercharge: Rational(5, 6)), charge: Rational(7, 3), copies: 2)]
        #expect(try AnomalyReport(model: model).isAnomalyFree)
    }

    @Test("a chiral extra fermion's U(1)_X anomalies follow from group theory")
    func chiralExtraFermionCoefficients() throws {
        // A left-handed (3, 2, 1/6) of charge 1 equals one extra quark-doublet: same as Q = (1,0,0).
        let q = Model(name: "q", charges: [.Q: [1, 0, 0]])
        var extra = Model(name: "extra", charges: [:])
        extra.extraFermions = [ExtraFermion(name: "Qp", gauge: StandardModelSpecies.Q.gauge, leftCharges: [1], rightCharges: nil)]
        #expect(try AnomalyReport(model: q).conditions.map(\.value) == AnomalyReport(model: extra).conditions.map(\.value))
        // A right-handed (3, 1, 2/3) of charge 1 equals U = (1, 0, 0).
        let u = Model(name: "u", charges: [.U: [1, 0, 0]])
        extra.extraFermions = [ExtraFermion(name: "Up", gauge: StandardModelSpecies.U.gauge, leftCharges: nil, rightCharges: [1])]
        #expect(try AnomalyReport(model: u).conditions.map(\.value) == AnomalyReport(model: extra).conditions.map(\.value))
        // An octet adjoint: SU(3)^2 X = T(8) x = 3 in group theory, 6 in seed normalisation.
        extra.extraFermions = [ExtraFermion(name: "G", gauge: GaugeRepresentation(colour: .octet, isospin: .singlet, hypercharge: .zero), leftCharges: [1], rightCharges: nil)]
        let octet = try AnomalyReport(model: extra)
        #expect(octet.value(of: .su3su3X) == Rational(6))
        #expect(octet.value(of: .xxx) == Rational(8) && octet.value(of: .gravGravX) == Rational(8))
    }

    @Test("huge charges overflow with an error, not a wrong answer")
    func overflowIsAnError() {
        let big = Rational(3_000_000_000)
        let model = Model(name: "big", charges: [.Q: [big, 0, 0]])
        #expect(throws: RationalError.self) { try AnomalyReport(model: model) }
    }
}
