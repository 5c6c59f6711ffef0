import Foundation

/// Resolves what a user typed for a model: a built-in name (case-insensitive) or a path to a
/// `.toml` / `.json` model file.
public enum ModelReference {
    /// The model for `reference`; a built-in name wins over a file of the same name.
    public static func resolve(_ reference: String) throws(ModelFileError) -> Model {
        if let builtin = BuiltinModels.model(named: reference) { return builtin }
        if ModelFileFormat(path: reference) != nil || FileManager.default.fileExists(atPath: reference) {
            return try ModelFile.load(path: reference)
        }
        let names = BuiltinModels.all.map(\.name).joined(separator: ", ")
        throw ModelFileError(file: reference, field: nil, value: nil,
                             problem: "unknown model: not a built-in name (\(names)) and not a .toml/.json file")
    }
}
