/// A bad physics input: names the parameter, its value and what is wrong, e.g.
/// `gauge coupling -2.0: must be finite and > 0`. Shared by the couplings and decays stages
/// (`CouplingError`, `DecayError`), so that an error passes from one stage to the next unchanged.
public struct ParameterError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The parameter or file, e.g. `"gauge coupling"`, `"mass"`, `"manifest.json"`.
    public let parameter: String
    /// The offending value, if numeric.
    public let value: Double?
    /// What is wrong.
    public let problem: String

    /// Creates an error.
    public init(parameter: String, value: Double?, problem: String) {
        self.parameter = parameter
        self.value = value
        self.problem = problem
    }

    /// "parameter value: problem", or "parameter: problem" without a value.
    public var description: String {
        if let value { return "\(parameter) \(value): \(problem)" }
        return "\(parameter): \(problem)"
    }
}
