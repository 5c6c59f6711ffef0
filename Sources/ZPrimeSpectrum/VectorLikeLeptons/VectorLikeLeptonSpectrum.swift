import Numerics
import ZPrimeCore

/// The mass eigenstates of the seed model's leptons and the mixing matrices, from the exact
/// numerical diagonalisation of ``VectorLikeLeptonMassMatrices``: a one-sided Jacobi SVD of the
/// charged matrix (never of M^dagger M) and a Takagi factorization of the neutral one, each split
/// into its independent blocks (one per generation unless off-diagonal couplings join them).
///
/// **States and their order.** Charged: the three leptons first (state g is the lightest state of
/// the block holding e_L of generation g; when generations mix, the lightest states are assigned by
/// their largest e_L, e_R content), then the heavy states in ascending mass. Neutral: the three
/// light neutrinos (the states with the largest nu content of each generation), then the others
/// (mostly N_R and L^0) ascending.
///
/// **Mixing conventions** (Hati et al.'s): psi_L = U_L chi_L, psi_R = U_R chi_R with
/// U_L^dagger M U_R = diag (the SVD M = U_L diag U_R^dagger, phases of ``SingularValueDecomposition``);
/// n = U_nu chi with U_nu^T M_nu U_nu = diag (``TakagiFactorization``).
///
/// **Tuned Yukawas.** For each generation whose y is not given, y is solved so that the lightest
/// charged state of the generation has the measured lepton mass, on the branch det(M) > 0 of the
/// generation's 3 x 3 block. The smallest singular value m of M is a root of the characteristic
/// polynomial of M^T M, det(M)^2 - m^2 I_2 + m^4 I_1 - m^6 = 0 (I_1 = |M|^2, I_2 the sum of squared
/// 2 x 2 minors), which is quadratic in the (1,1) entry a = y v/sqrt2; the root with det > 0 is
/// taken and checked (and refined by a secant on the SVD, if needed) to 1e-13. With couplings between
/// generations the three y are refined together by the same secant, generation by generation.
///
/// ```swift
/// let p = VectorLikeLeptonParameters.benchmark(.slides, generations: [.muon], h: [1e-5])
/// let spectrum = try VectorLikeLeptonSpectrum(parameters: p, higgsVEV: 246.22, scalarVEV: 14)
/// print(spectrum.chargedMasses[1])     // 0.1056583755 (the muon; y_mu tuned)
/// print(spectrum.yukawas[1])           // the tuned y_mu
/// ```
public struct VectorLikeLeptonSpectrum: Sendable {
    /// The parameters.
    public let parameters: VectorLikeLeptonParameters
    /// v (GeV).
    public let higgsVEV: Double
    /// v_X (GeV).
    public let scalarVEV: Double
    /// y_ii of each generation (given, or tuned).
    public let yukawas: [Double]
    /// The mass matrices at these Yukawas.
    public let matrices: VectorLikeLeptonMassMatrices
    /// Charged masses in state order (GeV).
    public let chargedMasses: [Double]
    /// U_L: rows are ``VectorLikeLeptonMassMatrices/leftFields``, columns the charged states.
    public let leftMixing: ComplexMatrix
    /// U_R: rows are ``VectorLikeLeptonMassMatrices/rightFields``, columns the charged states.
    public let rightMixing: ComplexMatrix
    /// Neutral masses in state order (GeV).
    public let neutralMasses: [Double]
    /// U_nu: rows are ``VectorLikeLeptonMassMatrices/neutralFields``, columns the neutral states.
    public let neutralMixing: ComplexMatrix
    /// The generation a charged state belongs to (the light ones; heavy ones by their largest
    /// vector-like content).
    public let chargedGenerations: [LeptonGeneration]
    /// The generation of each neutral state (by its largest content).
    public let neutralGenerations: [LeptonGeneration]
    /// Warnings and notes: non-perturbative couplings, collider bounds, defaults.
    public let problems: [Problem]

