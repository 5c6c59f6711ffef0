import Foundation
import Testing
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeModels
@testable import ZPrimeDecays

@Suite("Partial widths, totals, lifetimes")
struct DecayWidthTests {
    /// Gamma(Z' -> mu mu) for |g_V| = 1e-3 (vector), |g_A| = 1e-3 (axial), |g_V| = |g_A| = 5e-4, from mpmath
    /// (40 digits): N_c m/(12 pi) beta [g_V^2 (1 + 2 mu^2) + g_A^2 beta^2], evaluated at the exact binary
    /// values of the Double inputs m and m_mu = 105.6583755 MeV (mp.mpf(0.2113167511) etc.), so that
    /// 1e-10 above threshold the comparison tests the arithmetic, not the decimal-to-binary rounding.
    static let muonReferences: [(Double, Double, Double, Double)] = [
        (0.2113167511, 2.5866765053027328e-13, 1.6321007562120137e-22, 6.4666912673370839e-14),
        (0.2113175, 2.2386302501644452e-11, 1.0579562650935395e-16, 5.5966020743177402e-12),
        (0.212, 6.7522693111865642e-10, 2.9031123803032816e-12, 1.6953251087473993e-10),
        (0.25, 4.80934602546118e-9, 1.0117474438634173e-9, 1.4552733673311493e-9),
        (1.0, 2.6505685793053763e-8, 2.4769052351381594e-8, 1.2818684536108839e-8),
    ]

    @Test("muon pairs near threshold with vector, axial and V = A couplings (mpmath, 1e-12)", arguments: 0..<5)
    func leptonsNearThreshold(_ index: Int) throws {
        let (m, vector, axial, mixed) = Self.muonReferences[index]
        // Pure vector: B-L with g_X = 1e-3 has g_V = -1e-3 for the muon exactly (no mixing without eps).
        let bl = try DecayCalculator(couplings: CouplingCalculator(model: Fixture.model("B-L"), gaugeCoupling: 1e-3))
        // Pure axial: X_L = 1, X_R = -1 gives g_A = -g_X. V = A: X_L = 1, X_R = 0 gives g_V = -g_A = g_X/2.
        let axialModel = try DecayCalculator(couplings: CouplingCalculator(model: Fixture.muonModel(left: 1, right: -1), gaugeCoupling: 1e-3))
        let mixedModel = try DecayCalculator(couplings: CouplingCalculator(model: Fixture.muonModel(left: 1, right: 0), gaugeCoupling: 1e-3))
        // 1e-12: beta^2 is formed without cancellation, (m - 2 m_mu)(m + 2 m_mu)/m^2 (the subtraction is
        // exact); at 1e-10 above threshold the naive 1 - 4 m_mu^2/m^2 would lose 9 digits.
        #expect(abs(try bl.widths(mass: m)[.muon] - vector) <= 1e-12 * vector)
        #expect(abs(try axialModel.widths(mass: m)[.muon] - axial) <= 1e-12 * axial)
        #expect(abs(try mixedModel.widths(mass: m)[.muon] - mixed) <= 1e-12 * mixed)
    }

