import Foundation
import ZPrimePlot

/// Reading the committed fixture curves (see Fixtures/README.md for their sources and licences).
enum Fixtures {
    /// The Fixtures folder next to this file's folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The numeric rows of a whitespace- or comma-separated file ('#' starts a comment).
    static func rows(_ path: String) throws -> [[Double]] {
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> [Double]? in
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).compactMap { Double($0) }
            return fields.isEmpty ? nil : fields
        }
    }

    /// A DarkCast limit: masses, lower edge and (for islands) upper edge; DarkCast's no-limit value
    /// 1e5 becomes nil, and of repeated masses the last row is kept (DarkCast's reading).
    static func darkCast(_ name: String) throws -> (x: [Double], lower: [Double?], upper: [Double?]?) {
        var rows = try rows("darkcast/\(name).lmt")
        var unique: [[Double]] = []
        for row in rows {
            if let last = unique.last, last[0] == row[0] { unique[unique.count - 1] = row } else { unique.append(row) }
        }
        rows = unique
        let x = rows.map { $0[0] }
        let lower: [Double?] = rows.map { $0[1] >= 1e5 ? nil : $0[1] }
        guard rows.first?.count ?? 0 >= 3 else { return (x, lower, nil) }
        let upper: [Double?] = rows.enumerated().map { i, row in lower[i] == nil ? nil : row[2] }
        return (x, lower, upper)
    }

    /// A two-column curve or polygon.
    static func points(_ path: String) throws -> [PlotPoint] {
        try rows(path).map { PlotPoint(x: $0[0], y: $0[1]) }
    }
}
