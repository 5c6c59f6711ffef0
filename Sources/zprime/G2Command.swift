import ArgumentParser
import Foundation
import ZPrimeKit

/// `zprime g2`: the one-loop (g-2)/2 of a charged lepton from one neutral boson.
struct G2Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "g2",
        abstract: "One-loop Delta a_l = Delta (g-2)/2 of e, mu or tau from one neutral boson.",
        discussion: """
        Couplings are absolute (not in units of e) and real; masses in GeV. The interaction is
          L = Fbar gamma^mu (CV + CA gamma5) l X_mu + Fbar (CS + i CP gamma5) l phi  (+ h.c. if F != l)
        with l the lepton and F the internal fermion of mass --internal-mass (default: the lepton \
        itself). CV = e = 0.30282 with a massless boson gives the Schwinger term alpha/(2 pi). Chiral \
        couplings g_L P_L + g_R P_R are CV = (g_R + g_L)/2, CA = (g_R - g_L)/2.
        Formula: Leveille, Nucl. Phys. B137 (1978) 63, evaluated in closed form \
        (relative accuracy better than 1e-10 away from the decay threshold m_l = M + M_F).
        --benchmark times the closed form against adaptive Gauss-Kronrod quadrature of the same \
        integral (build with -c release for meaningful numbers).
        Exit status: 0 success, 2 bad input.
        """
    )

    @Option(name: .long, help: "The external lepton: e, mu or tau.")
    var lepton: String

    @Option(name: .customLong("boson-mass"), parsing: .unconditional, help: "The boson mass M in GeV.")
    var bosonMass: Double

    @Option(name: .long, parsing: .unconditional, help: "Vector coupling CV (absolute).")
    var vector: Double?

    @Option(name: .long, parsing: .unconditional, help: "Axial coupling CA (absolute).")
    var axial: Double?

    @Option(name: .long, parsing: .unconditional, help: "Scalar coupling CS (absolute).")
    var scalar: Double?

    @Option(name: .long, parsing: .unconditional, help: "Pseudoscalar coupling CP (absolute).")
    var pseudoscalar: Double?

    @Option(name: .customLong("internal-mass"), parsing: .unconditional, help: "Mass of the fermion in the loop, GeV (default: the lepton's).")
    var internalMass: Double?

    @Option(name: .long, help: "Output format: table or json.")
    var format: TableOrJSON = .table

    @Flag(name: .long, help: "Time the closed form against adaptive quadrature (evaluations per second).")
    var benchmark = false

    func run() throws {
        guard let lepton = ChargedLepton(name: lepton) else {
            throw BadInput("--lepton \(lepton): unknown lepton; use e, mu or tau")
        }
        guard vector != nil || axial != nil || scalar != nil || pseudoscalar != nil else {
            throw BadInput("no coupling given: pass at least one of --vector, --axial, --scalar, --pseudoscalar")
        }
        let couplings = LoopCouplings(vector: vector ?? 0, axial: axial ?? 0, scalar: scalar ?? 0, pseudoscalar: pseudoscalar ?? 0)
        let loopMass = internalMass ?? lepton.mass
        let loop: LeveilleLoopFunctions
        let total: Double
        do {
            for (name, value) in [("--vector", couplings.vector), ("--axial", couplings.axial), ("--scalar", couplings.scalar), ("--pseudoscalar", couplings.pseudoscalar)]
            where !(value.isFinite && abs(value) <= ParameterPoint.maximumCoupling) {
                throw BadInput("\(name) \(value): must be finite with |value| <= \(ParameterPoint.maximumCoupling)")
            }
            loop = try LeveilleLoopFunctions(leptonMass: lepton.mass, bosonMass: bosonMass, internalMass: loopMass)
            total = try AnomalousMagneticMoment.oneLoop(leptonMass: lepton.mass, bosonMass: bosonMass, internalMass: loopMass, couplings: couplings)
            try Validate.result(total, .mass, "Delta a")
        } catch let problem as Problem {
            throw BadInput(G2Command.describe(problem))
        }
        if benchmark {
            try runBenchmark(lepton: lepton, internalMass: loopMass, couplings: couplings)
            return
        }
        let parts: [(String, Double)] = [
            ("vector", couplings.vector * couplings.vector * loop.vector),
            ("axial", couplings.axial * couplings.axial * loop.axial),
            ("scalar", couplings.scalar * couplings.scalar * loop.scalar),
            ("pseudoscalar", couplings.pseudoscalar * couplings.pseudoscalar * loop.pseudoscalar),
        ]
        switch format {
        case .json:
            Console.out(JSONOutput.object([
                ("lepton", .string(lepton.rawValue)),
                ("lepton_mass", .number(lepton.mass)),
                ("boson_mass", .number(bosonMass)),
                ("internal_mass", .number(loopMass)),
                ("couplings", .object([("vector", .number(couplings.vector)), ("axial", .number(couplings.axial)),
                                       ("scalar", .number(couplings.scalar)), ("pseudoscalar", .number(couplings.pseudoscalar))])),
                ("delta_a", .number(total)),
                ("contributions", .object(parts.map { ($0.0, .number($0.1)) })),
                ("convention", .string("L = Fbar gamma^mu (CV + CA gamma5) l X_mu + Fbar (CS + i CP gamma5) l phi (+ h.c. if F != l); absolute couplings")),
                ("reference", .string("Leveille, Nucl. Phys. B137 (1978) 63; Jegerlehner, Nyffeler, Phys. Rept. 477 (2009) 1")),
            ]).serialized())
        case .table:
            var lines = ["Delta a_\(lepton.rawValue) at one loop: boson mass \(bosonMass) GeV, internal fermion \(loopMass) GeV"]
            var table = TextTable(["structure", "coupling", "Delta a"])
            let values = [couplings.vector, couplings.axial, couplings.scalar, couplings.pseudoscalar]
            for ((name, value), coupling) in zip(parts, values) where coupling != 0 {
                table.add([name, G2Command.format(coupling), G2Command.format(value)])
            }
            lines.append(table.rendered())
            lines.append("Delta a_\(lepton.rawValue) = \(G2Command.format(total))")
            Console.out(lines.joined(separator: "\n"))
        }
    }

    /// A library problem in terms of this command's options (the boson mass is `--boson-mass` here).
    static func describe(_ problem: Problem) -> String {
        switch problem.parameter {
        case .mass: return problem.description(naming: "--boson-mass")
        case .internalMass: return problem.description(naming: "--internal-mass")
        case .leptonMass: return "--lepton (mass \(problem.value ?? "?") GeV): \(problem.message)"
        default: return OptionNames.describe(problem)
        }
    }

    static func format(_ value: Double) -> String {
        String(format: "%.6e", value)
    }

    /// Times the closed form and the quadrature baseline on the same inputs (boson masses log-spaced
    /// from 1 MeV to 10 GeV) and prints evaluations per second, their ratio and the largest relative
    /// difference between the two methods.
    func runBenchmark(lepton: ChargedLepton, internalMass: Double, couplings: LoopCouplings) throws {
        let count = 256
        let masses = (0..<count).map { 1e-3 * Double.pow(10, 4 * Double($0) / Double(count - 1)) }
            .filter { lepton.mass < $0 + internalMass }
        guard !masses.isEmpty else { throw BadInput("--internal-mass \(internalMass): every benchmark boson mass is below the decay threshold") }
        let clock = ContinuousClock()
        // Closed form: repeat the sweep until at least 0.5 s has passed.
        var closedFormEvaluations = 0
        var checksum = 0.0
        let closedStart = clock.now
        var closedElapsed = Duration.zero
        while closedElapsed < .milliseconds(500) {
            for mass in masses {
                checksum += (try? AnomalousMagneticMoment.oneLoop(leptonMass: lepton.mass, bosonMass: mass, internalMass: internalMass, couplings: couplings)) ?? 0
            }
            closedFormEvaluations += masses.count
            closedElapsed = clock.now - closedStart
        }
        // Baseline: adaptive Gauss-Kronrod, one sweep or more until 0.5 s.
        var quadratureEvaluations = 0
        var integrandEvaluations = 0
        var worst = 0.0
        let quadratureStart = clock.now
        var quadratureElapsed = Duration.zero
        while quadratureElapsed < .milliseconds(500) {
            for mass in masses {
                let reference = try AnomalousMagneticMoment.oneLoopByQuadrature(leptonMass: lepton.mass, bosonMass: mass, internalMass: internalMass, couplings: couplings)
                let closed = try AnomalousMagneticMoment.oneLoop(leptonMass: lepton.mass, bosonMass: mass, internalMass: internalMass, couplings: couplings)
                worst = max(worst, abs(closed - reference.value) / max(abs(reference.value), .leastNormalMagnitude))
                integrandEvaluations += reference.evaluations
                quadratureEvaluations += 1
            }
            quadratureElapsed = clock.now - quadratureStart
        }
        func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
        // The baseline loop also evaluates the closed form once per point; remove that share.
        let closedRate = Double(closedFormEvaluations) / seconds(closedElapsed)
        let quadratureSeconds = max(seconds(quadratureElapsed) - Double(quadratureEvaluations) / closedRate, 1e-9)
        let quadratureRate = Double(quadratureEvaluations) / quadratureSeconds
        let rows: [(String, JSONOutput, String)] = [
            ("closed_form_evaluations_per_second", .number(closedRate.rounded()), String(format: "%.3e", closedRate)),
            ("quadrature_evaluations_per_second", .number(quadratureRate.rounded()), String(format: "%.3e", quadratureRate)),
            ("speedup", .number((closedRate / quadratureRate * 10).rounded() / 10), String(format: "%.1f", closedRate / quadratureRate)),
            ("quadrature_integrand_calls_per_evaluation", .number(Double(integrandEvaluations) / Double(quadratureEvaluations)), String(format: "%.0f", Double(integrandEvaluations) / Double(quadratureEvaluations))),
            ("max_relative_difference", .number(worst), String(format: "%.1e", worst)),
            ("boson_masses", .integer(masses.count), "\(masses.count) from 1e-3 to 10 GeV"),
        ]
        switch format {
        case .json:
            Console.out(JSONOutput.object(rows.map { ($0.0, $0.1) } + [("checksum", .number(checksum.isFinite ? 1 : 0))]).serialized())
        case .table:
            var table = TextTable(["quantity", "value"])
            for row in rows { table.add([row.0.replacingOccurrences(of: "_", with: " "), row.2]) }
            Console.out("Benchmark, Delta a_\(lepton.rawValue), one core (closed form vs adaptive Gauss-Kronrod at relative tolerance 1e-12):\n" + table.rendered())
        }
    }
}
