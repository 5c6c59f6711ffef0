import Testing
@testable import ZPrimeCore

/// The fixed-size real SVD against the same 50-digit mpmath references as the general Jacobi SVD
/// (LinearAlgebraFixtures.swift: every real fixture up to 4 x 4), and against the general type.
///
/// Tolerances (those of LinearAlgebraTests, the same algorithm): singular values relative 1e-13
/// (measured ~1e-16); residual max|M - U diag V^T| and orthogonality max|U^T U - 1| below 1e-14
/// (relative to max|M|); agreement with SingularValueDecomposition to 1e-15 relative on values and
/// 1e-13 on vectors (the same rotations in the same order; only the summation order differs).
@Suite("Linear algebra: fixed-size real SVD")
struct SmallRealSVDTests {
    static let realFixtures = LinearAlgebraFixtures.all.filter { f in
        (f.kind == .svd || f.kind == .takagi) && f.size <= 4 && f.imaginary.allSatisfy { $0 == 0 }
    }

    static func matrix(_ f: LinearAlgebraFixture) -> SmallRealSVD.Matrix {
        var m = SmallRealSVD.Matrix(size: f.size)
        for i in 0..<f.size { for j in 0..<f.size { m[i, j] = f.real[i * f.size + j] } }
        return m
    }

    @Test("the real fixtures: values, residual, orthogonality, the general type's conventions", arguments: realFixtures)
    func fixture(_ f: LinearAlgebraFixture) throws {
        let n = f.size
        let m = Self.matrix(f)
        let reference = f.reference.map { Double($0)! }
        let scale = f.real.map(abs).max()!
        guard let svd = SmallRealSVD(m) else {
            // Declined: only for an exactly zero singular value (the general type completes U then).
            #expect(reference.contains { $0 <= Double(n) * Double.ulpOfOne * scale }, "\(f.name): declined without a zero singular value")
            return
        }
        // A symmetric (Takagi) fixture: its Takagi values are its singular values.
        for j in 0..<n {
            #expect(abs(svd.singularValue(j) - reference[j]) / reference[j] < 1e-13, "\(f.name): sigma_\(j) = \(svd.singularValue(j)) vs \(reference[j])")
            if j > 0 { #expect(svd.singularValue(j) >= svd.singularValue(j - 1)) }
        }
        var residual = 0.0, orthogonality = 0.0
        for i in 0..<n {
            for j in 0..<n {
                var r = 0.0, uu = 0.0, vv = 0.0
                for k in 0..<n {
                    r += svd.left[i, k] * svd.singularValue(k) * svd.right[j, k]
                    uu += svd.left[k, i] * svd.left[k, j]
                    vv += svd.right[k, i] * svd.right[k, j]
                }
                residual = max(residual, abs(r - m[i, j]))
                orthogonality = max(orthogonality, abs(uu - (i == j ? 1 : 0)), abs(vv - (i == j ? 1 : 0)))
            }
        }
        #expect(residual < 1e-14 * scale, "\(f.name): residual \(residual)")
        #expect(orthogonality < 1e-14, "\(f.name): orthogonality \(orthogonality)")
        // The general type on the same matrix: the same values, vectors and signs.
        let general = try SingularValueDecomposition(ComplexMatrix(rows: n, columns: n, real: f.real))
        for j in 0..<n {
            #expect(abs(svd.singularValue(j) - general.singularValues[j]) <= 1e-15 * general.singularValues[j] + 1e-300)
            for i in 0..<n {
                #expect(abs(svd.left[i, j] - general.left[i, j].real) < 1e-13, "\(f.name): U(\(i), \(j))")
                #expect(abs(svd.right[i, j] - general.right[i, j].real) < 1e-13, "\(f.name): V(\(i), \(j))")
            }
        }
    }

    @Test("declines what it does not decide: zero singular values, non-finite or huge entries")
    func declines() {
        var zero = SmallRealSVD.Matrix(size: 3)
        zero[0, 0] = 1
        zero[1, 1] = 2   // third row and column zero
        #expect(SmallRealSVD(zero) == nil)
        var bad = SmallRealSVD.Matrix(size: 2, rows: [[1, 2], [3, 4]])
        bad[0, 1] = .nan
        #expect(SmallRealSVD(bad) == nil)
        bad[0, 1] = 1e200
        #expect(SmallRealSVD(bad) == nil)
        // 1 x 1: |x|, with the sign in U.
        let one = SmallRealSVD(SmallRealSVD.Matrix(size: 1, rows: [[-3]]))!
        #expect(one.singularValue(0) == 3 && one.left[0, 0] == -1 && one.right[0, 0] == 1)
    }

    @Test("symmetric matrices with zero values: V holds the Takagi vectors", arguments: LinearAlgebraFixtures.all.filter { $0.kind == .takagi && $0.size <= 4 && $0.imaginary.allSatisfy { $0 == 0 } })
    func symmetric(_ f: LinearAlgebraFixture) throws {
        // V^T M V = diag(s_j sigma_j) with s_j = +-1 (the eigenvalue signs; a Takagi vector is v_j or
        // i v_j), to 1e-13 max|M| as the general Takagi test; the values as in the fixture (zero ones
        // below 4 n eps ||M||). Not inside a degenerate pair (a Dirac pair +-M): there V spans the
        // pair's plane, but its columns mix the +M and -M eigenvectors.
        let n = f.size
        let m = Self.matrix(f)
        let svd = try #require(SmallRealSVD(m, allowZeroValues: true))
        let reference = f.reference.map { Double($0)! }
        let scale = f.real.map(abs).max()!
        for j in 0..<n {
            if reference[j] <= Double(n) * Double.ulpOfOne * scale {
                #expect(svd.singularValue(j) <= 4 * Double(n) * Double.ulpOfOne * scale)
            } else {
                #expect(abs(svd.singularValue(j) / reference[j] - 1) < 1e-13, "\(f.name): \(svd.singularValue(j)) vs \(reference[j])")
            }
        }
        func isolated(_ i: Int) -> Bool {
            (0..<n).allSatisfy { $0 == i || abs(svd.singularValue($0) - svd.singularValue(i)) > 1e-6 * scale }
        }
        for i in 0..<n where isolated(i) {
            for j in 0..<n where isolated(j) {
                var d = 0.0
                for a in 0..<n { for b in 0..<n { d += svd.right[a, i] * m[a, b] * svd.right[b, j] } }
                let expected = i == j ? svd.singularValue(i) : 0
                #expect(abs(abs(d) - expected) < 1e-13 * scale, "\(f.name): (V^T M V)[\(i), \(j)] = \(d)")
            }
        }
    }
}
