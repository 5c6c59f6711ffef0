import Foundation

/// What a label needs placing: its size, the polygons of its region (SVG pixels), and the polygons
/// drawn on top of the region (the label must not sit where the region is hidden).
public struct LabelRequest: Sendable, Hashable {
    /// An identifier returned with the placement (the layer's index).
    public var id: Int
    /// The label's width, pixels.
    public var width: Double
    /// The label's height, pixels.
    public var height: Double
    /// The region, as disjoint polygons.
    public var region: [PlotPolygon]
    /// Opaque regions drawn above this one.
    public var covering: [PlotPolygon]
    /// Regions the label should avoid if it can (a band's label prefers the part of the band outside
    /// the excluded regions); tried first, then ignored.
    public var preferredAvoiding: [PlotPolygon]
    /// The smallest scale the label may shrink to before it goes outside (1 for never).
    public var minimumScale: Double

    /// Creates a request.
    public init(id: Int, width: Double, height: Double, region: [PlotPolygon], covering: [PlotPolygon] = [],
                preferredAvoiding: [PlotPolygon] = [], minimumScale: Double = 0.8) {
        self.id = id
        self.width = width
        self.height = height
        self.region = region
        self.covering = covering
        self.preferredAvoiding = preferredAvoiding
        self.minimumScale = minimumScale
    }

    /// The request for the label scaled by `factor`.
    func scaled(_ factor: Double) -> LabelRequest {
        var copy = self
        copy.width *= factor
        copy.height *= factor
        return copy
    }
}

/// Where a label went.
public struct PlacedLabel: Sendable, Hashable {
    /// The request's identifier.
    public var id: Int
    /// The label's box (its text is centred in it).
    public var box: LabelBox
    /// A point inside the region: the label's centre for an inside label, the start of the leader line
    /// for an outside one.
    public var anchor: PlotPoint
    /// Whether the label lies inside its region.
    public var isInside: Bool
    /// For an outside label, the end of the leader line on the box's edge.
    public var leaderEnd: PlotPoint?
    /// The scale of the label's text (1, or less for a label shrunk to fit its region).
    public var scale: Double = 1
}

/// Greedy placement of region labels inside their regions, without overlaps.
///
/// For each region (SVG pixels):
/// 1. The visible part of the region is the region minus the opaque regions drawn on top of it. Its
///    clearance at a point is the distance to the nearest boundary of that visible part (the distance
///    to the region's own boundary, and to every covering region), evaluated on a grid over the
///    region's bounding box (step between 2 and 10 px, about 1500 samples).
/// 2. Candidate anchors are the grid points of largest clearance, thinned so that no two are closer
///    than 0.6 times the larger clearance (so the candidates spread along an elongated region instead of
///    clustering at one pole of inaccessibility); at most 40.
/// 3. At each candidate the label box is tried horizontally and, when the region's boundary near the
///    candidate runs at an angle of more than 2 degrees (the principal axis of the nearby boundary
///    points), turned along it (at most 75 degrees, or upright reading upwards where the boundary is within
///    10 degrees of vertical). A box fits when it lies entirely in the visible
///    region (corners inside, no boundary edge crossing it). Its score is the largest scale by which
///    the box could grow and still fit (found by bisection); a turned box counts 0.65 of its score, so
///    it wins only where it fits clearly better. Scores within a step of 0.05 tie, and a tie goes to the
///    box nearest the middle of the candidates (a label centred along a band of even thickness).
/// 4. Labels are placed in the order given (the caller puts the regions with the least room first);
///    each takes its best-scoring fitting box that keeps a 2 px margin from every label already placed
///    and from the obstacles (the legend). A band's label first tries to avoid the excluded regions.
///    A label that fits nowhere at full size is tried again at ``LabelRequest/minimumScale`` (0.8 by
///    default) before it goes outside. Boxes at least 4 px clear of the dashed projection lines are preferred.
/// 5. A label that fits nowhere (a sliver) goes outside: next to the region's point of largest
///    clearance, in the first of 16 directions and 6 distances (nearest first) where the box lies in the
///    frame, collides with nothing placed, and covers as little of the other regions as possible, with a
///    leader line from the region to the box. A region hidden entirely by the regions drawn over it (a
///    weaker bound beneath stronger ones: nothing 1 px thick visible on a 1 px grid) gets no label.
///
/// The result is deterministic: ties are broken by position, never by hashing.
///
/// ```swift
/// let frame = PlotRect(minX: 0, minY: 0, maxX: 200, maxY: 100)
/// let region = PlotPolygon([PlotPoint(x: 10, y: 10), PlotPoint(x: 190, y: 10), PlotPoint(x: 190, y: 90), PlotPoint(x: 10, y: 90)])
/// var placer = LabelPlacer(frame: frame)
/// let label = placer.place(LabelRequest(id: 0, width: 40, height: 12, region: [region]))!
/// print(label.isInside, region.contains(label.anchor))   // true true
/// ```
public struct LabelPlacer: Sendable {
    /// The frame labels must stay inside.
    public let frame: PlotRect
    /// The boxes already taken (placed labels and obstacles).
    public private(set) var taken: [LabelBox]
    /// The margin kept between labels, pixels.
    public var margin: Double = 2
    /// Every region (used to keep outside labels off other regions).
    public var allRegions: [PlotPolygon]
    /// Lines labels should not cross if they can help it (dashed projections): inside labels are
    /// first placed clear of them, then anywhere.
    public var linesToAvoid: [[PlotPoint]] = []

