/// The singular value decomposition M = U diag(sigma) V^T of a real n x n matrix with n <= 4, by the
/// same one-sided Jacobi method (Hestenes) and with the same conventions as
/// ``SingularValueDecomposition``, but on fixed-size storage: no heap allocation, for inner loops
/// that diagonalise millions of small mass matrices (a seed-model point needs a 3 x 3 charged and a
/// 4 x 4 neutral matrix per generation).
///
/// Conventions (as ``SingularValueDecomposition``): singular values ascending; the sign of each pair
/// (u_j, v_j) makes the component of v_j of largest modulus (the first on ties) positive. For a real
/// symmetric matrix, v_j of a non-degenerate singular value is also its Takagi vector up to a factor
/// i (u_j = -v_j for a negative eigenvalue), so the same decomposition serves the light states of
/// a neutral mass matrix; inside a degenerate pair (a Dirac pair, eigenvalues +-M) the columns of V
/// span the pair's plane but mix the two eigenvectors (the general ``TakagiFactorization`` resolves
/// them).
///
/// The initializer fails, rather than deciding something the general type handles, when an entry is
/// not finite or above 1e150, when a singular value is zero up to rounding (below 1e-150 of the
/// largest: U is then not determined by M and needs the general type's Gram-Schmidt completion), or
/// when the sweeps do not converge. Callers fall back to ``SingularValueDecomposition``.
///
/// Storage is column major in a `SIMD16<Double>`: entry (i, j) at index 4 j + i.
///
/// ```swift
/// let m = SmallRealSVD.Matrix(size: 3, rows: [[5e-4, 63.6, 0], [0, 90, 1e-4], [63.6, 1e-5, 90]])
/// let svd = SmallRealSVD(m)!
/// print(svd.singularValue(0))   // about 3.7e-4, the same as SingularValueDecomposition's
/// ```
public struct SmallRealSVD: Sendable, Hashable {
    /// A real n x n matrix, n <= 4, column major.
    public struct Matrix: Sendable, Hashable {
        /// The size n.
        public let size: Int
        /// Entry (i, j) at 4 j + i; entries outside n x n are zero.
        public var storage: SIMD16<Double>

        /// The zero matrix of size n (1 ... 4).
        public init(size: Int) {
            precondition(size >= 1 && size <= 4, "SmallRealSVD handles n = 1 ... 4")
            self.size = size
            storage = SIMD16<Double>()
        }

        /// A matrix from its rows (n rows of n entries).
        public init(size: Int, rows: [[Double]]) {
            self.init(size: size)
            precondition(rows.count == size && rows.allSatisfy { $0.count == size }, "n rows of n entries")
            for i in 0..<size { for j in 0..<size { storage[4 * j + i] = rows[i][j] } }
        }

        /// Entry (row, column).
        @inline(__always)
        public subscript(row: Int, column: Int) -> Double {
            get { storage[4 * column + row] }
            set { storage[4 * column + row] = newValue }
        }
    }

    /// sigma, ascending: `singularValue(0)` is the smallest.
    public let singularValues: SIMD4<Double>
    /// U: column j is the left singular vector of sigma_j.
    public let left: Matrix
    /// V: column j is the right singular vector of sigma_j.
    public let right: Matrix
    /// The number of sweeps.
    public let sweeps: Int

    /// sigma_j.
    @inline(__always)
    public func singularValue(_ j: Int) -> Double { singularValues[j] }

