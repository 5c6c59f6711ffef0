/// The electroweak input scheme of every tree-level relation in ZPrime: the photon-Z-Z' mixing, the
/// Z admixture of a Z', and the units the couplings are quoted in.
///
/// **Inputs** (the "alpha(0), G_F, m_Z" scheme): the fine-structure constant in the Thomson limit
/// alpha(0) = 1/137.035999177 (CODATA 2022), the Fermi constant G_F = 1.1663788e-5 GeV^-2 (PDG 2024,
/// from the muon lifetime) and the Z mass m_Z = 91.1880 GeV (PDG 2024). **Derived** at tree level:
///
///     e = sqrt(4 pi alpha(0)),   v = (sqrt2 G_F)^(-1/2) = 246.22 GeV,
///     sin^2 theta_W cos^2 theta_W = pi alpha(0) / (sqrt2 G_F m_Z^2)  =>  sin^2 theta_W = 0.21215,
///     g_Z = e/(sin theta_W cos theta_W) = 2 m_Z/v = 0.74070,   g' = e/cos theta_W,   m_W = m_Z cos theta_W.
///
/// Why this scheme: a Z' coupling is quoted in units of the low-energy e (the eps^V, eps^A
/// convention of Hati et al., JHEP 07 (2020) 235, L = e Z' fbar gamma (eps^V + gamma^5 eps^A) f), so e must be e(0); the strength of a
/// low-energy neutral current (the Z admixture of a light Z') is fixed by G_F; the position of the Z
/// pole by m_Z. With these three exact, g_Z = e/(s_W c_W) equals the G_F value 2 m_Z/v identically
/// (an on-shell sin^2 theta_W = 1 - m_W^2/m_Z^2 = 0.22321 with alpha(0) gives a g_Z 1.8 % lower).
///
/// **Size of the choice.** A tree-level scheme cannot reproduce every measured electroweak number
/// at once (the difference is the radiative correction Delta r ~ 3.6 %): here the derived m_W =
/// 80.94 GeV is 0.7 % above the measured 80.3692 GeV and sin^2 theta_W = 0.2122 lies below the
/// MS-bar 0.23129 at m_Z. It enters the Z' couplings only through the Z admixture, which for a light
/// Z' is suppressed by m_Z'^2/m_Z^2 (the neutrino's kinetic-mixing coupling eps e m_Z'^2/(2 c_W^2 m_Z^2)
/// changes by c_W^2 ratios of a few per cent) and through O(eps^2) normalisation factors; the leading
/// eps e Q_f and g_X X_f couplings do not depend on it.
///
/// **Not used for Standard Model predictions.** The SM neutral-current couplings that low-energy
/// observables compare against (nu-e scattering g_L, g_R; the weak charges of Cs, of the electron and
/// of nuclei) are radiatively corrected predictions at q^2 ~ 0, computed from the low-energy effective
/// sin^2 theta_W(0) = 0.23857 (``PhysicalConstants/sin2ThetaWLowEnergy``, PDG 2024): a tree-level
/// scheme value there would move g_L^{nu_mu e} by 10 %. The Z' contributions themselves are computed
/// in this scheme.
///
/// ```swift
/// let scheme = ElectroweakScheme.standard
/// print(scheme.sin2ThetaW)        // 0.2121...
/// print(scheme.zCoupling * scheme.vacuumExpectationValue / 2)   // m_Z = 91.188
/// ```
public struct ElectroweakScheme: Sendable, Hashable, Codable {
    /// alpha(0), the fine-structure constant in the Thomson limit.
    public var alpha: Double
    /// G_F in GeV^-2.
    public var fermiConstant: Double
    /// m_Z in GeV (the unmixed Z mass).
    public var zMass: Double

    /// The scheme with the inputs of ``PhysicalConstants`` (CODATA 2022 alpha, PDG 2024 G_F and m_Z).
    public static let standard = ElectroweakScheme(alpha: PhysicalConstants.alpha, fermiConstant: PhysicalConstants.fermiConstant,
                                                   zMass: PhysicalConstants.zMass)

    /// Creates a scheme from its three inputs (positive and finite; sin^2 2 theta_W = 4 pi alpha /
    /// (sqrt2 G_F m_Z^2) must be below 1, which holds for any inputs near the measured ones).
    public init(alpha: Double, fermiConstant: Double, zMass: Double) {
        precondition(alpha > 0 && fermiConstant > 0 && zMass > 0, "electroweak inputs must be positive")
        self.alpha = alpha
        self.fermiConstant = fermiConstant
        self.zMass = zMass
    }

    /// e = sqrt(4 pi alpha(0)).
    public var elementaryCharge: Double { (4 * Double.pi * alpha).squareRoot() }

    /// The vacuum expectation value v = (sqrt2 G_F)^(-1/2) in GeV (246.22).
    public var vacuumExpectationValue: Double { 1 / (2.0.squareRoot() * fermiConstant).squareRoot() }

    /// sin^2 theta_W from s^2 c^2 = pi alpha/(sqrt2 G_F m_Z^2), the root below 1/2 (0.21215).
    public var sin2ThetaW: Double {
        let product = Double.pi * alpha / (2.0.squareRoot() * fermiConstant * zMass * zMass)
        return 0.5 * (1 - (1 - 4 * product).squareRoot())
    }

    /// sin theta_W.
    public var sinThetaW: Double { sin2ThetaW.squareRoot() }
    /// cos theta_W.
    public var cosThetaW: Double { (1 - sin2ThetaW).squareRoot() }
    /// The hypercharge coupling g' = e/cos theta_W.
    public var hyperchargeCoupling: Double { elementaryCharge / cosThetaW }
    /// The SU(2) coupling g = e/sin theta_W.
    public var weakCoupling: Double { elementaryCharge / sinThetaW }
    /// g_Z = sqrt(g^2 + g'^2) = e/(sin cos) = 2 m_Z/v.
    public var zCoupling: Double { elementaryCharge / (sinThetaW * cosThetaW) }
    /// The tree-level W mass m_Z cos theta_W of the scheme (80.94 GeV; the measured value is 80.3692).
    public var wMass: Double { zMass * cosThetaW }
}
