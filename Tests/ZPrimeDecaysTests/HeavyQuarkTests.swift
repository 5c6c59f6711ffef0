import Foundation
import Testing
import ZPrimeCore
import ZPrimeCouplings
@testable import ZPrimeDecays

/// c cbar and b bbar: open-flavour thresholds, the continuum above them and the narrow quarkonia
/// below them (``HeavyQuarkHadrons``), checked against measured R(s), the Breit-Wigner peak and
/// area formulas, and hand or mpmath evaluations.
@Suite("Heavy quarks: open-flavour thresholds and narrow quarkonia")
struct HeavyQuarkTests {
    static let e2 = 4 * Double.pi * PhysicalConstants.alpha

    /// Gamma(hadrons)/Gamma(mu mu, massless) for photon-like couplings eps Q_f (eps drops out).
    static func darkPhotonR(_ decays: DecayCalculator, _ m: Double) -> Double {
        let w = decays.widths(mass: m, couplings: Fixture.vectorCouplings { $0.electricCharge })
        return w[.hadrons] / (e2 * m / (12 * Double.pi))
    }

    /// beta (3 - beta^2)/2, the vector Born factor of a pair of mass `mf` (0 below threshold).
    static func vectorFactor(_ m: Double, _ mf: Double) -> Double {
        DecayCalculator.fermionPair(mass: m, fermionMass: mf, vectorSquared: 1, axialSquared: 0, colours: 1) / (m / (12 * Double.pi))
    }

    /// One measurement of R = sigma(e+e- -> hadrons)/sigma(e+e- -> mu mu, point): energy (or bin),
    /// value, statistical error, systematic error in per cent (normalisation and point-to-point
    /// added in quadrature), and the source.
    struct Measurement: Sendable, CustomTestStringConvertible {
        let energy: Double
        let bin: ClosedRange<Double>?
        let r: Double
        let statistical: Double
        let systematicPercent: Double
        let source: String
        var testDescription: String { "\(energy) GeV, \(source)" }
    }

