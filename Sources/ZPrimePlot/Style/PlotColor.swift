import Foundation

/// An opaque sRGB colour, written `#rrggbb` in SVG.
///
/// ```swift
/// let blue = PlotColor(hex: "#4c72b0")!
/// print(blue.hex, blue.darkened(0.4).hex, blue.lightened(0.5).hex)   // #4c72b0 #2e446a #a6b9d8
/// ```
public struct PlotColor: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Red, 0...255.
    public var red: UInt8
    /// Green, 0...255.
    public var green: UInt8
    /// Blue, 0...255.
    public var blue: UInt8

    /// Creates a colour from its components.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Parses `#rrggbb` (or `rrggbb`); nil for anything else.
    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        red = UInt8((value >> 16) & 0xff)
        green = UInt8((value >> 8) & 0xff)
        blue = UInt8(value & 0xff)
    }

    /// `#rrggbb`, lower case.
    public var hex: String {
        func two(_ v: UInt8) -> String {
            let digits = Array("0123456789abcdef")
            return String([digits[Int(v >> 4)], digits[Int(v & 15)]])
        }
        return "#" + two(red) + two(green) + two(blue)
    }

    public var description: String { hex }

    /// The colour mixed with `other`: fraction 0 is this colour, 1 is `other` (each component rounded
    /// to the nearest integer).
    public func mixed(with other: PlotColor, fraction: Double) -> PlotColor {
        let f = Swift.max(0, Swift.min(1, fraction))
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) + (Double(b) - Double(a)) * f).rounded()) }
        return PlotColor(red: mix(red, other.red), green: mix(green, other.green), blue: mix(blue, other.blue))
    }

    /// Mixed with black by `fraction` (a boundary line, the outline of white text).
    public func darkened(_ fraction: Double) -> PlotColor { mixed(with: .black, fraction: fraction) }

    /// Mixed with white by `fraction` (recasts are drawn lighter than collaborations' own results).
    public func lightened(_ fraction: Double) -> PlotColor { mixed(with: .white, fraction: fraction) }

    /// The WCAG relative luminance, 0 (black) ... 1 (white), from linearised sRGB components.
    public var luminance: Double {
        func linear(_ c: UInt8) -> Double {
            let v = Double(c) / 255
            return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// Whether white text reads better on this colour than dark text: the contrast ratio against white
    /// exceeds the one against near-black text (#1a1a1a) (WCAG contrast (L1 + 0.05)/(L2 + 0.05)).
    public var prefersLightText: Bool {
        let l = luminance
        let againstWhite = 1.05 / (l + 0.05)
        let againstDark = (l + 0.05) / (PlotColor.text.luminance + 0.05)
        return againstWhite > againstDark
    }

    /// #000000.
    public static let black = PlotColor(red: 0, green: 0, blue: 0)
    /// #ffffff.
    public static let white = PlotColor(red: 255, green: 255, blue: 255)
    /// The colour of text, frames and ticks, #1a1a1a.
    public static let text = PlotColor(red: 26, green: 26, blue: 26)
}
