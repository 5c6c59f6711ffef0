import RealModule
import ZPrimeCore
import ZPrimeCouplings

/// Atomic parity violation: the shift of a nucleus' weak charge Q_W from a light vector boson
/// (Bouchiat, Fayet, Phys. Lett. B 608 (2005) 87; as used by Hati et al., JHEP 07 (2020) 235).
///
///     Delta Q_W = (2 sqrt2 / G_F) 4 pi alpha eps^A_e [eps^V_u (2Z + N) + eps^V_d (Z + 2N)] K(m) / m^2
///               = (2 sqrt2 / G_F) e^2 eps^A_e (Z eps^V_p + N eps^V_n) K(m) / m^2
///
/// in the coupling convention of Hati et al. e Z'_mu fbar gamma^mu (eps^V + gamma^5 eps^A) f. **Sign**: with
/// this sign, the Z boson itself written in the same convention (e eps^V = -(g/c_W)(T_3 - 2Q s_W^2)/2,
/// e eps^A = (g/c_W) T_3 / 2) at m = m_Z gives the tree-level Standard Model Q_W = Z(1 - 4 s_W^2) - N
/// (about -73 for Cs): Delta Q_W is a shift in the usual APV convention. The tests check exactly this.
///
/// **K(m)**, the finite-range factor (definition of Bouchiat & Fayet, Phys. Lett. B 608 (2005) 87: the
/// ratio of the parity-violating matrix element of the Yukawa potential e^(-m r)/(4 pi r) folded with
/// the nucleus to that of the contact interaction), is ZPrime's own evaluation in a stated model:
/// - the nucleus is a uniform sphere of radius R = sqrt(5/3) r_ch (r_ch(133Cs) = 4.8041 fm, Angeli &
///   Marinova 2013), whose Yukawa potential is
///   phi(r < R) = (n_0/m^2) [1 - (1 + mR) e^(-mR) sinh(mr)/(mr)],
///   phi(r > R) = (n_0/m^2) [mR cosh(mR) - sinh(mR)] e^(-mr)/(mr);
/// - the s_1/2 - p_1/2 parity-violating electron density is constant inside the nucleus and falls as
///   (r/R)^(2 gamma - 2), gamma = sqrt(1 - (Z alpha)^2), outside it: the short-distance behaviour of
///   the Dirac-Coulomb solutions, valid for R < r << a_B/Z (about 960 fm for Cs).
/// Integrating gives, with x = mR,
///
///     K = 1 - 3 (1 + x) e^(-x) (x cosh x - sinh x)/x^3 + 3 (x cosh x - sinh x) x^(-1 - 2 gamma) Gamma(2 gamma, x),
///
/// with Gamma(a, x) the upper incomplete gamma function. K -> 1 - O(1/x^2) for heavy X (contact
/// limit) and K -> Gamma(2 gamma) x^(2 - 2 gamma) for light X. For Cs: K(17 MeV) = 0.831,
/// K(5 MeV) = 0.687, K(1 MeV) = 0.525, K(100 MeV) = 0.979. Below about 1 MeV the Yukawa range reaches
/// the region where the electron wave functions are no longer Coulomb-like and K is an extrapolation
/// (``finiteRangeFactorIsReliable(bosonMass:)`` is false).
///
/// **Not reproduced**: the bound |eps^A_e| < 2.6e-9 quoted by Hati et al. does not follow from this
/// formula with the 8Be couplings and |Delta Q_W| < 0.71 (about 1.2e-8/K(m) does). ZPrime computes
/// Delta Q_W and compares it with the 0.71 bound; it does not reproduce the 2.6e-9.
public enum AtomicParityViolation {
    /// An atom for APV: proton and neutron numbers and the nuclear charge radius.
    public struct Atom: Sendable, Hashable {
        /// A label, e.g. `133Cs`.
        public var name: String
        /// Z.
        public var protons: Int
        /// N.
        public var neutrons: Int
        /// Root-mean-square charge radius, fm.
        public var chargeRadiusFm: Double

        /// Creates an atom.
        public init(name: String, protons: Int, neutrons: Int, chargeRadiusFm: Double) {
            self.name = name
            self.protons = protons
            self.neutrons = neutrons
            self.chargeRadiusFm = chargeRadiusFm
        }

        /// 133Cs (Z = 55, N = 78), the atom of the most precise APV measurement.
        public static let cesium133 = Atom(name: "133Cs", protons: 55, neutrons: 78, chargeRadiusFm: PhysicalConstants.cesium133ChargeRadiusFm)

        /// gamma = sqrt(1 - (Z alpha)^2) of the Dirac-Coulomb solutions.
        public var diracGamma: Double {
            let za = Double(protons) * PhysicalConstants.alpha
            return (1 - za * za).squareRoot()
        }

        /// The uniform-sphere radius R = sqrt(5/3) r_ch, fm.
        public var sphereRadiusFm: Double { (5.0 / 3.0).squareRoot() * chargeRadiusFm }
    }

    /// The lightest boson mass (GeV) for which K(m) is a controlled approximation (1 MeV).
    public static let reliableMassThreshold = 1e-3

    /// Whether the finite-range model holds at `bosonMass` (>= 1 MeV).
    public static func finiteRangeFactorIsReliable(bosonMass: Double) -> Bool { bosonMass >= reliableMassThreshold }

