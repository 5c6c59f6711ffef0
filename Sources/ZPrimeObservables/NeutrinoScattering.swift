import RealModule
import ZPrimeCore
import ZPrimeCouplings

/// The neutrino flavours of scattering experiments.
public enum NeutrinoFlavour: String, CaseIterable, Sendable, Hashable {
    /// The electron neutrino (charged current contributes to nu_e-e scattering).
    case electron = "nu_e"
    /// The muon neutrino.
    case muon = "nu_mu"
    /// The tau neutrino.
    case tau = "nu_tau"

    /// The flavour for a user-typed name (`e`, `nu_e`, `mu`, `nu_mu`, `tau`, `nu_tau`).
    public init?(name: String) {
        switch name.lowercased() {
        case "e", "nu_e", "nue": self = .electron
        case "mu", "nu_mu", "numu": self = .muon
        case "tau", "nu_tau", "nutau": self = .tau
        default: return nil
        }
    }

    /// The matching coupling-table entry.
    public var couplingTarget: CouplingTarget {
        switch self {
        case .electron: return .electronNeutrino
        case .muon: return .muonNeutrino
        case .tau: return .tauNeutrino
        }
    }

    /// The absolute coupling g_nu of the boson to the left-handed neutrino, e (eps^V - eps^A)
    /// (e nubar gamma^mu (eps^V + gamma^5 eps^A) nu acting on nu_L = P_L nu).
    public func leftHandedCoupling(_ couplings: FermionCouplings) -> Double {
        let c = couplings[couplingTarget]
        return PhysicalConstants.elementaryCharge * (c.vector - c.axial)
    }
}

/// Elastic neutrino-electron scattering (TEXONO, CHARM-II, Borexino) with a light vector boson
/// (Vogel, Engel, Phys. Rev. D 39 (1989) 3378; with a light vector: Amaral, Cerdeno, Foldenauer, Reid,
/// JHEP 12 (2020) 155, arXiv:2006.11225):
///
///     dsigma/dT = (2 G_F^2 m_e / pi) [g_L^2 + g_R^2 (1 - T/E)^2 - g_L g_R m_e T / E^2],
///
/// SM g_L = -1/2 + s_W^2 (+1 for nu_e: charged current), g_R = s_W^2 at low energy
/// (`PhysicalConstants.sin2ThetaWLowEnergy`), and the boson adds, from t-channel exchange at
/// q^2 = -2 m_e T,
///
///     g_L -> g_L + g_nu g_eL / (2 sqrt2 G_F (2 m_e T + m^2)),   g_R -> g_R + g_nu g_eR / (...),
///
/// with g_nu = e (eps^V_nu - eps^A_nu), g_eL = e (eps^V_e - eps^A_e), g_eR = e (eps^V_e + eps^A_e)
/// (absolute chiral couplings). For a purely vector electron coupling this is
/// g_nu g^V_e; expanded, it reproduces the interference and quadratic terms of Amaral et al. exactly.
/// Antineutrinos: g_L and g_R (with their shifts) swap. Radiative corrections to the SM couplings
/// are not included. Cross sections in natural units (GeV^-3 for dsigma/dT, GeV^-2 for sigma;
/// `PhysicalConstants.gevMinus2InSquareCentimetres` converts).
public enum NeutrinoElectronScattering {
    /// The effective chiral couplings (g_L, g_R) at recoil energy T (GeV), including the boson.
    public static func effectiveCouplings(flavour: NeutrinoFlavour, antineutrino: Bool, recoilEnergy: Double,
                                          couplings: FermionCouplings, bosonMass: Double) throws(Problem) -> (left: Double, right: Double) {
        try Validate.nonNegative(recoilEnergy, .recoilEnergy)
        try Validate.positive(bosonMass, .mass)
        let e = PhysicalConstants.elementaryCharge
        let electron = couplings[.electron]
        try Validate.finite(electron.vector, .field("eps^V_e"))
        try Validate.finite(electron.axial, .field("eps^A_e"))
        let gNu = flavour.leftHandedCoupling(couplings)
        try Validate.finite(gNu, .field("g_\(flavour.rawValue)"))
        var (left, right) = standardModelCouplings(flavour)
        let propagator = 2 * 2.0.squareRoot() * PhysicalConstants.fermiConstant
            * (2 * PhysicalConstants.electronMass * recoilEnergy + bosonMass * bosonMass)
        left += gNu * e * (electron.vector - electron.axial) / propagator
        right += gNu * e * (electron.vector + electron.axial) / propagator
        return antineutrino ? (right, left) : (left, right)
    }

