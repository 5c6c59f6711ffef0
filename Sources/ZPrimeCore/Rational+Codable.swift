extension Rational: Codable {
    /// Decodes `"n"` or `"n/d"` (a string) or an integer.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int64.self) {
            do { self = try Rational(checkedNumerator: integer, denominator: 1) } catch {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(error)")
            }
            return
        }
        let text = try container.decode(String.self)
        do { self = try Rational(parsing: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(error)")
        }
    }

    /// Encodes the exact value as `"n"` or `"n/d"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
