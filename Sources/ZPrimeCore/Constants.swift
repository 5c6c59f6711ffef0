import Foundation

/// Every physical constant and particle property ZPrime uses, in one place, each with its source.
///
/// Natural units: energies, masses and widths in GeV, lengths derived through hbar c. Names say
/// the unit where it is not GeV (`hbarGeVSeconds`, `hbarCGeVMetres`).
///
/// Sources: CODATA 2022 (Mohr et al., arXiv:2409.03787) for alpha, hbar and hbar c; the Review of
/// Particle Physics, PDG 2024 (Navas et al., Phys. Rev. D 110 (2024) 030001) for everything else.
public enum PhysicalConstants {
    // MARK: Electroweak and QED

    /// Fine-structure constant at q^2 = 0: alpha = 1/137.035999177 (CODATA 2022).
    public static let alpha: Double = 1.0 / 137.035999177
    /// Elementary charge in natural (Heaviside-Lorentz) units, e = sqrt(4 pi alpha) = 0.30282212.
    public static let elementaryCharge: Double = (4.0 * Double.pi * alpha).squareRoot()
    /// Fermi constant G_F = 1.1663788e-5 GeV^-2 (PDG 2024, from the muon lifetime, MuLan).
    public static let fermiConstant: Double = 1.1663788e-5
    /// The electroweak vacuum expectation value v = (sqrt2 G_F)^(-1/2) = 246.22 GeV.
    public static let higgsVEV: Double = 1.0 / (2.0.squareRoot() * fermiConstant).squareRoot()
    /// Z boson mass 91.1880 GeV (PDG 2024).
    public static let zMass: Double = 91.1880
    /// W boson mass 80.3692 GeV (PDG 2024 average).
    public static let wMass: Double = 80.3692
    /// On-shell weak mixing angle sin^2(theta_W) = 1 - m_W^2/m_Z^2 = 0.22321 (from the PDG 2024 masses).
    public static var sin2ThetaWOnShell: Double { 1.0 - wMass * wMass / (zMass * zMass) }
    /// MS-bar weak mixing angle at the Z pole, sin^2(theta_W)(m_Z) = 0.23129 (PDG 2024, EW review).
    public static let sin2ThetaWMSbarZ: Double = 0.23129
    /// Low-energy weak mixing angle, sin^2(theta_W)(0) = 0.23857 in the MS-bar scheme (PDG 2024,
    /// "Electroweak model and constraints on new physics", running to q^2 = 0). Used for
    /// neutrino-electron scattering and atomic parity violation at momentum transfers << m_Z.
    public static let sin2ThetaWLowEnergy: Double = 0.23857
    /// Higgs boson mass 125.20 +- 0.11 GeV (PDG 2024).
    public static let higgsMass: Double = 125.20
    /// Strong coupling alpha_s(m_Z) = 0.1180 (PDG 2024).
    public static let alphaStrongZ: Double = 0.1180

    // MARK: Leptons (PDG 2024)

    /// Electron mass 0.51099895069 MeV.
    public static let electronMass: Double = 0.51099895069e-3
    /// Muon mass 105.6583755 MeV.
    public static let muonMass: Double = 105.6583755e-3
    /// Tau mass 1776.93 MeV.
    public static let tauMass: Double = 1776.93e-3

    // MARK: Quarks (PDG 2024)

    /// Up-quark MS-bar mass m_u(2 GeV) = 2.16 MeV (PDG 2024 quark summary). Listed in the particle
    /// table for completeness; hadronic physics below 2 GeV never uses quark masses.
    public static let upMSbarMass: Double = 2.16e-3
    /// Down-quark MS-bar mass m_d(2 GeV) = 4.70 MeV (PDG 2024 quark summary).
    public static let downMSbarMass: Double = 4.70e-3
    /// Strange-quark MS-bar mass m_s(2 GeV) = 93.5 MeV (PDG 2024 quark summary).
    public static let strangeMSbarMass: Double = 93.5e-3

    /// Charm pole mass 1.67 GeV (PDG 2024 quark-mass review, from m_c(m_c) = 1.2730 GeV).
    public static let charmPoleMass: Double = 1.67
    /// Bottom pole mass 4.78 GeV (PDG 2024, from m_b(m_b) = 4.183 GeV).
    public static let bottomPoleMass: Double = 4.78
    /// Top mass 172.57 GeV (PDG 2024, direct measurements).
    public static let topMass: Double = 172.57

    /// Charm MS-bar mass m_c(m_c) = 1.2730 GeV (PDG 2024 quark summary). Used only as the
    /// flavour threshold of the running strong coupling.
    public static let charmMSbarMass: Double = 1.2730
    /// Bottom MS-bar mass m_b(m_b) = 4.183 GeV (PDG 2024 quark summary); alpha_s threshold.
    public static let bottomMSbarMass: Double = 4.183
    /// Top MS-bar mass m_t(m_t) = 162.5 GeV (PDG 2024 quark summary, from cross-section
    /// measurements); alpha_s threshold.
    public static let topMSbarMass: Double = 162.5

    // MARK: Hadrons (PDG 2024)

