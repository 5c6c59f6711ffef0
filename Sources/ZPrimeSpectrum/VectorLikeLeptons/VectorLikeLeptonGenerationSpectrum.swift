import ZPrimeCore

/// The exact spectrum of one generation of the seed model on fixed-size storage: the fast path of
/// ``VectorLikeLeptonSpectrum`` for the common case of real parameters and no couplings between
/// generations, for scans over millions of points (no heap allocation on the way).
///
/// The same physics and conventions as ``VectorLikeLeptonSpectrum`` (tested to agree with it): the
/// charged 3 x 3 matrix in the basis (e, L^-, E), y tuned on the branch det M > 0 by the same
/// closed-form quadratic and checked (secant-refined if needed) on the SVD to 1e-13; the
/// one-sided Jacobi SVD (``SmallRealSVD``, never M^T M); the neutral 4 x 4 matrix in the basis
/// (nu, N^c, L^0, L^0c) by the SVD of the real symmetric matrix (the Takagi values are its singular
/// values and the Takagi vectors its right singular vectors up to a factor i). States ascending;
/// the lepton is charged state 0; the light neutrino is the neutral state of largest nu content
/// among the lightest state and the states degenerate with it. Where ``SmallRealSVD`` declines (an
/// exactly zero charged singular value, a non-converging sweep), the general
/// ``SingularValueDecomposition`` is used. The checks of
/// the general type (perturbativity, collider bounds) are not repeated here.
///
/// ```swift
/// let inputs = VectorLikeLeptonGenerationSpectrum.Inputs(lambdaL: 90.0 / 14, lambdaE: 90.0 / 14, massL: 90, massE: 90, h: 1e-5, k: 1e-7)
/// let muon = try VectorLikeLeptonGenerationSpectrum(inputs, generation: .muon,
///                                                   higgsVEV: ElectroweakScheme.standard.vacuumExpectationValue, scalarVEV: 14)
/// print(muon.chargedMasses[0], muon.yukawa)   // 0.1056583755 and the tuned y_mu
/// ```
public struct VectorLikeLeptonGenerationSpectrum: Sendable, Hashable {
    /// The parameters of one generation (the diagonal entries of ``VectorLikeLeptonParameters``).
    public struct Inputs: Sendable, Hashable {
        public var lambdaL: Double, lambdaE: Double, massL: Double, massE: Double, h: Double, k: Double
        /// y, or nil to tune it to the lepton mass.
        public var yukawa: Double?
        /// y_nu and y_M.
        public var neutrinoYukawa: Double, majoranaYukawa: Double

        public init(lambdaL: Double, lambdaE: Double, massL: Double, massE: Double, h: Double = 0, k: Double = 0, yukawa: Double? = nil,
                    neutrinoYukawa: Double = 0, majoranaYukawa: Double = VectorLikeLeptonParameters.defaultMajoranaYukawa) {
            self.lambdaL = lambdaL; self.lambdaE = lambdaE; self.massL = massL; self.massE = massE; self.h = h; self.k = k
            self.yukawa = yukawa; self.neutrinoYukawa = neutrinoYukawa; self.majoranaYukawa = majoranaYukawa
        }

        /// The inputs of generation `g`, or nil when the parameters couple generations or `g` has no
        /// vector-like leptons (the general ``VectorLikeLeptonSpectrum`` handles those).
        public init?(parameters p: VectorLikeLeptonParameters, generation g: LeptonGeneration) {
            guard p.isActive(g), !p.hasOffDiagonalEntries else { return nil }
            let i = g.rawValue
            self.init(lambdaL: p.values[.lambdaL]![i][i], lambdaE: p.values[.lambdaE]![i][i], massL: p.values[.massL]![i][i],
                      massE: p.values[.massE]![i][i], h: p.values[.h]![i][i], k: p.values[.k]![i][i],
                      yukawa: p.tunedYukawa[i] ? nil : p.values[.yukawa]![i][i],
                      neutrinoYukawa: p.values[.neutrinoYukawa]![i][i], majoranaYukawa: p.values[.majoranaYukawa]![i][i])
        }
    }

    /// A coupling of each interaction field of one generation: the left-handed (e_L, L^-_L, E_L), the
    /// right-handed (e_R, L^-_R, E_R) and the neutral Weyl fields (nu, N^c, L^0, L^0c).
    public struct FieldCouplings: Sendable, Hashable {
        public var left: SIMD3<Double>
        public var right: SIMD3<Double>
        public var neutral: SIMD4<Double>

