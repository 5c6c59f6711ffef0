import Foundation
import Testing
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeModels
@testable import ZPrimeDecays

@Suite("Hadronic widths: VMD data and perturbative QCD")
struct HadronicTests {
    static let e = PhysicalConstants.elementaryCharge

    @Test("the bundled DarkCast grids load with their manifest parameters")
    func bundledData() throws {
        let data = try HadronicData.bundled()
        #expect(data.channels.map(\.key) == ["pi+_pi-", "pi+_pi-_pi0", "pi+_pi-_pi+_pi-", "pi+_pi-_pi0_pi0", "K_K", "K_K_pi", "pi0_gamma", "other"])
        // R_V Tr[T_V Q_gamma] = +1, +1, -1 for rho, omega, phi (manifest photon_traces; hand calculation).
        let q = (u: 2.0 / 3, d: -1.0 / 3, s: -1.0 / 3)
        for (meson, expected) in [(VectorMeson.rho, 1.0), (.omega, 1.0), (.phi, -1.0)] {
            let t = data.generators[meson]!, r = data.prefactors[meson]!
            #expect(abs(r * (t.u * q.u + t.d * q.d + t.s * q.s) - expected) < 1e-15)
        }
        #expect(data.axialPhase == -0.66)
        #expect(data.axialIsovector.start == 0.385 && abs(data.axialIsovector.end - 1.485) < 1e-12)
        let pions = data.channels[0].components[.rho]!
        #expect(pions.values.count == 3441 && pions.start == 0.28 && abs(pions.end - 2.0) < 1e-12)
        #expect(HadronicData.bundledFile("README.md").map { FileManager.default.fileExists(atPath: $0.path) } == true)
    }

    /// Gamma_had/(e^2 eps^2 m/(12 pi)) for photon-like couplings: the sum of the single-component
    /// grids minus twice the omega-phi grid, computed from the grid files by an independent Python
    /// reader (Benchmarks/decays/darkcast_method.py, which agrees with the manifest's check values
    /// 0.504878, 17.97661, 44.454301, 2.239772).
    static let rSums: [(Double, Double)] = [(0.5, 0.50487761533), (0.78, 17.97661046), (1.02, 44.4543015), (1.5, 2.23977175)]

    @Test("dark photon: Gamma(hadrons)/Gamma(mu mu, massless) reproduces R(s) of the input data", arguments: HadronicTests.rSums.indices)
    func darkPhotonR(_ index: Int) throws {
        let (m, r) = Self.rSums[index]
        let data = try HadronicData.bundled()
        #expect(data.darkPhotonRSum.contains { abs($0.mass - m) < 1e-12 && abs($0.value - r) < 1e-6 * r })
        // Exact photon-like couplings eps Q_f: 1e-10 (only the grid interpolation and rounding).
        let eps = 1e-3
        let couplings = Fixture.vectorCouplings { eps * $0.electricCharge }
        let decays = try Fixture.decays("dark-photon", kineticMixing: eps)
        let w = decays.widths(mass: m, couplings: couplings)
        let muonMassless = Self.e * Self.e * eps * eps * m / (12 * Double.pi)
        #expect(abs(w[.hadrons] / muonMassless - r) <= 1e-10 * r)
        // The full model (exact A-Z-Z' mixing): the Z admixture is O(m^2/m_Z^2) < 3e-4 here.
        let full = try decays.widths(mass: m)
        let ratio = full[.hadrons] / (Self.e * Self.e * eps * eps * m / (12 * Double.pi))
        #expect(abs(ratio - r) <= 1e-3 * r)
    }

    @Test("B-L has no rho-like (isovector) contribution: pi pi and 4 pi vanish; with kinetic mixing they equal the dark photon's")
    func noIsovectorForBMinusL() throws {
        let bl = try Fixture.decays("B-L")
        for m in [0.5, 0.7755, 0.78, 1.2, 1.6] {
            let w = try bl.widths(mass: m)
            #expect(w[.pionPair] == 0 && w[.fourChargedPions] == 0 && w[.twoChargedTwoNeutralPions] == 0)
            #expect(w[.hadrons] > 0)
        }
        // B-L + eps: the isovector quark coupling is eps (Q_u - Q_d)/2, as for a dark photon of the same eps.
        let eps = 1e-4
        let mixed = try Fixture.decays("B-L", coupling: 1e-3, kineticMixing: eps)
        let dark = try Fixture.decays("dark-photon", kineticMixing: eps)
        for m in [0.5, 0.7755, 1.2] {
            let a = try mixed.widths(mass: m)[.pionPair], b = try dark.widths(mass: m)[.pionPair]
            #expect(abs(a / b - 1) < 1e-6, "at \(m)")  // O(eps g/e) differences in the exact mixing
        }
    }

