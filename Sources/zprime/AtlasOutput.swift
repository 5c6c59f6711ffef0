import Foundation
import ZPrimeKit

/// Formats atlas solutions as a stream: table, CSV, JSON lines, or one JSON document.
enum AtlasOutput {
    static func configurationJSON(_ c: AtlasConfiguration) -> JSONOutput {
        .object([
            ("quarks", .string(c.quarkMode.rawValue)), ("max_charge", .integer(c.maxCharge)), ("neutrinos", .integer(c.neutrinoCount)),
            ("higgs_charge", .integer(c.higgsCharge)), ("include_trivial", .bool(c.includeTrivial)),
        ])
    }

    static func filterJSON(_ f: AtlasFilter) -> JSONOutput {
        .object([
            ("muoquark", .bool(f.muoquark)), ("s1", .bool(f.muoquarkS1)),
            ("category", f.category.map { .string($0.rawValue) } ?? .null), ("dirac", .bool(f.diracOnly)),
        ])
    }

    static func countSummary(count: Int, configuration: AtlasConfiguration, shard: ShardSpecification, filter: AtlasFilter,
                             seconds: Double, store: String?) -> JSONOutput {
        var entries: [(String, JSONOutput)] = [
            ("count", .integer(count)), ("configuration", configurationJSON(configuration)), ("filter", filterJSON(filter)),
            ("shard", .string(shard.description)), ("seconds", .number((seconds * 1000).rounded() / 1000)),
        ]
        if let store { entries.append(("store", .string(store))) }
        return .object(entries)
    }

    static func recordJSON(id: Int?, _ record: AtlasRecord) -> JSONOutput {
        let s = record.solution, c = record.classification
        var entries: [(String, JSONOutput)] = []
        if let id { entries.append(("id", .integer(id))) }
        for species in StandardModelSpecies.allCases {
            entries.append((species.rawValue, .array(s.charges(of: species).map { .integer($0) })))
        }
        entries += [
            ("category", .string(c.category.rawValue)), ("muoquark_s3", .bool(c.muoquarkS3)), ("muoquark_s1", .bool(c.muoquarkS1)),
            ("ye_texture", .integer(Int(c.chargedLeptonTexture))), ("ye_rank", .integer(c.chargedLeptonRank)),
            ("ynu_texture", .integer(Int(c.neutrinoTexture))), ("ynu_rank", .integer(c.neutrinoRank)),
            ("majorana_texture", .integer(Int(c.majoranaTexture))), ("weinberg_texture", .integer(Int(c.weinbergTexture))),
            ("up_rank", .integer(c.upQuarkRank)), ("down_rank", .integer(c.downQuarkRank)),
            ("dirac_compatible", .bool(c.diracCompatible)), ("named_model", c.namedModel.map { .string($0) } ?? .null),
        ]
        return .object(entries)
    }

    /// Streams records to standard output, buffering writes.
    struct Writer {
        let format: AtlasFormat
        let configuration: AtlasConfiguration
        private var buffer = ""
        private var first = true
        private var hasIDs = false

        init(format: AtlasFormat, configuration: AtlasConfiguration) {
            self.format = format
            self.configuration = configuration
        }

        private mutating func emit(_ text: String) {
            buffer += text
            if buffer.utf8.count > 1 << 16 { flush() }
        }

        private mutating func flush() {
            Console.write(buffer)
            buffer = ""
        }

        mutating func begin() {
            switch format {
            case .json:
                emit("{\n  \"configuration\": " + configurationJSON(configuration).serialized(indent: nil) + ",\n  \"solutions\": [")
            case .table, .csv, .jsonl:
                break
            }
        }

        mutating func write(_ records: [(Int?, AtlasRecord)]) {
            for (id, record) in records {
                if first {
                    hasIDs = id != nil
                    writeHeader()
                }
                switch format {
                case .jsonl: emit(recordJSON(id: id, record).serialized(indent: nil) + "\n")
                case .json: emit((first ? "\n    " : ",\n    ") + recordJSON(id: id, record).serialized(indent: nil))
                case .csv: emit(csvRow(id: id, record) + "\n")
                case .table: emit(tableRow(id: id, record) + "\n")
                }
                first = false
            }
        }