        /// `coupling(field)` of every field of generation `g` (e.g. the Z' coupling from its T3, Y, X).
        public init(generation g: LeptonGeneration, _ coupling: (LeptonField) -> Double) {
            left = SIMD3(coupling(.chargedLeft(.standardModel, g)), coupling(.chargedLeft(.doublet, g)), coupling(.chargedLeft(.singlet, g)))
            right = SIMD3(coupling(.chargedRight(.standardModel, g)), coupling(.chargedRight(.doublet, g)), coupling(.chargedRight(.singlet, g)))
            neutral = SIMD4(coupling(.neutral(.standardModel, g)), coupling(.neutral(.sterile, g)), coupling(.neutral(.doubletNeutral, g)),
                            coupling(.neutral(.doubletNeutralConjugate, g)))
        }
    }

    /// The generation.
    public let generation: LeptonGeneration
    /// The inputs.
    public let inputs: Inputs
    /// y in use (given or tuned).
    public let yukawa: Double
    /// The charged mass matrix M (rows e_L, L^-_L, E_L; columns e_R, L^-_R, E_R), GeV.
    public let charged: SmallRealSVD.Matrix
    /// Charged masses ascending (entries 0 ... 2; the lepton first), GeV.
    public let chargedMasses: SIMD4<Double>
    /// U_L (rows e_L, L^-_L, E_L; columns the states).
    public let left: SmallRealSVD.Matrix
    /// U_R (rows e_R, L^-_R, E_R).
    public let right: SmallRealSVD.Matrix
    /// Neutral masses ascending (entries 0 ... 3), GeV.
    public let neutralMasses: SIMD4<Double>
    /// The right singular vectors of the neutral matrix (rows nu, N^c, L^0, L^0c; columns the states):
    /// the Takagi vectors up to a factor 1 or i for non-degenerate states (the light neutrino, N_R);
    /// in the L^0 Dirac pair they span the pair's plane (use ``VectorLikeLeptonSpectrum`` for its vectors).
    public let neutral: SmallRealSVD.Matrix
    /// The column of the light neutrino in ``neutral``.
    public let lightNeutrino: Int

    /// Diagonalises one generation at v and v_X (GeV).
    ///
    /// - Throws: ``Problem`` as ``VectorLikeLeptonSpectrum``: a y that cannot be tuned, a singular
    ///   charged matrix (massless lepton), a decomposition that fails.
    public init(_ inputs: Inputs, generation g: LeptonGeneration, higgsVEV v: Double, scalarVEV vX: Double) throws(Problem) {
        let s2 = 2.0.squareRoot()
        let b = inputs.lambdaL * vX / s2, c = inputs.h * v / s2, d = inputs.lambdaE * vX / s2, e = inputs.k * v / s2
        let ml = inputs.massL, me = inputs.massE
        func matrix(_ a: Double) -> SmallRealSVD.Matrix {
            var m = SmallRealSVD.Matrix(size: 3)
            m[0, 0] = a; m[0, 1] = b
            m[1, 1] = ml; m[1, 2] = c
            m[2, 0] = d; m[2, 1] = e; m[2, 2] = me
            return m
        }
        let target = g.chargedLeptonMass
        var a: Double
        var decomposition: (values: SIMD4<Double>, left: SmallRealSVD.Matrix, right: SmallRealSVD.Matrix)
        if let y = inputs.yukawa {
            a = y * v / s2
            decomposition = try Self.decompose(matrix(a))
        } else {
            a = try VectorLikeLeptonSpectrum.tunedEntry(b: b, c: c, d: d, e: e, massL: ml, massE: me, target: target, generation: g)
            decomposition = try Self.decompose(matrix(a))
            if abs(decomposition.values[0] - target) > 1e-13 * target {
                // The secant of the general type, on this decomposition.
                let bigP = ml * me - c * e, bigQ = b * c * d
                var a0 = a, f0 = decomposition.values[0] - target
                var a1 = a * (1 + 1e-6) + 1e-12 * target
                decomposition = try Self.decompose(matrix(a1))
                var f1 = decomposition.values[0] - target
                for _ in 0..<40 where abs(f1) > 1e-14 * target && f1 != f0 {
                    let next = a1 - f1 * (a1 - a0) / (f1 - f0)
                    (a0, f0) = (a1, f1)
                    a1 = next
                    decomposition = try Self.decompose(matrix(a1))
                    f1 = decomposition.values[0] - target
                }
                a = a1
                guard abs(f1) <= 1e-12 * target, a * bigP + bigQ > 0 else {
                    throw Problem.invalid(.field("y_\(g.suffix)"), text: nil,
                                          "could not be tuned to the \(g.suffix) mass (closest lightest state \(f1 + target) GeV)", kind: .outOfRange)
                }
            }
        }
        let largest = decomposition.values[2]
        guard decomposition.values[0] > 1e-13 * largest else {
            throw Problem.invalid(.field("y_\(g.suffix)"), a * s2 / v,
                                  "the charged mass matrix is singular (lightest state \(decomposition.values[0]) GeV): the \(g.suffix) generation has a massless charged lepton")
        }
        generation = g
        self.inputs = inputs
        yukawa = a * s2 / v
        charged = matrix(a)
        chargedMasses = decomposition.values
        left = decomposition.left
        right = decomposition.right

        // Neutral: [[0, y_nu v/sqrt2, 0, lambda_L v_X/sqrt2], [y_nu v/sqrt2, y_M v_X/sqrt2, 0, 0], [0, 0, 0, M_L], [lambda_L v_X/sqrt2, 0, M_L, 0]].
        var n = SmallRealSVD.Matrix(size: 4)
        let dirac = inputs.neutrinoYukawa * v / s2
        n[0, 1] = dirac; n[1, 0] = dirac
        n[1, 1] = inputs.majoranaYukawa * vX / s2
        n[0, 3] = b; n[3, 0] = b
        n[2, 3] = ml; n[3, 2] = ml
        let neutralDecomposition = try Self.decompose(n, symmetric: true)
        neutralMasses = neutralDecomposition.values
        neutral = neutralDecomposition.right
        lightNeutrino = Self.lightState(masses: neutralDecomposition.values, vectors: neutralDecomposition.right)
    }

