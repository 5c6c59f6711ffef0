import ArgumentParser
import Foundation
import ZPrimeKit

/// `zprime recast`: a limit (or every limit) recast to a model's coupling at the limit's native masses.
struct RecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recast",
        abstract: "Recast experimental limits to any model: the excluded couplings at each native mass.",
        discussion: """
        Each limit bounds its published model (mostly the dark photon); the method of Ilten, Soreq, \
        Williams, Xue (arXiv:1801.04847, section 2) recasts it to the model through the ratios of \
        production cross sections, branching ratios and lifetime-dependent efficiencies, solved for \
        the model's coupling (g_X, or eps for the dark photon) to 1e-9 relative. Both models use \
        ZPrime's couplings (exact mixing) and decays (VMD below 2 GeV, perturbative QCD above), the \
        point's neutrino nature (--neutrinos) and dark sector (--dark-width-ratio 99 is DarkCast's \
        invisible dark photon, for comparing invisible searches).
        --format csv prints limit,mass,coupling_lower,coupling_upper: coupling_lower is the smallest \
        excluded coupling at that mass (empty when nothing is excluded), coupling_upper the upper edge \
        of the excluded region (empty when it extends to the largest coupling considered, \
        \(ModelResponse.largestGaugeCoupling) for g_X and \(ModelResponse.largestKineticMixing) for eps). JSON lists every \
        excluded interval and the limit's metadata.
        Examples:
          zprime recast --model B-L --limit E137_Andreas2012mt --format csv
          zprime recast --model Lmu-Ltau --limit all --format json
          zprime recast --model dark-photon --limit NA64_NA642019imj --dark-width-ratio 99
        Exit status: 0 success, 2 bad input (unknown limit, a model the limit is not valid for, a mass \
        outside the limit's range).
        """
    )

    @OptionGroup var parameters: PointOptions
    @OptionGroup var dark: DarkSectorOptions

    @Option(name: .long, help: "A limit name (zprime limits), a comma-separated list, or 'all'.")
    var limit: String

    @Option(name: .long, parsing: .unconditional, help: "Recast at this mass only (GeV; inside the limit's range) instead of its native masses.")
    var mass: Double?

    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: PhysicsOutputFormat = .table

    @Flag(name: .long, help: "Time the recast (whole process and in process) and print the timings (build with -c release).")
    var benchmark = false

    func run() throws {
        let start = Date()
        let catalogue = try LimitCatalogue.bundled()
        let loaded = Date()
        let limits = try LimitSelection.resolve(limit, catalogue: catalogue)
        if let mass {
            guard mass.isFinite, mass > 0 else { throw BadInput("--mass \(mass): must be finite and > 0") }
        }
        let point = try parameters.point(mass: mass ?? 0.01, darkSector: try dark.darkSector())
        let all = limit.lowercased() == "all"
        var results: [(Limit, Result<[RecastRow], Problem>)] = []
        let computeStart = Date()
        let prepared = try limits.map { (l: Limit) throws -> (Limit, Result<PreparedLimit, Problem>) in
            (l, Result { () throws(Problem) -> PreparedLimit in try PreparedLimit(limit: l, point: point) })
        }
        let rows = RecastRunner.run(prepared, masses: mass.map { [$0] })
        for (i, (l, _)) in prepared.enumerated() { results.append((l, rows[i])) }
        let computed = Date()
        if !all {
            for (l, result) in results {
                guard case .failure(let problem) = result else { continue }
                if problem.kind == .unsupportedModel {
                    throw BadInput("--limit \(l.name): not applicable to model \(point.model.name): \(problem.message)")
                }
                throw problem
            }
        } else if format == .csv {
            // With --limit all the limits that do not apply are named on stderr (JSON and the table say
            // why in their output; CSV has no place for it): never dropped silently.
            for (l, result) in results {
                if case .failure(let problem) = result { Console.error("note: \(l.name) not applicable to model \(point.model.name): \(problem.message)") }
            }
        }
        if benchmark {
            let count = results.reduce(0) { $0 + ((try? $1.1.get())?.count ?? 0) }
            Console.out(JSONOutput.object([
                ("model", .string(point.model.name)), ("limits", .integer(results.count)), ("rows", .integer(count)),
                ("load_seconds", .number(loaded.timeIntervalSince(start))),
                ("recast_seconds", .number(computed.timeIntervalSince(computeStart))),
                ("threads", .integer(Parallel.defaultThreadCount)),
            ]).serialized())
            return
        }
        let axis = point.couplingAxis.rawValue
        switch format {
        case .csv:
            var lines = ["limit,mass,coupling_lower,coupling_upper"]
            for (l, result) in results {
                guard case .success(let rows) = result else { continue }
                for row in rows {
                    lines.append("\(l.name),\(NumberText.full(row.mass)),\(row.lower.map(NumberText.full) ?? ""),\(row.upper.map(NumberText.full) ?? "")")
                }
            }
            Console.out(lines.joined(separator: "\n"))
        case .json:
            let items: [JSONOutput] = results.map { l, result in
                var entries = LimitsFormatter.metadata(l)
                switch result {
                case .success(let rows):
                    entries.append(("recast", .array(rows.map { row in
                        var e: [(String, JSONOutput)] = [("mass", .number(row.mass))]
                        // Absent numbers are left out (never null or an empty string): no coupling_lower when
                        // nothing is excluded, no coupling_upper when the excluded region is open above.
                        if let lower = row.lower { e.append(("coupling_lower", .number(lower))) }
                        if let upper = row.upper { e.append(("coupling_upper", .number(upper))) }
                        e.append(("intervals", .array(row.intervals.map { interval in
                            .object([("lower", .number(interval.lower))] + (interval.upper.map { [("upper", JSONOutput.number($0))] } ?? []))
                        })))
                        if let note = row.note { e.append(("note", .string(note))) }
                        return .object(e)
                    })))
                case .failure(let problem):
                    entries.append(("not_applicable", .string(problem.message)))
                }
                return .object(entries)
            }
            Console.out(JSONOutput.object([
                ("model", .string(point.model.name)), ("coupling_axis", .string(axis)),
                ("neutrinos", .string(point.neutrinos.rawValue)), ("limits", .array(items)),
            ]).serialized())
        case .table:
            var lines: [String] = ["Model \(point.model.name): excluded \(axis) per native mass (lower ... upper; '-' nothing excluded, 'open' no upper edge)"]
            for (l, result) in results {
                lines.append("")
                lines.append("\(l.name) (\(l.definition.experiment), \(l.definition.year))")
                switch result {
                case .failure(let problem): lines.append("  not applicable: \(problem.message)")
                case .success(let rows):
                    var table = TextTable(["mass [GeV]", "lower", "upper"])
                    for row in rows {
                        table.add([NumberText.short(row.mass), row.lower.map(NumberText.short) ?? "-",
                                   row.lower == nil ? "-" : (row.upper.map(NumberText.short) ?? "open")])
                    }
                    lines.append(table.rendered())
                }
            }
            Console.out(lines.joined(separator: "\n"))
        }
    }
}

