import Foundation
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeObservables
import ZPrimePoint

/// Constraints computed from ZPrime's own low-energy observables (ZPrimeObservables), registered
/// beside the recast limits. Each compares the model's prediction at (mass, coupling) with dated,
/// cited data (``MeasuredInputs``); the ratio is that of the model's contribution to the bound.
///
/// | name | bound | ratio (excluded above 1) |
/// | --- | --- | --- |
/// | `g2_mu_exclusion`, `g2_e_exclusion` | Delta a_l must not leave the n-sigma band of the chosen dataset on its own side: a positive contribution may reach U = Delta a_exp + n sigma, a negative one L = Delta a_exp - n sigma | Delta a/U (or Delta a/L); when the band lies entirely on the other side of 0 every contribution of that sign worsens an already n-sigma tension: ratio 1 + (Delta a - U)/(n sigma) |
/// | `g2_mu_band`, `g2_e_band` | preferred band abs(Delta a - Delta a_exp) <= n sigma (the anomaly explained) | Delta a/Delta a_exp |
/// | `apv_cs` | abs(Delta Q_W(133Cs)) < 0.71 (Bouchiat, Fayet; Hati et al.) | abs(Delta Q_W)/0.71 |
/// | `e158_moller` | abs(eps^V_e eps^A_e) < 1.1e-7 (E158 as bounded by Hati et al.) | abs(eps^V_e eps^A_e)/1.1e-7 |
/// | `x17_atomki_8be` | preferred band: Gamma(8Be* -> 8Be X)/Gamma(8Be* -> 8Be gamma) BR(X -> e+e-) within n sigma of 6(1)e-6 | the signal over 6e-6 |
///
/// The datasets are the point's (``ParameterPoint/datasets``, default the newest: the 2025 muon
/// picture and rb2020 for the electron); n is ``ConstraintSettings/sigmas`` (default 2).
public enum ObservableConstraints {
    /// Every observable constraint.
    public static let all: [any ConstraintProvider] = [
        AnomalousMomentConstraint(lepton: .muon, band: false), AnomalousMomentConstraint(lepton: .muon, band: true),
        AnomalousMomentConstraint(lepton: .electron, band: false), AnomalousMomentConstraint(lepton: .electron, band: true),
        ParityViolationConstraint(kind: .cesium), ParityViolationConstraint(kind: .moller), AtomkiConstraint(),
    ]

    /// The widest mass range the observables are evaluated on, GeV.
    public static let massRange: ClosedRange<Double> = 1e-6...1e5

    /// Intervals of the coupling range where `logRatio` is positive (excluded, or inside a band), by
    /// a log scan (`pointsPerDecade`) and Brent's method on each sign change. An exclusion (a monotonic
    /// signal) needs few points; a band needs more than one point inside its narrowest width: 20 per
    /// decade (0.05 decades) resolve the 1-sigma (g-2)_mu band of the 2021 data (edges 0.10 decades
    /// apart) and the 1-sigma ATOMKI band (0.07 decades).
    static func intervals(range: ClosedRange<Double>, pointsPerDecade: Double = 4, _ logRatio: (Double) -> Double) throws(Problem) -> [CouplingInterval] {
        let lo = log(range.lowerBound), hi = log(range.upperBound)
        let steps = max(1, Int((hi - lo) / log(10) * pointsPerDecade))
        let grid = (0...steps).map { lo + (hi - lo) * Double($0) / Double(steps) }
        let values = grid.map { logRatio(exp($0)) }
        var intervals: [CouplingInterval] = []
        var start: Double? = values[0] > 0 ? range.lowerBound : nil
        for i in 0..<(grid.count - 1) where (values[i] > 0) != (values[i + 1] > 0) {
            let root = try RootFinding.brent(lower: grid[i], upper: grid[i + 1], relativeTolerance: 0, absoluteTolerance: 1e-12, variable: .coupling) {
                logRatio(exp($0))
            }
            if values[i + 1] > 0 { start = exp(root.x) } else if let s = start { intervals.append(CouplingInterval(lower: s, upper: exp(root.x))); start = nil }
        }
        if let s = start { intervals.append(CouplingInterval(lower: s, upper: nil)) }
        return intervals
    }

    /// A prepared observable constraint: `ratio(point)` gives the ratio at a shared point state.
    struct Prepared: PreparedConstraint {
        let info: ConstraintInfo
        let response: ModelResponse
        let settings: ConstraintSettings
        let inputs: MeasuredInputs
        let ratio: @Sendable (PointEvaluation) throws(Problem) -> ConstraintResult

        func evaluate(_ point: PointEvaluation) -> ConstraintResult {
            guard info.massRange.contains(point.mass) else {
                return .silent(.outsideMassRange("covers \(info.massRange.lowerBound)...\(info.massRange.upperBound) GeV"))
            }
            do { return try ratio(point) } catch { return .silent(.notApplicable(error.message)) }
        }

