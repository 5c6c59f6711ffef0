import Foundation
import Numerics
import Testing
import ZPrimeAtlas
import ZPrimeCore
import ZPrimeModels
import ZPrimePoint
@testable import ZPrimeFlavour

/// A third-family ("2+1") Z' with a muonic lepton charge: Q = U = D = (0, 0, 1), L = E = N = (0, -3, 0).
let thirdFamily = Model(name: "third-family", charges: [.Q: [0, 0, 1], .U: [0, 0, 1], .D: [0, 0, 1],
                                                        .L: [0, -3, 0], .E: [0, -3, 0], .N: [0, -3, 0]])

@Suite("CKM matrix and quark alignment")
struct AlignmentTests {
    @Test("the PDG 2024 CKM matrix is unitary and has the PDG magnitudes")
    func ckm() {
        let v = CKMMatrix.pdg2024
        #expect(v.matrix.unitarityDeviation < 1e-15)
        // PDG 2024 global-fit magnitudes: |V_us| = 0.22501, |V_cb| = 0.04183, |V_ts| = 0.04110, |V_tb| = 0.999118
        // (quoted to 2-3e-4 relative, the rounding of their inputs): 1e-3 relative.
        #expect(abs(v[0, 1].length / 0.22501 - 1) < 1e-3)
        #expect(abs(v[1, 2].length / 0.04183 - 1) < 1e-3)
        #expect(abs(v[2, 1].length / 0.04110 - 1) < 2e-3)
        #expect(abs(v[2, 2].length / 0.999118 - 1) < 1e-5)
    }

    @Test("up alignment: g_bs = g_X X_q3 V_ts^* V_tb; down alignment: no down-type flavour change, u-c couplings instead")
    func alignments() throws {
        let point = try ParameterPoint(model: thirdFamily, mass: 1000, coupling: 0.1)
        let up = try FlavourCouplings(point: point, alignment: .up)
        let ckm = CKMMatrix.pdg2024
        let expected = Complex(0.1, 0) * ckm[2, 1].conjugate * ckm[2, 2]
        // Exact up to rounding (no kinetic or mass mixing: the quark couplings are g_X X alone): 1e-14.
        #expect((up.absoluteLeft("s", "b") - expected).length < 1e-14 * expected.length)
        #expect(up.absoluteRight("s", "b") == .zero)
        // V_uL = V_CKM V_CKM^dagger = 1 to rounding: the u-c entry is rounding noise.
        #expect(up.absoluteLeft("u", "c").length < 1e-20)
        let down = try FlavourCouplings(point: point, alignment: .down)
        #expect(down.absoluteLeft("s", "b").length < 1e-18)
        // u-c: (V_CKM X V_CKM^dagger)_uc = V_ub V_cb^* X_3.
        let uc = Complex(0.1, 0) * ckm[0, 2] * ckm[1, 2].conjugate
        #expect((down.absoluteLeft("u", "c") - uc).length < 1e-14 * uc.length)
    }