        mutating func end(count: Int, shard: ShardSpecification?) {
            switch format {
            case .json:
                emit((first ? "" : "\n  ") + "],\n  \"count\": \(count)" + (shard.map { ",\n  \"shard\": \"\($0)\"" } ?? "") + "\n}\n")
            case .table:
                emit("\(count) solutions\n")
            case .csv, .jsonl:
                if first { writeHeader() }
            }
            flush()
        }

        private var neutrinoColumns: [String] { (0..<configuration.neutrinoCount).map { "n\($0 + 1)" } }

        private mutating func writeHeader() {
            switch format {
            case .csv:
                let charges = ["q1", "q2", "q3", "u1", "u2", "u3", "d1", "d2", "d3", "l1", "l2", "l3", "e1", "e2", "e3"] + neutrinoColumns
                let columns = (hasIDs ? ["id"] : []) + charges + ["category", "muoquark_s3", "muoquark_s1", "ye_texture", "ye_rank", "ynu_texture", "ynu_rank",
                                                                   "majorana_texture", "weinberg_texture", "up_rank", "down_rank", "dirac_compatible", "named_model"]
                emit(columns.joined(separator: ",") + "\n")
            case .table:
                let header = (hasIDs ? pad("id", 9) : "") + pad("quarks (Q | U | D)", quarkWidth) + pad("L", 13) + pad("E", 13) + pad("N", 13)
                    + pad("category", 9) + pad("S3", 4) + pad("S1", 4) + pad("Ye", 4) + pad("Ynu", 4) + pad("Dirac", 6) + "named"
                emit(header + "\n" + String(repeating: "-", count: header.count + 6) + "\n")
            case .json, .jsonl:
                break
            }
        }

        private var quarkWidth: Int { configuration.quarkMode == .free ? 34 : 20 }

        private func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
        }

        private func triple(_ v: [Int]) -> String { "(" + v.map(String.init).joined(separator: ",") + ")" }

        private func tableRow(id: Int?, _ record: AtlasRecord) -> String {
            let s = record.solution, c = record.classification
            let quarks: String
            switch configuration.quarkMode {
            case .universal where configuration.higgsCharge == 0: quarks = "X_q = \(s.charges(of: .Q)[0])"
            case .twoPlusOne where configuration.higgsCharge == 0: quarks = "X_q3 = \(s.charges(of: .Q)[2])"
            default: quarks = [StandardModelSpecies.Q, .U, .D].map { triple(s.charges(of: $0)) }.joined(separator: " ")
            }
            return (id.map { pad("\($0)", 9) } ?? "") + pad(quarks, quarkWidth) + pad(triple(s.charges(of: .L)), 13) + pad(triple(s.charges(of: .E)), 13)
                + pad(triple(s.charges(of: .N)), 13) + pad(c.category.rawValue, 9) + pad(c.muoquarkS3 ? "yes" : "-", 4) + pad(c.muoquarkS1 ? "yes" : "-", 4)
                + pad("\(c.chargedLeptonRank)", 4) + pad("\(c.neutrinoRank)", 4) + pad(c.diracCompatible ? "yes" : "-", 6) + (c.namedModel ?? "")
        }

        private func csvRow(id: Int?, _ record: AtlasRecord) -> String {
            let s = record.solution, c = record.classification
            var cells: [String] = id.map { ["\($0)"] } ?? []
            cells += s.charges.map { String($0) }
            cells += [c.category.rawValue, c.muoquarkS3 ? "1" : "0", c.muoquarkS1 ? "1" : "0", "\(c.chargedLeptonTexture)", "\(c.chargedLeptonRank)",
                      "\(c.neutrinoTexture)", "\(c.neutrinoRank)", "\(c.majoranaTexture)", "\(c.weinbergTexture)", "\(c.upQuarkRank)", "\(c.downQuarkRank)",
                      c.diracCompatible ? "1" : "0", c.namedModel ?? ""]
            return cells.joined(separator: ",")
        }
    }
}