    /// A placer for labels inside `frame`, avoiding `obstacles`.
    public init(frame: PlotRect, obstacles: [LabelBox] = [], allRegions: [PlotPolygon] = []) {
        self.frame = frame
        self.taken = obstacles
        self.allRegions = allRegions
    }

    /// Places one label inside its region if it fits there (see the type's discussion); nil when it
    /// does not fit (call ``placeOutside(_:)`` then).
    public mutating func placeInside(_ request: LabelRequest) -> PlacedLabel? {
        let region = request.region.map { $0.simplified(tolerance: 0.4) }.filter { !$0.isDegenerate }
        guard !region.isEmpty else { return nil }
        let covering = request.covering.map { $0.simplified(tolerance: 0.4) }.filter { !$0.isDegenerate }
        var attempts: [[PlotPolygon]] = []
        if !request.preferredAvoiding.isEmpty {
            attempts.append(covering + request.preferredAvoiding.map { $0.simplified(tolerance: 0.4) }.filter { !$0.isDegenerate })
        }
        attempts.append(covering)
        let scales = request.minimumScale < 1 ? [1, Swift.max(0.3, request.minimumScale)] : [1.0]
        for scale in scales {
            for hidden in attempts {
                let field = VisibleRegion(region: region, hidden: hidden)
                let ranked = rankedBoxes(field, request.scaled(scale))
                let clear = ranked.filter { !crossesLines($0) }
                for choice in clear + ranked where !collides(choice) {
                    taken.append(choice)
                    return PlacedLabel(id: request.id, box: choice, anchor: choice.center, isInside: true, leaderEnd: nil, scale: scale)
                }
            }
        }
        return nil
    }

    /// Places a label outside its region with a leader line (for slivers); nil when the region is
    /// empty or no position in the frame is free.
    public mutating func placeOutside(_ request: LabelRequest) -> PlacedLabel? {
        let region = request.region.map { $0.simplified(tolerance: 0.4) }.filter { !$0.isDegenerate }
        guard !region.isEmpty else { return nil }
        let visible = VisibleRegion(region: region, hidden: request.covering.map { $0.simplified(tolerance: 0.4) }.filter { !$0.isDegenerate })
        // A leader must point at a visible part of the region: a region hidden entirely by the regions
        // drawn over it gets no label (see ``visibleAnchor(_:)``).
        guard let anchor = visible.pole() else { return nil }
        let others = allRegions.filter { polygon in !polygon.isDegenerate && !request.region.contains(polygon) }
        var best: (box: LabelBox, cost: Double)?
        let distances = [4.0, 10, 18, 30, 45, 65]
        for (k, distance) in distances.enumerated() {
            for step in 0..<16 {
                // Directions from straight up, alternating sides, so up-right and up-left come first.
                let order = [0, 2, 14, 4, 12, 1, 15, 3, 13, 6, 10, 5, 11, 8, 7, 9][step]
                let theta = -Double.pi / 2 + Double(order) * Double.pi / 8
                let direction = PlotPoint(x: cos(theta), y: sin(theta))
                let support = request.width / 2 * abs(direction.x) + request.height / 2 * abs(direction.y)
                let center = anchor + direction * (distance + support)
                let box = LabelBox(center: center, width: request.width, height: request.height)
                guard frame.insetBy(1).contains(box.bounds), !collides(box) else { continue }
                // Cost: the fraction of the box (grown by 2 px) over other regions or its own, 40 more when a
                // region's boundary crosses it, plus the distance.
                let grown = box.expanded(by: 2)
                let samples = Self.samplePoints(of: grown)
                let nearby = (others + region).filter { $0.boundingBox?.intersects(grown.bounds) ?? false }
                let covered = samples.filter { p in nearby.contains { $0.contains(p) } }.count
                let crossing = nearby.contains { VisibleRegion.crosses($0, grown, grown.bounds) }
                let cost = Double(covered) / Double(samples.count) * 100 + (crossing ? 40 : 0) + Double(k) * 3 + Double(step) * 0.01
                if best == nil || cost < best!.cost { best = (box, cost) }
            }
            if let best, best.cost < Double(k + 1) * 3 { break }
        }
        guard let chosen = best?.box else { return nil }
        taken.append(chosen)
        return PlacedLabel(id: request.id, box: chosen, anchor: anchor, isInside: false, leaderEnd: chosen.nearestBoundaryPoint(to: anchor))
    }