    /// The collider bound on the physical vector-like lepton masses quoted with the model (recast
    /// slepton/neutralino searches: about 120 GeV; backup "Collider bounds" of the talks on Hati et
    /// al. 2020).
    public static let vectorLikeMassBound = 120.0
    /// The collider bound on m_hX quoted with the model, about 50 GeV (same source).
    public static let scalarMassBound = 50.0

    /// Diagonalises the model at v and v_X (GeV).
    ///
    /// - Throws: ``Problem`` for a non-positive or non-finite vev, a Yukawa that cannot be tuned to
    ///   the lepton mass, a singular charged mass matrix (a massless charged lepton from given
    ///   Yukawas), or a decomposition that fails.
    public init(parameters: VectorLikeLeptonParameters, higgsVEV v: Double, scalarVEV vX: Double) throws(Problem) {
        guard v.isFinite, v > 0 else { throw Problem.invalid(.field("v"), v, "the electroweak vacuum expectation value must be finite and > 0") }
        guard vX.isFinite, vX > 0 else { throw Problem.invalid(.field("v_X"), vX, "the B-L vacuum expectation value must be finite and > 0") }
        self.parameters = parameters
        higgsVEV = v
        scalarVEV = vX
        var y = (0..<3).map { parameters.values[.yukawa]![$0][$0] }
        // Tune generation by generation on its own block (exact when nothing couples the generations).
        for g in LeptonGeneration.allCases where parameters.tunedYukawa[g.rawValue] {
            y[g.rawValue] = try Self.tunedYukawa(parameters, g, v: v, vX: vX)
        }
        var matrices = VectorLikeLeptonMassMatrices(parameters: parameters, yukawas: y, higgsVEV: v, scalarVEV: vX)
        var charged = try Self.chargedStates(matrices)
        if parameters.hasOffDiagonalEntries && parameters.tunedYukawa.contains(true) {
            (y, matrices, charged) = try Self.refineTogether(parameters, y, v: v, vX: vX)
        }
        // Singular: a light state at the rounding level of the SVD (eps ||M|| ~ 1e-14 ||M||), i.e.
        // det M = 0 up to rounding; the loops need a massive external lepton.
        let largest = charged.masses.max() ?? 0
        for g in LeptonGeneration.allCases where !(charged.masses[g.rawValue] > 1e-13 * largest) {
            throw Problem.invalid(.field("y_\(g.suffix)"), y[g.rawValue],
                                  "the charged mass matrix is singular (lightest state \(charged.masses[g.rawValue]) GeV): the \(g.suffix) generation has a massless charged lepton")
        }
        let neutral = try Self.neutralStates(matrices)
        yukawas = y
        self.matrices = matrices
        chargedMasses = charged.masses
        leftMixing = charged.left
        rightMixing = charged.right
        chargedGenerations = charged.generations
        neutralMasses = neutral.masses
        neutralMixing = neutral.mixing
        neutralGenerations = neutral.generations
        problems = parameters.notes + Self.checks(parameters, chargedMasses: charged.masses, chargedGenerations: charged.generations)
    }

    /// The number of charged states.
    public var chargedCount: Int { chargedMasses.count }
    /// The number of neutral states.
    public var neutralCount: Int { neutralMasses.count }

    // MARK: Mass-basis couplings

    /// The mass-basis couplings of a vector boson whose coupling to each interaction field is
    /// `coupling(field)` (absolute, the coefficient of psibar gamma^mu psi of that chiral field; for
    /// neutral fields of the left-handed Weyl field): G_L = U_L^dagger diag U_L, G_R = U_R^dagger diag U_R
    /// over the charged states, G_nu = U_nu^dagger diag U_nu over the neutral ones.
    public func vectorCouplings(_ coupling: (LeptonField) -> Double) -> (left: ComplexMatrix, right: ComplexMatrix, neutral: ComplexMatrix) {
        (Self.rotate(leftMixing, matrices.leftFields.map(coupling)),
         Self.rotate(rightMixing, matrices.rightFields.map(coupling)),
         Self.rotate(neutralMixing, matrices.neutralFields.map(coupling)))
    }

