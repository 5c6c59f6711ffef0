import ComplexModule
import RealModule
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeSpectrum

/// A production mechanism of a limit, keyed as in DarkCast's limit files, and the factor sigma it
/// contributes to the ratio of production cross sections between two models (arXiv:1801.04847,
/// section 2; the manifest's `conventions.production_keys`). Couplings are the Z' vector and axial
/// couplings in units of e (any common unit cancels in the ratio), on shell (q^2 = m^2).
///
/// | key | sigma |
/// | --- | --- |
/// | `e_brem`, `mu_brem` (lepton bremsstrahlung), `e_e`, `mu_mu` (annihilation, coupling rescaling) | abs(v_l)^2 + abs(a_l)^2, eqs. (2.3), (2.6) |
/// | `d_d`, `u_u`, `s_s`, `c_c`, `b_b` (Drell-Yan) | abs(v_q)^2 + abs(a_q)^2 |
/// | `p_brem` (proton bremsstrahlung) | abs(2 v_u + v_d)^2 + 1.6 abs(2 a_u + a_d)^2 [(1 + m^2/1.01^2)/(1 + m^2/0.84^2)]^4, eq. (2.4) with DarkCast's axial form-factor ratio |
/// | `rho0`, `omega`, `phi` (vector-meson mixing) | abs(Tr[T_V Q])^2, Q = diag(v_u, v_d, v_s), eq. (2.11) |
/// | `pi0_gamma`, `eta_gamma`, `eta'_gamma`, `omega_pi0`, `phi_eta` (A -> B X) | abs(sum_V Tr[T_A T_B T_V] Tr[T_V Q] BW_V(m))^2, eqs. (2.7)-(2.10) |
/// | `nu_scat` | the change of the nu-e cross section, coupling dependent (``NeutrinoElectronShift``) |
/// | `none` | 1 |
///
/// Every factor but `nu_scat` is a Hermitian quadratic form in the couplings: a sum of squared
/// moduli of linear functionals (``terms(mass:)``), so that for couplings g a + b it is exactly a
/// quadratic polynomial in g.
public enum ProductionMechanism: Hashable, Sendable, CustomStringConvertible {
    case leptonBremsstrahlung(CouplingTarget)
    case leptonAnnihilation(CouplingTarget)
    case drellYan(CouplingTarget)
    case protonBremsstrahlung
    case vectorMesonMixing(ProductionMeson)
    case mesonDecay(parent: ProductionMeson, daughter: ProductionMeson)
    case neutrinoScattering
    case none

    /// DarkCast's key.
    public var key: String {
        switch self {
        case .leptonBremsstrahlung(let l): return "\(l.rawValue)_brem"
        case .leptonAnnihilation(let l): return "\(l.rawValue)_\(l.rawValue)"
        case .drellYan(let q): return "\(q.rawValue)_\(q.rawValue)"
        case .protonBremsstrahlung: return "p_brem"
        case .vectorMesonMixing(let v): return v.rawValue
        case .mesonDecay(let a, let b): return "\(a.rawValue)_\(b.rawValue)"
        case .neutrinoScattering: return "nu_scat"
        case .none: return "none"
        }
    }

    public var description: String { key }

    /// The mechanism for a DarkCast key.
    ///
    /// - Throws: ``Problem`` for an unknown key, or `pi_brem` (in DarkCast but used by no limit, and
    ///   not defined completely by the data pack: ZPrime does not implement it).
    public init(key: String) throws(Problem) {
        switch key {
        case "e_brem": self = .leptonBremsstrahlung(.electron)
        case "mu_brem": self = .leptonBremsstrahlung(.muon)
        case "e_e": self = .leptonAnnihilation(.electron)
        case "mu_mu": self = .leptonAnnihilation(.muon)
        case "d_d": self = .drellYan(.down)
        case "u_u": self = .drellYan(.up)
        case "s_s": self = .drellYan(.strange)
        case "c_c": self = .drellYan(.charm)
        case "b_b": self = .drellYan(.bottom)
        case "p_brem": self = .protonBremsstrahlung
        case "nu_scat": self = .neutrinoScattering
        case "none": self = .none
        default:
            if let meson = ProductionMeson(rawValue: key), ProductionMeson.vectors.contains(meson) {
                self = .vectorMesonMixing(meson)
                return
            }
            let parts = key.split(separator: "_", maxSplits: 1).map(String.init)
            if parts.count == 2, let a = ProductionMeson(rawValue: parts[0]), let b = ProductionMeson(rawValue: parts[1]), a != .photon {
                self = .mesonDecay(parent: a, daughter: b)
                return
            }
            throw Problem.invalid(.field("production.mechanisms.key"), text: key,
                                  "unknown production mechanism (known: e_brem, mu_brem, e_e, mu_mu, d_d, u_u, s_s, c_c, b_b, p_brem, rho0, omega, phi, A_B meson decays such as pi0_gamma, nu_scat, none; pi_brem is not implemented)",
                                  kind: .dataFile)
        }
    }

