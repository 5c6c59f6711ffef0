import ComplexModule
import RealModule
import ZPrimeCore
import ZPrimeCouplings

/// The couplings of one neutral boson to an external charged lepton l and an internal fermion F,
/// absolute (not in units of e), real.
///
/// The interaction is
///
///     L = Fbar gamma^mu (vector + axial gamma^5) l X_mu + Fbar (scalar + i pseudoscalar gamma^5) l phi (+ h.c. if F != l)
///
/// for a vector X or a scalar phi (a boson of either kind is described by the same four numbers:
/// use vector/axial for a spin-1 boson, scalar/pseudoscalar for a spin-0 one). When F is the lepton
/// itself the term is already Hermitian and no h.c. is added, so a photon-like coupling is
/// `vector = e` and gives the Schwinger term alpha/(2 pi). In Leveille's notation each entry is one
/// "f Fbar Gamma l Phi" with f the coupling and Gamma = gamma^mu, gamma^mu gamma^5, 1, i gamma^5;
/// the four contributions add. With chiral couplings g_L P_L + g_R P_R: vector = (g_R + g_L)/2,
/// axial = (g_R - g_L)/2. Complex couplings (which also give an electric dipole moment) are not
/// supported.
public struct LoopCouplings: Sendable, Hashable {
    /// C_V, the coefficient of Fbar gamma^mu l X_mu.
    public var vector: Double
    /// C_A, the coefficient of Fbar gamma^mu gamma^5 l X_mu.
    public var axial: Double
    /// C_S, the coefficient of Fbar l phi.
    public var scalar: Double
    /// C_P, the coefficient of Fbar i gamma^5 l phi.
    public var pseudoscalar: Double

    /// Creates a coupling set; omitted couplings are zero.
    public init(vector: Double = 0, axial: Double = 0, scalar: Double = 0, pseudoscalar: Double = 0) {
        self.vector = vector
        self.axial = axial
        self.scalar = scalar
        self.pseudoscalar = pseudoscalar
    }

    /// Chiral couplings Fbar gamma^mu (g_L P_L + g_R P_R) l X_mu.
    public static func chiral(left: Double, right: Double) -> LoopCouplings {
        LoopCouplings(vector: 0.5 * (right + left), axial: 0.5 * (right - left))
    }

    /// Throws unless every coupling is finite.
    func validate() throws(Problem) {
        try Validate.finite(vector, .field("vector"))
        try Validate.finite(axial, .field("axial"))
        try Validate.finite(scalar, .field("scalar"))
        try Validate.finite(pseudoscalar, .field("pseudoscalar"))
    }

    /// Whether every coupling is zero.
    public var isZero: Bool { vector == 0 && axial == 0 && scalar == 0 && pseudoscalar == 0 }
}

