import Foundation
import ZPrimeCore

/// A published bound: a curve (lower edge, with an upper edge for islands) or an r-value grid.
public enum LimitBound: Sendable {
    case curve(LimitCurve)
    case grid(RValueGrid)

    /// The native masses (GeV) of the bound.
    public var masses: [Double] {
        switch self {
        case .curve(let c): return c.masses
        case .grid(let g): return g.masses
        }
    }
}

/// One limit: its manifest description and its bound.
public struct Limit: Sendable {
    /// The description.
    public let definition: LimitDefinition
    /// The bound.
    public let bound: LimitBound
    /// The description shared by every constraint (mass range from the data), computed once.
    public let info: ConstraintInfo
    /// ``LimitDefinition/bandEdge``, computed once (it reads the manifest's words).
    public let bandEdge: LimitDefinition.BandEdge?

    /// Creates a limit.
    public init(definition: LimitDefinition, bound: LimitBound) {
        self.definition = definition
        self.bound = bound
        var info = definition.info
        let masses = bound.masses
        info.massRange = masses.first!...masses.last!
        self.info = info
        bandEdge = definition.bandEdge
    }

    /// The name.
    public var name: String { definition.name }
}

/// Every limit of one or more manifests, loaded and checked.
///
/// Loading validates everything: each manifest entry's fields, that its data file exists, has the
/// manifest's sha256 (text files), row count, column layout and mass range, and that its masses
/// are sorted and its couplings positive. Any failure is a ``Problem`` naming the manifest, the limit
/// and the field or file: a limit is never dropped silently.
///
/// ```swift
/// let catalogue = try LimitCatalogue.bundled()
/// catalogue.limits.count                       // 51 from DarkCast + 8 newer ones
/// catalogue.limit(named: "E137_Andreas2012mt")?.info.citation
/// ```
public struct LimitCatalogue: Sendable {
    /// The limits, in manifest order (DarkCast's, then the extra manifest's).
    public let limits: [Limit]
    /// The manifests they come from.
    public let manifests: [String]

    private let index: [String: Int]

    /// The limit called `name` (exact match), or nil.
    public func limit(named name: String) -> Limit? { index[name].map { limits[$0] } }

    /// The names of every limit.
    public var names: [String] { limits.map(\.name) }

    /// The bundled limits (`LimitData/manifest.json` and `LimitData/extra/manifest.json`), loaded
    /// once per process from the binary form of the tables where it is up to date.
    public static func bundled() throws(Problem) -> LimitCatalogue { try cache.get() }

    private static let cache: Result<LimitCatalogue, Problem> = Result { () throws(Problem) -> LimitCatalogue in
        guard let directory = bundledDirectory else {
            throw Problem.invalid(.field("LimitData"), text: "missing", "the bundled limit data directory was not found", kind: .dataFile)
        }
        let binary: LimitBinary?
        if let data = try? Data(contentsOf: directory.appendingPathComponent(LimitBinary.fileName)) {
            binary = try LimitBinary(data: data)
        } else {
            binary = nil
        }
        return try LimitCatalogue(manifests: [directory.appendingPathComponent("manifest.json"),
                                              directory.appendingPathComponent("extra/manifest.json")],
                                  binary: binary, verifyChecksums: true)
    }

    /// The bundled `LimitData/` directory.
    public static var bundledDirectory: URL? { Bundle.module.url(forResource: "LimitData", withExtension: nil) }

    /// Loads the limits of `manifests` (data files relative to each manifest's folder).
    ///
    /// - Parameters:
    ///   - binary: a binary form of the tables; a record is used when its path and sha256 match the
    ///     manifest entry (relative to `LimitData/` for the bundled data), otherwise the text file is read.
    ///   - verifyChecksums: check every text file read against the manifest's sha256.
    /// - Throws: ``Problem`` for anything missing, corrupt or inconsistent, or a name used twice.
    public init(manifests: [URL], binary: LimitBinary? = nil, verifyChecksums: Bool = true) throws(Problem) {
        var limits: [Limit] = []
        var index: [String: Int] = [:]
        let base = manifests.first?.deletingLastPathComponent().standardizedFileURL.path ?? ""
        for url in manifests {
            let loaded = try Self.load(manifest: url, basePath: base, binary: binary, verifyChecksums: verifyChecksums)
            for limit in loaded {
                if index[limit.name] != nil {
                    throw Problem.invalid(.field("\(url.lastPathComponent): \(limit.name)"), text: limit.name, "a limit of this name is already loaded", kind: .dataFile)
                }
                index[limit.name] = limits.count
                limits.append(limit)
            }
        }
        self.limits = limits
        self.index = index
        self.manifests = manifests.map(\.path)
    }

