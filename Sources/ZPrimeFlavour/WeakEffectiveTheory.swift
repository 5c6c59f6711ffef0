import Numerics
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeSpectrum

/// The b -> s l+ l- Wilson coefficients of the weak effective theory, in the normalisation of flavio
/// (and of the WCxf "flavio" basis):
///
///     H_eff = -(4 G_F/sqrt2) V_tb V_ts^* (e^2/16 pi^2) sum_i C_i O_i + h.c.,
///     O_9 = (sbar gamma_mu P_L b)(lbar gamma^mu l),   O_10 = (sbar gamma_mu P_L b)(lbar gamma^mu gamma_5 l),
///     O_9', O_10' with P_L -> P_R.
///
/// New-physics parts only (the Standard Model C_9 ~ 4.2, C_10 ~ -4.2 are not included).
public struct SemileptonicCoefficients: Hashable, Sendable {
    /// C_9.
    public var c9: Complex<Double>
    /// C_10.
    public var c10: Complex<Double>
    /// C_9'.
    public var c9Prime: Complex<Double>
    /// C_10'.
    public var c10Prime: Complex<Double>

    /// Creates the coefficients.
    public init(c9: Complex<Double> = .zero, c10: Complex<Double> = .zero, c9Prime: Complex<Double> = .zero, c10Prime: Complex<Double> = .zero) {
        self.c9 = c9
        self.c10 = c10
        self.c9Prime = c9Prime
        self.c10Prime = c10Prime
    }

    /// All four vanish.
    public static let zero = SemileptonicCoefficients()

    /// The coefficients of a left-handed quark current times a left-handed lepton current,
    /// L = C_LL (sbar gamma P_L b)(lbar gamma P_L l) + h.c. (GeV^-2): C_9 = -C_10 = C_LL/(2 N) with N the
    /// normalisation (4 G_F/sqrt2) V_tb V_ts^* alpha/(4 pi) of ``WeakEffectiveTheory/semileptonicNormalisation(ckm:)``.
    public static func leftLeft(_ cLL: Complex<Double>, ckm: CKMMatrix = .pdg2024) -> SemileptonicCoefficients {
        let half = cLL / (Complex(2, 0) * WeakEffectiveTheory.semileptonicNormalisation(ckm: ckm))
        return SemileptonicCoefficients(c9: half, c10: -half)
    }
}

/// Delta F = 2 coefficients of (sbar b)(sbar b), in the Lagrangian convention of the WCxf "flavio"
/// basis, L = C_VLL (sbar_L gamma^mu b_L)(sbar_L gamma_mu b_L) + C_VRR (L -> R)
/// + C_VLR (sbar_L gamma^mu b_L)(sbar_R gamma_mu b_R) + h.c., in GeV^-2.
public struct MixingCoefficients: Hashable, Sendable {
    /// C_VLL (GeV^-2).
    public var vectorLeftLeft: Complex<Double>
    /// C_VRR (GeV^-2).
    public var vectorRightRight: Complex<Double>
    /// C_VLR (GeV^-2).
    public var vectorLeftRight: Complex<Double>

    /// Creates the coefficients.
    public init(vectorLeftLeft: Complex<Double> = .zero, vectorRightRight: Complex<Double> = .zero, vectorLeftRight: Complex<Double> = .zero) {
        self.vectorLeftLeft = vectorLeftLeft
        self.vectorRightRight = vectorRightRight
        self.vectorLeftRight = vectorLeftRight
    }
}

