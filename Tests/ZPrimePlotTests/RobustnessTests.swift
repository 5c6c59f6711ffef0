import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZPrimeCore
@testable import ZPrimePlot

/// Random plots with hostile data (non-finite values, zeros, decreasing x, lower above upper, empty and
/// single-point layers, self-intersecting polygons, ranges over hundreds of decades): every one either
/// throws a Problem or gives valid XML without a non-finite number. Deterministic sequence.
@Suite("Robustness of the plot module")
struct RobustnessTests {
    @Test("random hostile plots: a Problem or valid SVG, never a crash", arguments: 0..<3)
    func hostile(_ seed: Int) throws {
        var random = GeometryTests.Generator(state: UInt64(1000 + seed))
        func value() -> Double? {
            let r = random.next()
            if r < 0.08 { return nil }
            if r < 0.1 { return [.nan, .infinity, 0, -1e-3][Int(random.next() * 4)] }
            return pow(10, -12 + 14 * random.next())
        }
        var problems = 0, drawn = 0
        for _ in 0..<25 {
            var layers: [PlotLayer] = []
            for k in 0..<Int(1 + random.next() * 6) {
                let count = Int(random.next() * 30)
                var x = (0..<count).map { _ in pow(10, -4 + 6 * random.next()) }.sorted()
                if random.next() < 0.1, x.count > 2 { x.swapAt(0, x.count - 1) }
                let lower = (0..<count).map { _ in value() }
                let upper = lower.map { l in l.map { $0 * (1 + 100 * random.next()) } }
                let ring = (0..<Int(random.next() * 8)).map { _ in PlotPoint(x: pow(10, -4 + 6 * random.next()), y: pow(10, -12 + 14 * random.next())) }
                let kinds: [PlotLayer.Kind] = [.excluded(x: x, lower: lower), .island(x: x, lower: lower, upper: upper),
                                               .band(x: x, lower: lower, upper: upper), .projection(x: x, y: lower), .polygon([ring])]
                let category = PlotCategory.allCases[Int(random.next() * Double(PlotCategory.allCases.count))]
                layers.append(PlotLayer(name: "L\(k)", experiment: "E\(Int(random.next() * 5))", category: category,
                                        kind: kinds[Int(random.next() * 5)], confidenceLevel: random.next() < 0.5 ? 0.9 : nil))
            }
            let wide = random.next() < 0.2
            let plot = ExclusionPlot(title: "Random", xAxis: .bosonMass(from: wide ? 1e-300 : 1e-3, to: wide ? 1e300 : 10),
                                     yAxis: .coupling("g", from: 1e-10, to: 1), layers: layers, width: 300 + 400 * random.next(), height: 250 + 300 * random.next())
            do {
                let svg = try plot.svg()
                #expect(!svg.contains("nan") && !svg.contains("inf"))
                _ = try XMLDocument(xmlString: svg, options: [])
                drawn += 1
            } catch let problem as Problem {
                #expect(!problem.message.isEmpty)
                problems += 1
            }
        }
        #expect(drawn > 0 && problems > 0)
    }

    @Test("a self-intersecting polygon (a bow tie) is clipped without a crash")
    func bowTie() {
        let bowTie = PlotPolygon([PlotPoint(x: -5, y: -5), PlotPoint(x: 15, y: 15), PlotPoint(x: 15, y: -5), PlotPoint(x: -5, y: 15)])
        let pieces = Clipping.clip(bowTie, to: PlotRect(minX: 0, minY: 0, maxX: 10, maxY: 10))
        // Its crossings do not pair up as for a simple polygon: the Sutherland-Hodgman ring is kept, inside
        // the frame (filled by the even-odd rule it shows the two triangles).
        #expect(!pieces.isEmpty)
        #expect(pieces.allSatisfy { $0.vertices.allSatisfy { p in p.x >= 0 && p.x <= 10 && p.y >= 0 && p.y <= 10 } })
    }
}
