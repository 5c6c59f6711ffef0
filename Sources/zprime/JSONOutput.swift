/// A JSON value with ordered object keys, for deterministic command output.
///
/// Numbers must be finite: the commands validate their inputs, and ``serialized(indent:)``
/// writes `null` for a non-finite number rather than invalid JSON.
indirect enum JSONOutput {
    case object([(String, JSONOutput)])
    case array([JSONOutput])
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null

    /// The JSON text; `indent` nil gives one line.
    func serialized(indent: Int? = 2) -> String {
        var out = ""
        write(into: &out, level: 0, indent: indent)
        return out
    }

    private func write(into out: inout String, level: Int, indent: Int?) {
        let newline = indent == nil ? "" : "\n"
        let pad = { (l: Int) -> String in indent.map { String(repeating: " ", count: $0 * l) } ?? "" }
        let separator = indent == nil ? ", " : ","
        switch self {
        case .object(let entries):
            if entries.isEmpty { out += "{}"; return }
            out += "{" + newline
            for (i, (key, value)) in entries.enumerated() {
                out += pad(level + 1) + JSONOutput.quote(key) + ": "
                value.write(into: &out, level: level + 1, indent: indent)
                if i < entries.count - 1 { out += separator }
                out += newline
            }
            out += pad(level) + "}"
        case .array(let items):
            // Arrays of scalars stay on one line.
            let scalarItems = items.allSatisfy { if case .object = $0 { return false }; if case .array = $0 { return false }; return true }
            if items.isEmpty { out += "[]"; return }
            if scalarItems || indent == nil {
                out += "[" + items.map { $0.serialized(indent: nil) }.joined(separator: ", ") + "]"
                return
            }
            out += "[" + newline
            for (i, item) in items.enumerated() {
                out += pad(level + 1)
                item.write(into: &out, level: level + 1, indent: indent)
                if i < items.count - 1 { out += separator }
                out += newline
            }
            out += pad(level) + "]"
        case .string(let s): out += JSONOutput.quote(s)
        case .number(let d): out += d.isFinite ? JSONOutput.format(d) : "null"
        case .integer(let i): out += "\(i)"
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    /// Shortest round-trip decimal form of a double (Swift's description), valid JSON.
    static func format(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

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
}