/// Tree-level matching of a heavy Z' (or any heavy neutral vector) onto the weak effective theory.
///
/// With the Z' current J^mu = e sum_ij psibar_i gamma^mu (G^L_ij P_L + G^R_ij P_R) psi_j (units of e in
/// G, the convention of ``ChiralCouplingMatrix``; G^L = v - a, G^R = v + a), integrating out the Z' of
/// mass M at tree level gives L_eff = -J_mu J^mu/(2 M^2). Collecting terms:
///
///     (sbar b)(lbar l):   N C_9  = -e^2 G^L_sb v_ll / M^2,   N C_10  = -e^2 G^L_sb a_ll / M^2,
///                         N C_9' = -e^2 G^R_sb v_ll / M^2,   N C_10' = -e^2 G^R_sb a_ll / M^2,
///     (sbar b)^2:         C_VLL = -e^2 (G^L_sb)^2/(2 M^2),   C_VRR = -e^2 (G^R_sb)^2/(2 M^2),   C_VLR = -e^2 G^L_sb G^R_sb / M^2,
///     (nubar nu)(mubar mu): (4 G_F/sqrt2) C_VLL = -e^2 G^L_nu G^L_mu / M^2,   C_VLR with G^R_mu,
///
/// with N = (4 G_F/sqrt2) V_tb V_ts^* (alpha/4 pi): for real couplings the familiar
/// C_9 = -(pi/(sqrt2 G_F alpha V_tb V_ts^*)) g_sb (g^L_mu + g^R_mu)/M^2 (e.g. Altmannshofer, Straub,
/// Eur. Phys. J. C 75 (2015) 382, arXiv:1411.3161, with g = e G). The cross terms appear twice in J^2, the
/// Delta F = 2 square once. Conserved vector and axial currents do not run in QCD, so C_9, C_10 hold at
/// mu = M and at m_b alike (QED mixing neglected); the Delta F = 2 coefficients do run (``BsMixing``).
///
/// ```swift
/// let model = Model(name: "third-family", charges: [.Q: [0, 0, 1], .U: [0, 0, 1], .D: [0, 0, 1],
///                                                   .L: [0, -3, 0], .E: [0, -3, 0], .N: [0, -3, 0]])
/// let couplings = try FlavourCouplings(point: try ParameterPoint(model: model, mass: 1000, coupling: 0.1))
/// let c = try WeakEffectiveTheory.semileptonic(couplings.table, quarks: ("s", "b"), lepton: "mu", mass: 1000)
/// print(c.c9.real, c.c10.real)   // C_9 = 1.57, C_10 = 0 (a vector coupling to muons)
/// ```
public enum WeakEffectiveTheory {
    /// N = (4 G_F/sqrt2) V_tb V_ts^* alpha/(4 pi) (GeV^-2), alpha = alpha(0) of the electroweak scheme
    /// (flavio's convention for e^2/16 pi^2 in the normalisation).
    public static func semileptonicNormalisation(ckm: CKMMatrix = .pdg2024) -> Complex<Double> {
        let g = 4 * PhysicalConstants.fermiConstant / 2.0.squareRoot() * PhysicalConstants.alpha / (4 * Double.pi)
        return Complex(g, 0) * ckm.lambdaT
    }

    /// The CKM factor flavio normalises q1bar q2 l l operators with: V_tb V_ts^* for (sbar b), V_tb V_td^*
    /// for (dbar b), V_ts V_td^* for (dbar s); nil for other pairs.
    public static func ckmFactor(barred: String, unbarred: String, ckm: CKMMatrix = .pdg2024) -> Complex<Double>? {
        switch (barred, unbarred) {
        case ("s", "b"): return ckm[2, 2] * ckm[2, 1].conjugate
        case ("d", "b"): return ckm[2, 2] * ckm[2, 0].conjugate
        case ("d", "s"): return ckm[2, 1] * ckm[2, 0].conjugate
        default: return nil
        }
    }

    /// Checks a mass for tree-level matching.
    static func validate(mass: Double) throws(Problem) {
        guard mass.isFinite, mass > 0 else { throw Problem.invalid(.mass, mass, "must be finite and > 0 for the Wilson coefficients (a heavy mediator)") }
    }