    /// The neutral scalars the charged leptons couple to.
    public enum Scalar: String, Sendable, CaseIterable {
        /// The SM Higgs boson h (v -> v + h).
        case higgs = "h"
        /// The B-L breaking scalar h_X (its real part, v_X -> v_X + rho).
        case breakingScalar = "h_X"
        /// The Goldstone boson of U(1)_{B-L} (the imaginary part of h_X, eaten by the Z').
        case goldstone = "G_X"
    }

    /// The mass-basis Yukawa matrix Y = U_L^dagger (dM/d phi) U_R of `scalar`:
    /// L = -phi chibar_L Y chi_R + h.c.
    public func scalarYukawa(_ scalar: Scalar) -> ComplexMatrix {
        let d: ComplexMatrix
        switch scalar {
        case .higgs: d = matrices.chargedHiggsYukawa
        case .breakingScalar: d = matrices.chargedScalarYukawa
        case .goldstone: d = matrices.chargedGoldstoneYukawa
        }
        return leftMixing.adjoint * d * rightMixing
    }

    /// The charged-current couplings of the W (in units of g/sqrt2): L = (g/sqrt2) W^+_mu
    /// sum_{j,i} chibar^0_j gamma^mu (left_ji P_L + right_ji P_R) chi^-_i + h.c., with neutral states
    /// j (four-component Majorana fields) and charged states i. The left-handed current runs through
    /// (nu, e_L) and (L^0, L^-_L), the right-handed one through (L^0_R, L^-_R) of the vector-like
    /// doublet; left = U_nu^dagger(nu) U_L(e_L) + U_nu^dagger(L^0) U_L(L^-_L), right =
    /// U_nu^T(L^0c) U_R(L^-_R).
    public func chargedCurrent() -> (left: ComplexMatrix, right: ComplexMatrix) {
        let nn = neutralCount, nc = chargedCount
        var left = ComplexMatrix(rows: nn, columns: nc), right = ComplexMatrix(rows: nn, columns: nc)
        let lf = matrices.leftFields, rf = matrices.rightFields, nf = matrices.neutralFields
        for (a, field) in nf.enumerated() {
            let partner: Int?
            let isRight: Bool
            switch field.species {
            case .standardModel:
                partner = lf.firstIndex { $0.species == .standardModel && $0.generation == field.generation }; isRight = false
            case .doubletNeutral:
                partner = lf.firstIndex { $0.species == .doublet && $0.generation == field.generation }; isRight = false
            case .doubletNeutralConjugate:
                partner = rf.firstIndex { $0.species == .doublet && $0.generation == field.generation }; isRight = true
            default: partner = nil; isRight = false
            }
            guard let b = partner else { continue }
            for j in 0..<nn {
                for i in 0..<nc {
                    if isRight {
                        right[j, i] = right[j, i] + neutralMixing[a, j] * rightMixing[b, i]
                    } else {
                        left[j, i] = left[j, i] + neutralMixing[a, j].conjugate * leftMixing[b, i]
                    }
                }
            }
        }
        return (left, right)
    }

