import Foundation
import ZPrimeConstraints
import ZPrimeCore
import ZPrimeDecays
import ZPrimeModels
import ZPrimeObservables
import ZPrimePoint
import ZPrimeProbes

/// The point an analysis describes in detail, and why it was chosen.
public struct Benchmark: Sendable, Hashable {
    /// How the benchmark was chosen.
    public enum Origin: String, Sendable, Hashable {
        /// Given by the user.
        case given
        /// The centre of the ATOMKI 8Be band at the fitted X17 mass.
        case x17
        /// The centre of the (g-2)_mu band (Delta a_mu equal to the measured central value).
        case muonAnomaly = "g2_mu"
        /// The middle of the largest surviving window (no anomaly to explain).
        case window
    }

    /// Boson mass, GeV.
    public let mass: Double
    /// Coupling on the model's axis.
    public let coupling: Double
    /// How it was chosen.
    public let origin: Origin
    /// The choice in words, for the report.
    public let reason: String
}

/// Everything `zprime analyze` reports: the model's consistency, the benchmark's couplings, decays
/// and observables, the limits at the benchmark, the exclusion map and the surviving windows.
public struct AnalysisResult: Sendable {
    /// The benchmark point (model, mass, coupling and every discrete choice).
    public let point: ParameterPoint
    /// The anomaly conditions of the model (nil when its charges do not allow the exact check).
    public let anomalies: AnomalyReport?
    /// The benchmark and its origin.
    public let benchmark: Benchmark
    /// Couplings, decays and every observable at the benchmark.
    public let observables: ObservableReport
    /// Every limit and constraint at the benchmark, most constraining first.
    public let constraints: [ConstraintEvaluation]
    /// The plane: curves, bands, allowed couplings.
    public let map: ExclusionMap
    /// The muon g-2 dataset compared with.
    public let muonDataset: AnomalyDataset
    /// The standard deviations of the bands and of the g-2 and X17 exclusions.
    public let sigmas: Double
    /// The ATOMKI 8Be band across the fitted X17 mass +- its uncertainty, when it reaches into the plane.
    public let atomkiBand: ConstraintCurve?
    /// The decays at the grid masses at the benchmark coupling (for the branching-ratio panel).
    public let decays: [DecayWidths]
    /// NA64mu's expected exclusion (2022 run, 1.98e10 muons on target, unit signal efficiency) on the
    /// coarse grid: drawn dashed as a sensitivity, never used as a limit (see
    /// ``ZPrimeConstraints/ConstraintRegistry/complete(cosmology:)``); nil for a model without muon couplings.
    public let na64muExpected: ConstraintCurve?

    /// The constraints that exclude the benchmark.
    public var excluding: [ConstraintEvaluation] { constraints.filter { $0.result.verdict == .excluded } }
    /// Runs of masses with allowed couplings.
    public var windows: [SurvivingWindow] { map.windows() }
    /// Runs of masses where part of the preferred band survives.
    public var bandWindows: [SurvivingWindow] { map.windows(band: true) }
}

/// The main job: one model through every stage, from its charges to the exclusion plane.
///
/// ```swift
/// let point = try ParameterPoint(model: BuiltinModels.model(named: "Lmu-Ltau")!, mass: 0.01, coupling: 5e-4,
///                                datasets: DatasetSelection(muon: "2021"))
/// let result = try Analysis.run(point: point, plane: AnalysisPlane(masses: 1e-3...1, couplings: 1e-5...1e-2, massPoints: 21))
/// print(result.benchmark.origin, result.bandWindows.first?.masses ?? 0...0)   // g2_mu, the masses where the band survives
/// ```
public enum Analysis {
    /// Analyses `point`'s model over `plane` (default: ``AnalysisPlane/standard(for:)``).
    ///
    /// - Parameters:
    ///   - point: the model and every discrete choice (neutrinos, kinetic mixing, dark sector, datasets);
    ///     its mass and coupling are the benchmark when `benchmarkGiven` is true.
    ///   - benchmarkGiven: use `point`'s mass and coupling as the benchmark; otherwise the X17 point for a
    ///     model that reaches the ATOMKI band inside the plane, else the (g-2)_mu point of the dataset
    ///     (where the band survives, if it does), else the middle of the largest surviving window.
    ///   - sigmas: standard deviations of the bands and the g-2/X17 exclusions (the plot adds 1 sigma).
    ///   - cosmology: include the Delta N_eff bounds (Planck 2018, BBN 2020; about twice the time), see ``ZPrimeConstraints/ConstraintRegistry/complete(cosmology:)``.
    /// - Throws: ``ZPrimeCore/Problem`` for a bad plane or point.
    public static func run(point: ParameterPoint, plane: AnalysisPlane? = nil, benchmarkGiven: Bool = false,
                           sigmas: Double = 2, cosmology: Bool = true) throws(Problem) -> AnalysisResult {
        let plane = plane ?? AnalysisPlane.standard(for: point.model)
        try plane.validate()
        let registry = try ConstraintRegistry.complete(cosmology: cosmology)
        let prepared = try registry.prepare(for: point, settings: ConstraintSettings(sigmas: sigmas))
        let oneSigma = sigmas == 1 ? nil : try registry.prepare(for: point, settings: ConstraintSettings(sigmas: 1), only: ["g2_mu_band"])
        let map = try ExclusionMap(prepared: prepared, oneSigmaBands: oneSigma, plane: plane)
        let inputs = try MeasuredInputs.bundled()
        let dataset = try inputs.dataset(.muon, named: point.datasets.muon)
        let benchmark = benchmarkGiven
            ? Benchmark(mass: point.mass, coupling: point.modelCoupling, origin: .given, reason: "given on the command line")
            : try choose(point: point, prepared: prepared, map: map, inputs: inputs, dataset: dataset, sigmas: sigmas)
        let benchmarkPoint = try point.withMass(benchmark.mass).withModelCoupling(benchmark.coupling)
        let observables = try ObservableReport(point: benchmarkPoint, settings: ObservableSettings(sigmas: sigmas), inputs: inputs)
        let constraints = try prepared.evaluate(mass: benchmark.mass, coupling: benchmark.coupling)
            .filter { !ExclusionMap.isSuperseded($0.info) }
        let decays = try map.masses.map { (m: Double) throws(Problem) -> DecayWidths in
            try prepared.response.state(mass: m, coupling: benchmark.coupling).widths
        }
        return AnalysisResult(point: benchmarkPoint, anomalies: try? AnomalyReport(model: point.model), benchmark: benchmark,
                              observables: observables, constraints: constraints, map: map, muonDataset: dataset, sigmas: sigmas,
                              atomkiBand: try atomkiBand(prepared: prepared, inputs: inputs, plane: plane), decays: decays,
                              na64muExpected: na64muExpected(point: point, map: map))
    }

