import Foundation
import Numerics
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeObservables
import ZPrimePoint

/// Neutrino trident production nu_mu N -> nu_mu N mu+ mu- with a Z' of any mass, relative to the
/// Standard Model, for CCFR's beam and target.
///
/// **Method.** The coherent nuclear part in the equivalent-photon approximation (EPA), as used for
/// CCFR by Altmannshofer, Gori, Pospelov, Yavin, Phys. Rev. Lett. 113 (2014) 091801,
/// arXiv:1406.2332:
///
///     sigma(nu N) = (Z^2 alpha/pi) Int ds/s sigma(nu gamma -> nu mu mu)(s) Int_{(s/2E)^2} dq^2/q^2 F^2(q^2),
///
/// with the Helm form factor F (Lewin & Smith, Astropart. Phys. 6 (1996) 87). The nu gamma cross
/// section is taken at leading logarithm: the photon splits into a collinear muon pair
/// (Weizsaecker-Williams muon distribution (alpha/2 pi) [z^2 + (1 - z)^2] ln(Q^2/m_mu^2) at the
/// scale Q^2 of the hard scattering) and the neutrino scatters off one muon, nu mu -> nu mu, with
/// d sigma/dy = (G_F^2 s'/pi) [g_L^2 + g_R^2 (1 - y)^2] for mu- (L <-> R for mu+), s' = z s,
/// Q^2 = y s'. The chiral couplings g_L,R = C_V +- C_A of the SM (C_V = 1/2 + 2 s_W^2, C_A = 1/2:
/// Z and the Fierzed W) are shifted by the Z' with its propagator,
///
///     C_V -> C_V + (g_nu g^V_mu/(sqrt2 G_F)) / (m^2 + Q^2),  C_A -> C_A - (g_nu g^A_mu/(sqrt2 G_F)) / (m^2 + Q^2),
///
/// (g^V, g^A the couplings e eps^V, e eps^A of the muon, g_nu the nu_mu's left-handed coupling), so
/// that a heavy Z' (m^2 >> Q^2) gives the effective-operator ratio of Altmannshofer et al., for
/// L_mu - L_tau [(1 + 4 s_W^2 + 2 v^2 g^2/m^2)^2 + 1]/[(1 + 4 s_W^2)^2 + 1] (v = 246 GeV), exactly,
/// and a light one is suppressed by m^2/(m^2 + Q^2) over the trident's momentum transfers. With
/// CCFR at 95 % CL the heavy limit is m/g > 543 GeV for L_mu - L_tau (Altmannshofer et al. quote
/// about 550 GeV) and m/g > 469 GeV for a Z' coupled with g to the doublet (nu_mu, mu_L) alone:
/// the g_mumu/m < 1/(0.5 TeV) of Greljo's talk (arXiv:2103.13991). The
/// leading-logarithm normalisation cancels in the ratio; the absolute SM cross section
/// (``standardModelCrossSection``) is good to the size of the non-logarithmic terms (tens of %).
/// The diffractive (nucleon) part, about 10 % for iron, is not included; it has the same
/// coupling structure.
///
/// ```swift
/// let point = try ParameterPoint(model: BuiltinModels.model(named: "Lmu-Ltau")!, mass: 1, coupling: 2e-3)
/// let trident = try NeutrinoTrident(point: point)
/// print(try trident.ratioToStandardModel())   // about 1.2
/// ```
public struct NeutrinoTrident: Sendable {
    /// The neutrino beam.
    public struct Beam: Sendable, Hashable {
        /// The neutrino energy, GeV.
        public var energy: Double
        /// The target.
        public var target: BeamTarget
        /// What to cite.
        public var citation: String

        /// CCFR: nu_mu on iron at the mean energy 160 GeV of the Fermilab quad-triplet beam (S. R.
        /// Mishra et al. (CCFR), Phys. Rev. Lett. 66 (1991) 3117).
        public static let ccfr = Beam(energy: 160, target: .iron, citation: "S. R. Mishra et al. (CCFR), Phys. Rev. Lett. 66 (1991) 3117")
    }

    /// The parameter point.
    public let point: ParameterPoint
    /// The beam.
    public let beam: Beam
    /// The Z' mass, GeV.
    public var mass: Double { point.mass }
    /// g_nu g^V_mu and g_nu g^A_mu (GeV^0) at q^2 = 0.
    public let vectorProduct: Double
    /// g_nu g^A_mu.
    public let axialProduct: Double

    /// The SM couplings (C_V, C_A) with the low-energy weak mixing angle (``TridentContact``).
    public static var standardModelCouplings: (vector: Double, axial: Double) {
        (TridentContact.standardVector, TridentContact.standardAxial)
    }