    /// A point of the region not hidden by the regions drawn over it (the visible point of largest
    /// clearance, found on the coarse grid of the placement, then on a grid of about 1 px for slivers),
    /// or nil when the region is hidden entirely at the plot's resolution: such a region gets no label.
    public func visibleAnchor(_ request: LabelRequest) -> PlotPoint? {
        let region = request.region.map { $0.simplified(tolerance: 0.4) }.filter { !$0.isDegenerate }
        guard !region.isEmpty else { return nil }
        return VisibleRegion(region: region, hidden: request.covering.map { $0.simplified(tolerance: 0.4) }.filter { !$0.isDegenerate }).pole()
    }

    /// Places a label inside if it fits, else outside.
    public mutating func place(_ request: LabelRequest) -> PlacedLabel? {
        placeInside(request) ?? placeOutside(request)
    }

    /// Marks a box as taken (an obstacle placed later).
    public mutating func reserve(_ box: LabelBox) { taken.append(box) }

    /// Whether a dashed line passes through the box or within 4 px of it (the text's halo and a
    /// little air).
    func crossesLines(_ box: LabelBox) -> Bool {
        let grown = box.expanded(by: 4)
        let bounds = grown.bounds
        return linesToAvoid.contains { line in
            zip(line, line.dropFirst()).contains { a, b in
                if Swift.max(a.x, b.x) < bounds.minX || Swift.min(a.x, b.x) > bounds.maxX
                    || Swift.max(a.y, b.y) < bounds.minY || Swift.min(a.y, b.y) > bounds.maxY { return false }
                return grown.contains(a) || grown.edges.contains { PlotPolygon.segmentsIntersect(a, b, $0.0, $0.1) }
            }
        }
    }

    func collides(_ box: LabelBox) -> Bool {
        let grown = box.expanded(by: margin)
        return taken.contains { $0.intersects(grown) }
    }

    static func samplePoints(of box: LabelBox) -> [PlotPoint] {
        var points: [PlotPoint] = []
        for i in 0...6 {
            for j in 0...3 {
                let a = (Double(i) / 6 - 0.5) * box.width, b = (Double(j) / 3 - 0.5) * box.height
                points.append(box.center + box.along * a + box.across * b)
            }
        }
        return points
    }

    /// The fitting boxes of a request, best first.
    func rankedBoxes(_ field: VisibleRegion, _ request: LabelRequest) -> [LabelBox] {
        let candidates = field.candidates(minimumClearance: Swift.min(request.height, request.width) / 2)
        // Ties (scores within one step of 0.05: a band of even thickness fits the label equally well
        // along its length) go to the box nearest the middle of the candidates' extent, so a label sits
        // centred rather than at whichever end the grid order puts first.
        let middle = candidates.isEmpty ? PlotPoint(x: 0, y: 0)
            : PlotRect(bounding: candidates.map(\.point)).map { $0.center } ?? candidates[0].point
        var scored: [(box: LabelBox, score: Double, order: Int)] = []
        for (index, candidate) in candidates.enumerated() {
            var angles = [0.0]
            if let local = field.localAngle(at: candidate.point, radius: Swift.max(request.width / 2 + request.height, 3 * candidate.clearance)),
               abs(local) > 2 * Double.pi / 180 {
                // Steeper than 80 degrees: upright, reading upwards (a narrow vertical sliver of a prompt
                // search); otherwise at most 75 degrees either way.
                let limit = 75 * Double.pi / 180
                angles.append(abs(local) > 80 * Double.pi / 180 ? -Double.pi / 2 : Swift.max(-limit, Swift.min(limit, local)))
            }
            for angle in angles {
                let box = LabelBox(center: candidate.point, width: request.width, height: request.height, angle: angle)
                guard field.fits(box) else { continue }
                var low = 1.0, high = 4.0
                for _ in 0..<7 {
                    let middle = (low + high) / 2
                    if field.fits(box.scaled(middle)) { low = middle } else { high = middle }
                }
                scored.append((box, angle == 0 ? low : 0.65 * low, index * 2 + (angle == 0 ? 0 : 1)))
            }
        }
        scored.sort { lhs, rhs in
            let a = (lhs.score * 20).rounded(.down), b = (rhs.score * 20).rounded(.down)
            if a != b { return a > b }
            let da = lhs.box.center.distance(to: middle), db = rhs.box.center.distance(to: middle)
            return da != db ? da < db : lhs.order < rhs.order
        }
        return scored.map(\.box)
    }
}

