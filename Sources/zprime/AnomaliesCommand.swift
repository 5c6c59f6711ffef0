import ArgumentParser
import ZPrimeKit

/// `zprime anomalies`: the six anomaly conditions, the allowed Yukawa terms and the neutrino nature.
struct AnomaliesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anomalies",
        abstract: "Check the six U(1)_X anomaly conditions exactly and list the allowed Yukawa terms.",
        discussion: """
        Values are exact rationals in the normalisation of Greljo et al. (arXiv:2107.07518): \
        the group-theory coefficients with T(fundamental) = 1/2 times 2 for SU(3)^2 X and SU(2)^2 X, \
        times 6 for Y^2 X, and times 1 for Y X^2, X^3 and grav^2 X. The SM gauge anomalies \
        (nonzero only with chiral extra fermions) are checked too.
        Yukawa terms are written with left-handed Weyl fields; ^c marks a conjugated right-handed \
        field and * a conjugated scalar (Q U^c H is qbar_L H~ u_R). Texture entries: x allowed, . forbidden.
        Exit status: 0 anomaly free, 1 not anomaly free, 2 bad input.
        """
    )

    @Argument(help: "A built-in model name or a .toml/.json model file.")
    var model: String

    @Option(name: .long, help: "Output format: table or json.")
    var format: TableOrJSON = .table

    func run() throws {
        let model = try ModelReference.resolve(model)
        let anomalies = try AnomalyReport(model: model)
        let yukawa = try YukawaAnalysis(model: model)
        switch format {
        case .table: Console.out(AnomalyFormatter.table(model: model, anomalies: anomalies, yukawa: yukawa))
        case .json: Console.out(AnomalyFormatter.json(model: model, anomalies: anomalies, yukawa: yukawa).serialized())
        }
        if !anomalies.isAnomalyFree { throw NegativeVerdict() }
    }
}

/// Formats anomaly and Yukawa reports.
enum AnomalyFormatter {
    static func textureRows(_ texture: [[Bool]]) -> [String] {
        texture.map { row in row.map { $0 ? "x" : "." }.joined(separator: " ") }
    }

    static func table(model: Model, anomalies: AnomalyReport, yukawa: YukawaAnalysis) -> String {
        var lines = ["Model \(model.name)" + (model.summary.isEmpty ? "" : ": \(model.summary)"), ""]
        lines.append("U(1)_X anomaly conditions (normalisation of Greljo et al., arXiv:2107.07518):")
        var table = TextTable(["condition", "value", "status"])
        for c in anomalies.conditions { table.add([c.name, c.value.description, c.passes ? "ok" : "FAIL"]) }
        lines.append(table.rendered())
        let smFailures = anomalies.standardModelAnomalies.filter { !$0.passes }
        if smFailures.isEmpty {
            lines.append("SM gauge anomalies (SU(3)^3, SU(3)^2 Y, SU(2)^2 Y, Y^3, grav^2 Y, Witten): all vanish")
        } else {
            lines.append("SM gauge anomalies that do NOT vanish (chiral extra fermions):")
            for a in smFailures { lines.append("  \(a.name) = \(a.value)") }
        }
        let verdict: String
        if anomalies.isAnomalyFree {
            verdict = "anomaly free"
        } else {
            verdict = "NOT anomaly free (" + (anomalies.failingConditions.map(\.name) + smFailures.map(\.name)).joined(separator: ", ") + ")"
        }
        lines.append("Verdict: \(verdict)")
        lines.append("")
        lines.append("Allowed Yukawa and mass terms (Weyl notation; rows: first field's family/copy, columns: second's):")
        for block in yukawa.blocks {
            var title = "  \(block.label)"
            if let role = block.role { title += "   [\(role.rawValue): \(role.conventionalForm)]" }
            title += block.hasAllowedEntry ? "   rank \(block.structuralRank)" : "   forbidden"
            lines.append(title)
            if block.hasAllowedEntry { lines += textureRows(block.texture).map { "      " + $0 } }
        }
        if yukawa.isTruncated {
            lines.append("  ... more terms are allowed: the listing stops after \(YukawaAnalysis.maximumListedTerms) terms besides the SM Yukawas")
        }
        if !yukawa.weinbergTexture.isEmpty {
            lines.append("  L L H H   [dimension-5 Weinberg operator]" + (yukawa.weinbergTexture.contains { $0.contains(true) } ? "" : "   forbidden"))
            if yukawa.weinbergTexture.contains(where: { $0.contains(true) }) { lines += textureRows(yukawa.weinbergTexture).map { "      " + $0 } }
        }
        lines.append("")
        lines.append("Neutrinos: \(yukawa.neutrinos.summary)")
        lines.append("  Dirac: \(yukawa.neutrinos.diracCompatible ? "compatible" : "not compatible") (\(yukawa.neutrinos.diracReason))")
        return lines.joined(separator: "\n")
    }

    static func json(model: Model, anomalies: AnomalyReport, yukawa: YukawaAnalysis) -> JSONOutput {
        func value(_ a: AnomalyValue) -> JSONOutput {
            .object([("value", .string(a.value.description)), ("value_float", .number(a.value.doubleValue)), ("pass", .bool(a.passes))])
        }
        let blocks: [JSONOutput] = yukawa.blocks.map { block in
            var entries: [(String, JSONOutput)] = [("term", .string(block.label)), ("first", .string(block.first)), ("second", .string(block.second))]
            entries.append(("scalar", block.scalar.map { .string($0) } ?? .null))
            entries.append(("role", block.role.map { .string($0.rawValue) } ?? .null))
            entries.append(("allowed", .bool(block.hasAllowedEntry)))
            entries.append(("structural_rank", .integer(block.structuralRank)))
            entries.append(("texture", .array(block.texture.map { .array($0.map { .bool($0) }) })))
            return .object(entries)
        }
        return .object([
            ("model", .string(model.name)),
            ("anomaly_free", .bool(anomalies.isAnomalyFree)),
            ("normalisation", .string("Greljo et al., arXiv:2107.07518: group theory x 2 for SU(3)^2 X and SU(2)^2 X, x 6 for Y^2 X, x 1 otherwise")),
            ("conditions", .object(anomalies.conditions.map { ($0.key, value($0)) })),
            ("standard_model_anomalies", .object(anomalies.standardModelAnomalies.map { ($0.key, value($0)) })),
            ("yukawa", .array(blocks)),
        ] + (yukawa.isTruncated ? [("yukawa_truncated", .bool(true)), ("yukawa_listed_limit", .integer(YukawaAnalysis.maximumListedTerms))] : []) + [
            ("weinberg_texture", .array(yukawa.weinbergTexture.map { .array($0.map { .bool($0) }) })),
            ("neutrinos", .object([
                ("summary", .string(yukawa.neutrinos.summary)),
                ("dirac_compatible", .bool(yukawa.neutrinos.diracCompatible)),
                ("dirac_reason", .string(yukawa.neutrinos.diracReason)),
                ("majorana_allowed", .bool(yukawa.neutrinos.majoranaAllowed)),
                ("majorana_mechanisms", .array(yukawa.neutrinos.majoranaMechanisms.map { .string($0) })),
            ])),
        ])
    }
}
