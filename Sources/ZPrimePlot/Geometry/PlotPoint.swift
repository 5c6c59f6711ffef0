/// A point of the plane: in data coordinates (mass, coupling), in plot space (the axes' transformed
/// coordinates, log10 for logarithmic axes) or in SVG pixels, depending on where it is used.
///
/// ```swift
/// let corner = PlotPoint(x: 1e-3, y: 1e-8)
/// print(corner.x, corner.y)   // 0.001 1e-08
/// ```
public struct PlotPoint: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The horizontal coordinate.
    public var x: Double
    /// The vertical coordinate.
    public var y: Double

    /// Creates a point.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public var description: String { "(\(x), \(y))" }

    static func + (a: PlotPoint, b: PlotPoint) -> PlotPoint { PlotPoint(x: a.x + b.x, y: a.y + b.y) }
    static func - (a: PlotPoint, b: PlotPoint) -> PlotPoint { PlotPoint(x: a.x - b.x, y: a.y - b.y) }
    static func * (a: PlotPoint, s: Double) -> PlotPoint { PlotPoint(x: a.x * s, y: a.y * s) }

    /// The Euclidean distance to `other`.
    public func distance(to other: PlotPoint) -> Double {
        let dx = x - other.x, dy = y - other.y
        return (dx * dx + dy * dy).squareRoot()
    }
}

/// An axis-aligned rectangle, `minX ... maxX` by `minY ... maxY` (no orientation: in SVG pixels
/// `minY` is the top edge).
///
/// ```swift
/// let frame = PlotRect(minX: 0, minY: 0, maxX: 4, maxY: 2)
/// print(frame.width, frame.height, frame.contains(PlotPoint(x: 1, y: 1)))   // 4.0 2.0 true
/// ```
public struct PlotRect: Sendable, Hashable, Codable {
    /// The smallest x.
    public var minX: Double
    /// The smallest y.
    public var minY: Double
    /// The largest x.
    public var maxX: Double
    /// The largest y.
    public var maxY: Double

    /// Creates a rectangle from its extreme coordinates (swapped when given in the wrong order).
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = Swift.min(minX, maxX)
        self.maxX = Swift.max(minX, maxX)
        self.minY = Swift.min(minY, maxY)
        self.maxY = Swift.max(minY, maxY)
    }

    /// The rectangle of the given size centred on `center`.
    public init(center: PlotPoint, width: Double, height: Double) {
        self.init(minX: center.x - width / 2, minY: center.y - height / 2, maxX: center.x + width / 2, maxY: center.y + height / 2)
    }

    /// The smallest rectangle holding every point (nil for none).
    public init?(bounding points: [PlotPoint]) {
        guard let first = points.first else { return nil }
        var box = PlotRect(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        for point in points.dropFirst() {
            box.minX = Swift.min(box.minX, point.x)
            box.maxX = Swift.max(box.maxX, point.x)
            box.minY = Swift.min(box.minY, point.y)
            box.maxY = Swift.max(box.maxY, point.y)
        }
        self = box
    }

    /// maxX - minX.
    public var width: Double { maxX - minX }
    /// maxY - minY.
    public var height: Double { maxY - minY }
    /// The centre point.
    public var center: PlotPoint { PlotPoint(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }
    /// width x height.
    public var area: Double { width * height }

    /// Whether `point` is inside or on the edge.
    public func contains(_ point: PlotPoint) -> Bool {
        point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY
    }

    /// Whether `other` lies entirely inside (edges may touch).
    public func contains(_ other: PlotRect) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }

    /// Whether the two rectangles share interior points.
    public func intersects(_ other: PlotRect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// The rectangle grown by `margin` on every side (shrunk for a negative margin).
    public func insetBy(_ margin: Double) -> PlotRect {
        PlotRect(minX: minX + margin, minY: minY + margin, maxX: maxX - margin, maxY: maxY - margin)
    }

    /// The rectangle grown by `margin` on every side.
    public func expanded(by margin: Double) -> PlotRect { insetBy(-margin) }

    /// The distance from `point` to the rectangle (0 inside).
    public func distance(to point: PlotPoint) -> Double {
        let dx = Swift.max(minX - point.x, 0, point.x - maxX)
        let dy = Swift.max(minY - point.y, 0, point.y - maxY)
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The four corners, counter-clockwise in a y-up frame starting at (minX, minY).
    public var corners: [PlotPoint] {
        [PlotPoint(x: minX, y: minY), PlotPoint(x: maxX, y: minY), PlotPoint(x: maxX, y: maxY), PlotPoint(x: minX, y: maxY)]
    }
}
