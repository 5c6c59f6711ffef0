import ComplexModule
import RealModule

/// The Takagi factorization of a complex symmetric matrix, U^T M U = diag(sigma) with U unitary
/// and sigma >= 0: the diagonalisation of a Majorana mass matrix (L = -1/2 n^T C^-1 M n + h.c. for
/// left-handed Weyl fields n = U chi; T. Takagi, Japan. J. Math. 1 (1925) 83).
///
/// **Method.** From the one-sided Jacobi SVD M = W diag(sigma) V^dagger (high relative accuracy on
/// small values, see ``SingularValueDecomposition``): symmetry of M gives V = conj(W) Z with
/// Z = W^T V unitary, symmetric, and commuting with diag(sigma) (block diagonal on degenerate
/// singular values, whatever basis the SVD chose there). With S = Z^(1/2), the principal square
/// root of Z (symmetric and unitary, being a function of Z; computed from the eigenvectors of Z
/// with the branch cut placed in the widest gap of its eigenphases, so that nearly equal
/// eigenvalues are never split by it), M = (W conj(S)) diag(sigma) (W conj(S))^T, and U =
/// conj(W conj(S)) = conj(W) S. Because S is a continuous function of Z, nearly degenerate pairs
/// (pseudo-Dirac states) and exactly degenerate ones (Dirac pairs) need no threshold. Singular
/// values at or below n eps sigma_max are taken as exactly zero: their columns of U are conj(W)
/// there (any orthonormal basis of the null space is a Takagi basis) and sigma is set to 0.
///
/// **Conventions.** Values ascending (the lightest state first). A Takagi vector is unique only up
/// to a sign (and a real orthogonal rotation inside a degenerate block): the sign makes the
/// largest-modulus component of each column have a positive real part (a positive imaginary part
/// if the real part vanishes). For a real symmetric M the columns are real (positive eigenvalues)
/// or imaginary (negative ones), up to rounding.
///
/// ```swift
/// // A Dirac pair: two Weyl fields with a mass term M between them.
/// let m = ComplexMatrix(real: [[0, 90], [90, 0]])
/// let takagi = try TakagiFactorization(m)
/// print(takagi.values)                                   // [90, 90]
/// print(takagi.unitary.transpose * m * takagi.unitary)   // diag(90, 90)
/// ```
public struct TakagiFactorization: Sendable, Hashable {
    /// The Takagi values sigma >= 0, ascending.
    public let values: [Double]
    /// U with U^T M U = diag(values).
    public let unitary: ComplexMatrix

    /// Factorises a complex symmetric matrix.
    ///
    /// - Throws: ``Problem`` for a non-square, non-finite or non-symmetric matrix (|M - M^T| above
    ///   1e-12 max|M_ij|), or when a decomposition does not converge.
    public init(_ matrix: ComplexMatrix) throws(Problem) {
        try SingularValueDecomposition.validate(matrix, what: "matrix")
        guard matrix.relativeAsymmetry <= 1e-12 else {
            throw Problem.invalid(.field("matrix"), text: nil, "must be symmetric for a Takagi factorization (|M - M^T| = \(matrix.relativeAsymmetry) relative)")
        }
        let n = matrix.rows
        let svd = try SingularValueDecomposition(matrix)
        let w = svd.left, v = svd.right
        let largest = svd.singularValues.last ?? 0
        let zeroThreshold = Double(n) * Double.ulpOfOne * largest
        var sigma = svd.singularValues
        let nonZero = (0..<n).filter { sigma[$0] > zeroThreshold }
        for j in 0..<n where !nonZero.contains(j) { sigma[j] = 0 }

        // Z = W^T V restricted to the non-zero singular values.
        let k = nonZero.count
        var z = ComplexMatrix(rows: k, columns: k)
        for (a, ja) in nonZero.enumerated() {
            for (b, jb) in nonZero.enumerated() {
                var sum = Complex<Double>.zero
                for i in 0..<n { sum += w[i, ja] * v[i, jb] }
                z[a, b] = sum
            }
        }
        let root = k > 0 ? try Self.principalSquareRoot(ofSymmetricUnitary: z) : ComplexMatrix(rows: 0, columns: 0)
        // U = conj(W) S on the non-zero block, conj(W) on the null space.
        var u = w.conjugate
        for i in 0..<n {
            var row = [Complex<Double>](repeating: .zero, count: k)
            for b in 0..<k {
                var sum = Complex<Double>.zero
                for (a, ja) in nonZero.enumerated() { sum += w[i, ja].conjugate * root[a, b] }
                row[b] = sum
            }
            for (b, jb) in nonZero.enumerated() { u[i, jb] = row[b] }
        }
        for j in 0..<n { Self.fixSign(&u, column: j) }
        values = sigma
        unitary = u
    }