/// The one-loop contribution of one neutral boson to a_l = (g - 2)/2 per unit squared coupling,
/// for each Lorentz structure, evaluated in closed form.
///
/// **Formula** (Leveille, Nucl. Phys. B137 (1978) 63; Jegerlehner & Nyffeler, Phys. Rept. 477 (2009)
/// 1, eq. (256)): with eps = M_F/m, lam = m/M_0,
///
///     Delta a = f^2/(4 pi^2) lam^2 L,   L = 1/2 Int_0^1 dx Q(x) / D(x),
///     D(x) = (1 - x)(1 - lam^2 x) + (eps lam)^2 x = [M_0^2 (1 - x) + M_F^2 x - m^2 x (1 - x)] / M_0^2,
///     Q_S = x^2 (1 + eps - x),  Q_P = x^2 (1 - eps - x),
///     Q_V = 2x(1-x)(x - 2(1 - eps)) + lam^2 (1 - eps)^2 Q_S,
///     Q_A = 2x(1-x)(x - 2(1 + eps)) + lam^2 (1 + eps)^2 Q_P.
///
/// **Closed form.** Every Q is a combination of x^2(1-x), x(1-x) and x^2, so everything follows from
/// the three moments G_k = Int_0^1 x^k / D(x) dx, k = 1, 2, 3. Write D(x) = (1 + t_u x)(1 + t_v x)
/// with t_u + t_v = S = (M_F^2 - M_0^2 - m^2)/M_0^2 and t_u t_v = q = m^2/M_0^2; the discriminant is
/// the Kallen function lambda(M_0^2, M_F^2, m^2)/M_0^4, real roots below the pseudo-threshold
/// M_0 < |M_F - m| or above M_0 > M_F + m, a complex-conjugate pair in between. Because
/// x/((1 + t_u x)(1 + t_v x)) = [1/(1 + t_u x) - 1/(1 + t_v x)]/(t_v - t_u), each moment is a
/// divided difference, G_{j+1} = -phi_j[t_u, t_v], of phi_j(t) = Int_0^1 x^j/(1 + t x) dx =
/// sum_n (-t)^n/(j + n + 1) (|t| < 1), with phi_0 = ln(1 + t)/t, phi_j = (1/j - phi_{j-1})/t.
///
/// **Numerics** (the naive forms lose up to all digits; see `moments`):
/// - S, 2 + S and the four factors of the Kallen function are summed with error-free transformations,
///   so that M_F = m with M_0 << m (S = -1 exactly) or M_0 ~ M_F >> m keeps every digit; 1 + t is
///   obtained from its own quadratic (product M_F^2/M_0^2), never as 1 + t, so a root next to x = 1
///   (heavy boson, 1 + t ~ m^2/M_0^2 ~ 1e-15) keeps its logarithm.
/// - both |t| <= 1/4: the divided difference of the Taylor series, through the complete homogeneous
///   polynomials H_n(t_u, t_v) = S H_{n-1} - q H_{n-2} (real even for a complex pair; no cancellation);
/// - well-separated roots (|t_u - t_v| >= |t|/2): the quotient (phi(t_u) - phi(t_v))/(t_u - t_v), for a
///   complex pair Im phi(t_u)/Im t_u;
/// - nearly coincident roots (near the thresholds M_0 = M_F +- m): the Leibniz rule for divided
///   differences of ln(1+t) * (1/t), with [ln(1+t)] = log1p(z)/z/(1 + t_v), z = (t_u - t_v)/(1 + t_v),
///   for real roots and atan2(eta, Re(1+t))/eta for a complex pair (no branch-cut ambiguity).
/// - The vector-axial and scalar-pseudoscalar sums are also formed from combined polynomials
///   (Q_V + Q_A, Q_V - Q_A, Q_S + Q_P = 2x^2(1-x), Q_S - Q_P = 2 eps x^2), and ``deltaA(_:)`` uses
///   whichever of the two representations has the smaller sum of magnitudes, so chirally enhanced
///   contributions that cancel between V and A (M_F >> m) keep their digits.
///
/// **Accuracy.** Checked against 50-digit mpmath quadrature on ~1500 points (e, mu, tau; M_0 from 1e-7
/// to 1e5 GeV, M_F from 1e-3 m to 1e4 GeV, points within 1e-12 of both thresholds, random coupling
/// mixtures): the largest relative error was 1.3e-9, at a point 1e-11 (relative) below the decay
/// threshold M_0 + M_F -> m where the integrals diverge like 1/distance; 4e-11 elsewhere near the
/// thresholds; below 1e-13 away from them. The tests in ZPrimeObservablesTests hold reference values.
///
/// **Domain.** Masses positive and finite; the lepton must be below the decay threshold,
/// m < M_0 + M_F (above it the loop has an absorptive part and the lepton is unstable; not computed).
///
/// ```swift
/// let loop = try LeveilleLoopFunctions(leptonMass: PhysicalConstants.muonMass, bosonMass: 0.017,
///                                      internalMass: PhysicalConstants.muonMass)
/// let deltaA = loop.deltaA(LoopCouplings(vector: 5e-4))
/// print(deltaA)   // 2.1e-9
/// ```
public struct LeveilleLoopFunctions: Sendable, Hashable {
    /// Delta a for vector = 1 (all other couplings zero).
    public let vector: Double
    /// Delta a for axial = 1.
    public let axial: Double
    /// Delta a for scalar = 1.
    public let scalar: Double
    /// Delta a for pseudoscalar = 1.
    public let pseudoscalar: Double
    /// Delta a for vector = axial = 1 (a purely right-handed coupling of strength 2), from Q_V + Q_A.
    public let vectorPlusAxial: Double
    /// vector - axial loop functions from Q_V - Q_A: the chirality-flipping part, proportional to M_F.
    public let vectorMinusAxial: Double
    /// scalar + pseudoscalar loop functions, from Q_S + Q_P = 2 x^2 (1 - x).
    public let scalarPlusPseudoscalar: Double
    /// scalar - pseudoscalar loop functions, from Q_S - Q_P = 2 eps x^2 (chirality flipping).
    public let scalarMinusPseudoscalar: Double
    /// The vector loop without its longitudinal part, Q_V - lam^2 (1 - eps)^2 Q_S = 2x(1-x)(x - 2(1 - eps)):
    /// the Feynman-gauge vector-boson loop (its Goldstone boson then adds a scalar loop with
    /// C_S = C_V (m - M_F)/M_0 and C_P = C_A (m + M_F)/M_0).
    public let transverseVector: Double
    /// The axial loop without its longitudinal part, 2x(1-x)(x - 2(1 + eps)).
    public let transverseAxial: Double
    /// transverse vector + axial, from 4x(1-x)(x - 2).
    let transverseVectorPlusAxial: Double
    /// transverse vector - axial, from 8 eps x(1-x).
    let transverseVectorMinusAxial: Double

