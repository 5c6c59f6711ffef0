import ZPrimeCore
import ZPrimePoint

/// One axis of a two-dimensional scan: a continuous parameter of the parameter point, a range and a
/// number of log- or linearly spaced values (``Grid``).
///
/// The parameter is named as ``ZPrimePoint/ParameterPoint/withParameter(_:_:)`` names it: `mass`
/// (GeV), `coupling` (the model's coupling along its ``ZPrimePoint/ParameterPoint/couplingAxis``: g_X,
/// or eps for the dark photon), `kinetic_mixing` (a fixed eps), `mixing_ratio` (eps = r g_X) or one
/// of the point's ``ZPrimePoint/ParameterPoint/modelParameters``. The text form, used on the command
/// line, is `NAME:START:END:COUNT[:log|linear]` (log by default):
///
/// ```swift
/// let axis = try ScanAxis(parsing: "mass:1e-3:1:4:log", role: .x)
/// print(try axis.values())   // [0.001, 0.01, 0.1, 1.0] (up to rounding of the inner points)
/// ```
public struct ScanAxis: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How the values of an axis are spaced.
    public enum Spacing: String, Sendable, Hashable, Codable, CaseIterable {
        /// Evenly spaced in the logarithm; the range must be positive.
        case log
        /// Evenly spaced.
        case linear
    }

    /// Which axis of the plane an axis is (names it in problems).
    public enum Role: String, Sendable, Hashable, Codable {
        case x, y

        /// The problem parameter of this axis: `.field("x")` or `.field("y")`.
        public var parameter: Parameter { .field(rawValue) }
    }

    /// The parameter's name.
    public var parameter: String
    /// The first value.
    public var start: Double
    /// The last value (>= start).
    public var end: Double
    /// The number of values (>= 1; 1 gives `start` only).
    public var count: Int
    /// The spacing.
    public var spacing: Spacing

    /// An axis (checked by ``values(role:)`` and ``ScanSpecification``).
    public init(parameter: String, start: Double, end: Double, count: Int, spacing: Spacing = .log) {
        self.parameter = parameter
        self.start = start
        self.end = end
        self.count = count
        self.spacing = spacing
    }

    /// Parses `NAME:START:END:COUNT[:log|linear]`.
    ///
    /// - Throws: ``Problem`` naming the axis (`role`) for a malformed text.
    public init(parsing text: String, role: Role) throws(Problem) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let form = "expected NAME:START:END:COUNT[:log|linear], e.g. mass:1e-3:1:100:log"
        guard parts.count == 4 || parts.count == 5 else { throw Problem.invalid(role.parameter, text: text, form) }
        let name = parts[0]
        guard !name.isEmpty else { throw Problem.invalid(role.parameter, text: text, "the parameter name is empty; " + form) }
        guard let start = Double(parts[1]) else { throw Problem.invalid(role.parameter, text: text, "the start '\(parts[1])' is not a number; " + form) }
        guard let end = Double(parts[2]) else { throw Problem.invalid(role.parameter, text: text, "the end '\(parts[2])' is not a number; " + form) }
        guard let count = Int(parts[3]) else {
            throw Problem.invalid(role.parameter, text: text, "the count '\(parts[3])' is not an integer; " + form)
        }
        var spacing = Spacing.log
        if parts.count == 5 {
            guard let given = Spacing(rawValue: parts[4].lowercased()) else {
                throw Problem.invalid(role.parameter, text: text, "the spacing '\(parts[4])' is neither log nor linear", kind: .unknownName)
            }
            spacing = given
        }
        self.init(parameter: name, start: start, end: end, count: count, spacing: spacing)
    }

    /// The axis's values, in increasing order, with exact end points.
    ///
    /// - Throws: ``Problem`` naming the axis for non-finite bounds, an inverted range, an empty or
    ///   too long axis (more than ``ZPrimeCore/Grid/maximumCount`` values), a non-positive log range.
    public func values(role: Role = .x) throws(Problem) -> [Double] {
        do {
            switch spacing {
            case .log: return try Grid.logSpaced(from: start, to: end, count: count, parameter: role.parameter)
            case .linear: return try Grid.linear(from: start, to: end, count: count, parameter: role.parameter)
            }
        } catch {
            if count < 1 {
                throw Problem.invalid(role.parameter, text: description, "an empty axis: the number of points must be at least 1")
            }
            throw Problem(error.kind, parameter: role.parameter, value: description, severity: .error,
                          message: "\(parameter): \(error.message)" + (spacing == .log && (start <= 0 || end <= 0) ? " (a log axis needs a positive range; use :linear for one through zero)" : ""))
        }
    }

    /// `NAME:START:END:COUNT:SPACING`, which ``init(parsing:role:)`` reads back.
    public var description: String { "\(parameter):\(Problem.format(start)):\(Problem.format(end)):\(count):\(spacing.rawValue)" }
}
