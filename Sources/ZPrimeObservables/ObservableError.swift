/// Bad input to an observable: names the input, the value and what is wrong with it.
///
/// ```swift
/// do { _ = try LeveilleLoopFunctions(leptonMass: 0.1057, bosonMass: -1, internalMass: 0.1057) }
/// catch { print(error) }   // "bosonMass = -1.0: must be a positive, finite mass in GeV"
/// ```
public struct ObservableError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The input (argument, option or data-file field) that is wrong.
    public let field: String
    /// The offending value as text.
    public let value: String
    /// What is wrong with it.
    public let problem: String

    /// Creates an error for `field` with `value`.
    public init(field: String, value: String, problem: String) {
        self.field = field
        self.value = value
        self.problem = problem
    }

    /// "field = value: problem".
    public var description: String { "\(field) = \(value): \(problem)" }

    /// Throws unless `value` is finite and strictly positive (a mass, an energy, a length).
    static func requirePositive(_ value: Double, _ field: String, unit: String = "GeV") throws(ObservableError) {
        guard value.isFinite, value > 0 else {
            throw ObservableError(field: field, value: "\(value)", problem: "must be a positive, finite \(unit == "" ? "number" : "value in \(unit)")")
        }
    }

    /// Throws unless `value` is finite and not negative.
    static func requireNonNegative(_ value: Double, _ field: String, unit: String = "GeV") throws(ObservableError) {
        guard value.isFinite, value >= 0 else {
            throw ObservableError(field: field, value: "\(value)", problem: "must be a finite, non-negative \(unit == "" ? "number" : "value in \(unit)")")
        }
    }

    /// Throws unless `value` is finite (a coupling may have either sign).
    static func requireFinite(_ value: Double, _ field: String) throws(ObservableError) {
        guard value.isFinite else {
            throw ObservableError(field: field, value: "\(value)", problem: "must be a finite number")
        }
    }
}