    /// The largest recoil energy, T_max = 2E^2/(m_e + 2E).
    public static func maximumRecoil(neutrinoEnergy: Double) -> Double {
        2 * neutrinoEnergy * neutrinoEnergy / (PhysicalConstants.electronMass + 2 * neutrinoEnergy)
    }

    /// dsigma/dT in GeV^-3 at neutrino energy E and electron recoil T (GeV).
    ///
    /// - Throws: ``Problem`` for bad inputs or T outside [0, T_max].
    public static func differentialCrossSection(flavour: NeutrinoFlavour, antineutrino: Bool = false, neutrinoEnergy: Double,
                                                recoilEnergy: Double, couplings: FermionCouplings, bosonMass: Double) throws(Problem) -> Double {
        try Validate.positive(neutrinoEnergy, .neutrinoEnergy)
        let tMax = maximumRecoil(neutrinoEnergy: neutrinoEnergy)
        guard recoilEnergy <= tMax else {
            throw Problem.invalid(.recoilEnergy, text: "\(recoilEnergy)", "above the kinematic limit T_max = 2E^2/(m_e + 2E) = \(tMax) GeV")
        }
        let (gL, gR) = try effectiveCouplings(flavour: flavour, antineutrino: antineutrino, recoilEnergy: recoilEnergy,
                                              couplings: couplings, bosonMass: bosonMass)
        let y = 1 - recoilEnergy / neutrinoEnergy
        let me = PhysicalConstants.electronMass
        let gF = PhysicalConstants.fermiConstant
        return 2 * gF * gF * me / Double.pi
            * (gL * gL + gR * gR * y * y - gL * gR * me * recoilEnergy / (neutrinoEnergy * neutrinoEnergy))
    }

    /// sigma (GeV^-2) integrated over recoil energies [minimumRecoil, min(maximumRecoil, T_max)] by
    /// adaptive Gauss-Kronrod (relative tolerance 1e-10; the 1/(2 m_e T + m^2) structure is resolved
    /// with a break point at T = m^2/(2 m_e)).
    public static func crossSection(flavour: NeutrinoFlavour, antineutrino: Bool = false, neutrinoEnergy: Double,
                                    minimumRecoil: Double = 0, maximumRecoil: Double? = nil,
                                    couplings: FermionCouplings, bosonMass: Double) throws(Problem) -> Double {
        try Validate.positive(neutrinoEnergy, .neutrinoEnergy)
        try Validate.nonNegative(minimumRecoil, .recoilEnergy)
        let upper = min(maximumRecoil ?? .infinity, Self.maximumRecoil(neutrinoEnergy: neutrinoEnergy))
        guard minimumRecoil < upper else { return 0 }
        _ = try effectiveCouplings(flavour: flavour, antineutrino: antineutrino, recoilEnergy: minimumRecoil, couplings: couplings, bosonMass: bosonMass)
        let knee = bosonMass * bosonMass / (2 * PhysicalConstants.electronMass)
        let result = GaussKronrod.integrate(from: minimumRecoil, to: upper, breakpoints: [knee, 10 * knee, 0.1 * knee],
                                            relativeTolerance: 1e-10) { t in
            (try? differentialCrossSection(flavour: flavour, antineutrino: antineutrino, neutrinoEnergy: neutrinoEnergy,
                                           recoilEnergy: min(t, upper), couplings: couplings, bosonMass: bosonMass)) ?? .nan
        }
        return result.value
    }
}

