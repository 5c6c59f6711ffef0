import Foundation

/// The rectangle a label occupies: centred on `center`, `width` along the reading direction and
/// `height` across it, turned by `angle` (radians; in SVG pixels, where y points down, a positive
/// angle turns clockwise on screen, the same sense as SVG's `rotate()`).
///
/// ```swift
/// let a = LabelBox(center: PlotPoint(x: 0, y: 0), width: 10, height: 4)
/// let b = LabelBox(center: PlotPoint(x: 6, y: 0), width: 10, height: 4, angle: .pi / 2)
/// print(a.intersects(b), a.contains(PlotPoint(x: 4.9, y: 1.9)))   // true true
/// ```
public struct LabelBox: Sendable, Hashable, Codable {
    /// The centre.
    public var center: PlotPoint
    /// The extent along the text.
    public var width: Double
    /// The extent across the text.
    public var height: Double
    /// The turn, radians.
    public var angle: Double

    /// Creates a box.
    public init(center: PlotPoint, width: Double, height: Double, angle: Double = 0) {
        self.center = center
        self.width = width
        self.height = height
        self.angle = angle
    }

    /// The unit vector along the text.
    public var along: PlotPoint { PlotPoint(x: cos(angle), y: sin(angle)) }
    /// The unit vector across the text.
    public var across: PlotPoint { PlotPoint(x: -sin(angle), y: cos(angle)) }

    /// The four corners in order around the box.
    public var corners: [PlotPoint] {
        let u = along * (width / 2), v = across * (height / 2)
        return [center - u - v, center + u - v, center + u + v, center - u + v]
    }

    /// The box grown by `margin` on every side.
    public func expanded(by margin: Double) -> LabelBox {
        LabelBox(center: center, width: width + 2 * margin, height: height + 2 * margin, angle: angle)
    }

    /// The box scaled about its centre.
    public func scaled(_ factor: Double) -> LabelBox {
        LabelBox(center: center, width: width * factor, height: height * factor, angle: angle)
    }

    /// The axis-aligned bounding rectangle.
    public var bounds: PlotRect { PlotRect(bounding: corners)! }

    /// Whether `point` lies inside or on the edge.
    public func contains(_ point: PlotPoint) -> Bool {
        let d = point - center
        let a = d.x * along.x + d.y * along.y, b = d.x * across.x + d.y * across.y
        return abs(a) <= width / 2 + 1e-9 && abs(b) <= height / 2 + 1e-9
    }

    /// Whether the two boxes share interior points (separating-axis test on the four edge normals).
    public func intersects(_ other: LabelBox) -> Bool {
        let mine = corners, theirs = other.corners
        for axis in [along, across, other.along, other.across] {
            let p = mine.map { $0.x * axis.x + $0.y * axis.y }, q = theirs.map { $0.x * axis.x + $0.y * axis.y }
            if p.max()! <= q.min()! || q.max()! <= p.min()! { return false }
        }
        return true
    }

    /// The edges as (start, end) pairs.
    public var edges: [(PlotPoint, PlotPoint)] {
        let c = corners
        return [(c[0], c[1]), (c[1], c[2]), (c[2], c[3]), (c[3], c[0])]
    }

    /// The point of the box's boundary nearest to `point` outside it (the end of a leader line).
    public func nearestBoundaryPoint(to point: PlotPoint) -> PlotPoint {
        var best = center
        var bestDistance = Double.infinity
        for (a, b) in edges {
            let dx = b.x - a.x, dy = b.y - a.y
            let t = Swift.max(0, Swift.min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / (dx * dx + dy * dy)))
            let q = PlotPoint(x: a.x + t * dx, y: a.y + t * dy)
            let d = q.distance(to: point)
            if d < bestDistance { bestDistance = d; best = q }
        }
        return best
    }
}
