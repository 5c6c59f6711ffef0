import ZPrimeCore
import ZPrimeCouplings

/// The charged leptons whose anomalous magnetic moments ZPrime computes.
public enum ChargedLepton: String, CaseIterable, Sendable, Hashable, Codable {
    /// The electron.
    case electron = "e"
    /// The muon.
    case muon = "mu"
    /// The tau.
    case tau = "tau"

    /// The lepton for a user-typed name: `e`, `electron`, `mu`, `muon`, `tau` (case-insensitive);
    /// `nil` for anything else.
    public init?(name: String) {
        switch name.lowercased() {
        case "e", "electron": self = .electron
        case "mu", "muon": self = .muon
        case "tau": self = .tau
        default: return nil
        }
    }

    /// The mass in GeV (PDG 2024, `PhysicalConstants`).
    public var mass: Double {
        switch self {
        case .electron: return PhysicalConstants.electronMass
        case .muon: return PhysicalConstants.muonMass
        case .tau: return PhysicalConstants.tauMass
        }
    }

    /// The matching entry of a ``FermionCouplings`` table.
    public var couplingTarget: CouplingTarget {
        switch self {
        case .electron: return .electron
        case .muon: return .muon
        case .tau: return .tau
        }
    }

    /// The neutrino of the same family.
    public var neutrino: CouplingTarget {
        switch self {
        case .electron: return .electronNeutrino
        case .muon: return .muonNeutrino
        case .tau: return .tauNeutrino
        }
    }
}