/// Coherent elastic neutrino-nucleus scattering (COHERENT, ESS, CCM; Freedman, Phys. Rev. D 9 (1974) 1389):
///
///     dsigma/dT = (G_F^2 M / (4 pi)) Q^2 (1 - M T / (2 E^2)) F^2(q),   q^2 = 2 M T,
///     Q = Q_W - sqrt2 g_nu (Z g_p + N g_n) / (G_F (2 M T + m^2)),   Q_W = N - (1 - 4 s_W^2) Z,
///
/// with g_nu = e (eps^V_nu - eps^A_nu), g_p = e eps^V_p, g_n = e eps^V_n (vector couplings; the
/// axial nuclear response is spin dependent and not coherent). **Note**: a form often quoted has the
/// shift -g_nu (Z g_p + N g_n)/(sqrt2 G_F (...)), half of the above. The factor follows from
/// matching the t-channel exchange to the SM four-fermion operator (the SM vector part is
/// (G_F/sqrt2) Q_W [nubar_L gamma nu_L][nuclear current]); it agrees with the cross section of Amaral et al. (arXiv:2006.11225), whose
/// interference term g_x eps_x e Z Q_nu Q_W/(sqrt2 G_F (...)) in {Q_W^2/4 + ...} and quadratic term
/// g^2 eps^2 e^2 Z^2/(2 G_F^2 (...)^2) both correspond to sqrt2 g_nu g_p Z/(G_F (...)), and a check
/// with the Z boson itself as the "new" boson doubles Q_W exactly (tests). The same holds for
/// antineutrinos. F(q) is the Helm form factor of Lewin & Smith (Astropart. Phys. 6 (1996) 87).
public enum CoherentNeutrinoNucleusScattering {
    /// A target nucleus.
    public struct Nucleus: Sendable, Hashable {
        /// A label, e.g. `133Cs`.
        public var name: String
        /// Z.
        public var protons: Int
        /// N.
        public var neutrons: Int
        /// The nuclear mass in GeV.
        public var mass: Double

        /// Creates a nucleus.
        public init(name: String, protons: Int, neutrons: Int, mass: Double) {
            self.name = name
            self.protons = protons
            self.neutrons = neutrons
            self.mass = mass
        }

        /// A nucleus from its atomic mass in u (electron masses subtracted; binding of the electrons,
        /// below 1e-6 relative, neglected).
        public static func fromAtomicMass(_ name: String, protons: Int, neutrons: Int, atomicMassU: Double) -> Nucleus {
            Nucleus(name: name, protons: protons, neutrons: neutrons,
                    mass: atomicMassU * PhysicalConstants.atomicMassUnit - Double(protons) * PhysicalConstants.electronMass)
        }

        /// 133Cs (CsI detectors: COHERENT).
        public static let cesium133 = fromAtomicMass("133Cs", protons: 55, neutrons: 78, atomicMassU: PhysicalConstants.cesium133AtomicMassU)
        /// 127I.
        public static let iodine127 = fromAtomicMass("127I", protons: 53, neutrons: 74, atomicMassU: PhysicalConstants.iodine127AtomicMassU)
        /// 40Ar (CENNS, CCM).
        public static let argon40 = fromAtomicMass("40Ar", protons: 18, neutrons: 22, atomicMassU: PhysicalConstants.argon40AtomicMassU)
        /// 132Xe (DARWIN-like detectors).
        public static let xenon132 = fromAtomicMass("132Xe", protons: 54, neutrons: 78, atomicMassU: PhysicalConstants.xenon132AtomicMassU)

        /// The mass number A.
        public var massNumber: Int { protons + neutrons }

        /// The tree-level SM weak charge N - (1 - 4 s_W^2) Z with the low-energy s_W^2.
        public var standardModelWeakCharge: Double {
            Double(neutrons) - (1 - 4 * PhysicalConstants.sin2ThetaWLowEnergy) * Double(protons)
        }
    }