        func intervals(mass: Double) throws(Problem) -> [CouplingInterval] {
            guard info.massRange.contains(mass) else {
                throw Problem.invalid(.mass, mass, "outside the masses of \(info.name), \(info.massRange.lowerBound)...\(info.massRange.upperBound) GeV")
            }
            let registry = PreparedRegistry(response: response, constraints: [], settings: settings, inputs: inputs)
            let density: Double = info.boundType == .preferredBand ? 20 : 4
            return try ObservableConstraints.intervals(range: response.couplingRange, pointsPerDecade: density) { g in
                guard let shared = try? registry.pointEvaluation(mass: mass, coupling: g), let r = self.evaluate(shared).ratio, r > 0 else { return -1000 }
                switch self.info.boundType {
                case .exclusion: return log(r)
                case .preferredBand:
                    let verdict = self.evaluate(shared).verdict
                    return verdict == .insideBand ? 1 : -1
                }
            }
        }
    }
}

/// The lepton g-2 as an exclusion or as the preferred band of a dataset.
struct AnomalousMomentConstraint: ConstraintProvider {
    let lepton: ChargedLepton
    let band: Bool

    var info: ConstraintInfo {
        let name = "g2_\(lepton.rawValue)_\(band ? "band" : "exclusion")"
        let what = lepton == .muon ? "muon g-2 (BNL, Fermilab) minus the SM (Muon g-2 Theory Initiative)" : "electron g-2 (Fan et al. 2023) minus the SM with alpha from Cs or Rb recoil"
        return ConstraintInfo(
            name: name, experiment: lepton == .muon ? "muon g-2" : "electron g-2", year: lepton == .muon ? 2025 : 2020,
            category: .anomalousMagneticMoment, channel: "one-loop Delta a_\(lepton.rawValue) (vector and axial, closed form)",
            massRange: ObservableConstraints.massRange,
            citation: (lepton == .muon
                ? "D. P. Aguillard et al. (Muon g-2), arXiv:2506.03069; R. Aliberti et al., arXiv:2505.21476; B. Abi et al., Phys. Rev. Lett. 126 (2021) 141801; T. Aoyama et al., Phys. Rept. 887 (2020) 1"
                : "X. Fan et al., Phys. Rev. Lett. 130 (2023) 071801; L. Morel et al., Nature 588 (2020) 61; R. H. Parker et al., Science 360 (2018) 191")
                + "; J. P. Leveille, Nucl. Phys. B137 (1978) 63",
            arXiv: lepton == .muon ? "2506.03069" : nil, boundType: band ? .preferredBand : .exclusion, confidenceLevel: nil,
            summary: band ? "the couplings that explain the measured \(what) within n sigma (dataset chosen with the point)"
                          : "the \(what) must not be pushed beyond its n-sigma band by the Z' loop (dataset chosen with the point)")
    }

    func prepare(for point: ParameterPoint, response: ModelResponse, settings: ConstraintSettings) throws(Problem) -> any PreparedConstraint {
        let inputs = try MeasuredInputs.bundled()
        let dataset = try inputs.dataset(lepton, named: lepton == .muon ? point.datasets.muon : point.datasets.electron)
        var info = self.info
        info.summary += "; dataset \(dataset.name): Delta a = \(dataset.delta) +- \(dataset.uncertainty)"
        let n = settings.sigmas
        let lepton = self.lepton, band = self.band
        return ObservableConstraints.Prepared(info: info, response: response, settings: settings, inputs: inputs) { (p: PointEvaluation) throws(Problem) -> ConstraintResult in
            let value = try AnomalousMagneticMoment.deltaA(lepton, couplings: p.staticCouplings, bosonMass: p.mass)
            let details = ["delta_a": value, "delta_a_measured": dataset.delta, "uncertainty": dataset.uncertainty, "sigmas": n]
            if band {
                let inside = abs(value - dataset.delta) <= n * dataset.uncertainty
                let ratio = dataset.delta != 0 ? value / dataset.delta : 0
                return ConstraintResult(verdict: inside ? .insideBand : .outsideBand, ratio: abs(ratio), details: details)
            }
            let upper = dataset.delta + n * dataset.uncertainty, lower = dataset.delta - n * dataset.uncertainty
            let ratio: Double
            if value > 0 {
                ratio = upper > 0 ? value / upper : 1 + (value - upper) / (n * dataset.uncertainty)
            } else if value < 0 {
                ratio = lower < 0 ? value / lower : 1 + (lower - value) / (n * dataset.uncertainty)
            } else {
                ratio = 0
            }
            return ConstraintResult(verdict: ratio > 1 ? .excluded : .allowed, ratio: ratio, details: details)
        }
    }
}

/// Cesium atomic parity violation and E158 Moller scattering.
struct ParityViolationConstraint: ConstraintProvider {
    enum Kind { case cesium, moller }
    let kind: Kind