    /// conj(U) diag(sigma) U^dagger, which equals M.
    public var reconstructed: ComplexMatrix {
        unitary.conjugate.scalingColumns(by: values) * unitary.adjoint
    }

    /// max |M - conj(U) diag(sigma) U^dagger|_ij / max |M_ij|.
    public func relativeResidual(of matrix: ComplexMatrix) -> Double {
        let scale = matrix.maximumMagnitude
        return scale == 0 ? reconstructed.maximumMagnitude : (matrix - reconstructed).maximumMagnitude / scale
    }

    /// The principal square root of a (numerically) symmetric unitary matrix Z: S with S^2 = Z,
    /// computed as Q diag(e^{i theta/2}) Q^dagger from an eigenbasis Q of Z, with the eigenphases
    /// theta measured from a cut in the widest gap between them. The eigenbasis comes from the
    /// Hermitian matrix (Z + Z^dagger)/2 + phi (Z - Z^dagger)/(2i), which shares the eigenvectors of
    /// the normal matrix Z (phi = 0.5772..., retried with other values if it happens to merge two
    /// distinct eigenvalues of Z).
    static func principalSquareRoot(ofSymmetricUnitary z: ComplexMatrix) throws(Problem) -> ComplexMatrix {
        let n = z.rows
        let zAdjoint = z.adjoint
        var lastError = 0.0
        for phi in [0.5772156649015329, 1.6180339887498949, -0.7071067811865476, 2.718281828459045] {
            var h = ComplexMatrix(rows: n, columns: n)
            for i in 0..<n {
                for j in 0..<n {
                    let zij = z[i, j], aij = zAdjoint[i, j]
                    let realPart = (zij + aij) * Complex(0.5, 0)
                    let imaginaryPart = (zij - aij) * Complex(0, -0.5)   // (Z - Z^dagger)/(2i)
                    h[i, j] = realPart + imaginaryPart * Complex(phi, 0)
                }
            }
            let eigen = try HermitianEigendecomposition(h)
            let q = eigen.vectors
            let d = q.adjoint * z * q
            var offDiagonal = 0.0
            for i in 0..<n { for j in 0..<n where i != j { offDiagonal = max(offDiagonal, d[i, j].length) } }
            lastError = offDiagonal
            guard offDiagonal <= 1e-9 else { continue }
            var phases = (0..<n).map { Double.atan2(y: d[$0, $0].imaginary, x: d[$0, $0].real) }
            // Put the branch cut in the middle of the widest gap between consecutive phases.
            let sorted = phases.sorted()
            var cut = Double.pi
            if n > 1 {
                var widest = sorted[0] + 2 * Double.pi - sorted[n - 1]
                cut = sorted[n - 1] + 0.5 * widest
                for i in 1..<n where sorted[i] - sorted[i - 1] > widest {
                    widest = sorted[i] - sorted[i - 1]
                    cut = sorted[i - 1] + 0.5 * widest
                }
            } else {
                cut = phases[0] + Double.pi
            }
            // Measure each phase in (cut - 2 pi, cut).
            for i in 0..<n {
                while phases[i] >= cut { phases[i] -= 2 * Double.pi }
                while phases[i] < cut - 2 * Double.pi { phases[i] += 2 * Double.pi }
            }
            var s = ComplexMatrix(rows: n, columns: n)
            let halves = phases.map { Complex(Double.cos($0 / 2), Double.sin($0 / 2)) }
            for i in 0..<n {
                for j in 0..<n {
                    var sum = Complex<Double>.zero
                    for l in 0..<n { sum += q[i, l] * halves[l] * q[j, l].conjugate }
                    s[i, j] = sum
                }
            }
            return s
        }
        throw Problem(.nonFiniteResult, parameter: .field("matrix"), value: nil, severity: .error,
                      message: "the Takagi factorization could not diagonalise the phase matrix W^T V (off-diagonal \(lastError))")
    }

    static func fixSign(_ u: inout ComplexMatrix, column j: Int) {
        var best = 0, bestMagnitude = -1.0
        for i in 0..<u.rows {
            let magnitude = u[i, j].length
            if magnitude > bestMagnitude * (1 + 1e-12) {
                best = i
                bestMagnitude = magnitude
            }
        }
        let z = u[best, j]
        let flip = abs(z.real) > 1e-12 * bestMagnitude ? z.real < 0 : z.imaginary < 0
        if flip { for i in 0..<u.rows { u[i, j] = -u[i, j] } }
    }
}
