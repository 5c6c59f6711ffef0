import ComplexModule
import RealModule
import ZPrimeCore

/// The mesons of the vector-meson-dominance production mechanisms of Ilten, Soreq, Williams, Xue
/// (arXiv:1801.04847, section 2.2 and appendix A): the parents and daughters of A -> B X and the
/// vector mesons X mixes with.
public enum ProductionMeson: String, CaseIterable, Sendable, Hashable {
    case photon = "gamma"
    case rho = "rho0"
    case omega = "omega"
    case phi = "phi"
    case neutralPion = "pi0"
    case eta = "eta"
    case etaPrime = "eta'"

    /// The diagonal (u, d, s) entries of the U(3) generator of the meson's quark content (for the
    /// photon the quark charge matrix diag(2/3, -1/3, -1/3)), as in DarkCast v2.1's parameters
    /// (the data pack's VMD manifest, `parameters.meson_generators_diag_u_d_s`; the same file is
    /// bundled as Sources/ZPrimeDecays/DarkCastData/manifest.json and the tests compare):
    /// rho0 = (1, -1, 0)/2, omega = (1, 1, 0)/2, phi = (0, 0, 1/sqrt2), pi0 = (1, -1, 0)/2,
    /// eta = (1, 1, -1)/sqrt6, eta' = (1, 1, 2)/sqrt12.
    public var generator: (u: Double, d: Double, s: Double) {
        switch self {
        case .photon: return (2.0 / 3.0, -1.0 / 3.0, -1.0 / 3.0)
        case .rho, .neutralPion: return (0.5, -0.5, 0)
        case .omega: return (0.5, 0.5, 0)
        case .phi: return (0, 0, 1 / 2.0.squareRoot())
        case .eta: return (1 / 6.0.squareRoot(), 1 / 6.0.squareRoot(), -1 / 6.0.squareRoot())
        case .etaPrime: return (1 / 12.0.squareRoot(), 1 / 12.0.squareRoot(), 2 / 12.0.squareRoot())
        }
    }

    /// The vector mesons that mix with a vector boson.
    public static let vectors: [ProductionMeson] = [.rho, .omega, .phi]
}

/// The running-width Breit-Wigner of a vector meson V that a vector boson X of mass m mixes with,
/// eq. (A.3) of arXiv:1801.04847:
///
///     BW_V(m) = m_V^2 / (m_V^2 - m^2 - i m_V^2 (Gamma_V/m) k(m)),   k(m) = sum_c BR_c (p_c(m)/p_c(m_V))^3,
///
/// with p_c(M) the momentum of the two daughters of channel c in the rest frame of a state of mass
/// M (zero below the channel's threshold). Masses, widths and channels are DarkCast v2.1's
/// (`parameters.meson_masses_GeV`, `meson_widths_GeV`, `running_width_channels` of the VMD
/// manifest bundled as Sources/ZPrimeDecays/DarkCastData/manifest.json), so that the production
/// ratios follow the method exactly; they are PDG values as DarkCast took them.
public struct VectorMesonPropagator: Sendable, Hashable {
    /// The meson mass, GeV.
    public let mass: Double
    /// The meson width, GeV.
    public let width: Double
    /// (branching ratio, daughter masses) of the channels of the running width.
    public let channels: [Channel]

    /// One decay channel of the running width.
    public struct Channel: Sendable, Hashable {
        public let branching: Double
        public let daughters: (Double, Double)
        public static func == (a: Channel, b: Channel) -> Bool { a.branching == b.branching && a.daughters == b.daughters }
        public func hash(into hasher: inout Hasher) { hasher.combine(branching); hasher.combine(daughters.0); hasher.combine(daughters.1) }
    }

    /// The propagator of `meson` (rho0, omega or phi); nil for the others.
    public static func of(_ meson: ProductionMeson) -> VectorMesonPropagator? {
        switch meson {
        case .rho: return rho
        case .omega: return omega
        case .phi: return phi
        default: return nil
        }
    }

    /// rho0: 0.77549 GeV, 0.1491 GeV, pi+ pi- (BR 0.9988447).
    public static let rho = VectorMesonPropagator(mass: 0.77549, width: 0.1491, channels: [
        Channel(branching: 0.9988447, daughters: (0.13957, 0.13957)),
    ])
    /// omega: 0.78265 GeV, 0.00849 GeV; 3 pi as (2 m_pi+, m_pi0) (0.8994773), pi0 gamma (0.0834941),
    /// pi+ pi- (0.0154283).
    public static let omega = VectorMesonPropagator(mass: 0.78265, width: 0.00849, channels: [
        Channel(branching: 0.8994773, daughters: (0.27914, 0.13498)),
        Channel(branching: 0.0834941, daughters: (0.13498, 0)),
        Channel(branching: 0.0154283, daughters: (0.13957, 0.13957)),
    ])
    /// phi: 1.01946 GeV, 0.00426 GeV; K+ K- (0.4893042), K0 K0bar (0.3422127), eta gamma (0.0130981).
    public static let phi = VectorMesonPropagator(mass: 1.01946, width: 0.00426, channels: [
        Channel(branching: 0.4893042, daughters: (0.49368, 0.49368)),
        Channel(branching: 0.3422127, daughters: (0.49761, 0.49761)),
        Channel(branching: 0.0130981, daughters: (0.54785, 0)),
    ])

    /// The two-body momentum squared of daughters (m0, m1) from a parent of squared mass s:
    /// (s - (m0 + m1)^2)(s - (m0 - m1)^2)/(4 s); zero at and below threshold.
    static func momentumSquared(_ s: Double, _ m0: Double, _ m1: Double) -> Double {
        let sum = m0 + m1, difference = m0 - m1
        guard s > sum * sum else { return 0 }
        return (s - sum * sum) * (s - difference * difference) / (4 * s)
    }

    /// k(m), the running-width factor (1 at m = m_V).
    public func runningFactor(_ m: Double) -> Double {
        let s = m * m, sV = mass * mass
        var k = 0.0
        for channel in channels {
            let p2 = Self.momentumSquared(s, channel.daughters.0, channel.daughters.1)
            guard p2 > 0 else { continue }
            let ratio = p2 / Self.momentumSquared(sV, channel.daughters.0, channel.daughters.1)
            k += channel.branching * ratio * ratio.squareRoot()
        }
        return k
    }

    /// BW_V(m) (complex; 1 at m = 0).
    public func callAsFunction(_ m: Double) -> Complex<Double> {
        let sV = mass * mass
        guard m > 0 else { return Complex(1, 0) }
        let imaginary = sV * width * runningFactor(m) / m
        let real = sV - m * m
        // sV / (real - i imaginary) = sV (real + i imaginary) / (real^2 + imaginary^2)
        let denominator = real * real + imaginary * imaginary
        return Complex(sV * real / denominator, sV * imaginary / denominator)
    }
}
