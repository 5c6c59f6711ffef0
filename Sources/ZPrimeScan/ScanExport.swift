import Foundation
import ZPrimeCore

/// CSV and JSON exports of a finished scan store, streamed in point-index order (memory does not
/// grow with the store): stable column order, every number with full round-trip precision, never a
/// `null` for a number (a number that does not exist, the ratio of a constraint that does not
/// apply, is an empty CSV field and an absent JSON key).
///
/// CSV columns: `index, ix, iy`, the two scanned parameters by name, `status` (`ok` or `failed`),
/// `problem` (why a point failed), `warnings` (the kinds of the point's caveats, separated by `;`),
/// then per evaluator column `NAME_verdict` and `NAME_ratio` (a constraint), `NAME_verdict` and
/// `NAME_pull` (an anomaly), or `NAME` (an observable).
///
/// ```swift
/// print(ScanExport.number(1e-05), ScanExport.number(250), ScanExport.number(0.1 + 0.2))   // 1e-05 250 0.30000000000000004
/// ```
public enum ScanExport {
    /// The export formats.
    public enum Format: String, Sendable, CaseIterable {
        case csv, json
    }

    /// The CSV header of a scan; throws when two names collide (a column named like a parameter, or
    /// `x` next to `x_ratio`).
    public static func headers(specification: ScanSpecification, columns: [ScanColumn]) throws(Problem) -> [String] {
        try headers(xName: specification.x.parameter, yName: specification.y.parameter, columns: columns)
    }

    static func headers(xName: String, yName: String, columns: [ScanColumn]) throws(Problem) -> [String] {
        var names = ["index", "ix", "iy", xName, yName, "status", "problem", "warnings"]
        for column in columns {
            names += column.kind.hasVerdict ? [column.name + "_verdict", column.name + "_" + column.kind.numberName] : [column.name]
        }
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw Problem.invalid(.field("column"), text: name, "two columns of the scan's export have this name (rename the evaluator's column)", kind: .conflict)
        }
        return names
    }

    /// The shortest text that reads back as the same double; integers below 10^15 without a point
    /// (the form of the CLI's JSON).
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A JSON string literal.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Writes the store at `path` in `format`, handing the text to `write` in pieces (a line at a time).
    public static func export(path: String, format: Format, _ write: (String) -> Void) throws {
        let meta = try ScanStore.readMetadata(path: path)
        let specification: ScanSpecification
        do { specification = try ScanSpecification(canonicalJSON: meta.specification) } catch {
            throw ScanStoreError.notAStore(path: path, reason: "its specification does not read back: \(error.description)")
        }
        let header = try headers(specification: specification, columns: meta.columns)
        switch format {
        case .csv:
            write(header.joined(separator: ",") + "\n")
            try ScanStore.forEachPoint(path: path) { point in write(csvLine(point) + "\n") }
        case .json:
            write("{\n")
            write("  \"format\": \"zprime-scan\",\n")
            write("  \"schema_version\": \(ScanStore.schemaVersion),\n")
            write("  \"specification\": \(meta.specification),\n")
            write("  \"fingerprint\": \(quote(meta.fingerprint)),\n")
            write("  \"shard\": \(quote(meta.shard.description)),\n")
            write("  \"point_count\": \(meta.pointCount),\n")
            write("  \"failed_count\": \(meta.failedCount),\n")
            write("  \"x\": \(quote(specification.x.parameter)),\n")
            write("  \"y\": \(quote(specification.y.parameter)),\n")
            write("  \"columns\": [\n")
            for (k, column) in meta.columns.enumerated() {
                let citations = column.citations.map(quote).joined(separator: ", ")
                write("    {\"name\": \(quote(column.name)), \"kind\": \(quote(column.kind.rawValue)), \"number\": \(quote(column.kind.numberName)), \"latex\": \(quote(column.latexName)), \"description\": \(quote(column.description)), \"unit\": \(quote(column.unit)), \"citations\": [\(citations)]}\(k == meta.columns.count - 1 ? "" : ",")\n")
            }
            write("  ],\n")
            write("  \"points\": [")
            var first = true
            try ScanStore.forEachPoint(path: path) { point in
                write((first ? "\n" : ",\n") + "    " + jsonObject(point, specification: specification, columns: meta.columns))
                first = false
            }
            write(first ? "]\n}\n" : "\n  ]\n}\n")
        }
    }

    static func csvLine(_ point: ScanStoredPoint) -> String {
        var fields = ["\(point.index)", "\(point.ix)", "\(point.iy)", number(point.x), number(point.y)]
        switch point.result {
        case .failure(let failure):
            fields += ["failed", csvField(failure.message), ""]
        case .success(let record):
            fields += ["ok", "", record.warnings.joined(separator: ";")]
            for cell in record.cells {
                switch cell {
                case .value(let value): fields.append(number(value))
                case .verdict(let verdict, let value): fields += [verdict.rawValue, value.map(number) ?? ""]
                }
            }
            return fields.joined(separator: ",")
        }
        return fields.joined(separator: ",")
    }

    static func jsonObject(_ point: ScanStoredPoint, specification: ScanSpecification, columns: [ScanColumn]) -> String {
        var text = "{\"index\": \(point.index), \"ix\": \(point.ix), \"iy\": \(point.iy), \(quote(specification.x.parameter)): \(number(point.x)), \(quote(specification.y.parameter)): \(number(point.y)), "
        switch point.result {
        case .failure(let failure):
            text += "\"status\": \"failed\", \"problem\": \(quote(failure.message))}"
        case .success(let record):
            text += "\"status\": \"ok\", \"warnings\": [\(record.warnings.map(quote).joined(separator: ", "))], \"values\": {"
            text += zip(columns, record.cells).map { column, cell in
                switch cell {
                case .value(let value): return "\(quote(column.name)): \(number(value))"
                case .verdict(let verdict, let value):
                    return "\(quote(column.name)): {\"verdict\": \(quote(verdict.rawValue))" + (value.map { ", \(quote(column.kind.numberName)): \(number($0))" } ?? "") + "}"
                }
            }.joined(separator: ", ")
            text += "}}"
        }
        return text
    }
}
