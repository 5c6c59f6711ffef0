/// A parsed model file: the common tree that TOML and JSON both turn into, so that one schema
/// decoder serves both formats and reports errors the same way.
public indirect enum DocumentValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case bool(Bool)
    case array([DocumentValue])
    case table(DocumentTable)

    /// A short rendering of the value for error messages: at most about
    /// ``ModelFileLimits/maximumQuotedLength`` characters (longer values end in "..."), built
    /// without rendering the rest of a large value.
    public var rendered: String {
        var out = ""
        render(into: &out, budget: ModelFileLimits.maximumQuotedLength + 1)
        return ModelFileLimits.quoted(out)
    }

    private func render(into out: inout String, budget: Int) {
        guard out.count <= budget else { return }
        switch self {
        case .string(let s): out += s.count > budget ? String(s.prefix(budget)) : s
        case .integer(let i): out += "\(i)"
        case .float(let d): out += "\(d)"
        case .bool(let b): out += "\(b)"
        case .array(let a):
            out += "["
            for (i, item) in a.enumerated() {
                if out.count > budget { return }
                if i > 0 { out += ", " }
                item.render(into: &out, budget: budget)
            }
            out += "]"
        case .table(let t):
            out += "{"
            for (i, entry) in t.entries.enumerated() {
                if out.count > budget { return }
                if i > 0 { out += ", " }
                out += entry.key.count > budget ? String(entry.key.prefix(budget)) : entry.key
                out += " = "
                entry.value.render(into: &out, budget: budget)
            }
            out += "}"
        }
    }

    /// The kind of value, for error messages.
    public var kind: String {
        switch self {
        case .string: return "string"
        case .integer: return "integer"
        case .float: return "floating-point number"
        case .bool: return "boolean"
        case .array: return "array"
        case .table: return "table"
        }
    }
}

/// An ordered table of a document (keys are unique: both parsers reject duplicates).
public struct DocumentTable: Sendable, Equatable {
    /// One entry.
    public struct Entry: Sendable, Equatable {
        public let key: String
        public let value: DocumentValue
    }
    /// The entries in file order (TOML: parser order).
    public var entries: [Entry]

    /// The value for `key`, if present.
    public subscript(key: String) -> DocumentValue? {
        entries.first { $0.key == key }?.value
    }
}

/// Errors reading a document; the model-file layer wraps them with the file name.
struct DocumentSyntaxError: Error {
    /// 1-based line, or nil.
    let line: Int?
    /// 1-based column (in characters), or nil.
    let column: Int?
    /// The path of the key involved, if known (e.g. `charges.Q[1]`).
    let key: String?
    /// The offending text, if any.
    let value: String?
    /// What went wrong.
    let message: String

    init(line: Int?, column: Int? = nil, key: String?, value: String? = nil, message: String) {
        self.line = line
        self.column = column
        self.key = key
        self.value = value
        self.message = message
    }

    /// "line 3, column 5: message".
    var located: String {
        switch (line, column) {
        case (let l?, let c?): return "line \(l), column \(c): \(message)"
        case (let l?, nil): return "line \(l): \(message)"
        default: return message
        }
    }
}

enum DocumentParser {
    /// Parses TOML 1.0 (see ``TOMLParser``).
    static func parseTOML(_ text: String) throws(DocumentSyntaxError) -> DocumentTable {
        var parser = TOMLParser(text)
        return try parser.parse()
    }

    /// Parses JSON (RFC 8259), rejecting duplicate keys, which Foundation's parser would accept
    /// silently.
    static func parseJSON(_ text: String) throws(DocumentSyntaxError) -> DocumentTable {
        var parser = JSONParser(Array(text.utf8))
        let value = try parser.parseDocument()
        guard case .table(let table) = value else {
            throw DocumentSyntaxError(line: 1, column: 1, key: nil, message: "the top level of a model file must be an object")
        }
        return table
    }
}

/// A small recursive-descent JSON parser that keeps key order, tracks lines and columns and
/// rejects duplicate keys. Its recursion is bounded by ``ModelFileLimits/maximumDepth`` and its
/// work by ``ModelFileLimits/maximumValues``, so no input can exhaust the stack.
private struct JSONParser {
    let bytes: [UInt8]
    var position = 0
    var line = 1
    var lineStart = 0
    var values = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func parseDocument() throws(DocumentSyntaxError) -> DocumentValue {
        let value = try parseValue(path: "", depth: 0)
        skipWhitespace()
        if position < bytes.count { throw error("unexpected text after the document") }
        return value
    }

