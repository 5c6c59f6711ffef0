import ZPrimeCore
import ZPrimeCouplings

/// The X17 interpretation of the ATOMKI nuclear-transition anomalies (Feng et al., Phys. Rev. Lett. 117 (2016) 071803;
/// Hati et al., JHEP 07 (2020) 235): the rate of a nuclear transition emitting a vector boson X of mass m_X relative to the
/// photon rate of the same transition.
///
/// For a vector X coupling to nucleons with eps_p, eps_n (units of e) the magnetic (M1) nuclear
/// matrix elements cancel in the ratio (Feng et al., PRL 117 (2016) 071803; PRD 95 (2017) 035017):
///
///     Gamma(N* -> N X) / Gamma(N* -> N gamma) = C^2 [1 - (m_X/E)^2]^(3/2)
///
/// with E the transition energy and C the nucleon-coupling combination of the transition:
/// - 8Be(18.15), 1+ T=0 -> 0+ T=0, isospin conserved: C = eps_p + eps_n (Hati et al.);
/// - 8Be(18.15) with isospin mixing **as Hati et al. state it**: C = 0.05 (eps_p + eps_n) +
///   0.95 (eps_p - eps_n) (their coefficients, not re-derived);
/// - 8Be(17.64), 1+ T=1 -> 0+ T=0, isospin conserved: C = eps_p - eps_n (an isovector transition;
///   ZPrime's own statement of the same structure; Hati et al. give only the 18.15 MeV formula);
/// - 4He(21.01), 0- T=0 -> 0+ T=0: ZPrime gives the same isoscalar form C = eps_p + eps_n with
///   E = 21.01 MeV as a **kinematic analogue only**. A 0- -> 0+ transition has no single-photon rate to
///   normalise to, and for a pure vector X parity and angular momentum forbid it (Feng, Tait,
///   Verhaaren, arXiv:2006.01151, treat 4He with a nuclear EFT instead); the number shows the m_X dependence
///   and the coupling scaling, not an absolute rate. ATOMKI quote a width, 3.9e-5 eV, not a ratio.
///
/// The factor [1 - (m_X/E)^2]^(3/2) is evaluated as [(1 - m_X/E)(1 + m_X/E)]^(3/2) (no cancellation
/// next to the endpoint) and is zero at and above it.
public enum X17 {
    /// A nuclear transition of the ATOMKI measurements.
    public enum Transition: String, CaseIterable, Sendable, Hashable {
        /// 8Be*(18.15 MeV, 1+, T=0) -> 8Be(0+): the anomalous line.
        case beryllium18 = "8Be(18.15)"
        /// 8Be*'(17.64 MeV, 1+, T=1) -> 8Be(0+): no anomaly seen.
        case beryllium17 = "8Be(17.64)"
        /// 4He*(21.01 MeV, 0-) -> 4He(0+).
        case helium21 = "4He(21.01)"

        /// The transition energy in MeV (`PhysicalConstants`, nuclear data tables).
        public var energyMeV: Double {
            switch self {
            case .beryllium18: return PhysicalConstants.beryllium8IsoscalarLevelMeV
            case .beryllium17: return PhysicalConstants.beryllium8IsovectorLevelMeV
            case .helium21: return PhysicalConstants.helium4PseudoscalarLevelMeV
            }
        }
    }

    /// How isospin enters the rate.
    public enum IsospinTreatment: String, CaseIterable, Sendable, Hashable {
        /// Pure isospin states: eps_p + eps_n (isoscalar) or eps_p - eps_n (isovector).
        case conserving
        /// The isospin-mixed 8Be(18.15) form of Hati et al., |0.05 (eps_p + eps_n) + 0.95 (eps_p - eps_n)|^2.
        case isospinMixed = "isospin-mixed"
    }

    /// [1 - (m_X/E)^2]^(3/2), the p-wave phase space of a vector emitted in an M1 transition relative
    /// to the photon's (k_X/k_gamma)^3; zero for m_X >= E.
    public static func phaseSpace(bosonMass: Double, transition: Transition) -> Double {
        let ratio = bosonMass * 1000 / transition.energyMeV
        guard ratio < 1 else { return 0 }
        let base = (1 - ratio) * (1 + ratio)
        return base * base.squareRoot()
    }

