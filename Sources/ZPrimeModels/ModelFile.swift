import Foundation
import ZPrimeCore

/// An error in a model file. Its description names the file, the field and the offending value,
/// e.g. `bad.toml: field 'charges.Q[2]': value '1/0': zero denominator`.
public struct ModelFileError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file (as given by the user) or `"<input>"`.
    public let file: String
    /// The dotted path of the field, e.g. `charges.Q[2]`, or nil for whole-file problems.
    public let field: String?
    /// The offending value as written, if any.
    public let value: String?
    /// What is wrong.
    public let problem: String

    /// Creates an error; the field and the value are shortened for display (see
    /// ``ModelFileLimits/maximumQuotedLength``), so a message stays short whatever the input.
    public init(file: String, field: String?, value: String?, problem: String) {
        self.file = ModelFileError.shortened(file, 256)
        self.field = field.map { ModelFileError.shortened($0, 120) }
        self.value = value.map(ModelFileLimits.quoted)
        self.problem = ModelFileError.shortened(problem, 600)
    }

    static func shortened(_ text: String, _ limit: Int) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit - 3)) + "..."
    }

    public var description: String {
        var parts = [file]
        if let field { parts.append("field '\(field)'") }
        if let value { parts.append("value '\(value)'") }
        parts.append(problem)
        return parts.joined(separator: ": ")
    }
}

/// The on-disk formats of a model.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    case toml, json

    /// The format implied by a file extension (`.toml`, `.json`), or nil.
    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "toml": self = .toml
        case "json": self = .json
        default: return nil
        }
    }
}

/// Reads and writes model files (schema version 1; see `docs/model-files.md`).
///
/// ```toml
/// name = "B-L"
/// [charges]
/// Q = "1/3"            # one value: every family
/// L = [-1, -1, -1]     # or one value per family
/// N = [-1, -1, -1]     # the number of entries is the number of N_R
/// ```
public enum ModelFile {
    /// The schema version this code reads and writes.
    public static let schemaVersion = 1

    /// Loads a model from a path; the format follows the extension.
    public static func load(path: String) throws(ModelFileError) -> Model {
        guard let format = ModelFileFormat(path: path) else {
            throw ModelFileError(file: path, field: nil, value: nil, problem: "unknown model-file extension (use .toml or .json)")
        }
        let data: Data
        do {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw ModelFileError(file: path, field: nil, value: nil, problem: "cannot read the file (missing or unreadable)")
            }
            defer { try? handle.close() }
            // Read at most one byte more than the limit: a huge (or endless) file is refused
            // without reading it whole.
            data = try handle.read(upToCount: ModelFileLimits.maximumFileBytes + 1) ?? Data()
        } catch let error as ModelFileError {
            throw error
        } catch {
            throw ModelFileError(file: path, field: nil, value: nil, problem: "cannot read the file (\(readProblem(error)))")
        }
        guard data.count <= ModelFileLimits.maximumFileBytes else {
            throw ModelFileError(file: path, field: nil, value: nil,
                                 problem: "the file is larger than \(ModelFileLimits.maximumFileBytes) bytes, the limit for a model file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ModelFileError(file: path, field: nil, value: nil, problem: "the file is not UTF-8 text")
        }
        return try parse(text, format: format, file: path)
    }

