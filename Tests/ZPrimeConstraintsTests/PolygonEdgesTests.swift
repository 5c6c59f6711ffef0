import Foundation
import Testing
@testable import ZPrimeConstraints
import ZPrimeCore

/// The conversion of closed polygons (FORESEE's digitised regions) into lower and upper edges:
/// at each vertex mass, the smallest and largest crossing of the vertical line with the polygon's
/// edges in (ln m, ln g) (docs/limits.md, "Polygons").
@Suite struct PolygonEdgesTests {
    static func table(_ points: [(Double, Double)]) -> RawTable {
        RawTable(columns: 2, values: points.flatMap { [$0.0, $0.1] })
    }

    /// A triangle (0.01, 1e-6), (1, 1e-6), (0.1, 1e-3): straight lines in (ln m, ln g). By hand: at the
    /// apex mass 0.1 the edges are 1e-6 and 1e-3; at the two base vertices the line meets one vertex
    /// only (no interval, dropped); so the curve has the single mass 0.1.
    @Test func triangle() throws {
        let curve = try PolygonEdges.curve(Self.table([(0.01, 1e-6), (1, 1e-6), (0.1, 1e-3)]), power: 1, kind: .island, file: "t")
        #expect(curve.masses.count == 1)
        let edges = try #require(curve.edges(at: 0.1))
        #expect(abs(edges.lower / 1e-6 - 1) < 1e-12)
        #expect(abs(try #require(edges.upper) / 1e-3 - 1) < 1e-12)
    }

    /// A pentagon (0.01, 1e-7), (1, 1e-6), (1, 1e-4), (0.1, 3e-4), (0.01, 1e-5) with vertical ends and a
    /// top vertex at m = 0.1. At m = 0.1 the bottom
    /// edge, straight in (ln m, ln g) from (0.01, 1e-7) to (1, 1e-6), is at sqrt(1e-7 * 1e-6) = 3.1623e-7;
    /// the top crossing is the vertex 3e-4. At the ends the vertical sides give [1e-7, 1e-5] and [1e-6, 1e-4].
    /// The same polygon with g^2 in the file (coupling_power 2) gives the same edges.
    @Test func quadrilateralAndPower() throws {
        let vertices: [(Double, Double)] = [(0.01, 1e-7), (1, 1e-6), (1, 1e-4), (0.1, 3e-4), (0.01, 1e-5)]
        for power in [1, 2] {
            let rows = vertices.map { ($0.0, power == 2 ? $0.1 * $0.1 : $0.1) }
            let curve = try PolygonEdges.curve(Self.table(rows), power: power, kind: .island, file: "q")
            #expect(curve.masses.count == 3)
            let mid = try #require(curve.edges(at: 0.1))
            #expect(abs(mid.lower / 1e-6.squareRoot() / 1e-7.squareRoot() - 1) < 1e-12, "\(mid.lower)")
            #expect(abs(try #require(mid.upper) / 3e-4 - 1) < 1e-12)
            let left = try #require(curve.edges(at: 0.01)), right = try #require(curve.edges(at: 1))
            let leftUpper = try #require(left.upper), rightUpper = try #require(right.upper)
            #expect(abs(left.lower / 1e-7 - 1) < 1e-12 && abs(leftUpper / 1e-5 - 1) < 1e-12)
            #expect(abs(right.lower / 1e-6 - 1) < 1e-12 && abs(rightUpper / 1e-4 - 1) < 1e-12)
        }
    }

    /// Bad polygons are errors naming the file (and the mass or row): a C shape, which the vertical
    /// line halfway between its notch vertex (0.1) and its right side (1) crosses four times, is not one
    /// island; non-positive vertices; fewer than three vertices; a power other than 1 or 2.
    @Test func badPolygons() {
        let c: [(Double, Double)] = [(0.01, 1e-6), (1, 1e-6), (1, 1e-5), (0.1, 1e-5), (0.1, 1e-4), (1, 1e-4), (1, 1e-3), (0.01, 1e-3)]
        #expect { try PolygonEdges.curve(Self.table(c), power: 1, kind: .island, file: "c.txt") } throws: { error in
            guard let p = error as? Problem else { return false }
            return p.message.contains("4 times") && "\(p)".contains("c.txt")
        }
        // Read as a lower edge only, the same polygon is accepted: the outermost crossings.
        #expect(throws: Never.self) { try PolygonEdges.curve(Self.table(c), power: 1, kind: .lower, file: "c.txt") }
        #expect(throws: Problem.self) { try PolygonEdges.curve(Self.table([(0.01, 1e-6), (1, 0), (0.1, 1e-3)]), power: 1, kind: .island, file: "z") }
        #expect(throws: Problem.self) { try PolygonEdges.curve(Self.table([(0.01, 1e-6), (1, 1e-6)]), power: 1, kind: .island, file: "two") }
        #expect(throws: Problem.self) { try PolygonEdges.curve(Self.table([(0.01, 1e-6), (1, 1e-6), (0.1, 1e-3)]), power: 3, kind: .island, file: "p") }
    }

    /// Two independent digitisations of NA62's beam-dump e+e- result (arXiv:2312.12055): FORESEE's
    /// polygon in eps and SensCalc's in eps^2 (SensCalc's folds back on itself below 10 MeV, so it is
    /// read with `edges: lower`, which keeps the outermost crossings). Converted with the procedure
    /// above, SensCalc's region is systematically larger: its lower edge lies below FORESEE's by a
    /// factor 1.04-1.85 (and its upper edge above by 1.13-2.26) over 50 common masses (measured; more
    /// than two hand digitisations of one figure usually differ, so SensCalc's file may follow another
    /// version of the result; the limit itself uses FORESEE's). A wrong power (eps read as eps^2 or
    /// the reverse) would be a factor 1e2-1e4, so a factor 2.5 tests the conversion.
    @Test func independentDigitisationsAgree() throws {
        let extra = Support.limitData.appendingPathComponent("extra")
        let foresee = try PolygonEdges.curve(RawTable.parse(Data(contentsOf: extra.appendingPathComponent("FORESEE/DarkPhoton_NA62ee.txt")), file: "f"),
                                             power: 1, kind: .island, file: "f")
        let senscalc = try PolygonEdges.curve(RawTable.parse(Data(contentsOf: extra.appendingPathComponent("SensCalc/DP_NA62-dump-collaboration.txt")), file: "s"),
                                              power: 2, kind: .lower, file: "s")
        var compared = 0, worst = 0.0
        for m in foresee.masses where m > 0.012 && m < senscalc.masses.last! / 1.1 {
            guard let a = foresee.edges(at: m), let b = senscalc.edges(at: m) else { continue }
            #expect(b.lower < a.lower, "at \(m): SensCalc \(b.lower), FORESEE \(a.lower)")
            worst = max(worst, abs(log(a.lower / b.lower)))
            compared += 1
        }
        #expect(compared >= 40)
        #expect(worst < log(2.5), "lower edges differ by a factor \(exp(worst)) over \(compared) masses")
    }
}
