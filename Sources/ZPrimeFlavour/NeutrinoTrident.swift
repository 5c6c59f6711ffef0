import Numerics
import ZPrimeCore

/// Neutrino trident production nu_mu N -> nu_mu mu+ mu- N in the heavy-mediator limit.
///
/// With the coefficients of (nubar_L gamma nu_L)(mubar gamma (C_V - C_A gamma5) mu) normalised to
/// -(G_F/sqrt2)(1 - gamma5) (Altmannshofer, Gori, Pospelov, Yavin, Phys. Rev. Lett. 113 (2014) 091801,
/// arXiv:1406.2332), the Standard Model has C_V = 1/2 + 2 s_W^2, C_A = 1/2 (W and Z exchange), and
///
///     sigma/sigma_SM = [(C_V + Delta C_V)^2 + (C_A + Delta C_A)^2] / [C_V^2 + C_A^2],
///     Delta C_V = -(C_VLL + C_VLR),   Delta C_A = -C_VLL + C_VLR,
///
/// in terms of the flavio coefficients of ``WeakEffectiveTheory/neutrinoMuon(_:neutrino:mass:)``
/// (flavio's `R_trident` uses the same combination). For L_mu - L_tau this is AGPY's
/// [1 + (1 + 4 s_W^2 + 2 v^2 g^2/M^2)^2]/[1 + (1 + 4 s_W^2)^2]. s_W^2 is the low-energy
/// sin^2 theta_W(0) = 0.23857 (PDG 2024). Only the nu_mu final state interferes; off-diagonal
/// neutrino couplings (absent for charges) are not included.
///
/// The bound is CCFR's sigma/sigma_SM = 0.82 +- 0.28 (Mishra et al., Phys. Rev. Lett. 66 (1991) 3117).
///
/// ```swift
/// print(NeutrinoTrident.ratio(vectorLeftLeft: 0, vectorLeftRight: 0))   // 1
/// ```
public enum NeutrinoTrident {
    /// The Standard Model C_V = 1/2 + 2 s_W^2(0).
    public static var standardVector: Double { 0.5 + 2 * PhysicalConstants.sin2ThetaWLowEnergy }
    /// The Standard Model C_A = 1/2.
    public static let standardAxial = 0.5

    /// sigma/sigma_SM from the flavio coefficients C_VLL, C_VLR of (nu_mu nu_mu)(mu mu).
    public static func ratio(vectorLeftLeft cLL: Double, vectorLeftRight cLR: Double) -> Double {
        let cv = standardVector, ca = standardAxial
        let v = cv - (cLL + cLR), a = ca - cLL + cLR
        return (v * v + a * a) / (cv * cv + ca * ca)
    }
}
