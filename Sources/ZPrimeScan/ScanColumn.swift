import ZPrimeCore

/// What a point evaluator reports for every point, one column each: a constraint's verdict and
/// signal-to-bound ratio, a measured anomaly's verdict and pull, or an observable's value.
///
/// Names are unique within an evaluator: 1-64 ASCII letters, digits and underscores, starting with a
/// letter (they head the columns of exports; names differing only in case are distinct).
///
/// ```swift
/// let column = try ScanColumn(name: "apv_delta_qw_cs_bound", kind: .constraint, latexName: "|\\Delta Q_W(\\mathrm{Cs})|",
///                             description: "atomic parity violation in cesium", citations: ["Bouchiat, Fayet, PLB 608 (2005) 87"])
/// print(column.kind.numberName)   // ratio
/// ```
public struct ScanColumn: Sendable, Hashable, Codable {
    /// What a column holds.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A limit or bound: a ``ScanVerdict`` (excluded, allowed, outside its mass range, not
        /// applicable) and the signal-to-bound ratio (excluded when it exceeds 1).
        case constraint
        /// A measured deviation from the Standard Model (g-2, X17): a ``ScanVerdict`` (explains,
        /// allowed, excluded, outside its mass range, not applicable) and the pull
        /// (prediction - measurement)/uncertainty.
        case anomaly
        /// A predicted value.
        case observable

        /// What the column's number is: `ratio`, `pull` or `value`.
        public var numberName: String {
            switch self {
            case .constraint: return "ratio"
            case .anomaly: return "pull"
            case .observable: return "value"
            }
        }

        /// Whether the column carries a verdict.
        public var hasVerdict: Bool { self != .observable }
    }

    /// The column's name (`delta_a_mu`, `apv_delta_qw_cs_bound`).
    public let name: String
    /// What it holds.
    public let kind: Kind
    /// Its name in LaTeX.
    public let latexName: String
    /// A one-line description.
    public let description: String
    /// The unit of an observable's value (`""` when dimensionless).
    public let unit: String
    /// The papers its formula and data come from.
    public let citations: [String]

    /// Creates a column.
    ///
    /// - Throws: ``ZPrimeCore/Problem`` for a name that is not 1-64 ASCII letters, digits and
    ///   underscores starting with a letter.
    public init(name: String, kind: Kind, latexName: String = "", description: String, unit: String = "", citations: [String] = []) throws(Problem) {
        guard Self.isValidName(name) else {
            throw Problem.invalid(.field("column"), text: name, "a column name is 1-64 ASCII letters, digits and underscores, starting with a letter",
                                  kind: .outOfRange)
        }
        self.name = name
        self.kind = kind
        self.latexName = latexName
        self.description = description
        self.unit = unit
        self.citations = citations
    }

    /// Whether `name` may name a column.
    public static func isValidName(_ name: String) -> Bool {
        func letter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        guard let first = name.unicodeScalars.first, letter(first), name.unicodeScalars.count <= 64 else { return false }
        return name.unicodeScalars.allSatisfy { letter($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}

/// The verdict of a constraint or an anomaly at one point.
public enum ScanVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    /// The point is excluded (a constraint's signal exceeds its bound; an anomaly's prediction is
    /// more than n sigma from the measurement on the far side of it).
    case excluded
    /// The point is allowed (and, for an anomaly, does not explain it).
    case allowed
    /// The point explains a measured anomaly within n sigma (anomaly columns only).
    case explains
    /// The point's mass is outside the range where the constraint or the measurement applies.
    case outsideMassRange = "outside_mass_range"
    /// The constraint does not apply to this point (the model lacks the coupling or the decay).
    case notApplicable = "not_applicable"
}

/// One column's entry at one point.
public enum ScanCell: Sendable, Hashable {
    /// A verdict and its number (a ratio or a pull; `nil` when the verdict needs none, as for
    /// ``ScanVerdict/outsideMassRange`` and ``ScanVerdict/notApplicable``).
    case verdict(ScanVerdict, Double?)
    /// An observable's value.
    case value(Double)

    /// The cell's number, if any.
    public var number: Double? {
        switch self {
        case .verdict(_, let number): return number
        case .value(let value): return value
        }
    }

    /// The cell's verdict, if any.
    public var verdict: ScanVerdict? {
        if case .verdict(let verdict, _) = self { return verdict }
        return nil
    }
}

/// What an evaluator reports at one point: one cell per column, in the evaluator's column order,
/// and the caveats of the point (severity warning or note).
///
/// ```swift
/// let row = ScanRow(cells: [.value(2.5e-9), .verdict(.allowed, 0.3)])
/// print(row.cells[1].verdict!, row.cells[1].number!)   // allowed 0.3
/// ```
public struct ScanRow: Sendable, Hashable {
    /// One cell per column, in column order.
    public var cells: [ScanCell]
    /// The caveats of the point (stored by their kinds).
    public var warnings: [Problem]

    /// Creates a row.
    public init(cells: [ScanCell], warnings: [Problem] = []) {
        self.cells = cells
        self.warnings = warnings
    }

    /// Checks the row against `columns`: one cell per column, a verdict where the column has one and
    /// a value where it has none, every number finite.
    public func validated(against columns: [ScanColumn]) throws(Problem) -> ScanRow {
        guard cells.count == columns.count else {
            throw Problem(.nonFiniteResult, parameter: .field("row"), value: "\(cells.count)", severity: .error,
                          message: "the evaluator returned \(cells.count) cells for \(columns.count) columns")
        }
        // By index: iterating copies of the columns (six strings each) cost 4 % of a scan point.
        for k in cells.indices {
            let cell = cells[k], kind = columns[k].kind
            switch (cell, kind) {
            case (.value, .observable), (.verdict, .constraint), (.verdict, .anomaly): break
            default:
                throw Problem(.nonFiniteResult, parameter: .field(columns[k].name), value: nil, severity: .error,
                              message: "the evaluator returned a \(cell.verdict == nil ? "value" : "verdict") for a \(kind.rawValue) column")
            }
            if case .verdict(.explains, _) = cell, kind != .anomaly {
                throw Problem(.nonFiniteResult, parameter: .field(columns[k].name), value: nil, severity: .error,
                              message: "only an anomaly column can say 'explains'")
            }
            if let number = cell.number, !number.isFinite {
                throw Problem(.nonFiniteResult, parameter: .field(columns[k].name), value: Problem.format(number), severity: .error,
                              message: "is not a finite number at this point")
            }
        }
        return self
    }
}