    /// Measured R away from the narrow peaks, as listed in the PDG compilation of R in e+e-
    /// annihilation (Review of Particle Physics, "Plots of cross sections and related quantities";
    /// data file of the 2018 edition, hep-ph/0312114 for its format), with the original papers:
    /// - KEDR (VEPP-4M): V. V. Anashin et al., Phys. Lett. B 770 (2017) 174 (2.6448 GeV) and
    ///   Phys. Lett. B 788 (2019) 42 (3.3147, 3.4996 GeV);
    /// - BES II: J. Z. Bai et al., Phys. Rev. Lett. 88 (2002) 101802 (4.8 GeV);
    /// - Crystal Ball (SPEAR): C. Edwards et al., SLAC-PUB-5160 (1990) (5.0, 5.25, 7.0 GeV; two
    ///   independent 7.0 GeV points; 5.2 % normalisation each);
    /// - MD-1 (VEPP-4): A. E. Blinov et al., Z. Phys. C 70 (1996) 31 (9.8, 10.2 GeV);
    /// - CLEO: R. Ammar et al., Phys. Rev. D 57 (1998) 1350 (10.52 GeV);
    /// - CUSB: E. Rice et al., Phys. Rev. Lett. 48 (1982) 906 (bin 10.58-11.60 GeV, above 2 m_B);
    /// - JADE: B. Naroska, Phys. Rep. 148 (1987) 67 (the JADE R results; 12, 14.04 GeV);
    ///   MARK J: B. Adeva et al., Phys. Rev. D 34 (1986) 681 (12, 14.03 GeV); TASSO: M. Althoff et
    ///   al., Z. Phys. C 22 (1984) 307 (12 GeV) and W. Braunschweig et al., Z. Phys. C 47 (1990) 187
    ///   (14.03 GeV); CELLO: H.-J. Behrend et al., Phys. Lett. B 183 (1987) 400 (14 GeV).
    static let measurements: [Measurement] = [
        Measurement(energy: 2.6448, bin: nil, r: 2.222, statistical: 0.069, systematicPercent: 2.21, source: "KEDR 2017"),
        Measurement(energy: 3.3147, bin: nil, r: 2.219, statistical: 0.035, systematicPercent: 1.58, source: "KEDR 2019"),
        Measurement(energy: 3.4996, bin: nil, r: 2.224, statistical: 0.054, systematicPercent: 1.80, source: "KEDR 2019"),
        Measurement(energy: 4.8, bin: nil, r: 3.66, statistical: 0.14, systematicPercent: 5.2, source: "BES II 2002"),
        Measurement(energy: 5.0, bin: nil, r: 3.42, statistical: 0.12, systematicPercent: (5.2 * 5.2 + 3.51 * 3.51).squareRoot(), source: "Crystal Ball"),
        Measurement(energy: 5.25, bin: nil, r: 3.57, statistical: 0.11, systematicPercent: (5.2 * 5.2 + 0.84 * 0.84).squareRoot(), source: "Crystal Ball"),
        Measurement(energy: 7.0, bin: nil, r: 3.35, statistical: 0.10, systematicPercent: (5.2 * 5.2 + 1.19 * 1.19).squareRoot(), source: "Crystal Ball"),
        Measurement(energy: 7.0, bin: nil, r: 3.71, statistical: 0.17, systematicPercent: (5.2 * 5.2 + 2.43 * 2.43).squareRoot(), source: "Crystal Ball (second run)"),
        Measurement(energy: 9.8, bin: nil, r: 3.58, statistical: 0.094, systematicPercent: 3.84, source: "MD-1"),
        Measurement(energy: 10.2, bin: nil, r: 3.49, statistical: 0.133, systematicPercent: 3.84, source: "MD-1"),
        Measurement(energy: 10.52, bin: nil, r: 3.56, statistical: 0.01, systematicPercent: 1.61, source: "CLEO 1998"),
        Measurement(energy: 11.09, bin: 10.58...11.60, r: 3.85, statistical: 0.05, systematicPercent: 11.18, source: "CUSB 1982 (bin average)"),
        Measurement(energy: 12.0, bin: nil, r: 3.45, statistical: 0.27, systematicPercent: 2.4, source: "JADE"),
        Measurement(energy: 12.0, bin: nil, r: 3.47, statistical: 0.25, systematicPercent: 5.0, source: "MARK J"),
        Measurement(energy: 12.0, bin: nil, r: 3.80, statistical: 0.28, systematicPercent: 4.5, source: "TASSO 1984"),
        Measurement(energy: 14.0, bin: nil, r: 4.10, statistical: 0.11, systematicPercent: (1.7 * 1.7 + 2.2 * 2.2).squareRoot(), source: "CELLO"),
        Measurement(energy: 14.03, bin: nil, r: 4.12, statistical: 0.08, systematicPercent: (2.67 * 2.67 + 3.88 * 3.88).squareRoot(), source: "TASSO 1990"),
        Measurement(energy: 14.03, bin: nil, r: 3.71, statistical: 0.07, systematicPercent: 5.0, source: "MARK J"),
        Measurement(energy: 14.04, bin: nil, r: 3.94, statistical: 0.14, systematicPercent: 2.4, source: "JADE"),
    ]

