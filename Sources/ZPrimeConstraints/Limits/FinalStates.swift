import ZPrimeCore
import ZPrimeDecays

/// A set of decay final states, named as in DarkCast's limit files (`e_e`, `mu_mu`, `pi+_pi-`,
/// `invisible`, `visible`, ...), summed over ZPrime's ``DecayChannel``s.
///
/// | DarkCast name | ZPrime channels |
/// | --- | --- |
/// | `e_e`, `mu_mu`, `tau_tau` | `e`, `mu`, `tau` |
/// | `nue_nue`, `numu_numu`, `nutau_nutau` | `nu_e`, `nu_mu`, `nu_tau` |
/// | `c_c`, `b_b`, `t_t` | `c`, `b`, `t` (perturbative heavy quarks) |
/// | `pi+_pi-`, `pi+_pi-_pi0`, `pi+_pi-_pi+_pi-`, `pi+_pi-_pi0_pi0`, `K_K`, `K_K_pi`, `pi0_gamma`, `other` | the exclusive VMD channels (below 2 GeV) |
/// | `gamma_gamma_gamma` | `photons` |
/// | `leptons` | `e` + `mu` + `tau` |
/// | `neutrinos` | `nu` (every light neutrino, sterile ones included) |
/// | `quarks` | `c` + `b` + `t` |
/// | `hadrons` | `hadrons` |
/// | `dark` | `invisible` (the dark sector) |
/// | `invisible` | `nu` + `invisible` |
/// | `visible` | `e` + `mu` + `tau` + `hadrons` + `photons` + `exotic` |
/// | `total` | every top-level channel |
/// | `none` | the decay does not enter (a bound that is not a decay search) |
///
/// ```swift
/// let point = try ParameterPoint(model: BuiltinModels.model(named: "B-L")!, mass: 0.5, coupling: 1e-4)
/// let widths = try DecayCalculator(couplings: CouplingCalculator(point: point)).widths(mass: 0.5)
/// let states = try FinalStates(names: ["e_e", "mu_mu"])
/// print(states.width(of: widths))   // Gamma(e+e-) + Gamma(mu+mu-)
/// ```
public struct FinalStates: Sendable, Hashable {
    /// The names as given.
    public let names: [String]
    /// The channels summed (empty for `none`).
    public let channels: [DecayChannel]
    /// Whether the decay does not enter (`none`).
    public var isNone: Bool { channels.isEmpty }

    static let table: [String: [DecayChannel]] = [
        "e_e": [.electron], "mu_mu": [.muon], "tau_tau": [.tau],
        "nue_nue": [.electronNeutrinos], "numu_numu": [.muonNeutrinos], "nutau_nutau": [.tauNeutrinos],
        "c_c": [.charm], "b_b": [.bottom], "t_t": [.top],
        "pi+_pi-": [.pionPair], "pi+_pi-_pi0": [.threePions], "pi+_pi-_pi+_pi-": [.fourChargedPions],
        "pi+_pi-_pi0_pi0": [.twoChargedTwoNeutralPions], "K_K": [.kaonPair], "K_K_pi": [.kaonPairPion],
        "pi0_gamma": [.neutralPionPhoton], "other": [.otherHadrons], "gamma_gamma_gamma": [.photons],
        "leptons": [.electron, .muon, .tau], "neutrinos": [.neutrinos], "quarks": [.charm, .bottom, .top],
        "hadrons": [.hadrons], "dark": [.invisible], "invisible": [.neutrinos, .invisible],
        "visible": [.electron, .muon, .tau, .hadrons, .photons, .exotic],
        "total": DecayChannel.topLevel,
    ]

    /// Every name understood.
    public static var knownNames: [String] { (Array(table.keys) + ["none"]).sorted() }

    /// The final states called `names`.
    ///
    /// - Throws: ``Problem`` for an empty list, an unknown name, `none` together with other states,
    ///   or a list that counts a width twice (a channel and a state that contains it).
    public init(names: [String], field: String = "decay.final_states") throws(Problem) {
        guard !names.isEmpty else { throw Problem.invalid(.field(field), text: "[]", "needs at least one final state (or 'none')", kind: .dataFile) }
        if names.contains("none") {
            guard names.count == 1 else {
                throw Problem.invalid(.field(field), text: names.joined(separator: ","), "'none' cannot be combined with other final states", kind: .dataFile)
            }
            self.names = names
            channels = []
            return
        }
        var channels: [DecayChannel] = []
        for name in names {
            guard let list = Self.table[name] else {
                throw Problem.invalid(.field(field), text: name, "unknown final state; known: \(Self.knownNames.joined(separator: ", "))", kind: .dataFile)
            }
            for channel in list {
                let overlaps = channels.contains { $0 == channel || $0 == channel.parent || $0.parent == channel }
                if overlaps {
                    throw Problem.invalid(.field(field), text: names.joined(separator: ","), "counts the width of '\(channel.rawValue)' twice", kind: .dataFile)
                }
                channels.append(channel)
            }
        }
        self.names = names
        self.channels = channels
    }

    /// The summed width of these states (GeV).
    public func width(of widths: DecayWidths) -> Double {
        var sum = 0.0
        for channel in channels { sum += widths[channel] }
        return sum
    }

    /// The summed width from per-channel values indexed by ``DecayChannel/ordinal``.
    func width(values: [Double]) -> Double {
        var sum = 0.0
        for channel in channels { sum += values[channel.ordinal] }
        return sum
    }
}
