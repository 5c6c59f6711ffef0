import Numerics
import ZPrimeCore

/// One chiral interaction field of the seed model's lepton sector and its gauge quantum numbers.
///
/// Charged fields come in pairs of chiralities (the rows and columns of the charged mass matrix);
/// neutral fields are left-handed Weyl fields (a right-handed field enters conjugated, with
/// opposite quantum numbers), the basis of the symmetric neutral mass matrix.
///
/// | field | T3 | Y | X (B-L) |
/// | --- | --- | --- | --- |
/// | e_L, e_R | -1/2, 0 | -1/2, -1 | -1 |
/// | L^-_L, L^-_R | -1/2 | -1/2 | +1 |
/// | E_L, E_R | 0 | -1 | +1 |
/// | nu | +1/2 | -1/2 | -1 |
/// | N^c (conjugate of N_R) | 0 | 0 | +1 |
/// | L^0 | +1/2 | -1/2 | +1 |
/// | L^0c (conjugate of L^0_R) | -1/2 | +1/2 | -1 |
///
/// (charges of the seed model's table, Hati et al., JHEP 07 (2020) 235).
public struct LeptonField: Sendable, Hashable, CustomStringConvertible {
    /// The kind of field.
    public enum Species: String, Sendable, Hashable, CaseIterable {
        /// The SM lepton: e_L or e_R (charged), nu (neutral).
        case standardModel = "l"
        /// The charged component of the vector-like doublet, L^-_L or L^-_R.
        case doublet = "L"
        /// The vector-like singlet E_L or E_R.
        case singlet = "E"
        /// N^c, the conjugate of the right-handed neutrino.
        case sterile = "N"
        /// L^0, the neutral component of the left-handed vector-like doublet.
        case doubletNeutral = "L0"
        /// L^0c, the conjugate of the neutral component of the right-handed doublet.
        case doubletNeutralConjugate = "L0c"
    }

    /// The kind of field.
    public let species: Species
    /// Its generation.
    public let generation: LeptonGeneration
    /// Whether it is a right-handed charged field (e_R, L^-_R, E_R).
    public let isRightHanded: Bool
    /// Weak isospin T3.
    public let isospin: Double
    /// Hypercharge Y (Q = T3 + Y).
    public let hypercharge: Double
    /// B-L charge.
    public let charge: Double

    /// A short name such as `e_L(mu)` or `L0c(e)`.
    public var description: String {
        let base: String
        switch species {
        case .standardModel: base = isospin == 0.5 ? "nu" : (isRightHanded ? "e_R" : "e_L")
        case .doublet: base = isRightHanded ? "L_R" : "L_L"
        case .singlet: base = isRightHanded ? "E_R" : "E_L"
        case .sterile: base = "N^c"
        case .doubletNeutral: base = "L0"
        case .doubletNeutralConjugate: base = "L0c"
        }
        return "\(base)(\(generation.suffix))"
    }

    static func chargedLeft(_ species: Species, _ g: LeptonGeneration) -> LeptonField {
        switch species {
        case .standardModel: return LeptonField(species: species, generation: g, isRightHanded: false, isospin: -0.5, hypercharge: -0.5, charge: -1)
        case .doublet: return LeptonField(species: species, generation: g, isRightHanded: false, isospin: -0.5, hypercharge: -0.5, charge: 1)
        default: return LeptonField(species: .singlet, generation: g, isRightHanded: false, isospin: 0, hypercharge: -1, charge: 1)
        }
    }

    static func chargedRight(_ species: Species, _ g: LeptonGeneration) -> LeptonField {
        switch species {
        case .standardModel: return LeptonField(species: species, generation: g, isRightHanded: true, isospin: 0, hypercharge: -1, charge: -1)
        case .doublet: return LeptonField(species: species, generation: g, isRightHanded: true, isospin: -0.5, hypercharge: -0.5, charge: 1)
        default: return LeptonField(species: .singlet, generation: g, isRightHanded: true, isospin: 0, hypercharge: -1, charge: 1)
        }
    }

