import ComplexModule
import RealModule

/// The eigendecomposition H = Q diag(lambda) Q^dagger of a Hermitian matrix by the cyclic
/// two-sided Jacobi method (C. G. J. Jacobi, J. Reine Angew. Math. 30 (1846) 51; the complex form
/// as in G. H. Golub, C. F. Van Loan, *Matrix Computations*, 4th ed., section 8.5).
///
/// Each step annihilates one off-diagonal pair h_pq = conj(h_qp) with a complex plane rotation;
/// sweeps over all pairs repeat until no entry exceeds eps sqrt(|h_pp h_qq|) (or is below
/// eps^2 ||H||, which ends sweeps that would only move rounding errors). The eigenvalues are
/// accurate to about eps ||H|| in absolute terms (relative for positive definite graded matrices);
/// for the light masses of a mass matrix use ``SingularValueDecomposition`` on the matrix itself,
/// never this on M^dagger M.
///
/// Conventions: eigenvalues ascending; column j of ``vectors`` is the eigenvector of
/// `values[j]`, with its largest-modulus component (the first on ties) real and positive;
/// degenerate eigenvalues get some orthonormal basis of their eigenspace.
///
/// ```swift
/// let h = ComplexMatrix([[Complex(2, 0), Complex(0, 1)], [Complex(0, -1), Complex(2, 0)]])
/// let eigen = try HermitianEigendecomposition(h)
/// print(eigen.values)     // [1, 3]
/// ```
public struct HermitianEigendecomposition: Sendable, Hashable {
    /// The eigenvalues, ascending.
    public let values: [Double]
    /// Q: column j is the eigenvector of `values[j]`.
    public let vectors: ComplexMatrix
    /// The number of sweeps.
    public let sweeps: Int

    /// The largest number of sweeps.
    public static let maximumSweeps = 80

    /// Decomposes a Hermitian matrix.
    ///
    /// - Throws: ``Problem`` for a non-square or empty matrix, entries that are not finite or above
    ///   1e150, a matrix that is not Hermitian (|H - H^dagger| above 1e-12 ||H||), or no convergence.
    public init(_ matrix: ComplexMatrix) throws(Problem) {
        try SingularValueDecomposition.validate(matrix, what: "matrix")
        guard matrix.relativeNonHermiticity <= 1e-12 else {
            throw Problem.invalid(.field("matrix"), text: nil, "must be Hermitian (|H - H^dagger| = \(matrix.relativeNonHermiticity) relative)")
        }
        let n = matrix.rows
        // Work on the Hermitian part.
        var hr = [Double](repeating: 0, count: n * n), hi = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                hr[i * n + j] = 0.5 * (matrix.real[i * n + j] + matrix.real[j * n + i])
                hi[i * n + j] = 0.5 * (matrix.imaginary[i * n + j] - matrix.imaginary[j * n + i])
            }
        }
        var qr = [Double](repeating: 0, count: n * n), qi = [Double](repeating: 0, count: n * n)
        for j in 0..<n { qr[j * n + j] = 1 }
        let norm = matrix.frobeniusNorm
        let eps = Double.ulpOfOne
        var sweep = 0
        var converged = n == 1
        while !converged && sweep < Self.maximumSweeps {
            sweep += 1
            var rotated = false
            for p in 0..<(n - 1) {
                for q in (p + 1)..<n {
                    let xr = hr[p * n + q], xi = hi[p * n + q]
                    let magnitude = (xr * xr + xi * xi).squareRoot()
                    let app = hr[p * n + p], aqq = hr[q * n + q]
                    if magnitude == 0 || magnitude <= eps * (abs(app) * abs(aqq)).squareRoot() || magnitude <= eps * eps * norm { continue }
                    rotated = true
                    // With h_pq = |h| e^{i phi}, the rotation
                    //   col_p' = c col_p - s e^{-i phi} col_q,  col_q' = s e^{i phi} col_p + c col_q
                    // (H' = J^dagger H J) zeroes h_pq for t = s/c solving t^2 + 2 zeta t - 1 = 0,
                    // zeta = (h_qq - h_pp)/(2|h_pq|): the smaller root.
                    let zeta = (aqq - app) / (2 * magnitude)
                    let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                    let c = 1 / (1 + t * t).squareRoot(), s = c * t
                    let er = xr / magnitude, ei = xi / magnitude
                    // Columns p, q of H (H J), then rows p, q (J^dagger H J).
                    for k in 0..<n {
                        let pr = hr[k * n + p], pi = hi[k * n + p], qr_ = hr[k * n + q], qi_ = hi[k * n + q]
                        let cqr = er * qr_ + ei * qi_, cqi = er * qi_ - ei * qr_           // conj(e) h_kq
                        let epr = er * pr - ei * pi, epi = er * pi + ei * pr               // e h_kp
                        hr[k * n + p] = c * pr - s * cqr
                        hi[k * n + p] = c * pi - s * cqi
                        hr[k * n + q] = s * epr + c * qr_
                        hi[k * n + q] = s * epi + c * qi_
                    }
                    for k in 0..<n {
                        // rows: h_pk' = conj(J_pp) h_pk + conj(J_qp) h_qk, with J_pp = c, J_qp = -s conj(e)
                        //        h_qk' = conj(J_pq) h_pk + conj(J_qq) h_qk, with J_pq = s e, J_qq = c
                        let pr = hr[p * n + k], pi = hi[p * n + k], qr_ = hr[q * n + k], qi_ = hi[q * n + k]
                        let eqr = er * qr_ - ei * qi_, eqi = er * qi_ + ei * qr_           // e h_qk
                        let cpr = er * pr + ei * pi, cpi = er * pi - ei * pr               // conj(e) h_pk
                        hr[p * n + k] = c * pr - s * eqr
                        hi[p * n + k] = c * pi - s * eqi
                        hr[q * n + k] = s * cpr + c * qr_
                        hi[q * n + k] = s * cpi + c * qi_
                    }
                    hr[p * n + q] = 0; hi[p * n + q] = 0
                    hr[q * n + p] = 0; hi[q * n + p] = 0
                    hi[p * n + p] = 0; hi[q * n + q] = 0
                    SingularValueDecomposition.rotate(&qr, &qi, p, q, n, c, s, er, ei)
                }
            }
            if !rotated { converged = true }
        }
        guard converged else {
            throw Problem(.nonFiniteResult, parameter: .field("matrix"), value: nil, severity: .error,
                          message: "the Jacobi eigendecomposition did not converge in \(Self.maximumSweeps) sweeps")
        }
        let diagonal = (0..<n).map { hr[$0 * n + $0] }
        let order = (0..<n).sorted { diagonal[$0] < diagonal[$1] || (diagonal[$0] == diagonal[$1] && $0 < $1) }
        var q = ComplexMatrix(rows: n, columns: n)
        for (newIndex, j) in order.enumerated() {
            for i in 0..<n {
                q.real[i * n + newIndex] = qr[j * n + i]
                q.imaginary[i * n + newIndex] = qi[j * n + i]
            }
        }
        for j in 0..<n { SingularValueDecomposition.rotateColumn(&q, j, by: SingularValueDecomposition.largestComponentPhase(q, column: j)) }
        values = order.map { diagonal[$0] }
        vectors = q
        self.sweeps = sweep
    }

    /// Q diag(lambda) Q^dagger.
    public var reconstructed: ComplexMatrix { vectors.scalingColumns(by: values) * vectors.adjoint }
}
