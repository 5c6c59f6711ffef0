import ZPrimeCore
import ZPrimeCouplings

/// A bad input to the decays stage (the one ``Problem`` type of every stage).
public typealias DecayError = Problem

/// The dark sector of a parameter point, as the decays stage reads it.
public typealias InvisibleWidth = DarkSector

/// The width into one pair of fermions outside the Standard Model's flavour-diagonal channels: a
/// flavour-changing pair (f_i fbar_j plus f_j fbar_i) or a pair of states beyond the SM.
public struct PairWidth: Sendable, Hashable {
    /// The two particles' names, e.g. `"b"`, `"s"` (the same name twice for a diagonal pair).
    public let particles: (String, String)
    /// The width in GeV (both charge orderings for i != j).
    public let width: Double
    /// The top-level channel the width is counted in (``DecayChannel/exotic``, or
    /// ``DecayChannel/invisible`` for dark states).
    public let channel: DecayChannel

    /// Creates a pair width.
    public init(particles: (String, String), width: Double, channel: DecayChannel) {
        self.particles = particles
        self.width = width
        self.channel = channel
    }

    public static func == (lhs: PairWidth, rhs: PairWidth) -> Bool {
        lhs.particles == rhs.particles && lhs.width == rhs.width && lhs.channel == rhs.channel
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(particles.0)
        hasher.combine(particles.1)
        hasher.combine(width)
        hasher.combine(channel)
    }
}

/// How the hadronic width at a mass was obtained.
public enum HadronicRegime: Sendable, Hashable {
    /// The data-driven VMD method of 1801.04847 (m <= 1.8 GeV).
    case vectorMesonDominance
    /// The smooth blend of VMD and perturbative QCD; `weight` is the perturbative share (0...1).
    case transition(weight: Double)
    /// Perturbative quarks with QCD corrections (m >= 2 GeV).
    case perturbative
}

/// The partial widths of one Z' mass, with the total, branching ratios and lifetime.
///
/// Widths in GeV. A zero total width (no open channel, e.g. gauged baryon number below the pi0
/// gamma threshold without kinetic mixing) gives zero branching ratios and an infinite lifetime;
/// nothing is NaN.
public struct DecayWidths: Sendable, Hashable {
    /// The Z' mass in GeV.
    public let mass: Double
    /// The width of every ``DecayChannel`` (GeV), indexed by ``DecayChannel/ordinal``.
    public let values: [Double]
    /// The total width (GeV): the sum of the eight top-level channels.
    public let total: Double
    /// How the hadronic part was computed.
    public let hadronicRegime: HadronicRegime
    /// The pairs counted in ``DecayChannel/exotic`` (and dark pairs of the particle table counted in
    /// ``DecayChannel/invisible``), one entry per open pair with a non-zero width.
    public let pairs: [PairWidth]

    /// Creates a result; `total` is the sum of the top-level widths.
    public init(mass: Double, values: [Double], hadronicRegime: HadronicRegime, pairs: [PairWidth] = []) {
        precondition(values.count == DecayChannel.caseCount, "one width per channel")
        self.mass = mass
        self.values = values
        var total = 0.0
        for channel in DecayChannel.topLevel { total += values[channel.ordinal] }
        self.total = total
        self.hadronicRegime = hadronicRegime
        self.pairs = pairs
    }

    /// The largest Gamma/m before ``problems`` reports a broad resonance: 0.1, where the
    /// narrow-width treatment of production and decay (and the Breit-Wigner shape) stops being a
    /// good approximation.
    public static let broadWidthThreshold = 0.1