    /// Whether the factor depends on the couplings other than quadratically (`nu_scat`).
    public var isCouplingDependent: Bool { self == .neutrinoScattering }

    /// The index of a coupling component in the flat layout of ``CouplingComponents``.
    static func component(_ target: CouplingTarget, axial: Bool) -> Int { 2 * target.ordinal + (axial ? 1 : 0) }

    /// DarkCast's proton form-factor parameters: pff = 1.6 and the dipole masses (0.84, 1.01) GeV
    /// (VMD manifest `parameters.proton_form_factor`).
    public static let protonAxialWeight = 1.6
    /// The dipole masses of the proton form-factor ratio, GeV (the manifest labels them axial, vector).
    public static let protonFormFactorMasses = (axial: 0.84, vector: 1.01)

    /// The factor as a sum of squared moduli of linear functionals of the couplings: each term is a
    /// list of (component index, weight), sigma = sum_terms abs(sum_i weight_i c_i)^2. Empty for
    /// `none` (whose factor is the constant 1) and for `nu_scat` (not a quadratic form).
    public func terms(mass m: Double) -> [[(Int, Complex<Double>)]] {
        func real(_ x: Double) -> Complex<Double> { Complex(x, 0) }
        switch self {
        case .leptonBremsstrahlung(let l), .leptonAnnihilation(let l), .drellYan(let l):
            return [[(Self.component(l, axial: false), real(1))], [(Self.component(l, axial: true), real(1))]]
        case .protonBremsstrahlung:
            let ratio = (1 + m * m / (Self.protonFormFactorMasses.vector * Self.protonFormFactorMasses.vector))
                / (1 + m * m / (Self.protonFormFactorMasses.axial * Self.protonFormFactorMasses.axial))
            let axialWeight = (Self.protonAxialWeight * ratio * ratio * ratio * ratio).squareRoot()
            return [[(Self.component(.up, axial: false), real(2)), (Self.component(.down, axial: false), real(1))],
                    [(Self.component(.up, axial: true), real(2 * axialWeight)), (Self.component(.down, axial: true), real(axialWeight))]]
        case .vectorMesonMixing(let v):
            let t = v.generator
            return [Self.traceTerm(t, scale: real(1))]
        case .mesonDecay(let a, let b):
            var weights = [Complex<Double>](repeating: .zero, count: 3)
            let ta = a.generator, tb = b.generator
            for v in ProductionMeson.vectors {
                let tv = v.generator
                let prefactor = ta.u * tb.u * tv.u + ta.d * tb.d * tv.d + ta.s * tb.s * tv.s
                guard prefactor != 0, let bw = VectorMesonPropagator.of(v) else { continue }
                let w = Complex(prefactor, 0) * bw(m)
                weights[0] = weights[0] + w * real(tv.u)
                weights[1] = weights[1] + w * real(tv.d)
                weights[2] = weights[2] + w * real(tv.s)
            }
            return [[(Self.component(.up, axial: false), weights[0]), (Self.component(.down, axial: false), weights[1]),
                     (Self.component(.strange, axial: false), weights[2])]]
        case .neutrinoScattering, .none:
            return []
        }
    }

    static func traceTerm(_ t: (u: Double, d: Double, s: Double), scale: Complex<Double>) -> [(Int, Complex<Double>)] {
        [(component(.up, axial: false), scale * Complex(t.u, 0)), (component(.down, axial: false), scale * Complex(t.d, 0)),
         (component(.strange, axial: false), scale * Complex(t.s, 0))]
    }
}