    private static func readProblem(_ error: Error) -> String {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(ns.code)) {
            switch code {
            case .EISDIR: return "it is a directory"
            case .EACCES: return "permission denied"
            default: return String(cString: strerror(code.rawValue))
            }
        }
        return "read error"
    }

    /// Parses model-file text.
    public static func parse(_ text: String, format: ModelFileFormat, file: String = "<input>") throws(ModelFileError) -> Model {
        guard text.utf8.count <= ModelFileLimits.maximumFileBytes else {
            throw ModelFileError(file: file, field: nil, value: nil,
                                 problem: "the text is larger than \(ModelFileLimits.maximumFileBytes) bytes, the limit for a model file")
        }
        let table: DocumentTable
        do {
            switch format {
            case .toml: table = try DocumentParser.parseTOML(text)
            case .json: table = try DocumentParser.parseJSON(text)
            }
        } catch {
            throw ModelFileError(file: file, field: error.key, value: error.value, problem: error.located)
        }
        return try ModelDecoder(file: file).decode(table)
    }

    /// The model as a commented TOML file that ``parse(_:format:file:)`` reads back unchanged.
    public static func toml(_ model: Model) -> String {
        var out = "# ZPrime model file (schema \(schemaVersion)); see docs/model-files.md\n"
        out += "schema = \(schemaVersion)\n"
        out += "name = \(quoted(model.name))\n"
        if !model.summary.isEmpty { out += "description = \(quoted(model.summary))\n" }
        out += "families = \(model.families)\n"
        if !model.references.isEmpty { out += "references = [" + model.references.map(quoted).joined(separator: ", ") + "]\n" }
        out += "\n# U(1)_X charges of the SM fields, one per family (N: one per right-handed neutrino).\n"
        out += "[charges]\n"
        for species in StandardModelSpecies.allCases {
            out += "\(species.rawValue) = \(chargeArray(model.charges(of: species)))   # \(species.summary)\n"
        }
        out += "H = \(chargeLiteral(model.higgsCharge))   # Higgs doublet\n"
        if model.kineticMixingRatio != nil || model.isKineticMixingOnly || model.spectrum != .aligned {
            out += "\n[mixing]\n"
            if let ratio = model.kineticMixingRatio { out += "kinetic_mixing_ratio = \(ratio)   # eps = ratio * g_X / e\n" }
            if model.isKineticMixingOnly { out += "kinetic_mixing_only = true\n" }
            if model.spectrum != .aligned { out += "spectrum = \(quoted(model.spectrum.rawValue))   # mass eigenstates from a mass matrix (docs/seed-model.md)\n" }
        }
        for fermion in model.extraFermions {
            out += "\n[[fermions]]\n"
            out += "name = \(quoted(fermion.name))\n"
            out += "colour = \(quoted(fermion.gauge.colour.rawValue))\n"
            out += "isospin = \(fermion.gauge.isospin.dimension)\n"
            out += "hypercharge = \(chargeLiteral(fermion.gauge.hypercharge))\n"
            out += "copies = \(fermion.copies)\n"
            switch (fermion.leftCharges, fermion.rightCharges) {
            case (.some(let l), .some(let r)) where l == r:
                out += "chirality = \"vector-like\"\ncharge = \(chargeArray(l))\n"
            case (.some(let l), .some(let r)):
                out += "chirality = \"vector-like\"\ncharge_left = \(chargeArray(l))\ncharge_right = \(chargeArray(r))\n"
            case (.some(let l), nil):
                out += "chirality = \"left\"\ncharge = \(chargeArray(l))\n"
            case (nil, .some(let r)):
                out += "chirality = \"right\"\ncharge = \(chargeArray(r))\n"
            case (nil, nil):
                break
            }
        }
        for scalar in model.scalars {
            out += "\n[[scalars]]\n"
            out += "name = \(quoted(scalar.name))\n"
            out += "colour = \(quoted(scalar.gauge.colour.rawValue))\n"
            out += "isospin = \(scalar.gauge.isospin.dimension)\n"
            out += "hypercharge = \(chargeLiteral(scalar.gauge.hypercharge))\n"
            out += "charge = \(chargeLiteral(scalar.charge))\n"
        }
        return out
    }

    /// The model as JSON (same schema as the TOML form).
    public static func json(_ model: Model) -> String {
        func array(_ values: [Rational]) -> String { "[" + values.map(chargeLiteral).joined(separator: ", ") + "]" }
        var fields: [String] = []
        fields.append("\"schema\": \(schemaVersion)")
        fields.append("\"name\": \(quoted(model.name))")
        if !model.summary.isEmpty { fields.append("\"description\": \(quoted(model.summary))") }
        fields.append("\"families\": \(model.families)")
        if !model.references.isEmpty { fields.append("\"references\": [" + model.references.map(quoted).joined(separator: ", ") + "]") }
        var charges = StandardModelSpecies.allCases.map { "\"\($0.rawValue)\": \(array(model.charges(of: $0)))" }
        charges.append("\"H\": \(chargeLiteral(model.higgsCharge))")
        fields.append("\"charges\": {" + charges.joined(separator: ", ") + "}")
        var mixing: [String] = []
        if let ratio = model.kineticMixingRatio { mixing.append("\"kinetic_mixing_ratio\": \(ratio)") }
        if model.isKineticMixingOnly { mixing.append("\"kinetic_mixing_only\": true") }
        if model.spectrum != .aligned { mixing.append("\"spectrum\": \(quoted(model.spectrum.rawValue))") }
        if !mixing.isEmpty { fields.append("\"mixing\": {" + mixing.joined(separator: ", ") + "}") }
        if !model.extraFermions.isEmpty {
            let items = model.extraFermions.map { f -> String in
                var parts = ["\"name\": \(quoted(f.name))", "\"colour\": \(quoted(f.gauge.colour.rawValue))",
                             "\"isospin\": \(f.gauge.isospin.dimension)", "\"hypercharge\": \(chargeLiteral(f.gauge.hypercharge))",
                             "\"copies\": \(f.copies)"]
                switch (f.leftCharges, f.rightCharges) {
                case (.some(let l), .some(let r)) where l == r: parts += ["\"chirality\": \"vector-like\"", "\"charge\": \(array(l))"]
                case (.some(let l), .some(let r)): parts += ["\"chirality\": \"vector-like\"", "\"charge_left\": \(array(l))", "\"charge_right\": \(array(r))"]
                case (.some(let l), nil): parts += ["\"chirality\": \"left\"", "\"charge\": \(array(l))"]
                case (nil, .some(let r)): parts += ["\"chirality\": \"right\"", "\"charge\": \(array(r))"]
                case (nil, nil): break
                }
                return "{" + parts.joined(separator: ", ") + "}"
            }
            fields.append("\"fermions\": [" + items.joined(separator: ", ") + "]")
        }
        if !model.scalars.isEmpty {
            let items = model.scalars.map { s in
                "{\"name\": \(quoted(s.name)), \"colour\": \(quoted(s.gauge.colour.rawValue)), \"isospin\": \(s.gauge.isospin.dimension), \"hypercharge\": \(chargeLiteral(s.gauge.hypercharge)), \"charge\": \(chargeLiteral(s.charge))}"
            }
            fields.append("\"scalars\": [" + items.joined(separator: ", ") + "]")
        }
        return "{\n  " + fields.joined(separator: ",\n  ") + "\n}\n"
    }

    /// An integer as a bare literal, a fraction as a quoted string (valid in TOML and JSON).
    static func chargeLiteral(_ value: Rational) -> String {
        value.isInteger ? value.description : "\"\(value.description)\""
    }

    private static func chargeArray(_ values: [Rational]) -> String {
        "[" + values.map(chargeLiteral).joined(separator: ", ") + "]"
    }

    /// A double-quoted string with JSON/TOML basic-string escapes.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

