import Foundation
import Testing
@testable import ZPrimeProbes
import ZPrimeCore
import ZPrimeModels
import ZPrimePoint

@Suite("Neutrino trident relative to the SM (CCFR)")
struct TridentTests {
    static let lmt = BuiltinModels.model(named: "Lmu-Ltau")!

    /// sigma(nu gamma -> nu mu mu) of the SM at leading log from References/trident_reference.py
    /// (mpmath, linear variables z and y = Q^2/s' instead of the Swift code's ln Q^2 rules).
    static let photonReferences: [(Double, Double)] = [(0.5, 1.48106683068338e-14), (5, 2.99235527838648e-13), (50, 4.53857885800229e-12)]

    @Test("SM nu gamma cross section against mpmath (1e-5)", arguments: photonReferences.indices)
    func photonCrossSection(_ i: Int) throws {
        let (s, reference) = Self.photonReferences[i]
        let trident = try NeutrinoTrident(point: try ParameterPoint(model: Self.lmt, mass: 1, coupling: 1e-3))
        let value = trident.photonCrossSection(s: s, shifts: (0, 0))
        // Fixed 32 x 32 Gauss-Legendre rules in z and ln Q^2: about 1e-7 for these smooth integrands.
        #expect(abs(value / reference - 1) < 1e-5, "s = \(s): \(value) vs \(reference)")
    }

    @Test("heavy Z': the effective-operator ratio [(1 + 4 s^2 + 2 v^2 g^2/m^2)^2 + 1]/[(1 + 4 s^2)^2 + 1]")
    func heavyLimit() throws {
        let s2 = PhysicalConstants.sin2ThetaWLowEnergy
        let v2 = 1 / (2.0.squareRoot() * PhysicalConstants.fermiConstant)
        for (m, g) in [(500.0, 1.0), (2000.0, 3.0)] {
            let point = try ParameterPoint(model: Self.lmt, mass: m, coupling: g, loopMixing: .off)
            let trident = try NeutrinoTrident(point: point)
            let a = 1 + 4 * s2, d = 2 * v2 * g * g / (m * m)
            let expected = ((a + d) * (a + d) + 1) / (a * a + 1)
            // By hand (test comment): C_V shifts by g_nu g_mu/(sqrt2 G_F m^2) = v^2 g^2/m^2 (times 2
            // in the normalisation 1 + 4 s^2); the typical Q^2 ~ GeV^2 corrects it by Q^2/m^2 <= 1e-5.
            #expect(abs(trident.contactRatio / expected - 1) < 1e-12)
            #expect(abs(try trident.ratioToStandardModel() / expected - 1) < 1e-4)
        }
    }

    @Test("CCFR excludes m/g below 543 GeV for a heavy L_mu - L_tau boson; 469 GeV for a doublet-only Z' (0.5 TeV)")
    func heavyEdge() throws {
        // References/trident_reference.py: the contact ratio equal to 0.82 + 1.96 x 0.28.
        let point = try ParameterPoint(model: Self.lmt, mass: 300, coupling: 0.5, loopMixing: .off)
        let intervals = try CCFRTridentConstraint().excludedCouplings(for: point, mass: 300)
        let lower = try #require(intervals.first?.lowerBound)
        // The bisection stops at 1e-7 in ln g; the Q^2/m^2 ~ 1e-5 propagator correction moves the edge by less.
        #expect(abs(300 / lower / 542.86913 - 1) < 1e-4, "m/g = \(300 / lower)")
    }

    @Test("a light Z' is suppressed against the contact extrapolation")
    func lightSuppression() throws {
        for m in [0.01, 0.1, 1.0] {
            let trident = try NeutrinoTrident(point: try ParameterPoint(model: Self.lmt, mass: m, coupling: 1e-3))
            let r = try trident.ratioToStandardModel()
            #expect(r > 1 && r < trident.contactRatio, "m = \(m): \(r) vs contact \(trident.contactRatio)")
        }
    }

    @Test("no coupling to nu_mu and mu: ratio 1, constraint not applicable")
    func notApplicable() throws {
        let point = try ParameterPoint(model: BuiltinModels.model(named: "Le-Ltau")!, mass: 0.1, coupling: 1e-3, loopMixing: .off)
        #expect(try NeutrinoTrident(point: point).ratioToStandardModel() == 1)
        #expect(try CCFRTridentConstraint().evaluate(point).verdict == .notApplicable)
    }
}
