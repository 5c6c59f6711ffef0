import ArgumentParser
import Foundation
import ZPrimeKit

/// `zprime limits`: the limit library and the observable constraints; `zprime limits validate FILE`.
struct LimitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "limits",
        abstract: "List every experimental limit and constraint (name, experiment, year, category, channel, masses, citation).",
        discussion: """
        The limits are DarkCast v2.1's recastable limits (Ilten, Soreq, Williams, Xue, arXiv:1801.04847; \
        Baruch et al., arXiv:2206.08563) and newer curves (FASER 27/fb, NA62 e+e- beam dump, NA64 B-L, \
        SN1987A, LSND, anomaly-enhanced U(1)_B decays), each with the paper to cite; the constraints \
        come from ZPrime's observables (g-2 exclusion and band, Cs APV, E158, ATOMKI). Categories: \
        prompt visible, displaced/beam dump, invisible, neutrino scattering, g-2, parity violation, \
        nuclear/X17, astrophysics, rare decays.
        Examples:
          zprime limits
          zprime limits --category invisible --mass 0.1 --format csv
          zprime limits validate my-limits/manifest.json
        Exit status: 0 success, 2 bad input.
        """,
        subcommands: [ListLimits.self, ValidateLimits.self],
        defaultSubcommand: ListLimits.self
    )
}

struct ListLimits: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the limits and constraints (the default).")

    @Option(name: .long, help: "Only this category (e.g. 'invisible', 'displaced/beam dump', 'g-2'; a unique prefix is enough).")
    var category: String?

    @Option(name: .long, parsing: .unconditional, help: "Only limits whose mass range contains this mass (GeV).")
    var mass: Double?

    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: PhysicsOutputFormat = .table

    func run() throws {
        let registry = try ConstraintRegistry.standard()
        var infos = registry.providers.map(\.info)
        if let category {
            let known = Array(Set(infos.map(\.category.rawValue))).sorted()
            let matches = known.filter { $0.lowercased().hasPrefix(category.lowercased()) }
            guard let chosen = matches.count == 1 ? matches.first : matches.first(where: { $0.lowercased() == category.lowercased() }) else {
                throw BadInput("--category \(category): unknown or ambiguous; categories: \(known.joined(separator: ", "))")
            }
            infos = infos.filter { $0.category.rawValue == chosen }
        }
        if let mass {
            guard mass.isFinite, mass > 0 else { throw BadInput("--mass \(mass): must be finite and > 0") }
            infos = infos.filter { $0.massRange.contains(mass) }
        }
        switch format {
        case .json:
            Console.out(JSONOutput.object([("count", .integer(infos.count)), ("limits", .array(infos.map { .object(LimitsFormatter.info($0)) }))]).serialized())
        case .csv:
            var lines = ["name,experiment,year,category,bound_type,mass_min,mass_max,channel,citation"]
            for i in infos {
                lines.append([i.name, i.experiment, "\(i.year)", i.category.rawValue, i.boundType.rawValue, NumberText.full(i.massRange.lowerBound),
                              NumberText.full(i.massRange.upperBound), i.channel, i.citation].map(CSV.field).joined(separator: ","))
            }
            Console.out(lines.joined(separator: "\n"))
        case .table:
            var table = TextTable(["name", "experiment", "year", "category", "masses [GeV]", "arXiv"])
            for i in infos {
                table.add([i.name, i.experiment, "\(i.year)", i.category.rawValue,
                           "\(NumberText.short(i.massRange.lowerBound))-\(NumberText.short(i.massRange.upperBound))", i.arXiv ?? "-"])
            }
            Console.out("\(infos.count) limits and constraints\n" + table.rendered())
        }
    }
}

struct ValidateLimits: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a limit manifest (or one limit entry) and its data files before adding them.",
        discussion: """
        FILE is a JSON manifest in the layout of Sources/ZPrimeConstraints/LimitData/manifest.json (a \
        'limits' list, optionally 'production_tables'), or a single limit entry; data files are \
        relative to it. Every field, the data file's sha256, rows, columns, sorting and mass range, \
        the production mechanisms, final states and efficiency are checked, and every entry is \
        reported. Exit status: 0 every entry valid, 2 otherwise.
        """
    )

    @Argument(help: "The manifest or limit entry (JSON).")
    var file: String

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let entries = try LimitCatalogue.validate(manifest: url)
        var failed = 0
        for entry in entries {
            switch entry.result {
            case .success(let limit):
                let m = limit.info.massRange
                Console.out("ok     \(limit.name): \(limit.bound.masses.count) masses, \(NumberText.short(m.lowerBound))-\(NumberText.short(m.upperBound)) GeV, \(limit.definition.channel)")
            case .failure(let problem):
                failed += 1
                Console.out("error  \(entry.name): \(problem)")
            }
        }
        if failed > 0 { throw BadInput("\(file): \(failed) of \(entries.count) entries are invalid") }
    }
}

/// Formatting of limit and constraint metadata.
enum LimitsFormatter {
    static func info(_ i: ConstraintInfo) -> [(String, JSONOutput)] {
        var e: [(String, JSONOutput)] = [
            ("name", .string(i.name)), ("experiment", .string(i.experiment)), ("year", .integer(i.year)),
            ("category", .string(i.category.rawValue)), ("channel", .string(i.channel)),
            ("mass_min", .number(i.massRange.lowerBound)), ("mass_max", .number(i.massRange.upperBound)),
            ("bound_type", .string(i.boundType.rawValue)), ("citation", .string(i.citation)),
        ]
        if let a = i.arXiv { e.append(("arxiv", .string(a))) }
        if let cl = i.confidenceLevel { e.append(("confidence_level", .number(cl))) }
        e.append(("summary", .string(i.summary)))
        return e
    }

    static func metadata(_ l: Limit) -> [(String, JSONOutput)] {
        var e = info(l.info)
        let d = l.definition
        e.append(("published_model", .string(d.published.model.name)))
        e.append(("efficiency", .string(efficiencyText(d.efficiency))))
        e.append(("production", .array(d.production.map { .string($0.mechanism.key) })))
        e.append(("final_states", .array(d.decay.names.map { .string($0) })))
        return e
    }

    static func efficiencyText(_ e: EfficiencyModel) -> String {
        switch e {
        case .promptUnbounded: return "prompt_unbounded"
        case .prompt: return "prompt_tmax"
        case .displaced(let r): return "displaced_lratio \(r)"
        case .rValueGrid: return "rvalue_grid"
        }
    }
}

/// CSV quoting.
enum CSV {
    static func field(_ s: String) -> String {
        guard s.contains(",") || s.contains("\"") || s.contains("\n") else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