    static func neutral(_ species: Species, _ g: LeptonGeneration) -> LeptonField {
        switch species {
        case .standardModel: return LeptonField(species: species, generation: g, isRightHanded: false, isospin: 0.5, hypercharge: -0.5, charge: -1)
        case .sterile: return LeptonField(species: species, generation: g, isRightHanded: false, isospin: 0, hypercharge: 0, charge: 1)
        case .doubletNeutral: return LeptonField(species: species, generation: g, isRightHanded: false, isospin: 0.5, hypercharge: -0.5, charge: 1)
        default: return LeptonField(species: .doubletNeutralConjugate, generation: g, isRightHanded: false, isospin: -0.5, hypercharge: 0.5, charge: -1)
        }
    }
}

/// The seed model's lepton mass matrices (the backup slides "Charged lepton masses" and "Neutrino
/// masses" of the talks on Hati, Kriewald, Orloff, Teixeira, JHEP 07 (2020) 235), for all three
/// generations at once, and their derivatives (the Yukawa couplings of h_SM, h_X and the Goldstone
/// boson of U(1)_{B-L}).
///
/// **Conventions.** Charged: -L = psibar_L M psi_R + h.c. with psi_L = (e_L, L^-_L, E_L) and
/// psi_R = (e_R, L^-_R, E_R) of each active generation (only e_L, e_R of an inactive one), generation
/// by generation; per generation
///
///     M = [[y v/sqrt2, lambda_L v_X/sqrt2, 0], [0, M_L, h v/sqrt2], [lambda_E v_X/sqrt2, k v/sqrt2, M_E]],
///
/// and the entries between generations i (row) and j (column) are those of the matrices X^ij.
/// Neutral: -L = 1/2 n^T C^-1 M_nu n + h.c. with n = (nu, N^c, L^0, L^0c) per generation (nu, N^c
/// for an inactive one), per generation
///
///     M_nu = [[0, y_nu v/sqrt2, 0, lambda_L v_X/sqrt2], [y_nu v/sqrt2, y_M v_X/sqrt2, 0, 0],
///             [0, 0, 0, M_L], [lambda_L v_X/sqrt2, 0, M_L, 0]]
///
/// (symmetric; (nu_i, N^c_j) holds y_nu^ij, (nu_i, L0c_j) lambda_L^ij, (L0_i, L0c_j) M_L^ij). The same
/// lambda_L and M_L enter both, as SU(2) requires.
///
/// ```swift
/// let p = VectorLikeLeptonParameters.benchmark(.slides, generations: [.muon])
/// let matrices = VectorLikeLeptonMassMatrices(parameters: p, yukawas: [0, 6e-4, 0], higgsVEV: 246.22, scalarVEV: 14)
/// print(matrices.charged.rows)     // 5: e_L(e), e_L(mu), L_L(mu), E_L(mu), e_L(tau)
/// ```
public struct VectorLikeLeptonMassMatrices: Sendable {
    /// The left-handed charged fields (rows of ``charged``).
    public let leftFields: [LeptonField]
    /// The right-handed charged fields (columns of ``charged``).
    public let rightFields: [LeptonField]
    /// The neutral left-handed Weyl fields (rows and columns of ``neutral``).
    public let neutralFields: [LeptonField]
    /// The charged mass matrix, GeV.
    public let charged: ComplexMatrix
    /// The neutral mass matrix, GeV (symmetric).
    public let neutral: ComplexMatrix
    /// dM/dv: the h_SM Yukawa matrix (L = -h psibar_L (dM/dv) psi_R + h.c.).
    public let chargedHiggsYukawa: ComplexMatrix
    /// The h_X Yukawa matrix dM/d rho with h_X = (v_X + rho + i G)/sqrt2.
    public let chargedScalarYukawa: ComplexMatrix
    /// The Goldstone Yukawa matrix dM/dG: +i/sqrt2 on h_X entries (lambda_E), -i/sqrt2 on h_X* entries (lambda_L).
    public let chargedGoldstoneYukawa: ComplexMatrix