    @Test("exactly at the thresholds 2 m_e, 2 m_mu, 2 m_tau: the pair width is 0 and nothing is NaN")
    func exactThresholds() throws {
        let masses = [2 * PhysicalConstants.electronMass, 2 * PhysicalConstants.muonMass, 2 * PhysicalConstants.tauMass,
                      2 * PhysicalConstants.chargedPionMass, 0.28, PhysicalConstants.neutralPionMass, 0.14, 2 * 0.49368,
                      DecayCalculator.transitionStart, DecayCalculator.transitionEnd, 2 * PhysicalConstants.charmPoleMass,
                      2 * PhysicalConstants.bottomPoleMass, 2 * PhysicalConstants.topMass, PhysicalConstants.charmMSbarMass]
        for name in Fixture.allBuiltins {
            let decays = try Fixture.decays(name)
            for m in masses {
                let w = try decays.widths(mass: m)
                #expect(w.values.allSatisfy { $0.isFinite && $0 >= 0 }, "\(name) at \(m)")
                #expect(w.total.isFinite && w.lifetimeSeconds > 0)
                let sum = DecayChannel.topLevel.reduce(0) { $0 + w.branchingRatio($1) }
                #expect(w.total == 0 || abs(sum - 1) < 1e-12, "\(name) at \(m)")
            }
        }
        let bl = try Fixture.decays("B-L")
        #expect(try bl.widths(mass: 2 * PhysicalConstants.muonMass)[.muon] == 0)
        #expect(try bl.widths(mass: 2 * PhysicalConstants.electronMass)[.electron] == 0)
        #expect(try bl.widths(mass: 2 * PhysicalConstants.tauMass)[.tau] == 0)
        #expect(try bl.widths(mass: (2 * PhysicalConstants.muonMass).nextUp)[.muon] > 0)
    }

    @Test("neutrinos: left-handed g^2 m/(24 pi) per flavour by default; Dirac and light N_R double it for B-L")
    func neutrinoNature() throws {
        let g = 1e-3, m = 0.01
        let perFlavour = g * g * m / (24 * Double.pi)
        let majorana = try Fixture.decays("B-L", coupling: g).widths(mass: m)
        for channel in [DecayChannel.electronNeutrinos, .muonNeutrinos, .tauNeutrinos] {
            #expect(abs(majorana[channel] - perFlavour) <= 1e-14 * perFlavour)
        }
        let dirac = try Fixture.decays("B-L", coupling: g, neutrinos: .dirac).widths(mass: m)
        #expect(abs(dirac[.neutrinos] - 6 * perFlavour) <= 1e-14 * perFlavour)
        let sterile = try Fixture.decays("B-L", coupling: g, neutrinos: .lightSterile).widths(mass: m)
        #expect(abs(sterile[.sterileNeutrinos] - 3 * perFlavour) <= 1e-14 * perFlavour)
        #expect(abs(sterile[.neutrinos] - dirac[.neutrinos]) <= 1e-14 * perFlavour)
        // The DarkCast versions (README caveat 1): B-L BR(nu nu) at 10 MeV is 0.60 with left-handed
        // neutrinos (v1.1) and 0.75 with v2.1's factor, which equals ZPrime's Dirac option.
        #expect(abs(majorana.branchingRatio(.neutrinos) - 0.60) < 0.005)
        #expect(abs(dirac.branchingRatio(.neutrinos) - 0.75) < 0.005)
    }

    @Test("widths scale as g^2 (B-L, 1e-9 ... 1) and eps^2 (dark photon, 1e-9 ... 1e-3)")
    func quadraticScaling() throws {
        for m in [0.0007, 0.05, 0.6, 1.9, 5.0, 50.0] {
            let reference = try Fixture.decays("B-L", coupling: 1e-3).widths(mass: m)
            for g in [1e-9, 1e-5, 0.1, 1.0] {
                let w = try Fixture.decays("B-L", coupling: g).widths(mass: m)
                for channel in DecayChannel.allCases {
                    let expected = reference[channel] * (g / 1e-3) * (g / 1e-3)
                    // No mixing without eps: the couplings are exactly g X, so only rounding remains.
                    #expect(abs(w[channel] - expected) <= 1e-13 * expected, "B-L \(channel) at \(m), g = \(g)")
                }
            }
            let dark = try Fixture.decays("dark-photon", kineticMixing: 1e-9).widths(mass: m)
            for eps in [1e-6, 1e-3] {
                let w = try Fixture.decays("dark-photon", kineticMixing: eps).widths(mass: m)
                // The exact mixing adds O(eps^2) relative corrections: 1e-6 covers eps <= 1e-3.
                for channel in DecayChannel.topLevel where dark[channel] > 0 {
                    let expected = dark[channel] * (eps / 1e-9) * (eps / 1e-9)
                    #expect(abs(w[channel] - expected) <= 1e-6 * expected, "dark photon \(channel) at \(m), eps = \(eps)")
                }
            }
        }
    }