    /// Tolerance: twice the total uncertainty, sqrt(sigma_exp^2 + sigma_th^2). sigma_exp is the
    /// statistical and systematic errors in quadrature. sigma_th is 1 % of R (alpha_s(m_Z) +- 0.0009
    /// moves K by 0.2 %, the O(alpha_s^4) term by less; the rest is the resonance and threshold
    /// modelling), or, above an open-flavour threshold, the change of R when the continuum's meson
    /// masses are replaced by the quark pole masses, if that is larger (0.104 at 4.8 GeV, 0.084 at 5,
    /// 0.050 at 12: the ambiguity of the threshold model). The pulls (mpmath, same inputs) lie between
    /// -1.8 (CELLO at 14 GeV) and +1.0 (JADE at 12 GeV).
    @Test("dark photon R(s) against measured R below and above the c and b thresholds", arguments: measurements)
    func measuredR(_ point: Measurement) throws {
        let decays = try Fixture.decays("dark-photon")
        let model: Double
        if let bin = point.bin {
            let average = GaussKronrod.integrate(from: bin.lowerBound, to: bin.upperBound, breakpoints: [HeavyQuarkHadrons.openBottomThreshold],
                                                 relativeTolerance: 1e-8) { Self.darkPhotonR(decays, $0) }
            model = average.value / (bin.upperBound - bin.lowerBound)
        } else {
            model = Self.darkPhotonR(decays, point.energy)
        }
        let experimental = (point.statistical * point.statistical + pow(point.r * point.systematicPercent / 100, 2)).squareRoot()
        // The pole-mass alternative of the continuum, for the threshold-model uncertainty.
        let m = point.energy
        let k = PerturbativeQCD.nonSingletFactor(alphaS: StrongCoupling.standard(m), flavours: StrongCoupling.activeFlavours(at: m))
        var alternative = 0.0
        if m > HeavyQuarkHadrons.openCharmThreshold {
            alternative += k * 3 * 4.0 / 9 * (Self.vectorFactor(m, PhysicalConstants.charmPoleMass) - Self.vectorFactor(m, HeavyQuarkHadrons.openCharmMesonMass))
        }
        if m > HeavyQuarkHadrons.openBottomThreshold {
            alternative += k * 3 * 1.0 / 9 * (Self.vectorFactor(m, PhysicalConstants.bottomPoleMass) - Self.vectorFactor(m, HeavyQuarkHadrons.openBottomMesonMass))
        }
        let theory = max(0.01 * model, abs(alternative))
        let total = (experimental * experimental + theory * theory).squareRoot()
        #expect(abs(model - point.r) <= 2 * total, "R = \(model) vs \(point.r) +- \(total) (\(point.source))")
    }

    /// Independent evaluation (mpmath, 30 digits, with a 4-loop alpha_s integrated by scipy's
    /// DOP853 at rtol 1e-13 from alpha_s(91.188) = 0.118 through thresholds at the MS-bar masses):
    /// R = 2K (u, d, s) + 3 x_c^2 K beta_D (3 - beta_D^2)/2 + 3 x_b^2 K beta_B (3 - beta_B^2)/2
    /// (each from its threshold) - 1.240 (alpha_s/pi)^3 (sum of the produced x_q)^2
    /// + sum_V (x_q/Q_q)^2 R_V, with beta_D, beta_B from m_D0 = 1.86484, m_B+ = 5.27934 GeV.
    /// Tolerance 1e-5: the tabulated alpha_s (2e-6) enters through K.
    static let references: [(m: Double, darkPhoton: Double, breakdown: String)] = [
        (2.6448, 2.1774847, "light 2K, J/psi and psi(2S) tails 1.4e-4"),
        (3.4996, 2.1605705, "light 2K, tails 9.2e-4"),
        (4.8, 3.3125647, "open charm 1.17042"),
        (10.52, 3.5186772, "no b continuum yet; Upsilon tails 1.8e-5"),
        (14.03, 3.8097005, "open bottom 0.297043"),
    ]

    @Test("R of photon-like couplings against an independent mpmath evaluation")
    func independentR() throws {
        let decays = try Fixture.decays("dark-photon")
        for (m, reference, breakdown) in Self.references {
            let r = Self.darkPhotonR(decays, m)
            #expect(abs(r - reference) <= 1e-5 * reference, "\(m) GeV (\(breakdown)): \(r)")
        }
    }

