import Foundation
import Testing
import ZPrimeCore
@testable import ZPrimePlot

/// Pure geometry: polygons, clipping to the frame, and the construction of regions from limit edges.
/// Expected areas and vertices are worked out by hand in the comments; the random test compares the
/// clipped polygons with the definition of clipping (a point is inside the result exactly when it is
/// inside the polygon and inside the frame).
@Suite("Geometry: polygons, clipping, regions")
struct GeometryTests {
    static func polygon(_ points: [(Double, Double)]) -> PlotPolygon { PlotPolygon(points.map { PlotPoint(x: $0.0, y: $0.1) }) }
    static let frame = PlotRect(minX: 0, minY: 0, maxX: 10, maxY: 10)

    /// A small deterministic generator (64-bit LCG, Knuth's MMIX constants) for reproducible cases.
    struct Generator {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    @Test("area, containment, distance and principal axis of simple polygons")
    func polygons() {
        let square = Self.polygon([(0, 0), (2, 0), (2, 2), (0, 2)])
        #expect(square.signedArea == 4)
        #expect(Self.polygon([(0, 0), (0, 2), (2, 2), (2, 0)]).signedArea == -4)
        #expect(square.contains(PlotPoint(x: 1, y: 1)) && !square.contains(PlotPoint(x: 3, y: 1)))
        #expect(square.distanceToBoundary(from: PlotPoint(x: 1, y: 0.5)) == 0.5)
        #expect(square.distanceToBoundary(from: PlotPoint(x: 5, y: 2)) == 3)
        // A repeated closing vertex and consecutive duplicates are dropped.
        #expect(Self.polygon([(0, 0), (1, 0), (1, 0), (1, 1), (0, 0)]).vertices.count == 3)
        // A 4 x 1 rectangle turned by 30 degrees: axis at 30 degrees, moment ratio (4/1)^2 = 16.
        let c = cos(Double.pi / 6), s = sin(Double.pi / 6)
        let turned = PlotPolygon([(-2.0, -0.5), (2, -0.5), (2, 0.5), (-2, 0.5)].map { PlotPoint(x: c * $0.0 - s * $0.1, y: s * $0.0 + c * $0.1) })
        let axis = turned.principalAxis
        #expect(abs(axis.angle - Double.pi / 6) < 1e-12)
        #expect(abs(axis.elongation - 16) < 1e-9)
        // The same with the opposite orientation.
        let reversed = PlotPolygon(turned.vertices.reversed())
        #expect(abs(reversed.principalAxis.angle - Double.pi / 6) < 1e-12)
    }

