import ArgumentParser
import Foundation
import ZPrimeKit

/// `zprime neutrino-limits`: the measured neutrino-scattering constraints at a point, or their
/// exclusion curves.
struct NeutrinoLimitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neutrino-limits",
        abstract: "COHERENT (CsI 2017, 2021; LAr 2020) and Borexino 7Be as constraints: verdict, ratio and excluded couplings.",
        discussion: """
        Each measured result is a Gaussian chi^2 of the measured count (COHERENT) or rate (Borexino, \
        Agostini et al., Nature 562 (2018) 505) with the prediction's relative uncertainty; a point is \
        excluded at 90 % CL when chi^2 - chi^2(SM) > 2.706. ratio = sqrt(delta chi2 / 2.706) (above 1: \
        excluded). With --mass and --coupling: every constraint's verdict, ratio and the excluded coupling \
        intervals at that mass. With --masses A:B:N: the exclusion curves (--format csv: \
        constraint,mass,coupling_lower,coupling_upper, coupling_upper empty when the interval reaches the top \
        of the scanned range 1e-8 ... 1). --benchmark times the evaluation of every constraint at the point.
        Exit status: 0 success, 2 bad input.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @OptionGroup var parameters: PointOptions

    @Option(name: .long, parsing: .unconditional, help: "The boson mass in GeV.")
    var mass: Double?

    @Option(name: .long, help: "A:B:N: exclusion curves at N log-spaced masses (N <= 200).")
    var masses: String?

    @Option(name: .long, help: "Only this constraint (COHERENT-CsI-2017, COHERENT-CsI-2021, COHERENT-LAr-2020, Borexino-7Be-2018).")
    var constraint: String?

    @Flag(name: .long, help: "Time one evaluation of every constraint at the point (prepared once), against preparing it anew.")
    var benchmark = false

    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: Format = .table

    func run() throws {
        if mass != nil && masses != nil { throw BadInput("--mass and --masses: give only one of them") }
        guard mass != nil || masses != nil else { throw BadInput("give --mass M or --masses A:B:N") }
        if let mass { try NeutrinoCLI.checkMass(mass) }
        let grid: [Double] = try masses.map { text in
            try NeutrinoCLI.masses(text)
        } ?? [mass!]
        var constraints = try NeutrinoConstraint.all()
        if let name = constraint {
            constraints = [try NeutrinoCLI.renamed { () throws(Problem) in try NeutrinoConstraint.named(name) }]
        }
        let point = try parameters.point(mass: grid[0])
        let prepared = try constraints.map { try $0.prepared(for: point) }
        if masses != nil {
            var rows: [(String, Double, NeutrinoCouplingInterval?)] = []
            var json: [JSONOutput] = []
            for c in prepared {
                let curve = try c.exclusionCurve(masses: grid)
                for row in curve {
                    if row.intervals.isEmpty { rows.append((c.constraint.info.name, row.mass, nil)) }
                    for i in row.intervals { rows.append((c.constraint.info.name, row.mass, i)) }
                }
                json.append(.object([("name", .string(c.constraint.info.name)), ("experiment", .string(c.constraint.info.experiment)),
                                     ("citation", .string(c.constraint.info.citation)), ("curve", NeutrinoCLI.curveJSON(curve))]))
            }
            switch format {
            case .csv:
                var lines = ["constraint,mass,coupling_lower,coupling_upper"]
                for (name, m, i) in rows {
                    lines.append("\(name),\(NumberText.full(m)),\(i.map { NumberText.full($0.lower) } ?? ""),\(i?.upper.map(NumberText.full) ?? "")")
                }
                Console.out(lines.joined(separator: "\n"))
            case .json:
                Console.out(JSONOutput.object([("model", .string(point.model.name)), ("confidence_level", .number(0.9)), ("constraints", .array(json))]).serialized())
            case .table:
                for c in prepared {
                    Console.out(NeutrinoCLI.curveTable(try c.exclusionCurve(masses: grid), title: "\(c.constraint.info.name) (90 % CL excluded couplings)"))
                    Console.out("")
                }
            }
            return
        }
        let m = grid[0], g = point.modelCoupling
        var entries: [JSONOutput] = []
        var table = TextTable(["constraint", "verdict", "ratio", "predicted", "SM", "observed", "excluded couplings"])
        for c in prepared {
            let result = try c.evaluate(mass: m, coupling: g)
            let intervals = try c.intervals(mass: m)
            let info = c.constraint.info
            entries.append(.object([
                ("name", .string(info.name)), ("experiment", .string(info.experiment)), ("year", .integer(info.year)),
                ("channel", .string(info.channel)), ("verdict", .string(result.verdict.key)), ("ratio", .number(result.ratio ?? 0)),
                ("delta_chi2", .number(result.deltaChiSquared ?? 0)), ("predicted", .number(result.predicted ?? 0)),
                ("predicted_sm", .number(result.predictedStandardModel ?? 0)), ("observed", .number(result.observed)),
                ("observed_uncertainty", .number(result.observedUncertainty)), ("confidence_level", .number(info.confidenceLevel)),
                ("mass_range", .array([.number(info.massRange.lowerBound), .number(info.massRange.upperBound)])),
                ("excluded_couplings", NeutrinoCLI.intervalsJSON(intervals)), ("citation", .string(info.citation)),
            ]))
            table.add([info.name, result.verdict.key, NumberText.short(result.ratio ?? 0), NumberText.short(result.predicted ?? 0),
                       NumberText.short(result.predictedStandardModel ?? 0), "\(NumberText.short(result.observed)) +- \(NumberText.short(result.observedUncertainty))",
                       NeutrinoCLI.intervalsText(intervals)])
        }
        var benchmarkJSON: JSONOutput? = nil
        if benchmark {
            var start = Date()
            var repeats = 0
            while Date().timeIntervalSince(start) < 0.3 || repeats < 3 {
                for c in prepared { _ = try c.evaluate(mass: m, coupling: g) }
                repeats += 1
            }
            let evaluation = Date().timeIntervalSince(start) / Double(repeats)
            start = Date()
            for c in try NeutrinoConstraint.all() { _ = try c.prepared(for: point).evaluate(mass: m, coupling: g) }
            let fresh = Date().timeIntervalSince(start)
            benchmarkJSON = .object([("constraints", .integer(prepared.count)), ("scan_point_microseconds", .number(evaluation * 1e6)),
                                     ("prepare_and_evaluate_microseconds", .number(fresh * 1e6)), ("ratio", .number(fresh / evaluation))])
        }
        switch format {
        case .json, .csv:
            var object: [(String, JSONOutput)] = [("model", .string(point.model.name)), ("mass", .number(m)), ("coupling", .number(g)), ("constraints", .array(entries))]
            if let benchmarkJSON { object.append(("benchmark", benchmarkJSON)) }
            Console.out(JSONOutput.object(object).serialized())
        case .table:
            Console.out("Model \(point.model.name), m = \(m) GeV, coupling \(g): neutrino-scattering constraints (90 % CL)")
            Console.out(table.rendered())
            if let benchmarkJSON { Console.out(benchmarkJSON.serialized()) }
        }
    }
}
