/// Clipping of polygons and polylines to a rectangle (the plot frame, in plot space: log10 of the
/// values on logarithmic axes, so that edges stay straight where the plot draws them straight).
///
/// Polygons are clipped against the four edge lines in turn, the Sutherland-Hodgman scheme, with one
/// difference that matters for exclusion regions: plain Sutherland-Hodgman returns one ring even when
/// the clipped region falls apart into several pieces (a limit that rises above the top of the frame in
/// a vetoed window leaves two pieces joined by a zero-width bridge along the frame edge, which a
/// boundary stroke would draw and label placement would treat as part of the region). Here each
/// half-plane step returns the separate pieces: the parts of the boundary inside the half-plane are
/// collected as chains from an entry crossing to an exit crossing, the crossings are sorted along the
/// clip line, and consecutive crossings (1-2, 3-4, ...) bound the stretches of the line inside the
/// polygon, so each chain's exit is joined to the entry paired with it (valid for simple polygons;
/// for a self-intersecting input whose crossings do not pair up, the plain Sutherland-Hodgman ring is
/// returned). Vertices on a clip line count as inside.
///
/// ```swift
/// let frame = PlotRect(minX: 0, minY: 0, maxX: 10, maxY: 10)
/// let square = PlotPolygon([PlotPoint(x: 5, y: 5), PlotPoint(x: 15, y: 5), PlotPoint(x: 15, y: 15), PlotPoint(x: 5, y: 15)])
/// let pieces = Clipping.clip(square, to: frame)
/// print(pieces.count, pieces[0].area)   // 1 25.0
/// ```
public enum Clipping {
    /// One side of an axis-parallel line: the points with `coordinate >= bound` (`keepsAbove`) or
    /// `<= bound`.
    struct HalfPlane {
        enum Axis { case x, y }
        let axis: Axis
        let bound: Double
        let keepsAbove: Bool

        /// Positive inside, zero on the line, negative outside.
        func signedDistance(_ p: PlotPoint) -> Double {
            let value = axis == .x ? p.x : p.y
            return keepsAbove ? value - bound : bound - value
        }

        /// The position along the line (the other coordinate).
        func position(_ p: PlotPoint) -> Double { axis == .x ? p.y : p.x }

        /// The crossing of the segment a-b (inside/outside on either side) with the line, exactly on it.
        func crossing(_ a: PlotPoint, _ da: Double, _ b: PlotPoint, _ db: Double) -> PlotPoint {
            if da == 0 { return snapped(a) }
            if db == 0 { return snapped(b) }
            let t = da / (da - db)
            return snapped(PlotPoint(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)))
        }

        func snapped(_ p: PlotPoint) -> PlotPoint { axis == .x ? PlotPoint(x: bound, y: p.y) : PlotPoint(x: p.x, y: bound) }

