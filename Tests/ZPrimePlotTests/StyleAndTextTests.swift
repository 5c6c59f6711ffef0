import Foundation
import Testing
@testable import ZPrimePlot

/// Colours (fixed table, deterministic fallback, recasts lighter, text contrast), rich text, font
/// metrics and line breaking.
@Suite("Style and text")
struct StyleAndTextTests {
    @Test("one colour per experiment from the fixed table, whatever the spelling")
    func table() {
        #expect(ExperimentColors.color(for: "BaBar", category: .directSearch).hex == "#4f7fc4")
        #expect(ExperimentColors.color(for: "BABAR", category: .beamDump) == ExperimentColors.color(for: "BaBar", category: .directSearch))
        #expect(ExperimentColors.normalisedName("(g−2)_μ") == "g2mu")
        #expect(ExperimentColors.normalisedName("(g-2)_mu") == "g2mu")
        #expect(ExperimentColors.normalisedName("NA48/2") == "na48")
        #expect(ExperimentColors.normalisedName("Belle 2") == "belleii")
        #expect(ExperimentColors.normalisedName("X17") == "atomki")
        // Preferred bands have their own colours: the (g-2)_mu band is green.
        #expect(ExperimentColors.color(for: "(g-2)_mu", category: .preferred).hex == "#2ca02c")
        #expect(ExperimentColors.color(for: "(g-2)_mu", category: .computed).hex == "#a3a84f")
    }

    @Test("unknown experiments get a stable colour of their category's family (FNV-1a)")
    func fallback() {
        // Published FNV-1a 64-bit test vectors (Fowler, Noll, Vo).
        #expect(ExperimentColors.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(ExperimentColors.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(ExperimentColors.fnv1a("foobar") == 0x8594_4171_f739_67e8)
        for category in PlotCategory.allCases {
            let color = ExperimentColors.color(for: "Some New Experiment", category: category)
            #expect(ExperimentColors.palette(for: category).contains(color))
            #expect(color == ExperimentColors.color(for: "some-new  experiment", category: category))
        }
        // The index is the hash modulo the palette size.
        let key = ExperimentColors.normalisedName("Some New Experiment")
        let palette = ExperimentColors.palette(for: .beamDump)
        #expect(ExperimentColors.color(for: "Some New Experiment", category: .beamDump) == palette[Int(ExperimentColors.fnv1a(key) % UInt64(palette.count))])
    }

    @Test("recasts are lighter, boundaries darker, text contrast chosen by luminance")
    func tones() {
        let own = PlotLayer.excluded(name: "A", experiment: "BaBar", x: [1, 2], lower: [1e-3, 1e-3])
        var recast = own
        recast.isRecast = true
        #expect(recast.fillColor.luminance > own.fillColor.luminance)
        #expect(own.boundaryColor.luminance < own.fillColor.luminance)
        // Mixing by hand: #4c72b0 with black at 0.4 is (76, 114, 176) x 0.6 = (45.6, 68.4, 105.6) -> #2e446a.
        let blue = PlotColor(hex: "#4c72b0")!
        #expect(blue.darkened(0.4).hex == "#2e446a")
        #expect(blue.lightened(0.5).hex == "#a6b9d8")   // (165.5, 184.5, 215.5) rounded half up
        #expect(PlotColor.black.prefersLightText && !PlotColor.white.prefersLightText)
        #expect(abs(PlotColor.white.luminance - 1) < 1e-12 && PlotColor.black.luminance == 0)
        #expect(PlotColor(hex: "12345") == nil && PlotColor(hex: "#zzzzzz") == nil)
    }

    @Test("rich text markup: subscripts, superscripts, escapes, round trip")
    func richText() {
        let text: RichText = "g_{B−L}^{2} and m_Z \\_x"
        #expect(text.runs == [.init("g"), .init("B−L", .subscript), .init("2", .superscript), .init(" and m"), .init("Z", .subscript), .init(" _x")])
        #expect(RichText(text.markup) == text)
        #expect(RichText(plain: "LHCb_prompt").runs == [.init("LHCb_prompt")])
        #expect((RichText("a") + RichText("b")).runs == [.init("ab")])
    }

    @Test("font metrics: scripts at 70 %, combining marks without width, unknown characters wide")
    func metrics() {
        let size = 10.0
        let base = FontMetrics.width(of: "BL", face: .serif, size: size)
        #expect(abs(FontMetrics.width(of: RichText("_{BL}"), face: .serif, size: size) - 0.7 * base) < 1e-12)
        #expect(FontMetrics.advance(of: "\u{0304}", face: .serif) == 0)
        #expect(FontMetrics.advance(of: "\u{4e00}", face: .serifBold) == 0.7)
        // Bold is wider than regular; every ASCII character has a width between 0.25 and 1.2 em (W of DejaVu Serif: 1.028).
        #expect(FontMetrics.width(of: "BaBar", face: .serifBold, size: 12) > FontMetrics.width(of: "BaBar", face: .serif, size: 12))
        for face in FontMetrics.Face.allCases {
            for code in 33..<127 {
                let advance = FontMetrics.advance(of: Unicode.Scalar(UInt8(code)), face: face)
                #expect(advance > 0.25 && advance < 1.2, "\(face) \(code)")
            }
        }
    }

    @Test("line breaking at spaces, never inside a script")
    func wrapping() {
        let lines = TextWrapping.wrap("one two three four", face: .serif, size: 10, width: 60)
        #expect(lines.map(\.plainText) == ["one two", "three four"])
        let scripted = TextWrapping.wrap("a g_{B−L x} b", face: .serif, size: 10, width: 1)
        #expect(scripted.map(\.markup) == ["a", "g_{B−L x}", "b"])
    }
}
