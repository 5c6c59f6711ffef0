import ZPrimeCore

/// Which neutrino states are light enough to appear in Z' couplings and decays.
///
/// The light neutrinos' nature decides both their Z' couplings and the invisible width (for massless
/// final states each light Weyl field of chiral coupling g_i contributes Gamma = g_i^2 m/(24 pi)).
/// With only Dirac masses, anomaly-free U(1) extensions other than B-L-like ones do not reproduce a
/// viable lepton mixing, so most need Majorana neutrinos (Bauer, Foldenauer, Mosny, arXiv:2011.12973).
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

/// Whether to add the loop-induced photon-Z' kinetic mixing.
public enum LoopMixingMode: String, Sendable, Hashable, CaseIterable, Codable {
    /// On exactly when it is finite and calculable (only charged leptons carry U(1)_X charge, with
    /// sum_l X^V_l = 0, e.g. L_i - L_j; X_H = 0; no X-charged electrically charged extra fermions),
    /// and no tree-level kinetic mixing was given (neither an explicit eps nor a model-fixed ratio).
    case automatic = "auto"
    /// Always add the finite loop (an explicit eps is then added on top); an error for models where
    /// it diverges.
    case on
    /// Never add it.
    case off
    /// For models whose loop-induced mixing is not finite (quarks carry X charge, e.g. U(1)_B), the
    /// one-loop size estimate eps = e g_X/(16 pi^2) as the tree-level kinetic mixing (the benchmark of
    /// Tulin, Phys. Rev. D 89 (2014) 114008, arXiv:1404.4370; its sign depends on the ultraviolet
    /// completion and is taken positive). Cannot be combined with an explicit eps.
    case estimate
}

/// How the kinetic mixing eps of a parameter point is set (eps multiplies e Q_f in the Z' couplings
/// at leading order; it is the physical eps = eps_k cos(theta_W)/sqrt(1 - eps_k^2) of Hati et al.,
/// JHEP 07 (2020) 235, with eps_k the Lagrangian parameter).
public enum KineticMixing: Hashable, Sendable, Codable {
    /// No tree-level kinetic mixing.
    case none
    /// A fixed eps, independent of the gauge coupling.
    case fixed(Double)
    /// Tied to the gauge coupling: eps = ratio g_X (the coupling's scale changes both).
    case proportional(ratio: Double)
    /// The model's own fixed ratio (``ZPrimeModels/Model/kineticMixingRatio``), imposed exactly: eps
    /// relates to the effective U(1)_X coupling g_X/(e sqrt(1 - eps_k^2)) that multiplies the charges
    /// once the kinetic mixing is removed, so that for the protophobic model eps_p vanishes to all
    /// orders in eps.
    case model
    /// The one-loop estimate eps = e g_X/(16 pi^2) (see ``LoopMixingMode/estimate``).
    case oneLoopEstimate

    /// Whether the mixing changes when the gauge coupling does.
    public var scalesWithCoupling: Bool {
        switch self {
        case .none, .fixed: return false
        case .proportional, .model, .oneLoopEstimate: return true
        }
    }
}

/// An optional width of the Z' into a dark sector, reported as the ``invisible`` decay channel.
public enum DarkSector: Sendable, Hashable, Codable {
    /// No dark decays.
    case none
    /// A fixed width in GeV (the same at every mass).
    case fixed(Double)
    /// A Dirac fermion chi of mass `mass` (GeV) with vector coupling `coupling` (absolute) to the Z':
    /// Gamma = g_chi^2 m/(12 pi) (1 + 2 r) sqrt(1 - 4 r), r = m_chi^2/m^2.
    case darkFermion(coupling: Double, mass: Double)
    /// An invisible width `factor` times the visible width at every mass. DarkCast's convention for
    /// an invisibly decaying dark photon is factor 99 (BR(invisible) = 0.99; Ilten, Soreq, Williams,
    /// Xue, arXiv:1801.04847).
    case visibleMultiple(Double)

    /// DarkCast's invisible dark photon: a dark width 99 times the visible one.
    public static let darkCastInvisible = DarkSector.visibleMultiple(99)

    /// Checks the parameters.
    public func validated() throws(Problem) -> DarkSector {
        switch self {
        case .none: break
        case .fixed(let width):
            guard width.isFinite, width >= 0, width <= ParameterPoint.maximumMass else {
                throw Problem.invalid(.invisibleWidth, width, "must be finite, >= 0 and <= \(ParameterPoint.maximumMass) GeV")
            }
        case .darkFermion(let coupling, let mass):
            guard coupling.isFinite, coupling > 0, coupling <= ParameterPoint.maximumCoupling else {
                throw Problem.invalid(.darkCoupling, coupling, "must be finite, > 0 and <= \(ParameterPoint.maximumCoupling)")
            }
            guard mass.isFinite, mass >= 0, mass <= ParameterPoint.maximumMass else {
                throw Problem.invalid(.darkMass, mass, "must be finite, >= 0 and <= \(ParameterPoint.maximumMass) GeV")
            }
        case .visibleMultiple(let factor):
            guard factor.isFinite, factor >= 0, factor <= 1e12 else {
                throw Problem.invalid(.invisibleWidth, factor, "the invisible-to-visible width ratio must be finite, >= 0 and <= 1e12")
            }
        }
        return self
    }
}

/// The measured datasets a computation compares with; `nil` means the newest.
public struct DatasetSelection: Sendable, Hashable, Codable {
    /// The muon g-2 dataset (e.g. `2021`, `2025`).
    public var muon: String?
    /// The electron g-2 dataset (e.g. `cs2018`, `rb2020`).
    public var electron: String?

    /// Creates a selection.
    public init(muon: String? = nil, electron: String? = nil) {
        self.muon = muon
        self.electron = electron
    }

    /// The newest datasets.
    public static let newest = DatasetSelection()
}