    /// The light neutrino of a 4 x 4 block: the state of largest nu content among the lightest one
    /// and those degenerate with it (relative 1e-9; e.g. a massless nu next to a massless N_R).
    static func lightState(masses: SIMD4<Double>, vectors: SmallRealSVD.Matrix) -> Int {
        var best = 0, bestWeight = -1.0
        for j in 0..<4 where masses[j] <= masses[0] * (1 + 1e-9) {
            let weight = vectors[0, j] * vectors[0, j]
            if weight > bestWeight { best = j; bestWeight = weight }
        }
        return best
    }

    /// The small SVD, or the general one where it declines (zero singular values).
    static func decompose(_ m: SmallRealSVD.Matrix, symmetric: Bool = false) throws(Problem)
        -> (values: SIMD4<Double>, left: SmallRealSVD.Matrix, right: SmallRealSVD.Matrix) {
        // A symmetric matrix needs only V (its Takagi vectors): zero values (a massless nu) are fine.
        if let svd = SmallRealSVD(m, allowZeroValues: symmetric) { return (svd.singularValues, svd.left, svd.right) }
        let n = m.size
        var rows = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n { for j in 0..<n { rows[i][j] = m[i, j] } }
        let svd = try SingularValueDecomposition(ComplexMatrix(real: rows))
        var values = SIMD4<Double>(), u = SmallRealSVD.Matrix(size: n), w = SmallRealSVD.Matrix(size: n)
        for j in 0..<n {
            values[j] = svd.singularValues[j]
            // A real matrix has real singular vectors in the general type's conventions.
            for i in 0..<n { u[i, j] = svd.left[i, j].real; w[i, j] = svd.right[i, j].real }
        }
        return (values, u, w)
    }

    // MARK: Couplings of the lepton

    /// The mass-basis couplings of a vector boson between every charged state f and the lepton
    /// (state 0): G_L[f, 0] = sum_a U_L[a, f] g_L(a) U_L[a, 0], the same for R, and the light
    /// neutrino's Weyl coupling sum_a |U_nu[a, light]|^2 g(a).
    public func vectorCouplings(_ fields: FieldCouplings) -> (left: SIMD3<Double>, right: SIMD3<Double>, neutrino: Double) {
        var gl = SIMD3<Double>(), gr = SIMD3<Double>()
        for f in 0..<3 {
            var l = 0.0, r = 0.0
            for a in 0..<3 {
                l += left[a, f] * fields.left[a] * left[a, 0]
                r += right[a, f] * fields.right[a] * right[a, 0]
            }
            gl[f] = l
            gr[f] = r
        }
        var nu = 0.0
        for a in 0..<4 { nu += neutral[a, lightNeutrino] * neutral[a, lightNeutrino] * fields.neutral[a] }
        return (gl, gr, nu)
    }

    /// The h_X Yukawas Y = U_L^T (dM/d rho) U_R (L = -rho chibar_L Y chi_R + h.c., h_X = (v_X + rho + i G)/sqrt2)
    /// between every charged state f and the lepton: (Y[f, 0], Y[0, f]).
    public func breakingScalarYukawas() -> (toLepton: SIMD3<Double>, fromLepton: SIMD3<Double>) {
        // dM/d rho: lambda_L/sqrt2 at (e_L, L^-_R), lambda_E/sqrt2 at (E_L, e_R).
        let s2 = 2.0.squareRoot()
        let dL = inputs.lambdaL / s2, dE = inputs.lambdaE / s2
        var toLepton = SIMD3<Double>(), fromLepton = SIMD3<Double>()
        for f in 0..<3 {
            toLepton[f] = left[0, f] * dL * right[1, 0] + left[2, f] * dE * right[0, 0]
            fromLepton[f] = left[0, 0] * dL * right[1, f] + left[2, 0] * dE * right[0, f]
        }
        return (toLepton, fromLepton)
    }
}
