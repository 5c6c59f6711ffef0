/// The singular value decomposition M = U diag(sigma) V^T of a real n x n matrix with n <= 4, by the
/// same one-sided Jacobi method (Hestenes) and with the same conventions as
/// ``SingularValueDecomposition``, but on fixed-size storage: no heap allocation, for inner loops
/// that diagonalise millions of small mass matrices (a seed-model point needs a 3 x 3 charged and a
/// 4 x 4 neutral matrix per generation).
///
/// Conventions (as ``SingularValueDecomposition``): singular values ascending; the sign of each pair
/// (u_j, v_j) makes the component of v_j of largest modulus (the first on ties) positive. For a real
/// symmetric matrix, v_j is also its Takagi vector up to a factor i (u_j = -v_j for a negative
/// eigenvalue), so the same decomposition serves the neutral mass matrix.
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

    /// Decomposes `matrix`, or returns nil (see the type's discussion).
    public init?(_ matrix: Matrix) {
        let n = matrix.size
        var g = matrix.storage
        for i in 0..<16 {
            let x = g[i]
            guard x.isFinite, abs(x) <= 1e150 else { return nil }
        }
        var v = SIMD16<Double>()
        for j in 0..<n { v[5 * j] = 1 }
        // The tolerances of SingularValueDecomposition: n eps for orthogonality, 1e-150 for zero columns.
        let tolerance = Double(n) * Double.ulpOfOne
        var largest = 0.0
        for j in 0..<n { largest = max(largest, Self.norm(g, j, n)) }
        let floor = SingularValueDecomposition.zeroColumnRatio * largest
        var sweep = 0
        var converged = false
        while sweep < SingularValueDecomposition.maximumSweeps {
            sweep += 1
            var rotated = false
            for p in 0..<(n - 1) {
                for q in (p + 1)..<n {
                    var a = 0.0, b = 0.0, c = 0.0
                    for i in 0..<n {
                        let x = g[4 * p + i], y = g[4 * q + i]
                        a += x * x
                        b += y * y
                        c += x * y
                    }
                    let magnitude = abs(c)
                    if a.squareRoot() < floor || b.squareRoot() < floor { continue }
                    if magnitude == 0 || magnitude <= tolerance * (a.squareRoot() * b.squareRoot()) { continue }
                    rotated = true
                    let zeta = (b - a) / (2 * magnitude)
                    let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                    let cosine = 1 / (1 + t * t).squareRoot()
                    let sine = cosine * t
                    let e = c > 0 ? 1.0 : -1.0
                    // g_p' = cos g_p - sin e g_q, g_q' = sin e g_p + cos g_q (the real case of the general type).
                    for i in 0..<n {
                        let x = g[4 * p + i], y = g[4 * q + i]
                        g[4 * p + i] = cosine * x - sine * e * y
                        g[4 * q + i] = sine * e * x + cosine * y
                        let vx = v[4 * p + i], vy = v[4 * q + i]
                        v[4 * p + i] = cosine * vx - sine * e * vy
                        v[4 * q + i] = sine * e * vx + cosine * vy
                    }
                }
            }
            if !rotated {
                converged = true
                break
            }
        }
        guard converged else { return nil }
        var sigma = SIMD4<Double>()
        for j in 0..<n { sigma[j] = Self.norm(g, j, n) }
        var top = 0.0
        for j in 0..<n { top = max(top, sigma[j]) }
        for j in 0..<n { guard sigma[j] >= SingularValueDecomposition.zeroColumnRatio * top, sigma[j] > 0 else { return nil } }
        // Ascending order (stable on ties), by insertion into a small index list.
        var order = SIMD4<Int>(0, 1, 2, 3)
        for j in 1..<n {
            var k = j
            while k > 0 && sigma[order[k]] < sigma[order[k - 1]] {
                let swap = order[k]; order[k] = order[k - 1]; order[k - 1] = swap
                k -= 1
            }
        }
        var u = Matrix(size: n), w = Matrix(size: n)
        var values = SIMD4<Double>()
        for column in 0..<n {
            let source = order[column]
            let s = sigma[source]
            values[column] = s
            // The sign: the largest |v| component (the first on ties, as the general type) positive.
            var best = 0, bestMagnitude = -1.0
            for i in 0..<n where abs(v[4 * source + i]) > bestMagnitude * (1 + 1e-12) {
                best = i
                bestMagnitude = abs(v[4 * source + i])
            }
            let sign = v[4 * source + best] < 0 ? -1.0 : 1.0
            for i in 0..<n {
                u.storage[4 * column + i] = sign * g[4 * source + i] / s
                w.storage[4 * column + i] = sign * v[4 * source + i]
            }
        }
        singularValues = values
        left = u
        right = w
        sweeps = sweep
    }

    @inline(__always)
    static func norm(_ g: SIMD16<Double>, _ j: Int, _ n: Int) -> Double {
        // As the general type's columnNorm (entries are at most 1e150: the squares do not overflow).
        var sum = 0.0
        for i in 0..<n { sum += g[4 * j + i] * g[4 * j + i] }
        return sum.squareRoot()
    }
}