    /// Evaluates the loop functions for an external lepton of mass `leptonMass`, a boson of mass
    /// `bosonMass` and an internal fermion of mass `internalMass` (all GeV).
    ///
    /// - Throws: ``Problem`` for a non-positive or non-finite mass, or when
    ///   `leptonMass >= bosonMass + internalMass` (above the decay threshold).
    public init(leptonMass m: Double, bosonMass: Double, internalMass: Double) throws(Problem) {
        try Validate.positive(m, .leptonMass)
        try Validate.positive(bosonMass, .mass)
        try Validate.positive(internalMass, .internalMass)
        let aboveThreshold = ErrorFreeArithmetic.sum(bosonMass, internalMass, -m)
        guard aboveThreshold > 0 else {
            throw Problem.invalid(.leptonMass, text: "\(m)",
                                  "at or above the decay threshold bosonMass + internalMass = \(bosonMass + internalMass) GeV: the lepton can decay to the internal fermion and the boson, and the one-loop a_l has an absorptive part (not computed)")
        }
        // Mass ratios beyond ~1e100 overflow the squares below; no physical question needs them.
        let leptonRatio = m / bosonMass, internalRatio = internalMass / bosonMass
        guard leptonRatio < 1e100, leptonRatio > 1e-100 else {
            throw Problem.invalid(.mass, text: "\(bosonMass)", "the ratio m_l/M_0 = \(leptonRatio) is outside the supported range 1e-100 ... 1e100")
        }
        guard internalRatio < 1e100, internalRatio > 1e-100 else {
            throw Problem.invalid(.internalMass, text: "\(internalMass)", "the ratio M_F/M_0 = \(internalRatio) is outside the supported range 1e-100 ... 1e100")
        }
        let (g1, g2, g3) = Self.moments(leptonMass: m, bosonMass: bosonMass, internalMass: internalMass)
        let M0 = bosonMass, MF = internalMass
        let q = (m / M0) * (m / M0)
        let p = (MF / M0) * (MF / M0)
        let eps = MF / m
        let f1 = g2 - g3          // Int x^2 (1 - x) / D
        let f2 = g1 - g2          // Int x (1 - x) / D
        let iS = f1 + eps * g2
        let iP = f1 - eps * g2
        let dV = ((m - MF) / M0) * ((m - MF) / M0)   // lam^2 (1 - eps)^2
        let dA = ((m + MF) / M0) * ((m + MF) / M0)   // lam^2 (1 + eps)^2
        let iV = 2 * (f1 - 2 * ((m - MF) / m) * f2) + dV * iS
        let iA = 2 * (f1 - 2 * ((m + MF) / m) * f2) + dA * iP
        // Q_V + Q_A and Q_V - Q_A with the lam^2 terms combined before integration.
        let iVplusA = 4 * f1 - 8 * f2 + 2 * q * f1 - 2 * p * (g2 + g3)
        let iVminusA = eps * (8 * f2 + 2 * q * (2 * g3 - g2) + 2 * p * g2)
        // Delta a = f^2/(4 pi^2) lam^2 (1/2) Int Q/D.
        let prefactor = q / (8 * Double.pi * Double.pi)
        vector = prefactor * iV
        axial = prefactor * iA
        scalar = prefactor * iS
        pseudoscalar = prefactor * iP
        vectorPlusAxial = prefactor * iVplusA
        vectorMinusAxial = prefactor * iVminusA
        scalarPlusPseudoscalar = prefactor * 2 * f1
        scalarMinusPseudoscalar = prefactor * 2 * eps * g2
        transverseVector = prefactor * 2 * (f1 - 2 * ((m - MF) / m) * f2)
        transverseAxial = prefactor * 2 * (f1 - 2 * ((m + MF) / m) * f2)
        transverseVectorPlusAxial = prefactor * (4 * f1 - 8 * f2)
        transverseVectorMinusAxial = prefactor * 8 * eps * f2
        guard vector.isFinite, axial.isFinite, scalar.isFinite, pseudoscalar.isFinite, vectorPlusAxial.isFinite, vectorMinusAxial.isFinite else {
            throw Problem.invalid(.mass, text: "\(bosonMass)", "the loop functions overflow for these masses (lepton \(m), internal \(internalMass) GeV)")
        }
    }