    /// Charged pion mass 139.57039 MeV.
    public static let chargedPionMass: Double = 139.57039e-3
    /// Neutral pion mass 134.9768 MeV.
    public static let neutralPionMass: Double = 134.9768e-3
    /// Charged kaon mass 493.677 MeV.
    public static let chargedKaonMass: Double = 493.677e-3
    /// Neutral kaon mass 497.611 MeV.
    public static let neutralKaonMass: Double = 497.611e-3
    /// Eta mass 547.862 MeV.
    public static let etaMass: Double = 547.862e-3
    /// Proton mass 938.27208816 MeV.
    public static let protonMass: Double = 938.27208816e-3
    /// Neutron mass 939.56542052 MeV.
    public static let neutronMass: Double = 939.56542052e-3

    // MARK: Open flavour and quarkonia (PDG 2024)

    /// D0 mass 1864.84 +- 0.05 MeV; 2 m_D0 = 3.72968 GeV is the lowest open-charm threshold (D0 D0bar).
    public static let d0Mass: Double = 1864.84e-3
    /// B+ mass 5279.34 +- 0.12 MeV; 2 m_B+ = 10.55868 GeV is the lowest open-bottom threshold (B+ B-).
    public static let bChargedMass: Double = 5279.34e-3
    /// B0 mass 5279.66 +- 0.12 MeV (the B0 B0bar threshold, 10.55932 GeV, is 0.64 MeV above B+ B-).
    public static let bNeutralMass: Double = 5279.66e-3

    /// J/psi(1S) mass 3096.900 +- 0.006 MeV.
    public static let jpsiMass: Double = 3096.900e-3
    /// J/psi(1S) total width 92.6 +- 1.7 keV.
    public static let jpsiWidth: Double = 92.6e-6
    /// J/psi(1S) electronic width Gamma(e+e-) = 5.53 +- 0.10 keV (PDG convention: includes the
    /// vacuum polarisation of the photon, i.e. the "dressed" width).
    public static let jpsiElectronWidth: Double = 5.53e-6
    /// J/psi(1S) branching fraction into hadrons, 87.7 +- 0.5 %.
    public static let jpsiHadronicBranching: Double = 0.877

    /// psi(2S) mass 3686.097 +- 0.011 MeV.
    public static let psi2SMass: Double = 3686.097e-3
    /// psi(2S) total width 286 +- 16 keV.
    public static let psi2SWidth: Double = 286e-6
    /// psi(2S) branching fraction into e+e-, (7.94 +- 0.22) x 10^-3; the electronic width is
    /// B(e+e-) Gamma = 2.27 keV.
    public static let psi2SElectronBranching: Double = 7.94e-3
    /// psi(2S) branching fraction into hadrons, 97.85 +- 0.13 %.
    public static let psi2SHadronicBranching: Double = 0.9785

    /// Upsilon(1S) mass 9460.40 +- 0.10 MeV.
    public static let upsilon1SMass: Double = 9460.40e-3
    /// Upsilon(1S) total width 54.02 +- 1.25 keV.
    public static let upsilon1SWidth: Double = 54.02e-6
    /// Upsilon(1S) electronic width 1.340 +- 0.018 keV.
    public static let upsilon1SElectronWidth: Double = 1.340e-6
    /// Upsilon(1S) leptonic branching fractions B(e+e-, mu+mu-, tau+tau-) = 2.38, 2.48, 2.60 %.
    public static let upsilon1SLeptonicBranchings: (electron: Double, muon: Double, tau: Double) = (0.0238, 0.0248, 0.0260)

    /// Upsilon(2S) mass 10023.4 +- 0.5 MeV.
    public static let upsilon2SMass: Double = 10023.4e-3
    /// Upsilon(2S) total width 31.98 +- 2.63 keV.
    public static let upsilon2SWidth: Double = 31.98e-6
    /// Upsilon(2S) electronic width 0.612 +- 0.011 keV.
    public static let upsilon2SElectronWidth: Double = 0.612e-6
    /// Upsilon(2S) leptonic branching fractions B(e+e-, mu+mu-, tau+tau-) = 1.91, 1.93, 2.00 %.
    public static let upsilon2SLeptonicBranchings: (electron: Double, muon: Double, tau: Double) = (0.0191, 0.0193, 0.0200)

    /// Upsilon(3S) mass 10355.1 +- 0.5 MeV.
    public static let upsilon3SMass: Double = 10355.1e-3
    /// Upsilon(3S) total width 20.32 +- 1.85 keV.
    public static let upsilon3SWidth: Double = 20.32e-6
    /// Upsilon(3S) electronic width 0.443 +- 0.008 keV.
    public static let upsilon3SElectronWidth: Double = 0.443e-6
    /// Upsilon(3S) leptonic branching fractions B(e+e-, mu+mu-, tau+tau-) = 2.18, 2.18, 2.29 %.
    public static let upsilon3SLeptonicBranchings: (electron: Double, muon: Double, tau: Double) = (0.0218, 0.0218, 0.0229)

    // MARK: Nucleon structure

