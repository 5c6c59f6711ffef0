import Foundation
import Testing
import ZPrimeCore
import ZPrimeCouplings
@testable import ZPrimeObservables

/// Z couplings written in the seeds' convention e Z_mu fbar gamma^mu (eps^V + gamma^5 eps^A) f:
/// e eps^V = (g/c_W)(T_3 - 2 Q s_W^2)/2, e eps^A = -(g/c_W) T_3/2, with (g/c_W)^2 = 4 sqrt2 G_F m_Z^2.
/// A second boson with exactly these couplings at m = m_Z must reproduce the SM's own tree-level
/// neutral-current effects: that fixes the normalisation and sign of every formula by hand.
enum ZClone {
    static var gz: Double { (4 * 2.0.squareRoot() * PhysicalConstants.fermiConstant).squareRoot() * PhysicalConstants.zMass }
    static func coupling(isospin t3: Double, charge q: Double) -> ChiralCoupling {
        let s2 = PhysicalConstants.sin2ThetaWLowEnergy
        let e = PhysicalConstants.elementaryCharge
        return ChiralCoupling(vector: gz * (t3 - 2 * q * s2) / 2 / e, axial: -gz * t3 / 2 / e)
    }
    static var couplings: FermionCouplings {
        let up = coupling(isospin: 0.5, charge: 2.0 / 3), down = coupling(isospin: -0.5, charge: -1.0 / 3)
        return FermionCouplings([
            .electron: coupling(isospin: -0.5, charge: -1), .muon: coupling(isospin: -0.5, charge: -1),
            .electronNeutrino: coupling(isospin: 0.5, charge: 0), .muonNeutrino: coupling(isospin: 0.5, charge: 0),
            .tauNeutrino: coupling(isospin: 0.5, charge: 0),
            .up: up, .down: down,
        ])
    }
}

@Suite("Parity violation: APV and E158")
struct ParityViolationTests {
    /// K(m) of ZPrime's model (uniform-sphere nucleus, r^(2 gamma - 2) electron density outside),
    /// against direct 30-digit mpmath quadrature of m^2 Int d^3r rho_PV(r) phi_m(r) with the same model
    /// (not the closed form). Tolerance 1e-12.
    @Test("finite-range factor K(m) for cesium")
    func finiteRange() throws {
        let cases: [(Double, Double)] = [
            (0.001, 0.52538598349947471), (0.005, 0.68696166781253796), (0.017, 0.83094954329473547),
            (0.05, 0.94053650426409478), (0.1, 0.97898893911029844), (1.0, 0.99974648035465799), (10.0, 0.99999744812682173),
        ]
        for (mass, value) in cases {
            #expect(abs(try AtomicParityViolation.finiteRangeFactor(bosonMass: mass) / value - 1) < 1e-12, "m = \(mass)")
        }
        // Heavy limit K -> 1 - 3 (1 - gamma)/x^2 (derived from the large-x expansion): 1e4 GeV.
        let atom = AtomicParityViolation.Atom.cesium133
        let x = 1e4 * atom.sphereRadiusFm / (PhysicalConstants.hbarCGeVMetres * 1e15)
        #expect(abs(try AtomicParityViolation.finiteRangeFactor(bosonMass: 1e4) - (1 - 3 * (1 - atom.diracGamma) / (x * x))) < 1e-12)
        // Light limit K -> Gamma(2 gamma) x^(2 - 2 gamma) (leading term; next order relative ~ x).
        let xl = 1e-7 * atom.sphereRadiusFm / (PhysicalConstants.hbarCGeVMetres * 1e15)
        let light = Foundation.tgamma(2 * atom.diracGamma) * Foundation.pow(xl, 2 - 2 * atom.diracGamma)
        #expect(abs(try AtomicParityViolation.finiteRangeFactor(bosonMass: 1e-7) / light - 1) < 10 * xl)
        #expect(AtomicParityViolation.finiteRangeFactorIsReliable(bosonMass: 0.017))
        #expect(!AtomicParityViolation.finiteRangeFactorIsReliable(bosonMass: 1e-4))
        #expect(throws: ObservableError.self) { try AtomicParityViolation.finiteRangeFactor(bosonMass: 0) }
    }

    /// A Z clone at m_Z in the contact limit gives the SM weak charge Z (1 - 4 s_W^2) - N = -75.49 for Cs
    /// (derived by hand in ParityViolation.swift's documentation). Tolerance 1e-12.
    @Test("APV: a Z clone reproduces the SM weak charge")
    func zCloneWeakCharge() throws {
        let shift = try AtomicParityViolation.weakChargeShift(electronAxial: ZClone.couplings[.electron].axial,
                                                              nucleons: NucleonCouplings(ZClone.couplings), bosonMass: PhysicalConstants.zMass,
                                                              finiteRange: false)
        let sm = 55 * (1 - 4 * PhysicalConstants.sin2ThetaWLowEnergy) - 78
        #expect(abs(shift / sm - 1) < 1e-12)
    }

    /// Delta Q_W for eps^A_e = 1e-8, eps_p = 0, eps_n = 0.012 (the 8Be-like protophobic couplings) at
    /// 17 MeV: (2 sqrt2/G_F) e^2 1e-8 x 78 x 0.012 K(17 MeV)/m^2 = 0.59845738268032985 (mpmath). So
    /// |eps^A_e| ~ 1.2e-8 saturates |Delta Q_W| < 0.71, as PHYSICS.md says (the seeds' 2.6e-9 is OPEN
    /// and not tested). Tolerance 1e-12.
    @Test("APV at a protophobic X17 point")
    func protophobicPoint() throws {
        let shift = try AtomicParityViolation.weakChargeShift(electronAxial: 1e-8, nucleons: NucleonCouplings(proton: 0, neutron: 0.012), bosonMass: 0.017)
        #expect(abs(shift / 0.59845738268032985 - 1) < 1e-12)
        #expect(throws: ObservableError.self) { try AtomicParityViolation.weakChargeShift(electronAxial: .nan, nucleons: NucleonCouplings(proton: 0, neutron: 0), bosonMass: 0.017) }
        #expect(throws: ObservableError.self) { try AtomicParityViolation.weakChargeShift(electronAxial: 1, nucleons: NucleonCouplings(proton: 0, neutron: 0), bosonMass: -0.017) }
    }

    /// E158: the Z clone with Q^2 = 0 gives Q_W^e = -(1 - 4 s_W^2); a point by hand (mpmath):
    /// eps^V = 1e-3, eps^A = 1e-4, 17 MeV, Q^2 = 0.026: 0.084587561066704956. Tolerance 1e-12.
    @Test("E158: Z clone and a light-boson point")
    func moller() throws {
        let clone = try MollerScattering.electronWeakChargeShift(couplings: ZClone.couplings, bosonMass: PhysicalConstants.zMass, momentumTransferSquared: 0)
        #expect(abs(clone / -(1 - 4 * PhysicalConstants.sin2ThetaWLowEnergy) - 1) < 1e-12)
        let point = try MollerScattering.electronWeakChargeShift(electronVector: 1e-3, electronAxial: 1e-4, bosonMass: 0.017)
        #expect(abs(point / 0.084587561066704956 - 1) < 1e-12)
        #expect(throws: ObservableError.self) { try MollerScattering.electronWeakChargeShift(electronVector: 1, electronAxial: 1, bosonMass: 0.017, momentumTransferSquared: -1) }
    }
}