    /// Delta a for the given couplings: C_V^2 I_V + C_A^2 I_A + C_S^2 I_S + C_P^2 I_P, each pair
    /// evaluated in the better conditioned of the (V, A) and (V + A, V - A) representations.
    public func deltaA(_ couplings: LoopCouplings) -> Double {
        Self.pair(couplings.vector, couplings.axial, vector, axial, vectorPlusAxial, vectorMinusAxial)
            + Self.pair(couplings.scalar, couplings.pseudoscalar, scalar, pseudoscalar, scalarPlusPseudoscalar, scalarMinusPseudoscalar)
    }

    /// The Feynman-gauge (transverse) part of a vector boson's loop, C_V^2 I_V^T + C_A^2 I_A^T (see
    /// ``transverseVector``), in the better conditioned representation.
    public func transverseDeltaA(vector: Double, axial: Double) -> Double {
        Self.pair(vector, axial, transverseVector, transverseAxial, transverseVectorPlusAxial, transverseVectorMinusAxial)
    }

    @inline(__always)
    static func pair(_ c1: Double, _ c2: Double, _ i1: Double, _ i2: Double, _ iPlus: Double, _ iMinus: Double) -> Double {
        if c1 == 0 && c2 == 0 { return 0 }
        let a1 = c1 * c1 * i1, a2 = c2 * c2 * i2
        let plus = 0.5 * (c1 * c1 + c2 * c2) * iPlus
        let minus = 0.5 * ((c1 - c2) * (c1 + c2)) * iMinus
        return abs(a1) + abs(a2) <= abs(plus) + abs(minus) ? a1 + a2 : plus + minus
    }

    // MARK: The moments G_k = Int_0^1 x^k / D(x) dx

    /// Below this |t| the Taylor series of phi_j is used (about 30 terms for 1e-17).
    static let seriesRadius = 0.25
    /// Root separation |t_u - t_v| / max|t| above which the plain quotient is accurate.
    static let separation = 0.5

    /// G_1, G_2, G_3 for the given masses (validated by the caller: below threshold).
    static func moments(leptonMass m: Double, bosonMass M0: Double, internalMass MF: Double) -> (Double, Double, Double) {
        let m0Squared = M0 * M0
        let q = (m / M0) * (m / M0)                      // t_u t_v
        let p = (MF / M0) * (MF / M0)                    // (1 + t_u)(1 + t_v)
        let s = ErrorFreeArithmetic.signedSquareSum(MF, M0, m, signs: (1, -1, -1)) / m0Squared   // t_u + t_v
        let w = ErrorFreeArithmetic.signedSquareSum(MF, M0, m, signs: (1, 1, -1)) / m0Squared    // 2 + t_u + t_v
        let k1 = ErrorFreeArithmetic.sum(M0, -MF, -m), k2 = ErrorFreeArithmetic.sum(M0, MF, m)
        let k3 = ErrorFreeArithmetic.sum(M0, -MF, m), k4 = ErrorFreeArithmetic.sum(M0, MF, -m)
        let discriminant = (k1 * k2 / m0Squared) * (k3 * k4 / m0Squared)   // (t_u - t_v)^2

        let d: (Double, Double, Double)
        if discriminant >= 0 {
            let root = discriminant.squareRoot()
            let tLarge = 0.5 * (s + (s < 0 ? -root : root))
            let tSmall = q / tLarge
            let wLarge = 0.5 * (w + (w < 0 ? -root : root))
            let wSmall = p / wLarge
            // Larger t pairs with larger 1 + t.
            let (tU, tV) = tLarge >= tSmall ? (tLarge, tSmall) : (tSmall, tLarge)
            let (wU, wV) = wLarge >= wSmall ? (wLarge, wSmall) : (wSmall, wLarge)
            d = realDividedDifferences(tU: tU, tV: tV, wU: wU, wV: wV, difference: root, sum: s, product: q)
        } else {
            let eta = 0.5 * (-discriminant).squareRoot()
            d = complexDividedDifferences(realT: 0.5 * s, realW: 0.5 * w, eta: eta, sum: s, product: q)
        }
        return (-d.0, -d.1, -d.2)
    }

