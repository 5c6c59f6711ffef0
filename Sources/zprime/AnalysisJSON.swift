import ZPrimeKit

/// results.json of `zprime analyze`: every number of the analysis.
enum AnalysisJSON {
    static func document(_ r: AnalysisResult) -> JSONOutput {
        let axis = r.point.couplingAxis == .kineticMixing ? "eps" : "g_X"
        func interval(_ i: CouplingInterval) -> JSONOutput {
            .object([("lower", .number(i.lower)), ("upper", i.upper.map { .number($0) } ?? .null)])
        }
        func window(_ w: SurvivingWindow) -> JSONOutput {
            .object([("mass_lower_gev", .number(w.masses.lowerBound)), ("mass_upper_gev", .number(w.masses.upperBound)),
                     ("coupling_lower", .number(w.couplings.lowerBound)), ("coupling_upper", .number(w.couplings.upperBound))])
        }
        func curve(_ c: ConstraintCurve) -> JSONOutput {
            var entries: [(String, JSONOutput)] = [("name", .string(c.info.name)), ("experiment", .string(c.info.experiment)),
                                                   ("category", .string(c.info.category.rawValue)), ("citation", .string(c.info.citation))]
            if let arXiv = c.info.arXiv { entries.append(("arxiv", .string(arXiv))) }
            if let sigmas = c.sigmas { entries.append(("sigmas", .number(sigmas))) }
            entries.append(("rows", .array(c.rows.map { row in
                .object([("mass_gev", .number(row.mass)), ("intervals", .array(row.intervals.map(interval)))])
            })))
            return .object(entries)
        }
        let table = r.observables.couplings
        let decays = r.observables.decays
        let plane = r.map.plane
        return .object([
            ("model", .string(r.point.model.name)),
            ("coupling_axis", .string(axis)),
            ("anomaly_free", r.anomalies.map { .bool($0.isAnomalyFree) } ?? .null),
            ("neutrinos", .string(r.point.neutrinos.rawValue)),
            ("muon_dataset", .object([("name", .string(r.muonDataset.name)), ("delta", .number(r.muonDataset.delta)),
                                      ("uncertainty", .number(r.muonDataset.uncertainty))])),
            ("sigmas", .number(r.sigmas)),
            ("benchmark", .object([("mass_gev", .number(r.benchmark.mass)), ("coupling", .number(r.benchmark.coupling)),
                                   ("origin", .string(r.benchmark.origin.rawValue)), ("reason", .string(r.benchmark.reason))])),
            ("couplings", .object(CouplingTarget.allCases.map { t in
                (t.rawValue, .object([("vector", .number(table[t].vector.real)), ("axial", .number(table[t].axial.real))]))
            })),
            ("decays", .object([("total_width_gev", .number(decays.total)), ("lifetime_seconds", .number(decays.lifetimeSeconds)),
                                ("proper_decay_length_metres", .number(decays.properDecayLengthMetres)),
                                ("branching_ratios", .object(DecayChannel.allCases.filter { decays[$0] > 0 }.map {
                                    ($0.rawValue, .number(decays.branchingRatio($0))) }))])),
            ("observables", .array(zip(r.observables.observables, r.observables.predictions).map { o, p in
                var entries: [(String, JSONOutput)] = [("name", .string(o.name)), ("value", .number(p.value)), ("unit", .string(o.unit))]
                if let m = p.measurement { entries.append(("measured", .number(m.value))); entries.append(("uncertainty", .number(m.uncertainty))) }
                if let b = p.upperBound { entries.append(("upper_bound", .number(b))) }
                return .object(entries)
            })),
            ("constraints_at_benchmark", .array(r.constraints.map { e in
                var entries: [(String, JSONOutput)] = [("name", .string(e.info.name)), ("verdict", .string(e.result.verdict.key))]
                if let ratio = e.result.ratio { entries.append(("ratio", .number(ratio))) }
                return .object(entries)
            })),
            ("plane", .object([("mass_lower_gev", .number(plane.masses.lowerBound)), ("mass_upper_gev", .number(plane.masses.upperBound)),
                               ("coupling_lower", .number(plane.couplings.lowerBound)), ("coupling_upper", .number(plane.couplings.upperBound)),
                               ("mass_points", .integer(plane.massPoints))])),
            ("surviving_window", .array(r.windows.map(window))),
            ("surviving_band", .array(r.bandWindows.map(window))),
            ("allowed_by_mass", .array(r.map.allowed.map { a in
                .object([("mass_gev", .number(a.mass)), ("allowed", .array(a.intervals.map(interval))),
                         ("band_allowed", .array(a.survivingBand.map(interval)))])
            })),
            ("exclusions", .array(r.map.exclusions.map(curve))),
            ("bands", .array(r.map.bands.map(curve) + (r.atomkiBand.map { [curve($0)] } ?? []))),
        ])
    }
}
