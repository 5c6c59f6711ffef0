import Foundation
import Testing
@testable import ZPrimeCore

/// Tabulated curves: node reproduction, exactness for the function class of each mode, the ends of
/// the domain, and table validation. The references are closed forms (a power law, a straight
/// line), so the tolerances are rounding errors, stated per test.
@Suite("Interpolation of tabulated curves")
struct InterpolationTests {
    static func logSpaced(_ lower: Double, _ upper: Double, _ count: Int) -> [Double] {
        (0..<count).map { lower * pow(upper / lower, Double($0) / Double(count - 1)) }
    }

    @Test("every node returns its tabulated value exactly, in every mode", arguments: TabulatedCurve.Mode.allCases)
    func nodes(_ mode: TabulatedCurve.Mode) throws {
        let x = [0.5, 0.7, 1.3, 2.0, 10.0, 11.0, 400.0]
        let y = [3.0, 1.0, 0.25, 7.0, 2e-3, 5e4, 1.0]
        let curve = try TabulatedCurve(x: x, y: y, mode: mode)
        for (xi, yi) in zip(x, y) { #expect(curve.value(at: xi) == yi, "\(mode) at \(xi)") }
        #expect(curve.domain == 0.5...400.0)
    }

    @Test("log-log reproduces a power law y = 3 x^-2.5 to 1e-14 between the nodes")
    func powerLaw() throws {
        // Uniform in ln x (the fast path) and irregular (binary search). The exact law is the
        // reference; 1e-14 covers the rounding of w = ln(x/x_i)/ln(x_(i+1)/x_i) and of the exponential.
        func law(_ x: Double) -> Double { 3 * pow(x, -2.5) }
        let uniform = Self.logSpaced(1e-3, 1e3, 13)
        let irregular = [1e-3, 2.2e-3, 0.05, 0.051, 0.9, 3.0, 77.0, 1e3]
        for nodes in [uniform, irregular] {
            let curve = try TabulatedCurve(x: nodes, y: nodes.map(law), mode: .logLog)
            #expect(curve.isUniform == (nodes == uniform))
            for x in Self.logSpaced(1e-3, 1e3, 997) {
                let value = try #require(curve.value(at: x))
                #expect(abs(value / law(x) - 1) <= 1e-14, "x = \(x)")
            }
        }
    }

    @Test("linear mode is exact for a straight line; logX for a straight line in ln x")
    func linearFunctions() throws {
        // y = 2x - 1: the interpolant is the line itself; 4 ulp of the largest |y| (~20) for rounding.
        let x = [-3.0, -1.0, 0.0, 0.5, 4.0, 10.0]
        let line = try TabulatedCurve(x: x, y: x.map { 2 * $0 - 1 })
        for i in 0...1300 {
            let t = -3 + 13 * Double(i) / 1300
            let value = try #require(line.value(at: t))
            #expect(abs(value - (2 * t - 1)) <= 4 * 20 * Double.ulpOfOne, "x = \(t)")
        }
        // y = 5 + 2 ln x in logX mode, on uniform ln-spaced nodes.
        let nodes = Self.logSpaced(1e-6, 1e6, 25)
        let logCurve = try TabulatedCurve(x: nodes, y: nodes.map { 5 + 2 * log($0) }, mode: .logX)
        #expect(logCurve.isUniform)
        for x in Self.logSpaced(1e-6, 1e6, 501) {
            let value = try #require(logCurve.value(at: x))
            #expect(abs(value - (5 + 2 * log(x))) <= 1e-13, "x = \(x)")
        }
    }

    @Test("the ends: both end nodes are inside, one ulp outside is nil or a thrown Problem")
    func ends() throws {
        let curve = try TabulatedCurve(x: [1, 2, 4], y: [10, 20, 0], mode: .linear)
        #expect(curve.value(at: 1) == 10 && curve.value(at: 4) == 0)
        #expect(curve(1.0.nextDown) == nil && curve(4.0.nextUp) == nil)
        #expect(curve.value(at: .nan) == nil && curve.value(at: .infinity) == nil && curve.value(at: -.infinity) == nil)
        #expect(try curve.checkedValue(at: 3) == 10)
        do {
            _ = try curve.checkedValue(at: 5, parameter: .mass)
            Issue.record("no throw")
        } catch {
            #expect(error.kind == .outOfRange && error.parameter == .mass && error.message.contains("1.0...4.0"))
        }
        do {
            _ = try curve.checkedValue(at: .nan)
            Issue.record("no throw")
        } catch { #expect(error.kind == .notFinite) }
        // The unchecked value agrees inside and continues the end segments outside (explicitly).
        #expect(curve.uncheckedValue(at: 3) == 10)
        #expect(curve.uncheckedValue(at: 0) == 0 && curve.uncheckedValue(at: 5) == -10)
        #expect(curve.segment(containing: 1) == 0 && curve.segment(containing: 2) == 1 && curve.segment(containing: 4) == 1)
    }

    @Test("uniform look-up agrees with a linear search, including points next to nodes")
    func uniformLookup() throws {
        let x = (0...100).map { 0.1 * Double($0) }  // 0, 0.1, ..., 10: uniform to rounding
        let curve = try TabulatedCurve(x: x, y: x.map { $0 * $0 })
        #expect(curve.isUniform)
        var probes: [Double] = []
        for node in x { probes += [node.nextDown, node, node.nextUp] }
        for p in probes where p >= 0 && p < 10 {
            let expected = x.lastIndex { $0 <= p }!
            #expect(curve.segment(containing: p) == min(expected, 99), "at \(p)")
        }
        let irregular = try TabulatedCurve(x: [0, 1, 1.5, 7, 8], y: [0, 0, 0, 0, 0])
        #expect(!irregular.isUniform && irregular.segment(containing: 7.5) == 3 && irregular.segment(containing: 1.5) == 2)
    }

    @Test("bad tables are a Problem naming the entry: duplicate x, NaN, y <= 0 in log-log, one point")
    func badTables() {
        func problem(_ x: [Double], _ y: [Double], _ mode: TabulatedCurve.Mode = .linear) -> Problem? {
            do { _ = try TabulatedCurve(x: x, y: y, mode: mode); return nil } catch { return error }
        }
        let duplicate = problem([1, 2, 2, 3], [1, 1, 1, 1])
        #expect(duplicate?.parameter == .field("x[2]") && duplicate?.value == "2.0" && duplicate?.message.contains("x[1] = 2.0") == true)
        let decreasing = problem([1, 3, 2], [1, 1, 1])
        #expect(decreasing?.parameter == .field("x[2]") && decreasing?.kind == .outOfRange)
        let nanX = problem([1, .nan, 3], [1, 1, 1])
        #expect(nanX?.parameter == .field("x[1]") && nanX?.kind == .notFinite)
        let nanY = problem([1, 2, 3], [1, 1, .nan])
        #expect(nanY?.parameter == .field("y[2]") && nanY?.kind == .notFinite)
        let negative = problem([1, 2, 3], [1, -1, 1], .logLog)
        #expect(negative?.parameter == .field("y[1]") && negative?.value == "-1.0")
        #expect(problem([1, 2, 3], [1, 0, 1], .logLog)?.parameter == .field("y[1]"))
        #expect(problem([1, 2, 3], [1, -1, 1], .logX) == nil)  // y may be negative in logX
        #expect(problem([0, 2, 3], [1, 1, 1], .logX)?.parameter == .field("x[0]"))
        #expect(problem([1], [1])?.kind == .missing)
        #expect(problem([], [])?.kind == .missing)
        #expect(problem([1, 2], [1])?.kind == .conflict)
    }

    @Test("the example of the documentation")
    func documentedExample() throws {
        let limit = try TabulatedCurve(x: [0.01, 0.1, 1, 10], y: [3e-3, 1e-3, 5e-4, 2e-3], mode: .logLog)
        // Between 0.1 and 1 the power law through (0.1, 1e-3) and (1, 5e-4) is 5e-4 x^(-log10 2):
        // at 0.3, 5e-4 * 0.3^(-0.30103) = 7.1922e-4 (hand calculation; 1e-12 for rounding).
        let expected = 5e-4 * pow(0.3, -log10(2.0))
        #expect(abs(try #require(limit.value(at: 0.3)) / expected - 1) < 1e-12)
        #expect(limit.value(at: 20) == nil)
    }
}