    /// Creates the calculation.
    ///
    /// - Throws: ``Problem`` for a mass that is not finite and > 0, or a beam energy outside 1...10^4 GeV.
    public init(point: ParameterPoint, beam: Beam = .ccfr) throws(Problem) {
        try Validate.positive(point.mass, .mass)
        try Validate.within(beam.energy, 1...10_000, .field("beam energy"))
        self.point = point
        self.beam = beam
        let table = try CouplingCalculator(point: point).table(squaredMomentum: 0)
        let e = PhysicalConstants.elementaryCharge
        let nu = table[.muonNeutrino], mu = table[.muon]
        // Left-handed neutrino coupling: e (eps^V - eps^A) (eps^A = -eps^V for a left-handed Weyl field).
        let gNu = e * (nu.vector.real - nu.axial.real)
        vectorProduct = gNu * e * mu.vector.real
        axialProduct = gNu * e * mu.axial.real
    }

    /// The shifts (Delta C_V, Delta C_A) at Q^2 = 0 in the normalisation of C_V, C_A.
    public var contactShifts: (vector: Double, axial: Double) {
        let scale = 1 / (2.0.squareRoot() * PhysicalConstants.fermiConstant * mass * mass)
        return (vectorProduct * scale, -axialProduct * scale)
    }

    /// Composite Gauss-Legendre nodes (x, w) on [a, b]: `panels` panels of 8 points.
    static func nodes(_ a: Double, _ b: Double, panels: Int) -> [(x: Double, w: Double)] {
        var out: [(x: Double, w: Double)] = []
        for p in 0..<panels {
            let lo = a + (b - a) * Double(p) / Double(panels), hi = a + (b - a) * Double(p + 1) / Double(panels)
            for (z, w) in NA64muCalculator.legendre8 { out.append((0.5 * (lo + hi) + 0.5 * (hi - lo) * z, 0.5 * (hi - lo) * w)) }
        }
        return out
    }

    /// sigma(nu gamma -> nu mu mu)(s) at leading logarithm, GeV^-2, with the couplings shifted by
    /// `shifts` times m^2/(m^2 + Q^2) (zero shifts: the SM):
    ///
    ///     sigma = sum_{mu-, mu+} Int dz [z^2 + (1 - z)^2] Int_{m_mu^2}^{z s} dQ^2 (alpha/2 pi) ln(Q^2/m_mu^2) d sigma(nu mu -> nu mu)/dQ^2,
    ///
    /// the muon density of the photon evaluated at the scale Q^2 of the neutrino scattering (zero
    /// below m_mu^2, where the collinear picture does not apply). Fixed Gauss-Legendre rules: 4 x 8
    /// nodes in z, 4 x 8 in ln Q^2 (1e-6 of the adaptive result, tested).
    func photonCrossSection(s: Double, shifts: (vector: Double, axial: Double)) -> Double {
        let m = PhysicalConstants.muonMass, m2mu = m * m
        guard s > 4 * m2mu else { return 0 }
        let (cv, ca) = Self.standardModelCouplings
        let gL = cv + ca, gR = cv - ca
        let dL = shifts.vector + shifts.axial, dR = shifts.vector - shifts.axial
        let mz2 = mass * mass
        var total = 0.0
        for zn in Self.nodes(m2mu / s, 1, panels: 4) {
            let z = zn.x, sPrime = z * s
            guard sPrime > m2mu else { continue }
            var q2Integral = 0.0
            for qn in Self.nodes(Foundation.log(m2mu), Foundation.log(sPrime), panels: 4) {
                let q2 = Foundation.exp(qn.x)
                let f = mz2 / (mz2 + q2)
                let l = gL + dL * f, r = gR + dR * f
                let w = 1 - q2 / sPrime
                q2Integral += qn.w * q2 * Foundation.log(q2 / m2mu) * ((l * l + r * r * w * w) + (r * r + l * l * w * w))
            }
            total += zn.w * (z * z + (1 - z) * (1 - z)) * q2Integral
        }
        let gf = PhysicalConstants.fermiConstant, alpha = PhysicalConstants.alpha
        // d sigma/dQ^2 = (G_F^2/pi) [g_L'^2 + g_R'^2 (1 - y)^2] with g' = (C_V +- C_A)/2: the 1/4.
        return alpha / (2 * Double.pi) * gf * gf / Double.pi * 0.25 * total
    }

    /// Int_{q2min} dq^2/q^2 F^2(q^2) for the beam's target (Helm form factor), up to q = 1 GeV.
    func photonFlux(minimumSquaredTransfer q2min: Double) -> Double {
        guard q2min < 1 else { return 0 }
        let a = Int(beam.target.atomicWeight.rounded())
        return GaussKronrod.integrate(from: Foundation.log(q2min), to: 0, relativeTolerance: 1e-9) { y in
            let f = CoherentNeutrinoNucleusScattering.helmFormFactor(momentumTransfer: Foundation.exp(0.5 * y), massNumber: a)
            return f * f
        }.value
    }

    /// The s nodes (ln s, weight x photon flux) of the EPA integral, computed once.
    var fluxNodes: [(s: Double, weight: Double)] {
        let m = PhysicalConstants.muonMass
        let e = beam.energy
        return Self.nodes(Foundation.log(4 * m * m), Foundation.log(2 * e), panels: 8).map { node in
            let s = Foundation.exp(node.x)
            let q = s / (2 * e)
            return (s, node.w * photonFlux(minimumSquaredTransfer: q * q))
        }
    }

