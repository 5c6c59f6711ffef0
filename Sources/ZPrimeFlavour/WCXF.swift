import Numerics
import Foundation
import ZPrimeCore

/// A set of Wilson coefficients in the WCxf exchange format (Aebischer et al., Comput. Phys. Commun.
/// 232 (2018) 71, arXiv:1712.05298), which `wilson` and `flavio` read (`wilson.Wilson.load_wc`).
///
/// Conventions of the WCxf "flavio" basis of the weak effective theory: L_eff = sum_i C_i O_i (+ h.c.
/// for non-Hermitian operators), with the operator normalisations of the basis file (for example
/// O_9 = (4 G_F/sqrt2) V_tb V_ts^* (e^2/16 pi^2)(sbar_L gamma b_L)(mubar gamma mu), O_VLL^bsbs =
/// (sbar_L gamma b_L)^2 without prefactor). Real coefficients are written as numbers, complex ones as
/// {"Re": x, "Im": y}. The scale is the matching scale mu = M in GeV.
///
/// ```swift
/// let document = WCXFDocument(scale: 1000, values: [("C9_bsmumu", Complex(-0.4, 0)), ("C10_bsmumu", Complex(0.4, 0))])
/// print(document.json())
/// ```
public struct WCXFDocument: Sendable, Hashable {
    /// The EFT ("WET").
    public var eft: String
    /// The basis ("flavio").
    public var basis: String
    /// The scale in GeV.
    public var scale: Double
    /// The coefficients, in output order.
    public var values: [(name: String, value: Complex<Double>)]
    /// Free-text metadata (WCxf's optional `metadata.description`).
    public var description: String

    /// The bases ZPrime writes.
    public static let supportedBases = ["flavio"]

    /// A document in the WET `flavio` basis.
    public init(eft: String = "WET", basis: String = "flavio", scale: Double, values: [(String, Complex<Double>)], description: String = "") {
        self.eft = eft
        self.basis = basis
        self.scale = scale
        self.values = values.map { (name: $0.0, value: $0.1) }
        self.description = description
    }

    public static func == (a: WCXFDocument, b: WCXFDocument) -> Bool {
        a.eft == b.eft && a.basis == b.basis && a.scale == b.scale && a.description == b.description
            && a.values.map(\.name) == b.values.map(\.name) && a.values.map(\.value) == b.values.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(eft); hasher.combine(basis); hasher.combine(scale)
        for v in values { hasher.combine(v.name); hasher.combine(v.value) }
    }

    /// Throws unless `name` is a basis ZPrime writes.
    public static func validateBasis(_ name: String) throws(Problem) {
        guard supportedBases.contains(name) else {
            throw Problem.invalid(.field("basis"), text: name, "unknown basis; ZPrime writes the WET basis: flavio", kind: .unknownName)
        }
    }

    static func number(_ x: Double) -> String {
        if x == 0 { return "0.0" }
        return "\(x)"
    }

    static func quote(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: if c.value < 0x20 { out += String(format: "\\u%04x", c.value) } else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
    }

    /// The document as JSON.
    public func json() -> String {
        var lines = ["{", "  \"eft\": \(Self.quote(eft)),", "  \"basis\": \(Self.quote(basis)),", "  \"scale\": \(Self.number(scale)),"]
        lines.append("  \"metadata\": {\"description\": \(Self.quote(description))},")
        lines.append("  \"values\": {")
        for (i, entry) in values.enumerated() {
            let value = entry.value.imaginary == 0 ? Self.number(entry.value.real)
                : "{\"Re\": \(Self.number(entry.value.real)), \"Im\": \(Self.number(entry.value.imaginary))}"
            lines.append("    \(Self.quote(entry.name)): \(value)" + (i + 1 < values.count ? "," : ""))
        }
        lines.append("  }")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The document as YAML (the same content).
    public func yaml() -> String {
        var lines = ["eft: \(eft)", "basis: \(basis)", "scale: \(Self.number(scale))", "metadata:", "  description: \(Self.quote(description))", "values:"]
        if values.isEmpty { lines[lines.count - 1] = "values: {}" }
        for entry in values {
            if entry.value.imaginary == 0 {
                lines.append("  \(entry.name): \(Self.number(entry.value.real))")
            } else {
                lines.append("  \(entry.name): {Re: \(Self.number(entry.value.real)), Im: \(Self.number(entry.value.imaginary))}")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
