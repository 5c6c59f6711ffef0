import Foundation

/// Reads a file of named model parameters (TOML or JSON): the continuous parameters of a model with
/// its own spectrum (``FermionSpectrum/vectorLikeLeptons``), which become a parameter point's
/// `modelParameters`. The names and their meaning belong to the model (docs/seed-model.md for the
/// seed model); this reader only checks the form.
///
/// Form: numbers at the top level (`m_hX = 70`, `lambda_L_e_mu = 0.1`), and optionally tables
/// named after a lepton generation, `[e]`, `[mu]`, `[tau]`, whose keys get the generation as a
/// suffix (`[mu]` with `h = 1e-6` is `h_mu`). Integers and floats are accepted; every value must
/// be finite; a name may appear once (either way of writing it).
///
/// ```toml
/// # the seed benchmark, muon generation
/// m_hX = 70
/// v_X = 14
/// [mu]
/// lambda_L = 6.428571428571429
/// lambda_E = 6.428571428571429
/// M_L = 90
/// M_E = 90
/// k = 1e-7
/// ```
public enum ParameterFile {
    /// The generation tables a file may contain, in the order of their suffixes.
    public static let generationTables = ["e", "mu", "tau"]

    /// The parameters of the file at `path` (format from the extension, .toml or .json).
    public static func load(path: String) throws(ModelFileError) -> [String: Double] {
        guard let format = ModelFileFormat(path: path) else {
            throw ModelFileError(file: path, field: nil, value: nil, problem: "unknown parameter-file extension (use .toml or .json)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ModelFileError(file: path, field: nil, value: nil, problem: "cannot read the file (missing or unreadable)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: ModelFileLimits.maximumFileBytes + 1) ?? Data()
        } catch {
            throw ModelFileError(file: path, field: nil, value: nil, problem: "cannot read the file")
        }
        guard data.count <= ModelFileLimits.maximumFileBytes else {
            throw ModelFileError(file: path, field: nil, value: nil, problem: "the file is larger than \(ModelFileLimits.maximumFileBytes) bytes")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ModelFileError(file: path, field: nil, value: nil, problem: "the file is not UTF-8 text")
        }
        return try parse(text, format: format, file: path)
    }

    /// The parameters in `text`.
    public static func parse(_ text: String, format: ModelFileFormat, file: String = "<input>") throws(ModelFileError) -> [String: Double] {
        let table: DocumentTable
        do {
            switch format {
            case .toml: table = try DocumentParser.parseTOML(text)
            case .json: table = try DocumentParser.parseJSON(text)
            }
        } catch {
            throw ModelFileError(file: file, field: error.key, value: error.value, problem: error.located)
        }
        var result: [String: Double] = [:]
        func add(_ name: String, _ value: DocumentValue, field: String) throws(ModelFileError) {
            let number: Double
            switch value {
            case .integer(let i): number = Double(i)
            case .float(let d): number = d
            default: throw ModelFileError(file: file, field: field, value: value.rendered, problem: "must be a number (a \(value.kind) was given)")
            }
            guard number.isFinite else { throw ModelFileError(file: file, field: field, value: value.rendered, problem: "must be a finite number") }
            guard result[name] == nil else {
                throw ModelFileError(file: file, field: field, value: value.rendered, problem: "the parameter \(name) is given twice")
            }
            result[name] = number
        }
        for entry in table.entries {
            if case .table(let inner) = entry.value {
                guard generationTables.contains(entry.key) else {
                    throw ModelFileError(file: file, field: entry.key, value: nil,
                                         problem: "unknown table: only the generation tables \(generationTables.joined(separator: ", ")) may appear")
                }
                for item in inner.entries {
                    if case .table = item.value {
                        throw ModelFileError(file: file, field: "\(entry.key).\(item.key)", value: nil, problem: "tables do not nest in a parameter file")
                    }
                    try add("\(item.key)_\(entry.key)", item.value, field: "\(entry.key).\(item.key)")
                }
            } else {
                try add(entry.key, entry.value, field: entry.key)
            }
        }
        return result
    }
}
