import Foundation
import Testing
import ZPrimeCore
@testable import ZPrimeModels

/// Hostile and oversized model files: each is refused with a short message naming the field, the
/// value and the limit, or computed exactly; never a crash.
@Suite("Model-file limits and hostile input")
struct ModelFileLimitTests {
    static let smCharges = "[charges]\nQ = 0\nU = 0\nD = 0\nL = 0\nE = 0\n"
    static let smJSON = "\"charges\": {\"Q\": 0, \"U\": 0, \"D\": 0, \"L\": 0, \"E\": 0}"

    /// The error of parsing `text`, or nil if it parsed.
    func failure(_ text: String, _ format: ModelFileFormat) -> ModelFileError? {
        do {
            _ = try ModelFile.parse(text, format: format, file: "bad.\(format.rawValue)")
            return nil
        } catch {
            return error
        }
    }

    func expectRefused(_ text: String, _ format: ModelFileFormat, field: String? = nil, containing fragments: [String],
                       sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error = failure(text, format) else {
            Issue.record("expected an error", sourceLocation: sourceLocation)
            return
        }
        let message = error.description
        #expect(message.utf8.count < 600, "message too long: \(message.utf8.count) bytes", sourceLocation: sourceLocation)
        if let field { #expect(error.field == field, "\(message)", sourceLocation: sourceLocation) }
        for fragment in fragments { #expect(message.contains(fragment), "\(message)", sourceLocation: sourceLocation) }
    }

    @Test("JSON nested 30,000 deep (arrays, objects, unclosed brackets) is refused at the depth limit")
    func deepJSON() {
        let n = 30_000
        expectRefused(String(repeating: "[", count: n) + String(repeating: "]", count: n), .json, containing: ["nested more than 32"])
        expectRefused(String(repeating: "{\"a\": ", count: n) + "1" + String(repeating: "}", count: n), .json, containing: ["nested more than 32"])
        expectRefused(String(repeating: "[", count: n), .json, containing: ["nested more than 32"])
        expectRefused("{\(Self.smJSON), \"x\": " + String(repeating: "[", count: 20_000) + "}", .json, containing: ["nested more than 32"])
        // At the limit itself the nesting is accepted (and the unknown key reported instead).
        let ok = "{\(Self.smJSON), \"x\": " + String(repeating: "[", count: 31) + String(repeating: "]", count: 31) + "}"
        expectRefused(ok, .json, field: "x", containing: ["unknown field"])
    }

    @Test("TOML nested 30,000 deep (headers, dotted keys, arrays, inline tables) is refused at the depth limit")
    func deepTOML() {
        let parts = Array(repeating: "a", count: 30_000).joined(separator: ".")
        expectRefused("[\(parts)]\n", .toml, containing: ["more than 32 dotted parts", "line 1"])
        expectRefused("[[\(parts)]]\n", .toml, containing: ["more than 32 dotted parts"])
        expectRefused("\(parts) = 1\n", .toml, containing: ["more than 32 dotted parts"])
        expectRefused("x = " + String(repeating: "[", count: 30_000) + "\n", .toml, containing: ["nested more than 32"])
        expectRefused("x = " + String(repeating: "{a = ", count: 30_000) + "\n", .toml, containing: ["nested more than 32"])
    }

    @Test("TOML that made toml++ assert is a syntax error with line and column", arguments: ["[>", "[!", "[.", "[[>]]", "[", "[[", "[a", "[]", "=1", "a.=1", "a=", "\"a", "a = \"\\q\""])
    func tomlSyntax(_ text: String) {
        expectRefused(text, .toml, containing: ["bad.toml: ", "line 1, column "])
    }

    @Test("TOML syntax errors name the key by its path, not a token")
    func tomlFieldNames() {
        expectRefused(Self.smCharges.replacingOccurrences(of: "Q = 0", with: "Q = 18446744073709551616"), .toml, field: "charges.Q",
                      containing: ["18446744073709551616", "does not fit in 64 bits", "line 2, column 5"])
        // CR line endings: a clear message, no line-break character as the field.
        let cr = failure(Self.smCharges.replacingOccurrences(of: "\n", with: "\r"), .toml)
        #expect(cr?.description.contains("carriage return") == true, "\(String(describing: cr))")
        #expect(cr?.field?.contains("\n") != true && cr?.field?.contains("\r") != true)
        // CRLF is fine.
        #expect(failure(Self.smCharges.replacingOccurrences(of: "\n", with: "\r\n"), .toml) == nil)
        expectRefused(Self.smCharges + "[[fermions]]\nname = \"F\"\nhypercharge = [1, 2\n", .toml, field: "fermions[0].hypercharge",
                      containing: ["expected ',' or ']'"])
    }

    @Test("TOML 1.0 features a model file may use parse as specified")
    func tomlFeatures() throws {
        let text = """
        # comment
        name = 'literal \\ name'
        description = \"\"\"
        two \\
          lines\"\"\"
        "families" = 0x3
        references = [ "a", 'b', # comment
          \"\"\"c\"\"\", ]
        [charges]
        Q = "1/3"
        U = "1/3" # trailing
        D = "1/3"
        L = [-1, -1, -1]
        E = -1
        N = [ -1, -1, -1 ]
        [mixing]
        kinetic_mixing_ratio = -1_0.5e-1
        [[scalars]]
        name = "phi"
        charge = +2
        hypercharge = 0
        """
        let model = try ModelFile.parse(text, format: .toml)
        #expect(model.name == "literal \\ name" && model.summary == "two lines" && model.families == 3)
        #expect(model.references == ["a", "b", "c"])
        #expect(model.kineticMixingRatio == -1.05 && model.scalars.first?.charge == 2)
        // Tables defined twice and keys set twice are errors.
        expectRefused(Self.smCharges + "[charges]\n", .toml, containing: ["defined twice"])
        expectRefused(Self.smCharges + "[mixing.a]\n[mixing]\nkinetic_mixing_only = true\n[mixing]\n", .toml, containing: ["defined twice"])
        expectRefused("charges = 1\n[charges]\n", .toml, containing: ["already a value"])
        expectRefused("a = {b = 1}\n[a]\n", .toml, containing: ["already a value"])
        expectRefused("a = {b = 1}\n[a.c]\n", .toml, containing: ["already a value"])
        expectRefused("fermions = []\n[[fermions]]\n", .toml, containing: ["already a value"])
    }

    @Test("charges of Int64.min (integer or string) are refused before any arithmetic")
    func int64Minimum() throws {
        let min = "-9223372036854775808"
        for replacement in ["Q = \(min)", "Q = \"\(min)\"", "Q = \"1/\(min)\"", "Q = \"\(min)/3\""] {
            expectRefused(Self.smCharges.replacingOccurrences(of: "Q = 0", with: replacement), .toml, field: "charges.Q",
                          containing: ["out of range", "7200"])
        }
        let fermion = Self.smCharges + "[[fermions]]\nname = \"F\"\nhypercharge = \(min)\ncharge = 1\n"
        expectRefused(fermion, .toml, field: "fermions[0].hypercharge", containing: ["out of range"])
        expectRefused("{\(Self.smJSON), \"scalars\": [{\"name\": \"S\", \"hypercharge\": 0, \"charge\": \(min)}]}", .json,
                      field: "scalars[0].charge", containing: ["out of range"])
        // As a string it is an integer (not "malformed").
        let parts = try Rational.parseFraction(min)
        #expect(parts.numerator == Int64.min && parts.denominator == 1)
    }

    /// A model at the charge and field-count limits: 15 SM + 5 N_R + 2729 x 12 copies = 32,768
    /// left-handed Weyl fermions, every charge and the extra hypercharges 7199/7200 (so the common
    /// denominator is 7200 and |X| L = 7199 <= 7200), the largest gauge dimension (8, 12).
    static func boundaryModel(numerator: Int = 7199, extraFermions: Int = 2729, neutrinos: Int = 5) -> String {
        let x = "\"\(numerator)/7200\""
        var text = "[charges]\nQ = \(x)\nU = \(x)\nD = \(x)\nL = \(x)\nE = \(x)\nN = [" + Array(repeating: x, count: neutrinos).joined(separator: ", ") + "]\n"
        for i in 0..<extraFermions {
            text += "[[fermions]]\nname = \"F\(i)\"\ncolour = \"8\"\nisospin = 12\nhypercharge = \(x)\nchirality = \"left\"\ncopies = 12\ncharge = \(x)\n"
        }
        return text
    }

    @Test("at the limits (32,768 Weyl fermions, |X| L = 7199 with L = 7200) the anomalies are exact; one more is refused")
    func chargeBoundary() throws {
        let model = try ModelFile.parse(Self.boundaryModel(), format: .toml)
        #expect(model.leftHandedWeylFields.count == ModelFileLimits.maximumWeylFermions)
        let report = try AnomalyReport(model: model)
        // X^3 = sum d X^3 over the left-handed fields: 2729 * 12 * 96 (8 x 12) + 3 * (6 + 2 - 3 - 3 - 1) - 5, times (7199/7200)^3.
        let x = try Rational(parsing: "7199/7200")
        let weights = 2729 * 12 * 96 + 3 * (6 + 2 - 3 - 3 - 1) - 5
        #expect(report.value(of: .xxx) == (try Rational(weights) * x.power(3)))
        #expect(report.value(of: .xxx).numerator.magnitude > 1 << 50)
        _ = try YukawaAnalysis(model: model)
        // One Weyl fermion more, a numerator past the limit, a denominator past the limit.
        expectRefused(Self.boundaryModel(neutrinos: 6), .toml, field: "fermions", containing: ["32769 Weyl fermions", "32768"])
        expectRefused(Self.boundaryModel(numerator: 7201, extraFermions: 1), .toml, field: "charges.Q", containing: ["out of range", "7200"])
        expectRefused(Self.smCharges.replacingOccurrences(of: "Q = 0", with: "Q = \"1/7201\""), .toml, field: "charges.Q", containing: ["denominator"])
        // With integer charges (L = 6): 1200 is the largest.
        #expect(failure(Self.smCharges.replacingOccurrences(of: "Q = 0", with: "Q = 1200"), .toml) == nil)
        expectRefused(Self.smCharges.replacingOccurrences(of: "Q = 0", with: "Q = 1201"), .toml, field: "charges.Q", containing: ["at most 1200"])
        // Denominators whose common multiple passes the limit: the field that pushes it over is named.
        let mixed = Self.smCharges.replacingOccurrences(of: "U = 0", with: "U = [\"1/7\", \"1/11\", \"1/13\"]")
            .replacingOccurrences(of: "D = 0", with: "D = \"1/17\"")
        expectRefused(mixed, .toml, field: "charges.D", containing: ["common denominator", "102102"])
    }

    @Test("counts: fermions, scalars, right-handed neutrinos, copies, values, file size")
    func counts() {
        let fermion = "[[fermions]]\nname = \"F\"\nhypercharge = 0\ncharge = 1\n"
        expectRefused("{\(Self.smJSON), \"fermions\": [" + Array(repeating: "{}", count: 10_001).joined(separator: ",") + "]}", .json,
                      field: "fermions", containing: ["more than 10000"])
        expectRefused(Self.smCharges + String(repeating: fermion.replacingOccurrences(of: "fermions", with: "scalars"), count: 65), .toml,
                      field: "scalars", containing: ["more than 64"])
        expectRefused(Self.smCharges + "N = [" + Array(repeating: "1", count: 65).joined(separator: ",") + "]\n", .toml,
                      field: "charges.N", containing: ["more than 64 right-handed neutrinos"])
        expectRefused(Self.smCharges + fermion.replacingOccurrences(of: "charge = 1", with: "charge = [" + Array(repeating: "1", count: 13).joined(separator: ",") + "]"),
                      .toml, field: "fermions[0].charge", containing: ["1 to 12 entries"])
        expectRefused("{\(Self.smJSON), \"x\": [" + Array(repeating: "1", count: 300_000).joined(separator: ",") + "]}", .json,
                      containing: ["more than 262144 values"])
        expectRefused(String(repeating: " ", count: ModelFileLimits.maximumFileBytes + 1), .toml, containing: ["larger than 4194304 bytes"])
    }

    @Test("a one-line file of 3 MB gives a short message")
    func longLine() {
        let long = String(repeating: "x", count: 3_000_000)
        expectRefused("name = \"\(long)\"\n", .toml, field: "name", containing: ["longer than 256"])
        expectRefused("name = \(long)\n", .toml, containing: ["not a valid TOML value"])
        expectRefused("{\"name\": \(long)}", .json, containing: ["unexpected character"])
        expectRefused("{\"\(long)\": 1}", .json, containing: ["unknown field"])
        expectRefused(Self.smCharges.replacingOccurrences(of: "Q = 0", with: "Q = \"\(long)\""), .toml, field: "charges.Q", containing: ["malformed"])
    }
}
