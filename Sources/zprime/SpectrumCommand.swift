import ArgumentParser
import Foundation
import ZPrimeKit

/// `zprime spectrum`: the seed model's exact mass eigenstates, mixings, couplings and observables
/// for one lepton generation.
struct SpectrumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spectrum",
        abstract: "Masses, mixings, couplings and observables of U(1)_{B-L} with vector-like leptons, one generation.",
        discussion: """
        The model of Hati, Kriewald, Orloff, Teixeira, JHEP 07 (2020) 235 (arXiv:2005.00028): \
        SM x U(1)_{B-L} with kinetic mixing, h_X (B-L charge 2, <h_X> = v_X/sqrt2), three N_R and \
        vector-like lepton doublets L and singlets E of charge +1. Per generation the charged mass \
        matrix (rows e_L, L^-_L, E_L; columns e_R, L^-_R, E_R; -L = psibar_L M psi_R + h.c.)
          [[y v/sqrt2, lambda_L v_X/sqrt2, 0], [0, M_L, h v/sqrt2], [lambda_E v_X/sqrt2, k v/sqrt2, M_E]]
        is diagonalised by a one-sided Jacobi SVD, the neutral one (nu, N^c, L^0, L^0c) by a Takagi \
        factorization. y is tuned so that the lightest charged state has the measured lepton mass, on \
        the branch det(M) > 0, unless --y is given. eps enters the charged leptons as eps Q = -eps.
        m_Z' = 2 e eps_{B-L} v_X (exactly: the photon-Z-Z' mixing with m_B' = 2 g_X v_X) is tied to \
        v_X: give --v-x or --mass, not two inconsistent values.
        Delta a sums the Z' (unitary gauge) and h_X loops over every charged mass eigenstate, in \
        closed form; they cancel over orders of magnitude, so "largest_term" is printed with them. \
        The shifts of the SM Z and h loops are computed, the W shift estimated ("sm_boson_shifts"; \
        not in the total).
        Inputs: flags for the chosen --generation, a --parameters file (TOML/JSON, see \
        docs/seed-model.md), or a --preset: 'slides' (lambda_L = lambda_E = M/v_X, the talks' \
        benchmark) or 'cancellation' (lambda = sqrt2 M/v_X, where the neutrino coupling cancels \
        exactly), both with M_L = M_E = 90 GeV, v_X = 14 GeV, m_hX = 70 GeV, eps_{B-L} = 2e-3, \
        eps = -8e-4, k = 1e-7, h = 0, for all three generations. Flags (for --generation) override the         file, which overrides the preset. Generations without vector-like parameters keep the plain         B-L couplings (their neutrinos then couple with -eps_{B-L} and lower BR(Z' -> ee)).
        --solve-h TARGET finds every h in |h| <= 3e-2 with Delta a (total) = TARGET (everything else \
        fixed, y re-tuned), prints them as "h_roots" and evaluates the point at "h", the root of \
        smallest |h|; none found is exit status 1.
        --benchmark times the chain diagonalise + couplings + Delta a_e + Delta a_mu (model points per \
        second, one core) against the same chain with adaptive quadrature loops.
        Examples:
          zprime spectrum b-l-vll --preset slides --generation mu --h 1e-5 --format json
          zprime spectrum b-l-vll --generation e --lambda-l 9.09 --lambda-e 9.09 --ml 90 --me 90 --h 1e-6 \\
            --k 1e-7 --v-x 14 --eps-bl 2e-3 --eps -8e-4 --m-hx 70 --solve-h -0.88e-12
        Exit status: 0 success, 1 no h reaches the --solve-h target, 2 bad input.
        """
    )

    @Argument(help: "The model: b-l-vll (or a model file with the vector-like-lepton spectrum).")
    var model: String

    @Option(name: .long, help: "The lepton generation: e, mu or tau.")
    var generation: String

    @Option(name: .long, help: "Start from a benchmark: slides (r = 1) or cancellation (r = 2).")
    var preset: String?

    @Option(name: .long, help: "A parameter file (.toml or .json; docs/seed-model.md).")
    var parameters: String?

    @Option(name: .customLong("lambda-l"), parsing: .unconditional, help: "lambda_L of the generation (h_X* lbar L).")
    var lambdaL: Double?
    @Option(name: .customLong("lambda-e"), parsing: .unconditional, help: "lambda_E of the generation (h_X Ebar e).")
    var lambdaE: Double?
    @Option(name: .customLong("ml"), parsing: .unconditional, help: "M_L in GeV.")
    var massL: Double?
    @Option(name: .customLong("me"), parsing: .unconditional, help: "M_E in GeV.")
    var massE: Double?
    @Option(name: .long, parsing: .unconditional, help: "h (h_SM Lbar E).")
    var h: Double?
    @Option(name: .long, parsing: .unconditional, help: "k (h_SM~ Ebar L).")
    var k: Double?
    @Option(name: .long, parsing: .unconditional, help: "The SM Yukawa y (default: tuned to the lepton mass).")
    var y: Double?
    @Option(name: .customLong("y-nu"), parsing: .unconditional, help: "The neutrino Dirac Yukawa y_nu (default 0).")
    var yNu: Double?
    @Option(name: .customLong("y-m"), parsing: .unconditional, help: "The N_R Majorana Yukawa y_M (default 1).")
    var yM: Double?
    @Option(name: .customLong("v-x"), parsing: .unconditional, help: "v_X in GeV (fixes m_Z').")
    var vX: Double?
    @Option(name: .long, parsing: .unconditional, help: "The Z' mass in GeV instead of --v-x (v_X is derived).")
    var mass: Double?
    @Option(name: .customLong("eps-bl"), parsing: .unconditional, help: "eps_{B-L} = g_{B-L}/(e sqrt(1 - eps_k^2)).")
    var epsBL: Double?
    @Option(name: .long, parsing: .unconditional, help: "The physical kinetic mixing eps.")
    var eps: Double?
    @Option(name: .customLong("eps-k"), parsing: .unconditional, help: "The Lagrangian kinetic mixing eps_k instead of --eps.")
    var epsK: Double?
    @Option(name: .customLong("m-hx"), parsing: .unconditional, help: "m_hX in GeV.")
    var scalarMass: Double?

    @Option(name: .customLong("solve-h"), parsing: .unconditional, help: "Solve for the h that gives this Delta a (total).")
    var solveH: Double?

    @Option(name: .customLong("electron-dataset"), help: "Electron g-2 dataset shown with Delta a_e: cs2018 or rb2020 (default newest).")
    var electronDataset: String?
    @Option(name: .long, help: "Muon g-2 dataset shown with Delta a_mu: 2006, 2021, 2023, 2025 (default newest).")
    var dataset: String?

    @Option(name: .long, help: "Output format: table or json.")
    var format: TableOrJSON = .table

    @Flag(name: .long, help: "Time the chain (model points per second) against quadrature loops.")
    var benchmark = false

    func run() throws {
        do {
            try execute()
        } catch let problem as Problem {
            throw BadInput(Self.describe(problem))
        }
    }

    func execute() throws {
        let resolvedModel = try ModelReference.resolve(model)
        guard resolvedModel.spectrum == .vectorLikeLeptons else {
            throw BadInput("\(model): model \(resolvedModel.name) has no vector-like-lepton spectrum (zprime spectrum needs b-l-vll or a model file declaring [mixing] spectrum = \"vector-like-leptons\")")
        }
        guard let g = LeptonGeneration(suffix: generation) else { throw BadInput("--generation \(generation): use e, mu or tau") }
        let s = g.suffix
        var named: [String: Double] = [:]
        if let preset {
            guard let benchmark = VectorLikeLeptonParameters.Benchmark(rawValue: preset) else {
                throw BadInput("--preset \(preset): use slides or cancellation")
            }
            named = VectorLikeLeptonParameters.benchmark(benchmark, generations: LeptonGeneration.allCases).modelParameters
            named["eps_BL"] = VectorLikeLeptonParameters.benchmarkGaugeCoupling
            named["eps"] = VectorLikeLeptonParameters.benchmarkKineticMixing
        }
        if let parameters {
            for (key, value) in try ParameterFile.load(path: parameters) {
                if key == "eps" || key == "eps_k" { named.removeValue(forKey: "eps"); named.removeValue(forKey: "eps_k") }
                named[key] = value
            }
        }
        let flags: [(String, Double?)] = [("lambda_L_\(s)", lambdaL), ("lambda_E_\(s)", lambdaE), ("M_L_\(s)", massL), ("M_E_\(s)", massE),
                                          ("h_\(s)", h), ("k_\(s)", k), ("y_\(s)", y), ("y_nu_\(s)", yNu), ("y_M_\(s)", yM), ("v_X", vX),
                                          ("m_hX", scalarMass), ("eps_BL", epsBL)]
        for (key, value) in flags { if let value { named[key] = value } }
        if eps != nil || epsK != nil { named.removeValue(forKey: "eps"); named.removeValue(forKey: "eps_k") }
        if eps != nil && epsK != nil { throw BadInput("--eps and --eps-k: give only one of them") }
        if let eps { named["eps"] = eps }
        if let epsK { named["eps_k"] = epsK }
        if mass != nil && vX == nil { named.removeValue(forKey: "v_X") }
        if let mass, !(mass.isFinite && mass > 0 && mass <= ParameterPoint.maximumMass) {
            throw BadInput("--mass \(mass): must be finite, > 0 and <= \(ParameterPoint.maximumMass) GeV")
        }
        var (point, _) = try VectorLikeLeptonCouplings.resolve(named: named, mass: mass, gaugeCoupling: nil, kineticMixing: nil, model: resolvedModel,
                                                              datasets: DatasetSelection(muon: dataset, electron: electronDataset))
        guard point.modelParameters["lambda_L_\(s)"] != nil else {
            throw BadInput("--generation \(s): the parameters give generation \(s) no vector-like leptons (give --lambda-l, --lambda-e, --ml, --me, or a --preset)")
        }
        if benchmark {
            try runBenchmark(point: point)
            return
        }
        var roots: [Double]? = nil
        if let target = solveH {
            let found = try VectorLikeLeptonAnalysis.solveH(target: target, generation: g, point: point)
            roots = found
            if let first = found.first { point = try point.withParameter("h_\(s)", first) }
        }
        let analysis = try VectorLikeLeptonAnalysis(point: point)
        let output = try SpectrumOutput(analysis: analysis, generation: g, target: solveH, roots: roots)
        switch format {
        case .json: Console.out(output.json.serialized())
        case .table: Console.out(output.table)
        }
        if let roots, roots.isEmpty { throw NegativeVerdict() }
    }

    /// A problem in this command's terms: a parameter name of the chosen generation is its flag.
    static func describe(_ problem: Problem) -> String {
        let name: String
        switch problem.parameter {
        case .coupling: name = "--eps-bl"
        case .kineticMixing: name = "--eps"
        case .mass: name = "--mass"
        case .field(let field):
            let flags = ["lambda_L": "--lambda-l", "lambda_E": "--lambda-e", "M_L": "--ml", "M_E": "--me", "h": "--h", "k": "--k", "y": "--y",
                         "y_nu": "--y-nu", "y_M": "--y-m"]
            let globals = ["v_X": "--v-x", "m_hX": "--m-hx", "eps_BL": "--eps-bl", "eps_k": "--eps-k", "target": "--solve-h"]
            if let flag = globals[field] {
                name = flag
            } else if let suffix = LeptonGeneration.allCases.map(\.suffix).first(where: { field.hasSuffix("_\($0)") }),
                      let flag = flags[String(field.dropLast(suffix.count + 1))] {
                name = "\(flag) (\(field))"
            } else {
                name = field
            }
        default: name = OptionNames.option(for: problem.parameter)
        }
        return problem.description(naming: name)
    }

    // MARK: Benchmark

    /// Model points per second of the lean chain (``VectorLikeLeptonMoments/Chain``: diagonalise the
    /// charged and neutral matrices of e and mu with y tuned, their couplings, Delta a_e and
    /// Delta a_mu) with h_e and h_mu varied over a grid, against baselines in the same run: the
    /// general path (``VectorLikeLeptonSpectrum`` of all three generations and its couplings, as the
    /// couplings stage builds it) and the lean chain with adaptive Gauss-Kronrod loops. Wall time and
    /// the thread's CPU time (the machine may be shared), one thread, then all cores.
    func runBenchmark(point: ParameterPoint) throws {
        var named = point.modelParameters
        for g in ["e", "mu"] where named["lambda_L_\(g)"] == nil {
            // The benchmark needs both generations: copy the chosen one's vector-like parameters.
            for key in ["lambda_L", "lambda_E", "M_L", "M_E", "h", "k"] {
                named["\(key)_\(g)"] = named["\(key)_\(generation)"]
            }
        }
        let calculator = try CouplingCalculator(point: point)
        let mixing = try calculator.mixing(bosonMass: point.mass)
        let vX = mixing.bareBosonMass / (2 * point.coupling)
        let v = ElectroweakScheme.standard.vacuumExpectationValue
        let count = 512
        var grid: [VectorLikeLeptonParameters] = []
        for i in 0..<count {
            var p = named
            let x = Double(i) / Double(count - 1)
            p["h_e"] = (i % 2 == 0 ? 1 : -1) * Double.pow(10, -8 + 4 * x)
            p["h_mu"] = (i % 3 == 0 ? -1 : 1) * Double.pow(10, -7 + 5 * x)
            grid.append(try VectorLikeLeptonParameters(modelParameters: p))
        }
        guard !grid[0].hasOffDiagonalEntries else {
            throw BadInput("--benchmark: the lean chain covers generations without off-diagonal couplings")
        }
        let inputs = grid.map { p in (VectorLikeLeptonGenerationSpectrum.Inputs(parameters: p, generation: .electron)!,
                                      VectorLikeLeptonGenerationSpectrum.Inputs(parameters: p, generation: .muon)!) }
        let chain = VectorLikeLeptonMoments.Chain(mixing: mixing, scalarMass: grid[0].scalarMass, scalarVEV: vX, higgsVEV: v)
        func lean(_ i: Int, method: VectorLikeLeptonMoments.Method = .closedForm) throws(Problem) -> (VectorLikeLeptonMoments.Result, VectorLikeLeptonMoments.Result) {
            (try chain.evaluate(inputs[i].0, generation: .electron, method: method).moment,
             try chain.evaluate(inputs[i].1, generation: .muon, method: method).moment)
        }
        func general(_ i: Int) throws(Problem) -> [VectorLikeLeptonMoments.Result] {
            let spectrum = try VectorLikeLeptonSpectrum(parameters: grid[i], higgsVEV: v, scalarVEV: vX)
            return try VectorLikeLeptonMoments.deltaA([.electron, .muon], spectrum: spectrum, mixing: mixing)
        }
        // Repeats `body` over the grid (from `stride`-spaced points) for at least `minimum` and returns
        // points per second of wall time and of this thread's CPU time.
        func measure(minimum: Duration, stride: Int = 1, _ body: (Int) throws -> Void) rethrows -> (wall: Double, cpu: Double, points: Int) {
            let clock = ContinuousClock()
            let start = clock.now, cpuStart = Self.threadCPUSeconds()
            var points = 0, index = 0
            while clock.now - start < minimum || points < 4 {
                try body(index % grid.count)
                index += stride
                points += 1
            }
            let wall = Self.seconds(clock.now - start), cpu = Self.threadCPUSeconds() - cpuStart
            return (Double(points) / wall, Double(points) / max(cpu, 1e-9), points)
        }
        // Warm up, and the accuracy of the lean chain against the general path and the quadrature loops.
        var worstGeneral = 0.0, worstQuadrature = 0.0
        for i in 0..<grid.count {
            let a = try lean(i), b = try general(i)
            for (x, y) in [(a.0, b[0]), (a.1, b[1])] {
                worstGeneral = max(worstGeneral, abs(x.total - y.total) / max(abs(x.zPrime), abs(x.breakingScalar)))
            }
            if i % 16 == 0 {
                let q = try lean(i, method: .quadrature)
                for (x, y) in [(a.0, q.0), (a.1, q.1)] {
                    worstQuadrature = max(worstQuadrature, abs(x.total - y.total) / max(abs(x.zPrime), abs(x.breakingScalar)))
                }
            }
        }
        var sink = 0.0
        let fast = try measure(minimum: .milliseconds(1500)) { i in sink += try lean(i).1.total }
        let generalRate = try measure(minimum: .milliseconds(700)) { i in sink += try general(i)[1].total }
        let quadrature = try measure(minimum: .milliseconds(700), stride: 7) { i in sink += try lean(i, method: .quadrature).1.total }
        // All cores: the grid repeated, points handed out by Parallel.
        let threads = Parallel.defaultThreadCount
        let repeats = max(1, Int((fast.wall * 1.5 * Double(threads)) / Double(grid.count)))
        let total = repeats * grid.count
        let parallelStart = ContinuousClock.now
        let inputList = inputs, n = grid.count
        Parallel.forEach(count: total, threads: threads) { _, item in
            let (e, mu) = inputList[item % n]
            _ = try? chain.evaluate(e, generation: .electron)
            _ = try? chain.evaluate(mu, generation: .muon)
        }
        let parallelRate = Double(total) / Self.seconds(ContinuousClock.now - parallelStart)
        precondition(sink.isFinite)
        let rows: [(String, JSONOutput, String)] = [
            ("model_points_per_second", .number(fast.wall.rounded()), String(format: "%.3e (wall, one thread)", fast.wall)),
            ("model_points_per_cpu_second", .number(fast.cpu.rounded()), String(format: "%.3e (CPU time of the thread)", fast.cpu)),
            ("all_cores_model_points_per_second", .number(parallelRate.rounded()), String(format: "%.3e (wall, %d threads)", parallelRate, threads)),
            ("general_path_model_points_per_second", .number(generalRate.wall.rounded()),
             String(format: "%.3e (wall; %.3e per CPU second)", generalRate.wall, generalRate.cpu)),
            ("speedup_over_general_path", .number((fast.cpu / generalRate.cpu * 10).rounded() / 10), String(format: "%.1f (CPU time)", fast.cpu / generalRate.cpu)),
            ("quadrature_model_points_per_second", .number(quadrature.wall.rounded()),
             String(format: "%.3e (wall; %.3e per CPU second)", quadrature.wall, quadrature.cpu)),
            ("speedup_over_quadrature", .number((fast.cpu / quadrature.cpu * 10).rounded() / 10), String(format: "%.1f (CPU time)", fast.cpu / quadrature.cpu)),
            ("max_difference_to_general_path", .number(worstGeneral), String(format: "%.1e (relative to the larger of Z' and h_X)", worstGeneral)),
            ("max_difference_to_quadrature", .number(worstQuadrature), String(format: "%.1e (relative to the larger of Z' and h_X)", worstQuadrature)),
            ("grid_points", .integer(grid.count), "\(grid.count) (h_e, h_mu varied)"),
        ]
        switch format {
        case .json: Console.out(JSONOutput.object(rows.map { ($0.0, $0.1) }).serialized())
        case .table:
            var table = TextTable(["quantity", "value"])
            for row in rows { table.add([row.0.replacingOccurrences(of: "_", with: " "), row.2]) }
            Console.out("Benchmark: the lean chain (diagonalise e and mu, couplings, Delta a_e + Delta a_mu) per model point:\n" + table.rendered())
        }
    }

    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }

    /// CPU seconds of the calling thread.
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}

