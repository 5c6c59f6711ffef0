import Foundation
import ZPrimeCore
import ZPrimePoint

/// The NA64mu missing-energy search as a constraint: excluded when the expected signal
/// MOT x efficiency x (invisible + escaping visible yield) exceeds the excluded number of events
/// (2.3: no event, no background, 90 % CL), for a setup (by default the published 2022 run,
/// Andreev et al., Phys. Rev. Lett. 132 (2024) 211803, arXiv:2401.01708, with the assumptions of
/// ``NA64muSetup``). Its excluded couplings are the expected exclusion of that exposure with unit
/// efficiency: weaker published limits (efficiencies below 1) sit above them by 1/sqrt(efficiency).
public struct NA64muConstraint: ProbeConstraint {
    /// The setup.
    public let setup: NA64muSetup
    public let info: ProbeConstraintInfo

    /// Creates the constraint for `setup`.
    public init(setup: NA64muSetup = .run2022) {
        self.setup = setup
        info = ProbeConstraintInfo(
            name: setup == .run2022 ? "NA64mu_2024" : "NA64mu_" + setup.name.replacingOccurrences(of: " ", with: "_"),
            experiment: "NA64mu", year: setup == .run2022 ? 2024 : 2021, category: "invisible",
            channel: "mu N -> mu N Z', Z' -> invisible or decaying beyond \(setup.detectorLengthMetres) m",
            massRange: 1e-4...min(10, setup.beamEnergy / 2), citation: setup.citation,
            arXiv: setup == .run2022 ? "2401.01708" : nil, confidenceLevel: 0.9,
            summary: "\(setup.muonsOnTarget) muons of \(setup.beamEnergy) GeV, outgoing muon \(setup.signalWindow.lowerBound)-\(setup.signalWindow.upperBound) GeV, < \(setup.excludedEvents) events")
    }

    public func evaluate(_ point: ParameterPoint) throws(Problem) -> ProbeConstraintResult {
        guard info.massRange.contains(point.mass) else { return ProbeConstraintResult(verdict: .outsideMassRange, ratio: nil, details: [:], problems: []) }
        let y = try NA64muCalculator(point: point, setup: setup).yield()
        if y.muonVectorSquared == 0 && y.muonAxialSquared == 0 {
            return ProbeConstraintResult(verdict: .notApplicable, ratio: nil, details: [:], problems: [.note(.ignored, .model, "no Z' coupling to the muon")])
        }
        let ratio = y.expectedEvents / setup.excludedEvents
        return ProbeConstraintResult(verdict: ratio > 1 ? .excluded : .allowed, ratio: ratio,
                                     details: ["expected_events": y.expectedEvents, "yield_per_mot": y.yieldPerMOT,
                                               "signal_yield_per_mot": y.signalYieldPerMOT], problems: y.problems)
    }

    public func excludedCouplings(for point: ParameterPoint, mass: Double) throws(Problem) -> [ClosedRange<Double>] {
        try NA64muCalculator(point: try point.withMass(mass), setup: setup).excludedCouplings(mass: mass)
    }
}

/// A measured N_eff as a constraint: excluded when the model's N_eff lies outside the interval at the
/// stated confidence level.
///
/// - ``planck2018``: N_eff = 2.99 +0.34 -0.33 at 95 % CL (Planck TT,TE,EE+lowE+lensing+BAO; Planck
///   Collaboration, Astron. Astrophys. 641 (2020) A6, arXiv:1807.06209, eq. 67b).
/// - ``bbn2020``: N_nu = 2.86 +- 0.15 at 68 % CL from BBN with the Planck baryon density (B. D.
///   Fields, K. A. Olive, T.-H. Yeh, C. Young, JCAP 03 (2020) 010, arXiv:1912.01132), taken at
///   1.96 sigma for 95 %.
/// Above the interval a light Z' that heats the neutrinos is excluded; a larger N_eff within it is
/// the direction that eases the H0 tension (Escudero et al., arXiv:1901.02010).
public struct EffectiveNeutrinoNumberConstraint: ProbeConstraint {
    /// The allowed N_eff interval.
    public let allowed: ClosedRange<Double>
    public let info: ProbeConstraintInfo

    /// Planck 2018.
    public static let planck2018 = EffectiveNeutrinoNumberConstraint(
        allowed: 2.66...3.33,
        info: ProbeConstraintInfo(name: "Neff_Planck2018", experiment: "Planck", year: 2018, category: "cosmology",
                                  channel: "N_eff from the CMB", massRange: EffectiveNeutrinoNumber.massRange,
                                  citation: "Planck Collaboration, Astron. Astrophys. 641 (2020) A6", arXiv: "1807.06209", confidenceLevel: 0.95,
                                  summary: "N_eff = 2.99 +0.34 -0.33 (95 %)"))
    /// BBN 2020.
    public static let bbn2020 = EffectiveNeutrinoNumberConstraint(
        allowed: (2.86 - 1.96 * 0.15)...(2.86 + 1.96 * 0.15),
        info: ProbeConstraintInfo(name: "Neff_BBN2020", experiment: "BBN (Yp, D/H) + Planck baryon density", year: 2020, category: "cosmology",
                                  channel: "N_eff at nucleosynthesis", massRange: EffectiveNeutrinoNumber.massRange,
                                  citation: "B. D. Fields, K. A. Olive, T.-H. Yeh, C. Young, JCAP 03 (2020) 010", arXiv: "1912.01132", confidenceLevel: 0.95,
                                  summary: "N_nu = 2.86 +- 0.15 (68 %), 1.96 sigma"))

    /// Creates a constraint.
    public init(allowed: ClosedRange<Double>, info: ProbeConstraintInfo) {
        self.allowed = allowed
        self.info = info
    }

    public func evaluate(_ point: ParameterPoint) throws(Problem) -> ProbeConstraintResult {
        guard info.massRange.contains(point.mass) else { return ProbeConstraintResult(verdict: .outsideMassRange, ratio: nil, details: [:], problems: []) }
        let solution = try EffectiveNeutrinoNumber(point: point).solve()
        let n = solution.effectiveNumber
        let ratio = n >= allowed.lowerBound ? n / allowed.upperBound : allowed.lowerBound / n
        return ProbeConstraintResult(verdict: ratio > 1 ? .excluded : .allowed, ratio: ratio,
                                     details: ["n_eff": n, "delta_n_eff": solution.deltaEffectiveNumber], problems: solution.problems)
    }

    public func excludedCouplings(for point: ParameterPoint, mass: Double) throws(Problem) -> [ClosedRange<Double>] {
        let base = try point.withMass(mass)
        // N_eff varies slowly with g once the Z' is thermalised: a coarse grid and edges to 1e-3 in ln g.
        return try CouplingIntervals.solve(range: 1e-9...1, points: 13, tolerance: 1e-3) { g in
            guard let p = try? base.withModelCoupling(g), let r = try? evaluate(p), let ratio = r.ratio else { return -1 }
            return Foundation.log(ratio)
        }
    }
}

/// Every constraint of this module, for registration in a constraint library.
public enum ProbeConstraints {
    /// NA64mu 2022, CCFR, Planck 2018 and BBN 2020.
    public static let all: [any ProbeConstraint] = [
        NA64muConstraint(), CCFRTridentConstraint(), EffectiveNeutrinoNumberConstraint.planck2018, EffectiveNeutrinoNumberConstraint.bbn2020,
    ]
}
