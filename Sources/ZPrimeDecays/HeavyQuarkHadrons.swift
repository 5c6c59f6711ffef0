import Foundation
import ZPrimeCore

/// Hadrons from the c and b vector and axial couplings of a Z' between 2 and about 15 GeV: the
/// narrow quarkonia below the open-flavour thresholds and the open-flavour continuum above them.
///
/// **Open-flavour thresholds.** No c cbar (b bbar) continuum exists below the lightest pair of
/// open-flavour mesons, 2 m_D0 = 3.7297 GeV (2 m_B+ = 10.5587 GeV; masses PDG 2024). Above it the
/// continuum is the quark-pair Born width with the meson mass in the kinematic factor, times the
/// QCD factor K(alpha_s(m), n_f) of ``PerturbativeQCD``:
///
///     Gamma_cont = K N_c m/(12 pi) beta [g_V^2 (1 + 2 mu^2) + g_A^2 beta^2],  mu = m_D0/m, beta^2 = 1 - 4 mu^2
///
/// (absolute couplings squared; ``DecayCalculator/fermionPair(mass:fermionMass:vectorSquared:axialSquared:colours:)``
/// with m_D0 or m_B+). It starts continuously (like beta) at threshold and tends to the quark-level
/// result at high mass. Against the quark Born term with the pole mass (m_c = 1.67 GeV,
/// m_b = 4.78 GeV) the vector factor beta (3 - beta^2)/2 is 30 % lower at 4 GeV, 12 % at 4.5 GeV,
/// 6.5 % at 5 GeV and 0.28 % at 10 GeV for charm (R of a dark photon lower by 2.3 % at 5 GeV, 0.1 %
/// at 10 GeV), and 17 % lower at 12 GeV, 4.4 % at 15 GeV, 1.1 % at 20 GeV for bottom. The continuum
/// stands for the sum of D D̄, D D̄*, D* D̄*, D_s pairs and of the broad psi(3770), psi(4040),
/// psi(4160), psi(4415) (Upsilon(4S), Upsilon(10860), Upsilon(11020) for bottom) in the sense of
/// quark-hadron duality: it is a resonance average, and locally the measured R differs by up to
/// about 30 % (the psi(3770) peak at 3.773 GeV, the Upsilon(4S) at 10.579 GeV).
///
/// **Narrow quarkonia.** J/psi(1S), psi(2S) (c cbar) and Upsilon(1S), (2S), (3S) (b bbar) are
/// relativistic Breit-Wigner resonances with constant total width in the hadronic cross section of
/// e+e- annihilation, sigma(s) = 12 pi Gamma_ee Gamma_had M^2 / (s [(s - M^2)^2 + M^2 Gamma^2])
/// (the J = 1 Breit-Wigner of the PDG review "Cross-section formulae for specific processes",
/// section on resonance formation, written relativistically; at s = M^2 it gives the peak
/// 12 pi B_ee B_had / M^2 and, integrated over sqrt(s), the narrow-width area 6 pi^2 Gamma_ee B_had / M^2).
/// Divided by the point cross section 4 pi alpha^2/(3 s):
///
///     R_V(s) = 9 M^2 Gamma_ee Gamma_had / (alpha^2 [(s - M^2)^2 + M^2 Gamma^2]),  Gamma_had = B_had Gamma,
///
/// with the peak value R_V(M^2) = 9 B_ee B_had / alpha^2 (8852 for the J/psi). A dark photon
/// (couplings e eps Q_f) couples to the electromagnetic current, whose hadronic spectral function
/// is R(s), so Gamma(A' -> V -> hadrons) = Gamma(A' -> mu mu, massless) R_V(m^2). The quarkonia are
/// pure c cbar or b bbar (OZI), so a general Z' enters only through the vector coupling of that
/// quark, scaled by (g_V,q/(e Q_q))^2:
///
///     Gamma_V = m/(12 pi) |g_V,q|^2 / Q_q^2 R_V(m^2)   (g_V,q absolute; Q_c = 2/3, Q_b = -1/3).
///
/// Choices and their sizes:
/// - Only the hadronic decays of the resonance are counted (the R-ratio convention). Through the
///   resonance a Z' also reaches l+l- (a share B_ll/B_had of the resonant term: 13.6 % e+e- and
///   mu+mu- together for the J/psi, 8.1 % for the three lepton pairs of the Upsilon(1S)), and that amplitude
///   interferes with the direct Z' -> l l one, a dispersive term that falls only like
///   1/(s - M^2). Adding the resonant l l rate without the interference would be inconsistent, so
///   neither is included: within a few total widths of a peak the lepton widths and the total lack
///   the resonance's leptonic share, and where the resonant rate R_V B_ll/B_had exceeds the
///   direct one (|m - M| below sqrt(9 B_ee B_ll/alpha^2) Gamma/2, 1.1 MeV for the J/psi) BR(l l)
///   is understated (physically the mixed state decays like the quarkonium, B_mumu = 6 % for the
///   J/psi; here BR(mu mu) ~ 1/R_peak ~ 1e-4). Searches mask these windows.
/// - The PDG Gamma_ee includes the vacuum polarisation of the photon (the "dressed" width); the bare
///   width, which is what a boson with a coupling fixed at q^2 = 0 sees, is smaller by
///   |1 - Pi(M^2)|^2, about 5 % at the J/psi and 7 % at the Upsilons (estimated from the one-loop
///   running of alpha). Not applied; it is inside the accuracy of the resonance normalisation here.
/// - The vector quarkonia do not couple to the axial current; the c and b axial couplings enter
///   only the continuum above threshold (the 1^++ chi_c1, chi_b1 are not included).
/// - The constant-width tails are kept everywhere above 1.8 GeV (``DecayCalculator`` blends them in
///   with the perturbative weight between 1.8 and 2 GeV; below, they would be below 1e-5 of R).
///
/// Resonance parameters: PDG 2024 (Navas et al., Phys. Rev. D 110 (2024) 030001), see
/// ``PhysicalConstants``. B_had is the PDG "hadrons" fraction for the charmonia and
/// 1 - B_ee - B_mumu - B_tautau for the Upsilons (which the PDG lists only with large errors).
///
/// ```swift
/// // R of the J/psi at its peak, and the resonant width of a dark photon of eps = 1e-3 there:
/// let peak = HeavyQuarkHadrons.jpsi.rRatio(at: HeavyQuarkHadrons.jpsi.mass)   // 8851.7
/// let e2 = 4 * Double.pi * PhysicalConstants.alpha
/// let eps = 1e-3
/// let widths = HeavyQuarkHadrons.resonanceWidths(mass: 3.0969, charmVectorSquared: e2 * eps * eps * 4 / 9,
///                                                 bottomVectorSquared: e2 * eps * eps / 9)
/// print(peak, widths.charm)   // widths.charm = alpha eps^2 m/3 * R_J/psi(m^2)
/// ```
public enum HeavyQuarkHadrons {
    /// The heavy quark a resonance is made of.
    public enum Quark: String, Sendable, Hashable, CaseIterable {
        case charm = "c"
        case bottom = "b"

