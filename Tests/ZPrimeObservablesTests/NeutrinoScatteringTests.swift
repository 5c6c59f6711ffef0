import Foundation
import Testing
import ZPrimeCore
import ZPrimeCouplings
@testable import ZPrimeObservables

@Suite("Neutrino scattering: nu-e and CEvNS")
struct NeutrinoScatteringTests {
    static let gF = PhysicalConstants.fermiConstant
    static let me = PhysicalConstants.electronMass
    static let e = PhysicalConstants.elementaryCharge

    /// SM only (no coupling), by hand (mpmath): nu_mu, E = 1 GeV, T = 0.1 GeV: 5.0652055815715548e-15 GeV^-3;
    /// anti-nu_e (charged current included, g_L = 1/2 + s_W^2, swapped), E = 3 MeV, T = 1 MeV:
    /// 1.280566172683845e-14 GeV^-3. Tolerance 1e-12.
    @Test("nu-e: Standard Model cross sections, neutrino and antineutrino")
    func standardModel() throws {
        let none = FermionCouplings()
        let numu = try NeutrinoElectronScattering.differentialCrossSection(flavour: .muon, neutrinoEnergy: 1, recoilEnergy: 0.1, couplings: none, bosonMass: 1)
        #expect(abs(numu / 5.0652055815715548e-15 - 1) < 1e-12)
        let anti = try NeutrinoElectronScattering.differentialCrossSection(flavour: .electron, antineutrino: true, neutrinoEnergy: 0.003, recoilEnergy: 0.001, couplings: none, bosonMass: 1)
        #expect(abs(anti / 1.280566172683845e-14 - 1) < 1e-12)
    }

    /// A Z clone at m_Z doubles the neutral-current couplings at T -> 0 (derived by hand: the shift is
    /// g_nu g_eL/(2 sqrt2 G_F m_Z^2) = -1/2 + s_W^2); for nu_e the charged-current +1 is not doubled.
    @Test("nu-e: a Z clone doubles the neutral-current couplings")
    func zClone() throws {
        let s2 = PhysicalConstants.sin2ThetaWLowEnergy
        let mu = try NeutrinoElectronScattering.effectiveCouplings(flavour: .muon, antineutrino: false, recoilEnergy: 0, couplings: ZClone.couplings, bosonMass: PhysicalConstants.zMass)
        #expect(abs(mu.left / (2 * (-0.5 + s2)) - 1) < 1e-12 && abs(mu.right / (2 * s2) - 1) < 1e-12)
        let electron = try NeutrinoElectronScattering.effectiveCouplings(flavour: .electron, antineutrino: false, recoilEnergy: 0, couplings: ZClone.couplings, bosonMass: PhysicalConstants.zMass)
        #expect(abs(electron.left / (0.5 + s2 + (-0.5 + s2)) - 1) < 1e-12)
        let anti = try NeutrinoElectronScattering.effectiveCouplings(flavour: .muon, antineutrino: true, recoilEnergy: 0, couplings: ZClone.couplings, bosonMass: PhysicalConstants.zMass)
        #expect(anti.left == mu.right && anti.right == mu.left)
    }

