/// How a model's fermion mass eigenstates relate to its interaction fields: the couplings stage
/// picks its spectrum provider from this (never from a model's name).
///
/// ```swift
/// print(BuiltinModels.model(named: "b-l-vll")!.spectrum)   // vectorLikeLeptons
/// print(BuiltinModels.model(named: "B-L")!.spectrum)       // aligned
/// ```
public enum FermionSpectrum: String, Sendable, Hashable, Codable, CaseIterable {
    /// The interaction basis is the mass basis: family-diagonal charges give diagonal couplings;
    /// extra fermions are heavy and do not mix. Every model fixed by its charges alone.
    case aligned
    /// The seed model's vector-like leptons (Hati, Kriewald, Orloff, Teixeira, JHEP 07 (2020) 235,
    /// arXiv:2005.00028): doublets L and singlets E of U(1)_{B-L} charge +1 mix with the SM leptons
    /// through the breaking scalar h_X; the mass matrices come from the point's model parameters
    /// (per generation lambda_L, lambda_E, M_L, M_E, h, k, y, y_nu, y_M and m_hX), see
    /// docs/seed-model.md. Without those parameters the couplings stage falls back to the aligned
    /// couplings and says so.
    case vectorLikeLeptons = "vector-like-leptons"
}
