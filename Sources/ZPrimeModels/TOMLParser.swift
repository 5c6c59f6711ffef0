/// A TOML 1.0 reader for model files that reports every error as data (line, column, the key
/// being read and the offending text) instead of asserting, and bounds its own work: the nesting
/// depth (``ModelFileLimits/maximumDepth``, for table headers, dotted keys, arrays and inline
/// tables alike) and the number of values (``ModelFileLimits/maximumValues``). Recursion is
/// limited to that depth, so no input can exhaust the stack.
///
/// Dates and times are accepted and kept as strings (no model-file field takes one).
struct TOMLParser {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private var values = 0
    /// The key path of the value being read, for messages: keys as written, `[i]` for the
    /// elements of arrays and of arrays of tables.
    private var context: [String] = []

    private let root = Table(origin: .header)
    private var current: Table
    /// The current table's path for messages (see ``context``).
    private var currentPath: [String] = []

    init(_ text: String) {
        bytes = Array(text.utf8)
        current = root
    }

    // MARK: Tree under construction

    /// How a table came to exist, which decides how it may be extended later (TOML 1.0 rules).
    enum Origin {
        /// Created implicitly as the parent of a header, e.g. `a` by `[a.b]`; may be defined later by `[a]`.
        case implicit
        /// Defined by its own header `[a]` (or the root).
        case header
        /// Created by a dotted key `a.b = 1`; may be extended by more dotted keys in the same table.
        case dotted
        /// An inline table `{ ... }`: closed once written.
        case inline
    }

    final class Table {
        var keys: [String] = []
        var entries: [String: Entry] = [:]
        var origin: Origin
        init(origin: Origin) { self.origin = origin }

        func set(_ key: String, _ entry: Entry) {
            if entries.updateValue(entry, forKey: key) == nil { keys.append(key) }
        }
    }

    final class TableArray {
        var tables: [Table] = []
    }

    enum Entry {
        case value(DocumentValue)
        case table(Table)
        case tableArray(TableArray)
    }

    // MARK: Entry point

    mutating func parse() throws(DocumentSyntaxError) -> DocumentTable {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        while true {
            skipSpaces()
            guard let byte = peek() else { break }
            switch byte {
            case UInt8(ascii: "#"): try skipComment()
            case UInt8(ascii: "\n"): newline()
            case UInt8(ascii: "\r"): try carriageReturn()
            case UInt8(ascii: "["): try parseHeader()
            default:
                try parseKeyValue(into: current, basePath: currentPath, depth: currentPath.count)
                try endOfLine()
            }
        }
        return try TOMLParser.convert(root, depth: 0)
    }

    // MARK: Errors and position

