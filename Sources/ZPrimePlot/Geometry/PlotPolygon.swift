import Foundation

/// A closed polygon: one ring of vertices, the last joined back to the first (the first vertex is not
/// repeated at the end). Regions of a plot are lists of such polygons.
///
/// The functions are the pure geometry the plot needs: area, containment (even-odd rule), the distance
/// of a point to the boundary (label placement), the bounding box, a vertex-reducing simplification
/// and the orientation of the principal axis (rotated labels).
///
/// ```swift
/// let square = PlotPolygon([PlotPoint(x: 0, y: 0), PlotPoint(x: 2, y: 0), PlotPoint(x: 2, y: 2), PlotPoint(x: 0, y: 2)])
/// print(square.area)                                           // 4.0
/// print(square.contains(PlotPoint(x: 1, y: 1)))                // true
/// print(square.distanceToBoundary(from: PlotPoint(x: 1, y: 0.5)))  // 0.5
/// ```
public struct PlotPolygon: Sendable, Hashable, Codable {
    /// The vertices in order.
    public var vertices: [PlotPoint]

    /// Creates a polygon; consecutive repeated vertices (and a last vertex equal to the first) are
    /// dropped.
    public init(_ vertices: [PlotPoint]) {
        var ring: [PlotPoint] = []
        ring.reserveCapacity(vertices.count)
        for vertex in vertices where ring.last != vertex { ring.append(vertex) }
        if ring.count > 1, ring.first == ring.last { ring.removeLast() }
        self.vertices = ring
    }

    /// Twice the signed area divided by two: positive for counter-clockwise vertices in a y-up frame
    /// (the shoelace formula).
    public var signedArea: Double {
        guard vertices.count >= 3 else { return 0 }
        var sum = 0.0
        var previous = vertices[vertices.count - 1]
        for vertex in vertices {
            sum += previous.x * vertex.y - vertex.x * previous.y
            previous = vertex
        }
        return sum / 2
    }

    /// The enclosed area (absolute value of ``signedArea``).
    public var area: Double { abs(signedArea) }

    /// Whether the polygon has fewer than three vertices or all of them on one line (no area to fill).
    /// A self-intersecting ring whose signed area cancels (a bow tie) is not degenerate.
    public var isDegenerate: Bool {
        guard vertices.count >= 3 else { return true }
        let origin = vertices[0]
        for i in 1..<(vertices.count - 1) {
            let a = vertices[i] - origin, b = vertices[i + 1] - origin
            if a.x * b.y - a.y * b.x != 0 { return false }
        }
        return true
    }

    /// The smallest axis-aligned rectangle holding the polygon.
    public var boundingBox: PlotRect? { PlotRect(bounding: vertices) }

    /// The edges as (start, end) pairs, the closing edge last.
    public var edges: [(PlotPoint, PlotPoint)] {
        guard vertices.count >= 2 else { return [] }
        return (0..<vertices.count).map { (vertices[$0], vertices[($0 + 1) % vertices.count]) }
    }

    /// Whether `point` is inside, by the even-odd rule with a ray towards +x (a point exactly on the
    /// boundary may fall on either side).
    public func contains(_ point: PlotPoint) -> Bool {
        Self.crossings(vertices, point) % 2 == 1
    }

    /// The number of edges of `ring` crossed by the ray from `point` towards +x (half-open rule on y:
    /// an edge counts when exactly one end is strictly above the point).
    static func crossings(_ ring: [PlotPoint], _ point: PlotPoint) -> Int {
        guard ring.count >= 3 else { return 0 }
        var count = 0
        var previous = ring[ring.count - 1]
        for vertex in ring {
            if (vertex.y > point.y) != (previous.y > point.y) {
                let x = vertex.x + (point.y - vertex.y) * (previous.x - vertex.x) / (previous.y - vertex.y)
                if point.x < x { count += 1 }
            }
            previous = vertex
        }
        return count
    }

    /// The shortest distance from `point` to an edge (whether the point is inside or not).
    public func distanceToBoundary(from point: PlotPoint) -> Double {
        guard !vertices.isEmpty else { return .infinity }
        if vertices.count == 1 { return point.distance(to: vertices[0]) }
        var best = Double.infinity
        var previous = vertices[vertices.count - 1]
        for vertex in vertices {
            best = Swift.min(best, Self.squaredDistance(point, previous, vertex))
            previous = vertex
        }
        return best.squareRoot()
    }