    @Test("non-unitary or non-finite rotation matrices are refused, naming the matrix")
    func nonUnitary() {
        let bad = ComplexMatrix3(realRows: [[1, 0.1, 0], [0, 1, 0], [0, 0, 1]])
        #expect(throws: Problem.self) { try QuarkRotations(downLeft: bad) }
        do { _ = try QuarkRotations(downLeft: bad) } catch { #expect(error.parameter == .field("V_dL")) }
        let nan = ComplexMatrix3(realRows: [[.nan, 0, 0], [0, 1, 0], [0, 0, 1]])
        #expect(throws: Problem.self) { try QuarkRotations(downLeft: .identity, downRight: nan) }
        #expect(throws: Problem.self) { try QuarkAlignment(name: "sideways") }
    }
}

@Suite("Weak effective theory, B_s mixing, trident")
struct MatchingTests {
    @Test("C9 of the third-family Z' against a hand computation")
    func c9ByHand() throws {
        // Hand: C9 = -g_sb g_V^mu/(M^2 N) with g_sb = g X_q3 lambda_t, g_V^mu = g (X_L + X_E)/2 = -3 g, and
        // N = (4 G_F/sqrt2)(alpha/4 pi) lambda_t, so C9 = -g^2 X_q3 (-3)/(M^2 c) with
        // c = 4 x 1.1663788e-5/sqrt2 x (1/137.035999177)/(4 pi) = 1.915755e-8 GeV^-2:
        // C9 = 0.03/(1e6 x 1.915755e-8) = 1.565962; C10 = 0 (vector muon coupling).
        let point = try ParameterPoint(model: thirdFamily, mass: 1000, coupling: 0.1)
        let report = try FlavourReport(point: point)
        // 1e-6: the hand value's six digits.
        #expect(abs(report.bToSMuMu.c9.real / 1.565962 - 1) < 1e-6)
        #expect(abs(report.bToSMuMu.c9.imaginary) < 1e-12)
        #expect(report.bToSMuMu.c10.length < 1e-15)
        #expect(report.bToSEE.c9 == .zero)
        // A left-handed muon coupling only (E = 0): C9 = -C10, each half of the vector value with X_L = -3:
        // C9 = -g^2 X_q3 (X_L/2)/(M^2 c) = 0.015/0.01915755 = 0.782981.
        let chiral = Model(name: "chiral", charges: [.Q: [0, 0, 1], .U: [0, 0, 1], .D: [0, 0, 1], .L: [0, -3, 0], .E: [0, 0, 0]])
        let c = try FlavourReport(point: try ParameterPoint(model: chiral, mass: 1000, coupling: 0.1)).bToSMuMu
        #expect(abs(c.c9.real / 0.782981 - 1) < 1e-6)
        #expect(abs(c.c10.real + c.c9.real) < 1e-12)
    }

    @Test("the 244 TeV of Greljo et al.: (241 TeV)^-2 for a 10 % shift with PDG 2024 inputs and no running")
    func bsMixingScale() {
        // Hand (python, double precision): |lambda_t| = 0.0410632, x_t = (162.5/80.3692)^2 = 4.088156,
        // S_0 = 2.300565, C_SM = G_F^2 m_W^2/(4 pi^2) |lambda_t|^2 S_0 = 8.63452e-11 GeV^-2,
        // Lambda = 1/sqrt(2 x 0.1 x C_SM) = 240.639 TeV.
        #expect(abs(BsMixing.inamiLim(4.088156) / 2.300565 - 1) < 1e-6)
        let scale = BsMixing.scaleOfBound(allowedShift: 0.1, mass: nil) / 1000
        #expect(abs(scale / 240.639 - 1) < 1e-5)
        // The slide's 244 TeV to the ~10 % its inputs allow (it depends on |V_ts|, m_t and the running).
        #expect(abs(scale / 244 - 1) < 0.1)
        // Running from 1-5 TeV weakens it to the 226-235 TeV range (LO: [alpha_s(M)/alpha_s(m_t)]^(6/21)).
        let run1 = BsMixing.scaleOfBound(allowedShift: 0.1, mass: 1000) / 1000, run5 = BsMixing.scaleOfBound(allowedShift: 0.1, mass: 5000) / 1000
        #expect(run1 < scale && run5 < run1 && run5 > 220)
    }

    @Test("trident: L_mu - L_tau reproduces the closed form of Altmannshofer et al. and the CCFR edge M/g = 0.54 TeV")
    func trident() throws {
        let model = BuiltinModels.model(named: "Lmu-Ltau")!
        let g = 0.5, m = 200.0
        let report = try FlavourReport(point: try ParameterPoint(model: model, mass: m, coupling: g, loopMixing: .off))
        // [1 + (1 + 4 s^2 + 2 v^2 g^2/M^2)^2]/[1 + (1 + 4 s^2)^2], v = 246.2196 GeV, s^2 = 0.23857.
        let v = 246.2196, s2 = 0.23857, x = 2 * v * v * g * g / (m * m)
        let closed = (1 + (1 + 4 * s2 + x) * (1 + 4 * s2 + x)) / (1 + (1 + 4 * s2) * (1 + 4 * s2))
        // 1e-4: v from G_F to 6 digits and the tree-level Z admixture at M = 200 GeV (no kinetic mixing: none).
        #expect(abs(report.tridentRatio / closed - 1) < 1e-4)
        // Hand: R = 0.82 + 1.96 x 0.28 = 1.3688 at y = g^2 v^2/M^2 = 0.205710, i.e. M/g = 542.87 GeV.
        let evaluation = try FlavourConstraint.neutrinoTrident.evaluate(try ParameterPoint(model: model, mass: m, coupling: 0.1, loopMixing: .off))
        let edge = evaluation.excludedCouplings.first { $0.upperBound == .infinity }!.lowerBound
        #expect(abs(m / edge / 542.87 - 1) < 2e-3)
    }

