import ZPrimeCore

/// Construction of the polygons of a layer from its edges, in plot space (log10 of the values on
/// logarithmic axes), and their clipping to the frame.
///
/// Every function here is pure: edges in, polygons (or polylines) out. A run is a maximal range of
/// consecutive indices at which the shape exists; each run of at least two points becomes one
/// polygon, so gaps split regions and nothing is drawn across them.
///
/// ```swift
/// // A prompt limit on a linear plane with a gap at x = 3: two polygons up to the top (y = 10).
/// let pieces = Regions.excluded(x: [1, 2, 3, 4, 5], lower: [1, 2, nil, 2, 1], top: 10)
/// print(pieces.count, pieces[0].vertices.count)   // 2 4
/// ```
public enum Regions {
    /// The maximal runs of consecutive indices where `exists` holds, of at least `minimumLength`.
    public static func runs(count: Int, minimumLength: Int = 2, where exists: (Int) -> Bool) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        var start: Int?
        for i in 0..<count {
            if exists(i) {
                if start == nil { start = i }
            } else if let s = start {
                if i - s >= minimumLength { result.append(s...(i - 1)) }
                start = nil
            }
        }
        if let s = start, count - s >= minimumLength { result.append(s...(count - 1)) }
        return result
    }

    /// A one-sided limit: for each run, the polygon from the lower edge up to `top` (a value at or
    /// above the top of the frame; clipping cuts it there).
    public static func excluded(x: [Double], lower: [Double?], top: Double) -> [PlotPolygon] {
        island(x: x, lower: lower, upper: [Double?](repeating: nil, count: x.count), top: top)
    }

    /// An island: for each run where the lower edge exists, the lower edge left to right, then the
    /// upper edge right to left (`nil` upper values stand for `top`). Where the edges meet at a run's
    /// end the repeated vertex is dropped, so the polygon closes at the meeting point.
    public static func island(x: [Double], lower: [Double?], upper: [Double?], top: Double) -> [PlotPolygon] {
        let n = Swift.min(x.count, lower.count, upper.count)
        return runs(count: n) { lower[$0] != nil }.map { run in
            var ring: [PlotPoint] = run.map { PlotPoint(x: x[$0], y: lower[$0]!) }
            for i in run.reversed() { ring.append(PlotPoint(x: x[i], y: upper[i] ?? top)) }
            return PlotPolygon(ring)
        }.filter { !$0.isDegenerate }
    }

    /// A band: like an island, but both edges are needed at every point of a run.
    public static func band(x: [Double], lower: [Double?], upper: [Double?]) -> [PlotPolygon] {
        let n = Swift.min(x.count, lower.count, upper.count)
        return runs(count: n) { lower[$0] != nil && upper[$0] != nil }.map { run in
            var ring: [PlotPoint] = run.map { PlotPoint(x: x[$0], y: lower[$0]!) }
            for i in run.reversed() { ring.append(PlotPoint(x: x[i], y: upper[i]!)) }
            return PlotPolygon(ring)
        }.filter { !$0.isDegenerate }
    }

    /// A curve split at its `nil` values into polylines of at least two points.
    public static func polylines(x: [Double], y: [Double?]) -> [[PlotPoint]] {
        let n = Swift.min(x.count, y.count)
        return runs(count: n) { y[$0] != nil }.map { run in run.map { PlotPoint(x: x[$0], y: y[$0]!) } }
    }

    /// The plot-space polygons of a filled layer (excluded, island, band, polygon), clipped to `frame`
    /// (the axes' plot ranges); projections give none (see ``plotPolylines(of:xAxis:yAxis:)``).
    ///
    /// - Throws: ``Problem`` naming the layer and the index when the data are inconsistent: arrays of
    ///   different lengths, x not finite or decreasing, a value not finite, a value <= 0 on a
    ///   logarithmic axis, or a lower edge above the upper edge.
    public static func plotPolygons(of layer: PlotLayer, xAxis: PlotAxis, yAxis: PlotAxis) throws(Problem) -> [PlotPolygon] {
        let frame = PlotRect(minX: xAxis.plotRange.lowerBound, minY: yAxis.plotRange.lowerBound,
                             maxX: xAxis.plotRange.upperBound, maxY: yAxis.plotRange.upperBound)
        let top = frame.maxY + frame.height
        var raw: [PlotPolygon] = []
        switch layer.kind {
        case .excluded(let x, let lower):
            let data = try validated(layer, x: x, series: [("lower", lower)], xAxis: xAxis, yAxis: yAxis)
            raw = excluded(x: data.x, lower: data.series[0], top: Swift.max(top, (data.series[0].compactMap { $0 }.max() ?? top) + 1))
        case .island(let x, let lower, let upper):
            let data = try validated(layer, x: x, series: [("lower", lower), ("upper", upper)], xAxis: xAxis, yAxis: yAxis)
            try ordered(layer, lower, upper)
            let highest = (data.series[0].compactMap { $0 } + data.series[1].compactMap { $0 }).max() ?? top
            raw = island(x: data.x, lower: data.series[0], upper: data.series[1], top: Swift.max(top, highest + 1))
        case .band(let x, let lower, let upper):
            let data = try validated(layer, x: x, series: [("lower", lower), ("upper", upper)], xAxis: xAxis, yAxis: yAxis)
            try ordered(layer, lower, upper)
            raw = band(x: data.x, lower: data.series[0], upper: data.series[1])
        case .polygon(let rings):
            for (r, ring) in rings.enumerated() {
                var points: [PlotPoint] = []
                for (i, p) in ring.enumerated() {
                    let field = "layer \(layer.name) polygon \(r) point \(i)"
                    try checked(p.x, axis: xAxis, field: field + " x")
                    try checked(p.y, axis: yAxis, field: field + " y")
                    points.append(PlotPoint(x: xAxis.plotCoordinate(p.x), y: yAxis.plotCoordinate(p.y)))
                }
                let polygon = PlotPolygon(points)
                if !polygon.isDegenerate { raw.append(polygon) }
            }
        case .projection:
            return []
        }
        return raw.flatMap { Clipping.clip($0, to: frame) }
    }

    /// The plot-space polylines of a projection, clipped to the frame (empty for other kinds). A
    /// projection is a curve, not a function: its x values may go back (a vertical wall traced by hand).
    public static func plotPolylines(of layer: PlotLayer, xAxis: PlotAxis, yAxis: PlotAxis) throws(Problem) -> [[PlotPoint]] {
        guard case .projection(let x, let y) = layer.kind else { return [] }
        let frame = PlotRect(minX: xAxis.plotRange.lowerBound, minY: yAxis.plotRange.lowerBound,
                             maxX: xAxis.plotRange.upperBound, maxY: yAxis.plotRange.upperBound)
        let data = try validated(layer, x: x, series: [("y", y)], xAxis: xAxis, yAxis: yAxis, ordered: false)
        return polylines(x: data.x, y: data.series[0]).flatMap { Clipping.clip(polyline: $0, to: frame) }
    }

    /// Checks one value for an axis and throws a problem naming `field`.
    static func checked(_ value: Double, axis: PlotAxis, field: String) throws(Problem) {
        guard value.isFinite else { throw Problem.invalid(.field(field), value, "must be a finite number") }
        if axis.scale == .logarithmic, value <= 0 {
            throw Problem.invalid(.field(field), value, "must be > 0 on a logarithmic axis (use nil where there is no limit)")
        }
    }

    /// The data in plot space after checking them.
    static func validated(_ layer: PlotLayer, x: [Double], series: [(String, [Double?])], xAxis: PlotAxis,
                          yAxis: PlotAxis, ordered: Bool = true) throws(Problem) -> (x: [Double], series: [[Double?]]) {
        for (name, values) in series where values.count != x.count {
            throw Problem.invalid(.field("layer \(layer.name) \(name)"), text: "\(values.count) values",
                                  "needs one value per x (\(x.count) x values)", kind: .conflict)
        }
        var u: [Double] = []
        u.reserveCapacity(x.count)
        for (i, value) in x.enumerated() {
            try checked(value, axis: xAxis, field: "layer \(layer.name) x[\(i)]")
            if ordered, i > 0, value < x[i - 1] {
                throw Problem.invalid(.field("layer \(layer.name) x[\(i)]"), value,
                                      "x values must not decrease; x[\(i - 1)] = \(Problem.format(x[i - 1]))")
            }
            u.append(xAxis.plotCoordinate(value))
        }
        var transformed: [[Double?]] = []
        for (name, values) in series {
            var column: [Double?] = []
            column.reserveCapacity(values.count)
            for (i, value) in values.enumerated() {
                guard let value else { column.append(nil); continue }
                try checked(value, axis: yAxis, field: "layer \(layer.name) \(name)[\(i)]")
                column.append(yAxis.plotCoordinate(value))
            }
            transformed.append(column)
        }
        return (u, transformed)
    }

    /// Throws when a lower edge lies above its upper edge.
    static func ordered(_ layer: PlotLayer, _ lower: [Double?], _ upper: [Double?]) throws(Problem) {
        for i in lower.indices {
            if let l = lower[i], let u = upper[i], l > u {
                throw Problem.invalid(.field("layer \(layer.name) lower[\(i)]"), l,
                                      "the lower edge must not lie above the upper edge (upper[\(i)] = \(Problem.format(u)))")
            }
        }
    }
}
