import Foundation
import ZPrimeConstraints
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeDecays
import ZPrimeObservables
import ZPrimePoint

extension AnalysisResult {
    /// The report as Markdown: the model and its anomaly check, the benchmark's couplings, decays and
    /// observables, the limits that exclude it and by what factor, the surviving windows, the plot.
    ///
    /// - Parameter plotFile: the plot's file name relative to the report (an image link), or nil.
    public func markdown(plotFile: String?) -> String {
        let f = Analysis.format
        let axis = point.couplingAxis == .kineticMixing ? "eps" : "g_X"
        var out = "# ZPrime analysis: \(point.model.name)\n\n"
        out += "\(point.model.summary)\n\n"
        if let plotFile { out += "![Exclusion plane of \(point.model.name)](\(plotFile))\n\n" }
        out += "## Model\n\n"
        if let anomalies {
            out += anomalies.isAnomalyFree
                ? "Anomaly free: every U(1)_X condition and the SM anomalies vanish exactly (rational arithmetic).\n\n"
                : "**Not anomaly free**: " + (anomalies.conditions + anomalies.standardModelAnomalies).filter { !$0.passes }
                    .map { "\($0.name) = \($0.value)" }.joined(separator: ", ") + ".\n\n"
        } else {
            out += "The anomaly conditions could not be evaluated exactly for these charges.\n\n"
        }
        out += "Assumptions: neutrinos \(point.neutrinos.summary); kinetic mixing \(Self.describe(point.kineticMixing)); "
        out += "muon g-2 dataset \(muonDataset.name) (Delta a_mu = \(f(muonDataset.delta)) +- \(f(muonDataset.uncertainty))); bands and g-2/X17 exclusions at \(f(sigmas)) sigma.\n\n"
        out += "## Benchmark\n\n"
        out += "m = \(f(benchmark.mass)) GeV (\(f(benchmark.mass * 1e3)) MeV), \(axis) = \(f(benchmark.coupling)): \(benchmark.reason).\n\n"
        out += "### Couplings at q^2 = 0 (units of e; L = e Z' fbar gamma^mu (eps^V + gamma^5 eps^A) f)\n\n"
        out += "| fermion | eps^V | eps^A |\n| --- | ---: | ---: |\n"
        let table = observables.couplings
        for target in CouplingTarget.allCases {
            let c = table[target]
            out += "| \(target.rawValue) | \(f(c.vector.real)) | \(f(c.axial.real)) |\n"
        }
        let decays = observables.decays
        out += "\n### Decays\n\n"
        out += "Total width \(f(decays.total)) GeV, lifetime \(f(decays.lifetimeSeconds)) s, proper decay length \(f(decays.properDecayLengthMetres)) m.\n\n"
        out += "| channel | width [GeV] | BR |\n| --- | ---: | ---: |\n"
        // The exclusive channels, then the parts of neutrinos and hadrons (indented).
        let exclusive: [DecayChannel] = [.electron, .muon, .tau, .neutrinos, .hadrons, .photons, .invisible, .exotic]
        for channel in exclusive where decays[channel] > 0 {
            out += "| \(channel.rawValue) | \(f(decays[channel])) | \(f(decays.branchingRatio(channel))) |\n"
        }
        for channel in DecayChannel.allCases where !exclusive.contains(channel) && decays[channel] > 0 {
            out += "| (part) \(channel.rawValue) | \(f(decays[channel])) | \(f(decays.branchingRatio(channel))) |\n"
        }
        out += "\n### Observables\n\n| observable | value | unit | compared with |\n| --- | ---: | --- | --- |\n"
        for (observable, prediction) in zip(observables.observables, observables.predictions) {
            var compared = ""
            if let m = prediction.measurement { compared = "measured \(f(m.value)) +- \(f(m.uncertainty))" }
            if let bound = prediction.upperBound {
                compared = "bound \(f(bound)): " + (prediction.isWithinBound == true ? "within" : "**exceeded**")
            }
            out += "| \(observable.name) | \(f(prediction.value)) | \(observable.unit) | \(compared) |\n"
        }
        out += "\n### Limits and constraints at the benchmark\n\n"
        let excluding = self.excluding
        if excluding.isEmpty {
            out += "No limit or constraint excludes the benchmark.\n\n"
        } else {
            out += "Excluded by \(excluding.count) (signal over bound; above 1 excludes):\n\n| limit | experiment | ratio | citation |\n| --- | --- | ---: | --- |\n"
            for e in excluding {
                out += "| \(e.info.name) | \(e.info.experiment) | \(f(e.result.ratio ?? .nan)) | \(e.info.citation)\(e.info.arXiv.map { ", arXiv:\($0)" } ?? "") |\n"
            }
            out += "\n"
        }
        let allowed = constraints.filter { $0.result.verdict == .allowed }.count
        out += "Allowed by \(allowed) more; "
        let bands = constraints.filter { [.insideBand, .outsideBand].contains($0.result.verdict) }
        out += bands.isEmpty ? "no preferred band.\n\n" : bands.map { "\($0.info.name): \($0.result.verdict.key)" }.joined(separator: ", ") + ".\n\n"
        out += "## The plane\n\n"
        let plane = map.plane
        out += "Masses \(f(plane.masses.lowerBound)) to \(f(plane.masses.upperBound)) GeV (\(plane.massPoints) log-spaced grid masses), \(axis) \(f(plane.couplings.lowerBound)) to \(f(plane.couplings.upperBound)); "
        out += "\(map.exclusions.count) limits and constraints reach into it.\n\n"
        let windows = self.windows
        out += windows.isEmpty ? "Nothing in the plane survives.\n\n" : "Surviving window (masses with couplings no limit excludes):\n\n| masses [GeV] | \(axis) from | \(axis) to |\n| --- | ---: | ---: |\n"
        for w in windows { out += "| \(f(w.masses.lowerBound)) - \(f(w.masses.upperBound)) | \(f(w.couplings.lowerBound)) | \(f(w.couplings.upperBound)) |\n" }
        out += "\n"
        if map.bands.contains(where: { $0.info.name == "g2_mu_band" }) {
            let runs = bandWindows
            out += runs.isEmpty ? "No part of the \(f(sigmas)) sigma (g-2)_mu band survives.\n\n"
                                : "The \(f(sigmas)) sigma (g-2)_mu band survives at:\n\n| masses [GeV] | \(axis) from | \(axis) to |\n| --- | ---: | ---: |\n"
            for w in runs { out += "| \(f(w.masses.lowerBound)) - \(f(w.masses.upperBound)) | \(f(w.couplings.lowerBound)) | \(f(w.couplings.upperBound)) |\n" }
            out += "\n"
        } else {
            out += "The \(muonDataset.name) muon g-2 dataset prefers no band at \(f(sigmas)) sigma (Delta a_mu = \(f(muonDataset.delta)) +- \(f(muonDataset.uncertainty))).\n\n"
        }
        if let atomki = atomkiBand, let row = atomki.rows.first(where: { !$0.intervals.isEmpty }) {
            let survives = atomki.rows.contains { row in row.intervals.contains { band in
                ExclusionMap.subtract(excludedIntervals(mass: row.mass), from: [band]).isEmpty == false } }
            out += "ATOMKI 8Be band (\(f(sigmas)) sigma) near \(f(row.mass * 1e3)) MeV: \(axis) \(f(row.intervals[0].lower)) to \(f(row.intervals[0].upper ?? .nan)); "
            out += survives ? "part of it survives the limits.\n\n" : "every limit-free part is gone: it is excluded.\n\n"
        }
        if na64muExpected != nil {
            out += "NA64mu's expected exclusion for its 2022 run (1.98e10 muons on target, unit signal efficiency) is drawn dashed: an optimistic sensitivity, not used as a limit (the published limit, Andreev et al., Phys. Rev. Lett. 132 (2024) 211803, is weaker).\n\n"
        }
        out += "## Method and sources\n\n"
        out += "Published limits are recast to the model by the method of Ilten, Soreq, Williams, Xue (JHEP 06 (2018) 004, arXiv:1801.04847), from the DarkCast v2.1 curves and later published limits, each cited above and in `zprime limits`. "
        out += "The g-2 contributions are the one-loop expressions of Leveille (Nucl. Phys. B 137 (1978) 285); the muon g-2 data are the \(muonDataset.name) comparison (\(muonDataset.experiment.map { $0.id } ?? "see zprime observables")).\n"
        return out
    }

    /// The union of the excluded intervals at `mass`, from the grid (nearest grid mass).
    func excludedIntervals(mass: Double) -> [CouplingInterval] {
        let i = map.masses.indices.min { abs(log(map.masses[$0] / mass)) < abs(log(map.masses[$1] / mass)) }!
        let range = CouplingInterval(lower: map.plane.couplings.lowerBound, upper: map.plane.couplings.upperBound)
        return ExclusionMap.subtract(map.allowed[i].intervals, from: [range])
    }

    /// Kinetic mixing in words.
    static func describe(_ mixing: KineticMixing) -> String {
        switch mixing {
        case .none: return "none (eps = 0)"
        case .fixed(let eps): return "eps = \(Analysis.format(eps))"
        case .proportional(let r): return "eps = \(Analysis.format(r)) g_X"
        case .model: return "as the model file gives it"
        case .oneLoopEstimate: return "the one-loop estimate"
        }
    }
}
