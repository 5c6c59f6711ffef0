import Foundation
import Testing
import ZPrimeCore
import ZPrimeCouplings
@testable import ZPrimeObservables

@Suite("X17 nuclear transitions")
struct X17Tests {
    /// [1 - (m/E)^2]^(3/2) by hand (mpmath, 30 digits): 17.01 MeV on the 18.15 MeV line 0.042442473727335676;
    /// 17 MeV on 17.64 MeV 0.01901695783697652; 17 MeV on 21.01 MeV 0.20290147591195803. Tolerance 1e-13.
    @Test("phase-space factor of the three lines")
    func phaseSpace() {
        #expect(abs(X17.phaseSpace(bosonMass: 0.01701, transition: .beryllium18) / 0.042442473727335676 - 1) < 1e-13)
        #expect(abs(X17.phaseSpace(bosonMass: 0.017, transition: .beryllium17) / 0.01901695783697652 - 1) < 1e-13)
        #expect(abs(X17.phaseSpace(bosonMass: 0.017, transition: .helium21) / 0.20290147591195803 - 1) < 1e-13)
        // At and above the endpoint nothing is emitted; just below it the factor is (2 delta)^(3/2) with
        // delta = 1 - m/E, without cancellation.
        #expect(X17.phaseSpace(bosonMass: 0.01815, transition: .beryllium18) == 0)
        #expect(X17.phaseSpace(bosonMass: 0.02, transition: .beryllium18) == 0)
        let delta = 1e-9
        let nearEnd = X17.phaseSpace(bosonMass: 0.01815 * (1 - delta), transition: .beryllium18)
        #expect(abs(nearEnd / Foundation.pow(delta * (2 - delta), 1.5) - 1) < 1e-6)
    }

    /// The rate ratios for chosen couplings, by hand from the formulas of seeds 000/001.
    @Test("rate ratios: isoscalar, isovector, seed isospin mixing")
    func ratios() throws {
        let m = 0.017
        let phase18 = X17.phaseSpace(bosonMass: m, transition: .beryllium18)
        let protophobic = NucleonCouplings(proton: 0, neutron: 0.01)
        #expect(abs(try X17.rateRatio(.beryllium18, bosonMass: m, nucleons: protophobic) - 1e-4 * phase18) < 1e-18)
        // Seed mixing: |0.05 (0 + x) + 0.95 (0 - x)|^2 = 0.81 x^2.
        #expect(abs(try X17.rateRatio(.beryllium18, bosonMass: m, nucleons: protophobic, isospin: .isospinMixed) - 0.81e-4 * phase18) < 1e-18)
        // Photon-like normalisation: eps_p = 1, eps_n = 0 gives the phase space in both forms.
        let photon = NucleonCouplings(proton: 1, neutron: 0)
        #expect(abs(try X17.rateRatio(.beryllium18, bosonMass: m, nucleons: photon) - phase18) < 1e-15)
        #expect(abs(try X17.rateRatio(.beryllium18, bosonMass: m, nucleons: photon, isospin: .isospinMixed) - phase18) < 1e-15)
        // Isovector 17.64: equal couplings (B-L-like, eps_p = eps_n) give nothing.
        #expect(try X17.rateRatio(.beryllium17, bosonMass: m, nucleons: NucleonCouplings(proton: 3e-3, neutron: 3e-3)) == 0)
        #expect(abs(try X17.rateRatio(.beryllium17, bosonMass: m, nucleons: protophobic) - 1e-4 * 0.01901695783697652) < 1e-17)
        #expect(throws: ObservableError.self) { try X17.rateRatio(.beryllium17, bosonMass: m, nucleons: photon, isospin: .isospinMixed) }
        #expect(throws: ObservableError.self) { try X17.rateRatio(.helium21, bosonMass: m, nucleons: photon, isospin: .isospinMixed) }
        #expect(throws: ObservableError.self) { try X17.rateRatio(.beryllium18, bosonMass: -1, nucleons: photon) }
        #expect(throws: ObservableError.self) { try X17.rateRatio(.beryllium18, bosonMass: m, nucleons: NucleonCouplings(proton: .nan, neutron: 0)) }
    }

    /// The coupling the ATOMKI 8Be result needs: sqrt(6e-6 / 0.042442473727335676) = 0.01188982002909155
    /// at 17.01 MeV (PHYSICS.md: "about 0.012"); with BR(X -> ee) = 1/2 it grows by sqrt 2.
    @Test("required |eps_p + eps_n| and the coupling region")
    func required() throws {
        let needed = try X17.requiredIsoscalarCoupling(ratio: 6e-6, bosonMass: 0.01701)
        #expect(abs(needed / 0.01188982002909155 - 1) < 1e-13)
        let half = try X17.requiredIsoscalarCoupling(ratio: 6e-6, bosonMass: 0.01701, electronBranchingRatio: 0.5)
        #expect(abs(half / (needed * 2.0.squareRoot()) - 1) < 1e-14)
        #expect(throws: ObservableError.self) { try X17.requiredIsoscalarCoupling(ratio: 6e-6, bosonMass: 0.019) }
        #expect(throws: ObservableError.self) { try X17.requiredIsoscalarCoupling(ratio: 6e-6, bosonMass: 0.017, electronBranchingRatio: 0) }
        // Region at 1 sigma for couplings along (eps_p, eps_n) = (0, 1): s^2 phase = (6 -+ 1) e-6.
        let data = try MeasuredInputs.bundled().x17.beryllium18Ratio
        let region = try X17.couplingRegion(nucleons: NucleonCouplings(proton: 0, neutron: 1), bosonMass: 0.01701, measurement: data, sigmas: 1)
        guard case .band(let lower, let upper) = region.outcome else { Issue.record("no band"); return }
        #expect(abs(lower / (5e-6 / 0.042442473727335676).squareRoot() - 1) < 1e-12)
        #expect(abs(upper / (7e-6 / 0.042442473727335676).squareRoot() - 1) < 1e-12)
    }

    /// Nucleon couplings from quarks: eps_p = 2 eps_u + eps_d, eps_n = eps_u + 2 eps_d (PHYSICS.md 3), and
    /// explicit nucleon entries win.
    @Test("nucleon couplings from quark couplings")
    func nucleons() {
        let quarks = FermionCouplings([.up: ChiralCoupling(vector: 1.0 / 3, axial: 0), .down: ChiralCoupling(vector: -2.0 / 3, axial: 0)])
        let n = NucleonCouplings(quarks)
        #expect(abs(n.proton - 0) < 1e-16 && abs(n.neutron + 1) < 1e-15)
        #expect(abs(n.quarks.up - 1.0 / 3) < 1e-16 && abs(n.quarks.down + 2.0 / 3) < 1e-16)
        let explicit = FermionCouplings([.up: ChiralCoupling(vector: 1, axial: 0), .proton: ChiralCoupling(vector: 5, axial: 0)])
        #expect(NucleonCouplings(explicit) == NucleonCouplings(proton: 5, neutron: 0))
    }
}
