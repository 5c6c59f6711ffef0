import Foundation
import Testing
@testable import ZPrimePlot

/// Two small plots compared byte for byte with committed SVGs (Golden/README.md). Regenerate after a
/// deliberate change of the output, and look at the rendered pictures before committing:
///     ZPRIME_REGENERATE_GOLDEN=1 swift test --filter GoldenSVGTests
@Suite("Golden SVGs")
struct GoldenSVGTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test("small plots match their golden SVG exactly", arguments: ["plane", "zoom"])
    func golden(_ name: String) throws {
        let svg = try (name == "plane" ? SmallPlots.plane() : SmallPlots.zoom()).svg()
        let file = Self.folder.appendingPathComponent("\(name).svg")
        if ProcessInfo.processInfo.environment["ZPRIME_REGENERATE_GOLDEN"] == "1" {
            try Rendering.writeSVG(svg, to: file)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        let lines = svg.split(separator: "\n", omittingEmptySubsequences: false)
        let golden = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(lines, golden).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(svg == expected, "\(name).svg differs from the golden file at line \((first?.offset ?? min(lines.count, golden.count)) + 1): \(first.map { "got \($0.element.0), expected \($0.element.1)" } ?? "length")")
    }
}
