/// Line breaking of rich text for titles and captions.
///
/// ```swift
/// let lines = TextWrapping.wrap("one two three four", face: .serif, size: 10, width: 60)
/// print(lines.map(\.plainText))   // ["one two", "three four"]
/// ```
public enum TextWrapping {
    /// Breaks `text` at spaces of its normal runs into lines no wider than `width` (a word wider than
    /// the line stays whole on its own line).
    public static func wrap(_ text: RichText, face: FontMetrics.Face, size: Double, width: Double) -> [RichText] {
        // Words: sequences of runs between spaces of normal runs.
        var words: [[RichText.Run]] = [[]]
        for run in text.runs {
            if run.position != .normal {
                words[words.count - 1].append(run)
                continue
            }
            let parts = run.text.split(separator: " ", omittingEmptySubsequences: false)
            for (i, part) in parts.enumerated() {
                if i > 0 { words.append([]) }
                if !part.isEmpty { words[words.count - 1].append(RichText.Run(String(part))) }
            }
        }
        let nonEmpty = words.filter { !$0.isEmpty }
        var lines: [RichText] = []
        var current: [RichText.Run] = []
        for word in nonEmpty {
            let candidate = current.isEmpty ? word : current + [RichText.Run(" ")] + word
            if !current.isEmpty, FontMetrics.width(of: RichText(runs: candidate), face: face, size: size) > width {
                lines.append(RichText(runs: current))
                current = word
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(RichText(runs: current)) }
        return lines
    }
}