    /// phi_j[t_u, t_v] for j = 0, 1, 2 from the Taylor series: sum_{n>=1} (-1)^n H_{n-1}/(j + n + 1),
    /// with H_n the complete homogeneous symmetric polynomials of the two roots (|t| <= 1/4).
    static func seriesDividedDifferences(sum s: Double, product q: Double, radius: Double) -> (Double, Double, Double) {
        var d0 = 0.0, d1 = 0.0, d2 = 0.0
        var hPrevious = 0.0, h = 1.0       // H_{n-2}, H_{n-1}
        var sign = -1.0
        var radiusPower = 1.0              // radius^(n-1); n radius^(n-1) bounds |H_{n-1}|
        var n = 1
        while n < 80 {
            let term = sign * h
            let nd = Double(n)
            d0 += term / (nd + 1)
            d1 += term / (nd + 2)
            d2 += term / (nd + 3)
            let next = s * h - q * hPrevious
            hPrevious = h
            h = next
            sign = -sign
            n += 1
            radiusPower *= radius
            if Double(n) * radiusPower < 1e-18 { break }
        }
        return (d0, d1, d2)
    }

    /// phi_0, phi_1, phi_2 at a real t with 1 + t = w > 0.
    @inline(__always)
    static func phi(t: Double, w: Double) -> (Double, Double, Double) {
        if abs(t) <= seriesRadius {
            var p0 = 0.0, p1 = 0.0, p2 = 0.0
            var power = 1.0
            var n = 0
            while n < 80 {
                let nd = Double(n)
                p0 += power / (nd + 1)
                p1 += power / (nd + 2)
                p2 += power / (nd + 3)
                power *= -t
                n += 1
                if abs(power) < 1e-18 { break }
            }
            return (p0, p1, p2)
        }
        let p0 = Double.log(w) / t
        let p1 = (1 - p0) / t
        let p2 = (0.5 - p1) / t
        return (p0, p1, p2)
    }

    /// Divided differences for two real roots t_u > t_v > -1 (1 + t given separately, accurately).
    static func realDividedDifferences(tU: Double, tV: Double, wU: Double, wV: Double, difference: Double,
                                       sum s: Double, product q: Double) -> (Double, Double, Double) {
        let largest = max(abs(tU), abs(tV))
        if largest <= seriesRadius {
            return seriesDividedDifferences(sum: s, product: q, radius: largest)
        }
        if difference >= separation * largest {
            let a = phi(t: tU, w: wU), b = phi(t: tV, w: wV)
            return ((a.0 - b.0) / difference, (a.1 - b.1) / difference, (a.2 - b.2) / difference)
        }
        // Leibniz rule: phi_0 = ln(w) (1/t); [ln w] = log1p(z)/(z w_v); [1/t] = -1/(t_u t_v).
        let z = difference / wV
        let logDifference = log1pOverZ(z) / wV
        let logU = Double.log(wU)
        let d0 = logDifference / tV - logU / q
        let p0U = logU / tU
        let d1 = -d0 / tV - (1 - p0U) / q
        let p1U = (1 - p0U) / tU
        let d2 = -d1 / tV - (0.5 - p1U) / q
        return (d0, d1, d2)
    }