    /// The default benchmark (see ``run(point:plane:benchmarkGiven:sigmas:cosmology:)``).
    static func choose(point: ParameterPoint, prepared: PreparedRegistry, map: ExclusionMap, inputs: MeasuredInputs,
                       dataset: AnomalyDataset, sigmas: Double) throws(Problem) -> Benchmark {
        let plane = map.plane
        func geometricMiddle(_ a: Double, _ b: Double) -> Double { (a * b).squareRoot() }
        // 1. The X17 point: ATOMKI's fitted mass (Krasznahorkay et al., Acta Phys. Pol. B 50 (2019) 675), the band's centre.
        let x17Mass = inputs.x17.beryllium18MassMeV.value / 1000
        if let atomki = prepared.constraints.first(where: { $0.info.name == "x17_atomki_8be" }), plane.masses.contains(x17Mass),
           let band = try? atomki.intervals(mass: x17Mass), let first = band.first, let upper = first.upper,
           first.lower > prepared.response.couplingRange.lowerBound * 1.0001, upper < plane.couplings.upperBound, first.lower > plane.couplings.lowerBound {
            return Benchmark(mass: x17Mass, coupling: geometricMiddle(first.lower, upper), origin: .x17,
                             reason: "the X17 point: the fitted ATOMKI 8Be mass \(format(x17Mass * 1e3)) MeV and the centre (geometric mean) of the \(format(sigmas)) sigma ATOMKI band, \(format(first.lower)) to \(format(upper))")
        }
        // 2. The (g-2)_mu point: where the band survives (the middle of its longest surviving run), at the
        //    coupling that gives the measured central value.
        if map.bands.contains(where: { $0.info.name == "g2_mu_band" }) {
            let runs = map.windows(band: true)
            let mass: Double
            let note: String
            if let longest = runs.max(by: { log($0.masses.upperBound / $0.masses.lowerBound) < log($1.masses.upperBound / $1.masses.lowerBound) }) {
                mass = nearestGridMass(geometricMiddle(longest.masses.lowerBound, longest.masses.upperBound), in: map)
                note = "in the middle of the longest mass range where the band survives (\(format(longest.masses.lowerBound)) to \(format(longest.masses.upperBound)) GeV)"
            } else {
                let withBand = map.allowed.indices.filter { i in map.bands.contains { $0.info.name == "g2_mu_band" && $0.sigmas == sigmas && $0.rows.contains { $0.mass == map.masses[i] && !$0.intervals.isEmpty } } }
                mass = withBand.isEmpty ? nearestGridMass(geometricMiddle(plane.masses.lowerBound, plane.masses.upperBound), in: map)
                                        : map.masses[withBand[withBand.count / 2]]
                note = "no part of the band survives; the benchmark sits in the middle of the band's masses and is excluded"
            }
            if let coupling = try? centralMuonCoupling(point: point, mass: mass, prepared: prepared, dataset: dataset) {
                return Benchmark(mass: mass, coupling: coupling, origin: .muonAnomaly,
                                 reason: "the (g-2)_mu point of the \(dataset.name) dataset: Delta a_mu = \(format(dataset.delta)) at \(format(mass * 1e3)) MeV, \(note)")
            }
        }
        // 3. The middle of the largest surviving window.
        if let widest = map.windows().max(by: { log($0.masses.upperBound / $0.masses.lowerBound) < log($1.masses.upperBound / $1.masses.lowerBound) }) {
            let mass = nearestGridMass(geometricMiddle(widest.masses.lowerBound, widest.masses.upperBound), in: map)
            let allowed = map.allowed.first { $0.mass == mass }!.intervals
            let widestInterval = allowed.max { log(($0.upper ?? plane.couplings.upperBound) / $0.lower) < log(($1.upper ?? plane.couplings.upperBound) / $1.lower) }!
            return Benchmark(mass: mass, coupling: geometricMiddle(widestInterval.lower, widestInterval.upper ?? plane.couplings.upperBound), origin: .window,
                             reason: "no anomaly band to explain (\(dataset.name) muon g-2 dataset): the middle of the largest surviving window")
        }
        let mass = nearestGridMass(geometricMiddle(plane.masses.lowerBound, plane.masses.upperBound), in: map)
        return Benchmark(mass: mass, coupling: plane.couplings.lowerBound, origin: .window,
                         reason: "nothing in the plane survives: the benchmark is the smallest coupling at the middle mass")
    }

