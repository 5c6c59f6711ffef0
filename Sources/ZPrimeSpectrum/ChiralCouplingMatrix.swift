import Numerics
import ZPrimeCore

/// The couplings of one neutral vector boson to every pair of fermions of a ``ParticleTable``, in
/// units of e:
///
///     L = e V_mu [ sum_i psibar_i gamma^mu (v_ii + a_ii gamma^5) psi_i
///                + sum_{i<j} ( psibar_i gamma^mu (v_ij + a_ij gamma^5) psi_j + h.c. ) ].
///
/// The diagonal entries are the familiar eps^V_f, eps^A_f; off-diagonal entries (flavour-changing
/// couplings of quarks, the light-heavy couplings of mixed vector-like leptons) are stored sparsely
/// for i < j, the (j, i) entry being the Hermitian conjugate. In chiral form the left- and
/// right-handed matrices L = v - a, R = v + a are Hermitian for tree-level couplings; effective
/// couplings at time-like momentum transfer may carry absorptive (imaginary) diagonal parts.
///
/// A vector boson cannot change electric charge or colour, so only pairs with equal charge and equal
/// colour number may couple: ``setCoupling(_:_:_:)`` refuses anything else.
///
/// Majorana states (``Particle/isMajorana``): the entries are the couplings of their left-handed
/// Weyl components, L = e V chi_i^dagger sigma-bar^mu G_ij chi_j, stored as `left` = G (with
/// `right` = 0); in four-component Majorana notation the current is
/// (1/2) psibar_i gamma^mu (G_ij P_L - G_ji P_R) psi_j, so a diagonal Majorana coupling is purely
/// axial, -G_ii/2 gamma^mu gamma^5.
///
/// ```swift
/// // A Z' with a flavour-changing b-s coupling (left-handed, 1e-6 in units of e):
/// var matrix = ChiralCouplingMatrix(particles: .standardModel)
/// let s = ParticleTable.standardModel.index(of: "s")!, b = ParticleTable.standardModel.index(of: "b")!
/// try matrix.setCoupling(s, b, ComplexChiralCoupling(left: Complex(1e-6, 0), right: .zero))
/// print(matrix[b, s].left)   // 1e-6 (the conjugate entry)
/// ```
public struct ChiralCouplingMatrix: Hashable, Sendable {
    /// One off-diagonal entry, i < j.
    public struct Entry: Hashable, Sendable {
        /// The row (the barred field), i < j.
        public let row: Int
        /// The column.
        public let column: Int
        /// The coupling v_ij + a_ij gamma^5.
        public var coupling: ComplexChiralCoupling
    }

    /// The particles the matrix is over.
    public let particles: ParticleTable
    /// The diagonal couplings, one per particle in table order.
    public var diagonal: [ComplexChiralCoupling]
    /// The non-zero off-diagonal entries with row < column, sorted by (row, column).
    public private(set) var offDiagonal: [Entry]

    /// A matrix of zeros over `particles`.
    public init(particles: ParticleTable) {
        self.particles = particles
        diagonal = Array(repeating: .zero, count: particles.count)
        offDiagonal = []
    }

    /// A diagonal matrix (`diagonal` must have one entry per particle).
    public init(particles: ParticleTable, diagonal: [ComplexChiralCoupling]) {
        precondition(diagonal.count == particles.count, "one diagonal coupling per particle")
        self.particles = particles
        self.diagonal = diagonal
        offDiagonal = []
    }