    /// Caveats of the methods at this mass, worth showing next to the numbers (returned as data,
    /// never printed here; built on demand so that scans do not pay for the text).
    public var problems: [Problem] {
        var list: [Problem] = []
        let me = PhysicalConstants.electronMass
        if mass > me && mass <= 2 * me && values[DecayChannel.photons.ordinal] > 0 {
            list.append(.warning(.methodCaveat, .mass, value: mass, "three-photon width: the expansion in m/m_e is poor near 2 m_e (DarkCast's series, kept as is)"))
        }
        if case .transition(let weight) = hadronicRegime {
            list.append(.note(.methodCaveat, .mass, value: mass,
                              "hadrons: \(DecayCalculator.transitionStart)-\(DecayCalculator.transitionEnd) GeV blend of VMD data and perturbative QCD (perturbative share \(weight))"))
        }
        if mass > 3.0 && mass < HeavyQuarkHadrons.openCharmThreshold {
            list.append(.note(.methodCaveat, .mass, value: mass, "hadrons: charmonium region, J/psi and psi(2S) included as Breit-Wigner resonances (hadronic decays only; near a peak the lepton widths lack the resonance's share)"))
        } else if mass >= HeavyQuarkHadrons.openCharmThreshold && mass < 4.7 {
            list.append(.note(.methodCaveat, .mass, value: mass, "hadrons: open-charm region, the c cbar continuum from 2 m_D0 averages over psi(3770)...psi(4415); the local R differs by up to ~30 %"))
        } else if mass > 9.2 && mass < HeavyQuarkHadrons.openBottomThreshold {
            list.append(.note(.methodCaveat, .mass, value: mass, "hadrons: bottomonium region, Upsilon(1S, 2S, 3S) included as Breit-Wigner resonances (hadronic decays only; near a peak the lepton widths lack the resonance's share)"))
        } else if mass >= HeavyQuarkHadrons.openBottomThreshold && mass < 11.2 {
            list.append(.note(.methodCaveat, .mass, value: mass, "hadrons: open-bottom region, the b bbar continuum from 2 m_B+ averages over Upsilon(4S)...Upsilon(11020); the local R differs by up to ~30 %"))
        }
        if total > Self.broadWidthThreshold * mass {
            list.append(.warning(.broadResonance, .mass, value: mass,
                                 "Gamma/m = \(total / mass) exceeds \(Self.broadWidthThreshold): the width is not small against the mass and narrow-width results do not hold"))
        }
        if total == 0 {
            list.append(.warning(.noOpenChannel, .mass, value: mass, "no open decay channel with these couplings: total width 0, lifetime infinite"))
        }
        return list
    }

    /// The texts of ``problems`` (severity note and warning), for display.
    public var warnings: [String] { problems.map(\.message) }

    /// The partial width of `channel` (GeV).
    public subscript(_ channel: DecayChannel) -> Double { values[channel.ordinal] }

    /// The branching ratio of `channel` (0 when the total width vanishes).
    public func branchingRatio(_ channel: DecayChannel) -> Double {
        total > 0 ? values[channel.ordinal] / total : 0
    }

    /// The proper lifetime tau = hbar/Gamma in seconds (infinite for a zero width).
    public var lifetimeSeconds: Double {
        total > 0 ? PhysicalConstants.hbarGeVSeconds / total : .infinity
    }

    /// The proper decay length c tau = hbar c/Gamma in metres (infinite for a zero width).
    public var properDecayLengthMetres: Double {
        total > 0 ? PhysicalConstants.hbarCGeVMetres / total : .infinity
    }

    /// The mean decay length in the lab, gamma beta c tau = (p/m) c tau, for a Z' of total energy
    /// `energy` (GeV), p = sqrt((E - m)(E + m)).
    ///
    /// - Throws: ``Problem`` when the energy is not finite, below the mass, or above 1e8 GeV (a boost
    ///   beyond any accelerator or cosmic-ray question, where lengths overflow nothing but mean nothing).
    public func labDecayLengthMetres(energy: Double) throws(Problem) -> Double {
        guard energy.isFinite, energy >= mass, energy <= 1e8 else {
            throw Problem.invalid(.energy, energy, "must be finite, at least the mass \(mass) GeV and at most 1e8 GeV")
        }
        let momentum = ((energy - mass) * (energy + mass)).squareRoot()
        return momentum / mass * properDecayLengthMetres
    }
}

