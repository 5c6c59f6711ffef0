import Foundation

/// A tick mark of an axis: its value (data units), whether it is a major tick, and its label.
public struct Tick: Sendable, Hashable, Codable {
    /// The value at the tick, in the axis's data units.
    public var value: Double
    /// Major ticks are longer.
    public var isMajor: Bool
    /// The label, or nil for an unlabelled tick.
    public var label: RichText?

    /// Creates a tick.
    public init(value: Double, isMajor: Bool, label: RichText?) {
        self.value = value
        self.isMajor = isMajor
        self.label = label
    }
}

/// Tick generation for plot axes.
///
/// Logarithmic axes: a labelled major tick on every decade inside the range and unlabelled minor
/// ticks at 2 ... 9 times each decade. Decade labels are plain numbers (1, 10, 100, 1000) when every
/// labelled decade lies between 1 and 1000 and powers of ten with a superscript exponent (10⁻³)
/// otherwise. When the range holds fewer than two decades, the 2 and 5 of each decade are labelled
/// as well; when that still gives fewer than two labels (a zoom inside one decade, such as
/// 16 ... 18 MeV) the labels fall back to evenly spaced "nice" values (steps 1, 2 or 5 times a power
/// of ten, four to ten intervals), placed on the logarithmic scale, with unlabelled minor ticks at a
/// fifth (or half) of the step.
///
/// Linear axes: nice steps as in the fallback above.
///
/// Ticks are computed in label units (value x ``PlotAxis/labelScale``) and returned in data units.
/// Values are built from their decimal digits, so a tick at 0.02 is exactly the double nearest 0.02.
/// The minus sign is U+2212.
///
/// ```swift
/// let ticks = Ticks.ticks(for: .coupling("ε", from: 1e-8, to: 1e-2))
/// print(ticks.filter(\.isMajor).count)                  // 7 decades
/// print(ticks.first { $0.isMajor }!.label!.markup)      // 10^{−8}
/// ```
public enum Ticks {
    /// Relative slack when comparing a tick with the ends of the range (rounding of log10 and of the
    /// label scale).
    static let slack = 1e-9

    /// The ticks of an axis (the axis is assumed valid; an invalid one gives no ticks).
    public static func ticks(for axis: PlotAxis) -> [Tick] {
        guard (try? axis.validate("axis")) != nil else { return [] }
        let lower = axis.lower * axis.labelScale, upper = axis.upper * axis.labelScale
        let ticks: [Tick]
        switch axis.scale {
        case .logarithmic: ticks = logarithmic(lower, upper)
        case .linear: ticks = linear(lower, upper)
        }
        return ticks.map { Tick(value: $0.value / axis.labelScale, isMajor: $0.isMajor, label: $0.label) }
    }

    /// `mantissa` x 10^`exponent`, parsed from its decimal text (exact to the nearest double).
    static func decimal(_ mantissa: Int, _ exponent: Int) -> Double {
        Double("\(mantissa)e\(exponent)")!
    }

    static func inside(_ value: Double, _ lower: Double, _ upper: Double) -> Bool {
        value >= lower * (1 - slack) && value <= upper * (1 + slack)
    }

    static func logarithmic(_ lower: Double, _ upper: Double) -> [Tick] {
        let first = Int(floor(log10(lower) + slack)), last = Int(floor(log10(upper) + slack))
        var values: [(value: Double, mantissa: Int, exponent: Int)] = []
        for exponent in first...last {
            for mantissa in 1...9 {
                let value = decimal(mantissa, exponent)
                if inside(value, lower, upper) { values.append((value, mantissa, exponent)) }
            }
        }
        let decades = values.filter { $0.mantissa == 1 }
        if decades.count >= 2 {
            let plain = decades.allSatisfy { (0...3).contains($0.exponent) }
            return values.map { v in
                Tick(value: v.value, isMajor: v.mantissa == 1,
                     label: v.mantissa == 1 ? (plain ? RichText(plain: format(v.value)) : power(v.exponent)) : nil)
            }
        }
        let labelled = values.filter { [1, 2, 5].contains($0.mantissa) }
        if labelled.count >= 2 {
            let plain = labelled.allSatisfy { (-2...3).contains($0.exponent) }
            return values.map { v in
                let isLabelled = [1, 2, 5].contains(v.mantissa)
                let label: RichText? = isLabelled ? (plain ? RichText(plain: format(v.value))
                                                    : (v.mantissa == 1 ? power(v.exponent) : RichText(plain: "\(v.mantissa)×") + power(v.exponent))) : nil
                return Tick(value: v.value, isMajor: v.mantissa == 1 || isLabelled, label: label)
            }
        }
        return linear(lower, upper)
    }

