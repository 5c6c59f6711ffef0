import Foundation
import Testing
@testable import ZPrimeCore

/// Brent's method, its log-space variant and the sign-change scan.
///
/// Reference roots are mpmath evaluations at 40-50 significant digits (mp.dps = 40 or 50):
/// `findroot` near the root for the smooth functions, 200 bisection steps in mpmath for the
/// island edges. They are correct to far more digits than a double holds, so the tolerances
/// below are those requested from the solver, not those of the references.
@Suite("Root finding: Brent's method, log space, sign-change scans")
struct RootFindingTests {
    /// cos x = x, mpmath findroot at 40 digits: 0.7390851332151606416553120876738734040134.
    static let dottie = 0.7390851332151606416553120876738734040134
    /// x^3 = 2: 2^(1/3) = 1.25992104989487316476721060727822835057 (mpmath cbrt, 40 digits).
    static let cubeRootOfTwo = 1.25992104989487316476721060727822835057
    /// x^2 (1 + x/1e-9) = 1.5e-20: 1.159379472247168849086029644367716681835e-10 (mpmath findroot).
    static let smallRoot = 1.159379472247168849086029644367716681835e-10
    /// sqrt(x) + ln x = 1e5: 9995395452.094780034838481155921065820131 (mpmath findroot).
    static let largeRoot = 9995395452.094780034838481155921065820131

    /// |x - reference| <= tolerance |reference|.
    static func close(_ x: Double, _ reference: Double, _ tolerance: Double) -> Bool {
        abs(x - reference) <= tolerance * abs(reference)
    }

    @Test("known roots to the requested relative tolerance 1e-12, with few evaluations")
    func knownRoots() throws {
        // Brent is superlinear: each of these needs well under 60 evaluations (bisection alone
        // would need about 40 to reach 1e-12 relative from an O(1) bracket).
        let cosine = try RootFinding.brent(in: 0...1) { cos($0) - $0 }
        #expect(Self.close(cosine.x, Self.dottie, 1e-12), "\(cosine.x)")
        #expect(cosine.evaluations < 15 && cosine.evaluations == cosine.iterations + 2)
        #expect(cosine.bracket.interval.contains(cosine.x) && cosine.bracket.width <= 1e-12 * cosine.x)
        #expect(abs(cosine.value - (cos(cosine.x) - cosine.x)) == 0)

        let cube = try RootFinding.brent(lower: 0, upper: 4) { $0 * $0 * $0 - 2 }
        #expect(Self.close(cube.x, Self.cubeRootOfTwo, 1e-12), "\(cube.x)")
        #expect(cube.evaluations < 30)

        // Roots at 1e-10 and 1e10 in ln x: the brackets span 12 and 8 decades.
        let small = try RootFinding.brentLog(in: 1e-16...1e-4) { x in x * x * (1 + x / 1e-9) - 1.5e-20 }
        #expect(Self.close(small.x, Self.smallRoot, 1e-12), "\(small.x)")
        #expect(small.evaluations < 60, "\(small.evaluations)")
        let large = try RootFinding.brentLog(in: 1e6...1e14) { x in x.squareRoot() + log(x) - 1e5 }
        #expect(Self.close(large.x, Self.largeRoot, 1e-12), "\(large.x)")
        #expect(large.evaluations < 60, "\(large.evaluations)")
        // The same root with a linear bracket, for comparison: also found.
        let largeLinear = try RootFinding.brent(in: 1e6...1e14) { x in x.squareRoot() + log(x) - 1e5 }
        #expect(Self.close(largeLinear.x, Self.largeRoot, 1e-12))
    }

    @Test("tolerances down to a few ulps are met")
    func tightTolerances() throws {
        // Requested relative tolerance 0: the bracket ends at most 2 * 2 ulp(1) |x| apart, and the
        // root of the rounded function cos x - x is within a couple of ulps of the true one
        // (the function's own rounding, ~1e-16, over a slope of -1.67). 8 ulps covers both.
        let root = try RootFinding.brent(in: 0...1, relativeTolerance: 0) { cos($0) - $0 }
        #expect(abs(root.x - Self.dottie) <= 8 * Self.dottie.ulp, "\(root.x) vs \(Self.dottie)")
        #expect(root.bracket.width <= 4 * Double.ulpOfOne * root.x)
        for tolerance in [1e-6, 1e-9, 1e-12, 1e-14] {
            let r = try RootFinding.brent(in: 0...4, relativeTolerance: tolerance) { $0 * $0 * $0 - 2 }
            #expect(Self.close(r.x, Self.cubeRootOfTwo, tolerance), "tolerance \(tolerance): \(r.x)")
            let l = try RootFinding.brentLog(in: 1e-16...1e-4, relativeTolerance: tolerance) { x in x * x * (1 + x / 1e-9) - 1.5e-20 }
            #expect(Self.close(l.x, Self.smallRoot, tolerance), "log, tolerance \(tolerance): \(l.x)")
        }
        // An absolute tolerance for a root at 0 (a relative one alone would chase subnormals).
        let zero = try RootFinding.brent(in: -1...2, relativeTolerance: 0, absoluteTolerance: 1e-13) { sin($0) }
        #expect(abs(zero.x) <= 1e-13)
    }

