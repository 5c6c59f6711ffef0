import Foundation
import Testing
import ZPrimeCore
@testable import ZPrimePlot

/// Regions built from limit edges: one polygon per run of x values with an exclusion, closed by
/// vertical edges at the run's ends, tips closed where the edges meet; gaps never bridged. The
/// expected vertices and areas follow from the construction and are written out by hand.
@Suite("Regions from limit edges")
struct RegionTests {
    static func points(_ pairs: [(Double, Double)]) -> [PlotPoint] { pairs.map { PlotPoint(x: $0.0, y: $0.1) } }

    @Test("a prompt limit fills from its edge to the top, split at a gap")
    func excludedWithGap() {
        let pieces = Regions.excluded(x: [1, 2, 3, 4, 5], lower: [1, 2, nil, 2, 1], top: 10)
        #expect(pieces.count == 2)
        #expect(pieces[0].vertices == Self.points([(1, 1), (2, 2), (2, 10), (1, 10)]))
        #expect(pieces[1].vertices == Self.points([(4, 2), (5, 1), (5, 10), (4, 10)]))
        // Trapezoids: (9 + 8)/2 = 8.5 each.
        #expect(pieces.map(\.area) == [8.5, 8.5])
        // A single x value with a limit draws nothing (no width), and nothing spans its neighbours' gaps.
        #expect(Regions.excluded(x: [1, 2, 3], lower: [nil, 1, nil], top: 10).isEmpty)
    }

    @Test("an island closes at the point where its edges meet")
    func islandTip() {
        // x 1..3, lower 1, 1, 2, upper 3, 3, 2: edges meet at x = 3. Polygon (1,1) (2,1) (3,2) (2,3) (1,3):
        // five vertices (2n - 1), area = square [1,2]x[1,3] (2) + triangle (2,1) (3,2) (2,3) (1) = 3.
        let pieces = Regions.island(x: [1, 2, 3], lower: [1, 1, 2], upper: [3, 3, 2], top: 10)
        #expect(pieces.count == 1)
        #expect(pieces[0].vertices == Self.points([(1, 1), (2, 1), (3, 2), (2, 3), (1, 3)]))
        #expect(pieces[0].area == 3)
        // Meeting at both ends: a lens with 2n - 2 vertices.
        let lens = Regions.island(x: [1, 2, 3], lower: [2, 1, 2], upper: [2, 3, 2], top: 10)
        #expect(lens[0].vertices.count == 4)
    }

    @Test("islands with gaps give one closed polygon per run; a missing upper edge is open to the top")
    func islandGaps() {
        let x: [Double] = [1, 2, 3, 4, 5, 6, 7]
        let lower: [Double?] = [1, 1, nil, 2, 2, 2, nil]
        let upper: [Double?] = [3, 3, nil, 4, nil, 4, nil]
        let pieces = Regions.island(x: x, lower: lower, upper: upper, top: 9)
        #expect(pieces.count == 2)
        #expect(pieces[0].vertices == Self.points([(1, 1), (2, 1), (2, 3), (1, 3)]))
        #expect(pieces[1].vertices == Self.points([(4, 2), (5, 2), (6, 2), (6, 4), (5, 9), (4, 4)]))
        // Area of the second: base 2 x 2 (x 4..6, y 2..4) plus the spike triangles up to 9 at x = 5:
        // 4 + 2 * (1 * 5 / 2) = 9.
        #expect(pieces[1].area == 9)
    }

    @Test("a band needs both edges; a gap in either splits it")
    func band() {
        let pieces = Regions.band(x: [1, 2, 3, 4], lower: [1, 1, 1, 1], upper: [2, 2, nil, 2])
        #expect(pieces.count == 1)
        #expect(pieces[0].vertices == Self.points([(1, 1), (2, 1), (2, 2), (1, 2)]))
        #expect(Regions.polylines(x: [1, 2, 3, 4, 5], y: [1, 2, nil, 3, 4]) == [Self.points([(1, 1), (2, 2)]), Self.points([(4, 3), (5, 4)])])
    }

