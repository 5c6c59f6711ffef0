import Foundation
import Testing
@testable import ZPrimeProbes
import ZPrimeCore
import ZPrimeModels
import ZPrimePoint

@Suite("NA64mu yields")
struct NA64muTests {
    static let lmt = BuiltinModels.model(named: "Lmu-Ltau")!

    @Test("the fixed x rule agrees with the adaptive integral (1e-5)")
    func fixedRule() throws {
        for m in [0.005, 0.05, 0.5] {
            let brems = try MuonBremsstrahlung(beamEnergy: 160, bosonMass: m, target: .lead)
            let window = 0.375...0.9375
            let fixed = NA64muCalculator.nodes(over: window).map { brems.differentialCrossSection(x: $0.x) * $0.weight }.reduce(0, +)
            #expect(abs(fixed / brems.crossSection(x: window) - 1) < 1e-5, "M = \(m)")
        }
    }

    @Test("yield per MOT = (rho N_A/A) L_T sigma eps_mu^2 (an independent path through the cross section)")
    func yieldNormalisation() throws {
        let point = try ParameterPoint(model: Self.lmt, mass: 0.05, coupling: 5e-4)
        let calculator = try NA64muCalculator(point: point)
        let y = try calculator.yield()
        let brems = try MuonBremsstrahlung(beamEnergy: 160, bosonMass: 0.05, target: .lead)
        // 11.35 g/cm^3 x N_A/207.2 x 22.448 cm, 1 GeV^-2 = 3.8938e-28 cm^2.
        let expected = 11.35 * 6.02214076e23 / 207.2 * 22.448 * brems.crossSection(x: 0.375...0.9375) * y.muonVectorSquared * 3.893793721e-28
        #expect(abs(y.yieldPerMOT / expected - 1) < 2e-5)
        // Below 2 m_mu the L_mu - L_tau boson goes to neutrinos (and e+e- by the loop, BR ~ 2e-5).
        #expect(abs(y.invisibleYieldPerMOT / y.yieldPerMOT - 1) < 1e-4)
        // eps_mu = g/e without the loop mixing (which adds -eps(q^2) ~ g/70 x 0.3 to eps^V_mu: 0.9 % in the square).
        let unmixed = try NA64muCalculator(point: try ParameterPoint(model: Self.lmt, mass: 0.05, coupling: 5e-4, loopMixing: .off)).yield()
        #expect(abs(unmixed.muonVectorSquared / pow(5e-4 / PhysicalConstants.elementaryCharge, 2) - 1) < 1e-6)
        #expect(abs(y.muonVectorSquared / unmixed.muonVectorSquared - 1) > 1e-3)
    }

    @Test("yield scales as g^2 for an invisible boson")
    func scaling() throws {
        let a = try NA64muCalculator(point: try ParameterPoint(model: Self.lmt, mass: 0.02, coupling: 1e-4)).yield()
        let b = try NA64muCalculator(point: try ParameterPoint(model: Self.lmt, mass: 0.02, coupling: 3e-4)).yield()
        #expect(abs(b.yieldPerMOT / a.yieldPerMOT / 9 - 1) < 1e-9)
    }

    @Test("visible decays: a long-lived boson escapes (BR_vis), a short-lived one does not")
    func visibleDecays() throws {
        let bl = BuiltinModels.model(named: "B-L")!
        let feeble = try NA64muCalculator(point: try ParameterPoint(model: bl, mass: 0.05, coupling: 1e-9)).yield()
        #expect(abs(feeble.visibleYieldPerMOT / ((1 - feeble.invisibleBranching) * feeble.yieldPerMOT) - 1) < 1e-3)
        let strong = try NA64muCalculator(point: try ParameterPoint(model: bl, mass: 0.05, coupling: 1e-3)).yield()
        #expect(strong.visibleYieldPerMOT < 1e-12 * strong.yieldPerMOT)
    }

    @Test("the expected exclusion edge scales as 1/sqrt(MOT)")
    func exclusionScaling() throws {
        let point = try ParameterPoint(model: Self.lmt, mass: 0.02, coupling: 5e-4)
        var setup = NA64muSetup.run2022
        let first = try #require(try NA64muCalculator(point: point, setup: setup).excludedCouplings(mass: 0.02).first)
        setup.muonsOnTarget *= 100
        let second = try #require(try NA64muCalculator(point: point, setup: setup).excludedCouplings(mass: 0.02).first)
        // Invisible yield ~ g^2: 100 x the exposure lowers the edge by 10 (bisection to 1e-7 in ln g).
        #expect(abs(first.lowerBound / second.lowerBound / 10 - 1) < 1e-5)
    }

    @Test("bad input: beam energy, target length, window, unknown target")
    func badInput() throws {
        let point = try ParameterPoint(model: Self.lmt, mass: 0.05, coupling: 5e-4)
        var setup = NA64muSetup.seedProposal
        setup.beamEnergy = 1e6
        #expect(throws: Problem.self) { try NA64muCalculator(point: point, setup: setup) }
        setup = .seedProposal
        setup.targetLengthCentimetres = 0
        #expect(throws: Problem.self) { try NA64muCalculator(point: point, setup: setup) }
        setup = .seedProposal
        setup.beamEnergy = 50
        #expect(throws: Problem.self) { try NA64muCalculator(point: point, setup: setup) }   // window up to 100 GeV
        #expect(throws: Problem.self) { try BeamTarget.named("unobtainium") }
        #expect(throws: Problem.self) { try ParameterPoint(model: Self.lmt, mass: 0.05, coupling: .infinity) }
    }
}
