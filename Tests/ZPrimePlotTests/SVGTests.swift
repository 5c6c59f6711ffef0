import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZPrimeCore
@testable import ZPrimePlot

/// The SVG document: valid XML, the expected layers (one path per region, text labels, axis groups),
/// deterministic text, fixed number formatting, no non-finite numbers.
@Suite("SVG output")
struct SVGTests {
    static func document(_ plot: ExclusionPlot) throws -> XMLDocument {
        try XMLDocument(xmlString: try plot.svg(), options: [])
    }

    static func nodes(_ document: XMLDocument, _ xpath: String) throws -> [XMLElement] {
        try document.nodes(forXPath: xpath).compactMap { $0 as? XMLElement }
    }

    @Test("the SVG parses as XML and holds every layer group", arguments: ["plane", "zoom", "dark photon", "B-L"])
    func layers(_ name: String) throws {
        let plot: ExclusionPlot
        switch name {
        case "plane": plot = SmallPlots.plane()
        case "zoom": plot = SmallPlots.zoom()
        case "dark photon": plot = try DemoPlots.darkPhoton()
        default: plot = try DemoPlots.bMinusL()
        }
        let document = try Self.document(plot)
        let root = try #require(document.rootElement())
        #expect(root.name == "svg")
        #expect(root.name == "svg")
        let groups = Set(try Self.nodes(document, "//*[local-name()='g']").compactMap { $0.attr("id")?.stringValue })
        for id in ["zp-regions", "zp-bands", "zp-projections", "zp-frame", "zp-x-axis", "zp-y-axis", "zp-labels", "zp-title", "zp-caption"] {
            #expect(groups.contains(id), "\(id) in \(name)")
        }
        let layout = try plot.layout()
        // One path per filled layer with something in the frame, with one subpath per polygon.
        let regionPaths = try Self.nodes(document, "//*[local-name()='g'][@id='zp-regions']/*[local-name()='path']")
        let drawn = layout.regions.filter { !$0.polygons.isEmpty }
        #expect(regionPaths.count == drawn.count)
        for (path, region) in zip(regionPaths, drawn) {
            #expect(path.attr("data-layer")?.stringValue == region.layer.name)
            let d = path.attr("d")?.stringValue ?? ""
            #expect(d.filter { $0 == "M" }.count == region.polygons.count)
            #expect(path.attr("stroke") != nil && path.attr("fill") != nil)
        }
        let bandPaths = try Self.nodes(document, "//*[local-name()='g'][@id='zp-bands']/*[local-name()='path']")
        #expect(bandPaths.count == layout.bands.filter { !$0.polygons.isEmpty }.count)
        #expect(bandPaths.allSatisfy { $0.attr("fill-opacity") != nil })
        let projectionPaths = try Self.nodes(document, "//*[local-name()='g'][@id='zp-projections']/*[local-name()='path']")
        #expect(projectionPaths.allSatisfy { $0.attr("stroke-dasharray") != nil && $0.attr("fill")?.stringValue == "none" })
        // Labels: one text per placed label, with a stroke painted first.
        let labels = try Self.nodes(document, "//*[local-name()='g'][@id='zp-labels']/*[local-name()='text']")
        #expect(labels.count == layout.labels.count)
        #expect(labels.allSatisfy { $0.attr("paint-order")?.stringValue == "stroke" })
        // Axis titles and tick labels.
        let tickLabels = try Self.nodes(document, "//*[local-name()='text'][@class='tick-label']")
        #expect(tickLabels.count >= 6)
        #expect(try Self.nodes(document, "//*[local-name()='text'][@class='axis-title']").count == (plot.branchingRatios == nil ? 2 : 3))
        let svg = try plot.svg()
        #expect(!svg.contains("nan") && !svg.contains("inf") && !svg.contains("href"))
    }

    @Test("axis titles name the coupling with sub- and superscript tspans; decade labels carry superscript exponents")
    func scripts() throws {
        let svg = try SmallPlots.plane().svg()
        #expect(svg.contains(#"g<tspan baseline-shift="sub" font-size="11.2">X</tspan>"#))
        #expect(svg.contains(#"10<tspan baseline-shift="super" font-size="9.45">−3</tspan>"#))
        #expect(svg.contains("m<tspan baseline-shift=\"sub\" font-size=\"11.2\">Z′</tspan> [GeV]"))
        // Ticks point out of the frame: the x ticks start on the frame's bottom edge and go down.
        let layout = try SmallPlots.plane().layout()
        let bottom = SVGWriter.number(layout.frame.maxY), below = SVGWriter.number(layout.frame.maxY + 6)
        #expect(svg.contains(",\(bottom)L") && svg.contains(",\(below)"))
    }

    @Test("the output is deterministic")
    func deterministic() throws {
        #expect(try SmallPlots.plane().svg() == SmallPlots.plane().svg())
        #expect(try DemoPlots.darkPhoton().svg() == DemoPlots.darkPhoton().svg())
    }