    @Test("steep and discontinuous steps: the bracket closes on the jump")
    func steepSteps() throws {
        // tanh((x - 0.3)/1e-9): smooth but with a 1e-9-wide step. The root is 0.3 itself (tanh is odd).
        let steep = try RootFinding.brent(in: 0...1) { tanh(($0 - 0.3) / 1e-9) }
        #expect(Self.close(steep.x, 0.3, 1e-12), "\(steep.x)")
        #expect(steep.evaluations < 60, "\(steep.evaluations)")
        // A sign jump at 1/3 with no zero: the bracket must shrink onto the jump (bisection fallback).
        let jump = try RootFinding.brent(in: 0...1) { $0 < 1.0 / 3 ? -1 : 1 }
        #expect(jump.bracket.lower < 1.0 / 3 + 1e-12 && jump.bracket.upper >= 1.0 / 3 - 1e-12)
        #expect(Self.close(jump.x, 1.0 / 3, 1e-12) && jump.evaluations < 60, "\(jump.x), \(jump.evaluations)")
        // A double step (two plateaus of different height, then a sign change): still found.
        let double = try RootFinding.brent(in: 0...1) { x in x < 0.25 ? -2 : (x < 0.6 ? -1e-3 : 5) }
        #expect(Self.close(double.x, 0.6, 1e-12) && double.evaluations < 80, "\(double.x), \(double.evaluations)")
    }

    @Test("an exact zero at an endpoint returns that endpoint without iterating")
    func endpointRoots() throws {
        let atUpper = try RootFinding.brent(in: 1...2) { $0 - 2 }
        #expect(atUpper.x == 2 && atUpper.value == 0 && atUpper.iterations == 0 && atUpper.evaluations == 2)
        let atLower = try RootFinding.brent(in: 0...1) { $0 }
        #expect(atLower.x == 0 && atLower.iterations == 0)
        let logEnd = try RootFinding.brentLog(in: 1e-12...1) { log10($0) + 12 }
        #expect(logEnd.x == 1e-12 && logEnd.iterations == 0)
        // A degenerate interval is fine when f vanishes there.
        let point = try RootFinding.brent(in: 3...3) { $0 - 3 }
        #expect(point.x == 3 && point.evaluations == 1)
    }