    private var column: Int {
        // Columns count characters: skip UTF-8 continuation bytes.
        var n = 1
        var i = lineStart
        while i < position && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { n += 1 }
            i += 1
        }
        return n
    }

    private func error(_ message: String, value: String? = nil) -> DocumentSyntaxError {
        DocumentSyntaxError(line: line, column: column, key: context.isEmpty ? nil : context.joined(separator: "."), value: value, message: message)
    }

    /// `a.b."c d"`: a key path as it would be written in a file.
    static func path(_ parts: [String]) -> String {
        parts.map(display).joined(separator: ".")
    }

    /// One key as written in a file: bare, or quoted when it needs quotes.
    static func display(_ part: String) -> String {
        part.isEmpty || !part.utf8.allSatisfy(isBareKeyByte) ? ModelFile.quoted(part) : part
    }

    private func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "the end of the file" }
        switch byte {
        case UInt8(ascii: "\n"): return "a line break"
        case UInt8(ascii: "\r"): return "a carriage return"
        case UInt8(ascii: "\t"): return "a tab"
        case 0x20...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        default: return byte < 0x20 || byte == 0x7F ? "control character \(byte)" : "a non-ASCII character"
        }
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private mutating func newline() {
        position += 1
        line += 1
        lineStart = position
    }

    private mutating func carriageReturn() throws(DocumentSyntaxError) {
        guard peek(1) == UInt8(ascii: "\n") else {
            throw error("a carriage return not followed by a line feed (TOML lines end in LF or CRLF; convert CR line endings)")
        }
        position += 1
        newline()
    }

    private mutating func skipSpaces() {
        while let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { position += 1 }
    }

    private mutating func skipComment() throws(DocumentSyntaxError) {
        position += 1
        while let byte = peek(), byte != UInt8(ascii: "\n") {
            if byte == UInt8(ascii: "\r") {
                if peek(1) == UInt8(ascii: "\n") { break }
                throw error("a carriage return not followed by a line feed (TOML lines end in LF or CRLF; convert CR line endings)")
            }
            if (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F { throw error("\(describe(byte)) in a comment") }
            position += 1
        }
    }

    /// After a key/value pair or a header: spaces, an optional comment, then a line break or the end.
    private mutating func endOfLine() throws(DocumentSyntaxError) {
        skipSpaces()
        switch peek() {
        case nil: return
        case UInt8(ascii: "#"): try skipComment()
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"): break
        default: throw error("expected the end of the line, found \(describe(peek()))")
        }
        switch peek() {
        case UInt8(ascii: "\n"): newline()
        case UInt8(ascii: "\r"): try carriageReturn()
        default: break
        }
    }

    private mutating func countValue() throws(DocumentSyntaxError) {
        values += 1
        if values > ModelFileLimits.maximumValues {
            throw error("more than \(ModelFileLimits.maximumValues) values (the limit for a model file)")
        }
    }

    // MARK: Keys

    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// A key, possibly dotted: `a`, `"a b"`, `'a'`, `a . b`.
    private mutating func parseKey() throws(DocumentSyntaxError) -> [String] {
        var parts: [String] = []
        while true {
            skipSpaces()
            let part: String
            switch peek() {
            case UInt8(ascii: "\""):
                if peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") { throw error("a multi-line string cannot be a key") }
                part = try parseBasicString()
            case UInt8(ascii: "'"):
                if peek(1) == UInt8(ascii: "'"), peek(2) == UInt8(ascii: "'") { throw error("a multi-line string cannot be a key") }
                part = try parseLiteralString()
            case let byte? where TOMLParser.isBareKeyByte(byte):
                let start = position
                while let b = peek(), TOMLParser.isBareKeyByte(b) { position += 1 }
                part = String(decoding: bytes[start..<position], as: UTF8.self)
            default:
                throw error("expected a key (letters, digits, '_', '-' or a quoted string), found \(describe(peek()))")
            }
            parts.append(part)
            if parts.count > ModelFileLimits.maximumDepth {
                throw error("a key with more than \(ModelFileLimits.maximumDepth) dotted parts (the nesting limit of a model file)",
                            value: TOMLParser.path(Array(parts.prefix(3))) + "...")
            }
            skipSpaces()
            guard peek() == UInt8(ascii: ".") else { return parts }
            position += 1
        }
    }

    // MARK: Headers

    private mutating func parseHeader() throws(DocumentSyntaxError) {
        position += 1
        let isArray = peek() == UInt8(ascii: "[")
        if isArray { position += 1 }
        context = []
        let parts = try parseKey()
        context = parts.map(TOMLParser.display)
        guard peek() == UInt8(ascii: "]") else { throw error("expected ']' to close the table header, found \(describe(peek()))") }
        position += 1
        if isArray {
            guard peek() == UInt8(ascii: "]") else { throw error("expected ']]' to close the array-of-tables header, found \(describe(peek()))") }
            position += 1
        }
        var table = root
        var display: [String] = []
        for (i, part) in parts.enumerated() {
            let isLast = i == parts.count - 1
            display.append(TOMLParser.display(part))
            let here = display.joined(separator: ".")
            switch table.entries[part] {
            case nil:
                if isLast && isArray {
                    let array = TableArray()
                    let element = Table(origin: .header)
                    array.tables.append(element)
                    try countValue()
                    table.set(part, .tableArray(array))
                    table = element
                    display[display.count - 1] += "[0]"
                } else {
                    let child = Table(origin: isLast ? .header : .implicit)
                    try countValue()
                    table.set(part, .table(child))
                    table = child
                }
            case .table(let child)?:
                if isLast {
                    if isArray { throw error("'\(here)' is a table, not an array of tables") }
                    switch child.origin {
                    case .implicit: child.origin = .header
                    case .header: throw error("the table [\(here)] is defined twice")
                    case .dotted: throw error("the table [\(here)] was already defined by dotted keys")
                    case .inline: throw error("the inline table '\(here)' cannot be extended")
                    }
                } else if child.origin == .inline {
                    throw error("the inline table '\(here)' cannot be extended")
                }
                table = child
            case .tableArray(let array)?:
                if isLast {
                    guard isArray else { throw error("'\(here)' is an array of tables ([[\(here)]]), not a table") }
                    let element = Table(origin: .header)
                    try countValue()
                    array.tables.append(element)
                    table = element
                } else {
                    table = array.tables[array.tables.count - 1]
                }
                display[display.count - 1] += "[\(array.tables.count - 1)]"
            case .value?:
                throw error("'\(here)' is already a value; it cannot also be a table")
            }
        }
        current = table
        currentPath = display
        try endOfLine()
        context = []
    }

    // MARK: Key/value pairs

    /// `key = value` into `table`, which sits `depth` levels below the root; `basePath` names
    /// `table` in messages.
    private mutating func parseKeyValue(into table: Table, basePath: [String], depth: Int) throws(DocumentSyntaxError) {
        context = basePath
        let parts = try parseKey()
        context = basePath + parts.map(TOMLParser.display)
        if depth + parts.count > ModelFileLimits.maximumDepth {
            throw error("a key nested more than \(ModelFileLimits.maximumDepth) levels deep (the nesting limit of a model file)")
        }
        guard peek() == UInt8(ascii: "=") else { throw error("expected '=' after the key, found \(describe(peek()))") }
        position += 1
        skipSpaces()
        var target = table
        for (i, part) in parts.dropLast().enumerated() {
            let here = (basePath + parts[...i].map(TOMLParser.display)).joined(separator: ".")
            switch target.entries[part] {
            case nil:
                let child = Table(origin: .dotted)
                try countValue()
                target.set(part, .table(child))
                target = child
            case .table(let child)? where child.origin == .dotted:
                target = child
            case .table?:
                throw error("cannot add keys to the table '\(here)' here: it is defined elsewhere")
            case .tableArray?:
                throw error("cannot add keys to the array of tables '\(here)' with a dotted key")
            case .value?:
                throw error("'\(here)' is already a value; it cannot also be a table")
            }
        }
        let last = parts[parts.count - 1]
        if target.entries[last] != nil {
            throw error("cannot redefine the key '\(context.joined(separator: "."))' (each key is set once)")
        }
        let value = try parseValue(depth: depth + parts.count)
        target.set(last, .value(value))
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws(DocumentSyntaxError) -> DocumentValue {
        if depth > ModelFileLimits.maximumDepth {
            throw error("values nested more than \(ModelFileLimits.maximumDepth) levels deep (the nesting limit of a model file)")
        }
        try countValue()
        switch peek() {
        case nil, UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#"):
            throw error("expected a value, found \(describe(peek()))")
        case UInt8(ascii: "\""):
            if peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") { return .string(try parseMultilineBasicString()) }
            return .string(try parseBasicString())
        case UInt8(ascii: "'"):
            if peek(1) == UInt8(ascii: "'"), peek(2) == UInt8(ascii: "'") { return .string(try parseMultilineLiteralString()) }
            return .string(try parseLiteralString())
        case UInt8(ascii: "["):
            return try parseArray(depth: depth)
        case UInt8(ascii: "{"):
            return try parseInlineTable(depth: depth)
        default:
            return try parseBareValue()
        }
    }

    private mutating func skipArrayWhitespace() throws(DocumentSyntaxError) {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"): position += 1
            case UInt8(ascii: "\n"): newline()
            case UInt8(ascii: "\r"): try carriageReturn()
            case UInt8(ascii: "#"): try skipComment()
            default: return
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(DocumentSyntaxError) -> DocumentValue {
        position += 1
        var items: [DocumentValue] = []
        let base = context
        while true {
            try skipArrayWhitespace()
            if peek() == UInt8(ascii: "]") { position += 1; break }
            context = base
            if let last = context.popLast() { context.append("\(last)[\(items.count)]") }
            items.append(try parseValue(depth: depth + 1))
            context = base
            try skipArrayWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return .array(items)
            default: throw error("expected ',' or ']' in an array, found \(describe(peek()))")
            }
        }
        return .array(items)
    }

    private mutating func parseInlineTable(depth: Int) throws(DocumentSyntaxError) -> DocumentValue {
        position += 1
        let table = Table(origin: .inline)
        let base = context
        skipSpaces()
        if peek() == UInt8(ascii: "}") {
            position += 1
            return .table(try TOMLParser.convert(table, depth: depth))
        }
        while true {
            // Dotted keys inside an inline table create dotted sub-tables of it.
            try parseKeyValue(into: table, basePath: base, depth: depth)
            context = base
            skipSpaces()
            switch peek() {
            case UInt8(ascii: ","):
                position += 1
                skipSpaces()
                if peek() == UInt8(ascii: "}") { throw error("a trailing comma is not allowed in an inline table") }
            case UInt8(ascii: "}"):
                position += 1
                return .table(try TOMLParser.convert(table, depth: depth))
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw error("an inline table must stay on one line (close it with '}')")
            default:
                throw error("expected ',' or '}' in an inline table, found \(describe(peek()))")
            }
        }
    }

    /// Numbers, booleans, dates and times: a run of the characters they use.
    private mutating func parseBareValue() throws(DocumentSyntaxError) -> DocumentValue {
        let start = position
        while let byte = peek() {
            let isTokenByte: Bool
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: ":"):
                isTokenByte = true
            case UInt8(ascii: " "):
                // A date and a time may be separated by one space: 1979-05-27 07:32:00.
                isTokenByte = position - start == 10 && TOMLParser.isDigit(peek(1)) && bytes[start + 4] == UInt8(ascii: "-")
            default:
                isTokenByte = false
            }
            guard isTokenByte else { break }
            position += 1
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard !text.isEmpty else { throw error("expected a value, found \(describe(peek()))") }
        if let value = TOMLParser.scalar(text) { return value }
        position = start
        if TOMLParser.looksLikeInteger(text) {
            throw error("the integer does not fit in 64 bits", value: text)
        }
        throw error("not a valid TOML value (strings need quotes: \"...\")", value: text)
    }

    static func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func looksLikeInteger(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "_") }
    }

    /// A bare token as a boolean, integer, float or date/time, or nil if it is none of them.
    static func scalar(_ text: String) -> DocumentValue? {
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan", "-nan": return .float(.nan)
        default: break
        }
        let b = Array(text.utf8)
        if b.count > 2, b[0] == UInt8(ascii: "0"), let radix = [UInt8(ascii: "x"): 16, UInt8(ascii: "o"): 8, UInt8(ascii: "b"): 2][b[1]] {
            guard let digits = underscoresRemoved(b[2...], allowed: { radixDigit($0, radix) }) else { return nil }
            return Int64(digits, radix: radix).map { .integer($0) }
        }
        if let value = decimalInteger(b) { return .integer(value) }
        if let value = float(b) { return .float(value) }
        if isDateTime(b) { return .string(text) }
        return nil
    }

    static func radixDigit(_ byte: UInt8, _ radix: Int) -> Bool {
        switch radix {
        case 16: return isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
        case 8: return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "7")
        default: return byte == UInt8(ascii: "0") || byte == UInt8(ascii: "1")
        }
    }

    /// The digits with single underscores between digits removed, or nil if an underscore is
    /// misplaced or a byte is not a digit.
    static func underscoresRemoved(_ bytes: ArraySlice<UInt8>, allowed: (UInt8) -> Bool) -> String? {
        guard let first = bytes.first, let last = bytes.last, allowed(first), allowed(last) else { return nil }
        var out: [UInt8] = []
        var previousUnderscore = false
        for byte in bytes {
            if byte == UInt8(ascii: "_") {
                if previousUnderscore { return nil }
                previousUnderscore = true
                continue
            }
            guard allowed(byte) else { return nil }
            previousUnderscore = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decimalInteger(_ b: [UInt8]) -> Int64? {
        var slice = b[...]
        var sign = ""
        if let first = slice.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            sign = first == UInt8(ascii: "-") ? "-" : ""
            slice = slice.dropFirst()
        }
        guard let digits = underscoresRemoved(slice, allowed: { isDigit($0) }) else { return nil }
        if digits.count > 1 && digits.hasPrefix("0") { return nil }
        return Int64(sign + digits)
    }

    static func float(_ b: [UInt8]) -> Double? {
        var slice = b[...]
        var sign = ""
        if let first = slice.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            sign = first == UInt8(ascii: "-") ? "-" : ""
            slice = slice.dropFirst()
        }
        // integer part, then .fraction and/or e[+-]exponent
        let exponentIndex = slice.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        let mantissa = slice[..<(exponentIndex ?? slice.endIndex)]
        let dot = mantissa.firstIndex(of: UInt8(ascii: "."))
        let integerPart = mantissa[..<(dot ?? mantissa.endIndex)]
        guard let integerDigits = underscoresRemoved(integerPart, allowed: { isDigit($0) }) else { return nil }
        if integerDigits.count > 1 && integerDigits.hasPrefix("0") { return nil }
        var text = sign + integerDigits
        if let dot {
            guard let fraction = underscoresRemoved(mantissa[mantissa.index(after: dot)...], allowed: { isDigit($0) }) else { return nil }
            text += "." + fraction
        }
        if let exponentIndex {
            var exponent = slice[slice.index(after: exponentIndex)...]
            var exponentSign = ""
            if let first = exponent.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
                exponentSign = first == UInt8(ascii: "-") ? "-" : ""
                exponent = exponent.dropFirst()
            }
            guard let digits = underscoresRemoved(exponent, allowed: { isDigit($0) }) else { return nil }
            text += "e" + exponentSign + digits
        }
        guard dot != nil || exponentIndex != nil else { return nil }
        return Double(text)
    }

    /// Offset date-time, local date-time, local date or local time (RFC 3339 shapes).
    static func isDateTime(_ b: [UInt8]) -> Bool {
        func digits(_ range: Range<Int>) -> Bool { range.upperBound <= b.count && range.allSatisfy { isDigit(b[$0]) } }
        func time(at start: Int) -> Int? {
            guard digits(start..<start + 2), start + 2 < b.count, b[start + 2] == UInt8(ascii: ":"), digits(start + 3..<start + 5),
                  start + 5 < b.count, b[start + 5] == UInt8(ascii: ":"), digits(start + 6..<start + 8) else { return nil }
            var i = start + 8
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                let fractionStart = i
                while i < b.count, isDigit(b[i]) { i += 1 }
                if i == fractionStart { return nil }
            }
            return i
        }
        if let end = time(at: 0) { return end == b.count }
        guard digits(0..<4), b.count >= 10, b[4] == UInt8(ascii: "-"), digits(5..<7), b[7] == UInt8(ascii: "-"), digits(8..<10) else { return false }
        if b.count == 10 { return true }
        guard [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(b[10]), var i = time(at: 11) else { return false }
        if i == b.count { return true }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") { return i + 1 == b.count }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return false }
        i += 1
        return digits(i..<i + 2) && i + 5 == b.count && b[i + 2] == UInt8(ascii: ":") && digits(i + 3..<i + 5)
    }

    // MARK: Strings

    private mutating func appendEscape(to out: inout [UInt8]) throws(DocumentSyntaxError) {
        // At the byte after the backslash.
        guard let escape = peek() else { throw error("an unterminated string") }
        position += 1
        switch escape {
        case UInt8(ascii: "b"): out.append(8)
        case UInt8(ascii: "t"): out.append(9)
        case UInt8(ascii: "n"): out.append(10)
        case UInt8(ascii: "f"): out.append(12)
        case UInt8(ascii: "r"): out.append(13)
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = escape == UInt8(ascii: "u") ? 4 : 8
            guard position + count <= bytes.count,
                  let code = UInt32(String(decoding: bytes[position..<position + count], as: UTF8.self), radix: 16),
                  bytes[position..<position + count].allSatisfy({ TOMLParser.radixDigit($0, 16) }),
                  let scalar = Unicode.Scalar(code) else {
                throw error("a bad \\\(Character(Unicode.Scalar(escape))) escape (give \(count) hex digits of a Unicode scalar)")
            }
            position += count
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            position -= 1
            throw error("an unknown escape sequence in a string (use \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX or \\UXXXXXXXX)")
        }
    }

    private func checkStringByte(_ byte: UInt8) throws(DocumentSyntaxError) {
        if (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F { throw error("\(describe(byte)) in a string (escape it)") }
    }

    private mutating func parseBasicString() throws(DocumentSyntaxError) -> String {
        position += 1
        var out: [UInt8] = []
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                position += 1
                try appendEscape(to: &out)
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw error("a line break inside a string (close it with '\"', or use \"\"\" for several lines)")
            default:
                try checkStringByte(byte)
                out.append(byte)
                position += 1
            }
        }
        throw error("an unterminated string (missing '\"')")
    }

    private mutating func parseLiteralString() throws(DocumentSyntaxError) -> String {
        position += 1
        let start = position
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "'"):
                let text = String(decoding: bytes[start..<position], as: UTF8.self)
                position += 1
                return text
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw error("a line break inside a string (close it with \"'\", or use ''' for several lines)")
            default:
                try checkStringByte(byte)
                position += 1
            }
        }
        throw error("an unterminated string (missing \"'\")")
    }

    /// Consumes a line break inside a multi-line string (LF or CRLF), appending it to `out`.
    private mutating func multilineBreak(_ out: inout [UInt8], keep: Bool) throws(DocumentSyntaxError) {
        if peek() == UInt8(ascii: "\r") {
            guard peek(1) == UInt8(ascii: "\n") else { throw error("a carriage return not followed by a line feed inside a string") }
            position += 1
            if keep { out.append(UInt8(ascii: "\r")) }
        }
        newline()
        if keep { out.append(UInt8(ascii: "\n")) }
    }

    private mutating func parseMultilineBasicString() throws(DocumentSyntaxError) -> String {
        position += 3
        var out: [UInt8] = []
        if peek() == UInt8(ascii: "\n") || peek() == UInt8(ascii: "\r") { try multilineBreak(&out, keep: false) }
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\""):
                var run = 0
                while peek(run) == UInt8(ascii: "\"") { run += 1 }
                if run >= 3 {
                    guard run <= 5 else { throw error("too many quotes closing a multi-line string") }
                    out.append(contentsOf: Array(repeating: UInt8(ascii: "\""), count: run - 3))
                    position += run
                    return String(decoding: out, as: UTF8.self)
                }
                out.append(contentsOf: Array(repeating: UInt8(ascii: "\""), count: run))
                position += run
            case UInt8(ascii: "\\"):
                // A line-ending backslash trims the break and the whitespace after it.
                var i = position + 1
                while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
                if i < bytes.count, bytes[i] == UInt8(ascii: "\n") || bytes[i] == UInt8(ascii: "\r") {
                    position = i
                    while let b = peek(), b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                        if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { try multilineBreak(&out, keep: false) } else { position += 1 }
                    }
                } else {
                    position += 1
                    try appendEscape(to: &out)
                }
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                try multilineBreak(&out, keep: true)
            default:
                try checkStringByte(byte)
                out.append(byte)
                position += 1
            }
        }
        throw error("an unterminated multi-line string (missing '\"\"\"')")
    }

    private mutating func parseMultilineLiteralString() throws(DocumentSyntaxError) -> String {
        position += 3
        var out: [UInt8] = []
        if peek() == UInt8(ascii: "\n") || peek() == UInt8(ascii: "\r") { try multilineBreak(&out, keep: false) }
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "'"):
                var run = 0
                while peek(run) == UInt8(ascii: "'") { run += 1 }
                if run >= 3 {
                    guard run <= 5 else { throw error("too many quotes closing a multi-line string") }
                    out.append(contentsOf: Array(repeating: UInt8(ascii: "'"), count: run - 3))
                    position += run
                    return String(decoding: out, as: UTF8.self)
                }
                out.append(contentsOf: Array(repeating: UInt8(ascii: "'"), count: run))
                position += run
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                try multilineBreak(&out, keep: true)
            default:
                try checkStringByte(byte)
                out.append(byte)
                position += 1
            }
        }
        throw error("an unterminated multi-line string (missing \"'''\")")
    }

    // MARK: Conversion

    /// The finished tree as a document table; depth is bounded by the parser's limits.
    static func convert(_ table: Table, depth: Int) throws(DocumentSyntaxError) -> DocumentTable {
        var entries: [DocumentTable.Entry] = []
        entries.reserveCapacity(table.keys.count)
        for key in table.keys {
            let value: DocumentValue
            switch table.entries[key]! {
            case .value(let v): value = v
            case .table(let t): value = .table(try convert(t, depth: depth + 1))
            case .tableArray(let array):
                var items: [DocumentValue] = []
                for t in array.tables { items.append(.table(try convert(t, depth: depth + 1))) }
                value = .array(items)
            }
            entries.append(.init(key: key, value: value))
        }
        return DocumentTable(entries: entries)
    }
}
