import Foundation
import Testing
@testable import ZPrimePlot

/// The demonstration figures of docs/plotting.md, built from real published curves. Set
/// ZPRIME_PLOT_DEMOS=DIR to write them as SVG (and PNG when rsvg-convert is installed) into DIR:
///     ZPRIME_PLOT_DEMOS=docs/img swift test --filter DemoPlotTests
@Suite("Demonstration plots from published curves")
struct DemoPlotTests {
    static func write(_ plot: ExclusionPlot, _ name: String) throws {
        guard let folder = ProcessInfo.processInfo.environment["ZPRIME_PLOT_DEMOS"] else { return }
        let svg = try plot.svg()
        let directory = URL(fileURLWithPath: folder)
        try Rendering.writeSVG(svg, to: directory.appendingPathComponent("\(name).svg"))
        if Rendering.converter() != nil {
            try Rendering.png(svg: svg, to: directory.appendingPathComponent("\(name).png"), width: 1280)
        }
    }

    @Test("the dark-photon plane")
    func darkPhoton() throws {
        let plot = try DemoPlots.darkPhoton()
        let layout = try plot.layout()
        try Self.write(plot, "demo-dark-photon")
        for problem in layout.problems { print(problem) }
    }

    @Test("the B-L plane with the branching-ratio panel")
    func bMinusL() throws {
        let plot = try DemoPlots.bMinusL()
        let layout = try plot.layout()
        try Self.write(plot, "demo-b-minus-l")
        for problem in layout.problems { print(problem) }
    }
}
