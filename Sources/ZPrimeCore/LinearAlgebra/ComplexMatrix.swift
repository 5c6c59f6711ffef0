import ComplexModule
import RealModule

/// A dense complex matrix of doubles, stored row-major as separate real and imaginary parts: the
/// value type of the mass matrices and mixing matrices (charged leptons, neutrinos, PMNS-like
/// rotations) that ``SingularValueDecomposition``, ``HermitianEigendecomposition`` and
/// ``TakagiFactorization`` work on. Sizes are small (up to a few dozen); every operation allocates
/// its result.
///
/// ```swift
/// let m = ComplexMatrix(real: [[1, 2], [3, 4]])
/// let product = m * m.adjoint           // m m^dagger
/// print(product[0, 1])                   // Complex(11, 0)
/// print((m.adjoint * m - ComplexMatrix.identity(2)).maximumMagnitude)   // not unitary: far from 0
/// ```
public struct ComplexMatrix: Hashable, Sendable, CustomStringConvertible {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// Real parts, row-major: entry (i, j) is `real[i * columns + j]`.
    public var real: [Double]
    /// Imaginary parts, row-major.
    public var imaginary: [Double]

    /// A zero matrix.
    public init(rows: Int, columns: Int) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        real = Array(repeating: 0, count: rows * columns)
        imaginary = Array(repeating: 0, count: rows * columns)
    }

    /// A matrix from row-major real and imaginary parts (each of `rows * columns` entries).
    public init(rows: Int, columns: Int, real: [Double], imaginary: [Double]? = nil) {
        precondition(real.count == rows * columns, "one real part per entry")
        precondition(imaginary == nil || imaginary!.count == rows * columns, "one imaginary part per entry")
        self.rows = rows
        self.columns = columns
        self.real = real
        self.imaginary = imaginary ?? Array(repeating: 0, count: rows * columns)
    }

    /// A real matrix from its rows (all of equal length).
    public init(real entries: [[Double]]) {
        let columns = entries.first?.count ?? 0
        precondition(entries.allSatisfy { $0.count == columns }, "rows of equal length")
        self.init(rows: entries.count, columns: columns, real: entries.flatMap { $0 })
    }

    /// A matrix from its rows of complex entries (all of equal length).
    public init(_ entries: [[Complex<Double>]]) {
        let columns = entries.first?.count ?? 0
        precondition(entries.allSatisfy { $0.count == columns }, "rows of equal length")
        let flat = entries.flatMap { $0 }
        self.init(rows: entries.count, columns: columns, real: flat.map(\.real), imaginary: flat.map(\.imaginary))
    }

    /// The n x n identity.
    public static func identity(_ n: Int) -> ComplexMatrix {
        var m = ComplexMatrix(rows: n, columns: n)
        for i in 0..<n { m.real[i * n + i] = 1 }
        return m
    }

    /// A diagonal matrix with real entries.
    public static func diagonal(_ values: [Double]) -> ComplexMatrix {
        var m = ComplexMatrix(rows: values.count, columns: values.count)
        for (i, v) in values.enumerated() { m.real[i * values.count + i] = v }
        return m
    }

    /// Entry (i, j).
    @inlinable
    public subscript(_ i: Int, _ j: Int) -> Complex<Double> {
        get { Complex(real[i * columns + j], imaginary[i * columns + j]) }
        set {
            real[i * columns + j] = newValue.real
            imaginary[i * columns + j] = newValue.imaginary
        }
    }

    /// Whether the matrix is square.
    public var isSquare: Bool { rows == columns }

    /// The rows as arrays of complex numbers.
    public var entries: [[Complex<Double>]] {
        (0..<rows).map { i in (0..<columns).map { j in self[i, j] } }
    }

    /// Column `j`.
    public func column(_ j: Int) -> [Complex<Double>] { (0..<rows).map { self[$0, j] } }

    /// The transpose.
    public var transpose: ComplexMatrix {
        var t = ComplexMatrix(rows: columns, columns: rows)
        for i in 0..<rows {
            for j in 0..<columns {
                t.real[j * rows + i] = real[i * columns + j]
                t.imaginary[j * rows + i] = imaginary[i * columns + j]
            }
        }
        return t
    }

    /// The complex conjugate (entry by entry).
    public var conjugate: ComplexMatrix {
        ComplexMatrix(rows: rows, columns: columns, real: real, imaginary: imaginary.map { -$0 })
    }

    /// The conjugate transpose M^dagger.
    public var adjoint: ComplexMatrix {
        var t = transpose
        for k in t.imaginary.indices { t.imaginary[k] = -t.imaginary[k] }
        return t
    }

    /// The product of two matrices (`lhs.columns == rhs.rows`).
    public static func * (lhs: ComplexMatrix, rhs: ComplexMatrix) -> ComplexMatrix {
        precondition(lhs.columns == rhs.rows, "inner dimensions must agree")
        var p = ComplexMatrix(rows: lhs.rows, columns: rhs.columns)
        let n = lhs.columns, c = rhs.columns
        for i in 0..<lhs.rows {
            for k in 0..<n {
                let ar = lhs.real[i * n + k], ai = lhs.imaginary[i * n + k]
                if ar == 0 && ai == 0 { continue }
                for j in 0..<c {
                    let br = rhs.real[k * c + j], bi = rhs.imaginary[k * c + j]
                    p.real[i * c + j] += ar * br - ai * bi
                    p.imaginary[i * c + j] += ar * bi + ai * br
                }
            }
        }
        return p
    }

    /// The sum of two matrices of equal shape.
    public static func + (lhs: ComplexMatrix, rhs: ComplexMatrix) -> ComplexMatrix {
        precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "shapes must agree")
        return ComplexMatrix(rows: lhs.rows, columns: lhs.columns, real: zip(lhs.real, rhs.real).map(+),
                             imaginary: zip(lhs.imaginary, rhs.imaginary).map(+))
    }

    /// The difference of two matrices of equal shape.
    public static func - (lhs: ComplexMatrix, rhs: ComplexMatrix) -> ComplexMatrix {
        precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "shapes must agree")
        return ComplexMatrix(rows: lhs.rows, columns: lhs.columns, real: zip(lhs.real, rhs.real).map(-),
                             imaginary: zip(lhs.imaginary, rhs.imaginary).map(-))
    }

    /// The matrix times a real number.
    public func scaled(by factor: Double) -> ComplexMatrix {
        ComplexMatrix(rows: rows, columns: columns, real: real.map { $0 * factor }, imaginary: imaginary.map { $0 * factor })
    }

    /// The matrix with its columns multiplied by `factors` (M diag(factors)).
    public func scalingColumns(by factors: [Double]) -> ComplexMatrix {
        precondition(factors.count == columns, "one factor per column")
        var m = self
        for i in 0..<rows {
            for j in 0..<columns {
                m.real[i * columns + j] *= factors[j]
                m.imaginary[i * columns + j] *= factors[j]
            }
        }
        return m
    }

    /// The Frobenius norm sqrt(sum |m_ij|^2), scaled so that it neither overflows nor underflows.
    public var frobeniusNorm: Double {
        let scale = maximumMagnitude
        guard scale > 0, scale.isFinite else { return scale }
        var sum = 0.0
        for k in real.indices {
            let a = real[k] / scale, b = imaginary[k] / scale
            sum += a * a + b * b
        }
        return scale * sum.squareRoot()
    }

    /// The largest |m_ij|.
    public var maximumMagnitude: Double {
        var largest = 0.0
        for k in real.indices { largest = max(largest, Complex(real[k], imaginary[k]).length) }
        return largest
    }

    /// Whether every entry is finite.
    public var isFinite: Bool { real.allSatisfy(\.isFinite) && imaginary.allSatisfy(\.isFinite) }

    /// max |(M^dagger M - 1)_ij|: 0 for a unitary matrix (square matrices only).
    public var unitarityDeviation: Double {
        precondition(isSquare, "unitarity needs a square matrix")
        return (adjoint * self - .identity(rows)).maximumMagnitude
    }

    /// max |M_ij - M_ji| / max|M_ij| (0 for a symmetric matrix; square matrices only).
    public var relativeAsymmetry: Double {
        precondition(isSquare, "symmetry needs a square matrix")
        let scale = maximumMagnitude
        guard scale > 0 else { return 0 }
        return (self - transpose).maximumMagnitude / scale
    }

    /// max |M_ij - conj(M_ji)| / max|M_ij| (0 for a Hermitian matrix; square matrices only).
    public var relativeNonHermiticity: Double {
        precondition(isSquare, "Hermiticity needs a square matrix")
        let scale = maximumMagnitude
        guard scale > 0 else { return 0 }
        return (self - adjoint).maximumMagnitude / scale
    }

    public var description: String {
        entries.map { row in row.map { "\($0.real)\($0.imaginary < 0 ? "-" : "+")\(abs($0.imaginary))i" }.joined(separator: "  ") }
            .joined(separator: "\n")
    }
}
