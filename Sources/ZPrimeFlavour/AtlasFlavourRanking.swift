import Numerics
import ZPrimeAtlas
import ZPrimeCore
import ZPrimeModels
import ZPrimeObservables

/// A 2+1 muoquark solution of the atlas judged as a single heavy Z' mediator for both b -> s mu mu and
/// (g-2)_mu (the question "single mediator?" of Greljo, Soreq, Stangl, Thomsen, Zupan, arXiv:2107.07518).
///
/// For a Z' heavy compared with the b quark every observable depends on g_X/M only, and b -> s mu mu
/// fixes it. Under the up alignment g_bs = g_X X_q3 V_tb V_ts^* (X_q12 = 0), the muon couples with
/// g_X X_L (left) and g_X X_E (right), so the left-handed operator (sbar_L gamma b_L)(mubar_L gamma mu_L)
/// has C_LL = -g_X^2 X_q3 X_L V_tb V_ts^*/M^2. Setting it to the target of ``FlavourInputs`` (1/(40 TeV)^2,
/// C_9 = -C_10 = -0.40) fixes g_X^2/M^2 (possible only for X_q3 X_L > 0: the right sign), and then:
///
/// - the right-handed contamination |C_9 + C_10|/|C_9 - C_10| = |X_E/X_L| (0 for C_9 = -C_10);
/// - the B_s mixing shift, g_bs^2/M^2 against (241 TeV)^-2 for 10 % (``BsMixing``);
/// - the trident ratio (``NeutrinoTrident``) against CCFR at 95 % CL;
/// - Delta a_mu = m_mu^2/(12 pi^2) (g_X^2/M^2) [(X_L + X_E)^2/4 - 5 (X_E - X_L)^2/4], the heavy-Z' limit
///   of the one-loop vector and axial contributions, against the 2021 tension 251(59)e-11.
///
/// The muon is the lepton family the S_3 muoquark couples to (the atlas's muoquark condition); its
/// right-handed partner is the E with an allowed Yukawa (X_E = X_L), or else the E of smallest |X_L - X_E|.
public struct SingleMediatorAssessment: Sendable, Hashable {
    /// The atlas solution (canonical form).
    public let solution: AtlasSolution
    /// The family index (0-based, canonical order) of the muon doublet.
    public let muonFamily: Int
    /// X_q3, X_L(mu), X_E(mu).
    public let quarkCharge: Int, leftCharge: Int, rightCharge: Int
    /// Whether the muon Yukawa is allowed at dimension 4.
    public let muonYukawaAllowed: Bool
    /// Whether the Z' can give C_LL of the required sign.
    public let rightSign: Bool
    /// g_X^2/M^2 that meets the b -> s mu mu target (GeV^-2), nil with the wrong sign.
    public let couplingOverMassSquared: Double?
    /// |C_9 + C_10|/|C_9 - C_10|.
    public let rightHandedFraction: Double
    /// |M_12/M_12^SM - 1| at that coupling.
    public let bsMixingShift: Double?
    /// sigma/sigma_SM of trident at that coupling.
    public let tridentRatio: Double?
    /// Delta a_mu at that coupling (heavy Z').
    public let deltaAMuon: Double?
    /// (Delta a_mu - Delta a_mu^exp)/sigma for the 2021 dataset.
    public let g2Pull: Double?
    /// Whether B_s mixing and trident allow the b -> s mu mu solution.
    public let bToSMuMuAllowed: Bool
    /// Whether the one Z' meets b -> s mu mu (C_9 ~ -C_10 with |X_E/X_L| <= 1/4), the bounds, and
    /// Delta a_mu within 2 sigma.
    public let bothMet: Bool

    /// Whether the muon current is left-handed enough for C_9 ~ -C_10: |X_E/X_L| <= 1/4.
    public var isLeftHanded: Bool { rightHandedFraction <= AtlasFlavourRanking.maximumRightHandedFraction }
}

/// The ranking of the atlas's 2+1 muoquark solutions by how well one heavy Z' meets b -> s mu mu and
/// (g-2)_mu together (``SingleMediatorAssessment``): solutions with the right sign and allowed by B_s
/// mixing and trident first; among them those with C_9 ~ -C_10 (|X_E/X_L| <= 1/4) first, then by
/// |g-2 pull|, then by the right-handed fraction.
///
/// ```swift
/// let ranking = try AtlasFlavourRanking.rank(maxCharge: 4)
/// print(ranking.count, ranking.filter(\.bothMet).count)   // the 2+1 muoquark solutions; none meets both
/// ```
public enum AtlasFlavourRanking {
    /// Delta a_mu of the 2021 dataset (251(59)e-11: Muon g-2 2021 world average against WP20).
    public static let g2Target = (value: 251e-11, uncertainty: 59e-11)

    /// The largest |C_9 + C_10|/|C_9 - C_10| = |X_E/X_L| counted as C_9 ~ -C_10.
    public static let maximumRightHandedFraction = 0.25