/// Formats a ``VectorLikeLeptonAnalysis`` for one generation.
struct SpectrumOutput {
    let analysis: VectorLikeLeptonAnalysis
    let generation: LeptonGeneration
    let target: Double?
    let roots: [Double]?
    let decays: DecayWidths
    let ranges: [(range: SeedModelRange, value: Double)]

    init(analysis: VectorLikeLeptonAnalysis, generation: LeptonGeneration, target: Double?, roots: [Double]?) throws {
        self.analysis = analysis
        self.generation = generation
        self.target = target
        self.roots = roots
        decays = try analysis.decays()
        // The quoted ranges that concern this generation (or the nucleons).
        let own: Set<String> = generation == .electron ? ["eps_n", "eps_p", "eps_v_ee", "eps_a_ee", "eps_a_nu_e"]
            : (generation == .muon ? ["eps_n", "eps_p", "eps_a_nu_mu"] : ["eps_n", "eps_p"])
        ranges = try analysis.ranges().filter { own.contains($0.range.name) }
    }

    var result: VectorLikeLeptonAnalysis.Generation { analysis.generation(generation) }

    func parameter(_ name: String) -> Double { analysis.point.modelParameters["\(name)_\(generation.suffix)"] ?? 0 }

    var x17: (ratio: Double, mixed: Double, branching: Double) {
        let nucleons = NucleonCouplings(analysis.table.real)
        let m = analysis.zPrimeMass
        let ratio = (try? X17.rateRatio(.beryllium18, bosonMass: m, nucleons: nucleons)) ?? 0
        let mixed = (try? X17.rateRatio(.beryllium18, bosonMass: m, nucleons: nucleons, isospin: .isospinMixed)) ?? 0
        return (ratio, mixed, decays.branchingRatio(.electron))
    }