/// A region minus the regions drawn over it, with the geometry label placement needs.
struct VisibleRegion {
    let region: [PlotPolygon]
    let hidden: [PlotPolygon]
    let regionBoxes: [PlotRect]
    let hiddenBoxes: [PlotRect]

    init(region: [PlotPolygon], hidden: [PlotPolygon]) {
        self.region = region
        self.hidden = hidden.filter { !$0.isDegenerate }
        regionBoxes = region.map { $0.boundingBox! }
        hiddenBoxes = self.hidden.map { $0.boundingBox! }
    }

    /// The distance from `p` to the boundary of the visible part, or a negative number outside it.
    func clearance(_ p: PlotPoint) -> Double {
        var own = -1.0
        for (k, polygon) in region.enumerated() where regionBoxes[k].contains(p) && polygon.contains(p) {
            own = polygon.distanceToBoundary(from: p)
            break
        }
        guard own > 0 else { return -1 }
        var best = own
        for (k, polygon) in hidden.enumerated() {
            if hiddenBoxes[k].distance(to: p) >= best { continue }
            if hiddenBoxes[k].contains(p) && polygon.contains(p) { return -1 }
            best = Swift.min(best, polygon.distanceToBoundary(from: p))
        }
        return best
    }

    /// Grid samples of the clearance, best first and thinned. The grid has about 1500 points per region
    /// polygon (step 2 to 10 px), or with `fine` a step of 1 px (more on very large boxes, at most about
    /// 250,000 points).
    func candidates(minimumClearance: Double, fine: Bool = false) -> [(point: PlotPoint, clearance: Double)] {
        var samples: [(point: PlotPoint, clearance: Double, step: Double)] = []
        for box in regionBoxes {
            let step = fine ? Swift.max(1, (box.area / 250_000).squareRoot()) : Swift.max(2, Swift.min(10, (box.area / 1500).squareRoot()))
            let columns = Int(box.width / step) + 1, rows = Int(box.height / step) + 1
            let x0 = box.minX + (box.width - Double(columns - 1) * step) / 2
            let y0 = box.minY + (box.height - Double(rows - 1) * step) / 2
            for i in 0..<columns {
                for j in 0..<rows {
                    let p = PlotPoint(x: x0 + Double(i) * step, y: y0 + Double(j) * step)
                    let d = clearance(p)
                    if d >= minimumClearance { samples.append((p, d, step)) }
                }
            }
        }
        samples.sort { lhs, rhs in
            if lhs.clearance != rhs.clearance { return lhs.clearance > rhs.clearance }
            if lhs.point.y != rhs.point.y { return lhs.point.y < rhs.point.y }
            return lhs.point.x < rhs.point.x
        }
        var chosen: [(point: PlotPoint, clearance: Double)] = []
        var steps: [Double] = []
        for sample in samples {
            if chosen.count >= 40 { break }
            if chosen.contains(where: { $0.point.distance(to: sample.point) < 0.6 * Swift.max($0.clearance, sample.clearance) }) { continue }
            chosen.append((sample.point, sample.clearance))
            steps.append(sample.step)
        }
        // Each candidate climbs to the local maximum of the clearance below the grid's resolution
        // (pattern search, steps halving from half the grid step): in a thin band the grid alone puts
        // the best candidates wherever its rows happen to meet the band's middle line.
        var climbed: [(point: PlotPoint, clearance: Double)] = []
        for (candidate, step) in zip(chosen, steps) {
            let top = refined(candidate, step: step / 2)
            // Candidates that climbed to the same maximum count once.
            if !climbed.contains(where: { $0.point.distance(to: top.point) < 0.5 }) { climbed.append(top) }
        }
        return climbed
    }