    @Test("no sign change, NaN, non-finite or inverted bounds and bad settings throw a Problem")
    func errors() {
        #expect(throws: Problem.self) { try RootFinding.brent(in: -1...1) { $0 * $0 + 1 } }
        do {
            _ = try RootFinding.brent(in: -1...1, variable: .coupling) { $0 * $0 + 1 }
        } catch {
            #expect(error.kind == .outOfRange && error.parameter == .coupling && error.message.contains("no sign change"))
        }
        // NaN at an end and in the middle of the iteration.
        do {
            _ = try RootFinding.brent(in: 0...1) { $0 > 0.5 ? .nan : $0 - 0.7 }
            Issue.record("no throw")
        } catch { #expect(error.kind == .nonFiniteResult && error.value == "1.0") }
        do {
            _ = try RootFinding.brent(in: 0...1) { x in x > 0.4 && x < 0.6 ? .nan : x - 0.5 }
            Issue.record("no throw")
        } catch { #expect(error.kind == .nonFiniteResult) }
        do {
            _ = try RootFinding.brent(lower: 2, upper: 1) { $0 - 1.5 }
            Issue.record("no throw")
        } catch { #expect(error.kind == .outOfRange && error.message.contains("above the upper bound")) }
        do {
            _ = try RootFinding.brent(lower: .nan, upper: 1) { $0 }
            Issue.record("no throw")
        } catch { #expect(error.kind == .notFinite) }
        do {
            _ = try RootFinding.brent(lower: 0, upper: .infinity) { $0 - 1 }
            Issue.record("no throw")
        } catch { #expect(error.kind == .notFinite) }
        do {
            _ = try RootFinding.brentLog(in: 0...1) { $0 - 0.5 }
            Issue.record("no throw")
        } catch { #expect(error.kind == .outOfRange) }
        #expect(throws: Problem.self) { try RootFinding.brent(in: 0...1, relativeTolerance: -1) { $0 - 0.5 } }
        #expect(throws: Problem.self) { try RootFinding.brent(in: 0...1, absoluteTolerance: .nan) { $0 - 0.5 } }
        #expect(throws: Problem.self) { try RootFinding.brent(in: 0...1, maximumIterations: 0) { $0 - 0.5 } }
        // Too few iterations: a Problem naming the limit, not a silent inaccurate root.
        do {
            _ = try RootFinding.brent(in: 0...1, maximumIterations: 3) { x in x < 1.0 / 3 ? -1 : 1 }
            Issue.record("no throw")
        } catch { #expect(error.kind == .outOfRange && error.parameter == .field("maximum iterations")) }
    }

    @Test("a scan finds both edges of an excluded island (displaced decays)")
    func twoIslandEdges() throws {
        // Events of a long-lived boson decaying between L1 and L2: production ~ g^2, decay
        // probability exp(-k1 g^2) - exp(-k2 g^2) with k = L/(decay length at g = 1), minus the
        // 2.3-event limit. The difference is written e^(-k1 g^2) (1 - e^(-(k2 - k1) g^2)) with expm1,
        // which keeps every digit at small g (two numbers near 1) and at large g (two tiny ones). mpmath (50 digits, 200 bisection steps): edges at
        // 7.1100332796862629884328597337543532493319e-8 and 5.4960129000173845874442702762441547979667e-4.
        let (p, k1, k2) = (1e20, 1e8, 1e9)
        func events(_ g: Double) -> Double { -p * g * g * exp(-k1 * g * g) * expm1(-(k2 - k1) * g * g) - 2.3 }
        let found = try RootFinding.brackets(in: 1e-12...1, points: 121, spacing: .logarithmic, events)
        #expect(found.count == 2)
        let roots = try RootFinding.roots(in: 1e-12...1, points: 121, spacing: .logarithmic, events)
        #expect(roots.count == 2)
        #expect(Self.close(roots[0].x, 7.1100332796862629884328597337543532493319e-8, 1e-12), "\(roots[0].x)")
        #expect(Self.close(roots[1].x, 5.4960129000173845874442702762441547979667e-4, 1e-12), "\(roots[1].x)")
        for root in roots { #expect(root.evaluations < 60) }
        // The brackets are consecutive grid cells, one decade / 10 wide, in increasing order.
        #expect(found[0].upper < found[1].lower && found.allSatisfy { $0.upper / $0.lower < 1.3 })
        // Solving a found bracket reuses its end values.
        let again = try RootFinding.brentLog(in: found[1], events)
        #expect(again.x == roots[1].x)
        // Too coarse a grid misses the island: 2 points see no sign change at all.
        #expect(try RootFinding.brackets(in: 1e-12...1, points: 2, events).isEmpty)
    }

    @Test("scan edge cases: zeros at nodes, linear spacing, bad input")
    func scanEdges() throws {
        // sin x on [0, 10] with 11 points: zeros at the nodes 0 (exact) and sign changes near pi, 2pi, 3pi.
        let sine = try RootFinding.roots(in: 0...10, points: 11, spacing: .linear, absoluteTolerance: 1e-14) { sin($0) }
        #expect(sine.count == 4)
        #expect(sine[0].x == 0)
        for (root, k) in zip(sine.dropFirst(), 1...3) {
            #expect(abs(root.x - Double(k) * Double.pi) <= 1e-12 * Double(k) * Double.pi)
        }
        // A zero exactly at an interior node is reported once, as a degenerate bracket.
        let node = try RootFinding.brackets(in: -1...1, points: 3, spacing: .linear) { $0 }
        #expect(node.count == 1 && node[0].lower == 0 && node[0].upper == 0)
        #expect(throws: Problem.self) { try RootFinding.brackets(in: 0...1, points: 1) { $0 } }
        #expect(throws: Problem.self) { try RootFinding.brackets(in: 0...1, points: 10, spacing: .logarithmic) { $0 } }
        #expect(throws: Problem.self) { try RootFinding.brackets(in: 1...1, points: 10) { $0 } }
        #expect(throws: Problem.self) { try RootFinding.brackets(in: 1...2, points: 10) { _ in .nan } }
    }

    @Test("the examples of the documentation")
    func documentedExamples() throws {
        let root = try RootFinding.brent(in: 0...1) { x in cos(x) - x }
        #expect(abs(root.x - 0.7390851332151607) <= 1e-12)
        // sqrt(2.3e-14) = 1.5165750888103101108513650872564e-7 (mpmath).
        let g = try RootFinding.brentLog(in: 1e-12...1, variable: .coupling) { g in 1e14 * g * g - 2.3 }
        #expect(Self.close(g.x, 1.5165750888103101108513650872564e-7, 1e-12))
        let edges = try RootFinding.roots(in: 1e-9...1, points: 60, spacing: .logarithmic) { g in
            min(1e16 * g * g, 1e-4 / (g * g)) - 1
        }
        #expect(edges.count == 2 && Self.close(edges[0].x, 1e-8, 1e-12) && Self.close(edges[1].x, 1e-2, 1e-12))
    }
}
