import Foundation
import Testing
import ZPrimeCore
import ZPrimeModels
import ZPrimePoint
@testable import ZPrimeScan

@Suite("Scan axes, grids and sharding")
struct ScanSpecificationTests {
    @Test("axis text: NAME:START:END:COUNT[:log|linear], log by default; the description reads back")
    func parsing() throws {
        let a = try ScanAxis(parsing: "mass:1e-3:1:4", role: .x)
        #expect(a == ScanAxis(parameter: "mass", start: 1e-3, end: 1, count: 4, spacing: .log))
        let b = try ScanAxis(parsing: "mixing_ratio:-0.5:0.5:3:linear", role: .y)
        #expect(b.spacing == .linear && b.start == -0.5)
        #expect(try ScanAxis(parsing: a.description, role: .x) == a)
        #expect(try ScanAxis(parsing: b.description, role: .y) == b)
        for bad in ["mass", "mass:1:2", "mass:a:2:3", "mass:1:b:3", "mass:1:2:x", "mass:1:2:3:cubic", ":1:2:3", "mass:1:2:3:log:extra"] {
            #expect(throws: Problem.self, "\(bad)") { try ScanAxis(parsing: bad, role: .x) }
            do { _ = try ScanAxis(parsing: bad, role: .y) } catch { #expect(error.parameter == .field("y"), "\(bad)") }
        }
    }

    @Test("log values: exact ends, constant ratio (1e-12 relative); linear values: constant step")
    func values() throws {
        let log = try ScanAxis(parameter: "mass", start: 1e-3, end: 1, count: 4).values()
        #expect(log.first == 1e-3 && log.last == 1)
        // Decades by construction: 1e-3, 1e-2, 1e-1, 1 (exp/log rounding only).
        for (value, expected) in zip(log, [1e-3, 1e-2, 1e-1, 1.0]) { #expect(abs(value / expected - 1) < 1e-12) }
        let linear = try ScanAxis(parameter: "kinetic_mixing", start: -1e-3, end: 1e-3, count: 5, spacing: .linear).values()
        #expect(linear == [-1e-3, -5e-4, 0, 5e-4, 1e-3])
        #expect(try ScanAxis(parameter: "mass", start: 0.2, end: 0.2, count: 1).values() == [0.2])
    }

    @Test("bad axes are Problems naming the axis: empty, inverted, non-positive log range, non-finite, equal ends")
    func badAxes() throws {
        let cases: [(ScanAxis, String)] = [
            (ScanAxis(parameter: "mass", start: 1e-3, end: 1, count: 0), "empty axis"),
            (ScanAxis(parameter: "mass", start: 1, end: 1e-3, count: 10), "above the end"),
            (ScanAxis(parameter: "mass", start: 0, end: 1, count: 10), "log axis needs a positive range"),
            (ScanAxis(parameter: "kinetic_mixing", start: -1e-3, end: 1e-3, count: 10), "log axis needs a positive range"),
            (ScanAxis(parameter: "mass", start: .nan, end: 1, count: 10), "finite"),
            (ScanAxis(parameter: "mass", start: 0.1, end: 0.1, count: 3), "equals the end"),
            (ScanAxis(parameter: "mass", start: 0.1, end: 1, count: Grid.maximumCount + 1), "between 1 and"),
        ]
        for (axis, fragment) in cases {
            do {
                _ = try ScanSpecification(base: try Fixtures.base(), x: ScanAxis(parameter: "coupling", start: 1e-5, end: 1e-3, count: 2), y: axis)
                Issue.record("accepted \(axis)")
            } catch {
                #expect(error.parameter == .field("y") && error.severity == .error, "\(axis): \(error)")
                #expect(error.message.contains(fragment), "\(axis): \(error.message)")
            }
        }
    }

    @Test("unknown, repeated and conflicting parameters, values the point refuses, too many points")
    func badSpecifications() throws {
        let base = try Fixtures.base()
        let mass = ScanAxis(parameter: "mass", start: 1e-3, end: 1, count: 3)
        func problem(_ x: ScanAxis, _ y: ScanAxis, on point: ParameterPoint? = nil) -> Problem? {
            do { _ = try ScanSpecification(base: point ?? base, x: x, y: y); return nil } catch { return error }
        }
        let unknown = problem(mass, ScanAxis(parameter: "yukawa", start: 1, end: 2, count: 2))
        #expect(unknown?.kind == .unknownName && unknown?.parameter == .field("y") && unknown?.message.contains("mixing_ratio") == true)
        #expect(problem(mass, mass)?.kind == .conflict)
        #expect(problem(ScanAxis(parameter: "kinetic_mixing", start: 1e-4, end: 1e-3, count: 2),
                        ScanAxis(parameter: "mixing_ratio", start: 1e-2, end: 1e-1, count: 2))?.kind == .conflict)
        // A mass above the maximum and a model that fixes eps: refused before any point is evaluated.
        let heavy = problem(ScanAxis(parameter: "mass", start: 1, end: 1e6, count: 3), ScanAxis(parameter: "coupling", start: 1e-4, end: 1e-3, count: 2))
        #expect(heavy?.parameter == .field("x") && heavy?.message.contains("1000000") == true)
        let protophobic = try ParameterPoint(model: BuiltinModels.model(named: "protophobic")!, mass: 0.017, coupling: 1e-3, kineticMixing: .model)
        #expect(problem(mass, ScanAxis(parameter: "kinetic_mixing", start: 1e-4, end: 1e-3, count: 2), on: protophobic)?.kind == .conflict)
        // A corner that only the combination refuses: |r g| >= 1 at g = 10, r = 0.5.
        let corner = problem(ScanAxis(parameter: "coupling", start: 1e-3, end: 10, count: 2), ScanAxis(parameter: "mixing_ratio", start: 1e-3, end: 0.5, count: 2))
        #expect(corner?.message.contains("corner") == true)
        let huge = problem(ScanAxis(parameter: "mass", start: 1e-3, end: 1, count: 100_000), ScanAxis(parameter: "coupling", start: 1e-6, end: 1, count: 10_000))
        #expect(huge?.message.contains("more than \(ScanSpecification.maximumPointCount)") == true)
    }

