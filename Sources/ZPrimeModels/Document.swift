import TOMLKit

/// A parsed model file: the common tree that TOML and JSON both turn into, so that one schema
/// decoder serves both formats and reports errors the same way.
public indirect enum DocumentValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case bool(Bool)
    case array([DocumentValue])
    case table(DocumentTable)

    /// A short rendering of the value for error messages.
    public var rendered: String {
        switch self {
        case .string(let s): return s
        case .integer(let i): return "\(i)"
        case .float(let d): return "\(d)"
        case .bool(let b): return "\(b)"
        case .array(let a): return "[" + a.map(\.rendered).joined(separator: ", ") + "]"
        case .table(let t): return "{" + t.entries.map { "\($0.key) = \($0.value.rendered)" }.joined(separator: ", ") + "}"
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
    /// The key involved, if known.
    let key: String?
    /// What went wrong.
    let message: String
}

enum DocumentParser {
    /// Parses TOML with TOMLKit (toml++), converting its tree.
    static func parseTOML(_ text: String) throws(DocumentSyntaxError) -> DocumentTable {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw DocumentSyntaxError(line: error.source.begin.line, key: quotedName(in: error.description), message: error.description)
        } catch {
            throw DocumentSyntaxError(line: nil, key: nil, message: "\(error)")
        }
        return convert(table)
    }

    private static func quotedName(in message: String) -> String? {
        guard let first = message.firstIndex(of: "'"), let last = message.lastIndex(of: "'"), first < last else { return nil }
        return String(message[message.index(after: first)..<last])
    }

    private static func convert(_ table: TOMLTable) -> DocumentTable {
        var entries: [DocumentTable.Entry] = []
        for (key, value) in table {
            entries.append(.init(key: key, value: convert(value)))
        }
        return DocumentTable(entries: entries)
    }

    private static func convert(_ value: TOMLValueConvertible) -> DocumentValue {
        switch value.type {
        case .table: return .table(convert(value.table!))
        case .array: return .array(value.array!.map { convert($0) })
        case .string: return .string(value.string!)
        case .int: return .integer(Int64(value.int!))
        case .double: return .float(value.double!)
        case .bool: return .bool(value.bool!)
        case .date, .time, .dateTime: return .string(value.debugDescription)
        }
    }

    /// Parses JSON (RFC 8259), rejecting duplicate keys, which Foundation's parser would accept
    /// silently.
    static func parseJSON(_ text: String) throws(DocumentSyntaxError) -> DocumentTable {
        var parser = JSONParser(Array(text.utf8))
        let value = try parser.parseDocument()
        guard case .table(let table) = value else {
            throw DocumentSyntaxError(line: 1, key: nil, message: "the top level of a model file must be an object")
        }
        return table
    }
}

/// A small recursive-descent JSON parser that keeps key order, tracks lines and rejects
/// duplicate keys.
private struct JSONParser {
    let bytes: [UInt8]
    var position = 0
    var line = 1

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func parseDocument() throws(DocumentSyntaxError) -> DocumentValue {
        let value = try parseValue(path: "")
        skipWhitespace()
        if position < bytes.count { throw error("unexpected text after the document") }
        return value
    }

    private func error(_ message: String, key: String? = nil) -> DocumentSyntaxError {
        DocumentSyntaxError(line: line, key: key, message: message)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\n"): line += 1; position += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): position += 1
            default: return
            }
        }
    }

    private mutating func parseValue(path: String) throws(DocumentSyntaxError) -> DocumentValue {
        skipWhitespace()
        guard position < bytes.count else { throw error("unexpected end of input") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return .table(try parseObject(path: path))
        case UInt8(ascii: "["): return try parseArray(path: path)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): throw error("null is not allowed", key: path.isEmpty ? nil : path)
        default: return try parseNumber()
        }
    }

    private mutating func expectWord(_ word: String) throws(DocumentSyntaxError) {
        let w = Array(word.utf8)
        guard position + w.count <= bytes.count, Array(bytes[position..<position + w.count]) == w else {
            throw error("unexpected character")
        }
        position += w.count
    }

    private mutating func parseObject(path: String) throws(DocumentSyntaxError) -> DocumentTable {
        position += 1
        var entries: [DocumentTable.Entry] = []
        var seen = Set<String>()
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return DocumentTable(entries: entries) }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
            let keyLine = line
            let key = try parseString()
            let fullKey = path.isEmpty ? key : path + "." + key
            if seen.contains(key) {
                throw DocumentSyntaxError(line: keyLine, key: fullKey, message: "duplicated key '\(fullKey)'")
            }
            seen.insert(key)
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':' after key '\(fullKey)'") }
            position += 1
            let value = try parseValue(path: fullKey)
            entries.append(.init(key: key, value: value))
            skipWhitespace()
            guard position < bytes.count else { throw error("unterminated object") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "}") { position += 1; return DocumentTable(entries: entries) }
            throw error("expected ',' or '}'")
        }
    }

    private mutating func parseArray(path: String) throws(DocumentSyntaxError) -> DocumentValue {
        position += 1
        var items: [DocumentValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
        while true {
            items.append(try parseValue(path: "\(path)[\(items.count)]"))
            skipWhitespace()
            guard position < bytes.count else { throw error("unterminated array") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
            throw error("expected ',' or ']'")
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
                scalars.append(byte)
            }
        }
        throw error("unterminated string")
    }

    private mutating func parseNumber() throws(DocumentSyntaxError) -> DocumentValue {
        let start = position
        while position < bytes.count, "+-0123456789.eE".utf8.contains(bytes[position]) { position += 1 }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if text.isEmpty { throw error("unexpected character '\(String(decoding: [bytes[start]], as: UTF8.self))'") }
        if let i = Int64(text) { return .integer(i) }
        if let d = Double(text), d.isFinite { return .float(d) }
        throw error("malformed number '\(text)'")
    }
}
