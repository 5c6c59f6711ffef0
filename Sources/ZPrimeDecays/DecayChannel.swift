/// A Z' decay channel. The eight top-level channels partition the total width; every other
/// channel is a part of one of them (``parent``).
///
/// | key | channel | part of |
/// | --- | --- | --- |
/// | `e`, `mu`, `tau` | charged-lepton pairs | total |
/// | `nu` | all light neutrinos (`nu_e`, `nu_mu`, `nu_tau`, `nu_sterile`) | total |
/// | `hadrons` | everything hadronic | total |
/// | `photons` | three photons (m <= 2 m_e, vector electron coupling) | total |
/// | `invisible` | the dark sector: the dark width of the parameter point, and dark fermions of the particle table | total |
/// | `exotic` | every other fermion pair: flavour-changing pairs and heavy states beyond the SM (per pair in ``DecayWidths/pairs``) | total |
/// | `pi+_pi-`, `pi+_pi-_pi0`, `pi+_pi-_pi+_pi-`, `pi+_pi-_pi0_pi0`, `K_K`, `K_K_pi`, `pi0_gamma`, `other` | DarkCast's exclusive VMD channels (vector couplings, m <= 2 GeV) | hadrons |
/// | `hadrons_axial` | axial-vector hadronic part (a_1 spectral functions, m <= 2 GeV) | hadrons |
/// | `uds` | perturbative u, d, s pairs with QCD corrections (m >= 1.8 GeV) | hadrons |
/// | `c`, `b`, `t` | heavy-quark pairs with QCD corrections | hadrons |
public enum DecayChannel: String, CaseIterable, Sendable, Hashable, Codable {
    case electron = "e"
    case muon = "mu"
    case tau = "tau"
    case neutrinos = "nu"
    case hadrons = "hadrons"
    case photons = "photons"
    case invisible = "invisible"
    case electronNeutrinos = "nu_e"
    case muonNeutrinos = "nu_mu"
    case tauNeutrinos = "nu_tau"
    case sterileNeutrinos = "nu_sterile"
    case pionPair = "pi+_pi-"
    case threePions = "pi+_pi-_pi0"
    case fourChargedPions = "pi+_pi-_pi+_pi-"
    case twoChargedTwoNeutralPions = "pi+_pi-_pi0_pi0"
    case kaonPair = "K_K"
    case kaonPairPion = "K_K_pi"
    case neutralPionPhoton = "pi0_gamma"
    case otherHadrons = "other"
    case axialHadrons = "hadrons_axial"
    case lightQuarks = "uds"
    case charm = "c"
    case bottom = "b"
    case top = "t"
    case exotic = "exotic"

    /// The position in `allCases`, for array storage.
    public var ordinal: Int {
        switch self {
        case .electron: return 0
        case .muon: return 1
        case .tau: return 2
        case .neutrinos: return 3
        case .hadrons: return 4
        case .photons: return 5
        case .invisible: return 6
        case .electronNeutrinos: return 7
        case .muonNeutrinos: return 8
        case .tauNeutrinos: return 9
        case .sterileNeutrinos: return 10
        case .pionPair: return 11
        case .threePions: return 12
        case .fourChargedPions: return 13
        case .twoChargedTwoNeutralPions: return 14
        case .kaonPair: return 15
        case .kaonPairPion: return 16
        case .neutralPionPhoton: return 17
        case .otherHadrons: return 18
        case .axialHadrons: return 19
        case .lightQuarks: return 20
        case .charm: return 21
        case .bottom: return 22
        case .top: return 23
        case .exotic: return 24
        }
    }

    /// The top-level channel this one belongs to (nil for the top-level channels themselves).
    public var parent: DecayChannel? {
        switch self {
        case .electron, .muon, .tau, .neutrinos, .hadrons, .photons, .invisible, .exotic: return nil
        case .electronNeutrinos, .muonNeutrinos, .tauNeutrinos, .sterileNeutrinos: return .neutrinos
        default: return .hadrons
        }
    }

    /// The number of channels (`allCases.count`, stored).
    public static let caseCount = allCases.count

    /// The eight channels whose widths add up to the total.
    public static let topLevel: [DecayChannel] = allCases.filter { $0.parent == nil }

    /// DarkCast's eight exclusive hadronic channels, in the order of ``HadronicData/channels``.
    public static let exclusiveHadronic: [DecayChannel] = [
        .pionPair, .threePions, .fourChargedPions, .twoChargedTwoNeutralPions, .kaonPair, .kaonPairPion, .neutralPionPhoton, .otherHadrons,
    ]

    /// Parses a channel key (exact match, case-sensitive as printed, or case-insensitive when unique).
    public init?(key: String) {
        if let exact = DecayChannel(rawValue: key) { self = exact; return }
        let matches = DecayChannel.allCases.filter { $0.rawValue.lowercased() == key.lowercased() }
        guard matches.count == 1 else { return nil }
        self = matches[0]
    }
}
