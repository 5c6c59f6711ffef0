import Numerics
import ZPrimeCore

/// The scalar leptoquarks of Greljo, Stangl, Thomsen (arXiv:2103.13991) and Greljo et al.
/// (arXiv:2107.07518) that can be muoquarks: S_1 = (3bar, 1, 1/3), R_2 = (3, 2, 7/6), S_3 = (3bar, 3, 1/3)
/// (names of Dorsner, Fajfer, Greljo, Kamenik, Kosnik, Phys. Rept. 641 (2016) 1, arXiv:1603.04993).
public enum ScalarLeptoquark: String, CaseIterable, Sendable, Hashable, Codable {
    /// S_1 = (3bar, 1, 1/3): t^c-mu couplings to both muon chiralities (Q^c i sigma_2 L S_1 and u^c_R e_R S_1).
    case s1 = "S1"
    /// R_2 = (3, 2, 7/6): its charge-5/3 component couples t-mu to both chiralities.
    case r2 = "R2"
    /// S_3 = (3bar, 3, 1/3): left-handed couplings only; tree-level C_9 = -C_10.
    case s3 = "S3"

    /// The leptoquark called `name` (case-insensitive: s1, r2, s3).
    public init(name: String) throws(Problem) {
        guard let value = ScalarLeptoquark.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
            throw Problem.invalid(.field("leptoquark"), text: name, "unknown leptoquark; use S1, R2 or S3", kind: .unknownName)
        }
        self = value
    }

    /// For the top-muon loop: the electric charge of the fermion line (t^c for S_1: -2/3; t for R_2: +2/3)
    /// and of the scalar line carrying the rest of the muon's charge (Q_S = Q_mu - Q_F), or nil for S_3,
    /// whose left-handed-only couplings give no m_t/m_mu enhancement.
    public var topLoopCharges: (fermion: Double, scalar: Double)? {
        switch self {
        case .s1: return (-2.0 / 3.0, -1.0 / 3.0)
        case .r2: return (2.0 / 3.0, -5.0 / 3.0)
        case .s3: return nil
        }
    }
}

