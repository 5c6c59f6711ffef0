import RealModule

/// Special functions not provided by swift-numerics, with the cancellations of their naive forms
/// avoided.
public enum SpecialFunctions {
    /// The upper incomplete gamma function Gamma(a, x) = Int_x^inf t^(a-1) e^(-t) dt for a > 0, x >= 0.
    ///
    /// For x < a + 1 the lower function gamma(a, x) = x^a e^(-x) sum_n x^n / (a (a+1) ... (a+n)) is
    /// summed and subtracted from Gamma(a) (the subtraction loses a factor Gamma(a)/Gamma(a, x), below
    /// 10 for a >= 1 in this region; for small a and x ~ 1 prefer another method); for x >= a + 1 the
    /// continued fraction
    /// Gamma(a, x) = x^a e^(-x) / (x + 1 - a - 1 (1 - a)/(x + 3 - a - 2 (2 - a)/(x + 5 - a - ...)))
    /// is evaluated by the modified Lentz method (Abramowitz & Stegun 6.5.31; DLMF 8.9.2). Relative
    /// accuracy about 1e-14 (tested against mpmath). Returns NaN for a <= 0 or x < 0.
    public static func upperIncompleteGamma(_ a: Double, _ x: Double) -> Double {
        guard a > 0, x >= 0, a.isFinite, !x.isNaN else { return .nan }
        if x == 0 { return Double.gamma(a) }
        if x == .infinity { return 0 }
        if x < a + 1 { return Double.gamma(a) - Double.exp(a * Double.log(x) - x) * lowerSeries(a, x) }
        return Double.exp(a * Double.log(x) - x) * continuedFraction(a, x)
    }

    /// e^x Gamma(a, x): the upper incomplete gamma function without its e^(-x) decay, finite for
    /// large x where Gamma(a, x) itself underflows (same methods and accuracy).
    public static func upperIncompleteGammaScaled(_ a: Double, _ x: Double) -> Double {
        guard a > 0, x >= 0, a.isFinite, !x.isNaN else { return .nan }
        if x == 0 { return Double.gamma(a) }
        if x < a + 1 { return Double.exp(x) * Double.gamma(a) - Double.exp(a * Double.log(x)) * lowerSeries(a, x) }
        return Double.exp(a * Double.log(x)) * continuedFraction(a, x)
    }

    /// sum_n x^n / (a (a+1) ... (a+n)), so that gamma(a, x) = x^a e^(-x) times it.
    private static func lowerSeries(_ a: Double, _ x: Double) -> Double {
        var term = 1 / a
        var sum = term
        var n = 1.0
        while n < 1000 {
            term *= x / (a + n)
            sum += term
            if abs(term) < abs(sum) * 1e-17 { break }
            n += 1
        }
        return sum
    }

    /// The continued fraction h with Gamma(a, x) = x^a e^(-x) h (modified Lentz), for x >= a + 1.
    private static func continuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        var i = 1.0
        while i < 1000 {
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
            i += 1
        }
        return h
    }

    /// The spherical Bessel function j_1(x) = sin x / x^2 - cos x / x.
    ///
    /// The naive form cancels for small x (j_1 ~ x/3, relative error about 3 eps/x^2); below
    /// |x| = 0.5 the series x sum_k (-x^2/2)^k / (k! (2k+3)!!) = x/3 - x^3/30 + x^5/840 - ... is summed
    /// to 1e-17 relative (DLMF 10.53.1).
    public static func sphericalBesselJ1(_ x: Double) -> Double {
        if abs(x) < 0.5 {
            let y = -0.5 * x * x
            var term = 1.0 / 3, sum = term
            var k = 1.0
            while abs(term) > 1e-18 * abs(sum) && k < 30 {
                term *= y / (k * (2 * k + 3))
                sum += term
                k += 1
            }
            return x * sum
        }
        return (Double.sin(x) / x - Double.cos(x)) / x
    }
}