    /// Builds the matrices with the Yukawas y_ii of `yukawas` (one per generation; the parameters'
    /// off-diagonal y are used as given), v and v_X in GeV.
    public init(parameters p: VectorLikeLeptonParameters, yukawas: [Double], higgsVEV v: Double, scalarVEV vX: Double) {
        var left: [LeptonField] = [], right: [LeptonField] = [], neutralFields: [LeptonField] = []
        for g in LeptonGeneration.allCases {
            left.append(.chargedLeft(.standardModel, g))
            right.append(.chargedRight(.standardModel, g))
            neutralFields.append(.neutral(.standardModel, g))
            neutralFields.append(.neutral(.sterile, g))
            if p.isActive(g) {
                left.append(.chargedLeft(.doublet, g)); left.append(.chargedLeft(.singlet, g))
                right.append(.chargedRight(.doublet, g)); right.append(.chargedRight(.singlet, g))
                neutralFields.append(.neutral(.doubletNeutral, g)); neutralFields.append(.neutral(.doubletNeutralConjugate, g))
            }
        }
        leftFields = left
        rightFields = right
        self.neutralFields = neutralFields
        let s2 = 2.0.squareRoot()
        func index(_ fields: [LeptonField], _ species: LeptonField.Species, _ g: Int) -> Int? {
            fields.firstIndex { $0.species == species && $0.generation.rawValue == g }
        }
        var m = ComplexMatrix(rows: left.count, columns: right.count)
        var dv = m, dRho = m, dG = m
        func y(_ i: Int, _ j: Int) -> Double { i == j ? yukawas[i] : p.values[.yukawa]![i][j] }
        for i in 0..<3 {
            for j in 0..<3 {
                let eL = index(left, .standardModel, i)!, eR = index(right, .standardModel, j)!
                let yij = y(i, j)
                m[eL, eR] = Complex(yij * v / s2, 0)
                dv[eL, eR] = Complex(yij / s2, 0)
                if let lR = index(right, .doublet, j) {
                    let lambda = p.values[.lambdaL]![i][j]
                    m[eL, lR] = Complex(lambda * vX / s2, 0)
                    dRho[eL, lR] = Complex(lambda / s2, 0)
                    dG[eL, lR] = Complex(0, -lambda / s2)      // h_X*
                }
                if let lL = index(left, .doublet, i), let lR = index(right, .doublet, j) {
                    m[lL, lR] = Complex(p.values[.massL]![i][j], 0)
                }
                if let lL = index(left, .doublet, i), let eR2 = index(right, .singlet, j) {
                    let h = p.values[.h]![i][j]
                    m[lL, eR2] = Complex(h * v / s2, 0)
                    dv[lL, eR2] = Complex(h / s2, 0)
                }
                if let sL = index(left, .singlet, i) {
                    let lambda = p.values[.lambdaE]![i][j]
                    m[sL, eR] = Complex(lambda * vX / s2, 0)
                    dRho[sL, eR] = Complex(lambda / s2, 0)
                    dG[sL, eR] = Complex(0, lambda / s2)       // h_X
                    if let lR = index(right, .doublet, j) {
                        let k = p.values[.k]![i][j]
                        m[sL, lR] = Complex(k * v / s2, 0)
                        dv[sL, lR] = Complex(k / s2, 0)
                    }
                    if let sR = index(right, .singlet, j) {
                        m[sL, sR] = Complex(p.values[.massE]![i][j], 0)
                    }
                }
            }
        }
        charged = m
        chargedHiggsYukawa = dv
        chargedScalarYukawa = dRho
        chargedGoldstoneYukawa = dG
        var n = ComplexMatrix(rows: neutralFields.count, columns: neutralFields.count)
        func set(_ a: Int, _ b: Int, _ x: Double) {
            n[a, b] = Complex(x, 0)
            n[b, a] = Complex(x, 0)
        }
        for i in 0..<3 {
            for j in 0..<3 {
                let nu = index(neutralFields, .standardModel, i)!
                let nR = index(neutralFields, .sterile, j)!
                set(nu, nR, p.values[.neutrinoYukawa]![i][j] * v / s2)
                if i <= j { set(index(neutralFields, .sterile, i)!, nR, p.values[.majoranaYukawa]![i][j] * vX / s2) }
                if let lc = index(neutralFields, .doubletNeutralConjugate, j) {
                    set(nu, lc, p.values[.lambdaL]![i][j] * vX / s2)
                    if let l0 = index(neutralFields, .doubletNeutral, i) { set(l0, lc, p.values[.massL]![i][j]) }
                }
            }
        }
        neutral = n
    }
}
