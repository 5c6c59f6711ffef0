import Numerics
import Testing
import ZPrimeCore
import ZPrimeModels
@testable import ZPrimeCouplings

/// Reference values: 40-digit mpmath quadrature of the defining integrals (scratch script, not in
/// the repository):
///   J(t) = mp.quad(lambda x: x*(1-x)*mp.log(mp.mpc(1 - x*(1-x)*t, -1e-60)), [0, 1/2, 1] + branch points)
///   eps_ij(q2) = e g/(2 pi^2) mp.quad(x(1-x)[log(m_i^2 - x(1-x) q2 - i0) - log(m_j^2 - x(1-x) q2 - i0)])
/// with e = sqrt(4 pi/137.035999177) and the PDG 2024 lepton masses of ZPrimeCore.
@Suite("Loop-induced kinetic mixing")
struct LoopKineticMixingTests {
    static let jReferences: [(Double, Double, Double)] = [
        (-1e6, 2.0248083152019524, 0), (-30, 0.3182136713397362, 0), (-2, 0.055555555555555556, 0),
        (-0.4, 0.012793616616829183, 0), (-1e-3, 3.3329762433772263e-5, 0), (1e-5, -3.3333369047671958e-7, 0),
        (0.3, -0.010336487777154051, 0), (0.49, -0.017258800679785074, 0), (0.51, -0.018005853647098328, 0),
        (1, -0.037544762327335519, 0), (3.99, -0.40676335310607554, 0), (4, -0.44444444444444444, 0),
        (4.01, -0.44278193336301608, -0.039188310044786587), (9, -0.059598867246663924, -0.47699359284844438),
        (1e3, 0.8725073526244942, -0.52359562980740509), (1e8, 2.7923356695476146, -0.52359877559829856),
    ]

    @Test("J(t) closed form and series agree with direct quadrature to 1e-13 on both sides of t = 4", arguments: LoopKineticMixingTests.jReferences.indices)
    func reducedIntegral(_ index: Int) {
        let (t, re, im) = Self.jReferences[index]
        let j = VacuumPolarization.reducedIntegral(t)
        // 1e-13 relative (or 1e-16 absolute for the tiny values near t = 0): double rounding of a
        // handful of operations; the small-|t| branch uses the series, which avoids the 1/t cancellation.
        #expect(abs(j.real - re) <= 1e-13 * abs(re) + 1e-17, "t = \(t): \(j.real) vs \(re)")
        #expect(abs(j.imaginary - im) <= 1e-13 * abs(im) + 1e-17, "t = \(t): \(j.imaginary) vs \(im)")
    }

    @Test("J is continuous across the series/closed-form switch at |t| = 1/2")
    func seriesSwitch() {
        for t in [0.5, -0.5] {
            // The two branches on either side of the switch differ by the slope (|J'| < 0.04) times 2e-12.
            let below = VacuumPolarization.reducedIntegral(t * (1 - 1e-12))
            let above = VacuumPolarization.reducedIntegral(t * (1 + 1e-12))
            #expect(abs(below.real - above.real) < 1e-13)
        }
    }

    static let me = PhysicalConstants.electronMass, mmu = PhysicalConstants.muonMass, mtau = PhysicalConstants.tauMass

