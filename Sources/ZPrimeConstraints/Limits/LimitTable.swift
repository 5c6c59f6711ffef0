import Foundation
import ZPrimeCore

/// The numbers of one whitespace-separated data file (`.lmt`, `.prd`, polygon `.txt`): rows of
/// equally many columns, `#` comments and blank lines skipped. The text reader and the binary form
/// (``LimitBinary``) produce the same ``RawTable``, so everything after it is shared.
public struct RawTable: Sendable, Hashable {
    /// The number of columns.
    public let columns: Int
    /// The values, row-major.
    public let values: [Double]

    /// The number of rows.
    public var rows: Int { columns == 0 ? 0 : values.count / columns }

    /// Creates a table (values.count must be a multiple of columns).
    public init(columns: Int, values: [Double]) {
        self.columns = columns
        self.values = values
    }

    /// Column `c` of every row.
    public func column(_ c: Int) -> [Double] { stride(from: c, to: values.count, by: columns).map { values[$0] } }

    /// Parses the text of a data file.
    ///
    /// - Throws: ``Problem`` (kind ``Problem/Kind/dataFile``, naming `file` and the line) for a
    ///   token that is not a finite number, rows of different lengths, or a file without rows.
    public static func parse(_ data: Data, file: String) throws(Problem) -> RawTable {
        var values: [Double] = []
        values.reserveCapacity(data.count / 10)
        var columns = -1
        var failure: Problem?
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            let n = bytes.count
            var i = 0
            var line = 1
            var token = [CChar](repeating: 0, count: 64)
            var rowCount = 0
            func endRow() -> Bool {
                guard rowCount > 0 else { return true }
                if columns < 0 { columns = rowCount }
                if rowCount != columns {
                    failure = Problem.invalid(.field("\(file) line \(line)"), text: "\(rowCount) values",
                                              "expected \(columns) columns like the first data row", kind: .dataFile)
                    return false
                }
                rowCount = 0
                return true
            }
            while i < n {
                let c = bytes[i]
                if c == 0x23 { // '#': skip to the end of the line
                    while i < n && bytes[i] != 0x0A { i += 1 }
                    continue
                }
                if c == 0x0A {
                    if !endRow() { return }
                    line += 1
                    i += 1
                    continue
                }
                if c == 0x20 || c == 0x09 || c == 0x0D { i += 1; continue }
                var length = 0
                let start = i
                while i < n, bytes[i] != 0x20, bytes[i] != 0x09, bytes[i] != 0x0A, bytes[i] != 0x0D, bytes[i] != 0x23 {
                    if length < 63 { token[length] = CChar(bitPattern: bytes[i]) }
                    length += 1
                    i += 1
                }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                guard length < 63 else {
                    failure = Problem.invalid(.field("\(file) line \(line)"), text: text, "is not a number", kind: .dataFile)
                    return
                }
                token[length] = 0
                var end: UnsafeMutablePointer<CChar>? = nil
                let value = token.withUnsafeMutableBufferPointer { buffer -> Double in
                    let v = strtod(buffer.baseAddress!, &end)
                    if end != buffer.baseAddress! + length { return .nan }
                    return v
                }
                guard value.isFinite else {
                    failure = Problem.invalid(.field("\(file) line \(line)"), text: text, "is not a finite number", kind: .dataFile)
                    return
                }
                values.append(value)
                rowCount += 1
            }
            _ = endRow()
        }
        if let failure { throw failure }
        guard columns > 0, !values.isEmpty else {
            throw Problem.invalid(.field(file), text: "empty", "the data file has no rows", kind: .dataFile)
        }
        return RawTable(columns: columns, values: values)
    }
}

/// A published one-dimensional limit: at each mass, the excluded couplings of the published model
/// lie above `lower` (and below `upper` for an island). DarkCast's no-limit value 1e5 marks masses
/// without a bound (``hasBound``).
public struct LimitCurve: Sendable, Hashable {
    /// DarkCast's "no limit" value.
    public static let noLimitValue = 1e5