    /// Assesses one 2+1 solution; nil when no family can be the muon (not a muoquark solution).
    public static func assess(_ solution: AtlasSolution, inputs: FlavourInputs, ckm: CKMMatrix = .pdg2024) -> SingleMediatorAssessment? {
        let q = solution.charges(of: .Q), l = solution.charges(of: .L), e = solution.charges(of: .E)
        var candidates: [SingleMediatorAssessment] = []
        for j in 0..<3 {
            let link = q[2] + l[j]
            var ok = true
            for k in 0..<3 where ok { for m in 0..<3 where m != j && q[k] + l[m] == link { ok = false } }
            for k in 0..<3 where ok { for m in k..<3 where q[k] + q[m] == -link { ok = false } }
            guard ok else { continue }
            candidates.append(assessment(solution, muon: j, quark: q[2], left: l[j], rights: e, inputs: inputs, ckm: ckm))
        }
        return candidates.min { order($0, $1) }
    }

    static func assessment(_ solution: AtlasSolution, muon j: Int, quark xq: Int, left xl: Int, rights: [Int],
                           inputs: FlavourInputs, ckm: CKMMatrix) -> SingleMediatorAssessment {
        let allowed = rights.contains(xl)
        let xe = allowed ? xl : rights.min { (abs($0 - xl), $0) < (abs($1 - xl), $1) }!
        let lt = ckm.lambdaT.length
        let target = 2 * WeakEffectiveTheory.semileptonicNormalisation(ckm: ckm).length * abs(inputs.bToSMuMu.c9EqualsMinusC10)
        // C_LL = -g^2 xq xl lambda_t/M^2 with lambda_t < 0 must equal +target: xq xl > 0.
        let rightSign = xq * xl > 0 && ckm.lambdaT.real < 0
        let fraction = xl == 0 ? Double.infinity : abs(Double(xe) / Double(xl))
        var y: Double? = nil, shift: Double? = nil, trident: Double? = nil, deltaA: Double? = nil, pull: Double? = nil
        var boundsOK = false
        if rightSign {
            let g2m2 = target / (Double(xq * xl) * lt)
            y = g2m2
            let cSM = BsMixing.standardModelCoefficient(ckm: ckm).length
            shift = g2m2 * Double(xq * xq) * lt * lt / 2 / cSM
            let v2 = 4 * PhysicalConstants.fermiConstant / 2.0.squareRoot()
            let cLL = -g2m2 * Double(xl * xl) / v2, cLR = -g2m2 * Double(xl * xe) / v2
            trident = TridentContact.ratio(vectorLeftLeft: cLL, vectorLeftRight: cLR)
            let m = PhysicalConstants.muonMass
            let gv = Double(xl + xe) / 2, ga = Double(xe - xl) / 2
            let da = m * m / (12 * Double.pi * Double.pi) * g2m2 * (gv * gv - 5 * ga * ga)
            deltaA = da
            pull = (da - g2Target.value) / g2Target.uncertainty
            let t = inputs.trident
            boundsOK = shift! <= inputs.bsMixing.allowedShift && abs(trident! - t.ratio) <= 1.96 * t.uncertainty
        }
        let both = rightSign && boundsOK && fraction <= maximumRightHandedFraction && abs(pull ?? .infinity) <= 2
        return SingleMediatorAssessment(solution: solution, muonFamily: j, quarkCharge: xq, leftCharge: xl, rightCharge: xe,
                                        muonYukawaAllowed: allowed, rightSign: rightSign, couplingOverMassSquared: y,
                                        rightHandedFraction: fraction, bsMixingShift: shift, tridentRatio: trident, deltaAMuon: deltaA,
                                        g2Pull: pull, bToSMuMuAllowed: rightSign && boundsOK, bothMet: both)
    }

    /// The ranking order (best first).
    static func order(_ a: SingleMediatorAssessment, _ b: SingleMediatorAssessment) -> Bool {
        func key(_ x: SingleMediatorAssessment) -> (Int, Int, Int, Double, Double) {
            (x.bothMet ? 0 : 1, x.bToSMuMuAllowed ? 0 : (x.rightSign ? 1 : 2), x.isLeftHanded ? 0 : 1, abs(x.g2Pull ?? .infinity),
             x.rightHandedFraction)
        }
        let ka = key(a), kb = key(b)
        if ka != kb { return ka < kb }
        return a.solution.charges.lexicographicallyPrecedes(b.solution.charges)
    }

    /// Every 2+1 muoquark solution with |X| <= `maxCharge` (three N_R, X_H = 0), assessed and ranked.
    public static func rank(maxCharge: Int = 10, threads: Int? = nil) throws(Problem) -> [SingleMediatorAssessment] {
        let inputs = try FlavourInputs.bundled()
        let configuration: AtlasConfiguration
        do { configuration = try AtlasConfiguration(maxCharge: maxCharge, quarkMode: .twoPlusOne) } catch {
            throw Problem.invalid(.field("--max-charge"), Double(maxCharge), "\(error)")
        }
        var solutions: [AtlasSolution] = []
        AtlasEnumerator(configuration: configuration, threads: threads).enumerate(filter: AtlasFilter(muoquark: true)) { batch in
            solutions += batch.map(\.solution)
        }
        return solutions.compactMap { assess($0, inputs: inputs) }.sorted(by: order)
    }
}