    /// Quark contributions to the proton spin, the flavour-diagonal axial charges
    /// g_A^q = Delta q of the proton: g_A^u = 0.777(25)(30), g_A^d = -0.438(18)(30),
    /// g_A^s = -0.053(8) (FLAG Review 2019, Aoki et al., Eur. Phys. J. C 80 (2020) 113, section
    /// 10.4, N_f = 2+1+1 averages). The neutron follows by isospin (u <-> d). They turn quark axial
    /// couplings into nucleon axial couplings: eps^A_p = sum_q g_A^q eps^A_q.
    public static let protonAxialChargeUp: Double = 0.777
    /// g_A^d of the proton (FLAG 2019, see ``protonAxialChargeUp``).
    public static let protonAxialChargeDown: Double = -0.438
    /// g_A^s of the proton (FLAG 2019, see ``protonAxialChargeUp``).
    public static let protonAxialChargeStrange: Double = -0.053

    // MARK: Nuclear levels and nuclei (low-energy observables)

    /// 8Be excited level 1+, T = 0 at 18.150 MeV above the ground state (the ATOMKI anomaly line):
    /// D. R. Tilley et al., "Energy levels of light nuclei A = 8, 9, 10", Nucl. Phys. A 745 (2004) 155.
    public static let beryllium8IsoscalarLevelMeV: Double = 18.15
    /// 8Be excited level 1+, T = 1 at 17.640 MeV (Tilley et al., Nucl. Phys. A 745 (2004) 155).
    public static let beryllium8IsovectorLevelMeV: Double = 17.64
    /// 4He excited level 0-, T = 0 at 21.01 MeV (D. R. Tilley, H. R. Weller, G. M. Hale, Nucl. Phys.
    /// A 541 (1992) 1), the transition of the ATOMKI 4He result (arXiv:1910.10459).
    public static let helium4PseudoscalarLevelMeV: Double = 21.01
    /// Atomic mass unit u = 931.49410372 MeV (CODATA 2022).
    public static let atomicMassUnit: Double = 0.93149410372
    /// Atomic mass of 133Cs, 132.905451961 u (AME2020: M. Wang et al., Chin. Phys. C 45 (2021) 030003).
    public static let cesium133AtomicMassU: Double = 132.905451961
    /// Atomic mass of 127I, 126.9044719 u (AME2020).
    public static let iodine127AtomicMassU: Double = 126.9044719
    /// Atomic mass of 40Ar, 39.9623831237 u (AME2020).
    public static let argon40AtomicMassU: Double = 39.9623831237
    /// Atomic mass of 132Xe, 131.9041550856 u (AME2020).
    public static let xenon132AtomicMassU: Double = 131.9041550856
    /// Root-mean-square charge radius of 133Cs, 4.8041 fm (I. Angeli, K. P. Marinova, At. Data Nucl.
    /// Data Tables 99 (2013) 69).
    public static let cesium133ChargeRadiusFm: Double = 4.8041
    /// Helm form-factor parameters of J. D. Lewin, P. F. Smith, Astropart. Phys. 6 (1996) 87:
    /// surface thickness s = 0.9 fm, a = 0.52 fm, c = 1.23 A^(1/3) - 0.60 fm.
    public static let helmSkinThicknessFm: Double = 0.9
    /// Helm parameter a = 0.52 fm (Lewin & Smith 1996).
    public static let helmAFm: Double = 0.52
    /// Helm parameter c = helmCSlopeFm A^(1/3) + helmCOffsetFm with slope 1.23 fm (Lewin & Smith 1996).
    public static let helmCSlopeFm: Double = 1.23
    /// Helm parameter offset -0.60 fm (Lewin & Smith 1996).
    public static let helmCOffsetFm: Double = -0.60

    // MARK: Units

    /// hbar = 6.582119569e-25 GeV s (CODATA 2022, exact since the 2019 SI).
    public static let hbarGeVSeconds: Double = 6.582119569e-25
    /// hbar c = 1.973269804e-16 GeV m (CODATA 2022).
    public static let hbarCGeVMetres: Double = 1.973269804e-16
    /// Speed of light, 299 792 458 m/s (exact).
    public static let speedOfLightMetresPerSecond: Double = 299_792_458
    /// (hbar c)^2 = 0.3893793721 GeV^2 mb, for converting GeV^-2 to cross sections in cm^2:
    /// 1 GeV^-2 = 3.893793721e-28 cm^2 (CODATA 2022).
    public static let gevMinus2InSquareCentimetres: Double = 3.893793721e-28

    // MARK: Fixed-target and cosmology inputs

    /// Avogadro constant N_A = 6.02214076e23 mol^-1 (exact since the 2019 SI; CODATA 2022).
    public static let avogadro: Double = 6.02214076e23
    /// Planck mass M_Pl = 1.220890e19 GeV (PDG 2024, G_N = hbar c/M_Pl^2).
    public static let planckMass: Double = 1.220890e19
    /// Proton magnetic moment mu_p = 2.79284734463 nuclear magnetons (CODATA 2022); enters the
    /// inelastic (quasi-free proton) photon flux of Tsai, Rev. Mod. Phys. 46 (1974) 815.
    public static let protonMagneticMoment: Double = 2.79284734463
}