    /// The 3 x 3 charged and 4 x 4 neutral blocks of generation `g` when no coupling joins the
    /// generations and g is active (nil otherwise): masses ascending and the mixing matrices in the
    /// per-generation bases (e, L, E) and (nu, N^c, L^0, L^0c), for comparison with the slides'
    /// leading-order matrices.
    public func block(_ g: LeptonGeneration) -> (chargedMasses: [Double], left: ComplexMatrix, right: ComplexMatrix,
                                                   neutralMasses: [Double], neutral: ComplexMatrix)? {
        guard !parameters.hasOffDiagonalEntries, parameters.isActive(g) else { return nil }
        let rows = matrices.leftFields.indices.filter { matrices.leftFields[$0].generation == g }
        let columns = rows.count == 3 ? (0..<chargedCount).filter { j in rows.contains { leftMixing[$0, j].lengthSquared + rightMixing[$0, j].lengthSquared > 0 } } : []
        let neutralRows = matrices.neutralFields.indices.filter { matrices.neutralFields[$0].generation == g }
        let neutralColumns = (0..<neutralCount).filter { j in neutralRows.contains { neutralMixing[$0, j].lengthSquared > 0 } }
        guard columns.count == 3, neutralColumns.count == 4 else { return nil }
        let orderedColumns = columns.sorted { chargedMasses[$0] < chargedMasses[$1] }
        let orderedNeutral = neutralColumns.sorted { neutralMasses[$0] < neutralMasses[$1] }
        func sub(_ m: ComplexMatrix, _ r: [Int], _ c: [Int]) -> ComplexMatrix {
            var out = ComplexMatrix(rows: r.count, columns: c.count)
            for (a, i) in r.enumerated() { for (b, j) in c.enumerated() { out[a, b] = m[i, j] } }
            return out
        }
        return (orderedColumns.map { chargedMasses[$0] }, sub(leftMixing, rows, orderedColumns), sub(rightMixing, rows, orderedColumns),
                orderedNeutral.map { neutralMasses[$0] }, sub(neutralMixing, neutralRows, orderedNeutral))
    }

    /// U^dagger diag(values) U.
    static func rotate(_ u: ComplexMatrix, _ values: [Double]) -> ComplexMatrix {
        let n = u.rows, m = u.columns
        var out = ComplexMatrix(rows: m, columns: m)
        for i in 0..<m {
            for j in i..<m {
                var re = 0.0, im = 0.0
                for f in 0..<n where values[f] != 0 {
                    // conj(u_fi) u_fj values_f
                    let ar = u.real[f * m + i], ai = u.imaginary[f * m + i], br = u.real[f * m + j], bi = u.imaginary[f * m + j]
                    re += values[f] * (ar * br + ai * bi)
                    im += values[f] * (ar * bi - ai * br)
                }
                out.real[i * m + j] = re; out.imaginary[i * m + j] = im
                out.real[j * m + i] = re; out.imaginary[j * m + i] = -im
            }
            out.imaginary[i * m + i] = 0
        }
        return out
    }

    // MARK: Diagonalisation

    struct ChargedStates {
        var masses: [Double]
        var left: ComplexMatrix
        var right: ComplexMatrix
        var generations: [LeptonGeneration]
    }

    struct NeutralStates {
        var masses: [Double]
        var mixing: ComplexMatrix
        var generations: [LeptonGeneration]
    }

    /// Independent blocks of a matrix: connected components of rows and columns through non-zero
    /// entries. Returns nil unless every block is square.
    static func blocks(of m: ComplexMatrix) -> [(rows: [Int], columns: [Int])]? {
        let n = m.rows
        var parent = Array(0..<(2 * n))
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for i in 0..<n {
            for j in 0..<n where m.real[i * n + j] != 0 || m.imaginary[i * n + j] != 0 {
                let a = find(i), b = find(n + j)
                if a != b { parent[a] = b }
            }
        }
        var groups: [Int: (rows: [Int], columns: [Int])] = [:]
        for i in 0..<n { groups[find(i), default: ([], [])].rows.append(i) }
        for j in 0..<n { groups[find(n + j), default: ([], [])].columns.append(j) }
        // A zero row and a zero column (e.g. a massless neutrino of a generation without y_nu) form
        // groups of their own; they pair up, in order, into 1 x 1 zero blocks (for a symmetric matrix
        // zero row i with zero column i).
        let zeroRows = groups.values.filter { $0.columns.isEmpty }.flatMap(\.rows).sorted()
        let zeroColumns = groups.values.filter { $0.rows.isEmpty }.flatMap(\.columns).sorted()
        guard zeroRows.count == zeroColumns.count else { return nil }
        var list = groups.values.filter { !$0.rows.isEmpty && !$0.columns.isEmpty }
        list += zip(zeroRows, zeroColumns).map { (rows: [$0], columns: [$1]) }
        list.sort { $0.rows[0] < $1.rows[0] }
        guard list.allSatisfy({ $0.rows.count == $0.columns.count }) else { return nil }
        return list
    }

