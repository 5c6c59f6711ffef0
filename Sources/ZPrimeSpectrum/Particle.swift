import ZPrimeCore

/// One fermion mass eigenstate: what every later stage needs to know about a particle the Z'
/// couples to.
///
/// Masses are in GeV and come from ``PhysicalConstants`` for the Standard Model states (or from a
/// diagonalised mass matrix for heavy and mixed states); the electric charge is exact.
///
/// ```swift
/// let heavyLepton = Particle(name: "E1", kind: .heavyChargedLepton, mass: 90, electricCharge: -1, family: 0)
/// print(heavyLepton.isInvisible, heavyLepton.charge)   // false -1.0
/// ```
public struct Particle: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What kind of state it is; decides how decays into it are reported (visible, invisible,
    /// hadronic) and which observables it enters.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// e, mu, tau (mass eigenstates of the charged leptons).
        case chargedLepton = "charged-lepton"
        /// A light, mostly active neutrino.
        case neutrino
        /// An up-type quark.
        case upQuark = "up-quark"
        /// A down-type quark.
        case downQuark = "down-quark"
        /// A heavy charged lepton (for example a vector-like lepton mass eigenstate).
        case heavyChargedLepton = "heavy-charged-lepton"
        /// A heavy neutral lepton (a vector-like neutral state, a heavy N_R).
        case heavyNeutralLepton = "heavy-neutral-lepton"
        /// A light, mostly sterile neutrino (a light N_R): invisible.
        case sterileNeutrino = "sterile-neutrino"
        /// A fermion of a dark sector, neutral under the SM: invisible.
        case darkFermion = "dark-fermion"
        /// A heavy quark beyond the SM (a vector-like quark).
        case heavyQuark = "heavy-quark"
    }

    /// A short name, unique in its table (`e`, `nu_mu`, `b`, `E1`, ...).
    public var name: String
    /// The kind of state.
    public var kind: Kind
    /// The mass in GeV (>= 0).
    public var mass: Double
    /// The electric charge in units of e (exact).
    public var electricCharge: Rational
    /// The number of colours: 3 for quarks, 1 otherwise.
    public var colours: Int
    /// The family (0, 1, 2) of a state that belongs to one, or `nil`.
    public var family: Int?
    /// Whether the state is a Majorana fermion (its own antiparticle). Its Z' couplings are those of
    /// its left-handed Weyl component (see ``ChiralCouplingMatrix``).
    public var isMajorana: Bool
    /// Twice the spin (1 for every fermion ZPrime handles).
    public var twiceSpin: Int

    /// Creates a particle; `colours` defaults to 3 for quark kinds and 1 otherwise.
    public init(name: String, kind: Kind, mass: Double, electricCharge: Rational, colours: Int? = nil,
                family: Int? = nil, isMajorana: Bool = false, twiceSpin: Int = 1) {
        self.name = name
        self.kind = kind
        self.mass = mass
        self.electricCharge = electricCharge
        self.colours = colours ?? ((kind == .upQuark || kind == .downQuark || kind == .heavyQuark) ? 3 : 1)
        self.family = family
        self.isMajorana = isMajorana
        self.twiceSpin = twiceSpin
    }

    /// Whether the state is a quark (of any kind).
    public var isQuark: Bool { colours == 3 }

    /// Whether a pair of these states escapes a detector: light neutrinos, sterile neutrinos and dark
    /// fermions.
    public var isInvisible: Bool { kind == .neutrino || kind == .sterileNeutrino || kind == .darkFermion }

    /// Whether the state is a light active or sterile neutrino (its pairs count as neutrino decays).
    public var isNeutrinoLike: Bool { kind == .neutrino || kind == .sterileNeutrino }

    /// Whether the state is one of the twelve Standard Model fermions.
    public var isStandardModel: Bool {
        switch kind {
        case .chargedLepton, .neutrino, .upQuark, .downQuark: return true
        default: return false
        }
    }

    /// The electric charge as a double.
    public var charge: Double { electricCharge.doubleValue }

    public var description: String { name }
}