    /// A candidate moved uphill in clearance: four rounds of eight directions, halving the step.
    func refined(_ candidate: (point: PlotPoint, clearance: Double), step: Double) -> (point: PlotPoint, clearance: Double) {
        var best = candidate
        var s = step
        for _ in 0..<4 {
            var moved = true
            var rounds = 0
            while moved && rounds < 4 {
                moved = false
                rounds += 1
                for k in 0..<8 {
                    let theta = Double(k) * Double.pi / 4
                    let p = PlotPoint(x: best.point.x + s * cos(theta), y: best.point.y + s * sin(theta))
                    let d = clearance(p)
                    if d > best.clearance + 1e-9 { best = (p, d); moved = true }
                }
            }
            s /= 2
        }
        return best
    }

    /// The point of largest clearance on the grid, then on the fine grid when the coarse one misses a
    /// sliver; nil when no part at least 1 px thick is visible (a clearance of 0.5 px: two limits
    /// that coincide within a pixel leave nothing to see between them).
    func pole() -> PlotPoint? {
        candidates(minimumClearance: 0.5).first?.point ?? candidates(minimumClearance: 0.5, fine: true).first?.point
    }

    /// The direction of the boundary near `p`: the principal axis of the boundary points (edges
    /// sampled every 3 px) within `radius`, in (-pi/2, pi/2]; nil with fewer than 4 such points.
    func localAngle(at p: PlotPoint, radius: Double) -> Double? {
        var points: [PlotPoint] = []
        for polygon in region + hidden {
            for (a, b) in polygon.edges {
                let length = a.distance(to: b)
                let pieces = Swift.max(1, Int(length / 3))
                for k in 0..<pieces {
                    let t = Double(k) / Double(pieces)
                    let q = PlotPoint(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y))
                    if q.distance(to: p) <= radius { points.append(q) }
                }
            }
        }
        guard points.count >= 4 else { return nil }
        let n = Double(points.count)
        let mx = points.reduce(0) { $0 + $1.x } / n, my = points.reduce(0) { $0 + $1.y } / n
        var sxx = 0.0, syy = 0.0, sxy = 0.0
        for q in points {
            sxx += (q.x - mx) * (q.x - mx)
            syy += (q.y - my) * (q.y - my)
            sxy += (q.x - mx) * (q.y - my)
        }
        var angle = 0.5 * atan2(2 * sxy, sxx - syy)
        if angle > Double.pi / 2 { angle -= Double.pi }
        if angle <= -Double.pi / 2 { angle += Double.pi }
        return angle
    }

    /// Whether the box lies entirely in the visible part: its centre and corners inside the same
    /// region polygon and outside every hidden polygon, no edge of either crossing the box, and no
    /// hidden polygon inside the box.
    func fits(_ box: LabelBox) -> Bool {
        let corners = box.corners
        let bounds = box.bounds
        guard let k = region.indices.first(where: { regionBoxes[$0].contains(bounds) && region[$0].contains(box.center) }) else { return false }
        let polygon = region[k]
        for corner in corners where !polygon.contains(corner) { return false }
        if Self.crosses(polygon, box, bounds) { return false }
        for (index, hiddenPolygon) in hidden.enumerated() where hiddenBoxes[index].intersects(bounds.expanded(by: 0.5)) {
            if corners.contains(where: { hiddenPolygon.contains($0) }) || hiddenPolygon.contains(box.center) { return false }
            if Self.crosses(hiddenPolygon, box, bounds) { return false }
            if let first = hiddenPolygon.vertices.first, box.contains(first) { return false }
        }
        return true
    }

    static func crosses(_ polygon: PlotPolygon, _ box: LabelBox, _ bounds: PlotRect) -> Bool {
        let boxEdges = box.edges
        let vertices = polygon.vertices
        var previous = vertices[vertices.count - 1]
        for vertex in vertices {
            defer { previous = vertex }
            if Swift.max(previous.x, vertex.x) < bounds.minX || Swift.min(previous.x, vertex.x) > bounds.maxX
                || Swift.max(previous.y, vertex.y) < bounds.minY || Swift.min(previous.y, vertex.y) > bounds.maxY { continue }
            for (a, b) in boxEdges where PlotPolygon.segmentsIntersect(previous, vertex, a, b) { return true }
        }
        return false
    }
}