    static func submatrix(_ m: ComplexMatrix, _ rows: [Int], _ columns: [Int]) -> ComplexMatrix {
        var out = ComplexMatrix(rows: rows.count, columns: columns.count)
        for (a, i) in rows.enumerated() { for (b, j) in columns.enumerated() { out[a, b] = m[i, j] } }
        return out
    }

    static func chargedStates(_ matrices: VectorLikeLeptonMassMatrices) throws(Problem) -> ChargedStates {
        let m = matrices.charged
        let n = m.rows
        let blocks = Self.blocks(of: m) ?? [(Array(0..<n), Array(0..<n))]
        var masses: [Double] = [], generations: [LeptonGeneration] = []
        var lefts: [[Complex<Double>]] = [], rights: [[Complex<Double>]] = []   // columns in full-field coordinates
        var light: [(generation: LeptonGeneration, state: Int)] = []
        for block in blocks {
            let svd = try SingularValueDecomposition(submatrix(m, block.rows, block.columns))
            let first = masses.count
            for s in 0..<block.rows.count {
                var l = [Complex<Double>](repeating: .zero, count: n), r = l
                for (a, i) in block.rows.enumerated() { l[i] = svd.left[a, s] }
                for (b, j) in block.columns.enumerated() { r[j] = svd.right[b, s] }
                lefts.append(l); rights.append(r)
                masses.append(svd.singularValues[s])
                generations.append(dominantGeneration(l, matrices.leftFields, preferStandardModel: false))
            }
            // The leptons of this block: the lightest states, one per generation with e_L here.
            let leptonGenerations = block.rows.filter { matrices.leftFields[$0].species == .standardModel }.map { matrices.leftFields[$0].generation }
            var candidates = Array(first..<(first + leptonGenerations.count))
            for g in leptonGenerations.sorted(by: { $0.rawValue < $1.rawValue }) {
                // Greedy: the candidate with the largest e_L + e_R weight of g.
                let eL = matrices.leftFields.firstIndex { $0.species == .standardModel && $0.generation == g }!
                let eR = matrices.rightFields.firstIndex { $0.species == .standardModel && $0.generation == g }!
                let best = candidates.max { lefts[$0][eL].lengthSquared + rights[$0][eR].lengthSquared < lefts[$1][eL].lengthSquared + rights[$1][eR].lengthSquared }!
                candidates.removeAll { $0 == best }
                light.append((g, best))
            }
        }
        light.sort { $0.generation.rawValue < $1.generation.rawValue }
        let lightStates = light.map(\.state)
        let heavy = (0..<masses.count).filter { !lightStates.contains($0) }.sorted { masses[$0] < masses[$1] || (masses[$0] == masses[$1] && $0 < $1) }
        let order = lightStates + heavy
        var left = ComplexMatrix(rows: n, columns: n), right = ComplexMatrix(rows: n, columns: n)
        for (c, s) in order.enumerated() { for i in 0..<n { left[i, c] = lefts[s][i]; right[i, c] = rights[s][i] } }
        var gens = order.map { generations[$0] }
        for (c, item) in light.enumerated() { gens[c] = item.generation }
        return ChargedStates(masses: order.map { masses[$0] }, left: left, right: right, generations: gens)
    }