    /// (plus lepton, minus lepton, q^2, Re eps, Im eps) for g = 1, from mpmath.
    static let epsReferences: [(Double, Double, Double, Double, Double)] = [
        (mmu, mtau, 0, -0.014433112566032787, 0),
        (mmu, mtau, -1, -0.0071961242084690202, 0),
        (mmu, mtau, 1e-8, -0.014433113022479998, 0),
        (mmu, mtau, 0.01, -0.014940425390910671, 0),
        (mmu, mtau, 0.09, -0.015931057473364041, -0.0071161348440915511),
        (mmu, mtau, 1, -0.007214441434378416, -0.0080265079842892132),
        (mmu, mtau, 12.63, 0.0060877172892806045, -0.008002415258598822),
        (mmu, mtau, 13, 0.0058708330230142198, -0.0060189272991846746),
        (mmu, mtau, 100, 0.00054509762303611173, -5.022883315667395e-5),
        (me, mmu, 0, -0.027264281621534116, 0),
        (me, mmu, -1, -0.00016181602065494863, 0),
        (me, mmu, 0.01, -0.0040343609071983691, -0.0080326062001301217),
        (me, mmu, 0.09, 0.0025876191540351682, -0.00091647138849554385),
        (me, mmu, 100, 1.7144342340604725e-6, -6.0074214422026921e-10),
        (me, mtau, 0, -0.041697394187566903, 0),
        (me, mtau, 1, -0.0070335197041474562, -0.0080326062329895083),
        (me, mtau, 13, 0.0058840924689823507, -0.0060189628815391575),
    ]

    @Test("eps_ij(q^2) of L_mu-L_tau, L_e-L_mu, L_e-L_tau against quadrature (1e-11)", arguments: LoopKineticMixingTests.epsReferences.indices)
    func mixingAgainstQuadrature(_ index: Int) {
        let (mi, mj, q2, re, im) = Self.epsReferences[index]
        let loop = LoopKineticMixing.leptonDifference(plusMass: mi, minusMass: mj, gaugeCoupling: 1)
        let eps = loop.mixing(atSquaredMomentum: q2)
        // 1e-11 relative to the size of eps(0): the ln m^2 terms are O(10) and cancel to O(1e-2).
        let scale = 1e-11 * 0.05
        #expect(abs(eps.real - re) <= scale + 1e-11 * abs(re), "q2 = \(q2): \(eps.real) vs \(re)")
        #expect(abs(eps.imaginary - im) <= scale + 1e-11 * abs(im), "q2 = \(q2): \(eps.imaginary) vs \(im)")
    }

    @Test("q^2 = 0 gives e g ln(m_i/m_j)/(6 pi^2), about -g/70 for (mu, tau); real below 4 m_i^2, complex above")
    func zeroMomentumLimit() {
        let e = PhysicalConstants.elementaryCharge
        for (mi, mj) in [(Self.mmu, Self.mtau), (Self.me, Self.mmu), (Self.me, Self.mtau)] {
            for g in [1e-9, 3.7e-4, 1.0] {
                let loop = LoopKineticMixing.leptonDifference(plusMass: mi, minusMass: mj, gaugeCoupling: g)
                let exact = e * g * Double.log(mi / mj) / (6 * Double.pi * Double.pi)
                let eps = loop.mixing(atSquaredMomentum: 0)
                #expect(abs(eps.real - exact) <= 1e-14 * abs(exact))
                #expect(eps.imaginary == 0)
                // Just below and above the lighter threshold.
                #expect(loop.mixing(atSquaredMomentum: 4 * mi * mi * (1 - 1e-9)).imaginary == 0)
                #expect(loop.mixing(atSquaredMomentum: 4 * mi * mi * (1 + 1e-6)).imaginary != 0)
            }
        }
        let muTau = LoopKineticMixing.leptonDifference(plusMass: Self.mmu, minusMass: Self.mtau, gaugeCoupling: 1).mixing(atSquaredMomentum: 0).real
        #expect(abs(muTau * 70 + 1) < 0.02)  // the seed's "about -g/70" (1/69.3)
    }

