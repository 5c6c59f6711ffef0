import Numerics
import ZPrimeCore

/// The Wolfenstein parameters of the CKM matrix (in the exact, all-orders definition of the PDG).
public struct WolfensteinParameters: Hashable, Sendable, Codable {
    /// lambda = s_12.
    public var lambda: Double
    /// A = s_23 / lambda^2.
    public var a: Double
    /// rho-bar.
    public var rhoBar: Double
    /// eta-bar.
    public var etaBar: Double

    /// Creates the parameters.
    public init(lambda: Double, a: Double, rhoBar: Double, etaBar: Double) {
        self.lambda = lambda
        self.a = a
        self.rhoBar = rhoBar
        self.etaBar = etaBar
    }

    /// The global-fit values of the Review of Particle Physics (PDG 2024, Navas et al., Phys. Rev. D 110
    /// (2024) 030001, "CKM quark-mixing matrix", global fit): lambda = 0.22501(68),
    /// A = 0.826(+16 -15), rho-bar = 0.1591(94), eta-bar = 0.3523(+73 -71).
    public static let pdg2024 = WolfensteinParameters(lambda: 0.22501, a: 0.826, rhoBar: 0.1591, etaBar: 0.3523)
}

/// The CKM matrix V = V_uL^dagger V_dL, exactly unitary, from the Wolfenstein parameters through the
/// standard parametrisation (PDG 2024, "CKM quark-mixing matrix", the standard parametrisation and its exact Wolfenstein form):
///
///     s_12 = lambda,  s_23 = A lambda^2,
///     s_13 e^{i delta} = A lambda^3 (rho-bar + i eta-bar) sqrt(1 - A^2 lambda^4)
///                        / ( sqrt(1 - lambda^2) [1 - A^2 lambda^4 (rho-bar + i eta-bar)] ).
///
/// Rows are u, c, t and columns d, s, b.
///
/// ```swift
/// let ckm = CKMMatrix.pdg2024
/// print(ckm.lambdaT.length)   // |V_tb V_ts^*| = 0.0411
/// ```
public struct CKMMatrix: Hashable, Sendable {
    /// The parameters it was built from.
    public let parameters: WolfensteinParameters
    /// The matrix (rows u, c, t; columns d, s, b).
    public let matrix: ComplexMatrix3

    /// The CKM matrix of `parameters`.
    public init(_ parameters: WolfensteinParameters) {
        self.parameters = parameters
        let l = parameters.lambda, a = parameters.a
        let s12 = l, c12 = (1 - l * l).squareRoot()
        let s23 = a * l * l, c23 = (1 - s23 * s23).squareRoot()
        let rhoEta = Complex(parameters.rhoBar, parameters.etaBar)
        let a2l4 = a * a * l * l * l * l
        let numerator = Complex(a * l * l * l * (1 - a2l4).squareRoot(), 0) * rhoEta
        let denominator = Complex((1 - l * l).squareRoot(), 0) * (Complex(1, 0) - Complex(a2l4, 0) * rhoEta)
        let z = numerator / denominator          // s13 e^{i delta}
        let s13 = z.length, c13 = (1 - s13 * s13).squareRoot()
        let c = { (x: Double) in Complex(x, 0) }
        matrix = ComplexMatrix3(rows: [
            [c(c12 * c13), c(s12 * c13), z.conjugate],
            [c(-s12 * c23) - c(c12 * s23) * z, c(c12 * c23) - c(s12 * s23) * z, c(s23 * c13)],
            [c(s12 * s23) - c(c12 * c23) * z, c(-c12 * s23) - c(s12 * c23) * z, c(c23 * c13)],
        ])
    }

    /// The matrix of the PDG 2024 global fit.
    public static let pdg2024 = CKMMatrix(.pdg2024)

    /// V_ij with i in (u, c, t) = 0...2 and j in (d, s, b) = 0...2.
    public subscript(_ up: Int, _ down: Int) -> Complex<Double> { matrix[up, down] }

    /// lambda_t = V_tb V_ts^*, the CKM factor of b -> s transitions (-0.04106 + 0.00076 i).
    public var lambdaT: Complex<Double> { matrix[2, 2] * matrix[2, 1].conjugate }
}