    /// The Helm form factor F(q) = 3 j_1(q r_n)/(q r_n) exp(-(q s)^2/2), r_n^2 = c^2 + (7/3) pi^2 a^2 - 5 s^2,
    /// c = 1.23 A^(1/3) - 0.60 fm, a = 0.52 fm, s = 0.9 fm (Lewin & Smith 1996). q in GeV.
    public static func helmFormFactor(momentumTransfer q: Double, massNumber: Int) -> Double {
        let hbarCFm = PhysicalConstants.hbarCGeVMetres * 1e15     // GeV fm
        let c: Double = PhysicalConstants.helmCSlopeFm * Double.pow(Double(massNumber), 1.0 / 3.0) + PhysicalConstants.helmCOffsetFm
        let a: Double = PhysicalConstants.helmAFm, s: Double = PhysicalConstants.helmSkinThicknessFm
        let surface: Double = 7.0 / 3.0 * Double.pi * Double.pi * a * a
        let rn: Double = (c * c + surface - 5 * s * s).squareRoot()
        let qr = q * rn / hbarCFm
        let qs = q * s / hbarCFm
        let shape = qr < 1e-8 ? 1 : 3 * SpecialFunctions.sphericalBesselJ1(qr) / qr
        return shape * Double.exp(-0.5 * qs * qs)
    }

    /// The effective weak charge Q at recoil T (GeV), including the boson.
    public static func effectiveWeakCharge(flavour: NeutrinoFlavour, nucleus: Nucleus, recoilEnergy: Double,
                                           couplings: FermionCouplings, bosonMass: Double) throws(Problem) -> Double {
        try Validate.nonNegative(recoilEnergy, .recoilEnergy)
        try Validate.positive(bosonMass, .mass)
        let e = PhysicalConstants.elementaryCharge
        let nucleons = NucleonCouplings(couplings)
        try Validate.finite(nucleons.proton, .field("eps_p"))
        try Validate.finite(nucleons.neutron, .field("eps_n"))
        let gNu = flavour.leftHandedCoupling(couplings)
        try Validate.finite(gNu, .field("g_\(flavour.rawValue)"))
        let nuclear = e * (Double(nucleus.protons) * nucleons.proton + Double(nucleus.neutrons) * nucleons.neutron)
        let propagator = PhysicalConstants.fermiConstant * (2 * nucleus.mass * recoilEnergy + bosonMass * bosonMass)
        return nucleus.standardModelWeakCharge - 2.0.squareRoot() * gNu * nuclear / propagator
    }

    /// The largest nuclear recoil, T_max = 2E^2/(M + 2E).
    public static func maximumRecoil(neutrinoEnergy: Double, nucleus: Nucleus) -> Double {
        2 * neutrinoEnergy * neutrinoEnergy / (nucleus.mass + 2 * neutrinoEnergy)
    }

    /// dsigma/dT in GeV^-3 (the same for antineutrinos).
    ///
    /// - Parameter formFactor: include the Helm form factor (default); `false` sets F = 1.
    public static func differentialCrossSection(flavour: NeutrinoFlavour, neutrinoEnergy: Double, recoilEnergy: Double,
                                                nucleus: Nucleus, couplings: FermionCouplings, bosonMass: Double,
                                                formFactor: Bool = true) throws(Problem) -> Double {
        try Validate.positive(neutrinoEnergy, .neutrinoEnergy)
        let tMax = maximumRecoil(neutrinoEnergy: neutrinoEnergy, nucleus: nucleus)
        guard recoilEnergy <= tMax else {
            throw Problem.invalid(.recoilEnergy, text: "\(recoilEnergy)", "above the kinematic limit T_max = 2E^2/(M + 2E) = \(tMax) GeV")
        }
        let charge = try effectiveWeakCharge(flavour: flavour, nucleus: nucleus, recoilEnergy: recoilEnergy, couplings: couplings, bosonMass: bosonMass)
        let kinematic = max(0, 1 - nucleus.mass * recoilEnergy / (2 * neutrinoEnergy * neutrinoEnergy))
        let f = formFactor ? helmFormFactor(momentumTransfer: (2 * nucleus.mass * recoilEnergy).squareRoot(), massNumber: nucleus.massNumber) : 1
        let gF = PhysicalConstants.fermiConstant
        return gF * gF * nucleus.mass / (4 * Double.pi) * charge * charge * kinematic * f * f
    }
}
