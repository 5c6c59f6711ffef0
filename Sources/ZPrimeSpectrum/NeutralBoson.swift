import Numerics
import ZPrimeCore

/// A neutral boson other than the Z' (a scalar of the model, or a vector) with its couplings to a
/// block of states of a ``ParticleTable``, absolute (not in units of e):
///
///     vector: L = V_mu sum_ij psibar_i gamma^mu (left_ij P_L + right_ij P_R) psi_j
///     scalar: L = phi  sum_ij psibar_i (left_ij P_L + right_ij P_R) psi_j,   left = right^dagger
///
/// (Hermiticity: left and right are Hermitian for a vector; for a scalar L = -phi psibar_L Y psi_R
/// + h.c. has right = -Y, left = -Y^dagger). Either way the (F, l) entries give the couplings of the
/// one-loop g-2 formulas: C_V (or C_S) = (right + left)_Fl / 2 and C_A (or C_P) = (right - left)_Fl / 2.
///
/// ```swift
/// // A scalar of 10 GeV with a Yukawa 1e-4 to the electron (table index 0) only.
/// let phi = NeutralBoson.scalar(name: "phi", mass: 10, states: [0], yukawa: ComplexMatrix(rows: 1, columns: 1, real: [1e-4]))
/// print(phi.loopCouplings(internal: 0, external: 0).even)   // C_S = -1e-4
/// ```
public struct NeutralBoson: Sendable, Hashable {
    /// Spin 0 or 1.
    public enum Kind: String, Sendable, Hashable, Codable {
        case scalar, vector
    }

    /// A name for reports (`h_X`, `h`, `Z`).
    public let name: String
    /// Scalar or vector.
    public let kind: Kind
    /// The mass, GeV.
    public let mass: Double
    /// The indices (in the particle table) of the states the matrices are over, in matrix order.
    public let states: [Int]
    /// The coefficient matrix of P_L.
    public let left: ComplexMatrix
    /// The coefficient matrix of P_R.
    public let right: ComplexMatrix

    /// A boson from its matrices (square, one row per state).
    public init(name: String, kind: Kind, mass: Double, states: [Int], left: ComplexMatrix, right: ComplexMatrix) {
        precondition(left.rows == states.count && left.columns == states.count && right.rows == states.count && right.columns == states.count,
                     "one row and column per state")
        self.name = name
        self.kind = kind
        self.mass = mass
        self.states = states
        self.left = left
        self.right = right
    }

    /// A scalar from its Yukawa matrix Y, L = -phi psibar_L Y psi_R + h.c.
    public static func scalar(name: String, mass: Double, states: [Int], yukawa: ComplexMatrix) -> NeutralBoson {
        NeutralBoson(name: name, kind: .scalar, mass: mass, states: states, left: yukawa.adjoint.scaled(by: -1), right: yukawa.scaled(by: -1))
    }

    /// The (C_V or C_S, C_A or C_P) couplings between the states at matrix positions `internal` (F)
    /// and `external` (l): ((right + left)/2, (right - left)/2) of entry (F, l).
    public func loopCouplings(internal f: Int, external l: Int) -> (even: Complex<Double>, odd: Complex<Double>) {
        let r = right[f, l], lft = left[f, l]
        return ((r + lft) * Complex(0.5, 0), (r - lft) * Complex(0.5, 0))
    }
}