/// Walks a ``DocumentTable`` against the schema and the limits of ``ModelFileLimits``.
final class ModelDecoder {
    let file: String
    /// Every charge and hypercharge read, with its field and text, for the common-denominator check.
    private var exactValues: [(field: String, value: Rational)] = []

    init(file: String) { self.file = file }

    func failure(_ field: String?, _ value: DocumentValue?, _ problem: String) -> ModelFileError {
        ModelFileError(file: file, field: field, value: value?.rendered, problem: problem)
    }

    func checkKeys(_ table: DocumentTable, allowed: [String], path: String) throws(ModelFileError) {
        for entry in table.entries where !allowed.contains(entry.key) {
            let field = path.isEmpty ? entry.key : "\(path).\(entry.key)"
            throw failure(field, nil, "unknown field (expected one of: \(allowed.joined(separator: ", ")))")
        }
    }

    func decode(_ root: DocumentTable) throws(ModelFileError) -> Model {
        try checkKeys(root, allowed: ["schema", "name", "description", "families", "references", "charges", "mixing", "fermions", "scalars"], path: "")
        if let schema = root["schema"] {
            guard case .integer(let v) = schema, v == Int64(ModelFile.schemaVersion) else {
                throw failure("schema", schema, "unsupported schema version (this ZPrime reads schema \(ModelFile.schemaVersion))")
            }
        }
        let name = try string(root["name"], field: "name", maximumLength: ModelFileLimits.maximumNameLength)
            ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let summary = try string(root["description"], field: "description", maximumLength: ModelFileLimits.maximumDescriptionLength) ?? ""
        var families = 3
        if let value = root["families"] {
            guard case .integer(let n) = value, (1...6).contains(n) else { throw failure("families", value, "must be an integer from 1 to 6") }
            families = Int(n)
        }
        var references: [String] = []
        if let value = root["references"] {
            guard case .array(let items) = value else { throw failure("references", value, "must be an array of strings") }
            for (i, item) in items.enumerated() {
                guard case .string(let s) = item else { throw failure("references[\(i)]", item, "must be a string") }
                guard s.count <= ModelFileLimits.maximumDescriptionLength else {
                    throw failure("references[\(i)]", item, "longer than \(ModelFileLimits.maximumDescriptionLength) characters, the limit")
                }
                references.append(s)
            }
        }
        guard let chargesValue = root["charges"] else { throw failure("charges", nil, "missing table [charges] with the U(1)_X charges of Q, U, D, L, E") }
        guard case .table(let chargesTable) = chargesValue else { throw failure("charges", chargesValue, "must be a table") }
        try checkKeys(chargesTable, allowed: StandardModelSpecies.allCases.map(\.rawValue) + ["H"], path: "charges")
        var charges: [StandardModelSpecies: [Rational]] = [:]
        for species in StandardModelSpecies.allCases {
            let field = "charges.\(species.rawValue)"
            guard let value = chargesTable[species.rawValue] else {
                if species == .N { charges[.N] = []; continue }
                throw failure(field, nil, "missing (give one charge for all families or an array of \(families))")
            }
            charges[species] = try perCopy(value, field: field, expected: species == .N ? nil : families, scalarCopies: families)
        }
        let higgs = try chargesTable["H"].map { v throws(ModelFileError) in try charge(v, field: "charges.H") } ?? .zero

        var ratio: Double? = nil
        var kineticOnly = false
        var spectrum = FermionSpectrum.aligned
        if let mixingValue = root["mixing"] {
            guard case .table(let mixing) = mixingValue else { throw failure("mixing", mixingValue, "must be a table") }
            try checkKeys(mixing, allowed: ["kinetic_mixing_ratio", "kinetic_mixing_only", "spectrum"], path: "mixing")
            if let r = mixing["kinetic_mixing_ratio"] {
                switch r {
                case .integer(let i): ratio = Double(i)
                case .float(let d) where d.isFinite: ratio = d
                default: throw failure("mixing.kinetic_mixing_ratio", r, "must be a finite number")
                }
            }
            if let k = mixing["kinetic_mixing_only"] {
                guard case .bool(let b) = k else { throw failure("mixing.kinetic_mixing_only", k, "must be true or false") }
                kineticOnly = b
            }
            if let value = mixing["spectrum"] {
                let names = FermionSpectrum.allCases.map(\.rawValue).joined(separator: ", ")
                guard case .string(let text) = value, let parsed = FermionSpectrum(rawValue: text) else {
                    throw failure("mixing.spectrum", value, "must be one of \(names)")
                }
                spectrum = parsed
            }
        }

        var fermions: [ExtraFermion] = []
        for (i, item) in try arrayOfTables(root["fermions"], field: "fermions", maximumCount: ModelFileLimits.maximumExtraFermions).enumerated() {
            fermions.append(try fermion(item, field: "fermions[\(i)]"))
        }
        var scalars: [Scalar] = []
        for (i, item) in try arrayOfTables(root["scalars"], field: "scalars", maximumCount: ModelFileLimits.maximumScalars).enumerated() {
            scalars.append(try scalar(item, field: "scalars[\(i)]"))
        }
        try checkWeylCount(families: families, neutrinos: charges[.N]?.count ?? 0, fermions: fermions)
        try checkCommonDenominator()
        let names = fermions.map(\.name) + scalars.map(\.name)
        if let duplicate = Dictionary(grouping: names, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw ModelFileError(file: file, field: "name", value: duplicate, problem: "two extra fields have the same name")
        }
        return Model(name: name, summary: summary, families: families, charges: charges, higgsCharge: higgs,
                     extraFermions: fermions, scalars: scalars, kineticMixingRatio: ratio,
                     isKineticMixingOnly: kineticOnly, references: references, spectrum: spectrum)
    }

