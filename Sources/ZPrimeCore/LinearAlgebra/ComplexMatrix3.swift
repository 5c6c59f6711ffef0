import Numerics

/// A 3 x 3 complex matrix, row-major: the three-family rotations (the CKM and PMNS matrices, the
/// quark alignments of the flavour module, the Z' couplings to neutrino mass eigenstates).
///
/// Small on purpose: three families need nothing more than products, adjoints and a unitarity
/// check.
///
/// ```swift
/// let swap = ComplexMatrix3(realRows: [[0, 1, 0], [1, 0, 0], [0, 0, 1]])
/// print(swap.unitarityDeviation, (swap * swap)[0, 0])   // 0.0 (1.0, 0.0): a permutation squared
/// ```
public struct ComplexMatrix3: Hashable, Sendable {
    /// The nine entries, row-major: entry (i, j) at 3 i + j.
    public var entries: [Complex<Double>]

    /// A matrix from its rows.
    public init(rows: [[Complex<Double>]]) {
        precondition(rows.count == 3 && rows.allSatisfy { $0.count == 3 }, "three rows of three entries")
        entries = rows.flatMap { $0 }
    }

    /// A real matrix from its rows.
    public init(realRows: [[Double]]) {
        self.init(rows: realRows.map { $0.map { Complex($0, 0) } })
    }

    /// The identity.
    public static let identity = ComplexMatrix3(realRows: [[1, 0, 0], [0, 1, 0], [0, 0, 1]])

    /// A matrix from its nine entries, row-major.
    public init(entries: [Complex<Double>]) {
        precondition(entries.count == 9, "nine entries")
        self.entries = entries
    }

    /// A diagonal matrix.
    public static func diagonal(_ d: [Complex<Double>]) -> ComplexMatrix3 {
        precondition(d.count == 3)
        let z = Complex<Double>.zero
        return ComplexMatrix3(entries: [d[0], z, z, z, d[1], z, z, z, d[2]])
    }

    /// A real diagonal matrix.
    public static func diagonal(real d: [Double]) -> ComplexMatrix3 {
        diagonal(d.map { Complex($0, 0) })
    }

    /// Entry (i, j).
    public subscript(_ i: Int, _ j: Int) -> Complex<Double> {
        get { entries[3 * i + j] }
        set { entries[3 * i + j] = newValue }
    }

    /// The conjugate transpose.
    public var adjoint: ComplexMatrix3 {
        let e = entries
        return ComplexMatrix3(entries: [e[0].conjugate, e[3].conjugate, e[6].conjugate, e[1].conjugate, e[4].conjugate,
                                        e[7].conjugate, e[2].conjugate, e[5].conjugate, e[8].conjugate])
    }

    /// The matrix product.
    public static func * (a: ComplexMatrix3, b: ComplexMatrix3) -> ComplexMatrix3 {
        var entries = [Complex<Double>](repeating: .zero, count: 9)
        a.entries.withUnsafeBufferPointer { x in
            b.entries.withUnsafeBufferPointer { y in
                for i in 0..<3 {
                    for j in 0..<3 {
                        entries[3 * i + j] = x[3 * i] * y[j] + x[3 * i + 1] * y[3 + j] + x[3 * i + 2] * y[6 + j]
                    }
                }
            }
        }
        return ComplexMatrix3(entries: entries)
    }

    /// The largest modulus of an entry of U^dagger U - 1: 0 for an exactly unitary matrix.
    public var unitarityDeviation: Double {
        let p = adjoint * self
        var worst = 0.0
        for i in 0..<3 {
            for j in 0..<3 {
                let target = Complex<Double>(i == j ? 1 : 0, 0)
                worst = Swift.max(worst, (p[i, j] - target).length)
            }
        }
        return worst
    }

    /// Whether every entry is finite.
    public var isFinite: Bool {
        for entry in entries where !entry.isFinite { return false }
        return true
    }

    /// Throws unless the matrix is finite and unitary to `tolerance` (largest entry of U^dagger U - 1).
    public func validateUnitary(_ parameter: Parameter, tolerance: Double = 1e-6) throws(Problem) {
        guard isFinite else { throw Problem.invalid(parameter, text: nil, "has a non-finite entry", kind: .notFinite) }
        let deviation = unitarityDeviation
        guard deviation <= tolerance else {
            throw Problem.invalid(parameter, text: "max |U^dagger U - 1| = \(deviation)",
                                  "is not unitary (tolerance \(tolerance))", kind: .outOfRange)
        }
    }
}
