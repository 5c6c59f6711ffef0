import ZPrimeConstraints
import ZPrimeCore
import ZPrimeNeutrino
import ZPrimePoint
import ZPrimeProbes

/// A constraint too costly to solve at every grid mass (a neutrino rate integral or a muon-beam yield
/// per coupling): ``ExclusionMap`` solves it on every `coarseStride`-th grid mass and interpolates the
/// edges in log-log between them.
protocol CoarseGridConstraint {}

extension ConstraintRegistry {
    /// Every constraint ZPrime computes: the ``standard()`` limits and observable constraints, plus
    /// COHERENT (CsI 2017, 2021; LAr 2020) and Borexino 7Be computed for the model
    /// (``ZPrimeNeutrino/NeutrinoConstraint``), the CCFR trident ratio (``ZPrimeProbes/ProbeConstraints``),
    /// and with `cosmology` the Planck and BBN bounds on Delta N_eff (an evolution of the plasma per
    /// coupling, 30-50 ms each in a release build: `analyze Lmu-Ltau` takes 9 s with them, 5 s without).
    ///
    /// NA64mu is left out: its computed yield assumes unit signal efficiency and is an expected
    /// sensitivity; for L_mu - L_tau at 30-50 MeV it excludes couplings about 4.5 times below the
    /// 90% CL limit published for the same 1.98e10 muons on target (Andreev et al., Phys. Rev. Lett. 132
    /// (2024) 211803, arXiv:2401.01708, which excludes only part of the (g-2)_mu band), so it would
    /// wrongly close the band. `zprime na64mu` computes it on its own.
    ///
    /// ```swift
    /// let registry = try ConstraintRegistry.complete()
    /// print(registry.names.contains("CCFR_trident"), registry.names.contains("Neff_Planck2018"))   // true false
    /// ```
    public static func complete(cosmology: Bool = false) throws(Problem) -> ConstraintRegistry {
        var registry = try standard()
        for constraint in try NeutrinoConstraint.all() { try registry.register(NeutrinoScatteringProvider(constraint: constraint)) }
        for probe in ProbeConstraints.all where !probe.info.name.hasPrefix("NA64mu") && (cosmology || probe.info.category != "cosmology") {
            try registry.register(ProbeProvider(probe: probe))
        }
        return registry
    }
}

/// A neutrino-scattering measurement as a registry entry.
struct NeutrinoScatteringProvider: ConstraintProvider {
    let constraint: NeutrinoConstraint

    var info: ConstraintInfo {
        let i = constraint.info
        return ConstraintInfo(name: i.name, experiment: i.experiment, year: i.year, category: .neutrinoScattering, channel: i.channel,
                              massRange: i.massRange, citation: i.citation, arXiv: nil, boundType: .exclusion,
                              confidenceLevel: i.confidenceLevel, summary: i.summary)
    }

    func prepare(for point: ParameterPoint, response: ModelResponse, settings: ConstraintSettings) throws(Problem) -> any PreparedConstraint {
        Prepared(info: info, prepared: try constraint.prepared(for: point))
    }

    struct Prepared: PreparedConstraint, CoarseGridConstraint {
        let info: ConstraintInfo
        let prepared: PreparedNeutrinoConstraint

        func evaluate(_ point: PointEvaluation) -> ConstraintResult {
            guard info.massRange.contains(point.mass) else { return .silent(.outsideMassRange("outside \(info.massRange.lowerBound)...\(info.massRange.upperBound) GeV")) }
            do {
                let r = try prepared.evaluate(mass: point.mass, coupling: point.coupling)
                switch r.verdict {
                case .excluded: return ConstraintResult(verdict: .excluded, ratio: r.ratio)
                case .allowed: return ConstraintResult(verdict: .allowed, ratio: r.ratio)
                case .notApplicable(let why): return .silent(.notApplicable(why))
                }
            } catch {
                return ConstraintResult(verdict: .notApplicable(error.message), problems: [error])
            }
        }

        func intervals(mass: Double) throws(Problem) -> [CouplingInterval] {
            try prepared.intervals(mass: mass).map { CouplingInterval(lower: $0.lower, upper: $0.upper) }
        }
    }
}

/// A muon-beam, trident or cosmology bound as a registry entry.
struct ProbeProvider: ConstraintProvider {
    let probe: any ProbeConstraint

    var info: ConstraintInfo {
        let i = probe.info
        let category: ConstraintCategory = i.category == "cosmology" ? .astrophysics : ConstraintCategory(rawValue: i.category)
        return ConstraintInfo(name: i.name, experiment: i.experiment, year: i.year, category: category, channel: i.channel,
                              massRange: i.massRange, citation: i.citation, arXiv: i.arXiv, boundType: .exclusion,
                              confidenceLevel: i.confidenceLevel, summary: i.summary)
    }

    func prepare(for point: ParameterPoint, response: ModelResponse, settings: ConstraintSettings) throws(Problem) -> any PreparedConstraint {
        Prepared(info: info, probe: probe, point: point)
    }

    struct Prepared: PreparedConstraint, CoarseGridConstraint {
        let info: ConstraintInfo
        let probe: any ProbeConstraint
        let point: ParameterPoint

        func evaluate(_ evaluation: PointEvaluation) -> ConstraintResult {
            do {
                let r = try probe.evaluate(evaluation.point)
                switch r.verdict {
                case .excluded: return ConstraintResult(verdict: .excluded, ratio: r.ratio, details: r.details, problems: r.problems)
                case .allowed: return ConstraintResult(verdict: .allowed, ratio: r.ratio, details: r.details, problems: r.problems)
                case .outsideMassRange: return .silent(.outsideMassRange("outside \(info.massRange.lowerBound)...\(info.massRange.upperBound) GeV"))
                case .notApplicable: return .silent(.notApplicable("no coupling to the particles \(info.experiment) probes"))
                }
            } catch {
                return ConstraintResult(verdict: .notApplicable(error.message), problems: [error])
            }
        }

        func intervals(mass: Double) throws(Problem) -> [CouplingInterval] {
            try probe.excludedCouplings(for: point, mass: mass).map { CouplingInterval(lower: $0.lowerBound, upper: $0.upperBound) }
        }
    }
}