    @Test("point (ix, iy) has the axes' values and index iy * nx + ix; other inputs come from the base point")
    func pointIndex() throws {
        let base = try ParameterPoint(model: Fixtures.bMinusL, mass: 0.01, coupling: 1e-4, kineticMixing: .fixed(-2e-4),
                                      datasets: DatasetSelection(muon: "2021"))
        let scan = try ScanSpecification(base: base, x: ScanAxis(parameter: "mass", start: 1e-3, end: 1, count: 4),
                                         y: ScanAxis(parameter: "coupling", start: 1e-6, end: 1e-3, count: 3))
        #expect(scan.pointCount == 12)
        for index in 0..<scan.pointCount {
            let (ix, iy) = scan.coordinates(of: index)
            #expect(scan.index(ix: ix, iy: iy) == index && ix == index % 4 && iy == index / 4)
            let point = try scan.point(at: index)
            #expect(point.mass == scan.xValues[ix] && point.coupling == scan.yValues[iy])
            #expect(point.kineticMixing == .fixed(-2e-4) && point.datasets.muon == "2021")
        }
        // The dark photon's coupling axis is its eps.
        let dark = try ParameterPoint(model: BuiltinModels.model(named: "dark-photon")!, mass: 0.01, coupling: 0, kineticMixing: .fixed(1e-3))
        let darkScan = try ScanSpecification(base: dark, x: ScanAxis(parameter: "mass", start: 1e-3, end: 1, count: 2),
                                             y: ScanAxis(parameter: "coupling", start: 1e-6, end: 1e-3, count: 2))
        #expect(try darkScan.point(at: 3).kineticMixing == .fixed(1e-3) && (try darkScan.point(at: 0).kineticMixing) == .fixed(1e-6))
        // A model parameter is an axis like any other.
        let withYukawa = try ParameterPoint(model: Fixtures.bMinusL, mass: 0.01, coupling: 1e-4, modelParameters: ["lambda_L": 0.1])
        let yukawaScan = try ScanSpecification(base: withYukawa, x: ScanAxis(parameter: "lambda_L", start: 0, end: 1, count: 3, spacing: .linear),
                                               y: ScanAxis(parameter: "mass", start: 0.01, end: 0.1, count: 2))
        #expect(try yukawaScan.point(at: 5).modelParameters["lambda_L"] == 1)
    }

    @Test("the union of the shards is the grid, every point exactly once, for counts below, at and above the point count")
    func sharding() throws {
        for (nx, ny) in [(7, 5), (1, 1), (13, 1), (3, 11)] {
            let scan = try Fixtures.plane(nx: nx, ny: ny)
            for count in [1, 2, 3, 4, 7, 35, 36, 100] {
                var seen = [Int](repeating: 0, count: scan.pointCount)
                var total = 0
                for i in 1...count {
                    let shard = try Shard(index: i, count: count)
                    let indices = Array(scan.indices(in: shard))
                    #expect(indices.count == scan.pointCount(in: shard), "\(nx)x\(ny) shard \(shard)")
                    #expect(indices == indices.sorted())
                    for k in indices { seen[k] += 1 }
                    total += indices.count
                }
                #expect(seen.allSatisfy { $0 == 1 } && total == scan.pointCount, "\(nx)x\(ny) in \(count) shards")
            }
        }
    }

    @Test("the canonical JSON reads back as the same specification and differs when anything differs")
    func canonical() throws {
        let scan = try Fixtures.plane()
        let text = scan.canonicalJSON
        #expect(try ScanSpecification(canonicalJSON: text) == scan)
        #expect(try ScanSpecification(canonicalJSON: text).canonicalJSON == text)
        #expect(try Fixtures.plane(nx: 8).canonicalJSON != text)
        let otherBase = try ScanSpecification(base: try ParameterPoint(model: Fixtures.bMinusL, mass: 0.01, coupling: 1e-4, kineticMixing: .fixed(1e-5)),
                                              x: scan.x, y: scan.y)
        #expect(otherBase.canonicalJSON != text)
        #expect(throws: Problem.self) { try ScanSpecification(canonicalJSON: "{}") }
    }
}