    /// A matrix with the given diagonal and off-diagonal entries (row < column; each pair at most
    /// once), checked like ``setCoupling(_:_:_:)`` but built in one pass (for mass-basis tables with
    /// many mixed states). Entries that are exactly zero are dropped.
    ///
    /// - Throws: ``Problem`` as ``setCoupling(_:_:_:)`` does, or for an entry with row >= column or
    ///   given twice.
    public init(particles: ParticleTable, diagonal: [ComplexChiralCoupling],
                offDiagonal entries: [(row: Int, column: Int, coupling: ComplexChiralCoupling)]) throws(Problem) {
        precondition(diagonal.count == particles.count, "one diagonal coupling per particle")
        self.particles = particles
        self.diagonal = diagonal
        var list: [Entry] = []
        list.reserveCapacity(entries.count)
        for (i, j, coupling) in entries where !coupling.isZero {
            guard i < j, particles.indices.contains(i), particles.indices.contains(j) else {
                throw Problem.invalid(.field("coupling index"), text: "(\(i), \(j))", "must have row < column inside the particle table of \(particles.count) states")
            }
            guard coupling.isFinite else {
                throw Problem.invalid(.field("coupling \(particles[i].name)-\(particles[j].name)"), text: "\(coupling.vector), \(coupling.axial)", "must be finite", kind: .notFinite)
            }
            let a = particles[i], b = particles[j]
            guard a.electricCharge == b.electricCharge, a.colours == b.colours else {
                throw Problem.invalid(.field("coupling \(a.name)-\(b.name)"), text: nil,
                                      "a neutral vector boson cannot connect states of different electric charge or colour", kind: .conflict)
            }
            list.append(Entry(row: i, column: j, coupling: coupling))
        }
        list.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        for k in list.indices.dropFirst() where list[k].row == list[k - 1].row && list[k].column == list[k - 1].column {
            throw Problem.invalid(.field("coupling \(particles[list[k].row].name)-\(particles[list[k].column].name)"), text: nil, "given twice", kind: .conflict)
        }
        offDiagonal = list
    }

    /// The coupling psibar_i gamma (v + a gamma^5) psi_j; for i > j the Hermitian conjugate of the
    /// stored (j, i) entry.
    public subscript(_ i: Int, _ j: Int) -> ComplexChiralCoupling {
        if i == j { return diagonal[i] }
        let (r, c) = i < j ? (i, j) : (j, i)
        guard let entry = offDiagonal.first(where: { $0.row == r && $0.column == c }) else { return .zero }
        if i < j { return entry.coupling }
        return ComplexChiralCoupling(vector: entry.coupling.vector.conjugate, axial: entry.coupling.axial.conjugate)
    }

    /// Sets the coupling of psibar_i ... psi_j (and, for i != j, its conjugate (j, i)).
    ///
    /// - Throws: ``Problem`` when an index is outside the table, the two particles differ in electric
    ///   charge or colour (a neutral vector boson cannot connect them), or the coupling is not finite.
    public mutating func setCoupling(_ i: Int, _ j: Int, _ coupling: ComplexChiralCoupling) throws(Problem) {
        guard particles.indices.contains(i), particles.indices.contains(j) else {
            throw Problem.invalid(.field("coupling index"), text: "(\(i), \(j))", "outside the particle table of \(particles.count) states")
        }
        guard coupling.isFinite else {
            throw Problem.invalid(.field("coupling \(particles[i].name)-\(particles[j].name)"), text: "\(coupling.vector), \(coupling.axial)", "must be finite", kind: .notFinite)
        }
        let a = particles[i], b = particles[j]
        guard a.electricCharge == b.electricCharge, a.colours == b.colours else {
            throw Problem.invalid(.field("coupling \(a.name)-\(b.name)"), text: nil,
                                  "a neutral vector boson cannot connect states of different electric charge or colour", kind: .conflict)
        }
        if i == j {
            diagonal[i] = coupling
            return
        }
        let (r, c, value) = i < j ? (i, j, coupling)
            : (j, i, ComplexChiralCoupling(vector: coupling.vector.conjugate, axial: coupling.axial.conjugate))
        if let k = offDiagonal.firstIndex(where: { $0.row == r && $0.column == c }) {
            if value.isZero { offDiagonal.remove(at: k) } else { offDiagonal[k].coupling = value }
        } else if !value.isZero {
            offDiagonal.append(Entry(row: r, column: c, coupling: value))
            offDiagonal.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        }
    }

    /// Whether every off-diagonal entry vanishes.
    public var isDiagonal: Bool { offDiagonal.isEmpty }

    /// Debug-only check of the structure: one diagonal entry per particle, entries only between
    /// states of equal charge and colour, indices ordered and distinct (the style of
    /// swift-collections' `_checkInvariants`; compiled out of release builds).
    public func checkInvariants() {
        #if DEBUG
        precondition(diagonal.count == particles.count, "diagonal size")
        var previous: (Int, Int)? = nil
        for entry in offDiagonal {
            precondition(entry.row < entry.column && entry.column < particles.count, "entry indices")
            precondition(particles[entry.row].electricCharge == particles[entry.column].electricCharge, "charge-changing entry")
            if let previous { precondition(previous < (entry.row, entry.column), "entries sorted and distinct") }
            previous = (entry.row, entry.column)
        }
        #endif
    }
}