    /// Seed 003's expanded cross section with a light vector coupling to nu_alpha (g_nu) and to the
    /// electron vector current (g_e), written out term by term as on the slide:
    /// (2 G_F^2 m_e/pi){[g_L^2 + g_R^2 (1-T/E)^2 - g_L g_R m_e T/E^2]
    ///   + X/(sqrt2 G_F D) [(g_L + g_R)(1 - m_e T/(2E^2)) - g_R (T/E)(2 - T/E)]
    ///   + X^2/(4 G_F^2 D^2) [1 - (T/E)(1 - (T - m_e)/(2E))]},  X = g_nu g_e, D = 2 T m_e + M^2.
    /// ZPrime shifts g_L, g_R instead; the two must agree (tolerance 1e-12).
    @Test("nu-e: shifted couplings reproduce seed 003's interference and quadratic terms")
    func seed003Expansion() throws {
        let s2 = PhysicalConstants.sin2ThetaWLowEnergy
        let (gNu, gE) = (2e-4, 3e-5)
        let couplings = FermionCouplings([.muonNeutrino: ChiralCoupling(vector: gNu / (2 * Self.e), axial: -gNu / (2 * Self.e)),
                                          .electron: ChiralCoupling(vector: gE / Self.e, axial: 0)])
        for (energy, recoil, mass) in [(0.01, 1e-5, 0.017), (0.0086, 0.002, 0.005), (1.0, 0.3, 0.1)] {
            let gL = -0.5 + s2, gR = s2
            let d = 2 * recoil * Self.me + mass * mass
            let x = gNu * gE
            let y = recoil / energy
            let sm = gL * gL + gR * gR * (1 - y) * (1 - y) - gL * gR * Self.me * recoil / (energy * energy)
            let interference = x / (2.0.squareRoot() * Self.gF * d) * ((gL + gR) * (1 - Self.me * recoil / (2 * energy * energy)) - gR * y * (2 - y))
            let quadratic = x * x / (4 * Self.gF * Self.gF * d * d) * (1 - y * (1 - (recoil - Self.me) / (2 * energy)))
            let seed = 2 * Self.gF * Self.gF * Self.me / Double.pi * (sm + interference + quadratic)
            let computed = try NeutrinoElectronScattering.differentialCrossSection(flavour: .muon, neutrinoEnergy: energy, recoilEnergy: recoil, couplings: couplings, bosonMass: mass)
            #expect(abs(computed / seed - 1) < 1e-12, "E = \(energy), T = \(recoil)")
        }
    }

