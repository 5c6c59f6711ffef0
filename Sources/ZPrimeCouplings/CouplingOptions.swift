import ZPrimeCore

/// Which neutrino states are light enough to appear in Z' couplings and decays.
///
/// The light neutrinos' nature decides both their Z' couplings and the invisible width (seed 003,
/// "Dirac neutrinos" / "Majorana neutrinos"; PHYSICS.md section 4). For massless final states each
/// light Weyl field of chiral coupling g_i contributes Gamma = g_i^2 m/(24 pi).
public enum LightNeutrinos: String, Sendable, Hashable, CaseIterable, Codable {
    /// The SM case and the default: only the left-handed nu_L are light (Majorana, or Dirac with a
    /// U(1)_X-neutral or heavy partner). Couplings eps^V = -eps^A = g_X X_L/(2e) (pure left-handed);
    /// Gamma(Z' -> nu nubar) = g_X^2 X_L^2 m/(24 pi) per flavour. DarkCast v1.1 used this factor;
    /// v2.1 uses twice it (see docs/couplings-and-decays.md).
    case leftHandedMajorana = "majorana"
    /// Light Dirac neutrinos: nu_L of family i pairs with N_R,i (the model must have one N_R per
    /// family). eps^V = g_X (X_L + X_N)/(2e), eps^A = g_X (X_N - X_L)/(2e);
    /// Gamma = g_X^2 (X_L^2 + X_N^2) m/(24 pi) per flavour.
    case dirac = "dirac"
    /// Left-handed Majorana nu_L plus light Majorana N_R (any number): the nu couplings are those of
    /// ``leftHandedMajorana``; every N_R adds g_X^2 X_N^2 m/(24 pi) to the invisible width.
    case lightSterile = "light-sterile"

    /// A one-line description for reports.
    public var summary: String {
        switch self {
        case .leftHandedMajorana: return "left-handed nu_L only (SM / Majorana): Gamma = g^2 X_L^2 m/(24 pi) per flavour"
        case .dirac: return "Dirac: nu_L + N_R per family, Gamma = g^2 (X_L^2 + X_N^2) m/(24 pi) per flavour"
        case .lightSterile: return "Majorana nu_L plus light Majorana N_R: Gamma adds g^2 X_N^2 m/(24 pi) per N_R"
        }
    }
}

/// Whether to add the loop-induced photon-Z' kinetic mixing (``LoopKineticMixing``).
public enum LoopMixingMode: String, Sendable, Hashable, CaseIterable, Codable {
    /// On exactly when it is finite and calculable (only charged leptons carry U(1)_X charge, with
    /// sum_l X^V_l = 0, e.g. L_i - L_j; X_H = 0; no X-charged electrically charged extra fermions),
    /// and no tree-level kinetic mixing was given (neither an explicit eps nor a model-fixed ratio).
    case automatic = "auto"
    /// Always add it (an explicit eps is then added on top); an error for models where it diverges.
    case on
    /// Never add it.
    case off
}

/// Options of a ``CouplingCalculator``.
public struct CouplingOptions: Sendable, Hashable {
    /// The light neutrino states (default: left-handed Majorana).
    public var lightNeutrinos: LightNeutrinos
    /// The loop-induced kinetic mixing (default: automatic).
    public var loopMixing: LoopMixingMode
    /// The Z' mass (GeV) used for the exact A-Z-Z' mixing by
    /// ``CouplingCalculator/couplings(atSquaredMomentum:)``; `nil` is the light limit m_Z' -> 0
    /// (corrections O(m_Z'^2/m_Z^2)).
    public var bosonMass: Double?
    /// The electroweak inputs of the mixing.
    public var electroweak: ElectroweakInputs

    /// Creates options.
    public init(lightNeutrinos: LightNeutrinos = .leftHandedMajorana, loopMixing: LoopMixingMode = .automatic,
                bosonMass: Double? = nil, electroweak: ElectroweakInputs = .standard) {
        self.lightNeutrinos = lightNeutrinos
        self.loopMixing = loopMixing
        self.bosonMass = bosonMass
        self.electroweak = electroweak
    }
}

/// A bad input to the couplings stage: names the parameter, its value and what is wrong.
public typealias CouplingError = ParameterError