    /// The light lepton's couplings to every charged state (Z' in units of e, h_X absolute).
    var lightCouplings: [(name: String, mass: Double, vector: Double, axial: Double, scalar: Double, pseudoscalar: Double)] {
        let table = analysis.table
        let l = generation.rawValue
        let hX = table.otherBosons.first { $0.name == "h_X" }
        return table.particles.indices.compactMap { f in
            let particle = table.particles[f]
            guard particle.kind == .chargedLepton || particle.kind == .heavyChargedLepton else { return nil }
            let c = table.matrix[f, l]
            var s = 0.0, p = 0.0
            if let hX, let a = hX.states.firstIndex(of: f), let b = hX.states.firstIndex(of: l) {
                let loop = hX.loopCouplings(internal: a, external: b)
                s = loop.even.real
                p = loop.odd.real
            }
            let isOwn = f == l || particle.family == generation.rawValue
            guard isOwn else { return nil }
            return (particle.name, particle.mass, c.vector.real, c.axial.real, s, p)
        }
    }

    var json: JSONOutput {
        let r = result
        let s = generation.suffix
        var entries: [(String, JSONOutput)] = [
            ("model", .string(analysis.point.model.name)),
            ("generation", .string(s)),
            ("charged_masses", .array(r.chargedMasses.map { .number($0) })),
            ("neutral_masses", .array(r.neutralMasses.map { .number($0) })),
            ("y", .number(r.yukawa)),
            ("y_tuned", .bool(r.isTuned)),
            ("m_zprime", .number(analysis.zPrimeMass)),
            ("v_x", .number(analysis.scalarVEV)),
            ("eps_bl", .number(analysis.epsilonBL)),
            ("eps", .number(analysis.kineticMixing)),
            ("g_x", .number(analysis.point.coupling)),
            ("eps_v_ll", .number(r.vector)),
            ("eps_a_ll", .number(r.axial)),
            ("eps_a_nu", .number(r.neutrinoAxial)),
            ("eps_p", .number(analysis.proton)),
            ("eps_n", .number(analysis.neutron)),
            ("delta_a", .object([("total", .number(r.moment.total)), ("zprime", .number(r.moment.zPrime)),
                                  ("h_x", .number(r.moment.otherBosons["h_X"] ?? 0)), ("largest_term", .number(r.moment.largestTerm))])),
            ("sm_boson_shifts", .object([("z", .number(r.zShift)), ("h", .number(r.higgsShift)), ("w_estimate", .number(r.wShiftEstimate)),
                                          ("note", .string("Z and h loops computed (model minus SM), W estimated; not included in delta_a.total"))])),
        ]
        if let target {
            entries.append(("solve_h", .object([("target", .number(target)), ("h_roots", .array((roots ?? []).map { .number($0) })),
                                                 ("choice", .string("the root of smallest |h| in |h| <= 0.03; the point is evaluated there"))])))
            if let first = roots?.first { entries.append(("h", .number(first))) }
        }
        entries.append(("parameters", .object(["lambda_L", "lambda_E", "M_L", "M_E", "h", "k", "y_nu", "y_M"].map { ($0, .number(parameter($0))) }
                                                + [("m_hX", .number(analysis.point.modelParameters["m_hX"] ?? 0))])))
        let block = analysis.couplings.spectrum.block(generation)
        if let block {
            func matrix(_ m: ComplexMatrix, imaginary: Bool) -> JSONOutput {
                .array((0..<m.rows).map { i in .array((0..<m.columns).map { j in .number(imaginary ? m[i, j].imaginary : m[i, j].real) }) })
            }
            entries.append(("mixing", .object([
                ("U_L", matrix(block.left, imaginary: false)), ("U_R", matrix(block.right, imaginary: false)),
                ("U_nu_real", matrix(block.neutral, imaginary: false)), ("U_nu_imaginary", matrix(block.neutral, imaginary: true)),
                ("convention", .string("psi_L = U_L chi_L, psi_R = U_R chi_R (rows e, L, E); n = U_nu chi, U_nu^T M_nu U_nu = diag (rows nu, N^c, L0, L0c); columns by ascending mass")),
            ])))
        }
        entries.append(("couplings_of_light_lepton", .array(lightCouplings.map {
            .object([("state", .string($0.name)), ("mass", .number($0.mass)), ("zprime_eps_v", .number($0.vector)), ("zprime_eps_a", .number($0.axial)),
                     ("h_x_scalar", .number($0.scalar)), ("h_x_pseudoscalar", .number($0.pseudoscalar))])
        })))
        let x = x17
        entries.append(("x17", .object([("ratio_8be_isoscalar", .number(x.ratio)), ("ratio_8be_isospin_mixed", .number(x.mixed)),
                                        ("br_ee", .number(x.branching)), ("signal_ratio", .number(x.ratio * x.branching))])))
        entries.append(("ranges", .array(ranges.map { item in
            var fields: [(String, JSONOutput)] = [("name", .string(item.range.name)), ("value", .number(item.value))]
            if let lower = item.range.lower { fields.append(("lower", .number(lower))) }
            if let upper = item.range.upper { fields.append(("upper", .number(upper))) }
            fields.append(("within", .bool(item.range.contains(item.value))))
            if item.range.open == true { fields.append(("open", .bool(true))) }
            return .object(fields)
        })))
        entries.append(("warnings", .array(analysis.problems.filter { $0.severity >= .warning }.map { .string($0.description) })))
        entries.append(("reference", .string("Hati, Kriewald, Orloff, Teixeira, JHEP 07 (2020) 235, arXiv:2005.00028")))
        return .object(entries)
    }

