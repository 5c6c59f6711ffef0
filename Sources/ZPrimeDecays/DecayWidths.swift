import ZPrimeCore
import ZPrimeCouplings

/// A bad input to the decays stage (the same type as the couplings stage's `CouplingError`).
public typealias DecayError = ParameterError

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
    /// The total width (GeV): the sum of the seven top-level channels.
    public let total: Double
    /// How the hadronic part was computed.
    public let hadronicRegime: HadronicRegime

    /// Creates a result; `total` is the sum of the top-level widths.
    public init(mass: Double, values: [Double], hadronicRegime: HadronicRegime) {
        precondition(values.count == DecayChannel.caseCount, "one width per channel")
        self.mass = mass
        self.values = values
        var total = 0.0
        for channel in DecayChannel.topLevel { total += values[channel.ordinal] }
        self.total = total
        self.hadronicRegime = hadronicRegime
    }

    /// Caveats of the methods at this mass, worth showing next to the numbers (returned as data,
    /// never printed here; built on demand so that scans do not pay for the text).
    public var warnings: [String] {
        var list: [String] = []
        let me = PhysicalConstants.electronMass
        if mass > me && mass <= 2 * me && values[DecayChannel.photons.ordinal] > 0 {
            list.append("three-photon width: the expansion in m/m_e is poor near 2 m_e (DarkCast's series, kept as is)")
        }
        if case .transition(let weight) = hadronicRegime {
            list.append("hadrons: \(DecayCalculator.transitionStart)-\(DecayCalculator.transitionEnd) GeV blend of VMD data and perturbative QCD (perturbative share \(weight))")
        }
        if mass > 3.0 && mass < HeavyQuarkHadrons.openCharmThreshold {
            list.append("hadrons: charmonium region, J/psi and psi(2S) included as Breit-Wigner resonances (hadronic decays only; near a peak the lepton widths lack the resonance's share)")
        } else if mass >= HeavyQuarkHadrons.openCharmThreshold && mass < 4.7 {
            list.append("hadrons: open-charm region, the c cbar continuum from 2 m_D0 averages over psi(3770)...psi(4415); the local R differs by up to ~30 %")
        } else if mass > 9.2 && mass < HeavyQuarkHadrons.openBottomThreshold {
            list.append("hadrons: bottomonium region, Upsilon(1S, 2S, 3S) included as Breit-Wigner resonances (hadronic decays only; near a peak the lepton widths lack the resonance's share)")
        } else if mass >= HeavyQuarkHadrons.openBottomThreshold && mass < 11.2 {
            list.append("hadrons: open-bottom region, the b bbar continuum from 2 m_B+ averages over Upsilon(4S)...Upsilon(11020); the local R differs by up to ~30 %")
        }
        return list
    }

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
    /// - Throws: ``DecayError`` when the energy is not finite or below the mass.
    public func labDecayLengthMetres(energy: Double) throws(DecayError) -> Double {
        guard energy.isFinite, energy >= mass else {
            throw DecayError(parameter: "energy", value: energy, problem: "must be finite and at least the mass \(mass) GeV")
        }
        let momentum = ((energy - mass) * (energy + mass)).squareRoot()
        return momentum / mass * properDecayLengthMetres
    }
}

/// An optional width into a dark sector, added to the ``DecayChannel/invisible`` channel.
public enum InvisibleWidth: Sendable, Hashable {
    /// No dark decays.
    case none
    /// A fixed width in GeV (the same at every mass).
    case fixed(Double)
    /// A Dirac fermion chi of mass `mass` (GeV) with vector coupling `coupling` to the Z':
    /// Gamma = g_chi^2 m/(12 pi) (1 + 2 r) sqrt(1 - 4 r), r = m_chi^2/m^2.
    case darkFermion(coupling: Double, mass: Double)

    /// Checks the parameters.
    public func validated() throws(DecayError) -> InvisibleWidth {
        switch self {
        case .none: break
        case .fixed(let width):
            guard width.isFinite, width >= 0 else { throw DecayError(parameter: "invisible width", value: width, problem: "must be finite and >= 0") }
        case .darkFermion(let coupling, let mass):
            guard coupling.isFinite, coupling > 0 else { throw DecayError(parameter: "dark coupling", value: coupling, problem: "must be finite and > 0") }
            guard mass.isFinite, mass >= 0 else { throw DecayError(parameter: "dark fermion mass", value: mass, problem: "must be finite and >= 0") }
        }
        return self
    }
}