    /// C_9, C_10, C_9', C_10' of q1bar q2 -> l+ l- (q1 = "s", q2 = "b" for b -> s) from the couplings of a
    /// Z' of mass `mass` (GeV), normalised with the b -> s factor N.
    ///
    /// - Throws: ``Problem`` for a mass that is not positive or an unknown particle.
    public static func semileptonic(_ table: CouplingTable, quarks: (String, String) = ("s", "b"), lepton: String,
                                    mass: Double, ckm: CKMMatrix = .pdg2024) throws(Problem) -> SemileptonicCoefficients {
        let lambda = ckmFactor(barred: quarks.0, unbarred: quarks.1, ckm: ckm) ?? ckm.lambdaT
        try validate(mass: mass)
        guard let i = table.particles.index(of: quarks.0), let j = table.particles.index(of: quarks.1) else {
            throw Problem.invalid(.field("quarks"), text: "\(quarks.0) \(quarks.1)", "not in the particle table", kind: .unknownName)
        }
        guard let l = table.particles.index(of: lepton) else {
            throw Problem.invalid(.field("lepton"), text: lepton, "not in the particle table", kind: .unknownName)
        }
        let q = table.matrix[i, j], ll = table.matrix[l, l]
        let e2 = PhysicalConstants.elementaryCharge * PhysicalConstants.elementaryCharge
        let g = 4 * PhysicalConstants.fermiConstant / 2.0.squareRoot() * PhysicalConstants.alpha / (4 * Double.pi)
        let factor = Complex(-e2 / (mass * mass), 0) / (Complex(g, 0) * lambda)
        return SemileptonicCoefficients(c9: factor * q.left * ll.vector, c10: factor * q.left * ll.axial,
                                        c9Prime: factor * q.right * ll.vector, c10Prime: factor * q.right * ll.axial)
    }

    /// The Delta F = 2 coefficients of (q1bar q2)^2 at mu = M from a Z' of mass `mass` (GeV).
    public static func mixing(_ table: CouplingTable, quarks: (String, String) = ("s", "b"), mass: Double) throws(Problem) -> MixingCoefficients {
        try validate(mass: mass)
        guard let i = table.particles.index(of: quarks.0), let j = table.particles.index(of: quarks.1) else {
            throw Problem.invalid(.field("quarks"), text: "\(quarks.0) \(quarks.1)", "not in the particle table", kind: .unknownName)
        }
        let q = table.matrix[i, j]
        let e2 = PhysicalConstants.elementaryCharge * PhysicalConstants.elementaryCharge
        let f = Complex(-e2 / (2 * mass * mass), 0)
        return MixingCoefficients(vectorLeftLeft: f * q.left * q.left, vectorRightRight: f * q.right * q.right,
                                  vectorLeftRight: Complex(2, 0) * f * q.left * q.right)
    }

    /// The (nu_a bar nu_a)(mubar mu) coefficients C_VLL, C_VLR in flavio's normalisation,
    /// L = (4 G_F/sqrt2) [C_VLL (nubar_L gamma nu_L)(mubar_L gamma mu_L) + C_VLR (nubar_L gamma nu_L)(mubar_R gamma mu_R)],
    /// for the neutrino called `neutrino` (a diagonal, left-handed coupling).
    public static func neutrinoMuon(_ table: CouplingTable, neutrino: String = "nu_mu", mass: Double) throws(Problem) -> (left: Double, right: Double) {
        try validate(mass: mass)
        guard let n = table.particles.index(of: neutrino), let m = table.particles.index(of: "mu") else {
            throw Problem.invalid(.field("neutrino"), text: neutrino, "not in the particle table", kind: .unknownName)
        }
        let e2 = PhysicalConstants.elementaryCharge * PhysicalConstants.elementaryCharge
        let gNu = table.matrix[n, n].left.real, mu = table.matrix[m, m]
        let f = -e2 * gNu / (mass * mass) / (4 * PhysicalConstants.fermiConstant / 2.0.squareRoot())
        return (f * mu.left.real, f * mu.right.real)
    }
}