    @Test("the J/psi peak: R = 12 pi Gamma_ee B_had/(M^2 Gamma) / sigma_point = 9 B_ee B_had/alpha^2")
    func jpsiPeak() throws {
        // By hand with the PDG 2024 inputs (M = 3.0969 GeV, Gamma = 92.6 keV, Gamma_ee = 5.53 keV,
        // B_had = 0.877): sigma_peak = 12 pi * 5.53e-6 * 0.877 / (9.5908 * 92.6e-6) = 0.20587 GeV^-2
        // = 80.16 microbarn; sigma_point = 4 pi alpha^2/(3 M^2) = 2.3257e-5 GeV^-2 = 9.056 nb;
        // R = 8852 (mpmath: 8851.6776). Below 2 m_D0 the c channel is the resonances only, so
        // Gamma_c/Gamma_mumu(massless) at m = M is R_J/psi(M^2) plus the psi(2S) tail (9e-5, i.e.
        // 1e-8 relative). Tolerance 1e-7 relative: the tail and rounding.
        let jpsi = HeavyQuarkHadrons.jpsi
        let (mass, width) = (jpsi.mass, jpsi.width)
        let peakCrossSection = 12 * Double.pi * jpsi.electronWidth * jpsi.hadronicBranching / (mass * mass * width)
        let pointCrossSection = 4 * Double.pi * PhysicalConstants.alpha * PhysicalConstants.alpha / (3 * mass * mass)
        let expected = peakCrossSection / pointCrossSection
        #expect(abs(expected - 8851.6776292) <= 1e-6 * expected)
        #expect(abs(jpsi.peakRRatio - expected) <= 1e-12 * expected)
        let decays = try Fixture.decays("dark-photon")
        let w = decays.widths(mass: mass, couplings: Fixture.vectorCouplings { $0.electricCharge })
        let charmR = w[.charm] / (Self.e2 * mass / (12 * Double.pi))
        #expect(abs(charmR - expected) <= 1e-7 * expected, "\(charmR)")
        // The other peaks, 9 B_ee B_had/alpha^2 (mpmath): psi(2S) 1313.086, Upsilon(1S) 3879.641,
        // Upsilon(2S) 3045.449, Upsilon(3S) 3439.586.
        let peaks = [1313.0860374, 3879.6412169, 3045.4485260, 3439.5861839]
        for (resonance, peak) in zip(HeavyQuarkHadrons.narrowResonances.dropFirst(), peaks) {
            #expect(abs(resonance.rRatio(at: resonance.mass) - peak) <= 1e-7 * peak, "\(resonance.name)")
        }
        // The c channel of the calculator is exactly the two charmonium terms below 2 m_D0.
        for m in [2.5, 3.0969, 3.1, 3.5, 3.686097, 3.72] {
            let c = decays.widths(mass: m, couplings: Fixture.vectorCouplings { $0.electricCharge })[.charm]
            let expectedC = Self.e2 * m / (12 * Double.pi) * (jpsi.rRatio(at: m) + HeavyQuarkHadrons.psi2S.rRatio(at: m))
            #expect(abs(c - expectedC) <= 1e-13 * expectedC, "at \(m)")
        }
    }

    @Test("the J/psi area: the integral of sigma(e+e- -> hadrons) over the peak is 6 pi^2 Gamma_ee B_had/M^2")
    func jpsiArea() throws {
        // Narrow-width area: 6 pi^2 * 5.53e-6 * 0.877 / 3.0969^2 = 2.99448e-5 GeV^-1 = 11.66 nb GeV.
        // Integrated over M +- 0.5 GeV the relativistic Breit-Wigner misses the tails beyond the
        // window and carries the slowly varying M^2/E^3 factors: mpmath (quad, 30 digits) gives
        // I/A - 1 = -4.99448e-5 for this window. Tolerances: 1e-4 against the narrow-width value,
        // 1e-8 against the exact window integral (the quadrature is asked for 1e-11).
        let jpsi = HeavyQuarkHadrons.jpsi
        let area = 6 * Double.pi * Double.pi * jpsi.electronWidth * jpsi.hadronicBranching / (jpsi.mass * jpsi.mass)
        #expect(abs(area - 2.99447958303e-5) <= 1e-10 * area)
        let alpha = PhysicalConstants.alpha
        let g = jpsi.width
        let points = [-100 * g, -10 * g, -g, 0, g, 10 * g, 100 * g].map { jpsi.mass + $0 }
        let integral = GaussKronrod.integrate(from: jpsi.mass - 0.5, to: jpsi.mass + 0.5, breakpoints: points, relativeTolerance: 1e-11) { energy in
            4 * Double.pi * alpha * alpha / (3 * energy * energy) * jpsi.rRatio(at: energy)
        }
        #expect(integral.converged)
        #expect(abs(integral.value / area - 1) <= 1e-4)
        #expect(abs(integral.value / area - 1 - (-4.99448361792788e-5)) <= 1e-8, "\(integral.value / area - 1)")
    }