    @Test("a model without a coupling the flavour observables need is refused, saying which")
    func missingCouplings() throws {
        let hidden = Model(name: "hidden", charges: [.N: [1, -1]])
        #expect(throws: Problem.self) { try FlavourReport(point: try ParameterPoint(model: hidden, mass: 100, coupling: 0.1)) }
        let bMinusL = BuiltinModels.model(named: "B-L")!
        do {
            _ = try FlavourConstraint.bsMixing.evaluate(try ParameterPoint(model: bMinusL, mass: 100, coupling: 0.1))
            Issue.record("B-L has no b-s coupling")
        } catch { #expect(error.message.contains("flavour-changing b-s coupling")) }
    }
}

@Suite("Muoquarks and the radiative muon Yukawa")
struct LoopTests {
    /// mpmath (30 digits) of the full one-loop integrals, muon mass kept in the denominators
    /// (References/flavour_references.py).
    static let leptoquarkReferences: [(ScalarLeptoquark, Double, Double, Double, Double)] = [
        (.s1, 500, 1, 1, 1.997636686540745e-6), (.s1, 1500, 0.1, 0.01, 5.6199124717097367e-10),
        (.s1, 1500, 1, 0, 1.3613600802029596e-11), (.s1, 4000, -0.3, 0.7, -2.771100929841247e-8),
        (.s1, 172.57, 0.5, 0.5, 9.6940051748763125e-7), (.s1, 20000, 1, 1, 8.9574766475161266e-9),
        (.r2, 500, 1, 1, -3.9397951296261157e-6), (.r2, 1500, 0.1, 0.01, -8.460198803523754e-10),
        (.r2, 1500, 1, 0, -4.4289989396812368e-11), (.r2, 4000, -0.3, 0.7, 3.6638255878299344e-8),
        (.r2, 172.57, 0.5, 0.5, -2.9085972464869996e-6), (.r2, 20000, 1, 1, -1.0687736604085385e-8),
    ]

    @Test("S1 and R2 Delta a_mu against the mpmath integral with the top quark inside", arguments: LoopTests.leptoquarkReferences.indices)
    func leptoquark(_ index: Int) throws {
        let (kind, mass, l, r, reference) = Self.leptoquarkReferences[index]
        let value = try LeptoquarkMoment.deltaAMuon(kind, mass: mass, lambdaL: l, lambdaR: r)
        // The closed form neglects m_mu inside the loop: relative corrections m_mu^2/min(m_t, M)^2 < 4e-7.
        #expect(abs(value / reference - 1) < 2e-6, "\(kind) M = \(mass): \(value) vs \(reference)")
    }

    @Test("the leading logarithms of Dorsner et al.: S1 (ln - 7/4), R2 -(ln - 1/4) for M >> m_t")
    func leadingLog() throws {
        let m = 50_000.0, mt = PhysicalConstants.topMass, mu = PhysicalConstants.muonMass
        let ln = Double.log(m * m / (mt * mt))
        let s1 = try LeptoquarkMoment.deltaAMuon(.s1, mass: m, lambdaL: 1, lambdaR: 1)
        let r2 = try LeptoquarkMoment.deltaAMuon(.r2, mass: m, lambdaL: 1, lambdaR: 1)
        let unit = mu * mt / (4 * Double.pi * Double.pi * m * m)
        // Subleading terms are O(m_t^2/M^2 ln) ~ 1e-4 and the unenhanced m_mu/m_t ~ 6e-4 part: 2e-3.
        #expect(abs(s1 / (unit * (ln - 1.75)) - 1) < 2e-3)
        #expect(abs(r2 / (-unit * (ln - 0.25)) - 1) < 2e-3)
        #expect(throws: Problem.self) { try LeptoquarkMoment.deltaAMuon(.s3, mass: 1000, lambdaL: 1, lambdaR: 1) }
    }