    @Test("branching ratios sum to 1 and every parent is the sum of its parts (all built-ins, 1 MeV - 1 TeV)")
    func branchingRatiosSum() throws {
        let masses = try DecayCalculator.logSpacedMasses(from: 1e-3, to: 1e3, count: 157)
        for name in Fixture.allBuiltins {
            let decays = try Fixture.decays(name, coupling: 3e-4)
            for w in try decays.widths(masses: masses.filter { abs($0 - PhysicalConstants.zMass) > 1 }) {
                guard w.total > 0 else { continue }
                let sum = DecayChannel.topLevel.reduce(0) { $0 + w.branchingRatio($1) }
                #expect(abs(sum - 1) < 1e-12, "\(name) at \(w.mass): \(sum)")
                for parent in [DecayChannel.neutrinos, .hadrons] {
                    let parts = DecayChannel.allCases.filter { $0.parent == parent }.reduce(0) { $0 + w[$1] }
                    #expect(abs(parts - w[parent]) <= 1e-12 * w[parent], "\(name) \(parent) at \(w.mass)")
                }
            }
        }
    }

    @Test("lifetime = hbar/Gamma, c tau = hbar c/Gamma, lab length = (p/m) c tau")
    func lifetime() throws {
        let w = try Fixture.decays("dark-photon", kineticMixing: 1e-5).widths(mass: 0.1)
        #expect(abs(w.lifetimeSeconds * w.total - 6.582119569e-25) <= 1e-15 * 6.582119569e-25)
        #expect(abs(w.properDecayLengthMetres * w.total - 1.973269804e-16) <= 1e-15 * 1.973269804e-16)
        // E = 10 m: p/m = sqrt(99).
        let length = try w.labDecayLengthMetres(energy: 1.0)
        #expect(abs(length - 99.0.squareRoot() * w.properDecayLengthMetres) <= 1e-13 * length)
        #expect(try w.labDecayLengthMetres(energy: 0.1) == 0)
        #expect(throws: DecayError.self) { try w.labDecayLengthMetres(energy: 0.05) }
        #expect(throws: DecayError.self) { try w.labDecayLengthMetres(energy: .nan) }
        // Dark photon c tau for eps = 1e-5 at 100 MeV (only e+e-): hbar c/(alpha eps^2 m/3 * beta(1 + 2 mu^2)).
        let alpha = PhysicalConstants.alpha, me = PhysicalConstants.electronMass, m = 0.1
        let mu2 = me * me / (m * m), beta = (1 - 4 * mu2).squareRoot()
        let width = alpha * 1e-10 * m / 3 * beta * (1 + 2 * mu2)
        #expect(abs(w.total - width) <= 1e-6 * width)  // O(eps^2, m^2/m_Z^2) mixing corrections
    }

    @Test("no open channel: zero total width, zero branching ratios, infinite lifetime, no NaN")
    func stable() throws {
        let w = try Fixture.decays("B").widths(mass: 0.1)
        #expect(w.total == 0)
        #expect(DecayChannel.allCases.allSatisfy { w.branchingRatio($0) == 0 })
        #expect(w.lifetimeSeconds == .infinity && w.properDecayLengthMetres == .infinity)
    }