    /// The integrated cross section against an explicit composite Simpson rule of the same
    /// differential cross section (20000 panels, error ~1e-9), SM and with a light boson.
    @Test("nu-e: integrated cross section")
    func integrated() throws {
        let couplings = FermionCouplings([.muonNeutrino: ChiralCoupling(vector: 1e-4, axial: -1e-4), .electron: ChiralCoupling(vector: 1e-4, axial: 0)])
        let energy = 0.01, mass = 0.003
        let tMax = NeutrinoElectronScattering.maximumRecoil(neutrinoEnergy: energy)
        #expect(abs(tMax - 2 * energy * energy / (Self.me + 2 * energy)) < 1e-18)
        let n = 20000
        var simpson = 0.0
        for i in 0...n {
            let t = tMax * Double(i) / Double(n)
            let w: Double = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2)
            simpson += w * (try NeutrinoElectronScattering.differentialCrossSection(flavour: .muon, neutrinoEnergy: energy, recoilEnergy: t, couplings: couplings, bosonMass: mass))
        }
        simpson *= tMax / Double(n) / 3
        let integral = try NeutrinoElectronScattering.crossSection(flavour: .muon, neutrinoEnergy: energy, couplings: couplings, bosonMass: mass)
        #expect(abs(integral / simpson - 1) < 1e-8)
        #expect(throws: ObservableError.self) {
            try NeutrinoElectronScattering.differentialCrossSection(flavour: .muon, neutrinoEnergy: energy, recoilEnergy: 2 * tMax, couplings: couplings, bosonMass: mass)
        }
        #expect(throws: ObservableError.self) {
            try NeutrinoElectronScattering.differentialCrossSection(flavour: .muon, neutrinoEnergy: energy, recoilEnergy: 1e-4, couplings: couplings, bosonMass: .nan)
        }
    }

    /// Helm form factor (Lewin & Smith parameters) against mpmath: A = 133 at q = 0.02, 0.05 GeV,
    /// A = 40 at 0.1 GeV; F(0) = 1. Tolerance 1e-12.
    @Test("CEvNS: Helm form factor")
    func helm() {
        typealias C = CoherentNeutrinoNucleusScattering
        #expect(abs(C.helmFormFactor(momentumTransfer: 0.02, massNumber: 133) / 0.96107553086049161 - 1) < 1e-12)
        #expect(abs(C.helmFormFactor(momentumTransfer: 0.05, massNumber: 133) / 0.77531527274348192 - 1) < 1e-12)
        #expect(abs(C.helmFormFactor(momentumTransfer: 0.1, massNumber: 40) / 0.59534042983726354 - 1) < 1e-12)
        #expect(abs(C.helmFormFactor(momentumTransfer: 1e-6, massNumber: 132) / 0.9999999999016551 - 1) < 1e-14)
        #expect(C.helmFormFactor(momentumTransfer: 0, massNumber: 133) == 1)
    }

    /// SM CEvNS on 133Cs with F = 1, by hand (mpmath): Q_W = 78 - (1 - 4 s_W^2) 55 = 75.4854,
    /// M = 132.905451961 u - 55 m_e = 123.77253991162526 GeV, E = 30 MeV, T = 10 keV:
    /// 2.3850393905507076e-6 GeV^-3. A Z clone doubles Q_W (derivation in NeutrinoScattering.swift).
    @Test("CEvNS: SM value, Z clone, and the seed 003 expansion")
    func coherent() throws {
        typealias C = CoherentNeutrinoNucleusScattering
        let cs = C.Nucleus.cesium133
        #expect(abs(cs.mass / 123.77253991162526 - 1) < 1e-14)
        #expect(abs(cs.standardModelWeakCharge - 75.4854) < 1e-12)
        let sm = try C.differentialCrossSection(flavour: .muon, neutrinoEnergy: 0.03, recoilEnergy: 1e-5, nucleus: cs, couplings: FermionCouplings(), bosonMass: 1, formFactor: false)
        #expect(abs(sm / 2.3850393905507076e-6 - 1) < 1e-12)
        let doubled = try C.effectiveWeakCharge(flavour: .muon, nucleus: cs, recoilEnergy: 0, couplings: ZClone.couplings, bosonMass: PhysicalConstants.zMass)
        #expect(abs(doubled / (2 * cs.standardModelWeakCharge) - 1) < 1e-12)
        // Seed 003: (G_F^2 M/pi)(1 - M T/(2E^2)) {Q^2/4 - X Z Q/(sqrt2 G_F D) + X^2 Z^2/(2 G_F^2 D^2)} with
        // X = g_nu g_p (a dark-photon-like proton coupling only), D = 2 M T + m^2.
        let (gNu, gP) = (3e-4, 2e-5)
        let couplings = FermionCouplings([.muonNeutrino: ChiralCoupling(vector: gNu / (2 * Self.e), axial: -gNu / (2 * Self.e)),
                                          .proton: ChiralCoupling(vector: gP / Self.e, axial: 0), .neutron: ChiralCoupling(vector: 0, axial: 0)])
        let (energy, recoil, mass) = (0.03, 5e-6, 0.01)
        let q = cs.standardModelWeakCharge, z = 55.0
        let d = 2 * cs.mass * recoil + mass * mass
        let x = gNu * gP
        let braces = q * q / 4 - x * z * q / (2.0.squareRoot() * Self.gF * d) + x * x * z * z / (2 * Self.gF * Self.gF * d * d)
        let seed = Self.gF * Self.gF * cs.mass / Double.pi * (1 - cs.mass * recoil / (2 * energy * energy)) * braces
        let computed = try C.differentialCrossSection(flavour: .muon, neutrinoEnergy: energy, recoilEnergy: recoil, nucleus: cs, couplings: couplings, bosonMass: mass, formFactor: false)
        #expect(abs(computed / seed - 1) < 1e-12)
        #expect(throws: ObservableError.self) {
            try C.differentialCrossSection(flavour: .muon, neutrinoEnergy: 0.03, recoilEnergy: 1, nucleus: cs, couplings: couplings, bosonMass: mass)
        }
    }
}