    static let radiativeReferences: [(Double, Double, Double)] = [
        (1000, 2000, 0.065861128530503268), (3000, 5000, 0.01370154245130597), (500, 8000, 0.06349567386446693), (200, 250, 0.61728220099971034),
    ]
    static let equalMassReferences: [(Double, Double)] = [
        (300, 0.46175838146514119), (1000, 0.10455907185993735), (1500, 0.058356099815275736), (5000, 0.0087848589495776653), (20000, 0.00082009853391101518),
    ]

    @Test("radiative y_mu: F(x1, x2) and its equal-mass limit 2 g'(x)/b'(x) against mpmath")
    func radiative() {
        for (m1, m2, reference) in Self.radiativeReferences {
            let f = RadiativeMuonYukawa(firstMass: m1, secondMass: m2).loopFunctionValue
            #expect(abs(f / reference - 1) < 1e-9, "\(m1), \(m2): \(f) vs \(reference)")
        }
        for (m, reference) in Self.equalMassReferences {
            // Equal masses go through the Richardson derivative: 1e-8. Nearly equal masses (1e-6 apart) too.
            let f = RadiativeMuonYukawa(firstMass: m, secondMass: m).loopFunctionValue
            #expect(abs(f / reference - 1) < 1e-8, "\(m): \(f) vs \(reference)")
            let near = RadiativeMuonYukawa(firstMass: m, secondMass: m * (1 + 1e-6)).loopFunctionValue
            #expect(abs(near / reference - 1) < 1e-6)
        }
        // Delta a_mu = (m_mu/m_t)^2 F is positive, and equal masses give no muon mass.
        let model = RadiativeMuonYukawa(firstMass: 3000, secondMass: 5000)
        #expect(model.deltaAMuon > 0)
        #expect(!RadiativeMuonYukawa(firstMass: 2000, secondMass: 2000).requiredCouplingProduct.isFinite)
    }

    @Test("the radiative model's example charges: the slide's N = (5, 3, 8) fails grav^2 X, N = (5, 3, -8) passes, and the muon Yukawa is forbidden")
    func radiativeCharges() throws {
        func model(_ n: [Rational]) -> Model {
            Model(name: "Lmutau-tilde", charges: [.Q: [0, 0, 0], .U: [0, 0, 0], .D: [0, 0, 0], .L: [0, 7, -7], .E: [-3, 8, -5], .N: n])
        }
        #expect(try !AnomalyReport(model: model([5, 3, 8])).isAnomalyFree)
        let fixed = model([5, 3, -8])
        #expect(try AnomalyReport(model: fixed).isAnomalyFree)
        let yukawa = try YukawaAnalysis(model: fixed).block(.chargedLepton)!
        #expect(yukawa.texture[1][1] == false)
        // The backup slide's second assignment is anomaly free as written.
        let backup = Model(name: "backup", charges: [.Q: [0, 0, 0], .U: [0, 0, 0], .D: [0, 0, 0], .L: [-1, 7, -6], .E: [1, 6, -7], .N: [-7, -2, 9]])
        #expect(try AnomalyReport(model: backup).isAnomalyFree)
    }