    static func neutralStates(_ matrices: VectorLikeLeptonMassMatrices) throws(Problem) -> NeutralStates {
        let m = matrices.neutral
        let n = m.rows
        // Blocks of a symmetric matrix: rows and columns coincide.
        let blocks = (Self.blocks(of: m) ?? [(Array(0..<n), Array(0..<n))]).map(\.rows)
        var masses: [Double] = [], vectors: [[Complex<Double>]] = [], generations: [LeptonGeneration] = []
        var light: [(generation: LeptonGeneration, state: Int)] = []
        for rows in blocks {
            let takagi = try TakagiFactorization(submatrix(m, rows, rows))
            let first = masses.count
            for s in 0..<rows.count {
                var u = [Complex<Double>](repeating: .zero, count: n)
                for (a, i) in rows.enumerated() { u[i] = takagi.unitary[a, s] }
                vectors.append(u)
                masses.append(takagi.values[s])
                generations.append(dominantGeneration(u, matrices.neutralFields, preferStandardModel: false))
            }
            let nuGenerations = rows.filter { matrices.neutralFields[$0].species == .standardModel }.map { matrices.neutralFields[$0].generation }
            // The light neutrinos are the lightest states of the block (as many as its nu fields, and
            // any state degenerate with the last of them), assigned by their nu content: the nu
            // content alone would pick a state of the L^0 Dirac pair for r = lambda_L^2 v_X^2/M_L^2 > 4.
            let count = nuGenerations.count
            var candidates: [Int] = []
            if count > 0 {
                let edge = masses[first + count - 1] * (1 + 1e-9)
                candidates = Array(first..<masses.count).filter { $0 < first + count || masses[$0] <= edge }
            }
            for g in nuGenerations.sorted(by: { $0.rawValue < $1.rawValue }) {
                let nu = matrices.neutralFields.firstIndex { $0.species == .standardModel && $0.generation == g }!
                let best = candidates.max { vectors[$0][nu].lengthSquared < vectors[$1][nu].lengthSquared }!
                candidates.removeAll { $0 == best }
                light.append((g, best))
            }
        }
        light.sort { $0.generation.rawValue < $1.generation.rawValue }
        let lightStates = light.map(\.state)
        let heavy = (0..<masses.count).filter { !lightStates.contains($0) }.sorted { masses[$0] < masses[$1] || (masses[$0] == masses[$1] && $0 < $1) }
        let order = lightStates + heavy
        var mixing = ComplexMatrix(rows: n, columns: n)
        for (c, s) in order.enumerated() { for i in 0..<n { mixing[i, c] = vectors[s][i] } }
        var gens = order.map { generations[$0] }
        for (c, item) in light.enumerated() { gens[c] = item.generation }
        return NeutralStates(masses: order.map { masses[$0] }, mixing: mixing, generations: gens)
    }

    static func dominantGeneration(_ vector: [Complex<Double>], _ fields: [LeptonField], preferStandardModel: Bool) -> LeptonGeneration {
        var weights = [0.0, 0.0, 0.0]
        for (i, f) in fields.enumerated() { weights[f.generation.rawValue] += vector[i].lengthSquared }
        let best = weights.indices.max { weights[$0] < weights[$1] }!
        return LeptonGeneration(rawValue: best)!
    }

    // MARK: Tuning y

