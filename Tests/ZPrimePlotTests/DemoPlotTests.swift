import Foundation
import Testing
@testable import ZPrimePlot

/// The demonstration figures of docs/plotting.md, built from real published curves. Set
/// ZPRIME_PLOT_DEMOS=DIR to write them as SVG (and PNG when rsvg-convert is installed) into DIR:
///     ZPRIME_PLOT_DEMOS=docs/img swift test --filter DemoPlotTests
/// ZPRIME_PLOT_TIMING=1 prints the time of layout and SVG writing (Benchmarks/plot/run.sh runs it in
/// release); nothing is asserted about time.
@Suite("Demonstration plots from published curves")
struct DemoPlotTests {
    static func time(_ plot: ExclusionPlot, _ name: String) throws {
        guard ProcessInfo.processInfo.environment["ZPRIME_PLOT_TIMING"] == "1" else { return }
        let clock = ContinuousClock()
        var svg = ""
        let repeats = 5
        let elapsed = try clock.measure { for _ in 0..<repeats { svg = try plot.svg() } }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let points = plot.layers.reduce(0) { total, layer in
            switch layer.kind {
            case .excluded(let x, _), .island(let x, _, _), .band(let x, _, _), .projection(let x, _): return total + x.count
            case .polygon(let rings): return total + rings.reduce(0) { $0 + $1.count }
            }
        }
        print("timing \(name): \(plot.layers.count) layers, \(points) input points, \(svg.utf8.count) bytes of SVG, \(String(format: "%.1f", seconds / Double(repeats) * 1000)) ms per figure (layout + SVG)")
    }

    static func write(_ plot: ExclusionPlot, _ name: String) throws {
        try time(plot, name)
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
        // Every layer of published curves lays out without an error and appears in the SVG.
        #expect(layout.problems.allSatisfy { $0.severity < .error }, "\(layout.problems)")
        let svg = try plot.svg()
        #expect(svg.hasSuffix("</svg>\n") || svg.hasSuffix("</svg>"))
        for layer in plot.layers { #expect(svg.contains(layer.name) || svg.contains(layer.experiment), "\(layer.name) missing from the SVG") }
    }

    @Test("the B-L plane with the branching-ratio panel")
    func bMinusL() throws {
        let plot = try DemoPlots.bMinusL()
        let layout = try plot.layout()
        try Self.write(plot, "demo-b-minus-l")
        for problem in layout.problems { print(problem) }
        // Every layer of published curves lays out without an error and appears in the SVG.
        #expect(layout.problems.allSatisfy { $0.severity < .error }, "\(layout.problems)")
        let svg = try plot.svg()
        #expect(svg.hasSuffix("</svg>\n") || svg.hasSuffix("</svg>"))
        for layer in plot.layers { #expect(svg.contains(layer.name) || svg.contains(layer.experiment), "\(layer.name) missing from the SVG") }
    }
}