    /// The result of checking one entry of a manifest (``validate(manifest:)``).
    public struct ValidationEntry: Sendable {
        /// The limit's name (or its position).
        public let name: String
        /// The loaded limit, or the problem found.
        public let result: Result<Limit, Problem>
    }

    /// Checks every entry of a manifest (a file with a `limits` list, or one entry alone), reading
    /// the text files and their checksums; unlike loading, it reports every entry instead of stopping
    /// at the first problem. A problem of the manifest itself (not JSON, no entries) is thrown.
    public static func validate(manifest url: URL) throws(Problem) -> [ValidationEntry] {
        let source = url.lastPathComponent
        guard let data = try? Data(contentsOf: url) else {
            throw Problem.invalid(.field(url.path), text: "unreadable", "the manifest cannot be read", kind: .dataFile)
        }
        let root = try ManifestReader.root(data, source: source)
        let entries = try ManifestReader.entries(root, source: source)
        let directory = url.deletingLastPathComponent()
        let tables: [String: ProductionTable]
        do { tables = try productionTables(root, directory: directory, source: source, basePath: directory.path, binary: nil, verify: true) } catch {
            return [ValidationEntry(name: "production_tables", result: .failure(error))]
        }
        let reader = ManifestReader(source: source)
        var results: [ValidationEntry] = []
        var seen = Set<String>()
        for (i, entry) in entries.enumerated() {
            let name = (entry["name"] as? String) ?? "#\(i)"
            do throws(Problem) {
                let definition = try reader.definition(entry, index: i, tables: tables)
                guard seen.insert(definition.name).inserted else {
                    throw Problem.invalid(.field("\(source): \(definition.name)"), text: definition.name, "the name is used twice", kind: .dataFile)
                }
                let limit = try loadBound(definition, directory: directory, source: source, basePath: directory.path, binary: nil, verify: true)
                results.append(ValidationEntry(name: name, result: .success(limit)))
            } catch {
                results.append(ValidationEntry(name: name, result: .failure(error)))
            }
        }
        return results
    }

    // MARK: Loading

    static func load(manifest url: URL, basePath: String, binary: LimitBinary?, verifyChecksums: Bool) throws(Problem) -> [Limit] {
        let source = url.lastPathComponent == "manifest.json" && url.deletingLastPathComponent().lastPathComponent != "LimitData"
            ? url.deletingLastPathComponent().lastPathComponent + "/manifest.json" : url.lastPathComponent
        guard let data = try? Data(contentsOf: url) else {
            throw Problem.invalid(.field(url.path), text: "missing", "the limit manifest cannot be read", kind: .dataFile)
        }
        let root = try ManifestReader.root(data, source: source)
        if let schema = root["schema"] as? String, schema != "zprime-darkcast-limits/1" {
            throw Problem.invalid(.field("\(source): schema"), text: schema, "unsupported schema (expected zprime-darkcast-limits/1)", kind: .dataFile)
        }
        let directory = url.deletingLastPathComponent()
        let tables = try productionTables(root, directory: directory, source: source, basePath: basePath, binary: binary, verify: verifyChecksums)
        let reader = ManifestReader(source: source)
        var limits: [Limit] = []
        for (i, entry) in try ManifestReader.entries(root, source: source).enumerated() {
            let definition = try reader.definition(entry, index: i, tables: tables)
            limits.append(try loadBound(definition, directory: directory, source: source, basePath: basePath, binary: binary, verify: verifyChecksums))
        }
        return limits
    }

    /// The raw table of a data file: from the binary record when its path and checksum match, else
    /// from the text (checked against `sha256` when `verify`).
    static func rawTable(file: String, sha256: String?, directory: URL, basePath: String, binary: LimitBinary?, verify: Bool,
                         source: String) throws(Problem) -> RawTable {
        let url = directory.appendingPathComponent(file)
        let relative = relativePath(url, basePath: basePath)
        if let binary, let sha256, let record = binary.records[relative], record.sha256 == sha256 {
            return record.table
        }
        guard let data = try? Data(contentsOf: url) else {
            throw Problem.invalid(.field("\(source): \(file)"), text: "missing", "the data file cannot be read", kind: .dataFile)
        }
        if verify, let sha256 {
            let actual = SHA256.hex(data)
            guard actual == sha256.lowercased() else {
                throw Problem.invalid(.field("\(source): \(file)"), text: String(actual.prefix(16)) + "...",
                                      "sha256 differs from the manifest's \(sha256.prefix(16))...: the file is corrupt or was changed", kind: .dataFile)
            }
        }
        return try RawTable.parse(data, file: file)
    }