    @Test("S3: tree-level C9 = -C10 from y_b y_s^*/M^2 and the box")
    func s3() throws {
        // C_LL = y_b y_s/M^2 = 0.0025/4e6 = 6.25e-10; C9 = C_LL/(2 c lambda_t) with c = 1.915755e-8 and
        // lambda_t = -0.0410561 + 0.000764 i, Re(1/lambda_t) = -0.0410561/0.0410632^2 = -24.3484:
        // Re C9 = 6.25e-10 x (-24.3484)/(2 x 1.915755e-8) = -0.397175.
        let s3 = try S3Muoquark(bottomCoupling: 1, strangeCoupling: 0.0025, mass: 2000)
        #expect(abs(s3.semileptonic.c9.real / -0.397175 - 1) < 1e-5)
        #expect((s3.semileptonic.c9 + s3.semileptonic.c10).length < 1e-15)
        // Box: -5 (y_b y_s)^2/(128 pi^2 M^2) = -5 x 6.25e-6/(1263.309 x 4e6) = -6.1838e-15 GeV^-2.
        #expect(abs(s3.mixing.vectorLeftLeft.real / -6.1838e-15 - 1) < 1e-4)
    }
}

@Suite("cLFV, constraints, atlas, WCxf")
struct LeptonFlavourAndExportTests {
    @Test("mu -> e gamma: the muon dipole rotated on both chiralities gives the scaling of Greljo et al.")
    func muToEGamma() throws {
        // Hand: Br = 24 pi^3 alpha theta^2 Delta a^2/(G_F^2 m_mu^4) = 2.88253e-13 at Delta a = 3e-9, theta = 1e-5
        // (Greljo et al.: 3e-13).
        let lfv = try ChargedLeptonFlavourViolation(deltaAMuon: 3e-9, theta12: 1e-5, theta23: 1e-2)
        #expect(abs(lfv.muonToElectronGamma / 2.88253e-13 - 1) < 1e-5)
        // tau -> mu gamma of a muon-only dipole: m_tau^3 theta^2 e^2 Delta a^2/(32 pi m_mu^2) x tau_tau/hbar = 1.81971e-10.
        #expect(abs(lfv.tauToMuonGamma / 1.81971e-10 - 1) < 1e-5)
        // A dipole proportional to the lepton mass: (m_tau - m_mu)^2/m_mu^2 times the muon-only value.
        let scaled = try ChargedLeptonFlavourViolation(deltaAMuon: 3e-9, theta23: 1e-2, structure: .massScaled)
        let factor = (PhysicalConstants.tauMass - PhysicalConstants.muonMass) / PhysicalConstants.muonMass
        #expect(abs(scaled.tauToMuonGamma / (1.81971e-10 * factor * factor) - 1) < 1e-5)
        #expect(throws: Problem.self) { try ChargedLeptonFlavourViolation(deltaAMuon: 3e-9, theta12: .nan) }
    }

    @Test("constraint verdicts and excluded couplings scale as the couplings do")
    func constraints() throws {
        let point = try ParameterPoint(model: thirdFamily, mass: 1000, coupling: 0.1)
        let bs = try FlavourConstraint.bsMixing.evaluate(point)
        let edge = bs.excludedCouplings[0].lowerBound
        let atEdge = try FlavourConstraint.bsMixing.evaluate(try point.withModelCoupling(edge))
        // The shift is quadratic in g_X (no kinetic mixing): at the edge the ratio is 1 to rounding.
        #expect(abs(atEdge.signalToBound - 1) < 1e-9)
        for constraint in FlavourConstraint.all {
            #expect(!constraint.name.isEmpty && !constraint.citation.isEmpty && constraint.year > 1990)
        }
    }

    @Test("the atlas's 171 2+1 muoquark solutions: no single heavy Z' meets b -> s mu mu and Delta a_mu")
    func singleMediator() throws {
        let ranking = try AtlasFlavourRanking.rank(maxCharge: 10)
        #expect(ranking.count == 171)
        #expect(ranking.filter(\.bothMet).isEmpty)
        // With g/M fixed by b -> s mu mu, Delta a_mu of the heavy Z' is below 1e-11 for every solution
        // (|X_L/X_q3| <= 10/3, trident-limited), far from 2.5e-9.
        #expect(ranking.compactMap(\.deltaAMuon).allSatisfy { abs($0) < 1e-10 })
    }

    @Test("the WCxf document is valid JSON with the b -> s mu mu coefficients and the scale")
    func wcxf() throws {
        let report = try FlavourReport(point: try ParameterPoint(model: thirdFamily, mass: 1000, coupling: 0.1))
        let document = try report.wcxf()
        let object = try JSONSerialization.jsonObject(with: Data(document.json().utf8)) as! [String: Any]
        #expect(object["eft"] as? String == "WET" && object["basis"] as? String == "flavio" && object["scale"] as? Double == 1000)
        let values = object["values"] as! [String: Any]
        #expect(values["C9_bsmumu"] != nil && values["CVLL_bsbs"] != nil && values["C10_bsmumu"] == nil)
        #expect(throws: Problem.self) { try report.wcxf(basis: "warsaw") }
        let light = try FlavourReport(point: try ParameterPoint(model: thirdFamily, mass: 1, coupling: 0.001))
        #expect(throws: Problem.self) { try light.wcxf() }
        #expect(light.problems.contains { $0.kind == .methodCaveat })
    }
}
