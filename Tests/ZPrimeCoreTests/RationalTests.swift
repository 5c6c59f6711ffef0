import Testing
@testable import ZPrimeCore

@Suite("Exact rational arithmetic")
struct RationalTests {
    @Test("parsing integers and fractions, reduced with a positive denominator")
    func parsing() throws {
        #expect(try Rational(parsing: "1/3") == Rational(1, 3))
        #expect(try Rational(parsing: " -2/6 ") == Rational(-1, 3))
        #expect(try Rational(parsing: "4/-6") == Rational(-2, 3))
        #expect(try Rational(parsing: "+7") == Rational(7))
        #expect(try Rational(parsing: "0/5") == .zero)
        let r = try Rational(parsing: "10/-4")
        #expect(r.numerator == -5 && r.denominator == 2)
    }

    @Test("malformed text is rejected with the right error", arguments: ["abc", "1/", "/3", "1.5", "1//2", "", "1/2/3", "1e3", "--1", "0x10"])
    func malformed(_ text: String) {
        #expect(throws: RationalError.malformed(text)) { try Rational(parsing: text) }
    }

    @Test("a zero denominator is an error, not a crash")
    func zeroDenominator() {
        #expect(throws: RationalError.zeroDenominator) { try Rational(parsing: "1/0") }
        #expect(throws: RationalError.divisionByZero) { try Rational(1) / Rational(0) }
    }

    @Test("hypercharge arithmetic is exact")
    func arithmetic() throws {
        // Sum of hypercharges of one SM family of left-handed Weyl fields: 6(1/6) + 3(-2/3) + 3(1/3) + 2(-1/2) + 1 = 0.
        let q = Rational(1, 6), u = Rational(-2, 3), d = Rational(1, 3), l = Rational(-1, 2), e = Rational(1)
        let sum = try Rational(6) * q + Rational(3) * u + Rational(3) * d + Rational(2) * l + e
        #expect(sum == .zero)
        #expect(try Rational(1, 6) + Rational(1, 3) == Rational(1, 2))
        #expect(try Rational(2, 3) * Rational(3, 4) == Rational(1, 2))
        #expect(try Rational(1, 3) - Rational(1, 2) == Rational(-1, 6))
        #expect(try Rational(-1, 3).power(3) == Rational(-1, 27))
        #expect(Rational(1, 3) < Rational(1, 2))
        #expect(Rational(-1, 2) < Rational(-1, 3))
        #expect(Rational(-1, 3).magnitude == Rational(1, 3))
    }

    @Test("overflow raises an error instead of a wrong answer")
    func overflow() throws {
        let big = try Rational(checkedNumerator: Int64.max / 2 + 1, denominator: 1)
        #expect(throws: RationalError.self) { try big + big }
        #expect(throws: RationalError.self) { try big * Rational(3) }
        let tiny = try Rational(checkedNumerator: 1, denominator: Int64.max / 2)
        #expect(throws: RationalError.self) { try tiny + Rational(1, 3) * tiny }
        #expect(throws: RationalError.self) { try Rational(checkedNumerator: .min, denominator: 1) }
        // Large but representable values stay exact.
        let third = Rational(1, 3)
        let huge = try Rational(checkedNumerator: 3_000_000_000, denominator: 1)
        #expect(try huge * third == Rational(1_000_000_000))
    }

    @Test("comparison does not overflow for large parts")
    func largeComparison() throws {
        let a = try Rational(checkedNumerator: Int64.max - 1, denominator: Int64.max)
        let b = try Rational(checkedNumerator: Int64.max - 2, denominator: Int64.max - 1)
        // a = 1 - 1/M, b = 1 - 1/(M-1): a > b.
        #expect(b < a)
    }
}
