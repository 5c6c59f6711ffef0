import ZPrimeCore

/// The Standard Model fermions and the nucleons a Z' couples to.
public enum CouplingTarget: String, CaseIterable, Sendable, Hashable, Codable {
    case electron = "e"
    case muon = "mu"
    case tau = "tau"
    case electronNeutrino = "nu_e"
    case muonNeutrino = "nu_mu"
    case tauNeutrino = "nu_tau"
    case up = "u"
    case down = "d"
    case strange = "s"
    case charm = "c"
    case bottom = "b"
    case top = "t"
    case proton = "p"
    case neutron = "n"

    /// The electric charge in units of e.
    public var electricCharge: Double {
        switch self {
        case .electron, .muon, .tau: return -1
        case .electronNeutrino, .muonNeutrino, .tauNeutrino, .neutron: return 0
        case .up, .charm, .top: return 2.0 / 3.0
        case .down, .strange, .bottom: return -1.0 / 3.0
        case .proton: return 1
        }
    }

    /// The number of colours (3 for quarks, 1 otherwise).
    public var colours: Int {
        switch self {
        case .up, .down, .strange, .charm, .bottom, .top: return 3
        default: return 1
        }
    }

    /// Whether the target is a neutrino.
    public var isNeutrino: Bool { self == .electronNeutrino || self == .muonNeutrino || self == .tauNeutrino }

    /// Whether the target is a charged lepton.
    public var isChargedLepton: Bool { self == .electron || self == .muon || self == .tau }

    /// Whether the target is a quark.
    public var isQuark: Bool { colours == 3 }

    /// The SM family index (0, 1, 2) of a lepton or quark; nil for nucleons.
    public var family: Int? {
        switch self {
        case .electron, .electronNeutrino, .up, .down: return 0
        case .muon, .muonNeutrino, .charm, .strange: return 1
        case .tau, .tauNeutrino, .top, .bottom: return 2
        case .proton, .neutron: return nil
        }
    }
}

/// A Z' coupling to one fermion in the seeds' convention (seeds 000/001, PHYSICS.md section 3):
/// L = e Z'_mu fbar gamma^mu (eps^V + gamma^5 eps^A) f.
///
/// `vector` and `axial` are eps^V and eps^A, in units of the elementary charge e. The absolute
/// couplings are g_V = e eps^V and g_A = e eps^A. From chiral U(1)_X charges with gauge coupling
/// g_X: eps^V = g_X (X_L + X_R)/(2e), eps^A = g_X (X_R - X_L)/(2e).
public struct ChiralCoupling: Sendable, Hashable {
    /// eps^V in units of e.
    public var vector: Double
    /// eps^A in units of e.
    public var axial: Double

    /// Creates a coupling from eps^V and eps^A (units of e).
    public init(vector: Double, axial: Double) {
        self.vector = vector
        self.axial = axial
    }

    /// No coupling.
    public static let zero = ChiralCoupling(vector: 0, axial: 0)

    /// The absolute vector coupling g_V = e eps^V.
    public var absoluteVector: Double { PhysicalConstants.elementaryCharge * vector }
    /// The absolute axial coupling g_A = e eps^A.
    public var absoluteAxial: Double { PhysicalConstants.elementaryCharge * axial }

    /// The coupling to the left-handed component, eps^V - eps^A (units of e): with
    /// gamma^5 P_L = -P_L the Lagrangian reads e Z' [(eps^V - eps^A) fbar_L gamma f_L +
    /// (eps^V + eps^A) fbar_R gamma f_R]. For a purely left-handed neutrino this is g_X X_L / e.
    public var left: Double { vector - axial }
    /// The coupling to the right-handed component, eps^V + eps^A (units of e).
    public var right: Double { vector + axial }
}

/// The couplings of one Z' to every ``CouplingTarget``, in units of e.
public struct FermionCouplings: Sendable, Hashable {
    /// The couplings by target; a missing target couples with zero.
    public var values: [CouplingTarget: ChiralCoupling]

    /// Creates a coupling table.
    public init(_ values: [CouplingTarget: ChiralCoupling] = [:]) {
        self.values = values
    }

    /// The coupling to `target` (zero if absent).
    public subscript(_ target: CouplingTarget) -> ChiralCoupling {
        get { values[target] ?? .zero }
        set { values[target] = newValue }
    }
}