        static func edges(of rect: PlotRect) -> [HalfPlane] {
            [HalfPlane(axis: .x, bound: rect.minX, keepsAbove: true), HalfPlane(axis: .x, bound: rect.maxX, keepsAbove: false),
             HalfPlane(axis: .y, bound: rect.minY, keepsAbove: true), HalfPlane(axis: .y, bound: rect.maxY, keepsAbove: false)]
        }
    }

    /// The parts of `polygon` inside `rect`, as separate polygons; degenerate pieces (zero area) are
    /// dropped.
    public static func clip(_ polygon: PlotPolygon, to rect: PlotRect) -> [PlotPolygon] {
        guard polygon.vertices.count >= 3 else { return [] }
        if let box = polygon.boundingBox, rect.contains(box) { return polygon.isDegenerate ? [] : [polygon] }
        var rings = [polygon.vertices]
        for plane in HalfPlane.edges(of: rect) {
            rings = rings.flatMap { clip($0, plane) }
            if rings.isEmpty { return [] }
        }
        return rings.map(PlotPolygon.init).filter { !$0.isDegenerate }
    }

    /// The classic Sutherland-Hodgman result: one ring, with zero-width bridges along the frame where
    /// the clipped region falls apart (kept for comparison and tests; the plot uses ``clip(_:to:)``).
    public static func sutherlandHodgman(_ polygon: PlotPolygon, to rect: PlotRect) -> PlotPolygon {
        var ring = polygon.vertices
        for plane in HalfPlane.edges(of: rect) {
            guard !ring.isEmpty else { break }
            ring = singleRing(ring, plane)
        }
        return PlotPolygon(ring)
    }

    static func singleRing(_ ring: [PlotPoint], _ plane: HalfPlane) -> [PlotPoint] {
        var output: [PlotPoint] = []
        var previous = ring[ring.count - 1]
        var dPrevious = plane.signedDistance(previous)
        for vertex in ring {
            let d = plane.signedDistance(vertex)
            if d >= 0 {
                if dPrevious < 0 { output.append(plane.crossing(previous, dPrevious, vertex, d)) }
                output.append(vertex)
            } else if dPrevious >= 0 {
                output.append(plane.crossing(previous, dPrevious, vertex, d))
            }
            previous = vertex
            dPrevious = d
        }
        return output
    }

    /// A chain of boundary inside the half-plane, from an entry crossing to an exit crossing.
    struct Chain {
        var points: [PlotPoint]
        var entry: Double
        var exit: Double
    }

    /// The pieces of one ring inside one half-plane.
    static func clip(_ ring: [PlotPoint], _ plane: HalfPlane) -> [[PlotPoint]] {
        let distances = ring.map(plane.signedDistance)
        guard let start = distances.firstIndex(where: { $0 < 0 }) else { return [ring] }
        guard distances.contains(where: { $0 >= 0 }) else { return [] }
        // Walk from an outside vertex so that no chain wraps around the end of the array.
        let n = ring.count
        var chains: [Chain] = []
        var current: [PlotPoint] = []
        var entry = 0.0
        for step in 0..<n {
            let i = (start + step) % n, j = (i + 1) % n
            let a = ring[i], b = ring[j], da = distances[i], db = distances[j]
            if da < 0 && db >= 0 {
                let point = plane.crossing(a, da, b, db)
                current = [point]
                entry = plane.position(point)
                if b != point { current.append(b) }
            } else if da >= 0 && db >= 0 {
                current.append(b)
            } else if da >= 0 && db < 0 {
                let point = plane.crossing(a, da, b, db)
                if current.last != point { current.append(point) }
                chains.append(Chain(points: current, entry: entry, exit: plane.position(point)))
                current = []
            }
        }
        // Chains that lie on the line (zero area) carry no region; their crossings are consecutive
        // along the line, so dropping them keeps the pairing of the others.
        chains.removeAll { chain in chain.points.allSatisfy { plane.signedDistance($0) == 0 } }
        guard !chains.isEmpty else { return [] }
        // Crossings sorted along the line; pairs (0,1), (2,3), ... bound the stretches inside.
        var crossings: [(position: Double, chain: Int, isEntry: Bool)] = []
        for (k, chain) in chains.enumerated() {
            crossings.append((chain.entry, k, true))
            crossings.append((chain.exit, k, false))
        }
        crossings.sort { lhs, rhs in
            if lhs.position != rhs.position { return lhs.position < rhs.position }
            if lhs.chain != rhs.chain { return lhs.chain < rhs.chain }
            return lhs.isEntry && !rhs.isEntry
        }
        var nextChain = [Int](repeating: -1, count: chains.count)
        var index = 0
        while index + 1 < crossings.count {
            let first = crossings[index], second = crossings[index + 1]
            guard first.isEntry != second.isEntry else { return [singleRing(ring, plane)] }
            let exit = first.isEntry ? second : first
            let entering = first.isEntry ? first : second
            nextChain[exit.chain] = entering.chain
            index += 2
        }
        guard !nextChain.contains(-1) else { return [singleRing(ring, plane)] }
        var visited = [Bool](repeating: false, count: chains.count)
        var pieces: [[PlotPoint]] = []
        for k in chains.indices where !visited[k] {
            var piece: [PlotPoint] = []
            var c = k
            while !visited[c] {
                visited[c] = true
                piece.append(contentsOf: chains[c].points)
                c = nextChain[c]
            }
            guard c == k else { return [singleRing(ring, plane)] }
            pieces.append(piece)
        }
        return pieces
    }

    /// The parts of a polyline inside `rect` (Liang-Barsky on each segment); the line is split where it
    /// leaves the rectangle, so no segment is drawn outside.
    public static func clip(polyline: [PlotPoint], to rect: PlotRect) -> [[PlotPoint]] {
        var pieces: [[PlotPoint]] = []
        var current: [PlotPoint] = []
        if polyline.count == 1, rect.contains(polyline[0]) { return [polyline] }
        for i in 0..<Swift.max(0, polyline.count - 1) {
            guard let (a, b) = clipSegment(polyline[i], polyline[i + 1], rect) else {
                if current.count > 1 { pieces.append(current) }
                current = []
                continue
            }
            if current.last != a {
                if current.count > 1 { pieces.append(current) }
                current = [a]
            }
            if b != a || current.count == 1 { current.append(b) }
            // A segment cut at its far end leaves the rectangle: close this piece.
            if b != polyline[i + 1] {
                if current.count > 1 { pieces.append(current) }
                current = []
            }
        }
        if current.count > 1 { pieces.append(current) }
        return pieces
    }

    /// Liang-Barsky: the part of the segment a-b inside `rect`, or nil.
    static func clipSegment(_ a: PlotPoint, _ b: PlotPoint, _ rect: PlotRect) -> (PlotPoint, PlotPoint)? {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        let checks: [(Double, Double)] = [(-dx, a.x - rect.minX), (dx, rect.maxX - a.x), (-dy, a.y - rect.minY), (dy, rect.maxY - a.y)]
        for (p, q) in checks {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 {
                    if r > t1 { return nil }
                    if r > t0 { t0 = r }
                } else {
                    if r < t0 { return nil }
                    if r < t1 { t1 = r }
                }
            }
        }
        let start = t0 == 0 ? a : PlotPoint(x: a.x + t0 * dx, y: a.y + t0 * dy)
        let end = t1 == 1 ? b : PlotPoint(x: a.x + t1 * dx, y: a.y + t1 * dy)
        return (start, end)
    }
}
