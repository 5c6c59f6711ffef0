import Foundation
import Testing
@testable import ZPrimeCore

@Suite("Special functions")
struct SpecialFunctionsTests {
    /// References: mpmath 1.3 at 30 digits, `mp.gammainc(a, x, mp.inf)` and `mp.e**x * mp.gammainc(a, x, mp.inf)`.
    /// a = 1.8318456843242368 is 2 sqrt(1 - (55 alpha)^2), the value used for cesium APV. Tolerance
    /// 1e-13 relative (series and continued fraction converge to 1e-16; Gamma(a) from libm to ~1e-15).
    static let incompleteGamma: [(a: Double, x: Double, value: Double, scaled: Double)] = [
        (1.8318456843242368, 1e-3, 0.94022218139815718, 0.94116287384738892),
        (1.8318456843242368, 0.5343, 0.81659384523288424, 1.3933160629923006),
        (1.8318456843242368, 2.5, 0.23157504147137617, 2.8211615441746966),
        (1.8318456843242368, 3.0, 0.15713405220380282, 3.1561218074295801),
        (1.8318456843242368, 50.0, 5.0780769629877792e-21, 26.328333704593389),
        (0.5, 0.2, 0.93424138310224968, 1.1410850021084596),
        (1.0, 2.0, 0.13533528323661269, 1.0),
        (3.5, 10.0, 0.018510011645560586, 407.71013837241424),
        (1.5, 1e-10, 0.88622692545275735, 0.88622692554138004),
    ]

    @Test("upper incomplete gamma and its scaled form against mpmath", arguments: SpecialFunctionsTests.incompleteGamma.indices)
    func incompleteGammaValues(_ i: Int) {
        let r = Self.incompleteGamma[i]
        #expect(abs(SpecialFunctions.upperIncompleteGamma(r.a, r.x) / r.value - 1) < 1e-13)
        #expect(abs(SpecialFunctions.upperIncompleteGammaScaled(r.a, r.x) / r.scaled - 1) < 1e-13)
    }

    @Test("incomplete gamma: limits and bad arguments")
    func incompleteGammaEdges() {
        // e^700 Gamma(a, 700) for the cesium a: mpmath 232.91539246702098 (the unscaled value underflows).
        #expect(abs(SpecialFunctions.upperIncompleteGammaScaled(1.8318456843242368, 700) / 232.91539246702098 - 1) < 1e-13)
        #expect(SpecialFunctions.upperIncompleteGamma(2, 0) == 1)          // Gamma(2)
        #expect(SpecialFunctions.upperIncompleteGamma(2, .infinity) == 0)
        #expect(SpecialFunctions.upperIncompleteGamma(-1, 1).isNaN)
        #expect(SpecialFunctions.upperIncompleteGamma(1, -1).isNaN)
    }

    /// References: mpmath, sin(x)/x^2 - cos(x)/x at 30 digits; points on both sides of the series switch
    /// at 0.5 and of the old naive-form trouble spot at 0.1. Tolerance 1e-14 relative.
    @Test("spherical Bessel j1 against mpmath, including the small-x series")
    func besselJ1() {
        let cases: [(Double, Double)] = [
            (0.05, 0.016662500372006587), (0.0999, 0.033266778409868072), (0.1001, 0.03333324519548507),
            (0.4999, 0.16250615985536754), (0.5001, 0.16256790044623956), (1, 0.30116867893975679), (5, -0.095089408079170792), (30, -0.006239527911911537),
        ]
        for (x, value) in cases { #expect(abs(SpecialFunctions.sphericalBesselJ1(x) / value - 1) < 1e-14, "x = \(x)") }
        // x = 1e-5: j1 = x/3 - x^3/30 to 1e-20.
        #expect(abs(SpecialFunctions.sphericalBesselJ1(1e-5) / (1e-5 / 3 - 1e-15 / 30) - 1) < 1e-15)
        #expect(SpecialFunctions.sphericalBesselJ1(0) == 0)
    }
}