    @Test("Douglas-Peucker keeps the shape within the tolerance")
    func simplification() {
        // A circle of radius 10 with 2000 vertices, simplified at 0.05: every original vertex stays
        // within 0.05 of the simplified ring, with far fewer vertices.
        let circle = PlotPolygon((0..<2000).map { k in
            let t = 2 * Double.pi * Double(k) / 2000
            return PlotPoint(x: 10 * cos(t), y: 10 * sin(t))
        })
        let simple = circle.simplified(tolerance: 0.05)
        #expect(simple.vertices.count < 120)
        for vertex in circle.vertices { #expect(simple.distanceToBoundary(from: vertex) <= 0.05 + 1e-12) }
        // Exactly collinear vertices go at tolerance 0.
        #expect(Self.polygon([(0, 0), (1, 0), (2, 0), (3, 0), (3, 1), (0, 1)]).simplified(tolerance: 0).vertices.count == 4)
    }

    @Test("a square over the frame's corner keeps its inside quarter")
    func cornerClip() {
        // Square [5, 15]^2 against [0, 10]^2: the inside part is [5, 10]^2, area 25.
        let pieces = Clipping.clip(Self.polygon([(5, 5), (15, 5), (15, 15), (5, 15)]), to: Self.frame)
        #expect(pieces.count == 1)
        #expect(pieces[0].area == 25)
        #expect(pieces[0].vertices.allSatisfy { Self.frame.contains($0) })
        // Inside: unchanged; outside: nothing; around the frame: the frame.
        let inside = Self.polygon([(1, 1), (2, 1), (2, 2)])
        #expect(Clipping.clip(inside, to: Self.frame) == [inside])
        #expect(Clipping.clip(Self.polygon([(11, 11), (12, 11), (12, 12)]), to: Self.frame).isEmpty)
        let around = Clipping.clip(Self.polygon([(-5, -5), (15, -5), (15, 15), (-5, 15)]), to: Self.frame)
        #expect(around.count == 1 && around[0].area == 100)
        // A triangle crossing one edge: (8, 2), (14, 2), (8, 8) cut at x = 10 leaves the part with x <= 10,
        // the triangle minus the corner triangle beyond x = 10 (legs 4 and 4): 18 - 8 = 10.
        let cut = Clipping.clip(Self.polygon([(8, 2), (14, 2), (8, 8)]), to: Self.frame)
        #expect(cut.count == 1 && abs(cut[0].area - 10) < 1e-12)
    }

    @Test("a region that falls apart in the frame gives separate polygons, not a bridged ring")
    func splitting() {
        // An arch (upside-down U) from x = 1 to 9 whose legs reach below y = 0: bar 1..9 x -4..-2 is
        // outside; legs 1..3 and 7..9 from y = -4 to 5. Clipped to the frame: two rectangles 2 x 5.
        let arch = Self.polygon([(1, 5), (1, -4), (9, -4), (9, 5), (7, 5), (7, -2), (3, -2), (3, 5)])
        let frame = PlotRect(minX: 0, minY: -1, maxX: 10, maxY: 10)
        let pieces = Clipping.clip(arch, to: frame)
        #expect(pieces.count == 2)
        #expect(pieces.map(\.area).sorted() == [12, 12])   // 2 wide, from -1 to 5
        // Plain Sutherland-Hodgman returns one ring with the same area and a zero-width bridge.
        let single = Clipping.sutherlandHodgman(arch, to: frame)
        #expect(abs(single.area - 24) < 1e-12)
        #expect(single.vertices.count > pieces[0].vertices.count)
        // An upright U keeps one piece when its arms are cut: the ring closes across both cuts.
        let cup = Self.polygon([(1, 12), (1, 1), (9, 1), (9, 12), (7, 12), (7, 3), (3, 3), (3, 12)])
        let cupPieces = Clipping.clip(cup, to: Self.frame)
        #expect(cupPieces.count == 1)
        // Area inside: bottom 8 x 2 = 16, arms 2 x 7 each = 28.
        #expect(abs(cupPieces[0].area - 44) < 1e-12)
    }

    @Test("clipping agrees with its definition on random star-shaped polygons (point sampling)")
    func randomClipping() {
        var random = Generator(state: 20_261_201)
        let frame = PlotRect(minX: 2, minY: 3, maxX: 8, maxY: 7)
        var mismatches = 0, checked = 0, split = 0
        for _ in 0..<60 {
            // Star-shaped around a random centre: angles increasing, radii random, so the ring is simple.
            let center = PlotPoint(x: 10 * random.next(), y: 10 * random.next())
            let count = 5 + Int(random.next() * 40)
            let ring = (0..<count).map { k -> PlotPoint in
                let t = 2 * Double.pi * (Double(k) + 0.8 * random.next()) / Double(count)
                let r = 0.5 + 6 * random.next()
                return PlotPoint(x: center.x + r * cos(t), y: center.y + r * sin(t))
            }
            let polygon = PlotPolygon(ring)
            let pieces = Clipping.clip(polygon, to: frame)
            if pieces.count > 1 { split += 1 }
            for piece in pieces { #expect(piece.vertices.allSatisfy { frame.expanded(by: 1e-12).contains($0) }) }
            for _ in 0..<400 {
                let p = PlotPoint(x: 12 * random.next() - 1, y: 12 * random.next() - 1)
                // Points within 1e-9 of a boundary may fall either way.
                if polygon.distanceToBoundary(from: p) < 1e-9 || frame.distance(to: p) == 0 && min(p.x - frame.minX, frame.maxX - p.x, p.y - frame.minY, frame.maxY - p.y) < 1e-9 { continue }
                let expected = polygon.contains(p) && frame.contains(p)
                // Inside the result = inside exactly one piece (the pieces do not overlap).
                let containing = pieces.filter { $0.contains(p) }.count
                if (expected ? 1 : 0) != containing { mismatches += 1 }
                checked += 1
            }
        }
        #expect(checked > 20_000)
        #expect(split >= 5, "the cases must include regions that fall apart in the frame")
        #expect(mismatches == 0)
    }

    @Test("polylines are split where they leave the frame, with end points on its edges")
    func polylineClipping() {
        // Enters at x = 0 (y = 2), leaves at y = 10 (x = 5), re-enters at y = 10 (x = 8), leaves at x = 10 (y = 4).
        let crossing = Clipping.clip(polyline: [PlotPoint(x: -5, y: 2), PlotPoint(x: 5, y: 2), PlotPoint(x: 5, y: 20), PlotPoint(x: 8, y: 20),
                                                PlotPoint(x: 8, y: 4), PlotPoint(x: 20, y: 4)], to: Self.frame)
        #expect(crossing == [[PlotPoint(x: 0, y: 2), PlotPoint(x: 5, y: 2), PlotPoint(x: 5, y: 10)],
                             [PlotPoint(x: 8, y: 10), PlotPoint(x: 8, y: 4), PlotPoint(x: 10, y: 4)]])
        // Entirely outside: nothing; entirely inside: itself.
        #expect(Clipping.clip(polyline: [PlotPoint(x: 11, y: 1), PlotPoint(x: 12, y: 5)], to: Self.frame).isEmpty)
        let inside = [PlotPoint(x: 1, y: 1), PlotPoint(x: 2, y: 5), PlotPoint(x: 3, y: 2)]
        #expect(Clipping.clip(polyline: inside, to: Self.frame) == [inside])
    }
}
