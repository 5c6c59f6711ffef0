import Foundation
import Numerics
import ZPrimeCore
import ZPrimeModels

/// Neutrino oscillation inputs: mixing angles, the Dirac CP phase and the mass splittings, as data.
///
/// ``nufit52`` is the NuFIT 5.2 (2022) global fit, normal ordering, with the Super-Kamiokande
/// atmospheric data (I. Esteban, M. C. Gonzalez-Garcia, M. Maltoni, T. Schwetz, A. Zhou, JHEP 09
/// (2020) 178, arXiv:2007.14792, updated at www.nu-fit.org): theta_12 = 33.41 deg, theta_23 =
/// 42.2 deg, theta_13 = 8.58 deg, delta_CP = 232 deg, Delta m^2_21 = 7.41e-5 eV^2, Delta m^2_31 =
/// 2.507e-3 eV^2. Majorana phases are set to zero (they change the phases of the off-diagonal
/// couplings, not their magnitudes).
///
/// ```swift
/// let u = OscillationParameters.nufit52.pmns
/// print(u[0, 2].length)   // |U_e3| = sin(theta_13) = 0.149
/// ```
public struct OscillationParameters: Sendable, Hashable {
    /// theta_12, degrees.
    public var theta12: Double
    /// theta_23, degrees.
    public var theta23: Double
    /// theta_13, degrees.
    public var theta13: Double
    /// The Dirac phase, degrees.
    public var deltaCP: Double
    /// Delta m^2_21, eV^2.
    public var deltaM21Squared: Double
    /// Delta m^2_31, eV^2 (normal ordering, > 0).
    public var deltaM31Squared: Double
    /// What to cite.
    public var citation: String

    /// NuFIT 5.2 (2022), normal ordering, with SK atmospheric data.
    public static let nufit52 = OscillationParameters(
        theta12: 33.41, theta23: 42.2, theta13: 8.58, deltaCP: 232, deltaM21Squared: 7.41e-5, deltaM31Squared: 2.507e-3,
        citation: "NuFIT 5.2 (2022), www.nu-fit.org; Esteban et al., JHEP 09 (2020) 178, arXiv:2007.14792")

    /// The PMNS matrix U (rows e, mu, tau; columns mass states 1, 2, 3) in the PDG parametrisation.
    public var pmns: ComplexMatrix3 {
        let d = Double.pi / 180
        let (s12, c12) = (Foundation.sin(theta12 * d), Foundation.cos(theta12 * d))
        let (s23, c23) = (Foundation.sin(theta23 * d), Foundation.cos(theta23 * d))
        let (s13, c13) = (Foundation.sin(theta13 * d), Foundation.cos(theta13 * d))
        let phase = Complex<Double>(length: 1, phase: deltaCP * d)
        let e = phase.conjugate
        typealias C = Complex<Double>
        return ComplexMatrix3(entries: [
            C(c12 * c13), C(s12 * c13), C(s13) * e,
            C(-s12 * c23) - C(c12 * s23 * s13) * phase, C(c12 * c23) - C(s12 * s23 * s13) * phase, C(s23 * c13),
            C(s12 * s23) - C(c12 * c23 * s13) * phase, C(-c12 * s23) - C(s12 * c23 * s13) * phase, C(c23 * c13),
        ])
    }

    /// The three masses (eV) for a lightest mass m1 (eV, normal ordering).
    public func masses(lightest m1: Double) -> [Double] {
        [m1, (m1 * m1 + deltaM21Squared).squareRoot(), (m1 * m1 + deltaM31Squared).squareRoot()]
    }
}