    /// The coherent cross section sigma(nu_mu N -> nu_mu N mu mu), cm^2, with the Z' (or without,
    /// `standardModel`), on precomputed flux nodes.
    func nuclearCrossSection(standardModel: Bool, fluxNodes: [(s: Double, weight: Double)]) -> Double {
        let z = Double(beam.target.atomicNumber)
        let shifts = standardModel ? (vector: 0.0, axial: 0.0) : contactShifts
        var integral = 0.0
        for node in fluxNodes where node.weight > 0 { integral += node.weight * photonCrossSection(s: node.s, shifts: shifts) }
        return z * z * PhysicalConstants.alpha / Double.pi * integral * PhysicalConstants.gevMinus2InSquareCentimetres
    }

    /// The SM coherent trident cross section on the beam's target, cm^2 (leading logarithm).
    public func standardModelCrossSection() -> Double { nuclearCrossSection(standardModel: true, fluxNodes: fluxNodes) }

    /// sigma/sigma_SM.
    ///
    /// - Throws: ``Problem`` when the result is not finite.
    public func ratioToStandardModel() throws(Problem) -> Double {
        if vectorProduct == 0 && axialProduct == 0 { return 1 }
        let nodes = fluxNodes
        let ratio = nuclearCrossSection(standardModel: false, fluxNodes: nodes) / nuclearCrossSection(standardModel: true, fluxNodes: nodes)
        try Validate.result(ratio, .coupling, "the trident ratio")
        return ratio
    }

    /// The heavy-Z' (contact) ratio [(C_V + dC_V)^2 + (C_A + dC_A)^2]/(C_V^2 + C_A^2).
    public var contactRatio: Double {
        TridentContact.ratio(vectorShift: contactShifts.vector, axialShift: contactShifts.axial)
    }
}

/// The CCFR measurement sigma/sigma_SM = 0.82 +- 0.28 of nu_mu Fe -> nu_mu Fe mu+ mu- (S. R. Mishra et
/// al. (CCFR), Phys. Rev. Lett. 66 (1991) 3117; as used by Altmannshofer et al., arXiv:1406.2332) as a
/// constraint: a point is excluded at 95 % CL when its ratio lies outside 0.82 +- 1.96 x 0.28.
public struct CCFRTridentConstraint: ProbeConstraint {
    /// The measured ratio.
    public static let measured = 0.82
    /// Its uncertainty.
    public static let uncertainty = 0.28
    /// Standard deviations of the 95 % CL interval.
    public static let sigmas = 1.96

    public let info = ProbeConstraintInfo(
        name: "CCFR_trident", experiment: "CCFR", year: 1991, category: "neutrino trident",
        channel: "nu_mu Fe -> nu_mu Fe mu+ mu- (coherent, EPA)", massRange: 1e-4...1e3,
        citation: "S. R. Mishra et al. (CCFR), Phys. Rev. Lett. 66 (1991) 3117; method: W. Altmannshofer, S. Gori, M. Pospelov, I. Yavin, Phys. Rev. Lett. 113 (2014) 091801",
        arXiv: "1406.2332", confidenceLevel: 0.95, summary: "trident cross section relative to the SM, 0.82 +- 0.28")

    /// Creates the constraint.
    public init() {}

    public func evaluate(_ point: ParameterPoint) throws(Problem) -> ProbeConstraintResult {
        guard info.massRange.contains(point.mass) else { return ProbeConstraintResult(verdict: .outsideMassRange, ratio: nil, details: [:], problems: []) }
        let trident = try NeutrinoTrident(point: point)
        if trident.vectorProduct == 0 && trident.axialProduct == 0 {
            return ProbeConstraintResult(verdict: .notApplicable, ratio: nil, details: [:],
                                         problems: [.note(.ignored, .model, "no Z' coupling to both nu_mu and the muon: no trident signal")])
        }
        let r = try trident.ratioToStandardModel()
        let upper = Self.measured + Self.sigmas * Self.uncertainty, lower = Self.measured - Self.sigmas * Self.uncertainty
        let signal = r >= 1 ? r / upper : lower / r
        return ProbeConstraintResult(verdict: signal > 1 ? .excluded : .allowed, ratio: signal,
                                     details: ["ratio_to_sm": r, "upper_bound": upper, "lower_bound": lower], problems: [])
    }

    public func excludedCouplings(for point: ParameterPoint, mass: Double) throws(Problem) -> [ClosedRange<Double>] {
        let base = try point.withMass(mass)
        return try CouplingIntervals.solve(range: 1e-6...3) { g in
            guard let p = try? base.withModelCoupling(g), let r = try? evaluate(p), let ratio = r.ratio else { return -1 }
            return Foundation.log(ratio)
        }
    }
}