    @Test("L_e-L_mu and L_e-L_tau use their own leptons: eps(0) is 1.89 and 2.89 times the (mu, tau) loop DarkCast uses")
    func ownLeptons() {
        let muTau = LoopKineticMixing.leptonDifference(plusMass: Self.mmu, minusMass: Self.mtau, gaugeCoupling: 1).mixing(atSquaredMomentum: 0).real
        let eMu = LoopKineticMixing.leptonDifference(plusMass: Self.me, minusMass: Self.mmu, gaugeCoupling: 1).mixing(atSquaredMomentum: 0).real
        let eTau = LoopKineticMixing.leptonDifference(plusMass: Self.me, minusMass: Self.mtau, gaugeCoupling: 1).mixing(atSquaredMomentum: 0).real
        // ln(m_mu/m_e)/ln(m_tau/m_mu) = 1.889, ln(m_tau/m_e)/ln(m_tau/m_mu) = 2.889 (hand calculation).
        #expect(abs(eMu / muTau - Double.log(Self.mmu / Self.me) / Double.log(Self.mtau / Self.mmu)) < 1e-13)
        #expect(abs(eMu / muTau - 1.889) < 1e-3)
        #expect(abs(eTau / muTau - 2.889) < 1e-3)
    }

    @Test("divergent charge assignments are rejected")
    func divergentRejected() {
        #expect(LoopKineticMixing(fermions: [LoopFermion(mass: 0.1, electricCharge: -1, vectorCharge: 1)], gaugeCoupling: 1) == nil)
        #expect(LoopKineticMixing(fermions: [], gaugeCoupling: 1) == nil)
    }

    @Test("the calculator applies Delta eps^V_f = -eps_ij Q_f: electron opposite to the muon's direct coupling")
    func couplingShift() throws {
        let model = try #require(BuiltinModels.model(named: "Lmu-Ltau"))
        let g = 1e-3
        let calculator = try CouplingCalculator(model: model, gaugeCoupling: g)
        #expect(calculator.loopMixing != nil)
        let eps0 = e * g * Double.log(Self.mmu / Self.mtau) / (6 * Double.pi * Double.pi)
        let c = calculator.couplings(atSquaredMomentum: 0)
        #expect(abs(c[.electron].vector - eps0) <= 1e-12 * abs(eps0))      // -eps Q_e = eps < 0
        #expect(c[.electron].vector < 0 && c[.muon].vector > 0)
        #expect(abs(c[.up].vector - (-eps0 * 2.0 / 3.0)) <= 1e-12 * abs(eps0))
        #expect(abs(c[.proton].vector - (-eps0)) <= 1e-12 * abs(eps0))
        #expect(abs(c[.neutron].vector) <= 1e-18)
        #expect(abs(c[.muon].vector - (g / e + eps0)) <= 1e-12 * g / e)
        // Complex on shell above the muon threshold.
        let onShell = try calculator.table(mass: 0.3)
        #expect(onShell[.electron].imaginary.vector != 0)
        #expect(onShell[.muonNeutrino].imaginary.vector == 0)
    }

    @Test("loop mixing: off with an explicit eps or --loop-mixing off, an error when forced on for B-L")
    func switching() throws {
        let lmt = try #require(BuiltinModels.model(named: "Lmu-Ltau"))
        #expect(try CouplingCalculator(model: lmt, gaugeCoupling: 1e-3, kineticMixing: 0).loopMixing == nil)
        #expect(try CouplingCalculator(model: lmt, gaugeCoupling: 1e-3, options: CouplingOptions(loopMixing: .off)).loopMixing == nil)
        #expect(try CouplingCalculator(model: lmt, gaugeCoupling: 1e-3, kineticMixing: 1e-5, options: CouplingOptions(loopMixing: .on)).loopMixing != nil)
        let bl = try #require(BuiltinModels.model(named: "B-L"))
        #expect(try CouplingCalculator(model: bl, gaugeCoupling: 1e-3).loopMixing == nil)
        #expect(throws: CouplingError.self) { try CouplingCalculator(model: bl, gaugeCoupling: 1e-3, options: CouplingOptions(loopMixing: .on)) }
        for name in ["Le-Lmu", "Le-Ltau"] {
            #expect(try CouplingCalculator(model: #require(BuiltinModels.model(named: name)), gaugeCoupling: 1e-3).loopMixing != nil)
        }
    }

    var e: Double { PhysicalConstants.elementaryCharge }
}