    @Test("three photons below 2 m_e: the Euler-Heisenberg limit 17 alpha^3 alpha' m^9/(2^7 3^6 5^3 pi^3 m_e^8)")
    func threePhotons() throws {
        let eps = 1e-3
        let alpha = PhysicalConstants.alpha, me = PhysicalConstants.electronMass
        let decays = try Fixture.decays("dark-photon", kineticMixing: eps)
        let m = 1e-6
        let leading = 17 * alpha * alpha * alpha * (alpha * eps * eps) * pow(m, 9) / (128 * 729 * 125 * pow(Double.pi, 3) * pow(me, 8))
        // Higher orders: (67/42)(m/m_e)^2 * 5/17 = 1.8e-6 relative at 1 keV.
        let w = try decays.widths(mass: m)
        #expect(abs(w[.photons] - leading) <= 3e-6 * leading)
        // At 1 keV the Z admixture's nu nubar width (~ eps^2 m^5/m_Z^4) beats 3 photons (~ m^9/m_e^8):
        // a physical effect DarkCast leaves out; both channels are there and nothing else is.
        #expect(w[.neutrinos] > w[.photons] && abs(w.branchingRatio(.photons) + w.branchingRatio(.neutrinos) - 1) < 1e-12)
        // At m = 0.5 MeV: mpmath evaluation of the full series with ZPrime constants
        // (|g_V,e|^2 e^6/(4 pi)^4/(2^7 3^6 5^2 pi^3) m^9/m_e^8 [17/5 + 67/42 r^2 + 128941/246960 r^4]).
        let at = try decays.widths(mass: 5e-4)[.photons]
        #expect(abs(at - 8.90372553169049e-26) <= 2e-6 * 8.90372553169049e-26)
        #expect(try decays.widths(mass: 2 * me * 1.0000001)[.photons] == 0)
        // No three-photon width from an axial electron coupling (C parity).
        let axial = try DecayCalculator(couplings: CouplingCalculator(
            model: Model(name: "axial e", charges: [.L: [Rational(1), .zero, .zero], .E: [Rational(-1), .zero, .zero]]), gaugeCoupling: 1e-3))
        #expect(try axial.widths(mass: 5e-4)[.photons] == 0)
    }

    @Test("invisible widths: fixed, dark Dirac fermion with threshold")
    func invisible() throws {
        let fixed = try Fixture.decays("B-L", invisible: .fixed(1e-9)).widths(mass: 0.3)
        #expect(fixed[.invisible] == 1e-9)
        let chi = try Fixture.decays("B-L", invisible: .darkFermion(coupling: 0.1, mass: 0.05)).widths(mass: 0.3)
        let r = 0.05 * 0.05 / (0.3 * 0.3)
        let expected = 0.01 * 0.3 / (12 * Double.pi) * (1 + 2 * r) * (1 - 4 * r).squareRoot()
        #expect(abs(chi[.invisible] - expected) <= 1e-14 * expected)
        #expect(try Fixture.decays("B-L", invisible: .darkFermion(coupling: 0.1, mass: 0.2)).widths(mass: 0.3)[.invisible] == 0)
        #expect(throws: DecayError.self) { try Fixture.decays("B-L", invisible: .fixed(-1)) }
        #expect(throws: DecayError.self) { try Fixture.decays("B-L", invisible: .darkFermion(coupling: .nan, mass: 0)) }
    }

    @Test("bad masses and ranges throw with the parameter named")
    func badInput() throws {
        let decays = try Fixture.decays("B-L")
        for m in [0.0, -1.0, .nan, .infinity] {
            let error = #expect(throws: DecayError.self) { try decays.widths(mass: m) }
            #expect(error?.parameter == .field("mass"))
        }
        #expect(throws: DecayError.self) { try DecayCalculator.logSpacedMasses(from: 2, to: 1, count: 10) }
        #expect(throws: DecayError.self) { try DecayCalculator.logSpacedMasses(from: 1, to: 2, count: 0) }
        #expect(throws: DecayError.self) { try DecayCalculator.logSpacedMasses(from: -1, to: 2, count: 3) }
        #expect(throws: DecayError.self) { try DecayCalculator.logSpacedMasses(from: 1, to: 1, count: 3) }
        #expect(try DecayCalculator.logSpacedMasses(from: 0.5, to: 7, count: 1) == [0.5])
        let range = try DecayCalculator.logSpacedMasses(from: 1e-3, to: 2, count: 1000)
        #expect(range.count == 1000 && range.first == 1e-3 && range.last == 2)
        #expect(zip(range, range.dropFirst()).allSatisfy { abs($1 / $0 - pow(2000, 1.0 / 999)) < 1e-12 })
    }
}
