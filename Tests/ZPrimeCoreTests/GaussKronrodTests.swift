import Foundation
import Testing
@testable import ZPrimeCore

/// Adaptive Gauss-Kronrod: the rule's nodes and weights, and integrals with known closed forms.
@Suite("Gauss-Kronrod quadrature")
struct GaussKronrodTests {
    /// One interval only (no subdivision): the Kronrod value must integrate x^n exactly up to n = 22
    /// and the embedded Gauss rule up to n = 13, so |K - G| (the error estimate) vanishes for n <= 13
    /// and not for n = 14. This checks every node and both weight sets. Tolerance 4 ulp-ish (1e-15).
    @Test("the 15-point rule is exact to degree 22, the 7-point Gauss rule to degree 13")
    func polynomialExactness() {
        for n in 0...22 {
            let r = GaussKronrod.integrate(from: 0, to: 1, relativeTolerance: 1, maximumSubdivisions: 0) { Foundation.pow($0, Double(n)) }
            #expect(abs(r.value - 1 / Double(n + 1)) < 1e-15, "x^\(n): \(r.value)")
            if n <= 13 { #expect(r.estimatedError < 1e-15, "Gauss rule not exact for x^\(n)") }
        }
        let r14 = GaussKronrod.integrate(from: 0, to: 1, relativeTolerance: 1, maximumSubdivisions: 0) { Foundation.pow($0, 14) }
        #expect(r14.estimatedError > 1e-10, "the Gauss rule must not be exact for x^14")
    }

    /// Integrals with closed forms, to 1e-12 relative (the requested tolerance is 1e-13).
    @Test("closed-form integrals: sin, 1/sqrt(x), log x, e^-x to infinity, narrow peak, many decades")
    func knownIntegrals() {
        let sine = GaussKronrod.integrate(from: 0, to: Double.pi, relativeTolerance: 1e-13) { sin($0) }
        #expect(abs(sine.value - 2) < 2e-12 && sine.converged)
        let inverseRoot = GaussKronrod.integrate(from: 0, to: 1, relativeTolerance: 1e-13) { 1 / $0.squareRoot() }
        #expect(abs(inverseRoot.value - 2) < 2e-12 && inverseRoot.converged)
        let logarithm = GaussKronrod.integrate(from: 0, to: 1, relativeTolerance: 1e-13) { log($0) }
        #expect(abs(logarithm.value + 1) < 1e-12 && logarithm.converged)
        let exponential = GaussKronrod.integrateToInfinity(from: 0, relativeTolerance: 1e-13) { exp(-$0) }
        #expect(abs(exponential.value - 1) < 1e-12 && exponential.converged)
        // Gaussian to infinity: sqrt(pi)/2.
        let gaussian = GaussKronrod.integrateToInfinity(from: 0, relativeTolerance: 1e-13) { exp(-$0 * $0) }
        #expect(abs(gaussian.value - Double.pi.squareRoot() / 2) < 1e-12)
        // Breit-Wigner of width 1e-6 at 0.5 with a break point at the peak:
        // Int_0^1 w/((x - x0)^2 + w^2) = atan((1 - x0)/w) + atan(x0/w).
        let (x0, w) = (0.5, 1e-6)
        let peak = GaussKronrod.integrate(from: 0, to: 1, breakpoints: [x0], relativeTolerance: 1e-13) { w / (($0 - x0) * ($0 - x0) + w * w) }
        #expect(abs(peak.value - (atan((1 - x0) / w) + atan(x0 / w))) < 1e-11)
        // Twelve decades: Int_1e-12^1 dx/x = 12 ln 10, with decade break points.
        let decades = GaussKronrod.integrate(from: 1e-12, to: 1, breakpoints: (1...11).map { Foundation.pow(10, -Double($0)) }, relativeTolerance: 1e-13) { 1 / $0 }
        #expect(abs(decades.value / (12 * log(10)) - 1) < 1e-12)
    }

    @Test("reversed limits change the sign; empty interval is zero")
    func orientation() {
        let forward = GaussKronrod.integrate(from: 0, to: 2) { $0 * $0 }
        let backward = GaussKronrod.integrate(from: 2, to: 0) { $0 * $0 }
        #expect(abs(forward.value - 8.0 / 3) < 1e-14)
        #expect(backward.value == -forward.value)
        #expect(GaussKronrod.integrate(from: 1, to: 1) { $0 }.value == 0)
    }

    @Test("non-finite integrands and exhausted subdivisions are reported, not hidden")
    func failures() {
        let nan = GaussKronrod.integrate(from: 0, to: 1) { $0 > 0.3 ? .nan : 1 }
        #expect(!nan.converged && nan.value.isNaN)
        // 1/x on (0, 1] diverges: the driver stops at the subdivision limit without convergence.
        let divergent = GaussKronrod.integrate(from: 0, to: 1, relativeTolerance: 1e-12, maximumSubdivisions: 50) { 1 / $0 }
        #expect(!divergent.converged)
        let result = GaussKronrod.integrate(from: 0, to: 1, relativeTolerance: 1e-10) { sin(50 * $0) }
        #expect(result.evaluations % 15 == 0 && result.evaluations > 15)
    }
}