    var info: ConstraintInfo {
        switch kind {
        case .cesium:
            return ConstraintInfo(name: "apv_cs", experiment: "Cs atomic parity violation", year: 2020, category: .parityViolation,
                                  channel: "shift of the 133Cs weak charge, eps^A_e times the nucleon vector couplings, finite-range factor K(m)",
                                  massRange: ObservableConstraints.massRange,
                                  citation: "C. Bouchiat, P. Fayet, Phys. Lett. B 608 (2005) 87; C. Hati, J. Kriewald, J. Orloff, A. M. Teixeira, JHEP 07 (2020) 235, arXiv:2005.00028",
                                  arXiv: "2005.00028", boundType: .exclusion, confidenceLevel: nil,
                                  summary: "|Delta Q_W(133Cs)| < 0.71 as used by Hati et al.; needs an axial electron coupling")
        case .moller:
            return ConstraintInfo(name: "e158_moller", experiment: "SLAC E158 (Moller scattering)", year: 2005, category: .parityViolation,
                                  channel: "eps^V_e eps^A_e at Q^2 = 0.026 GeV^2",
                                  massRange: ObservableConstraints.massRange,
                                  citation: "P. L. Anthony et al. (SLAC E158), Phys. Rev. Lett. 95 (2005) 081601; bound as used by C. Hati et al., JHEP 07 (2020) 235, arXiv:2005.00028",
                                  arXiv: "hep-ex/0504049", boundType: .exclusion, confidenceLevel: nil,
                                  summary: "|eps^V_e eps^A_e| < 1.1e-7 (the bound of Hati et al.; its normalisation is discussed in docs/observables.md)")
        }
    }

    func prepare(for point: ParameterPoint, response: ModelResponse, settings: ConstraintSettings) throws(Problem) -> any PreparedConstraint {
        let inputs = try MeasuredInputs.bundled()
        let kind = self.kind
        return ObservableConstraints.Prepared(info: info, response: response, settings: settings, inputs: inputs) { (p: PointEvaluation) throws(Problem) -> ConstraintResult in
            switch kind {
            case .cesium:
                let shift = try AtomicParityViolation.weakChargeShift(couplings: p.staticCouplings, bosonMass: p.mass)
                let limit = inputs.parityViolation.cesiumWeakChargeLimit.value
                var problems: [Problem] = []
                if !AtomicParityViolation.finiteRangeFactorIsReliable(bosonMass: p.mass) {
                    problems.append(.warning(.extrapolation, .mass, value: p.mass, "APV: the finite-range factor below 1 MeV is an extrapolation"))
                }
                let ratio = abs(shift) / limit
                return ConstraintResult(verdict: ratio > 1 ? .excluded : .allowed, ratio: ratio, details: ["delta_qw": shift, "limit": limit], problems: problems)
            case .moller:
                let c = p.staticCouplings[.electron]
                let product = c.vector * c.axial
                let limit = inputs.parityViolation.e158ProductLimit.value
                let ratio = abs(product) / limit
                return ConstraintResult(verdict: ratio > 1 ? .excluded : .allowed, ratio: ratio, details: ["eps_v_eps_a": product, "limit": limit])
            }
        }
    }
}

/// The ATOMKI 8Be(18.15) anomaly as a preferred band, including BR(X -> e+e-).
struct AtomkiConstraint: ConstraintProvider {
    var info: ConstraintInfo {
        ConstraintInfo(name: "x17_atomki_8be", experiment: "ATOMKI 8Be(18.15 MeV)", year: 2019, category: .nuclear,
                       channel: "8Be* -> 8Be X, X -> e+e-: (eps_p + eps_n)^2 [1 - (m/18.15 MeV)^2]^(3/2) BR(X -> e+e-)",
                       massRange: 2 * PhysicalConstants.electronMass...PhysicalConstants.beryllium8IsoscalarLevelMeV * 1e-3,
                       citation: "A. J. Krasznahorkay et al., Acta Phys. Pol. B 50 (2019) 675; J. L. Feng et al., Phys. Rev. Lett. 117 (2016) 071803",
                       arXiv: "1608.03591", boundType: .preferredBand, confidenceLevel: nil,
                       summary: "the couplings that reproduce Gamma_X/Gamma_gamma = 6(1)e-6 with X -> e+e- within n sigma")
    }

    func prepare(for point: ParameterPoint, response: ModelResponse, settings: ConstraintSettings) throws(Problem) -> any PreparedConstraint {
        let inputs = try MeasuredInputs.bundled()
        let n = settings.sigmas
        return ObservableConstraints.Prepared(info: info, response: response, settings: settings, inputs: inputs) { (p: PointEvaluation) throws(Problem) -> ConstraintResult in
            let nucleons = NucleonCouplings(p.staticCouplings)
            let rate = try X17.rateRatio(.beryllium18, bosonMass: p.mass, nucleons: nucleons)
            let branching = p.state.widths.branchingRatio(.electron)
            let signal = rate * branching
            let measured = inputs.x17.beryllium18Ratio
            let inside = abs(signal - measured.value) <= n * measured.uncertainty
            return ConstraintResult(verdict: inside ? .insideBand : .outsideBand, ratio: signal / measured.value,
                                    details: ["rate_ratio": rate, "br_ee": branching, "measured": measured.value, "uncertainty": measured.uncertainty])
        }
    }
}