    /// The ATOMKI band at 9 masses across the fitted X17 mass +- its uncertainty (the bundled 8Be(18.15)
    /// fit, 17.01 +- 0.16 MeV, Krasznahorkay et al., Acta Phys. Pol. B 50 (2019) 675), when it reaches
    /// into the plane.
    static func atomkiBand(prepared: PreparedRegistry, inputs: MeasuredInputs, plane: AnalysisPlane) throws(Problem) -> ConstraintCurve? {
        guard let atomki = prepared.constraints.first(where: { $0.info.name == ExclusionMap.atomkiName }) else { return nil }
        let fit = inputs.x17.beryllium18MassMeV
        let lower = max((fit.value - fit.uncertainty) / 1000, atomki.info.massRange.lowerBound)
        let upper = min((fit.value + fit.uncertainty) / 1000, atomki.info.massRange.upperBound)
        guard lower < upper, plane.masses.contains(lower), plane.masses.contains(upper) else { return nil }
        let rows = (0...8).map { i -> RecastRow in
            let m = lower + (upper - lower) * Double(i) / 8
            let intervals = ((try? atomki.intervals(mass: m)) ?? []).filter { $0.lower > prepared.response.couplingRange.lowerBound * 1.0001 }
            return RecastRow(mass: m, intervals: intervals)
        }
        let curve = ConstraintCurve(info: atomki.info, rows: rows, sigmas: prepared.settings.sigmas)
        return curve.reaches(plane.couplings) ? curve : nil
    }

    /// NA64mu's expected exclusion at the coarse grid masses (its lower edge), or nil.
    static func na64muExpected(point: ParameterPoint, map: ExclusionMap) -> ConstraintCurve? {
        let probe = NA64muConstraint(setup: .run2022)
        let masses = ExclusionMap.coarseIndices(count: map.masses.count).map { map.masses[$0] }.filter { probe.info.massRange.contains($0) }
        let rows = masses.compactMap { m -> RecastRow? in
            guard let excluded = try? probe.excludedCouplings(for: point, mass: m) else { return nil }
            return RecastRow(mass: m, intervals: excluded.map { CouplingInterval(lower: $0.lowerBound, upper: $0.upperBound) })
        }
        let i = probe.info
        let info = ConstraintInfo(name: i.name, experiment: i.experiment, year: i.year, category: .invisible, channel: i.channel, massRange: i.massRange,
                                  citation: i.citation, arXiv: i.arXiv, boundType: .exclusion, confidenceLevel: i.confidenceLevel, summary: i.summary)
        let curve = ConstraintCurve(info: info, rows: rows, sigmas: nil)
        return curve.reaches(map.plane.couplings) ? curve : nil
    }

    /// The grid mass nearest to `mass` in log.
    static func nearestGridMass(_ mass: Double, in map: ExclusionMap) -> Double {
        map.masses.min { abs(log($0 / mass)) < abs(log($1 / mass)) }!
    }

    /// The coupling at which Delta a_mu equals the dataset's central value, solved in log(g) to 1e-10
    /// inside the 2-sigma band of the g2_mu_band constraint at `mass`.
    static func centralMuonCoupling(point: ParameterPoint, mass: Double, prepared: PreparedRegistry,
                                    dataset: AnomalyDataset) throws(Problem) -> Double {
        guard let band = prepared.constraints.first(where: { $0.info.name == "g2_mu_band" }),
              let edges = try band.intervals(mass: mass).first, let upper = edges.upper else {
            throw Problem.invalid(.mass, mass, "no (g-2)_mu band at this mass")
        }
        let base = try point.withMass(mass)
        let inputs = prepared.inputs
        let root = try RootFinding.brentLog(in: edges.lower...upper, relativeTolerance: 1e-10, variable: .coupling) { g in
            guard let p = try? base.withModelCoupling(g), let report = try? ObservableReport(point: p, inputs: inputs),
                  let value = report["delta_a_mu"]?.value else { return .nan }
            return value - dataset.delta
        }
        return root.x
    }

    /// Four significant digits.
    public static func format(_ x: Double) -> String { x == 0 ? "0" : String(format: "%.4g", x) }
}
