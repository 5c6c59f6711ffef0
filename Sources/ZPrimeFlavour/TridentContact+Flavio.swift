import ZPrimeObservables

/// Neutrino trident production nu_mu N -> nu_mu mu+ mu- N in the heavy-mediator limit, from the
/// flavio coefficients C_VLL, C_VLR of (nu_mu nu_mu)(mu mu) of
/// ``WeakEffectiveTheory/neutrinoMuon(_:neutrino:mass:)``: in the normalisation of
/// ``ZPrimeObservables/TridentContact`` the muon couplings shift by
///
///     Delta C_V = -(C_VLL + C_VLR),   Delta C_A = -C_VLL + C_VLR
///
/// (flavio's `R_trident` uses the same combination). For L_mu - L_tau this is Altmannshofer et al.'s
/// [1 + (1 + 4 s_W^2 + 2 v^2 g^2/M^2)^2]/[1 + (1 + 4 s_W^2)^2] (arXiv:1406.2332). Only the nu_mu final
/// state interferes; off-diagonal neutrino couplings (absent for charges) are not included.
///
/// The bound is CCFR's sigma/sigma_SM = 0.82 +- 0.28 (Mishra et al., Phys. Rev. Lett. 66 (1991) 3117).
///
/// ```swift
/// print(TridentContact.ratio(vectorLeftLeft: 0, vectorLeftRight: 0))   // 1.0
/// ```
extension TridentContact {
    /// The shifts (Delta C_V, Delta C_A) from the flavio coefficients C_VLL, C_VLR.
    public static func shifts(vectorLeftLeft cLL: Double, vectorLeftRight cLR: Double) -> (vector: Double, axial: Double) {
        (-(cLL + cLR), -cLL + cLR)
    }

    /// sigma/sigma_SM from the flavio coefficients C_VLL, C_VLR of (nu_mu nu_mu)(mu mu).
    public static func ratio(vectorLeftLeft cLL: Double, vectorLeftRight cLR: Double) -> Double {
        let d = shifts(vectorLeftLeft: cLL, vectorLeftRight: cLR)
        return ratio(vectorShift: d.vector, axialShift: d.axial)
    }
}