    /// Evenly spaced nice ticks: the step is 1, 2 or 5 x 10^k giving 4 to 10 intervals (the one
    /// closest to 5); minor ticks at a fifth of the step (a quarter for steps of 2 x 10^k).
    static func linear(_ lower: Double, _ upper: Double) -> [Tick] {
        let span = upper - lower
        guard span > 0 else { return [] }
        var best: (mantissa: Int, exponent: Int, count: Double)?
        let top = Int(floor(log10(span)))
        for exponent in (top - 2)...(top + 1) {
            for mantissa in [1, 2, 5] {
                let count = span / decimal(mantissa, exponent)
                guard count >= 3.999, count <= 10.001 else { continue }
                if best == nil || abs(count - 5) < abs(best!.count - 5) { best = (mantissa, exponent, count) }
            }
        }
        guard let step = best else { return [] }
        // Minor subdivision: 5 for steps 1 and 5, 4 for step 2 (ticks at 0.5 of the mantissa unit).
        let subdivisions = step.mantissa == 2 ? 4 : 5
        // Work in integer units of the minor step: minor unit = mantissa x 10^exponent / subdivisions.
        // Represent each tick as an integer multiple k of (mantissa * 10 / subdivisions) x 10^(exponent - 1).
        let unitMantissa = step.mantissa * 10 / subdivisions
        let unitExponent = step.exponent - 1
        let unit = decimal(unitMantissa, unitExponent)
        // Ticks are integer multiples of the unit: refuse ranges whose indices would not fit.
        guard unit > 0, abs(lower / unit) < 1e15, abs(upper / unit) < 1e15 else { return [] }
        let firstIndex = Int(ceil(lower / unit - slack * 10)), lastIndex = Int(floor(upper / unit + slack * 10))
        guard lastIndex >= firstIndex, lastIndex - firstIndex <= 1000 else { return [] }
        let labels = (firstIndex...lastIndex).filter { $0 % subdivisions == 0 }.map { decimal($0 * unitMantissa, unitExponent) }
        let plain = labels.allSatisfy { $0 == 0 || (abs($0) >= 1e-3 && abs($0) < 1e5) }
        return (firstIndex...lastIndex).map { index in
            let value = decimal(index * unitMantissa, unitExponent)
            let major = index % subdivisions == 0
            return Tick(value: value, isMajor: major, label: major ? (plain ? RichText(plain: format(value)) : scientific(value)) : nil)
        }
    }

    /// 10 with a superscript exponent (U+2212 for the minus sign).
    public static func power(_ exponent: Int) -> RichText {
        RichText(runs: [.init("10"), .init(exponent < 0 ? "\u{2212}\(-exponent)" : "\(exponent)", .superscript)])
    }

    /// The shortest decimal text of a value that reads back as the same double, without a trailing
    /// ".0", with U+2212 for the minus sign ("16.5", "0.02", "1000").
    public static func format(_ value: Double) -> String {
        if value == 0 { return "0" }
        var text = "\(abs(value))"
        if text.contains("e") {
            // Swift prints 1e-05 style for small values: rebuild the decimal digits.
            let decimal = Decimal(string: text).map { "\($0)" } ?? text
            text = decimal
        }
        if text.hasSuffix(".0") { text.removeLast(2) }
        return (value < 0 ? "\u{2212}" : "") + text
    }

    /// m×10^k for values outside the plain range.
    static func scientific(_ value: Double) -> RichText {
        guard value != 0 else { return RichText(plain: "0") }
        let exponent = Int(floor(log10(abs(value)) + slack))
        let mantissa = value / pow(10, Double(exponent))
        let rounded = (mantissa * 1000).rounded() / 1000
        if abs(rounded) == 1 { return (rounded < 0 ? RichText(plain: "\u{2212}") : RichText(plain: "")) + power(exponent) }
        return RichText(plain: format(rounded) + "×") + power(exponent)
    }
}