    /// The y_gg that gives the lightest state of generation g's own 3 x 3 block the measured mass, on
    /// the branch det > 0 (see the type's discussion); for an inactive generation sqrt2 m/v.
    static func tunedYukawa(_ p: VectorLikeLeptonParameters, _ g: LeptonGeneration, v: Double, vX: Double) throws(Problem) -> Double {
        let target = g.chargedLeptonMass
        let s2 = 2.0.squareRoot()
        guard p.isActive(g) else { return s2 * target / v }
        let i = g.rawValue
        let b = p.values[.lambdaL]![i][i] * vX / s2
        let c = p.values[.h]![i][i] * v / s2
        let d = p.values[.lambdaE]![i][i] * vX / s2
        let e = p.values[.k]![i][i] * v / s2
        let ml = p.values[.massL]![i][i], me = p.values[.massE]![i][i]
        let bigP = ml * me - c * e
        let bigQ = b * c * d
        let name = Parameter.field("y_\(g.suffix)")
        var a = try tunedEntry(b: b, c: c, d: d, e: e, massL: ml, massE: me, target: target, generation: g)
        // Check with the SVD (the quadratic's root is the smallest singular value only if no other
        // singular value lies below the target), refine by a secant if needed.
        func lightest(_ a: Double) throws(Problem) -> Double {
            let m = ComplexMatrix(real: [[a, b, 0], [0, ml, c], [d, e, me]])
            return try SingularValueDecomposition(m).singularValues[0]
        }
        var value = try lightest(a)
        if abs(value - target) > 1e-13 * target {
            var a0 = a, f0 = value - target
            var a1 = a * (1 + 1e-6) + 1e-12 * target, f1 = try lightest(a1) - target
            for _ in 0..<40 where abs(f1) > 1e-14 * target && f1 != f0 {
                let next = a1 - f1 * (a1 - a0) / (f1 - f0)
                (a0, f0) = (a1, f1)
                a1 = next
                f1 = try lightest(a1) - target
            }
            a = a1
            value = f1 + target
            guard abs(value - target) <= 1e-12 * target, a * bigP + bigQ > 0 else {
                throw Problem.invalid(name, text: nil, "could not be tuned to the \(g.suffix) mass (closest lightest state \(value) GeV)", kind: .outOfRange)
            }
        }
        return a * s2 / v
    }

    /// The (1,1) entry a = y v/sqrt2 of M = [[a, b, 0], [0, M_L, c], [d, e, M_E]] whose smallest
    /// singular value is `target`, on the branch det M = a (M_L M_E - c e) + b c d > 0: the root of
    /// the characteristic polynomial of M^T M at m = target, det^2 - m^2 I_2 + m^4 I_1 - m^6 = 0,
    /// which is quadratic in a (the larger det if both roots qualify; the stable quadratic formula).
    /// The caller checks it on the SVD (the root is the smallest singular value only if no other one
    /// lies below the target).
    static func tunedEntry(b: Double, c: Double, d: Double, e: Double, massL ml: Double, massE me: Double, target: Double,
                           generation g: LeptonGeneration) throws(Problem) -> Double {
        let mu = target * target
        let bigP = ml * me - c * e
        let bigQ = b * c * d
        let r1 = b * b + ml * ml + c * c + d * d + e * e + me * me
        let qa = bigP * bigP - mu * (ml * ml + c * c + e * e + me * me) + mu * mu
        let qb = 2 * bigP * bigQ + 2 * mu * b * d * e
        let qc = bigQ * bigQ - mu * (b * b * c * c + b * b * d * d + b * b * me * me + ml * ml * d * d + c * c * d * d + bigP * bigP) + mu * mu * r1 - mu * mu * mu
        let discriminant = qb * qb - 4 * qa * qc
        guard discriminant >= 0, qa != 0 else {
            throw Problem.invalid(.field("y_\(g.suffix)"), text: nil,
                                  "cannot be tuned: no real y gives the \(g.suffix) mass \(target) GeV with these lambda, M, h, k (the lightest state stays heavier)",
                                  kind: .outOfRange)
        }
        let root = discriminant.squareRoot()
        let q = -0.5 * (qb + (qb >= 0 ? root : -root))
        // The branch det = a P + Q > 0 (the larger det if both qualify), without building an array.
        var best: Double? = nil
        func consider(_ candidate: Double) {
            guard candidate.isFinite, candidate * bigP + bigQ > 0 else { return }
            if let current = best, current * bigP + bigQ >= candidate * bigP + bigQ { return }
            best = candidate
        }
        if q != 0 { consider(qc / q) }
        consider(q / qa)
        guard let a = best else {
            throw Problem.invalid(.field("y_\(g.suffix)"), text: nil, "cannot be tuned on the branch det(M) > 0 for these parameters", kind: .outOfRange)
        }
        return a
    }