    @Test("alpha_s(mu) against an independent 4-loop integration (scipy DOP853, rtol 1e-13)")
    func strongCoupling() {
        let references: [(Double, Double)] = [(1.8, 0.3170187842202016), (2, 0.3010773194826322), (3, 0.2531656544632555), (5, 0.2131249214201763),
                                              (10, 0.17823091400656285), (91.188, 0.118), (300, 0.1008337450634904), (1000, 0.08852752247565483)]
        for (mu, alpha) in references {
            // 2e-6: linear interpolation on a 0.005 grid in ln mu (error h^2/8 |alpha''|) and RK4 steps of 1/800.
            #expect(abs(StrongCoupling.standard(mu) - alpha) <= 2e-6 * alpha, "mu = \(mu)")
        }
        #expect(StrongCoupling.activeFlavours(at: 2) == 4 && StrongCoupling.activeFlavours(at: 1) == 3 && StrongCoupling.activeFlavours(at: 200) == 6)
    }

    /// R above the transition for exact couplings: 3 sum_q x_q^2 K (u, d, s) + c and b Born terms times K
    /// from the open-flavour thresholds 2 m_D0, 2 m_B+ with beta of the D0 (1.86484 GeV) and B+
    /// (5.27934 GeV) masses, plus the singlet -1.240 a^3 (sum of the produced x_q)^2, plus the narrow
    /// J/psi, psi(2S), Upsilon(1S-3S) Breit-Wigner terms (x_q/Q_q)^2 9 M^2 Gamma_ee Gamma_had /
    /// (alpha^2 [(s - M^2)^2 + M^2 Gamma^2]) (PDG 2024 parameters); evaluated in mpmath (30 digits)
    /// with alpha_s integrated at four loops by scipy DOP853 (rtol 1e-13) from alpha_s(91.188) = 0.118.
    /// At 3 GeV the J/psi tail adds 2.1e-3 (dark photon); at 5 and 12 GeV the meson masses lower the
    /// c and b terms against the former pole-mass values 3.43947 and 3.79889.
    static let perturbative: [(Double, Double, Double)] = [
        (3, 2.17107315719749, 1.08434902697386), (5, 3.3554494662312, 1.37338809818961), (12, 3.74876567283495, 1.63900100434826),
    ]

    @Test("above 2 GeV: R = N_c sum Q^2 (1 + alpha_s/pi + ...) with open-flavour thresholds and quarkonia (dark photon and B-L)", arguments: HadronicTests.perturbative.indices)
    func perturbativeQCD(_ index: Int) throws {
        let (m, darkPhotonR, bMinusLR) = Self.perturbative[index]
        let decays = try Fixture.decays("dark-photon")
        let unit = Self.e * Self.e * m / (12 * Double.pi)
        let dp = decays.widths(mass: m, couplings: Fixture.vectorCouplings { $0.electricCharge })
        // 1e-5: the tabulated alpha_s (2e-6) enters through K.
        #expect(abs(dp[.hadrons] / unit - darkPhotonR) <= 1e-5 * darkPhotonR)
        let bl = decays.widths(mass: m, couplings: Fixture.vectorCouplings { $0.isQuark ? 1.0 / 3 : 0 })
        #expect(abs(bl[.hadrons] / unit - bMinusLR) <= 1e-5 * bMinusLR)
        #expect(dp.hadronicRegime == .perturbative)
    }

    @Test("the VMD-QCD hand-over between 1.8 and 2.0 GeV is continuous")
    func transition() throws {
        for name in ["dark-photon", "B-L", "B", "protophobic"] {
            let decays = try Fixture.decays(name)
            for edge in [DecayCalculator.transitionStart, DecayCalculator.transitionEnd] {
                let below = try decays.widths(mass: edge * (1 - 1e-9))[.hadrons]
                let above = try decays.widths(mass: edge * (1 + 1e-9))[.hadrons]
                #expect(abs(above - below) <= 1e-6 * below, "\(name) at \(edge)")
            }
            #expect(abs(DecayCalculator.perturbativeWeight(mass: 1.9) - 0.5) < 1e-12)
        }
    }

    @Test("axial couplings use the a_1 spectral functions (DarkCast 2206.08563): isovector only for u-d")
    func axial() throws {
        // Axial u and d of opposite sign: Gamma = m/(4 pi) (a_u - a_d)^2 a_1(m); the isoscalar part gives nothing.
        let data = try HadronicData.bundled()
        let decays = try Fixture.decays("B-L")
        let isovector = CouplingTable(mass: 0, squaredMomentum: 0, standardModel: [
            .up: ComplexChiralCoupling(ChiralCoupling(vector: 0, axial: 1e-3)), .down: ComplexChiralCoupling(ChiralCoupling(vector: 0, axial: -1e-3))])
        let m = 1.2
        let w = decays.widths(mass: m, couplings: isovector)
        let expected = m / (4 * Double.pi) * pow(2e-3 * Self.e, 2) * data.axialIsovector.value(at: m)
        #expect(abs(w[.axialHadrons] - expected) <= 1e-13 * expected)
        let isoscalar = CouplingTable(mass: 0, squaredMomentum: 0, standardModel: [
            .up: ComplexChiralCoupling(ChiralCoupling(vector: 0, axial: 1e-3)), .down: ComplexChiralCoupling(ChiralCoupling(vector: 0, axial: 1e-3))])
        #expect(decays.widths(mass: m, couplings: isoscalar)[.axialHadrons] == 0)
    }
}
