/// Text with subscripts and superscripts: axis titles (`g_{B−L}`), tick labels (`10^{−3}`), region
/// labels (`(g−2)_μ`).
///
/// Written with a small markup: `_{...}` is a subscript and `^{...}` a superscript (one level; `_x`
/// and `^x` take a single character), `\_`, `\^`, `\{`, `\}` and `\\` are the literal characters.
/// Use ``init(plain:)`` for text that must not be parsed (experiment names with underscores). In SVG a
/// run becomes a `tspan` with `baseline-shift="sub"` or `"super"` at 70 % of the font size.
///
/// ```swift
/// let title: RichText = "g_{B−L}"
/// print(title.runs.count, title.plainText)   // 2 gB−L
/// let exponent = RichText(plain: "LHCb_prompt")
/// print(exponent.plainText)                  // LHCb_prompt
/// ```
public struct RichText: Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// Where a run sits relative to the baseline.
    public enum Position: String, Sendable, Hashable, Codable {
        /// On the baseline, at the full font size.
        case normal
        /// Lowered, smaller.
        case `subscript`
        /// Raised, smaller.
        case superscript
    }

    /// A stretch of text in one position.
    public struct Run: Sendable, Hashable, Codable {
        /// The characters.
        public var text: String
        /// The position.
        public var position: Position

        /// Creates a run.
        public init(_ text: String, _ position: Position = .normal) {
            self.text = text
            self.position = position
        }
    }

    /// The runs in order (no empty runs; neighbouring runs differ in position).
    public private(set) var runs: [Run]

    /// The font-size factor of sub- and superscripts.
    public static let scriptScale = 0.7

    /// Text parsed from the markup described on the type.
    public init(_ markup: String) {
        var runs: [Run] = []
        var text = ""
        var position = Position.normal
        var inGroup = false
        func flush() {
            if !text.isEmpty { runs.append(Run(text, position)) }
            text = ""
        }
        var iterator = Array(markup).makeIterator()
        while let character = iterator.next() {
            if character == "\\", let next = iterator.next() {
                text.append(next)
            } else if !inGroup && (character == "_" || character == "^") {
                flush()
                position = character == "_" ? .subscript : .superscript
                if let next = iterator.next() {
                    if next == "{" {
                        inGroup = true
                    } else {
                        text.append(next)
                        flush()
                        position = .normal
                    }
                }
            } else if inGroup && character == "}" {
                flush()
                inGroup = false
                position = .normal
            } else {
                text.append(character)
            }
        }
        flush()
        self.runs = Self.merged(runs)
    }

    /// Text taken literally, on the baseline.
    public init(plain text: String) {
        runs = text.isEmpty ? [] : [Run(text)]
    }

    /// Text from runs (empty runs dropped, neighbours in the same position merged).
    public init(runs: [Run]) {
        self.runs = Self.merged(runs)
    }

    public init(stringLiteral value: String) { self.init(value) }

    static func merged(_ runs: [Run]) -> [Run] {
        var result: [Run] = []
        for run in runs where !run.text.isEmpty {
            if let last = result.last, last.position == run.position {
                result[result.count - 1].text += run.text
            } else {
                result.append(run)
            }
        }
        return result
    }

    /// The characters without positions.
    public var plainText: String { runs.map(\.text).joined() }

    /// Whether there is no text.
    public var isEmpty: Bool { runs.isEmpty }

    /// The markup that parses back to the same text.
    public var markup: String {
        runs.map { run in
            let escaped = run.text.reduce(into: "") { out, c in
                if "_^{}\\".contains(c) { out.append("\\") }
                out.append(c)
            }
            switch run.position {
            case .normal: return escaped
            case .subscript: return "_{\(escaped)}"
            case .superscript: return "^{\(escaped)}"
            }
        }.joined()
    }

    public var description: String { markup }

    /// This text followed by `other`.
    public static func + (lhs: RichText, rhs: RichText) -> RichText { RichText(runs: lhs.runs + rhs.runs) }

    /// The runs of `parts` joined by `separator`.
    public static func joined(_ parts: [RichText], separator: String) -> RichText {
        var runs: [Run] = []
        for (i, part) in parts.enumerated() {
            if i > 0 { runs.append(Run(separator)) }
            runs.append(contentsOf: part.runs)
        }
        return RichText(runs: runs)
    }
}