    /// The masses, strictly increasing, GeV.
    public let masses: [Double]
    /// The lower edge per mass.
    public let lower: [Double]
    /// The upper edge per mass (islands), or nil for a one-sided limit.
    public let upper: [Double]?

    /// Whether mass `i` has a bound (lower below DarkCast's 1e5).
    public func hasBound(_ i: Int) -> Bool { lower[i] < Self.noLimitValue }

    /// Builds the curve from rows (mass, lower[, upper]): repeated masses keep the last row (as
    /// DarkCast does); masses must be non-decreasing, couplings positive, lower <= upper.
    static func fromRows(_ table: RawTable, hasUpper: Bool, file: String) throws(Problem) -> LimitCurve {
        let expected = hasUpper ? 3 : 2
        guard table.columns == expected else {
            throw Problem.invalid(.field(file), text: "\(table.columns) columns", "expected \(expected) columns (mass, lower\(hasUpper ? ", upper" : ""))", kind: .dataFile)
        }
        var masses: [Double] = [], lower: [Double] = [], upper: [Double] = []
        for row in 0..<table.rows {
            let m = table.values[row * expected], lo = table.values[row * expected + 1]
            let hi = hasUpper ? table.values[row * expected + 2] : 0
            guard m >= 0 else { throw Problem.invalid(.field("\(file) row \(row + 1)"), m, "a mass must be >= 0", kind: .dataFile) }
            guard lo > 0 else { throw Problem.invalid(.field("\(file) row \(row + 1)"), lo, "a coupling must be > 0", kind: .dataFile) }
            if hasUpper, lo < noLimitValue {
                guard hi >= lo else {
                    throw Problem.invalid(.field("\(file) row \(row + 1)"), hi, "the upper edge is below the lower edge \(lo)", kind: .dataFile)
                }
            }
            if let last = masses.last {
                guard m >= last else {
                    throw Problem.invalid(.field("\(file) row \(row + 1)"), m, "masses must be sorted; the previous row has \(last)", kind: .dataFile)
                }
                if m == last {
                    lower[lower.count - 1] = lo
                    if hasUpper { upper[upper.count - 1] = hi }
                    continue
                }
            }
            masses.append(m)
            lower.append(lo)
            if hasUpper { upper.append(hi) }
        }
        guard masses.count >= 1 else { throw Problem.invalid(.field(file), text: "empty", "no rows", kind: .dataFile) }
        return LimitCurve(masses: masses, lower: lower, upper: hasUpper ? upper : nil)
    }

    /// The segment [i, i+1] containing `mass` (or i = i+1 at a node), nil outside [first, last].
    func bracket(_ mass: Double) -> (Int, Int, Double)? {
        guard let first = masses.first, let last = masses.last, mass >= first, mass <= last else { return nil }
        if masses.count == 1 { return (0, 0, 0) }
        var low = 0, high = masses.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if masses[middle] <= mass { low = middle } else { high = middle }
        }
        if masses[low] == mass { return (low, low, 0) }
        if masses[high] == mass { return (high, high, 0) }
        return (low, high, (mass - masses[low]) / (masses[high] - masses[low]))
    }

    /// The published edges at `mass`, linear in mass between rows (DarkCast's interpolation), or
    /// nil outside the tabulated range or next to a mass without a bound.
    public func edges(at mass: Double) -> (lower: Double, upper: Double?)? {
        guard let (i, j, w) = bracket(mass), hasBound(i), hasBound(j) else { return nil }
        let lo = lower[i] + w * (lower[j] - lower[i])
        let hi = upper.map { $0[i] + w * ($0[j] - $0[i]) }
        return (lo, hi)
    }
}