    var table: String {
        let r = result
        let s = generation.suffix
        func f(_ x: Double) -> String { String(format: "%.6e", x) }
        var lines: [String] = []
        lines.append("U(1)_{B-L} with vector-like leptons, generation \(s): m_Z' = \(f(analysis.zPrimeMass)) GeV, v_X = \(f(analysis.scalarVEV)) GeV, eps_{B-L} = \(f(analysis.epsilonBL)), eps = \(f(analysis.kineticMixing))")
        lines.append("y = \(f(r.yukawa))\(r.isTuned ? " (tuned to the lepton mass, det M > 0)" : " (given)")")
        lines.append("charged masses (GeV): " + r.chargedMasses.map(f).joined(separator: ", "))
        lines.append("neutral masses (GeV): " + r.neutralMasses.map(f).joined(separator: ", "))
        var couplings = TextTable(["coupling", "value"])
        couplings.add(["eps^V_\(s)\(s)", f(r.vector)])
        couplings.add(["eps^A_\(s)\(s)", f(r.axial)])
        couplings.add(["eps^A_nu_\(s) (Weyl)", f(r.neutrinoAxial)])
        couplings.add(["eps_p", f(analysis.proton)])
        couplings.add(["eps_n", f(analysis.neutron)])
        lines.append(couplings.rendered())
        var states = TextTable(["state", "mass (GeV)", "Z' eps^V", "Z' eps^A", "h_X scalar", "h_X pseudoscalar"])
        for c in lightCouplings { states.add([c.name, f(c.mass), f(c.vector), f(c.axial), f(c.scalar), f(c.pseudoscalar)]) }
        lines.append("couplings of the light \(s) to the charged states of its generation:")
        lines.append(states.rendered())
        var moments = TextTable(["Delta a_\(s)", "value"])
        moments.add(["total", f(r.moment.total)])
        moments.add(["Z' loops", f(r.moment.zPrime)])
        moments.add(["h_X loops", f(r.moment.otherBosons["h_X"] ?? 0)])
        moments.add(["largest single term", f(r.moment.largestTerm)])
        moments.add(["SM Z shift (not in total)", f(r.zShift)])
        moments.add(["SM h shift (not in total)", f(r.higgsShift)])
        moments.add(["SM W shift, estimate", f(r.wShiftEstimate)])
        lines.append(moments.rendered())
        if let target {
            if let roots, let first = roots.first {
                lines.append("h for Delta a_\(s) = \(f(target)): h = \(f(first)) (smallest |h|; all roots in |h| <= 0.03: \(roots.map(f).joined(separator: ", ")))")
            } else {
                lines.append("no h in |h| <= 0.03 gives Delta a_\(s) = \(f(target))")
            }
        }
        let x = x17
        lines.append("8Be(18.15): ratio \(f(x.ratio)) (isoscalar), \(f(x.mixed)) (isospin mixed); BR(Z' -> ee) = \(f(x.branching))")
        var rangeTable = TextTable(["quoted range", "value", "range", "within"])
        for item in ranges {
            let range = "\(item.range.lower.map(f) ?? "")..\(item.range.upper.map(f) ?? "")"
            rangeTable.add([item.range.name, f(item.value), range, item.range.contains(item.value) ? "yes" : "no" + (item.range.open == true ? " (quoted bound not reproducible)" : "")])
        }
        lines.append(rangeTable.rendered())
        for problem in analysis.problems where problem.severity >= .warning { lines.append("warning: \(problem.description)") }
        return lines.joined(separator: "\n")
    }
}