    private var column: Int {
        var n = 1
        var i = lineStart
        while i < position && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { n += 1 }
            i += 1
        }
        return n
    }

    private func error(_ message: String, key: String? = nil, value: String? = nil) -> DocumentSyntaxError {
        DocumentSyntaxError(line: line, column: column, key: key, value: value, message: message)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\n"): line += 1; position += 1; lineStart = position
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): position += 1
            default: return
            }
        }
    }

    private mutating func parseValue(path: String, depth: Int) throws(DocumentSyntaxError) -> DocumentValue {
        skipWhitespace()
        guard position < bytes.count else { throw error("unexpected end of input", key: path.isEmpty ? nil : path) }
        values += 1
        if values > ModelFileLimits.maximumValues {
            throw error("more than \(ModelFileLimits.maximumValues) values (the limit for a model file)", key: path.isEmpty ? nil : path)
        }
        switch bytes[position] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            if depth >= ModelFileLimits.maximumDepth {
                throw error("arrays and objects nested more than \(ModelFileLimits.maximumDepth) levels deep (the nesting limit of a model file)",
                            key: path.isEmpty ? nil : path)
            }
            if bytes[position] == UInt8(ascii: "{") { return .table(try parseObject(path: path, depth: depth + 1)) }
            return try parseArray(path: path, depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): throw error("null is not allowed", key: path.isEmpty ? nil : path)
        default: return try parseNumber(path: path)
        }
    }

    private mutating func expectWord(_ word: String) throws(DocumentSyntaxError) {
        let w = Array(word.utf8)
        guard position + w.count <= bytes.count, Array(bytes[position..<position + w.count]) == w else {
            throw error("unexpected character")
        }
        position += w.count
    }

    private mutating func parseObject(path: String, depth: Int) throws(DocumentSyntaxError) -> DocumentTable {
        position += 1
        var entries: [DocumentTable.Entry] = []
        var seen = Set<String>()
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return DocumentTable(entries: entries) }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a quoted key", key: path.isEmpty ? nil : path) }
            let keyLine = line
            let key = try parseString()
            let fullKey = path.isEmpty ? key : path + "." + key
            if seen.contains(key) {
                throw DocumentSyntaxError(line: keyLine, key: fullKey, message: "duplicated key '\(ModelFileLimits.quoted(fullKey))'")
            }
            seen.insert(key)
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':' after the key", key: fullKey) }
            position += 1
            let value = try parseValue(path: fullKey, depth: depth)
            entries.append(.init(key: key, value: value))
            skipWhitespace()
            guard position < bytes.count else { throw error("unterminated object", key: path.isEmpty ? nil : path) }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "}") { position += 1; return DocumentTable(entries: entries) }
            throw error("expected ',' or '}'", key: path.isEmpty ? nil : path)
        }
    }

    private mutating func parseArray(path: String, depth: Int) throws(DocumentSyntaxError) -> DocumentValue {
        position += 1
        var items: [DocumentValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
        while true {
            items.append(try parseValue(path: "\(path)[\(items.count)]", depth: depth))
            skipWhitespace()
            guard position < bytes.count else { throw error("unterminated array", key: path.isEmpty ? nil : path) }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
            throw error("expected ',' or ']'", key: path.isEmpty ? nil : path)
        }
    }

    private mutating func parseString() throws(DocumentSyntaxError) -> String {
        position += 1
        var scalars: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { throw error("unterminated string") }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): scalars.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): scalars.append(UInt8(ascii: "/"))
                case UInt8(ascii: "n"): scalars.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): scalars.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "r"): scalars.append(UInt8(ascii: "\r"))
                case UInt8(ascii: "b"): scalars.append(8)
                case UInt8(ascii: "f"): scalars.append(12)
                case UInt8(ascii: "u"):
                    guard position + 4 <= bytes.count,
                          let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(code) else { throw error("bad \\u escape") }
                    position += 4
                    scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: throw error("bad escape in string")
                }
            case UInt8(ascii: "\n"):
                throw error("newline inside a string")
            default:
                if byte < 0x20 { throw error("control character \(byte) inside a string (escape it)") }
                scalars.append(byte)
            }
        }
        throw error("unterminated string")
    }

    private mutating func parseNumber(path: String) throws(DocumentSyntaxError) -> DocumentValue {
        let start = position
        while position < bytes.count, "+-0123456789.eE".utf8.contains(bytes[position]) { position += 1 }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        let key = path.isEmpty ? nil : path
        if text.isEmpty {
            let byte = bytes[start]
            let shown = (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte \(byte)"
            throw error("unexpected character \(shown)", key: key)
        }
        position = start
        if let i = Int64(text) { position += text.utf8.count; return .integer(i) }
        if JSONParser.isIntegerText(text) { throw error("the integer does not fit in 64 bits", key: key, value: text) }
        if let d = Double(text), d.isFinite { position += text.utf8.count; return .float(d) }
        throw error("malformed number", key: key, value: text)
    }

    static func isIntegerText(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