/// The vector and axial couplings of the twelve Standard Model fermions as one flat array of 24
/// complex numbers, (v_f, a_f) at index (2 ordinal, 2 ordinal + 1) of ``CouplingTarget``: the input
/// of the production factors and of the coupling surrogates.
public struct CouplingComponents: Sendable, Hashable {
    /// The components.
    public var values: [Complex<Double>]

    /// The components of a coupling table's Standard Model entries.
    public init(_ table: CouplingTable) {
        var values = [Complex<Double>](repeating: .zero, count: 24)
        let diagonal = table.matrix.diagonal
        for i in 0..<ParticleTable.standardModelCount {
            values[2 * i] = diagonal[i].vector
            values[2 * i + 1] = diagonal[i].axial
        }
        self.values = values
    }

    init(values: [Complex<Double>]) { self.values = values }

    /// Every component times `s` (itself when s = 1).
    func scaled(_ s: Double) -> CouplingComponents {
        guard s != 1 else { return self }
        return CouplingComponents(values: values.map { Complex(s, 0) * $0 })
    }

    /// The vector coupling of `target`.
    public func vector(_ target: CouplingTarget) -> Complex<Double> { values[2 * target.ordinal] }
    /// The axial coupling of `target`.
    public func axial(_ target: CouplingTarget) -> Complex<Double> { values[2 * target.ordinal + 1] }

    /// Evaluates a quadratic form given as terms (see ``ProductionMechanism/terms(mass:)``).
    func quadraticForm(_ terms: [[(Int, Complex<Double>)]]) -> Double {
        var sum = 0.0
        for term in terms {
            var linear = Complex<Double>.zero
            for (index, weight) in term { linear = linear + weight * values[index] }
            sum += linear.lengthSquared
        }
        return sum
    }

    /// The bilinear Re(L_a conj(L_b)) summed over the terms, for the cross term of a quadratic form.
    func bilinear(_ terms: [[(Int, Complex<Double>)]], _ other: CouplingComponents) -> Double {
        var sum = 0.0
        for term in terms {
            var a = Complex<Double>.zero, b = Complex<Double>.zero
            for (index, weight) in term {
                a = a + weight * values[index]
                b = b + weight * other.values[index]
            }
            sum += a.real * b.real + a.imaginary * b.imaginary
        }
        return sum
    }
}

/// How a production mechanism's fraction of the signal is given.
public enum ProductionFraction: Sendable, Hashable {
    /// A constant fraction.
    case constant(Double)
    /// A column of a production-fraction table (linear in mass, nearest end value outside).
    case table(column: Int)
    /// 1 below `threshold` (GeV) and 0 above when `below`, the reverse otherwise.
    case step(threshold: Double, below: Bool)
}

/// A production-fraction table (`.prd`): per mass, the fraction of the published model's signal
/// from each mechanism (linear interpolation in mass, the nearest end value outside the range, as
/// DarkCast reads its tables).
public struct ProductionTable: Sendable, Hashable {
    /// The file it was read from.
    public let file: String
    /// The mechanisms of the columns.
    public let mechanisms: [ProductionMechanism]
    /// The masses, strictly increasing.
    public let masses: [Double]
    /// fractions[column][row].
    public let fractions: [[Double]]

    /// The fraction of `column` at `mass`.
    public func fraction(column: Int, mass: Double) -> Double {
        LinearTable.value(x: masses, y: fractions[column], at: mass)
    }

    /// The sum of the fractions at `mass` (1 for a complete table).
    public func total(mass: Double) -> Double {
        (0..<mechanisms.count).reduce(0) { $0 + fraction(column: $1, mass: mass) }
    }
}

/// Linear interpolation with the end values held outside the range (DarkCast's `Dataset`).
enum LinearTable {
    static func value(x: [Double], y: [Double], at point: Double) -> Double {
        let n = x.count
        if !(point > x[0]) { return y[0] }
        if point >= x[n - 1] { return y[n - 1] }
        var low = 0, high = n - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if x[middle] <= point { low = middle } else { high = middle }
        }
        let w = (point - x[low]) / (x[high] - x[low])
        return y[low] + w * (y[high] - y[low])
    }
}