        /// The electric charge Q_q in units of e.
        public var charge: Double {
            switch self {
            case .charm: return 2.0 / 3.0
            case .bottom: return -1.0 / 3.0
            }
        }
    }

    /// A narrow vector quarkonium below its open-flavour threshold.
    public struct Resonance: Sendable, Hashable {
        /// The PDG name.
        public let name: String
        /// The quark (c for psi, b for Upsilon).
        public let quark: Quark
        /// The mass M (GeV).
        public let mass: Double
        /// The total width Gamma (GeV).
        public let width: Double
        /// The electronic width Gamma_ee (GeV).
        public let electronWidth: Double
        /// The hadronic branching fraction B_had.
        public let hadronicBranching: Double

        /// Creates a resonance (widths in GeV).
        public init(name: String, quark: Quark, mass: Double, width: Double, electronWidth: Double, hadronicBranching: Double) {
            self.name = name
            self.quark = quark
            self.mass = mass
            self.width = width
            self.electronWidth = electronWidth
            self.hadronicBranching = hadronicBranching
        }

        /// Gamma_had = B_had Gamma (GeV).
        public var hadronicWidth: Double { hadronicBranching * width }

        /// R_V(s) at sqrt(s) = `m` (GeV): 9 M^2 Gamma_ee Gamma_had / (alpha^2 [(s - M^2)^2 + M^2 Gamma^2]).
        @inlinable
        public func rRatio(at m: Double) -> Double {
            let alpha = PhysicalConstants.alpha
            let m2 = mass * mass
            // s - M^2 as (m - M)(m + M): no cancellation near the peak.
            let detuning = (m - mass) * (m + mass)
            return 9 * m2 * electronWidth * hadronicWidth / (alpha * alpha * (detuning * detuning + m2 * width * width))
        }

        /// The peak value R_V(M^2) = 9 B_ee B_had / alpha^2.
        public var peakRRatio: Double {
            let alpha = PhysicalConstants.alpha
            return 9 * (electronWidth / width) * hadronicBranching / (alpha * alpha)
        }
    }

