import Numerics
import ZPrimeCore
import ZPrimeCouplings
import ZPrimePoint
import ZPrimeSpectrum

/// The Z' couplings of a parameter point in the quark mass basis, flavour-changing entries included.
///
/// The couplings stage computes the couplings of every family from its charges (``CouplingCalculator``:
/// the interaction basis, diagonal); here the quark blocks are rotated to the mass basis with the
/// rotations of a ``QuarkAlignment``,
///
///     G_L(mass) = c_1 + V_L^dagger [diag(G_L) - c_1] V_L,   G_R(mass) likewise with V_R,
///
/// (c_1 the first family's coupling, so that family-universal pieces, the kinetic mixing and the Z
/// admixture among them, stay exactly diagonal), and stored as off-diagonal entries of the
/// ``ChiralCouplingMatrix`` (units of e, L = e Z' psibar_i gamma^mu (v_ij + a_ij gamma^5) psi_j).
/// Leptons stay diagonal (the charged-lepton and neutrino flavour bases coincide with the charge
/// basis; the misalignment of ``ChargedLeptonFlavourViolation`` is treated separately).
///
/// ```swift
/// let model = Model(name: "third-family", charges: [.Q: [0, 0, 1], .U: [0, 0, 1], .D: [0, 0, 1],
///                                                   .L: [0, -3, 0], .E: [0, -3, 0], .N: [0, -3, 0]])
/// let point = try ParameterPoint(model: model, mass: 1000, coupling: 0.1)
/// let couplings = try FlavourCouplings(point: point, alignment: .up)
/// print(couplings.absoluteLeft("s", "b"))   // g_X V_ts^* V_tb = (-4.1e-3, 7.6e-5)
/// ```
public struct FlavourCouplings: Sendable {
    /// The point.
    public let point: ParameterPoint
    /// The alignment hypothesis.
    public let alignment: QuarkAlignment
    /// The rotations used.
    public let rotations: QuarkRotations
    /// The mass-basis couplings (q^2 of the construction; flavour-changing quark entries set).
    public let table: CouplingTable

    /// Table indices of d, s, b and u, c, t in the Standard Model part of every particle table.
    public static let downIndices = [7, 8, 10]
    /// See ``downIndices``.
    public static let upIndices = [6, 9, 11]

    /// The couplings of `point` at momentum transfer `squaredMomentum` (default 0: the couplings of
    /// low-energy flavour observables) in the mass basis of `alignment`.
    ///
    /// - Throws: ``Problem`` from the couplings stage, or for non-unitary custom rotations.
    public init(point: ParameterPoint, alignment: QuarkAlignment = .up, squaredMomentum: Double = 0, ckm: CKMMatrix = .pdg2024) throws(Problem) {
        let calculator = try CouplingCalculator(point: point)
        let base = try calculator.table(squaredMomentum: squaredMomentum)
        let rotations = try alignment.rotations(ckm: ckm)
        var matrix = base.matrix
        try Self.rotate(&matrix, indices: Self.downIndices, left: rotations.downLeft, right: rotations.downRight)
        try Self.rotate(&matrix, indices: Self.upIndices, left: rotations.upLeft, right: rotations.upRight)
        self.point = point
        self.alignment = alignment
        self.rotations = rotations
        table = CouplingTable(mass: base.mass, squaredMomentum: base.squaredMomentum, matrix: matrix, gaugeCoupling: base.gaugeCoupling,
                              kineticMixing: base.kineticMixing, loopMixing: base.loopMixing)
    }

    /// Rotates the 3 x 3 block of `indices` (families 1, 2, 3) to the mass basis.
    static func rotate(_ matrix: inout ChiralCouplingMatrix, indices: [Int], left vl: ComplexMatrix3, right vr: ComplexMatrix3) throws(Problem) {
        let lefts = indices.map { matrix.diagonal[$0].left }
        let rights = indices.map { matrix.diagonal[$0].right }
        func rotated(_ d: [Complex<Double>], _ v: ComplexMatrix3) -> ComplexMatrix3 {
            let reference = d[0]
            var m = v.adjoint * ComplexMatrix3.diagonal(d.map { $0 - reference }) * v
            for i in 0..<3 { m[i, i] = m[i, i] + reference }
            return m
        }
        let gl = rotated(lefts, vl), gr = rotated(rights, vr)
        for i in 0..<3 {
            for j in i..<3 {
                try matrix.setCoupling(indices[i], indices[j], ComplexChiralCoupling(left: gl[i, j], right: gr[i, j]))
            }
        }
    }

    /// The coupling psibar_i gamma (v + a gamma^5) psi_j of two named particles (units of e).
    public func coupling(_ i: String, _ j: String) -> ComplexChiralCoupling {
        guard let a = table.particles.index(of: i), let b = table.particles.index(of: j) else { return .zero }
        return table.matrix[a, b]
    }

    /// The absolute left-handed coupling g^L_ij = e (v_ij - a_ij) of psibar_i gamma P_L psi_j.
    public func absoluteLeft(_ i: String, _ j: String) -> Complex<Double> {
        Complex(PhysicalConstants.elementaryCharge, 0) * coupling(i, j).left
    }

    /// The absolute right-handed coupling g^R_ij = e (v_ij + a_ij).
    public func absoluteRight(_ i: String, _ j: String) -> Complex<Double> {
        Complex(PhysicalConstants.elementaryCharge, 0) * coupling(i, j).right
    }
}
