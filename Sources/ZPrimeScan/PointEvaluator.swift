import ZPrimeCore
import ZPrimePoint

/// What a scan computes at every point: constraints (verdict and signal-to-bound ratio), anomalies
/// (verdict and pull) and observables (values), as a fixed list of ``ScanColumn``s.
///
/// An evaluator must be a pure function of the point (the same row for the same point, on any
/// thread, in any order): a scan's rows then do not depend on the thread count, the shard split or
/// an interruption. It reports bad points by throwing a ``ZPrimeCore/Problem``; the scan stores the
/// point as failed with the problem's text and goes on.
///
/// ```swift
/// struct MassEvaluator: PointEvaluator {
///     var columns: [ScanColumn] { [try! ScanColumn(name: "mass_mev", kind: .observable, description: "the mass in MeV", unit: "MeV")] }
///     var fingerprint: String { "mass-evaluator-1" }
///     func evaluate(_ point: ParameterPoint) throws(Problem) -> ScanRow { ScanRow(cells: [.value(point.mass * 1e3)]) }
/// }
/// let point = try ParameterPoint(model: BuiltinModels.model(named: "B-L")!, mass: 0.02, coupling: 1e-4)
/// print(try MassEvaluator().evaluate(point).cells)   // [value(20.0)]
/// ```
public protocol PointEvaluator: Sendable {
    /// Names and metadata of what the evaluator reports (stable order): constraints and observables.
    var columns: [ScanColumn] { get }
    /// A string that changes whenever the evaluator's physics or data change (stored with the scan).
    var fingerprint: String { get }
    /// Verdicts and ratios of the constraints, values of the observables, at `point`.
    func evaluate(_ point: ParameterPoint) throws(Problem) -> ScanRow
}

/// Several evaluators side by side: the columns of each in turn, one row joined from theirs. The
/// first evaluator that throws fails the point.
///
/// ```swift
/// let both = try CompositeEvaluator([try ObservablesEvaluator()])
/// print(both.columns.count == (try ObservablesEvaluator()).columns.count)   // true
/// ```
public struct CompositeEvaluator: PointEvaluator {
    /// The evaluators, in column order.
    public let evaluators: [any PointEvaluator]
    public let columns: [ScanColumn]
    public let fingerprint: String

    /// Joins `evaluators`.
    ///
    /// - Throws: ``ZPrimeCore/Problem`` when two columns share a name (naming it), or for no evaluator.
    public init(_ evaluators: [any PointEvaluator]) throws(Problem) {
        guard !evaluators.isEmpty else { throw Problem.invalid(.field("evaluators"), text: nil, "give at least one evaluator", kind: .missing) }
        var seen = Set<String>()
        var columns: [ScanColumn] = []
        for evaluator in evaluators {
            for column in evaluator.columns {
                guard seen.insert(column.name).inserted else {
                    throw Problem.invalid(.field("column"), text: column.name, "two evaluators report a column of this name", kind: .conflict)
                }
                columns.append(column)
            }
        }
        self.evaluators = evaluators
        self.columns = columns
        self.fingerprint = "composite(" + evaluators.map(\.fingerprint).joined(separator: "|") + ")"
    }

    public func evaluate(_ point: ParameterPoint) throws(Problem) -> ScanRow {
        var row = ScanRow(cells: [])
        row.cells.reserveCapacity(columns.count)
        for evaluator in evaluators {
            let part = try evaluator.evaluate(point)
            row.cells += part.cells
            row.warnings += part.warnings
        }
        return row
    }
}

/// A 64-bit FNV-1a digest (Fowler, Noll, Vo), as 16 hexadecimal digits: a cheap, stable checksum
/// for detecting changed data in fingerprints (not a cryptographic hash).
///
/// ```swift
/// print(Digest.fnv1a("a"))   // af63dc4c8601ec8c
/// ```
public enum Digest {
    /// The digest of `bytes`.
    public static func fnv1a<S: Sequence>(bytes: S) -> String where S.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The digest of the UTF-8 bytes of `text`.
    public static func fnv1a(_ text: String) -> String { fnv1a(bytes: text.utf8) }
}
