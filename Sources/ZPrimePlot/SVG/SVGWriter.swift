/// A minimal writer of SVG (XML) text: elements with attributes in the order given, escaped text,
/// two-space indentation, and numbers in one fixed format, so the same figure always gives the same
/// bytes.
///
/// ```swift
/// var svg = SVGWriter()
/// svg.open("g", ["id": "frame"])
/// svg.element("rect", ["x": SVGWriter.number(10), "y": SVGWriter.number(2.5), "fill": "none"])
/// svg.close()
/// print(svg.text)
/// // <g id="frame">
/// //   <rect x="10" y="2.5" fill="none"/>
/// // </g>
/// ```
public struct SVGWriter: Sendable {
    /// The text written so far.
    public private(set) var text = ""
    private var stack: [String] = []

    /// An empty writer.
    public init() {}

    /// Writes a line as it is (the XML declaration).
    public mutating func raw(_ line: String) {
        text += String(repeating: "  ", count: stack.count) + line + "\n"
    }

    /// Opens an element; attributes are written in the order of the pairs.
    public mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        open(name, Array(attributes.map { ($0.key, $0.value) }))
    }

    /// Opens an element.
    public mutating func open(_ name: String, _ attributes: [(String, String)]) {
        raw("<\(name)\(Self.attributes(attributes))>")
        stack.append(name)
    }

    /// Closes the innermost open element.
    public mutating func close() {
        guard let name = stack.popLast() else { return }
        raw("</\(name)>")
    }

    /// Writes an empty element, or one holding `content` (already-escaped markup) on one line.
    public mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], content: String? = nil) {
        element(name, Array(attributes.map { ($0.key, $0.value) }), content: content)
    }

    /// Writes an empty element, or one holding `content` (already-escaped markup) on one line.
    public mutating func element(_ name: String, _ attributes: [(String, String)], content: String? = nil) {
        if let content {
            raw("<\(name)\(Self.attributes(attributes))>\(content)</\(name)>")
        } else {
            raw("<\(name)\(Self.attributes(attributes))/>")
        }
    }

    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// Escapes &, <, >, " and ' for text and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A number rounded to `decimals` places (default 2: a hundredth of a pixel), without trailing
    /// zeros or a negative zero: 12.5, 3, -0.25. Non-finite values, which the layout never produces,
    /// are written 0 so the file stays valid.
    public static func number(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard abs(scaled) < 9e15 else { return "0" }
        var integer = Int64(scaled)
        if integer == 0 { return "0" }
        let negative = integer < 0
        integer = abs(integer)
        let unit = Int64(scale)
        let whole = integer / unit
        var fraction = integer % unit
        var text = "\(whole)"
        if fraction != 0 {
            var digits = decimals
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            let padded = String(repeating: "0", count: digits - "\(fraction)".count) + "\(fraction)"
            text += "." + padded
        }
        return negative ? "-" + text : text
    }

    /// Path data for closed polygons: `M x,y L x,y ... Z` per polygon, consecutive points that round to
    /// the same text dropped.
    public static func pathData(polygons: [PlotPolygon]) -> String {
        polygons.map { polygon in
            let points = pointTexts(polygon.vertices)
            guard points.count >= 3 else { return "" }
            return "M" + points.joined(separator: "L") + "Z"
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Path data for open polylines.
    public static func pathData(polylines: [[PlotPoint]]) -> String {
        polylines.map { line in
            let points = pointTexts(line)
            guard points.count >= 2 else { return "" }
            return "M" + points.joined(separator: "L")
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func pointTexts(_ points: [PlotPoint]) -> [String] {
        var texts: [String] = []
        texts.reserveCapacity(points.count)
        for point in points {
            let text = number(point.x) + "," + number(point.y)
            if texts.last != text { texts.append(text) }
        }
        if texts.count > 1, texts.first == texts.last { texts.removeLast() }
        return texts
    }
}