    @Test("a prompt limit rising above the frame leaves separate pieces in plot space, no bridge")
    func vetoWindowAboveFrame() throws {
        // Log axes 1e-3..1 GeV x 1e-6..1e-2. The limit is 1e-4 except at 0.1 GeV where it is 1 (above the
        // top): clipped, the region falls apart at that mass into two pieces.
        let layer = PlotLayer.excluded(name: "L", experiment: "L", x: [1e-3, 1e-2, 0.1, 0.3, 1], lower: [1e-4, 1e-4, 1, 1e-4, 1e-4])
        let pieces = try Regions.plotPolygons(of: layer, xAxis: .bosonMass(from: 1e-3, to: 1), yAxis: .coupling("g", from: 1e-6, to: 1e-2))
        #expect(pieces.count == 2)
        for piece in pieces {
            #expect(piece.vertices.allSatisfy { $0.x >= -3 - 1e-12 && $0.x <= 1e-12 && $0.y >= -6 && $0.y <= -2 + 1e-12 })
        }
        // The first piece ends where the edge from (-2, -4) to (-1, 0) crosses the top y = -2: x = -1.5.
        let rightmost = pieces.map { $0.vertices.map(\.x).max()! }.min()!
        #expect(abs(rightmost - (-1.5)) < 1e-12)
    }

    @Test("inconsistent data are problems naming the layer and the index")
    func validation() {
        let x = PlotAxis.bosonMass(from: 1e-3, to: 1), y = PlotAxis.coupling("g", from: 1e-6, to: 1e-2)
        func problem(_ layer: PlotLayer) -> Problem? {
            do { _ = try Regions.plotPolygons(of: layer, xAxis: x, yAxis: y); return nil } catch { return error }
        }
        let decreasing = problem(.excluded(name: "A", experiment: "A", x: [0.1, 0.2, 0.15], lower: [1e-4, 1e-4, 1e-4]))
        #expect(decreasing?.parameter == .field("layer A x[2]"))
        let zero = problem(.excluded(name: "B", experiment: "B", x: [0.1, 0.2], lower: [1e-4, 0]))
        #expect(zero?.parameter == .field("layer B lower[1]"))
        #expect(zero?.message.contains("logarithmic") == true)
        let nan = problem(.excluded(name: "C", experiment: "C", x: [0.1, .nan], lower: [1e-4, 1e-4]))
        #expect(nan?.kind == .notFinite)
        let lengths = problem(.island(name: "D", experiment: "D", x: [0.1, 0.2], lower: [1e-4], upper: [1e-3, 1e-3]))
        #expect(lengths?.kind == .conflict)
        let inverted = problem(.island(name: "E", experiment: "E", x: [0.1, 0.2], lower: [1e-4, 1e-3], upper: [1e-3, 1e-4]))
        #expect(inverted?.parameter == .field("layer E lower[1]"))
        let polygon = problem(.polygon(name: "F", experiment: "F", category: .astrophysics,
                                       polygons: [[PlotPoint(x: 0.1, y: 1e-4), PlotPoint(x: -1, y: 1e-4), PlotPoint(x: 0.2, y: 1e-3)]]))
        #expect(polygon?.parameter == .field("layer F polygon 0 point 1 x"))
        // Equal x values (a vertical step) are accepted, and a projection may go back in x.
        #expect(problem(.excluded(name: "G", experiment: "G", x: [0.1, 0.1, 0.2], lower: [1e-4, 1e-3, 1e-3])) == nil)
        #expect(throws: Never.self) {
            _ = try Regions.plotPolylines(of: .projection(name: "H", experiment: "H", x: [0.1, 0.3, 0.2], y: [1e-4, 1e-4, 1e-3]), xAxis: x, yAxis: y)
        }
    }
}