    func string(_ value: DocumentValue?, field: String, maximumLength: Int) throws(ModelFileError) -> String? {
        guard let value else { return nil }
        guard case .string(let s) = value else { throw failure(field, value, "must be a string") }
        guard s.count <= maximumLength else { throw failure(field, value, "longer than \(maximumLength) characters, the limit") }
        return s
    }

    func arrayOfTables(_ value: DocumentValue?, field: String, maximumCount: Int) throws(ModelFileError) -> [DocumentTable] {
        guard let value else { return [] }
        guard case .array(let items) = value else { throw failure(field, value, "must be an array of tables ([[\(field)]] in TOML)") }
        guard items.count <= maximumCount else {
            throw ModelFileError(file: file, field: field, value: "\(items.count) entries", problem: "more than \(maximumCount) entries, the limit for a model file")
        }
        var tables: [DocumentTable] = []
        for (i, item) in items.enumerated() {
            guard case .table(let t) = item else { throw failure("\(field)[\(i)]", item, "must be a table") }
            tables.append(t)
        }
        return tables
    }

    /// One exact charge: an integer, or a string "n" or "n/d". Numerators and denominators
    /// beyond ``ModelFileLimits/maximumNormalisedCharge`` are refused before any arithmetic (see
    /// ``ModelFileLimits`` for why the bound keeps every later computation inside 64 bits).
    func charge(_ value: DocumentValue, field: String) throws(ModelFileError) -> Rational {
        let numerator: Int64, denominator: Int64
        switch value {
        case .integer(let i):
            (numerator, denominator) = (i, 1)
        case .string(let s):
            do { (numerator, denominator) = try Rational.parseFraction(s) } catch {
                throw failure(field, value, "malformed charge: \(error)")
            }
        case .float:
            throw failure(field, value, "charges are exact: write an integer or a fraction string such as \"1/3\", not a floating-point number")
        default:
            throw failure(field, value, "a charge must be an integer or a fraction string such as \"1/3\", not a \(value.kind)")
        }
        let k = ModelFileLimits.maximumNormalisedCharge
        guard numerator.magnitude <= k.magnitude else {
            throw failure(field, value, "out of range: the numerator must be at most \(k) in magnitude (the charge limit; see docs/model-files.md, Limits)")
        }
        guard denominator.magnitude <= k.magnitude else {
            throw failure(field, value, "out of range: the denominator must be at most \(k) in magnitude (the charge limit; see docs/model-files.md, Limits)")
        }
        let result: Rational
        do { result = try Rational(checkedNumerator: numerator, denominator: denominator) } catch {
            throw failure(field, value, "malformed charge: \(error)")
        }
        exactValues.append((field, result))
        return result
    }

    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a.magnitude, b.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        return Int64(x)
    }

    /// Refuses more left-handed Weyl fermions than ``ModelFileLimits/maximumWeylFermions``.
    func checkWeylCount(families: Int, neutrinos: Int, fermions: [ExtraFermion]) throws(ModelFileError) {
        var count = 5 * families + neutrinos
        for f in fermions { count += f.copies * ((f.leftCharges == nil ? 0 : 1) + (f.rightCharges == nil ? 0 : 1)) }
        guard count <= ModelFileLimits.maximumWeylFermions else {
            throw ModelFileError(file: file, field: "fermions", value: "\(count) Weyl fermions",
                                 problem: "more than \(ModelFileLimits.maximumWeylFermions) left-handed Weyl fermions in total (5 per family, one per N_R, and per copy one for each chiral part of an extra fermion), the limit")
        }
    }

    /// Checks |X| L <= K for every charge and hypercharge, L their common denominator together
    /// with the Standard Model's hypercharges (see ``ModelFileLimits``).
    func checkCommonDenominator() throws(ModelFileError) {
        let k = ModelFileLimits.maximumNormalisedCharge
        var common: Int64 = 6
        for (field, value) in exactValues {
            let g = ModelDecoder.gcd(common, value.denominator)
            let next = common / g * value.denominator   // both at most K: no overflow
            guard next <= k else {
                throw ModelFileError(file: file, field: field, value: value.description,
                                     problem: "out of range: the common denominator of the file's charges and hypercharges would be \(next), above the limit \(k) (see docs/model-files.md, Limits)")
            }
            common = next
        }
        let largest = k / common
        for (field, value) in exactValues {
            // |n / d| * L <= K  <=>  |n| * (L / d) <= K, with L / d an integer and both factors <= K.
            guard value.numerator.magnitude * (common / value.denominator).magnitude <= k.magnitude else {
                throw ModelFileError(file: file, field: field, value: value.description,
                                     problem: "out of range: with the common denominator \(common) of this file, charges and hypercharges must be at most \(largest) in magnitude (|X| times \(common) at most \(k); see docs/model-files.md, Limits)")
            }
        }
    }

    /// One charge per family/copy: a single value (repeated `scalarCopies` times) or an array of
    /// exactly `expected` entries (any length when `expected` is nil).
    func perCopy(_ value: DocumentValue, field: String, expected: Int?, scalarCopies: Int) throws(ModelFileError) -> [Rational] {
        if case .array(let items) = value {
            if expected == nil, items.count > ModelFileLimits.maximumRightHandedNeutrinos {
                throw ModelFileError(file: file, field: field, value: "\(items.count) entries",
                                     problem: "more than \(ModelFileLimits.maximumRightHandedNeutrinos) right-handed neutrinos, the limit")
            }
            if let expected, items.count != expected {
                let what = items.count < expected ? "missing family" : "too many entries"
                throw failure(field, value, "\(what): \(items.count) entries, expected \(expected) (one per family)")
            }
            var result: [Rational] = []
            for (i, item) in items.enumerated() { result.append(try charge(item, field: "\(field)[\(i)]")) }
            return result
        }
        return Array(repeating: try charge(value, field: field), count: scalarCopies)
    }

    func gauge(_ table: DocumentTable, field: String) throws(ModelFileError) -> GaugeRepresentation {
        let colourKey = table["colour"] != nil ? "colour" : "color"
        var colour = ColourRepresentation.singlet
        if let value = table[colourKey] {
            let text: String
            switch value {
            case .string(let s): text = s
            case .integer(let i): text = "\(i)"
            default: throw failure("\(field).\(colourKey)", value, "unknown SU(3) representation (use 1, 3, 3bar, 6, 6bar or 8)")
            }
            guard let parsed = ColourRepresentation(parsing: text) else {
                throw failure("\(field).\(colourKey)", value, "unknown SU(3) representation (use 1, 3, 3bar, 6, 6bar or 8)")
            }
            colour = parsed
        }
        var isospin = IsospinRepresentation.singlet
        if let value = table["isospin"] {
            guard case .integer(let n) = value, let parsed = IsospinRepresentation(dimension: Int(n)) else {
                throw failure("\(field).isospin", value, "unknown SU(2) representation (give its dimension: 1, 2, 3, ... 12)")
            }
            isospin = parsed
        }
        guard let yValue = table["hypercharge"] else { throw failure("\(field).hypercharge", nil, "missing (Q = T3 + Y normalisation)") }
        let y = try charge(yValue, field: "\(field).hypercharge")
        return GaugeRepresentation(colour: colour, isospin: isospin, hypercharge: y)
    }

    func fieldName(_ table: DocumentTable, field: String) throws(ModelFileError) -> String {
        guard let nameValue = table["name"] else { throw failure("\(field).name", nil, "missing") }
        guard case .string(let name) = nameValue, !name.isEmpty, name.count <= ModelFileLimits.maximumNameLength,
              name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "'" }) else {
            throw failure("\(field).name", nameValue, "must be a non-empty name of letters, digits and _ (at most \(ModelFileLimits.maximumNameLength) characters)")
        }
        if StandardModelSpecies(rawValue: name) != nil || name == "H" {
            throw failure("\(field).name", nameValue, "clashes with a Standard Model field name")
        }
        return name
    }

    func fermion(_ table: DocumentTable, field: String) throws(ModelFileError) -> ExtraFermion {
        try checkKeys(table, allowed: ["name", "colour", "color", "isospin", "hypercharge", "chirality", "charge", "charge_left", "charge_right", "copies"], path: field)
        let name = try fieldName(table, field: field)
        let gauge = try gauge(table, field: field)
        var copies: Int? = nil
        if let value = table["copies"] {
            guard case .integer(let n) = value, (1...12).contains(n) else { throw failure("\(field).copies", value, "must be an integer from 1 to 12") }
            copies = Int(n)
        }
        func charges(_ key: String) throws(ModelFileError) -> [Rational]? {
            guard let value = table[key] else { return nil }
            if case .array(let items) = value, copies == nil {
                guard (1...12).contains(items.count) else {
                    throw failure("\(field).\(key)", value, "must have 1 to 12 entries (one per copy; copies are limited to 12)")
                }
                copies = items.count
            }
            return try perCopy(value, field: "\(field).\(key)", expected: copies ?? 1, scalarCopies: copies ?? 1)
        }
        let chiralityValue = table["chirality"] ?? .string("vector-like")
        guard case .string(let chirality) = chiralityValue else { throw failure("\(field).chirality", chiralityValue, "must be left, right or vector-like") }
        switch chirality.lowercased() {
        case "left", "right":
            guard table["charge_left"] == nil, table["charge_right"] == nil else {
                throw failure("\(field).chirality", chiralityValue, "a chiral fermion takes 'charge', not charge_left/charge_right")
            }
            guard let x = try charges("charge") else { throw failure("\(field).charge", nil, "missing") }
            return ExtraFermion(name: name, gauge: gauge, leftCharges: chirality.lowercased() == "left" ? x : nil, rightCharges: chirality.lowercased() == "right" ? x : nil)
        case "vector-like", "vectorlike", "dirac":
            if let x = try charges("charge") {
                guard table["charge_left"] == nil, table["charge_right"] == nil else {
                    throw failure("\(field).charge", table["charge"], "give either 'charge' or 'charge_left' and 'charge_right', not both")
                }
                return ExtraFermion(name: name, gauge: gauge, leftCharges: x, rightCharges: x)
            }
            guard let l = try charges("charge_left") else { throw failure("\(field).charge_left", nil, "missing (or give 'charge')") }
            guard let r = try charges("charge_right") else { throw failure("\(field).charge_right", nil, "missing (or give 'charge')") }
            return ExtraFermion(name: name, gauge: gauge, leftCharges: l, rightCharges: r)
        default:
            throw failure("\(field).chirality", chiralityValue, "must be left, right or vector-like")
        }
    }

    func scalar(_ table: DocumentTable, field: String) throws(ModelFileError) -> Scalar {
        try checkKeys(table, allowed: ["name", "colour", "color", "isospin", "hypercharge", "charge"], path: field)
        let name = try fieldName(table, field: field)
        let gauge = try gauge(table, field: field)
        guard let value = table["charge"] else { throw failure("\(field).charge", nil, "missing") }
        return Scalar(name: name, gauge: gauge, charge: try charge(value, field: "\(field).charge"))
    }
}