    /// Divided differences for a complex-conjugate pair t = realT +- i eta (1 + t = realW +- i eta).
    static func complexDividedDifferences(realT: Double, realW: Double, eta: Double,
                                          sum s: Double, product q: Double) -> (Double, Double, Double) {
        let t = Complex(realT, eta)
        let w = Complex(realW, eta)
        let modulus = t.length
        if modulus <= seriesRadius {
            return seriesDividedDifferences(sum: s, product: q, radius: modulus)
        }
        let logW = Complex.log(w)
        if 2 * eta >= separation * modulus {
            // (phi(t) - phi(conj t)) / (2 i eta) = Im phi(t) / eta.
            let p0 = logW / t
            let p1 = (Complex(1, 0) - p0) / t
            let p2 = (Complex(0.5, 0) - p1) / t
            return (p0.imaginary / eta, p1.imaginary / eta, p2.imaginary / eta)
        }
        // Leibniz rule with [ln w] = (ln w - ln conj w)/(2 i eta) = arg(w)/eta, free of branch issues.
        let logDifference = Complex(Double.atan2(y: eta, x: realW) / eta, 0)
        let tV = t.conjugate
        let inverseQ = Complex<Double>(1 / q, 0)
        let one = Complex<Double>(1, 0), half = Complex<Double>(0.5, 0)
        let d0: Complex<Double> = logDifference / tV - logW * inverseQ
        let p0U: Complex<Double> = logW / t
        let d1: Complex<Double> = -d0 / tV - (one - p0U) * inverseQ
        let p1U: Complex<Double> = (one - p0U) / t
        let d2: Complex<Double> = -d1 / tV - (half - p1U) * inverseQ
        return (d0.real, d1.real, d2.real)
    }

    /// log(1 + z)/z for z > -1, accurate for small z.
    @inline(__always)
    static func log1pOverZ(_ z: Double) -> Double {
        if abs(z) < 1e-4 {
            // 1 - z/2 + z^2/3 - z^3/4 + z^4/5: truncation below 1e-20.
            return 1 + z * (-0.5 + z * (1.0 / 3 + z * (-0.25 + z * 0.2)))
        }
        return Double.log(onePlus: z) / z
    }
}

/// Lepton anomalous magnetic moments from neutral bosons at one loop.
///
/// ```swift
/// // A dark photon of 17 MeV with eps = 1e-3 and the muon:
/// let couplings = FermionCouplings([.muon: ChiralCoupling(vector: -1e-3, axial: 0)])
/// let deltaAMu = try AnomalousMagneticMoment.deltaA(.muon, couplings: couplings, bosonMass: 0.017)
/// print(deltaAMu)   // 7.8e-10
/// ```
public enum AnomalousMagneticMoment {
    /// One boson, one internal fermion: Delta a_l (see ``LeveilleLoopFunctions`` for the formula and
    /// the coupling convention).
    ///
    /// - Parameters:
    ///   - leptonMass: m, GeV.
    ///   - bosonMass: M_0, GeV.
    ///   - internalMass: M_F, GeV (the lepton's own mass for a flavour-diagonal coupling).
    ///   - couplings: absolute couplings.
    /// - Throws: ``Problem`` for bad masses, non-finite couplings or m >= M_0 + M_F.
    public static func oneLoop(leptonMass: Double, bosonMass: Double, internalMass: Double,
                               couplings: LoopCouplings) throws(Problem) -> Double {
        try couplings.validate()
        return try LeveilleLoopFunctions(leptonMass: leptonMass, bosonMass: bosonMass, internalMass: internalMass)
            .deltaA(couplings)
    }

    /// Delta a_l of a boson whose couplings are given in the convention of Hati et al.
    /// (e Z'_mu fbar gamma^mu (eps^V + gamma^5 eps^A) f): the flavour-diagonal
    /// loop with the lepton itself inside, vector = e eps^V_l, axial = e eps^A_l.
    public static func deltaA(_ lepton: ChargedLepton, couplings: FermionCouplings, bosonMass: Double) throws(Problem) -> Double {
        let c = couplings[lepton.couplingTarget]
        try Validate.finite(c.vector, .field("eps^V_\(lepton.rawValue)"))
        try Validate.finite(c.axial, .field("eps^A_\(lepton.rawValue)"))
        let e = PhysicalConstants.elementaryCharge
        return try oneLoop(leptonMass: lepton.mass, bosonMass: bosonMass, internalMass: lepton.mass,
                           couplings: LoopCouplings(vector: e * c.vector, axial: e * c.axial))
    }

    /// One term of a sum over mass-basis couplings: a boson of mass `bosonMass` coupling the lepton
    /// to an internal fermion of mass `internalMass`.
    public struct Contribution: Sendable, Hashable {
        /// A label for reports (e.g. "Z' - E_2").
        public var label: String
        /// The boson mass, GeV.
        public var bosonMass: Double
        /// The internal fermion mass, GeV.
        public var internalMass: Double
        /// The absolute couplings.
        public var couplings: LoopCouplings