/// LHCb's r-value grid: r = (observed upper limit on the yield)/(expected dark-photon yield) over a
/// regular (mass, coupling) grid; r < 1 is excluded for the dark photon.
public struct RValueGrid: Sendable, Hashable {
    /// The masses, increasing, GeV.
    public let masses: [Double]
    /// The couplings (eps), increasing, the same for every mass.
    public let couplings: [Double]
    /// r[mass index * couplings.count + coupling index].
    public let r: [Double]

    /// r at grid point (i, j).
    public func value(_ i: Int, _ j: Int) -> Double { r[i * couplings.count + j] }

    /// Builds the grid from rows (mass, g, r) sorted by mass then coupling.
    static func fromRows(_ table: RawTable, file: String) throws(Problem) -> RValueGrid {
        guard table.columns == 3 else {
            throw Problem.invalid(.field(file), text: "\(table.columns) columns", "expected 3 columns (mass, g, r)", kind: .dataFile)
        }
        let rows = table.rows
        var couplings: [Double] = []
        let firstMass = table.values[0]
        var k = 0
        while k < rows, table.values[3 * k] == firstMass { couplings.append(table.values[3 * k + 1]); k += 1 }
        let nc = couplings.count
        guard nc >= 2, rows % nc == 0 else {
            throw Problem.invalid(.field(file), text: "\(rows) rows", "not a regular grid: the rows are not a whole number of the first mass's \(nc) couplings", kind: .dataFile)
        }
        for j in 1..<nc where couplings[j] <= couplings[j - 1] {
            throw Problem.invalid(.field("\(file) row \(j + 1)"), couplings[j], "couplings must increase within a mass", kind: .dataFile)
        }
        var masses: [Double] = []
        var r = [Double](repeating: 0, count: rows)
        for i in 0..<(rows / nc) {
            let m = table.values[3 * i * nc]
            if let last = masses.last, m <= last {
                throw Problem.invalid(.field("\(file) row \(i * nc + 1)"), m, "masses must increase; the previous mass is \(last)", kind: .dataFile)
            }
            masses.append(m)
            for j in 0..<nc {
                let row = i * nc + j
                guard table.values[3 * row] == m, table.values[3 * row + 1] == couplings[j] else {
                    throw Problem.invalid(.field("\(file) row \(row + 1)"), table.values[3 * row + 1],
                                          "not a regular grid: expected mass \(m) and coupling \(couplings[j])", kind: .dataFile)
                }
                let value = table.values[3 * row + 2]
                guard value > 0 else { throw Problem.invalid(.field("\(file) row \(row + 1)"), value, "r must be > 0", kind: .dataFile) }
                r[row] = value
            }
        }
        return RValueGrid(masses: masses, couplings: couplings, r: r)
    }
}

/// The conversion of a closed polygon traced around an excluded region (the format of the FORESEE
/// and SensCalc curves) into lower and upper edges.
///
/// **Procedure.** The vertices (m_i, y_i) (y the coupling, or its square for `coupling_power` 2,
/// converted by a square root) are taken in (ln m, ln y), where the digitised boundary is piecewise
/// straight on the log-log axes it was read from, and the polygon is closed (last vertex back to the
/// first). At each vertex mass strictly between the smallest and largest mass, the vertical line
/// x = ln m is intersected with every edge whose end masses x_a, x_b satisfy x_a <= x < x_b or
/// x_b <= x < x_a (half-open, so that a vertex on the line is counted once), at
/// y = y_a + (x - x_a)(y_b - y_a)/(x_b - x_a). The sorted crossings come in pairs (even-odd rule):
/// one pair is an island [lower, upper]; a `lower` curve keeps only the lowest crossing (its upper
/// crossings are the plot frame). At the smallest or largest mass, when two or more vertices share
/// it (a vertical edge on the plot frame), the interval between their lowest and highest coupling is
/// kept; a single extreme vertex is the tip of an island and gives no interval, while for a `lower`
/// curve it is the end point of the lower edge and is kept. More than one pair at a mass of an island
/// (a region with a hole, or a self-intersecting trace) is an error naming the file and the mass.
public enum PolygonEdges {
    /// Which edges a polygon gives.
    public enum Kind: String, Sendable, Hashable {
        /// Lower and upper edges of an island.
        case island
        /// A lower edge only (the top of the polygon is the frame of the plot).
        case lower
    }