    static func relativePath(_ url: URL, basePath: String) -> String {
        let path = url.standardizedFileURL.path
        let prefix = basePath.hasSuffix("/") ? basePath : basePath + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    static func productionTables(_ root: [String: Any], directory: URL, source: String, basePath: String, binary: LimitBinary?,
                                 verify: Bool) throws(Problem) -> [String: ProductionTable] {
        guard let section = root["production_tables"] as? [String: Any] else { return [:] }
        var tables: [String: ProductionTable] = [:]
        for (name, value) in section {
            guard let entry = value as? [String: Any] else { continue }
            let o = ManifestReader.Object(values: entry, path: "production_tables.\(name)", source: source)
            let file = try o.string("file")
            let columns = try o.strings("columns")
            guard columns.first == "mass", columns.count >= 2 else { throw o.fail("columns", "must start with 'mass' and name at least one mechanism") }
            var mechanisms: [ProductionMechanism] = []
            for key in columns.dropFirst() {
                do { mechanisms.append(try ProductionMechanism(key: key)) } catch { throw o.fail("columns", error.message, value: key) }
            }
            let table = try rawTable(file: file, sha256: o.optionalString("sha256"), directory: directory, basePath: basePath, binary: binary,
                                     verify: verify, source: source)
            guard table.columns == columns.count else {
                throw Problem.invalid(.field("\(source): \(file)"), text: "\(table.columns) columns", "the manifest lists \(columns.count) columns", kind: .dataFile)
            }
            if let rows = o.optionalNumber("n_rows"), Int(rows) != table.rows {
                throw Problem.invalid(.field("\(source): \(file)"), text: "\(table.rows) rows", "the manifest says \(Int(rows)) rows", kind: .dataFile)
            }
            let masses = table.column(0)
            for i in 1..<masses.count where masses[i] <= masses[i - 1] {
                throw Problem.invalid(.field("\(source): \(file) row \(i + 1)"), masses[i], "masses must increase", kind: .dataFile)
            }
            var fractions: [[Double]] = []
            for c in 1..<table.columns {
                let column = table.column(c)
                if let bad = column.first(where: { $0 < 0 || $0 > 1.0001 }) {
                    throw Problem.invalid(.field("\(source): \(file) column \(columns[c])"), bad, "a production fraction must be between 0 and 1", kind: .dataFile)
                }
                fractions.append(column)
            }
            tables[name] = ProductionTable(file: file, mechanisms: mechanisms, masses: masses, fractions: fractions)
        }
        return tables
    }

    static func loadBound(_ definition: LimitDefinition, directory: URL, source: String, basePath: String, binary: LimitBinary?,
                          verify: Bool) throws(Problem) -> Limit {
        let file = definition.file
        let table = try rawTable(file: file, sha256: definition.sha256, directory: directory, basePath: basePath, binary: binary,
                                 verify: verify, source: source)
        if let rows = definition.rowCount, rows != table.rows {
            throw Problem.invalid(.field("\(source): \(file)"), text: "\(table.rows) rows", "the manifest (\(definition.name)) says \(rows) rows", kind: .dataFile)
        }
        let bound: LimitBound
        switch definition.format {
        case .lower: bound = .curve(try LimitCurve.fromRows(table, hasUpper: false, file: file))
        case .lowerUpper: bound = .curve(try LimitCurve.fromRows(table, hasUpper: true, file: file))
        case .rValueGrid: bound = .grid(try RValueGrid.fromRows(table, file: file))
        case .polygon(let power, let edges): bound = .curve(try PolygonEdges.curve(table, power: power, kind: edges, file: file))
        }
        if case .polygon = definition.format {} else {
            let masses = bound.masses
            let (lo, hi) = (definition.massRange.lowerBound, definition.massRange.upperBound)
            func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1e-300) }
            guard close(masses.first!, lo), close(masses.last!, hi) else {
                throw Problem.invalid(.field("\(source): \(definition.name).mass_range_GeV"), text: "\(lo)...\(hi)",
                                      "the data file \(file) covers \(masses.first!)...\(masses.last!) GeV", kind: .dataFile)
            }
        }
        return Limit(definition: definition, bound: bound)
    }
}