    @Test("numbers have one fixed format; text is escaped")
    func formatting() {
        #expect(SVGWriter.number(12.5) == "12.5")
        #expect(SVGWriter.number(3) == "3")
        #expect(SVGWriter.number(2.3456) == "2.35")
        #expect(SVGWriter.number(-7.1) == "-7.1")
        #expect(SVGWriter.number(-0.001) == "0")
        #expect(SVGWriter.number(0.05) == "0.05")
        #expect(SVGWriter.number(.nan) == "0" && SVGWriter.number(.infinity) == "0")
        #expect(SVGWriter.escape(#"a<b & "c">"#) == "a&lt;b &amp; &quot;c&quot;&gt;")
        let square = PlotPolygon([PlotPoint(x: 0, y: 0), PlotPoint(x: 1.004, y: 0), PlotPoint(x: 1, y: 0), PlotPoint(x: 1, y: 1)])
        // 1.004 and 1 round to the same text: one of them is dropped.
        #expect(SVGWriter.pathData(polygons: [square]) == "M0,0L1,0L1,1Z")
    }

    @Test("mixed confidence levels are flagged in the labels and explained in the caption")
    func confidenceLevels() throws {
        let plot = SmallPlots.plane()
        let levels = plot.confidenceLevels
        #expect(levels.caption?.plainText == "Shaded regions are excluded at 90% CL; † at 95% CL (CMS).")
        #expect(levels.marks == [1: "†"])
        let layout = try plot.layout()
        #expect(layout.labels.contains { $0.text.plainText == "CMS†" })
        // One level: no marks. None stated: said so.
        var single = plot
        single.layers.remove(at: 1)
        #expect(single.confidenceLevels.marks.isEmpty)
        #expect(single.confidenceLevels.caption?.plainText == "Shaded regions are excluded at 90% CL.")
        var unstated = plot
        for k in unstated.layers.indices { unstated.layers[k].confidenceLevel = nil }
        #expect(unstated.confidenceLevels.caption?.plainText.contains("not stated") == true)
        var partly = plot
        partly.layers[2].confidenceLevel = nil
        #expect(partly.confidenceLevels.caption?.plainText == "Shaded regions are excluded at 90% CL; † at 95% CL (CMS). CL not stated: E137.")
    }

    @Test("edges that fluctuate faster than the pixels get the thin boundary; smooth ones the normal one")
    func jaggedBoundaries() throws {
        // A saw tooth with a 4 px period and 6 px amplitude over 200 px: 100 turning points, 0.5 per pixel.
        var saw = [PlotPoint(x: 0, y: 0)]
        for k in 0...50 { saw.append(PlotPoint(x: Double(k) * 4, y: 20)); saw.append(PlotPoint(x: Double(k) * 4 + 2, y: 26)) }
        saw.append(PlotPoint(x: 202, y: 0))
        let jagged = PlotLayout.Region(layerIndex: 0, layer: SmallPlots.plane().layers[0], polygons: [PlotPolygon(saw)], elementID: "a")
        #expect(abs(jagged.turningPointsPerPixel - 100.0 / 202) < 0.02)
        #expect(jagged.hasJaggedBoundary)
        // A smooth arc sampled every 0.5 px: no turning point but the one at its top.
        let arc = (0...400).map { PlotPoint(x: Double($0) * 0.5, y: 50 + 40 * sin(Double($0) * Double.pi / 400)) }
        let smooth = PlotLayout.Region(layerIndex: 0, layer: SmallPlots.plane().layers[0], polygons: [PlotPolygon(arc)], elementID: "b")
        #expect(smooth.turningPointsPerPixel < 0.02 && !smooth.hasJaggedBoundary)
        // In the dark-photon figure BaBar's and LHCb's tabulated edges (thousands of points, a few per
        // pixel) are jagged; the beam-dump islands are not.
        let document = try Self.document(try DemoPlots.darkPhoton())
        let widths = Dictionary(uniqueKeysWithValues: try Self.nodes(document, "//*[local-name()='g'][@id='zp-regions']/*[local-name()='path']")
            .map { ($0.attr("data-experiment")?.stringValue ?? "", $0.attr("stroke-width")?.stringValue ?? "") })
        #expect(widths["BaBar"] == "0.3" && widths["LHCb"] == "0.3")
        #expect(widths["E137"] == "0.6" && widths["KLOE"] == "0.6")
    }

    @Test("bad plots are problems, not crashes")
    func invalid() {
        var plot = SmallPlots.plane()
        plot.xAxis = .bosonMass(from: 1, to: 0.1)
        #expect(throws: Problem.self) { try plot.svg() }
        plot = SmallPlots.plane()
        plot.width = 50
        #expect(throws: Problem.self) { try plot.svg() }
        plot = SmallPlots.plane()
        plot.layers[0].confidenceLevel = 90
        #expect(throws: Problem.self) { try plot.svg() }
        plot = SmallPlots.plane()
        plot.layers.append(.excluded(name: "Bad", experiment: "Bad", x: [1, 0.5], lower: [1e-3, 1e-3]))
        do {
            _ = try plot.svg()
            Issue.record("decreasing x accepted")
        } catch {
            #expect(error.description.contains("layer Bad x[1]"))
        }
        // An empty plot and a layer outside the frame are fine (the latter noted).
        plot = SmallPlots.plane()
        plot.layers = [.excluded(name: "Far", experiment: "Far", x: [100, 200], lower: [1e-3, 1e-3])]
        #expect(throws: Never.self) { _ = try plot.svg() }
        #expect((try? plot.layout().problems.first?.kind) == .ignored)
    }
}

extension XMLElement {
    /// The value of an attribute by name (FoundationXML on Linux does not find attributes of elements in
    /// a default namespace through attribute(forName:), so the list is searched).
    func attr(_ name: String) -> XMLNode? {
        attributes?.first { $0.name == name }
    }
}