    @Test("no c cbar continuum below 2 m_D0 and no b bbar continuum below 2 m_B+; a continuous, rising onset")
    func thresholds() throws {
        let charm = HeavyQuarkHadrons.openCharmThreshold, bottom = HeavyQuarkHadrons.openBottomThreshold
        #expect(abs(charm - 3.72968) < 1e-12 && abs(bottom - 10.55868) < 1e-12)
        let k = 1.08
        for (continuum, threshold) in [(HeavyQuarkHadrons.charmContinuum, charm), (HeavyQuarkHadrons.bottomContinuum, bottom)] {
            #expect(continuum(threshold, 1, 1, k) == 0 && continuum(threshold.nextDown, 1, 1, k) == 0 && continuum(0.5 * threshold, 1, 1, k) == 0)
            #expect(continuum(threshold.nextUp, 1, 1, k) > 0)
            // Rising from 0 above the threshold (vector and axial parts), on a fine grid.
            var previous = 0.0
            for i in 1...400 {
                let m = threshold * (1 + 1e-4 * Double(i * i))
                let value = continuum(m, 1, 1, k)
                #expect(value > previous, "at \(m)")
                previous = value
            }
        }
        // In the calculator: just below 2 m_D0 the c channel is the resonance tails only.
        let decays = try Fixture.decays("dark-photon")
        let photonLike = Fixture.vectorCouplings { $0.electricCharge }
        let below = decays.widths(mass: charm * (1 - 1e-12), couplings: photonLike)
        let tails = HeavyQuarkHadrons.resonanceWidths(mass: charm * (1 - 1e-12), charmVectorSquared: Self.e2 * 4 / 9, bottomVectorSquared: Self.e2 / 9)
        #expect(abs(below[.charm] - tails.charm) <= 1e-14 * tails.charm && abs(below[.bottom] - tails.bottom) <= 1e-14 * tails.bottom)
        let belowB = decays.widths(mass: bottom * (1 - 1e-12), couplings: photonLike)
        let tailsB = HeavyQuarkHadrons.resonanceWidths(mass: bottom * (1 - 1e-12), charmVectorSquared: Self.e2 * 4 / 9, bottomVectorSquared: Self.e2 / 9)
        #expect(abs(belowB[.bottom] - tailsB.bottom) <= 1e-14 * tailsB.bottom)
        // Continuity of R across the thresholds: the continuum starts like beta (at 1e-12 above,
        // 3 Q^2 K 1.5 sqrt(2e-12) = 3e-6); the singlet term -1.240 (alpha_s/pi)^3 Q_q (2 sum Q + Q_q)
        // switches on with the flavour as before and steps R by -2.2e-4 at 2 m_D0 (mpmath:
        // R(t(1+1e-12)) - R(t(1-1e-12)) = -2.236e-4), by 1e-4 of R. Tolerance 3e-4.
        for threshold in [charm, bottom] {
            let jump = Self.darkPhotonR(decays, threshold * (1 + 1e-12)) - Self.darkPhotonR(decays, threshold * (1 - 1e-12))
            #expect(abs(jump) <= 3e-4, "at \(threshold): \(jump)")
        }
        // The onset is monotonic: R rises over the first 300 MeV above 2 m_D0 (the J/psi, psi(2S)
        // tails fall by less than the continuum grows).
        var previous = Self.darkPhotonR(decays, charm * (1 + 1e-6))
        for i in 1...30 {
            let r = Self.darkPhotonR(decays, charm + 0.01 * Double(i))
            #expect(r > previous, "at \(charm + 0.01 * Double(i))")
            previous = r
        }
        // Every built-in model stays finite exactly at the new thresholds.
        for name in Fixture.allBuiltins {
            let model = try Fixture.decays(name)
            for m in [charm, bottom, charm.nextUp, bottom.nextUp] {
                let w = try model.widths(mass: m)
                #expect(w.values.allSatisfy { $0.isFinite && $0 >= 0 } && w.total.isFinite, "\(name) at \(m)")
            }
        }
    }