/// One-loop Delta a_mu of a scalar leptoquark with a top quark in the loop, with the m_t/m_mu chiral
/// enhancement.
///
/// **Couplings** (component form, real): L = tbar^(c) (lambda_L P_L + lambda_R P_R) mu S + h.c., with
/// S = S_1 and the charge-conjugate top t^c for S_1 (from Q^c i sigma_2 L S_1 and u^c_R e_R S_1), and
/// S = R_2^(5/3) with the top itself for R_2. lambda_L multiplies the left-handed muon.
///
/// **Formula.** A loop of a fermion F (charge Q_F) and a scalar (charge Q_S = Q_l - Q_F) contributes the
/// photon-on-F diagram, Leveille's neutral-scalar integral times Q_F/Q_l, and the photon-on-scalar
/// diagram, Leveille's charged-scalar integral times Q_S/Q_l (J. P. Leveille, Nucl. Phys. B137 (1978)
/// 63; in the form of Lindner, Platscher, Queiroz, Phys. Rept. 731 (2018) 1, arXiv:1610.06587). With
/// N_c = 3 colours and the muon mass neglected in the loop denominators (``DipoleLoopIntegrals``):
///
///     Delta a = N_c/(8 pi^2 M^2) { (Q_F/Q_l) [m^2 (lambda_L^2 + lambda_R^2)/2 I_F0 + m m_t lambda_L lambda_R I_F]
///                                - (Q_S/Q_l) [m^2 (lambda_L^2 + lambda_R^2)/2 I_S0 + m m_t lambda_L lambda_R I_S] }.
///
/// For M >> m_t this gives the familiar (m m_t lambda_L lambda_R/(4 pi^2 M^2)) (ln(M^2/m_t^2) - 7/4) for
/// S_1 and -(m m_t lambda_L lambda_R/(4 pi^2 M^2)) (ln(M^2/m_t^2) - 1/4) for R_2 (Dorsner et al.,
/// arXiv:1603.04993, section 6; signs for the couplings as written here). Top mass: the pole mass of
/// ``PhysicalConstants/topMass``.
///
/// ```swift
/// let deltaA = try LeptoquarkMoment.deltaAMuon(.s1, mass: 1500, lambdaL: 0.1, lambdaR: 0.01)
/// print(deltaA)   // 5.6e-10
/// ```
public enum LeptoquarkMoment {
    /// Delta a_mu of `leptoquark` (S_1 or R_2) of mass `mass` (GeV) with top-muon couplings.
    ///
    /// - Throws: ``Problem`` for S_3 (no chirally enhanced top loop), a mass that is not finite and
    ///   positive, or couplings that are not finite.
    public static func deltaAMuon(_ leptoquark: ScalarLeptoquark, mass: Double, lambdaL: Double, lambdaR: Double,
                                  topMass: Double = PhysicalConstants.topMass) throws(Problem) -> Double {
        guard let charges = leptoquark.topLoopCharges else {
            throw Problem.invalid(.field("leptoquark"), text: leptoquark.rawValue,
                                  "couples to left-handed muons only: no m_t/m_mu-enhanced Delta a_mu (use S1 or R2)", kind: .unsupportedModel)
        }
        try Validate.positive(mass, .mass)
        try Validate.finite(lambdaL, .field("lambda_L"))
        try Validate.finite(lambdaR, .field("lambda_R"))
        return deltaA(leptonMass: PhysicalConstants.muonMass, fermionMass: topMass, fermionCharge: charges.fermion,
                      scalarCharge: charges.scalar, scalarMass: mass, lambdaL: lambdaL, lambdaR: lambdaR, colours: 3)
    }

    /// The general form: a lepton of charge -1 and mass `leptonMass`, a fermion of charge `fermionCharge`
    /// and a scalar of charge `scalarCharge` (their sum -1), couplings Fbar (lambda_L P_L + lambda_R P_R) l S + h.c.
    public static func deltaA(leptonMass m: Double, fermionMass mf: Double, fermionCharge qf: Double, scalarCharge qs: Double,
                              scalarMass ms: Double, lambdaL: Double, lambdaR: Double, colours: Double) -> Double {
        let r = mf * mf / (ms * ms)
        let f = DipoleLoopIntegrals.fermionPhoton(r), s = DipoleLoopIntegrals.scalarPhoton(r)
        let ql = -1.0
        let squares = 0.5 * (lambdaL * lambdaL + lambdaR * lambdaR), product = lambdaL * lambdaR
        let fermionPart = (qf / ql) * (m * m * squares * f.unenhanced + m * mf * product * f.enhanced)
        let scalarPart = (qs / ql) * (m * m * squares * s.unenhanced + m * mf * product * s.enhanced)
        return colours / (8 * Double.pi * Double.pi * ms * ms) * (fermionPart - scalarPart)
    }
}