    /// The squared distance from `p` to the segment a-b.
    static func squaredDistance(_ p: PlotPoint, _ a: PlotPoint, _ b: PlotPoint) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let length2 = dx * dx + dy * dy
        var t = 0.0
        if length2 > 0 { t = Swift.max(0, Swift.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2)) }
        let qx = a.x + t * dx - p.x, qy = a.y + t * dy - p.y
        return qx * qx + qy * qy
    }

    /// Whether the segments p1-p2 and q1-q2 share a point (touching and collinear overlap included).
    static func segmentsIntersect(_ p1: PlotPoint, _ p2: PlotPoint, _ q1: PlotPoint, _ q2: PlotPoint) -> Bool {
        func orientation(_ a: PlotPoint, _ b: PlotPoint, _ c: PlotPoint) -> Double {
            (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
        }
        func onSegment(_ a: PlotPoint, _ b: PlotPoint, _ c: PlotPoint) -> Bool {
            Swift.min(a.x, b.x) <= c.x && c.x <= Swift.max(a.x, b.x) && Swift.min(a.y, b.y) <= c.y && c.y <= Swift.max(a.y, b.y)
        }
        let d1 = orientation(q1, q2, p1), d2 = orientation(q1, q2, p2)
        let d3 = orientation(p1, p2, q1), d4 = orientation(p1, p2, q2)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) { return true }
        if d1 == 0 && onSegment(q1, q2, p1) { return true }
        if d2 == 0 && onSegment(q1, q2, p2) { return true }
        if d3 == 0 && onSegment(p1, p2, q1) { return true }
        if d4 == 0 && onSegment(p1, p2, q2) { return true }
        return false
    }

    /// The polygon with every vertex passed through `transform`.
    public func mapped(_ transform: (PlotPoint) -> PlotPoint) -> PlotPolygon {
        PlotPolygon(vertices.map(transform))
    }

    /// A polygon with fewer vertices that stays within `tolerance` of this one (Douglas-Peucker on
    /// the closed ring, split at the vertex farthest from the first). A tolerance of 0 only removes
    /// exactly collinear vertices.
    public func simplified(tolerance: Double) -> PlotPolygon {
        guard vertices.count > 4 else { return self }
        // Split the ring at vertex 0 and the vertex farthest from it: two open chains.
        var far = 0
        var farthest = -1.0
        for (i, vertex) in vertices.enumerated() {
            let d = vertex.distance(to: vertices[0])
            if d > farthest { farthest = d; far = i }
        }
        guard far > 0 else { return self }
        let first = Array(vertices[0...far])
        let second = Array(vertices[far...]) + [vertices[0]]
        let a = Self.douglasPeucker(first, tolerance)
        let b = Self.douglasPeucker(second, tolerance)
        return PlotPolygon(Array(a.dropLast()) + Array(b.dropLast()))
    }

    /// Douglas-Peucker reduction of an open chain (the end points are kept), iterative.
    static func douglasPeucker(_ chain: [PlotPoint], _ tolerance: Double) -> [PlotPoint] {
        guard chain.count > 2 else { return chain }
        var keep = [Bool](repeating: false, count: chain.count)
        keep[0] = true
        keep[chain.count - 1] = true
        var stack = [(0, chain.count - 1)]
        let tolerance2 = tolerance * tolerance
        while let (start, end) = stack.popLast() {
            guard end > start + 1 else { continue }
            var index = -1
            var worst = -1.0
            for i in (start + 1)..<end {
                let d = squaredDistance(chain[i], chain[start], chain[end])
                if d > worst { worst = d; index = i }
            }
            if worst > tolerance2 || (tolerance == 0 && worst > 0) {
                keep[index] = true
                stack.append((start, index))
                stack.append((index, end))
            }
        }
        return chain.indices.filter { keep[$0] }.map { chain[$0] }
    }

    /// The direction of the principal axis of the polygon's area (the line about which its second
    /// moment is smallest), in radians in (-pi/2, pi/2], and the ratio of the larger to the smaller
    /// moment (1 for a disc or a square, the square of the aspect ratio for a rectangle; large for an
    /// elongated region).
    public var principalAxis: (angle: Double, elongation: Double) {
        // Area moments of a polygon by the shoelace decomposition into triangles with the origin,
        // about the centroid.
        let a = signedArea
        guard vertices.count >= 3, a != 0 else { return (0, 1) }
        var cx = 0.0, cy = 0.0
        var previous = vertices[vertices.count - 1]
        for v in vertices {
            let cross = previous.x * v.y - v.x * previous.y
            cx += (previous.x + v.x) * cross
            cy += (previous.y + v.y) * cross
            previous = v
        }
        cx /= 6 * a
        cy /= 6 * a
        var ixx = 0.0, iyy = 0.0, ixy = 0.0
        previous = vertices[vertices.count - 1]
        for v in vertices {
            let x0 = previous.x - cx, y0 = previous.y - cy, x1 = v.x - cx, y1 = v.y - cy
            let cross = x0 * y1 - x1 * y0
            ixx += (y0 * y0 + y0 * y1 + y1 * y1) * cross
            iyy += (x0 * x0 + x0 * x1 + x1 * x1) * cross
            ixy += (x0 * y1 + 2 * x0 * y0 + 2 * x1 * y1 + x1 * y0) * cross
            previous = v
        }
        // ixx = integral of y^2, iyy = integral of x^2, ixy = integral of x y (times 12 a, 12 a, 24 a).
        // The sums carry the sign of the orientation: make them positive for either.
        let orientation = a < 0 ? -1.0 : 1.0
        let syy = orientation * ixx / 12, sxx = orientation * iyy / 12, sxy = orientation * ixy / 24
        // Covariance [[sxx, sxy], [sxy, syy]]: the major eigenvector gives the axis.
        let angle = 0.5 * atan2(2 * sxy, sxx - syy)
        let mean = (sxx + syy) / 2
        let spread = (((sxx - syy) / 2) * ((sxx - syy) / 2) + sxy * sxy).squareRoot()
        let major = abs(mean + spread), minor = abs(mean - spread)
        let normalised = angle > Double.pi / 2 ? angle - Double.pi : (angle <= -Double.pi / 2 ? angle + Double.pi : angle)
        return (normalised, minor > 0 ? major / minor : .infinity)
    }
}
