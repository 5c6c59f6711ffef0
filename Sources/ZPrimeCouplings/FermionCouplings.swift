import ZPrimeCore
import ZPrimeSpectrum

/// The Standard Model fermions and the nucleons a Z' couples to: the Standard Model view of a
/// ``CouplingTable`` (whose mass-basis ``ChiralCouplingMatrix`` covers any particle content).
///
/// The twelve fermions have the indices of ``ParticleTable/standardModel`` (``ordinal`` 0 ... 11);
/// the proton and the neutron (12, 13) are derived from the quark couplings.
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

extension CouplingTarget {
    /// The position of the target in `CouplingTarget.allCases` (0 ... 13): for the twelve fermions
    /// also their index in every ``ParticleTable`` built by ZPrime.
    public var ordinal: Int {
        switch self {
        case .electron: return 0
        case .muon: return 1
        case .tau: return 2
        case .electronNeutrino: return 3
        case .muonNeutrino: return 4
        case .tauNeutrino: return 5
        case .up: return 6
        case .down: return 7
        case .strange: return 8
        case .charm: return 9
        case .bottom: return 10
        case .top: return 11
        case .proton: return 12
        case .neutron: return 13
        }
    }

    /// The number of targets (`allCases.count`, stored).
    public static let caseCount = allCases.count

    /// The SM fermions (every target but the nucleons), in `allCases` order.
    public static let fermions: [CouplingTarget] = allCases.filter { $0 != .proton && $0 != .neutron }

    /// The target of the Standard Model particle at `index` of a particle table (0 ... 11), or nil.
    public init?(particleIndex index: Int) {
        guard index >= 0, index < ParticleTable.standardModelCount else { return nil }
        self = CouplingTarget.fermions[index]
    }
}