    /// K(m) for `atom` (see the type's documentation).
    ///
    /// - Throws: ``Problem`` for a non-positive or non-finite mass.
    public static func finiteRangeFactor(bosonMass: Double, atom: Atom = .cesium133) throws(Problem) -> Double {
        try Validate.positive(bosonMass, .mass)
        let x = bosonMass * atom.sphereRadiusFm / (PhysicalConstants.hbarCGeVMetres * 1e15)
        let gamma = atom.diracGamma
        // se = e^(-x) (x cosh x - sinh x) = [(x - 1) + (x + 1) e^(-2x)]/2, which cancels to x^3/3 for
        // small x: Taylor series (x^3/3 + x^5/30 + x^7/840 + x^9/45360) e^(-x) below x = 0.1.
        let se: Double
        if x < 0.1 {
            let x2 = x * x
            se = x * x2 * (1.0 / 3 + x2 * (1.0 / 30 + x2 * (1.0 / 840 + x2 / 45360))) * Double.exp(-x)
        } else {
            se = 0.5 * ((x - 1) + (x + 1) * Double.exp(-2 * x))
        }
        let inside = 1 - 3 * (1 + x) * se / (x * x * x)
        // e^x Gamma(2 gamma, x) keeps the outside term finite for heavy X.
        let outside = 3 * se * Double.pow(x, -1 - 2 * gamma) * SpecialFunctions.upperIncompleteGammaScaled(2 * gamma, x)
        return inside + outside
    }

    /// Delta Q_W of `atom` from a boson of mass `bosonMass` with electron axial coupling `electronAxial`
    /// (eps^A_e) and nucleon vector couplings (units of e).
    ///
    /// - Parameter finiteRange: multiply by K(m) (default); `false` gives the contact limit K = 1.
    public static func weakChargeShift(electronAxial: Double, nucleons: NucleonCouplings, bosonMass: Double,
                                       atom: Atom = .cesium133, finiteRange: Bool = true) throws(Problem) -> Double {
        try Validate.finite(electronAxial, .field("eps^A_e"))
        try Validate.finite(nucleons.proton, .field("eps_p"))
        try Validate.finite(nucleons.neutron, .field("eps_n"))
        let k = finiteRange ? try finiteRangeFactor(bosonMass: bosonMass, atom: atom) : 1
        try Validate.positive(bosonMass, .mass)
        let e2 = 4 * Double.pi * PhysicalConstants.alpha
        let nuclear = Double(atom.protons) * nucleons.proton + Double(atom.neutrons) * nucleons.neutron
        return 2 * 2.0.squareRoot() / PhysicalConstants.fermiConstant * e2 * electronAxial * nuclear * k / (bosonMass * bosonMass)
    }

    /// Delta Q_W from a coupling table (eps^A of the electron, nucleon couplings as in ``NucleonCouplings``).
    public static func weakChargeShift(couplings: FermionCouplings, bosonMass: Double, atom: Atom = .cesium133) throws(Problem) -> Double {
        try weakChargeShift(electronAxial: couplings[.electron].axial, nucleons: NucleonCouplings(couplings), bosonMass: bosonMass, atom: atom)
    }
}

/// Parity-violating Moller scattering (SLAC E158): the shift of the electron's weak charge
/// (Anthony et al. (E158), Phys. Rev. Lett. 95 (2005) 081601),
///
///     Delta Q_W^e = (2 sqrt2 / G_F) e^2 eps^V_e eps^A_e / (m^2 + Q^2),
///
/// at E158's Q^2 = 0.026 GeV^2. With this sign the Z boson in this coupling convention at m = m_Z gives
/// the tree-level Q_W^e = -(1 - 4 s_W^2) (checked in the tests). Hati et al. quote |eps^V_e eps^A_e| <
/// 1.1e-7; with this formula that bound corresponds to |Delta Q_W^e| of about 0.09 at 17 MeV, an order
/// of magnitude above E158's total uncertainty on Q_W^e (about 0.007), so that bound presumably uses another
/// normalisation (it equals 1e-8/e^2). ZPrime reports Delta Q_W^e and the product; see
/// docs/observables.md.
public enum MollerScattering {
    /// E158's momentum transfer, GeV^2 (also in the measured-inputs file).
    public static let e158MomentumTransferSquared = 0.026

    /// Delta Q_W^e for electron couplings eps^V_e, eps^A_e (units of e).
    public static func electronWeakChargeShift(electronVector: Double, electronAxial: Double, bosonMass: Double,
                                               momentumTransferSquared: Double = e158MomentumTransferSquared) throws(Problem) -> Double {
        try Validate.finite(electronVector, .field("eps^V_e"))
        try Validate.finite(electronAxial, .field("eps^A_e"))
        try Validate.positive(bosonMass, .mass)
        try Validate.nonNegative(momentumTransferSquared, .field("momentumTransferSquared"))
        let e2 = 4 * Double.pi * PhysicalConstants.alpha
        return 2 * 2.0.squareRoot() / PhysicalConstants.fermiConstant * e2 * electronVector * electronAxial
            / (bosonMass * bosonMass + momentumTransferSquared)
    }

    /// Delta Q_W^e from a coupling table.
    public static func electronWeakChargeShift(couplings: FermionCouplings, bosonMass: Double,
                                               momentumTransferSquared: Double = e158MomentumTransferSquared) throws(Problem) -> Double {
        let c = couplings[.electron]
        return try electronWeakChargeShift(electronVector: c.vector, electronAxial: c.axial, bosonMass: bosonMass,
                                           momentumTransferSquared: momentumTransferSquared)
    }
}