    /// The edges of the polygon in `table` (columns mass, y) as a ``LimitCurve``.
    public static func curve(_ table: RawTable, power: Int, kind: Kind, file: String) throws(Problem) -> LimitCurve {
        guard table.columns >= 2 else { throw Problem.invalid(.field(file), text: "\(table.columns) columns", "a polygon needs (mass, coupling) rows", kind: .dataFile) }
        guard power == 1 || power == 2 else { throw Problem.invalid(.field(file), text: "\(power)", "coupling_power must be 1 or 2", kind: .dataFile) }
        var points: [(x: Double, y: Double)] = []
        var massOf: [Double: Double] = [:]   // ln m -> the file's own mass (native masses stay exact)
        for row in 0..<table.rows {
            let m = table.values[row * table.columns], y = table.values[row * table.columns + 1]
            guard m > 0, y > 0 else { throw Problem.invalid(.field("\(file) row \(row + 1)"), m > 0 ? y : m, "polygon vertices need positive mass and coupling", kind: .dataFile) }
            points.append((log(m), log(y) / Double(power)))
            massOf[log(m)] = m
        }
        guard points.count >= 3 else { throw Problem.invalid(.field(file), text: "\(points.count) vertices", "a polygon needs at least 3 vertices", kind: .dataFile) }
        if points[0] != points[points.count - 1] { points.append(points[0]) }
        let xs = Array(Set(points.map(\.x))).sorted()
        let xMin = xs.first!, xMax = xs.last!
        /// The sorted crossings of the vertical line at x with the polygon's edges (a vertex counts
        /// for the edge it starts or ends on the right of, so it is counted once).
        func crossings(at x: Double) -> [Double] {
            var result: [Double] = []
            for k in 0..<(points.count - 1) {
                let a = points[k], b = points[k + 1]
                if (a.x <= x && x < b.x) || (b.x <= x && x < a.x) {
                    result.append(a.y + (x - a.x) * (b.y - a.y) / (b.x - a.x))
                }
            }
            return result.sorted()
        }
        var masses: [Double] = [], lower: [Double] = [], upper: [Double] = []
        for (i, x) in xs.enumerated() {
            var found: [Double]
            if x == xMin || x == xMax {
                let onEdge = points.dropLast().filter { $0.x == x }.map(\.y)
                guard onEdge.count >= 2 || kind == .lower else { continue }
                found = [onEdge.min()!, onEdge.max()!]
            } else {
                found = crossings(at: x)
            }
            if kind == .island {
                // The line at this vertex and halfway to the next one (where no vertex can hide a fold)
                // must cross the boundary at most twice.
                let probes = i + 1 < xs.count ? [x, 0.5 * (x + xs[i + 1])] : [x]
                for probe in probes where probe > xMin && probe < xMax {
                    let n = crossings(at: probe).count
                    if n > 2 {
                        throw Problem.invalid(.field(file), exp(probe), "the polygon crosses this mass \(n) times: not a single island", kind: .dataFile)
                    }
                }
            }
            guard found.count >= 2 else { continue }
            masses.append(massOf[x] ?? exp(x))
            lower.append(exp(found[0]))
            upper.append(exp(found[found.count - 1]))
        }
        guard !masses.isEmpty else { throw Problem.invalid(.field(file), text: "polygon", "gives no excluded interval at any mass", kind: .dataFile) }
        return LimitCurve(masses: masses, lower: lower, upper: kind == .island ? upper : nil)
    }
}