/// Tree-level and box contributions of an S_3 muoquark to b -> s mu mu and B_s mixing.
///
/// L = y_{i mu} Qbar^c_i i sigma_2 sigma^a L_2 S_3^a + h.c.; the charge-4/3 component couples
/// -sqrt2 y_{i mu} dbar^c_i P_L mu. Tree level, after a Fierz rearrangement,
/// L_eff = (y_{b mu} y^*_{s mu}/M^2)(sbar gamma P_L b)(mubar gamma P_L mu), hence
///
///     C_9 = -C_10 = (pi/(sqrt2 G_F alpha V_tb V_ts^*)) y_{b mu} y^*_{s mu}/M^2
///
/// (Dorsner et al., arXiv:1603.04993, section 5.2.1; Hiller, Schmaltz, Phys. Rev. D 90 (2014) 054014,
/// arXiv:1408.1627). The box with the muon gives L = -(5/(128 pi^2 M^2)) (y_{b mu} y^*_{s mu})^2
/// (sbar gamma P_L b)^2 (Dorsner et al., section 5.1; 1/(128 pi^2 M^2) for S_1).
///
/// The 2+1 structure of Model Example I of Greljo, Stangl, Thomsen: S_3 couples to the third-family doublet of the
/// up-aligned basis, so y_{i mu} = eta V_ti: (V_td, V_ts, 1) eta at leading order
/// (Greljo, Stangl, Thomsen, arXiv:2103.13991). With that structure y_b y_s^* = |eta|^2 V_tb V_ts^* and
/// C_9 = -C_10 = pi |eta|^2/(sqrt2 G_F alpha M^2) > 0, whatever the sign of eta. The sign the
/// b -> s mu mu data prefer (C_9 = -C_10 < 0) needs y_{b mu} y^*_{s mu} of the sign of V_tb V_ts^*
/// reversed, i.e. y_{s mu}/y_{b mu} of the size of |V_ts| but of the opposite sign (an O(1) factor
/// beyond the minimal structure); ``S3Muoquark/init(bottomCoupling:strangeCoupling:mass:)`` takes
/// both couplings.
///
/// ```swift
/// let s3 = try S3Muoquark(bottomCoupling: 1, strangeCoupling: 0.0025, mass: 2000)
/// print(s3.semileptonic.c9.real)   // -0.40 (C_10 = +0.40)
/// ```
public struct S3Muoquark: Sendable, Hashable {
    /// y_{b mu}.
    public let bottomCoupling: Complex<Double>
    /// y_{s mu}.
    public let strangeCoupling: Complex<Double>
    /// The mass, GeV.
    public let mass: Double

    /// An S_3 with explicit couplings to b mu and s mu.
    public init(bottomCoupling: Complex<Double>, strangeCoupling: Complex<Double>, mass: Double) throws(Problem) {
        try Validate.positive(mass, .mass)
        guard bottomCoupling.isFinite, strangeCoupling.isFinite else {
            throw Problem.invalid(.field("lambda"), text: nil, "the leptoquark couplings must be finite", kind: .notFinite)
        }
        self.bottomCoupling = bottomCoupling
        self.strangeCoupling = strangeCoupling
        self.mass = mass
    }

    /// Real couplings.
    public init(bottomCoupling: Double, strangeCoupling: Double, mass: Double) throws(Problem) {
        try self.init(bottomCoupling: Complex(bottomCoupling, 0), strangeCoupling: Complex(strangeCoupling, 0), mass: mass)
    }

    /// The third-family structure y_{i mu} = eta V_ti of the up-aligned basis.
    public static func thirdFamily(eta: Double, mass: Double, ckm: CKMMatrix = .pdg2024) throws(Problem) -> S3Muoquark {
        try S3Muoquark(bottomCoupling: Complex(eta, 0) * ckm[2, 2], strangeCoupling: Complex(eta, 0) * ckm[2, 1], mass: mass)
    }

    /// C_LL = y_b y_s^*/M^2 of (sbar gamma P_L b)(mubar gamma P_L mu), GeV^-2.
    public var leftLeft: Complex<Double> { bottomCoupling * strangeCoupling.conjugate / Complex(mass * mass, 0) }

    /// C_9 = -C_10 (C_9' = C_10' = 0).
    public var semileptonic: SemileptonicCoefficients { .leftLeft(leftLeft) }

    /// The muon box's C_VLL of (sbar_L gamma b_L)^2 (WCxf Lagrangian convention, GeV^-2).
    public var mixing: MixingCoefficients {
        let y = bottomCoupling * strangeCoupling.conjugate
        return MixingCoefficients(vectorLeftLeft: Complex(-5 / (128 * Double.pi * Double.pi * mass * mass), 0) * y * y)
    }
}