    /// Decomposes `matrix`, or returns nil (see the type's discussion). With `allowZeroValues`, a
    /// zero singular value is returned as exactly 0 with its right vector (V stays orthogonal: it is
    /// a product of rotations) and a zero column of U (not determined by M); enough for a symmetric
    /// matrix, whose Takagi vectors are the columns of V.
    public init?(_ matrix: Matrix, allowZeroValues: Bool = false) {
        let n = matrix.size
        for i in 0..<16 {
            let x = matrix.storage[i]
            guard x.isFinite, abs(x) <= 1e150 else { return nil }
        }
        var values = SIMD4<Double>()
        var u = Matrix(size: n), w = Matrix(size: n)
        var sweepCount = 0
        // Working copies on the stack, column major with stride 4: G (becomes U Sigma) and V.
        let ok = withUnsafeTemporaryAllocation(of: Double.self, capacity: 32) { buffer -> Bool in
            let g = buffer.baseAddress!, v = g + 16
            for i in 0..<16 { g[i] = matrix.storage[i]; v[i] = 0 }
            for j in 0..<n { v[5 * j] = 1 }
            // The tolerances of SingularValueDecomposition: n eps for orthogonality, 1e-150 for zero columns.
            let tolerance = Double(n) * Double.ulpOfOne
            var largest = 0.0
            for j in 0..<n { largest = max(largest, Self.norm(g, j, n)) }
            let floor = SingularValueDecomposition.zeroColumnRatio * largest
            var converged = false
            while sweepCount < SingularValueDecomposition.maximumSweeps {
                sweepCount += 1
                var rotated = false
                for p in 0..<(n - 1) {
                    for q in (p + 1)..<n {
                        let gp = g + 4 * p, gq = g + 4 * q
                        var a = 0.0, b = 0.0, c = 0.0
                        for i in 0..<n {
                            let x = gp[i], y = gq[i]
                            a += x * x
                            b += y * y
                            c += x * y
                        }
                        let magnitude = abs(c)
                        let ra = a.squareRoot(), rb = b.squareRoot()
                        if ra < floor || rb < floor { continue }
                        if magnitude == 0 || magnitude <= tolerance * (ra * rb) { continue }
                        rotated = true
                        let zeta = (b - a) / (2 * magnitude)
                        let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                        let cosine = 1 / (1 + t * t).squareRoot()
                        let sine = c > 0 ? cosine * t : -cosine * t
                        // g_p' = cos g_p - sin e g_q, g_q' = sin e g_p + cos g_q, e = sign(c) (the real case of the general type).
                        let vp = v + 4 * p, vq = v + 4 * q
                        for i in 0..<n {
                            let x = gp[i], y = gq[i]
                            gp[i] = cosine * x - sine * y
                            gq[i] = sine * x + cosine * y
                            let vx = vp[i], vy = vq[i]
                            vp[i] = cosine * vx - sine * vy
                            vq[i] = sine * vx + cosine * vy
                        }
                    }
                }
                if !rotated {
                    converged = true
                    break
                }
            }
            guard converged else { return false }
            var sigma = SIMD4<Double>()
            var top = 0.0
            for j in 0..<n {
                sigma[j] = Self.norm(g, j, n)
                top = max(top, sigma[j])
            }
            for j in 0..<n where !(sigma[j] >= SingularValueDecomposition.zeroColumnRatio * top && sigma[j] > 0) {
                guard allowZeroValues else { return false }
                sigma[j] = 0
            }
            // Ascending order (stable on ties), by insertion.
            var order = SIMD4<Int>(0, 1, 2, 3)
            for j in 1..<n {
                var k = j
                while k > 0 && sigma[order[k]] < sigma[order[k - 1]] {
                    let swap = order[k]; order[k] = order[k - 1]; order[k - 1] = swap
                    k -= 1
                }
            }
            for column in 0..<n {
                let source = order[column]
                let s = sigma[source]
                values[column] = s
                let vs = v + 4 * source, gs = g + 4 * source
                // The sign: the largest |v| component (the first on ties, as the general type) positive.
                var best = 0, bestMagnitude = -1.0
                for i in 0..<n where abs(vs[i]) > bestMagnitude * (1 + 1e-12) {
                    best = i
                    bestMagnitude = abs(vs[i])
                }
                let sign = vs[best] < 0 ? -1.0 : 1.0
                for i in 0..<n {
                    u.storage[4 * column + i] = s > 0 ? sign * gs[i] / s : 0
                    w.storage[4 * column + i] = sign * vs[i]
                }
            }
            return true
        }
        guard ok else { return nil }
        singularValues = values
        left = u
        right = w
        sweeps = sweepCount
    }

    @inline(__always)
    static func norm(_ g: UnsafeMutablePointer<Double>, _ j: Int, _ n: Int) -> Double {
        // As the general type's columnNorm (entries are at most 1e150: the squares do not overflow).
        var sum = 0.0
        for i in 0..<n { sum += g[4 * j + i] * g[4 * j + i] }
        return sum.squareRoot()
    }
}