    @Test("a Z' reaches the quarkonia through (eps^V_q/Q_q)^2: B-L (quark couplings 1/3) against the dark photon")
    func couplingScaling() throws {
        let decays = try Fixture.decays("dark-photon")
        let photonLike = Fixture.vectorCouplings { $0.electricCharge }
        let bMinusL = Fixture.vectorCouplings { $0.isQuark ? 1.0 / 3 : 0 }
        // At the J/psi and Upsilon peaks (below the thresholds the c and b channels are resonant only):
        // c: ((1/3)/(2/3))^2 = 1/4; b: ((1/3)/(-1/3))^2 = 1. Exact up to rounding (1e-14).
        for resonance in HeavyQuarkHadrons.narrowResonances {
            let dp = decays.widths(mass: resonance.mass, couplings: photonLike)
            let bl = decays.widths(mass: resonance.mass, couplings: bMinusL)
            #expect(abs(bl[.charm] / dp[.charm] - 0.25) <= 1e-14, "\(resonance.name)")
            if resonance.quark == .bottom { #expect(abs(bl[.bottom] / dp[.bottom] - 1) <= 1e-14, "\(resonance.name)") }
        }
        // Axial c and b couplings do not reach the vector quarkonia (only the continuum above threshold).
        let axial = CouplingTable(mass: 0, squaredMomentum: 0, standardModel: [
            .charm: ComplexChiralCoupling(ChiralCoupling(vector: 0, axial: 1e-3)), .bottom: ComplexChiralCoupling(ChiralCoupling(vector: 0, axial: 1e-3))])
        let atJpsi = decays.widths(mass: HeavyQuarkHadrons.jpsi.mass, couplings: axial)
        #expect(atJpsi[.charm] == 0 && atJpsi[.bottom] == 0)
        #expect(decays.widths(mass: 5, couplings: axial)[.charm] > 0)
        // The full B-L model (g_X = 1e-3, no kinetic mixing): at the J/psi peak the c width is
        // (g/3)^2/Q_c^2 m/(12 pi) R_J/psi = g^2/4 m/(12 pi) R_J/psi, to the O(m^2/m_Z^2) mass mixing (<1e-3).
        let bl = try Fixture.decays("B-L", coupling: 1e-3)
        let m = HeavyQuarkHadrons.jpsi.mass
        let expected = 1e-6 / 4 * m / (12 * Double.pi) * (HeavyQuarkHadrons.jpsi.rRatio(at: m) + HeavyQuarkHadrons.psi2S.rRatio(at: m))
        #expect(abs(try bl.widths(mass: m)[.charm] / expected - 1) <= 1e-3)
    }

    @Test("BR(mu mu) of a dark photon at 3.5 GeV: 0.2404 (it was 0.2089 with a c cbar continuum from 2 m_c)")
    func muonBranchingAt3p5() throws {
        // Photon-like couplings: BR = f_mu/(f_e + f_mu + R) with f_l = beta (1 + 2 m_l^2/m^2),
        // f_e = 1 - 3e-15, f_mu = 0.99999501, R(3.5) = 2.1605672 (mpmath, as in independentR):
        // 0.24035094. With the former c cbar continuum from 2 m_c(pole) = 3.34 GeV, R = 2.78685 and
        // BR = 0.20890 (same evaluation). Tolerance 1e-5 relative (alpha_s table through K).
        let decays = try Fixture.decays("dark-photon")
        let w = decays.widths(mass: 3.5, couplings: Fixture.vectorCouplings { $0.electricCharge })
        #expect(abs(w.branchingRatio(.muon) - 0.240350936) <= 1e-5 * 0.24035)
        #expect(w[.tau] == 0)
        // The full dark-photon model (eps = 1e-3, exact A-Z-Z' mixing): the Z admixture, O(m^2/m_Z^2),
        // moves it by 5e-4: 0.24023.
        let full = try decays.widths(mass: 3.5)
        #expect(abs(full.branchingRatio(.muon) - 0.240350936) <= 1e-3 * 0.24035)
    }

    @Test("the warnings name the resonance and open-flavour regions")
    func warnings() throws {
        let decays = try Fixture.decays("dark-photon")
        #expect(try decays.widths(mass: 3.5).warnings.contains { $0.contains("J/psi and psi(2S)") })
        #expect(try decays.widths(mass: 4.0).warnings.contains { $0.contains("open-charm") })
        #expect(try decays.widths(mass: 10.0).warnings.contains { $0.contains("Upsilon(1S, 2S, 3S)") })
        #expect(try decays.widths(mass: 10.7).warnings.contains { $0.contains("open-bottom") })
        #expect(try decays.widths(mass: 6.0).warnings.isEmpty)
    }
}
