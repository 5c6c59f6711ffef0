import ZPrimeCore

/// Neutrino trident production nu_mu N -> nu_mu N mu+ mu- through a contact interaction, relative
/// to the Standard Model: the piece shared by the flavour module (heavy mediators, flavio's
/// coefficients) and the probes module (the Z' of any mass, whose heavy limit this is).
///
/// With the coefficients of (nubar_L gamma nu_L)(mubar gamma (C_V - C_A gamma5) mu) normalised to
/// -(G_F/sqrt2)(1 - gamma5) (Altmannshofer, Gori, Pospelov, Yavin, Phys. Rev. Lett. 113 (2014)
/// 091801, arXiv:1406.2332), the Standard Model has C_V = 1/2 + 2 s_W^2, C_A = 1/2 (W and Z
/// exchange; s_W^2 the low-energy sin^2 theta_W(0), PDG 2024), and new physics shifting them by
/// (Delta C_V, Delta C_A) gives
///
///     sigma/sigma_SM = [(C_V + Delta C_V)^2 + (C_A + Delta C_A)^2] / [C_V^2 + C_A^2].
///
/// ```swift
/// print(TridentContact.ratio(vectorShift: 0, axialShift: 0))   // 1.0
/// ```
public enum TridentContact {
    /// The Standard Model C_V = 1/2 + 2 s_W^2(0).
    public static var standardVector: Double { 0.5 + 2 * PhysicalConstants.sin2ThetaWLowEnergy }
    /// The Standard Model C_A = 1/2.
    public static let standardAxial = 0.5

    /// sigma/sigma_SM for shifts (Delta C_V, Delta C_A) of the muon couplings.
    public static func ratio(vectorShift dv: Double, axialShift da: Double) -> Double {
        let cv = standardVector, ca = standardAxial
        return ((cv + dv) * (cv + dv) + (ca + da) * (ca + da)) / (cv * cv + ca * ca)
    }
}