/// The Z' couplings to the light neutrino mass eigenstates, Q_ij = (U^dagger X_L U)_ij, and what
/// they imply: the Dirac/Majorana rule and neutrino decays.
///
/// With only Dirac masses (renormalisable Yukawas) the charged-lepton and neutrino mass matrices
/// commute with diag(X_L), so a PMNS matrix with no zero entry needs X_L universal: among the
/// anomaly-free minimal models only B - L-like charges (Bauer, Foldenauer, Mosny, arXiv:2011.12973;
/// ``NeutrinoNature`` of ZPrimeModels). Every other U(1) needs Majorana masses, and then the Z'
/// couples off-diagonally to the mass eigenstates: [X_L, U] != 0. For universal X_L, Q is X 1,
/// diagonal.
///
/// Decays (left-handed couplings g_X Q_ij nubar_i gamma^mu P_L nu_j, lighter final states taken
/// massless, Majorana phases zero; for massless final states Dirac and Majorana rates agree):
/// - nu_i -> nu_j Z' (open only for M < m_i): Gamma = g^2 |Q_ij|^2 m_i^3/(32 pi M^2) (1 - M^2/m_i^2)^2 (1 + 2 M^2/m_i^2)
///   (the t -> b W form);
/// - nu_i -> nu_j nu_k nubar_l through a heavy Z' (M >> m_i): the four-fermion operator
///   (g^2 Q_ij Q_kl/M^2)(nubar gamma P_L nu)(nubar gamma P_L nu) gives, by analogy with muon decay,
///   Gamma = g^4 |Q_ij|^2 |Q_kl|^2 m_i^5/(1536 pi^3 M^4) per final pair (identical-particle factors
///   of order one are not included). It scales as g^4 m^5/M^4 (the seed talk's "g^2 m^5/M^4" has
///   the square of the amplitude's g^2 in mind).
///
/// ```swift
/// let lmt = BuiltinModels.model(named: "Lmu-Ltau")!
/// let q = try NeutrinoMassBasisCouplings(model: lmt)
/// print(q.matrix[1, 2].length, q.isDiagonal)   // |Q_23| = 0.82, false
/// ```
public struct NeutrinoMassBasisCouplings: Sendable, Hashable {
    /// The charges X_L of the three lepton doublets.
    public let charges: [Double]
    /// The oscillation inputs.
    public let oscillation: OscillationParameters
    /// Q = U^dagger diag(X_L) U.
    public let matrix: ComplexMatrix3
    /// The Dirac/Majorana verdict of the charges.
    public let nature: NeutrinoNature?

    /// The couplings of `model` for `oscillation`.
    ///
    /// - Throws: ``Problem`` for a model without three lepton doublets.
    public init(model: Model, oscillation: OscillationParameters = .nufit52) throws(Problem) {
        let x = model.charges(of: .L).map(\.doubleValue)
        guard x.count == 3 else { throw Problem.invalid(.model, text: model.name, "needs three lepton doublets", kind: .unsupportedModel) }
        charges = x
        self.oscillation = oscillation
        let u = oscillation.pmns
        matrix = u.adjoint * ComplexMatrix3.diagonal(real: x) * u
        nature = try? YukawaAnalysis(model: model).neutrinos
    }

    /// Whether Q is diagonal (to 1e-12 of the largest charge).
    public var isDiagonal: Bool {
        let scale = max(charges.map(abs).max() ?? 0, 1e-300)
        for i in 0..<3 { for j in 0..<3 where i != j { if matrix[i, j].length > 1e-12 * scale { return false } } }
        return true
    }

    /// One neutrino decay channel.
    public struct Decay: Sendable, Hashable {
        /// The decaying state (1, 2, 3).
        public let initial: Int
        /// "nu_j Z'" or "nu_j nu nubar".
        public let channel: String
        /// The width, GeV.
        public let width: Double
        /// The lifetime, seconds.
        public var lifetimeSeconds: Double { width > 0 ? PhysicalConstants.hbarGeVSeconds / width : .infinity }
    }

    /// The decays of the heavier mass states for gauge coupling `g`, Z' mass `mass` (GeV) and
    /// lightest neutrino mass `lightest` (eV, normal ordering).
    public func decays(coupling g: Double, mass: Double, lightestMassEV lightest: Double = 0) throws(Problem) -> [Decay] {
        try Validate.positive(mass, .mass)
        try Validate.nonNegative(g, .coupling)
        try Validate.within(lightest, 0...1, .field("lightest neutrino mass"))
        let m = oscillation.masses(lightest: lightest).map { $0 * 1e-9 }   // GeV
        var out: [Decay] = []
        for i in 1..<3 {
            var onShell = 0.0, offShell = 0.0
            for j in 0..<i {
                let q2 = matrix[i, j].lengthSquared
                if mass < m[i] {
                    let r = mass * mass / (m[i] * m[i])
                    onShell += g * g * q2 * m[i] * m[i] * m[i] / (32 * Double.pi * mass * mass) * (1 - r) * (1 - r) * (1 + 2 * r)
                } else {
                    var pairs = 0.0
                    for k in 0..<i { for l in 0..<i { pairs += matrix[k, l].lengthSquared } }
                    let m5 = Foundation.pow(m[i], 5)
                    offShell += Foundation.pow(g, 4) * q2 * pairs * m5 / (1536 * Double.pi * Double.pi * Double.pi * Foundation.pow(mass, 4))
                }
            }
            if mass < m[i] { out.append(Decay(initial: i + 1, channel: "nu_j Z'", width: onShell)) }
            else { out.append(Decay(initial: i + 1, channel: "nu_j nu nubar", width: offShell)) }
        }
        return out
    }
}
