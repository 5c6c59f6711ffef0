/// An exact rational number `numerator / denominator` with 64-bit integer parts.
///
/// U(1)_X charges, hypercharges (1/6, 2/3, ...) and every anomaly coefficient are rationals.
/// ZPrime never touches floating point in the anomaly and Yukawa checks: all arithmetic here is
/// exact, and an intermediate result that does not fit in 64 bits raises
/// ``RationalError/overflow(_:)`` instead of wrapping silently.
///
/// The value is always stored reduced, with a positive denominator, so `==` and `hash` compare
/// values, not representations.
///
/// ```swift
/// let y = try Rational(parsing: "1/6")
/// let sum = try y + Rational(1, 3)
/// print(sum)   // 1/2
/// ```
public struct Rational: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The reduced numerator (carries the sign).
    public let numerator: Int64
    /// The reduced denominator, always positive.
    public let denominator: Int64

    /// The integer `value` as a rational. `Int64.min` has no negation and is refused (a
    /// programming error; parse untrusted text with ``init(parsing:)`` or ``parseFraction(_:)``).
    public init(_ value: Int) {
        precondition(value != Int(Int64.min), "Rational(Int64.min) has no negation")
        numerator = Int64(value)
        denominator = 1
    }

    /// `numerator / denominator`, reduced. Traps on a zero denominator; use
    /// ``init(checkedNumerator:denominator:)`` for untrusted input.
    public init(_ numerator: Int, _ denominator: Int) {
        precondition(denominator != 0, "Rational with zero denominator")
        // Only the Int64.min corner can overflow here; that is a programming error for literals.
        self = try! Rational(checkedNumerator: Int64(numerator), denominator: Int64(denominator))
    }

    /// `numerator / denominator`, reduced, throwing on a zero denominator or on overflow.
    public init(checkedNumerator numerator: Int64, denominator: Int64) throws(RationalError) {
        guard denominator != 0 else { throw .zeroDenominator }
        guard numerator != .min, denominator != .min else { throw .overflow("normalising \(numerator)/\(denominator)") }
        let g = Rational.gcd(numerator.magnitude, denominator.magnitude)
        var n = numerator / Int64(g)
        var d = denominator / Int64(g)
        if d < 0 { n = -n; d = -d }
        self.numerator = n
        self.denominator = d
    }

    /// Parses `"3"`, `"-1/3"`, `"+2/6"` (reduced to 1/3). Whitespace around the parts is allowed.
    /// Decimal points and exponents are rejected: charges are exact.
    public init(parsing text: String) throws(RationalError) {
        let (n, d) = try Rational.parseFraction(text)
        try self.init(checkedNumerator: n, denominator: d)
    }

    /// The integers of `"n"` or `"n/d"` as written (not reduced; d = 1 for an integer), so that a
    /// caller can check their size before any arithmetic. Every Int64 is accepted, `Int64.min`
    /// included. Throws on malformed text and on a zero denominator.
    public static func parseFraction(_ text: String) throws(RationalError) -> (numerator: Int64, denominator: Int64) {
        // Long text cannot be a 64-bit fraction; refuse it before splitting.
        guard text.utf8.count <= 64 else { throw .malformed(String(text.prefix(24)) + "...") }
        let trimmed = text.trimmingWhitespace()
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { throw .malformed(text) }
        guard let n = Rational.parseInteger(parts[0]) else { throw .malformed(text) }
        var d: Int64 = 1
        if parts.count == 2 {
            guard let parsed = Rational.parseInteger(parts[1]) else { throw .malformed(text) }
            d = parsed
        }
        guard d != 0 else { throw .zeroDenominator }
        return (n, d)
    }

    /// Zero.
    public static let zero = Rational(0)
    /// One.
    public static let one = Rational(1)

    /// Whether the value is an integer.
    public var isInteger: Bool { denominator == 1 }
    /// Whether the value is zero.
    public var isZero: Bool { numerator == 0 }

    /// The nearest `Double` (for display and for floating-point physics downstream).
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// `"n"` for integers, `"n/d"` otherwise.
    public var description: String { isInteger ? "\(numerator)" : "\(numerator)/\(denominator)" }

    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        // Compare n1*d2 < n2*d1 in 128-bit arithmetic: cannot overflow.
        let l = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let r = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return (l.high, l.low) < (r.high, r.low)
    }

    // MARK: Arithmetic (throwing on overflow)

    /// The sum; throws ``RationalError/overflow(_:)`` when it does not fit in 64 bits.
    public static func + (lhs: Rational, rhs: Rational) throws(RationalError) -> Rational {
        let g = Int64(gcd(lhs.denominator.magnitude, rhs.denominator.magnitude))
        let ld = lhs.denominator / g
        let rd = rhs.denominator / g
        let a = try checked(lhs.numerator.multipliedReportingOverflow(by: rd), "adding")
        let b = try checked(rhs.numerator.multipliedReportingOverflow(by: ld), "adding")
        let n = try checked(a.addingReportingOverflow(b), "adding")
        let d = try checked(lhs.denominator.multipliedReportingOverflow(by: rd), "adding")
        return try Rational(checkedNumerator: n, denominator: d)
    }

    /// The difference; throws on overflow.
    public static func - (lhs: Rational, rhs: Rational) throws(RationalError) -> Rational {
        try lhs + (-rhs)
    }

    /// The product; throws on overflow.
    public static func * (lhs: Rational, rhs: Rational) throws(RationalError) -> Rational {
        // Cross-reduce first so that products of reduced fractions stay small.
        let g1 = Int64(gcd(lhs.numerator.magnitude, rhs.denominator.magnitude))
        let g2 = Int64(gcd(rhs.numerator.magnitude, lhs.denominator.magnitude))
        let n = try checked((lhs.numerator / g1).multipliedReportingOverflow(by: rhs.numerator / g2), "multiplying")
        let d = try checked((lhs.denominator / g2).multipliedReportingOverflow(by: rhs.denominator / g1), "multiplying")
        return try Rational(checkedNumerator: n, denominator: d)
    }

    /// The quotient; throws on division by zero or overflow.
    public static func / (lhs: Rational, rhs: Rational) throws(RationalError) -> Rational {
        guard !rhs.isZero else { throw .divisionByZero }
        return try lhs * Rational(checkedNumerator: rhs.denominator, denominator: rhs.numerator)
    }

    /// The negation (never overflows: numerators are never `Int64.min`).
    public static prefix func - (value: Rational) -> Rational {
        Rational(uncheckedNumerator: -value.numerator, denominator: value.denominator)
    }

    /// `self` raised to a non-negative integer power; throws on overflow.
    public func power(_ exponent: Int) throws(RationalError) -> Rational {
        precondition(exponent >= 0, "negative exponent")
        var result = Rational.one
        for _ in 0..<exponent { result = try result * self }
        return result
    }

    /// The absolute value.
    public var magnitude: Rational { numerator < 0 ? -self : self }

    // MARK: Helpers

    private init(uncheckedNumerator: Int64, denominator: Int64) {
        self.numerator = uncheckedNumerator
        self.denominator = denominator
    }

    private static func checked(_ result: (partialValue: Int64, overflow: Bool), _ operation: String) throws(RationalError) -> Int64 {
        if result.overflow || result.partialValue == .min { throw .overflow(operation) }
        return result.partialValue
    }

    /// Greatest common divisor of two magnitudes (`gcd(0, 0) = 1` so that division is safe).
    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }

    private static func parseInteger(_ text: Substring) -> Int64? {
        let t = String(text).trimmingWhitespace()
        guard !t.isEmpty else { return nil }
        var digits = Substring(t)
        var negative = false
        if let first = digits.first, first == "+" || first == "-" {
            negative = first == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        // Parse with the sign so that Int64.min ("-9223372036854775808") is an integer too.
        return Int64((negative ? "-" : "") + digits)
    }
}

/// Errors from exact rational arithmetic and parsing.
public enum RationalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not an integer or a fraction `n/d` of integers.
    case malformed(String)
    /// A fraction with denominator zero, such as `"1/0"`.
    case zeroDenominator
    /// Division by the rational zero.
    case divisionByZero
    /// An intermediate value does not fit in 64 bits; the operation is named.
    case overflow(String)

    public var description: String {
        switch self {
        case .malformed(let text): return "'\(text)' is not an integer or a fraction n/d"
        case .zeroDenominator: return "zero denominator"
        case .divisionByZero: return "division by zero"
        case .overflow(let operation): return "integer overflow while \(operation) (charges too large for exact 64-bit arithmetic)"
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}

extension Sequence where Element == Rational {
    /// The exact sum of the elements; throws on overflow.
    public func exactSum() throws(RationalError) -> Rational {
        var total = Rational.zero
        for value in self { total = try total + value }
        return total
    }
}

extension Rational: ExpressibleByIntegerLiteral {
    /// An integer literal as a rational: `let x: Rational = -1`.
    public init(integerLiteral value: Int) { self.init(value) }
}
