import Numerics
import ZPrimeCore

/// The unitary rotations from the interaction basis, where the U(1)_X charges are diagonal, to the
/// quark mass basis: q_int = V q_mass for each of d_L, d_R, u_L, u_R.
///
/// The CKM matrix fixes only V_uL^dagger V_dL; how the misalignment is shared between the up and
/// down sectors (and whether right-handed quarks rotate at all) is a hypothesis that decides which
/// flavour-changing Z' couplings a family-dependent charge produces:
///
///     G_dL(mass) = V_dL^dagger X_Q V_dL,   G_dR(mass) = V_dR^dagger X_D V_dR,   (likewise for u).
///
/// With third-family charges X_Q = diag(0, 0, X_q3) and V_dL = V_CKM this gives
/// g_bs = g_X X_q3 V_ts^* V_tb, the structure of the dimension-5 operators
/// (x_i/Lambda) Qbar_i H phi D_3 of Greljo, Soreq, Stangl, Thomsen, Zupan (arXiv:2107.07518), which
/// generate V_td and V_ts for a 2+1 charge assignment while the up sector stays diagonal.
public struct QuarkRotations: Hashable, Sendable {
    /// V_dL.
    public let downLeft: ComplexMatrix3
    /// V_dR.
    public let downRight: ComplexMatrix3
    /// V_uL (= V_dL V_CKM^dagger).
    public let upLeft: ComplexMatrix3
    /// V_uR.
    public let upRight: ComplexMatrix3

    /// Rotations from V_dL, V_dR and V_uR; V_uL follows from the CKM matrix, V_uL = V_dL V_CKM^dagger.
    ///
    /// - Throws: ``Problem`` when a matrix is not finite or not unitary to `tolerance`.
    public init(downLeft: ComplexMatrix3, downRight: ComplexMatrix3 = .identity, upRight: ComplexMatrix3 = .identity,
                ckm: CKMMatrix = .pdg2024, tolerance: Double = 1e-6) throws(Problem) {
        try downLeft.validateUnitary(.field("V_dL"), tolerance: tolerance)
        try downRight.validateUnitary(.field("V_dR"), tolerance: tolerance)
        try upRight.validateUnitary(.field("V_uR"), tolerance: tolerance)
        self.downLeft = downLeft
        self.downRight = downRight
        self.upRight = upRight
        self.upLeft = downLeft * ckm.matrix.adjoint
    }
}

/// Which quark sector carries the CKM misalignment (the choice behind every flavour-changing Z'
/// coupling computed from charges).
///
/// ```swift
/// let rotations = try QuarkAlignment.up.rotations()
/// print(rotations.downLeft == CKMMatrix.pdg2024.matrix)   // true: V_dL = V_CKM
/// ```
public enum QuarkAlignment: Hashable, Sendable {
    /// Up-aligned: V_uL = 1, the CKM matrix acts on the down quarks (V_dL = V_CKM): b -> s, b -> d and
    /// s -> d transitions from non-universal charges, g_bs = g_X (X_Q3 - X_Q1) V_ts^* V_tb for
    /// X_Q = (X_Q1, X_Q1, X_Q3). Right-handed quarks unrotated. The default (the 2+1 structure of
    /// Greljo et al., arXiv:2107.07518).
    case up
    /// Down-aligned: V_dL = 1, V_uL = V_CKM^dagger: no down-type flavour change at tree level (C9 = 0),
    /// flavour-changing u-c-t couplings instead.
    case down
    /// Rotations given by the user.
    case custom(QuarkRotations)

    /// The name used on the command line (`up`, `down`, `custom`).
    public var name: String {
        switch self {
        case .up: return "up"
        case .down: return "down"
        case .custom: return "custom"
        }
    }

    /// The alignment called `name` (`up` or `down`).
    public init(name: String) throws(Problem) {
        switch name.lowercased() {
        case "up": self = .up
        case "down": self = .down
        default:
            throw Problem.invalid(.field("alignment"), text: name, "unknown alignment; use up or down (or give rotation matrices)", kind: .unknownName)
        }
    }

    /// The rotations of this alignment.
    public func rotations(ckm: CKMMatrix = .pdg2024) throws(Problem) -> QuarkRotations {
        if ckm == .pdg2024, let cached = Self.standardRotations[name] { return cached }
        switch self {
        case .up: return try QuarkRotations(downLeft: ckm.matrix, ckm: ckm)
        case .down: return try QuarkRotations(downLeft: .identity, ckm: ckm)
        case .custom(let rotations): return rotations
        }
    }

    /// The up and down rotations of the PDG 2024 CKM matrix, built (and checked) once per process.
    static let standardRotations: [String: QuarkRotations] = {
        var table: [String: QuarkRotations] = [:]
        table["up"] = try? QuarkRotations(downLeft: CKMMatrix.pdg2024.matrix)
        table["down"] = try? QuarkRotations(downLeft: .identity)
        return table
    }()
}