        /// Creates a contribution.
        public init(label: String = "", bosonMass: Double, internalMass: Double, couplings: LoopCouplings) {
            self.label = label
            self.bosonMass = bosonMass
            self.internalMass = internalMass
            self.couplings = couplings
        }
    }

    /// The sum over mass-basis contributions (each boson with each internal fermion it couples the
    /// lepton to), together with the largest single term, against which the accuracy of a sum that
    /// cancels should be judged.
    public static func sum(leptonMass: Double, contributions: [Contribution]) throws(Problem) -> (total: Double, largestTerm: Double) {
        var total = 0.0, largest = 0.0
        for (index, c) in contributions.enumerated() {
            let term: Double
            do {
                term = try oneLoop(leptonMass: leptonMass, bosonMass: c.bosonMass, internalMass: c.internalMass, couplings: c.couplings)
            } catch {
                throw Problem(error.kind, parameter: .field("contributions[\(index)].\(error.parameter)"), value: error.value, severity: .error, message: error.message)
            }
            total += term
            largest = max(largest, abs(term))
        }
        return (total, largest)
    }

    /// The same Delta a by adaptive Gauss-Kronrod quadrature of Q(x)/D(x): the baseline for the
    /// `zprime g2 --benchmark` comparison and an internal cross-check. [0, 1/2] is integrated in x and
    /// [1/2, 1] in u = 1 - x, with break points at every decade from each end and at the scales 1/|t|
    /// of the roots of D; relative tolerance 1e-12 on each half.
    public static func oneLoopByQuadrature(leptonMass m: Double, bosonMass M0: Double, internalMass MF: Double,
                                           couplings c: LoopCouplings) throws(Problem) -> GaussKronrod.Result {
        try c.validate()
        _ = try LeveilleLoopFunctions(leptonMass: m, bosonMass: M0, internalMass: MF)   // validation
        let q = (m / M0) * (m / M0)
        let p = (MF / M0) * (MF / M0)
        let eps = MF / m
        let dV = ((m - MF) / M0) * ((m - MF) / M0)
        let dA = ((m + MF) / M0) * ((m + MF) / M0)
        let s = ErrorFreeArithmetic.signedSquareSum(MF, M0, m, signs: (1, -1, -1)) / (M0 * M0)
        // The integrand as a function of x and u = 1 - x, both exact: [0, 1/2] is integrated in x and
        // [1/2, 1] in u, so a boundary layer at x = 1 of width 1e-13 (heavy boson, D(1) = M_F^2/M_0^2)
        // is resolved; in x alone the nodes near 1 carry only absolute precision 1e-16.
        let vector2 = c.vector * c.vector, axial2 = c.axial * c.axial
        let scalar2 = c.scalar * c.scalar, pseudo2 = c.pseudoscalar * c.pseudoscalar
        func integrand(_ x: Double, _ u: Double) -> Double {
            let d = u * (1 - q * x) + p * x
            let qS = x * x * (u + eps)
            let qP = x * x * (u - eps)
            let qV = 2 * x * u * (x - 2 * (1 - eps)) + dV * qS
            let qA = 2 * x * u * (x - 2 * (1 + eps)) + dA * qP
            return (vector2 * qV + axial2 * qA + scalar2 * qS + pseudo2 * qP) / d
        }
        // Break points at every decade down to 1e-16 from each end, plus the scales 1/|t| of the
        // roots of D (where the integrand changes behaviour).
        var breaks = (1...16).map { Double.pow(10, -Double($0)) }
        for t in [abs(s), q.squareRoot(), q / max(abs(s), 1e-300), p, 1 / max(p, 1e-300)] where t > 2 {
            breaks.append(1 / t)
        }
        let lower = GaussKronrod.integrate(from: 0, to: 0.5, breakpoints: breaks, relativeTolerance: 1e-12) { x in integrand(x, 1 - x) }
        let upper = GaussKronrod.integrate(from: 0, to: 0.5, breakpoints: breaks, relativeTolerance: 1e-12) { u in integrand(1 - u, u) }
        var result = GaussKronrod.Result(value: lower.value + upper.value, estimatedError: lower.estimatedError + upper.estimatedError,
                                         evaluations: lower.evaluations + upper.evaluations, converged: lower.converged && upper.converged)
        let prefactor = q / (8 * Double.pi * Double.pi)
        result.value *= prefactor
        result.estimatedError *= prefactor
        return result
    }
}