    /// With couplings between generations: refine each tuned y by a secant on the light state of
    /// its generation in the full matrix, generation by generation, until all three masses are met.
    static func refineTogether(_ p: VectorLikeLeptonParameters, _ start: [Double], v: Double, vX: Double) throws(Problem)
        -> ([Double], VectorLikeLeptonMassMatrices, ChargedStates) {
        var y = start
        func states(_ y: [Double]) throws(Problem) -> (VectorLikeLeptonMassMatrices, ChargedStates) {
            let m = VectorLikeLeptonMassMatrices(parameters: p, yukawas: y, higgsVEV: v, scalarVEV: vX)
            return (m, try chargedStates(m))
        }
        var (matrices, charged) = try states(y)
        for _ in 0..<30 {
            var worst = 0.0
            for g in LeptonGeneration.allCases where p.tunedYukawa[g.rawValue] {
                let i = g.rawValue, target = g.chargedLeptonMass
                var y0 = y[i], f0 = charged.masses[i] - target
                if abs(f0) <= 1e-14 * target { continue }
                var y1 = y0 * (1 + 1e-7) + 1e-15
                var trial = y; trial[i] = y1
                (matrices, charged) = try states(trial)
                var f1 = charged.masses[i] - target
                for _ in 0..<30 where abs(f1) > 1e-14 * target && f1 != f0 {
                    let next = y1 - f1 * (y1 - y0) / (f1 - f0)
                    (y0, f0) = (y1, f1)
                    y1 = next
                    trial[i] = y1
                    (matrices, charged) = try states(trial)
                    f1 = charged.masses[i] - target
                }
                y = trial
            }
            for g in LeptonGeneration.allCases where p.tunedYukawa[g.rawValue] {
                worst = max(worst, abs(charged.masses[g.rawValue] / g.chargedLeptonMass - 1))
            }
            if worst <= 1e-13 { return (y, matrices, charged) }
        }
        throw Problem.invalid(.field("y_e"), text: nil, "the three Yukawas could not be tuned together to the lepton masses (the generations mix too strongly)",
                              kind: .outOfRange)
    }

    // MARK: Checks

    static func checks(_ p: VectorLikeLeptonParameters, chargedMasses: [Double], chargedGenerations: [LeptonGeneration]) -> [Problem] {
        var list: [Problem] = []
        let perturbative = (4 * Double.pi).squareRoot()
        for c in [VectorLikeLeptonParameters.Coupling.lambdaL, .lambdaE, .h, .k, .neutrinoYukawa, .majoranaYukawa, .yukawa] {
            for a in LeptonGeneration.allCases {
                for b in LeptonGeneration.allCases {
                    let x = p.values[c]![a.rawValue][b.rawValue]
                    guard abs(x) > perturbative else { continue }
                    let name = a == b ? "\(c.rawValue)_\(a.suffix)" : "\(c.rawValue)_\(a.suffix)_\(b.suffix)"
                    list.append(.warning(.nonPerturbativeCoupling, .field(name), value: x, "\(name) above sqrt(4 pi) = 3.545 is not perturbative"))
                }
            }
        }
        if p.scalarMass < scalarMassBound {
            list.append(.warning(.extrapolation, .field("m_hX"), value: p.scalarMass,
                                 "m_hX below the collider bound m_hX > \(scalarMassBound) GeV quoted with the model (recast slepton/neutralino searches)"))
        }
        for (index, m) in chargedMasses.enumerated().dropFirst(3) where m < vectorLikeMassBound {
            list.append(.warning(.extrapolation, .field("M_L_\(chargedGenerations[index].suffix)"), value: m,
                                 "a physical vector-like lepton mass (state \(index + 1), \((m * 100).rounded() / 100) GeV) is below the collider bound of about \(vectorLikeMassBound) GeV"))
        }
        return list
    }
}