    /// J/psi(1S): PDG 2024 mass, width, Gamma_ee and B(hadrons).
    public static let jpsi = Resonance(name: "J/psi(1S)", quark: .charm, mass: PhysicalConstants.jpsiMass, width: PhysicalConstants.jpsiWidth,
                                       electronWidth: PhysicalConstants.jpsiElectronWidth, hadronicBranching: PhysicalConstants.jpsiHadronicBranching)
    /// psi(2S): PDG 2024 mass, width, B(e+e-) Gamma and B(hadrons).
    public static let psi2S = Resonance(name: "psi(2S)", quark: .charm, mass: PhysicalConstants.psi2SMass, width: PhysicalConstants.psi2SWidth,
                                        electronWidth: PhysicalConstants.psi2SElectronBranching * PhysicalConstants.psi2SWidth,
                                        hadronicBranching: PhysicalConstants.psi2SHadronicBranching)
    /// Upsilon(1S): PDG 2024 mass, width, Gamma_ee; B_had = 1 - sum of the leptonic fractions.
    public static let upsilon1S = upsilon("Upsilon(1S)", PhysicalConstants.upsilon1SMass, PhysicalConstants.upsilon1SWidth,
                                          PhysicalConstants.upsilon1SElectronWidth, PhysicalConstants.upsilon1SLeptonicBranchings)
    /// Upsilon(2S): as ``upsilon1S``.
    public static let upsilon2S = upsilon("Upsilon(2S)", PhysicalConstants.upsilon2SMass, PhysicalConstants.upsilon2SWidth,
                                          PhysicalConstants.upsilon2SElectronWidth, PhysicalConstants.upsilon2SLeptonicBranchings)
    /// Upsilon(3S): as ``upsilon1S``.
    public static let upsilon3S = upsilon("Upsilon(3S)", PhysicalConstants.upsilon3SMass, PhysicalConstants.upsilon3SWidth,
                                          PhysicalConstants.upsilon3SElectronWidth, PhysicalConstants.upsilon3SLeptonicBranchings)

    /// The five narrow resonances, in mass order.
    public static let narrowResonances: [Resonance] = [jpsi, psi2S, upsilon1S, upsilon2S, upsilon3S]

    private static func upsilon(_ name: String, _ mass: Double, _ width: Double, _ electronWidth: Double,
                                _ leptonic: (electron: Double, muon: Double, tau: Double)) -> Resonance {
        Resonance(name: name, quark: .bottom, mass: mass, width: width, electronWidth: electronWidth,
                  hadronicBranching: 1 - leptonic.electron - leptonic.muon - leptonic.tau)
    }

    /// The meson mass in the kinematic factor of the c cbar continuum, m_D0 (GeV).
    public static let openCharmMesonMass = PhysicalConstants.d0Mass
    /// The meson mass in the kinematic factor of the b bbar continuum, m_B+ (GeV).
    public static let openBottomMesonMass = PhysicalConstants.bChargedMass
    /// The open-charm threshold 2 m_D0 = 3.72968 GeV.
    public static let openCharmThreshold = 2 * openCharmMesonMass
    /// The open-bottom threshold 2 m_B+ = 10.55868 GeV.
    public static let openBottomThreshold = 2 * openBottomMesonMass

    /// The Born width of an open-flavour pair (without the QCD factor): the quark-pair formula with
    /// the meson mass in the kinematic factor, zero at and below 2 `mesonMass`. Absolute couplings
    /// squared, three colours.
    public static func openFlavourBorn(mass m: Double, mesonMass: Double, vectorSquared: Double, axialSquared: Double) -> Double {
        DecayCalculator.fermionPair(mass: m, fermionMass: mesonMass, vectorSquared: vectorSquared, axialSquared: axialSquared, colours: 3)
    }

    /// The c cbar continuum width, `qcdFactor` times ``openFlavourBorn(mass:mesonMass:vectorSquared:axialSquared:)``
    /// with m_D0: zero below 2 m_D0.
    public static func charmContinuum(mass m: Double, vectorSquared: Double, axialSquared: Double, qcdFactor: Double) -> Double {
        qcdFactor * openFlavourBorn(mass: m, mesonMass: openCharmMesonMass, vectorSquared: vectorSquared, axialSquared: axialSquared)
    }

    /// The b bbar continuum width, as ``charmContinuum(mass:vectorSquared:axialSquared:qcdFactor:)`` with m_B+.
    public static func bottomContinuum(mass m: Double, vectorSquared: Double, axialSquared: Double, qcdFactor: Double) -> Double {
        qcdFactor * openFlavourBorn(mass: m, mesonMass: openBottomMesonMass, vectorSquared: vectorSquared, axialSquared: axialSquared)
    }

    /// The widths (GeV) of a Z' of mass `m` into hadrons through the narrow quarkonia, summed per
    /// quark: m/(12 pi) |g_V,q|^2/Q_q^2 sum_V R_V(m^2), with `charmVectorSquared` and
    /// `bottomVectorSquared` the squared absolute vector couplings |g_V,c|^2 and |g_V,b|^2
    /// (e^2 |eps^V_q|^2 for couplings eps^V_q in units of e).
    public static func resonanceWidths(mass m: Double, charmVectorSquared: Double, bottomVectorSquared: Double) -> (charm: Double, bottom: Double) {
        let unit = m / (12 * Double.pi)
        var charm = 0.0, bottom = 0.0
        if charmVectorSquared > 0 {
            let r = jpsi.rRatio(at: m) + psi2S.rRatio(at: m)
            charm = unit * charmVectorSquared / (Quark.charm.charge * Quark.charm.charge) * r
        }
        if bottomVectorSquared > 0 {
            let r = upsilon1S.rRatio(at: m) + upsilon2S.rRatio(at: m) + upsilon3S.rRatio(at: m)
            bottom = unit * bottomVectorSquared / (Quark.bottom.charge * Quark.bottom.charge) * r
        }
        return (charm, bottom)
    }
}