    /// Gamma(N* -> N X)/Gamma(N* -> N gamma) for a vector X of mass `bosonMass` (GeV) with nucleon
    /// couplings eps_p, eps_n (units of e). The decay X -> e+e- is not included (multiply by
    /// BR(X -> e+e-) to compare with the ATOMKI ratio).
    ///
    /// - Throws: ``Problem`` for a non-positive or non-finite mass, non-finite couplings, or
    ///   the isospin-mixed form on a transition it does not exist for (17.64 MeV, 4He).
    public static func rateRatio(_ transition: Transition, bosonMass: Double, nucleons: NucleonCouplings,
                                 isospin: IsospinTreatment = .conserving) throws(Problem) -> Double {
        try Validate.positive(bosonMass, .mass)
        try Validate.finite(nucleons.proton, .field("eps_p"))
        try Validate.finite(nucleons.neutron, .field("eps_n"))
        let sum = nucleons.proton + nucleons.neutron
        let difference = nucleons.proton - nucleons.neutron
        let combination: Double
        switch (transition, isospin) {
        case (.beryllium18, .conserving), (.helium21, .conserving): combination = sum
        case (.beryllium17, .conserving): combination = difference
        case (.beryllium18, .isospinMixed): combination = 0.05 * sum + 0.95 * difference
        case (.beryllium17, .isospinMixed), (.helium21, .isospinMixed):
            throw Problem.invalid(.field("isospin"), text: isospin.rawValue,
                                  "the isospin-mixed form of Hati et al. (JHEP 07 (2020) 235) exists only for 8Be(18.15); use 'conserving' for \(transition.rawValue)",
                                  kind: .unsupportedModel)
        }
        return combination * combination * phaseSpace(bosonMass: bosonMass, transition: transition)
    }

    /// The |eps_p + eps_n| that gives the 8Be(18.15) ratio `ratio` (isospin conserved) for a boson of
    /// mass `bosonMass` decaying to e+e- with branching ratio `electronBranchingRatio`:
    /// sqrt(ratio / (BR phase space)). About 0.012 for 6e-6 at 17.01 MeV and BR = 1.
    ///
    /// - Throws: ``Problem`` for bad inputs or a mass at or above 18.15 MeV.
    public static func requiredIsoscalarCoupling(ratio: Double, bosonMass: Double, electronBranchingRatio: Double = 1) throws(Problem) -> Double {
        try Validate.nonNegative(ratio, .field("ratio"))
        try Validate.positive(bosonMass, .mass)
        guard electronBranchingRatio > 0, electronBranchingRatio <= 1 else {
            throw Problem.invalid(.field("electronBranchingRatio"), text: "\(electronBranchingRatio)", "must be in (0, 1]")
        }
        let phase = phaseSpace(bosonMass: bosonMass, transition: .beryllium18)
        guard phase > 0 else {
            throw Problem.invalid(.mass, text: "\(bosonMass)", "at or above the 8Be(18.15 MeV) transition energy: no X can be emitted")
        }
        return (ratio / (electronBranchingRatio * phase)).squareRoot()
    }

    /// The range of the overall coupling scale s (couplings s * nucleons) that reproduces the measured
    /// 8Be(18.15) ratio within n sigma, for the isospin treatment given (the "coupling region a model
    /// needs"). See ``CouplingBand``.
    public static func couplingRegion(nucleons: NucleonCouplings, bosonMass: Double, measurement: Measurement,
                                      sigmas: Double, electronBranchingRatio: Double = 1,
                                      isospin: IsospinTreatment = .conserving) throws(Problem) -> CouplingBand {
        guard electronBranchingRatio > 0, electronBranchingRatio <= 1 else {
            throw Problem.invalid(.field("electronBranchingRatio"), text: "\(electronBranchingRatio)", "must be in (0, 1]")
        }
        let unit = try rateRatio(.beryllium18, bosonMass: bosonMass, nucleons: nucleons, isospin: isospin) * electronBranchingRatio
        return try CouplingBand(valueAtUnitScale: unit, measured: measurement.value, uncertainty: measurement.uncertainty, sigmas: sigmas)
    }
}