/// Runs recasts of several limits in parallel.
enum RecastRunner {
    final class Box: @unchecked Sendable {
        var results: [Result<[RecastRow], Problem>]
        init(_ n: Int) { results = Array(repeating: .success([]), count: n) }
    }

    static func run(_ prepared: [(Limit, Result<PreparedLimit, Problem>)], masses: [Double]?) -> [Result<[RecastRow], Problem>] {
        let box = Box(prepared.count)
        let lock = NSLock()
        let items = prepared.map(\.1)
        // Largest first, for load balance.
        let sizes = items.map { item -> Int in if case .success(let l) = item { return l.limit.bound.masses.count } else { return 0 } }
        let order = items.indices.sorted { sizes[$0] > sizes[$1] }
        Parallel.forEach(count: items.count, threads: Parallel.defaultThreadCount) { _, k in
            let i = order[k]
            let result: Result<[RecastRow], Problem>
            switch items[i] {
            case .failure(let p): result = .failure(p)
            case .success(let limit):
                result = Result { () throws(Problem) -> [RecastRow] in try limit.recast(masses: masses) }
            }
            lock.lock()
            box.results[i] = result
            lock.unlock()
        }
        return box.results
    }
}

/// Resolving limit names typed by the user.
enum LimitSelection {
    /// The limits named by `text`: `all`, one name, or a comma-separated list; unknown names suggest
    /// the closest ones.
    static func resolve(_ text: String, catalogue: LimitCatalogue) throws -> [Limit] {
        if text.lowercased() == "all" { return catalogue.limits }
        var limits: [Limit] = []
        for name in text.split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            if let l = catalogue.limit(named: name) ?? catalogue.limits.first(where: { $0.name.lowercased() == name.lowercased() }) {
                limits.append(l)
            } else {
                let suggestions = NameSuggestions.closest(to: name, in: catalogue.names)
                throw BadInput("--limit \(name): unknown limit; closest: \(suggestions.joined(separator: ", ")) (zprime limits lists every name)")
            }
        }
        guard !limits.isEmpty else { throw BadInput("--limit \(text): give a limit name, a comma-separated list or 'all'") }
        return limits
    }
}
