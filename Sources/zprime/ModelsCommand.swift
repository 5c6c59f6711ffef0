import ArgumentParser
import ZPrimeKit

/// `zprime models`: the built-in models.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List the built-in models with one-line descriptions."
    )

    @Option(name: .long, help: "Output format: table or json.")
    var format: TableOrJSON = .table

    func run() throws {
        switch format {
        case .table:
            var table = TextTable(["name", "description"])
            for entry in BuiltinModels.all { table.add([entry.name, entry.summary]) }
            Console.out(table.rendered(indent: 0))
        case .json:
            Console.out(JSONOutput.array(BuiltinModels.all.map {
                .object([("name", .string($0.name)), ("description", .string($0.summary))])
            }).serialized())
        }
    }
}

/// Output formats shared by the reporting commands.
enum TableOrJSON: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// `zprime model show`: a model's field table.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Inspect a model.",
        subcommands: [Show.self]
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a model's fields and U(1)_X charges, or export it as a model file.",
            discussion: "NAME is a built-in model (zprime models) or a .toml/.json model file."
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, toml, json }

        @Argument(help: "A built-in model name or a model file.")
        var model: String

        @Option(name: .long, help: "Output format: table, toml (a model file) or json (a model file).")
        var format: Format = .table

        func run() throws {
            let model = try ModelReference.resolve(model)
            switch format {
            case .toml: Console.write(ModelFile.toml(model))
            case .json: Console.write(ModelFile.json(model))
            case .table: Console.out(ModelTableFormatter.render(model))
            }
        }
    }
}

/// Formats a model's field table.
enum ModelTableFormatter {
    static func render(_ model: Model) -> String {
        var lines = ["Model \(model.name)" + (model.summary.isEmpty ? "" : ": \(model.summary)")]
        lines.append("")
        var table = TextTable(["field", "SU(3)", "SU(2)", "Y", "chirality", "U(1)_X charge per family/copy"])
        for species in StandardModelSpecies.allCases {
            let charges = model.charges(of: species)
            if species == .N && charges.isEmpty { continue }
            let g = species.gauge
            table.add([species.rawValue, g.colour.rawValue, "\(g.isospin.dimension)", g.hypercharge.description,
                       species.chirality.rawValue, charges.map(\.description).joined(separator: "  ")])
        }
        let h = model.higgs
        table.add(["H", "1", "2", "1/2", "scalar", h.charge.description])
        for fermion in model.extraFermions {
            let g = fermion.gauge
            var charges: String
            switch (fermion.leftCharges, fermion.rightCharges) {
            case (.some(let l), .some(let r)) where l == r: charges = l.map(\.description).joined(separator: "  ")
            case (.some(let l), .some(let r)): charges = "L: " + l.map(\.description).joined(separator: " ") + "; R: " + r.map(\.description).joined(separator: " ")
            default: charges = (fermion.leftCharges ?? fermion.rightCharges ?? []).map(\.description).joined(separator: "  ")
            }
            table.add([fermion.name, g.colour.rawValue, "\(g.isospin.dimension)", g.hypercharge.description, fermion.chiralityDescription, charges])
        }
        for scalar in model.scalars {
            let g = scalar.gauge
            table.add([scalar.name, g.colour.rawValue, "\(g.isospin.dimension)", g.hypercharge.description, "scalar", scalar.charge.description])
        }
        lines.append(table.rendered())
        lines.append("")
        lines.append("Right-handed neutrinos: \(model.rightHandedNeutrinoCount)")
        if model.isKineticMixingOnly { lines.append("Couples only through kinetic mixing eps.") }
        if let ratio = model.kineticMixingRatio { lines.append("Kinetic mixing tied to the coupling: eps = \(ratio) g_X / e") }
        if !model.references.isEmpty { lines.append("References: " + model.references.joined(separator: "; ")) }
        return lines.joined(separator: "\n")
    }
}
