import ZPrimeCore

/// Every position of an ``ExclusionPlot``, in SVG pixels (y down): the frame, the axis mappings and
/// ticks, the regions in drawing order, the projections, the labels, the legend, the title and caption
/// lines and the branching-ratio panel, plus the problems found on the way (a layer outside the
/// frame, a label placed outside its region) as data.
///
/// Computed by ``ExclusionPlot/layout()``; written out by ``svg()``.
///
/// ```swift
/// let plot = ExclusionPlot(title: "dark photon", xAxis: .bosonMass(from: 1e-3, to: 1),
///                          yAxis: .coupling("ε", from: 1e-8, to: 1e-2),
///                          layers: [.island(name: "E137", experiment: "E137", x: [1e-3, 0.1, 0.3],
///                                           lower: [3e-8, 4e-7, 2e-6], upper: [1e-3, 1e-5, 2e-6])])
/// let layout = try plot.layout()
/// print(layout.regions.count, layout.labels.count, layout.labels[0].placement.isInside)   // 1 1 true
/// ```
public struct PlotLayout: Sendable {
    /// A filled region or band, in drawing order.
    public struct Region: Sendable {
        /// The index of the layer in ``ExclusionPlot/layers``.
        public var layerIndex: Int
        /// The layer.
        public var layer: PlotLayer
        /// Its polygons, pixels.
        public var polygons: [PlotPolygon]
        /// The SVG element id.
        public var elementID: String

        /// Turning points of the boundary per pixel of the region's width: vertices where the edge turns
        /// from rising to falling or back, with more than 1 px on either side. A limit tabulated finer
        /// than the pixels, with a statistically fluctuating edge (BaBar, LHCb: several turns per pixel),
        /// scores above 0.3; smooth curves score about 0.
        public var turningPointsPerPixel: Double {
            var turns = 0
            var minX = Double.infinity, maxX = -Double.infinity
            for polygon in polygons {
                let v = polygon.vertices
                guard v.count >= 3 else { continue }
                for k in v.indices {
                    let a = v[k], b = v[(k + 1) % v.count], c = v[(k + 2) % v.count]
                    minX = Swift.min(minX, a.x)
                    maxX = Swift.max(maxX, a.x)
                    let rise = b.y - a.y, next = c.y - b.y
                    if rise * next < 0 && Swift.min(abs(rise), abs(next)) > 1 { turns += 1 }
                }
            }
            return maxX > minX ? Double(turns) / (maxX - minX) : 0
        }

        /// Whether the boundary fluctuates faster than the pixels (``turningPointsPerPixel`` above
        /// 0.3): its stroke is drawn thinner (``PlotStyle/jaggedBoundaryWidth``), so that the dense
        /// spikes of the edge read as an edge and not as a dark hatching.
        public var hasJaggedBoundary: Bool { turningPointsPerPixel > 0.3 }
    }

    /// A projection's dashed curve.
    public struct Curve: Sendable {
        /// The index of the layer.
        public var layerIndex: Int
        /// The layer.
        public var layer: PlotLayer
        /// Its polylines, pixels.
        public var polylines: [[PlotPoint]]
        /// The SVG element id.
        public var elementID: String
    }

    /// A placed region label and how it is painted.
    public struct Label: Sendable {
        /// The index of the layer.
        public var layerIndex: Int
        /// The text (with its confidence-level mark).
        public var text: RichText
        /// Where it is.
        public var placement: PlacedLabel
        /// The text colour.
        public var fill: PlotColor
        /// The outline drawn under the text (`paint-order="stroke"`), and its width.
        public var outline: (color: PlotColor, width: Double, opacity: Double)
        /// The font size.
        public var size: Double
    }

    /// A line of text (title, subtitle, caption, axis title).
    public struct TextLine: Sendable {
        /// The text.
        public var text: RichText
        /// The anchor point (baseline).
        public var position: PlotPoint
        /// The font size.
        public var size: Double
        /// The face.
        public var face: FontMetrics.Face
        /// `start`, `middle` or `end`.
        public var anchor: String
        /// Rotation in degrees about the position.
        public var rotation: Double
        /// The colour.
        public var color: PlotColor
    }

    /// The legend of projections.
    public struct Legend: Sendable {
        /// Its box.
        public var box: PlotRect
        /// One entry per projection: the label, the line colour, the baseline of the entry.
        public var entries: [(text: RichText, color: PlotColor, baseline: Double)]
    }

    /// The branching-ratio panel.
    public struct Panel: Sendable {
        /// Its frame.
        public var frame: PlotRect
        /// The BR axis mapping.
        public var y: AxisMapping
        /// The BR ticks.
        public var yTicks: [Tick]
        /// The curves: key, colour, polylines (pixels).
        public var curves: [(key: String, color: PlotColor, polylines: [[PlotPoint]])]
        /// The labels of the curves.
        public var labels: [(text: RichText, color: PlotColor, box: LabelBox)]
        /// The title of the BR axis.
        public var title: TextLine
    }

    /// The plot.
    public let plot: ExclusionPlot
    /// The figure's width and height.
    public let width: Double, height: Double
    /// The frame of the main plot.
    public let frame: PlotRect
    /// The horizontal mapping.
    public let x: AxisMapping
    /// The vertical mapping.
    public let y: AxisMapping
    /// The ticks.
    public let xTicks: [Tick], yTicks: [Tick]
    /// Filled regions, in drawing order.
    public let regions: [Region]
    /// Bands, in drawing order.
    public let bands: [Region]
    /// Projections.
    public let projections: [Curve]
    /// Region labels.
    public let labels: [Label]
    /// The legend (nil without projections).
    public let legend: Legend?
    /// Title and assumptions lines.
    public let titleLines: [TextLine]
    /// Caption lines.
    public let captionLines: [TextLine]
    /// The axis titles.
    public let xTitle: TextLine, yTitle: TextLine
    /// The branching-ratio panel.
    public let panel: Panel?
    /// Notes and warnings found while laying out (never errors: those are thrown).
    public let problems: [Problem]

    /// The x mapping's pixel for the tick labels: under the panel when there is one.
    public var xLabelFrame: PlotRect { panel?.frame ?? frame }

    init(_ plot: ExclusionPlot) throws(Problem) {
        self.plot = plot
        let style = plot.style
        let width = plot.width, height = plot.height
        self.width = width
        self.height = height
        guard width.isFinite, height.isFinite, width >= 200, height >= 160, width <= 20000, height <= 20000 else {
            throw Problem.invalid(.field("plot size"), text: "\(Problem.format(width))x\(Problem.format(height))",
                                  "the figure must be between 200x160 and 20000x20000 pixels")
        }
        try plot.xAxis.validate("x axis")
        try plot.yAxis.validate("y axis")
        for layer in plot.layers {
            if let level = layer.confidenceLevel, !(level > 0 && level < 1) {
                throw Problem.invalid(.field("layer \(layer.name) confidence level"), level, "must be between 0 and 1 (0.9 for 90% CL)")
            }
            guard layer.bandOpacity.isFinite, (0...1).contains(layer.bandOpacity) else {
                throw Problem.invalid(.field("layer \(layer.name) band opacity"), layer.bandOpacity, "must be between 0 and 1")
            }
        }
        var problems: [Problem] = []

        // Text above and below the frame.
        let titleWidth = width - 40
        let titleTexts = TextWrapping.wrap(plot.title, face: style.boldFace, size: style.titleSize, width: titleWidth)
        let subtitleTexts = plot.assumptions.isEmpty ? []
            : TextWrapping.wrap(RichText.joined(plot.assumptions, separator: "  ·  "), face: style.face, size: style.subtitleSize, width: titleWidth)
        let levels = plot.confidenceLevels
        let captionTexts = ([levels.caption].compactMap { $0 } + plot.notes).flatMap {
            TextWrapping.wrap($0, face: style.face, size: style.captionSize, width: width - 40)
        }

        // Margins.
        let yTicks = Ticks.ticks(for: plot.yAxis)
        let yLabelWidth = yTicks.compactMap(\.label).map { FontMetrics.width(of: $0, face: style.face, size: style.tickLabelSize) }.max() ?? 0
        let tickLength = 6.0
        let titleBlock = Double(titleTexts.count) * style.titleSize * 1.25 + Double(subtitleTexts.count) * style.subtitleSize * 1.35
        let top = 14 + titleBlock + 10
        let left = 14 + style.axisTitleSize * 1.3 + yLabelWidth + tickLength + 6
        let xTickProbe = Ticks.ticks(for: plot.xAxis).filter { $0.label != nil }
        let lastLabelWidth = xTickProbe.last.flatMap { $0.label }.map { FontMetrics.width(of: $0, face: style.face, size: style.tickLabelSize) } ?? 0
        let right = Swift.max(22, lastLabelWidth / 2 + 8)
        let captionBlock = Double(captionTexts.count) * style.captionSize * 1.4
        let bottom = tickLength + 4 + style.tickLabelSize * 1.35 + 8 + style.axisTitleSize * 1.2 + (captionTexts.isEmpty ? 8 : 14 + captionBlock)
        let panelBlock = plot.branchingRatios.map { $0.height + 14 } ?? 0
        let frame = PlotRect(minX: left, minY: top, maxX: width - right, maxY: height - bottom - panelBlock)
        guard frame.width >= 120, frame.height >= 80 else {
            throw Problem.invalid(.field("plot size"), text: "\(Problem.format(width))x\(Problem.format(height))",
                                  "leaves a frame of \(Int(frame.width))x\(Int(frame.height)) pixels; make the figure larger or the caption shorter")
        }
        self.frame = frame
        let x = try AxisMapping(axis: plot.xAxis, start: frame.minX, end: frame.maxX, name: "x axis")
        let y = try AxisMapping(axis: plot.yAxis, start: frame.maxY, end: frame.minY, name: "y axis")
        self.x = x
        self.y = y
        self.xTicks = Ticks.ticks(for: plot.xAxis)
        self.yTicks = yTicks
        func pixel(_ p: PlotPoint) -> PlotPoint { PlotPoint(x: x.pixel(forPlotCoordinate: p.x), y: y.pixel(forPlotCoordinate: p.y)) }

        // Regions and curves.
        var ids = IdentifierSet(prefix: style.idPrefix)
        var fills: [Region] = [], bands: [Region] = [], curves: [Curve] = []
        for (index, layer) in plot.layers.enumerated() {
            if case .projection = layer.kind {
                let lines = try Regions.plotPolylines(of: layer, xAxis: plot.xAxis, yAxis: plot.yAxis).map { $0.map(pixel) }
                if lines.isEmpty { problems.append(.note(.ignored, .field("layer \(layer.name)"), "draws nothing inside the frame")) }
                curves.append(Curve(layerIndex: index, layer: layer, polylines: lines, elementID: ids.make("projection", layer.name)))
                continue
            }
            let polygons = try Regions.plotPolygons(of: layer, xAxis: plot.xAxis, yAxis: plot.yAxis).map { $0.mapped(pixel) }
            if polygons.isEmpty { problems.append(.note(.ignored, .field("layer \(layer.name)"), "draws nothing inside the frame")) }
            if case .band = layer.kind {
                bands.append(Region(layerIndex: index, layer: layer, polygons: polygons, elementID: ids.make("band", layer.name)))
            } else {
                fills.append(Region(layerIndex: index, layer: layer, polygons: polygons, elementID: ids.make("region", layer.name)))
            }
        }
        func area(_ region: Region) -> Double { region.polygons.reduce(0) { $0 + $1.area } }
        if plot.layerOrder == .automatic {
            fills = fills.enumerated().sorted { lhs, rhs in
                let a = area(lhs.element), b = area(rhs.element)
                return a != b ? a > b : lhs.offset < rhs.offset
            }.map(\.element)
        }
        bands = bands.enumerated().sorted { lhs, rhs in
            let a = area(lhs.element), b = area(rhs.element)
            return a != b ? a > b : lhs.offset < rhs.offset
        }.map(\.element)
        regions = fills
        self.bands = bands
        projections = curves

        // Legend of projections.
        var legend: Legend?
        if !curves.isEmpty {
            let lineHeight = style.legendSize * 1.5
            let textWidth = curves.map { FontMetrics.width(of: $0.layer.displayLabel, face: style.face, size: style.legendSize) }.max() ?? 0
            let boxWidth = 10 + 30 + 6 + textWidth + 10, boxHeight = 8 + Double(curves.count) * lineHeight + 2
            let inset = 8.0
            let corners: [(ExclusionPlot.LegendCorner, PlotRect)] = [
                (.topRight, PlotRect(minX: frame.maxX - inset - boxWidth, minY: frame.minY + inset, maxX: frame.maxX - inset, maxY: frame.minY + inset + boxHeight)),
                (.bottomRight, PlotRect(minX: frame.maxX - inset - boxWidth, minY: frame.maxY - inset - boxHeight, maxX: frame.maxX - inset, maxY: frame.maxY - inset)),
                (.topLeft, PlotRect(minX: frame.minX + inset, minY: frame.minY + inset, maxX: frame.minX + inset + boxWidth, maxY: frame.minY + inset + boxHeight)),
                (.bottomLeft, PlotRect(minX: frame.minX + inset, minY: frame.maxY - inset - boxHeight, maxX: frame.minX + inset + boxWidth, maxY: frame.maxY - inset)),
            ]
            let chosen: PlotRect
            if plot.legendCorner == .automatic {
                let everything = (fills + bands).flatMap(\.polygons)
                func covered(_ box: PlotRect) -> Int {
                    var count = 0
                    for i in 0...6 {
                        for j in 0...4 {
                            let p = PlotPoint(x: box.minX + box.width * Double(i) / 6, y: box.minY + box.height * Double(j) / 4)
                            if everything.contains(where: { $0.contains(p) }) { count += 1 }
                        }
                    }
                    return count
                }
                chosen = corners.min { covered($0.1) < covered($1.1) }!.1
            } else {
                chosen = corners.first { $0.0 == plot.legendCorner }!.1
            }
            legend = Legend(box: chosen, entries: curves.enumerated().map { k, curve in
                (curve.layer.displayLabel, curve.layer.fillColor, chosen.minY + 8 + (Double(k) + 0.5) * lineHeight + style.legendSize * 0.35)
            })
        }
        self.legend = legend

        // Labels: inside first (least room first: fills by increasing area, then bands), then outside.
        let obstacles = legend.map { [LabelBox(center: $0.box.center, width: $0.box.width, height: $0.box.height)] } ?? []
        var placer = LabelPlacer(frame: frame, obstacles: obstacles, allRegions: (fills + bands).flatMap(\.polygons))
        placer.linesToAvoid = curves.flatMap(\.polylines)
        struct Pending { var region: Region; var text: RichText; var request: LabelRequest }
        var pending: [Pending] = []
        let labelled = fills.enumerated().filter { $0.element.layer.showsLabel && !$0.element.polygons.isEmpty }
            .sorted { lhs, rhs in
                let a = area(lhs.element), b = area(rhs.element)
                return a != b ? a < b : lhs.element.layerIndex < rhs.element.layerIndex
            }
        for (drawIndex, region) in labelled {
            let text = region.layer.displayLabel + RichText(plain: levels.marks[region.layerIndex] ?? "")
            let covering = fills[(drawIndex + 1)...].flatMap(\.polygons)
            pending.append(Pending(region: region, text: text, request: Self.request(region, text, style, covering: covering, avoiding: [])))
        }
        for region in bands where region.layer.showsLabel && !region.polygons.isEmpty {
            let text = region.layer.displayLabel
            pending.append(Pending(region: region, text: text,
                                   request: Self.request(region, text, style, covering: [], avoiding: fills.flatMap(\.polygons))))
        }
        var placed: [Int: PlacedLabel] = [:]
        for (k, item) in pending.enumerated() {
            if let label = placer.placeInside(item.request) { placed[k] = label }
        }
        for (k, item) in pending.enumerated() where placed[k] == nil {
            if placer.visibleAnchor(item.request) == nil {
                // Physics, not a failure: a weaker bound entirely beneath stronger ones shows nothing.
                problems.append(.note(.ignored, .field("layer \(item.region.layer.name)"),
                                      "hidden entirely by the regions drawn over it: not labelled"))
            } else if let label = placer.placeOutside(item.request) {
                placed[k] = label
                problems.append(.note(.methodCaveat, .field("layer \(item.region.layer.name)"),
                                      "the region is too thin for its label: labelled outside with a leader line"))
            } else {
                problems.append(.warning(.methodCaveat, .field("layer \(item.region.layer.name)"), "no free place for the label: not labelled"))
            }
        }
        labels = pending.enumerated().compactMap { k, item in
            guard let placement = placed[k] else { return nil }
            return Self.paint(item.region, item.text, placement, size: style.labelSize * placement.scale)
        }

        // Titles, axis titles, caption.
        var lines: [TextLine] = []
        var baseline = 14 + style.titleSize
        for text in titleTexts {
            lines.append(TextLine(text: text, position: PlotPoint(x: width / 2, y: baseline), size: style.titleSize, face: style.boldFace,
                                  anchor: "middle", rotation: 0, color: .text))
            baseline += style.titleSize * 1.25
        }
        baseline += style.subtitleSize * 0.35 - style.titleSize * 0.25
        for text in subtitleTexts {
            lines.append(TextLine(text: text, position: PlotPoint(x: width / 2, y: baseline), size: style.subtitleSize, face: style.face,
                                  anchor: "middle", rotation: 0, color: PlotColor(hex: "#333333")!))
            baseline += style.subtitleSize * 1.35
        }
        titleLines = lines

        // Panel.
        var panel: Panel?
        if let branching = plot.branchingRatios {
            panel = try Self.panel(branching, plot: plot, frame: frame, x: x, style: style)
        }
        self.panel = panel
        let axisFrame = panel?.frame ?? frame
        let xTitleBaseline = axisFrame.maxY + tickLength + 4 + style.tickLabelSize * 1.35 + 6 + style.axisTitleSize * 0.9
        xTitle = TextLine(text: plot.xAxis.title, position: PlotPoint(x: frame.center.x, y: xTitleBaseline), size: style.axisTitleSize,
                          face: style.face, anchor: "middle", rotation: 0, color: .text)
        yTitle = TextLine(text: plot.yAxis.title, position: PlotPoint(x: 14 + style.axisTitleSize * 0.85, y: frame.center.y),
                          size: style.axisTitleSize, face: style.face, anchor: "middle", rotation: -90, color: .text)
        var caption: [TextLine] = []
        var captionBaseline = xTitleBaseline + style.axisTitleSize * 0.3 + 12 + style.captionSize
        for text in captionTexts {
            caption.append(TextLine(text: text, position: PlotPoint(x: 20, y: captionBaseline), size: style.captionSize, face: style.face,
                                    anchor: "start", rotation: 0, color: PlotColor(hex: "#444444")!))
            captionBaseline += style.captionSize * 1.4
        }
        captionLines = caption
        self.problems = problems
    }

    static func request(_ region: Region, _ text: RichText, _ style: PlotStyle, covering: [PlotPolygon], avoiding: [PlotPolygon]) -> LabelRequest {
        let hasScripts = text.runs.contains { $0.position != .normal }
        let width = FontMetrics.width(of: text, face: style.boldFace, size: style.labelSize) + 4
        let height = style.labelSize * (hasScripts ? 1.25 : 1.0) + 2
        return LabelRequest(id: region.layerIndex, width: width, height: height, region: region.polygons, covering: covering,
                            preferredAvoiding: avoiding)
    }

    /// Colours of a label: white text with a dark outline on dark fills, dark text with a light halo
    /// on light fills and bands; outside labels in the region's colour (darkened) with a white halo.
    static func paint(_ region: Region, _ text: RichText, _ placement: PlacedLabel, size: Double) -> Label {
        let layer = region.layer
        let fill = layer.fillColor
        if !placement.isInside {
            return Label(layerIndex: region.layerIndex, text: text, placement: placement, fill: fill.darkened(0.45),
                         outline: (.white, 2.5, 0.9), size: size)
        }
        if case .band = layer.kind {
            return Label(layerIndex: region.layerIndex, text: text, placement: placement, fill: fill.darkened(0.5),
                         outline: (.white, 2.2, 0.75), size: size)
        }
        if fill.prefersLightText {
            return Label(layerIndex: region.layerIndex, text: text, placement: placement, fill: .white, outline: (fill.darkened(0.6), 1.3, 1), size: size)
        }
        return Label(layerIndex: region.layerIndex, text: text, placement: placement, fill: fill.darkened(0.68), outline: (fill.lightened(0.45), 1.6, 0.8),
                     size: size)
    }

    static func panel(_ branching: BranchingRatioPanel, plot: ExclusionPlot, frame: PlotRect, x: AxisMapping, style: PlotStyle) throws(Problem) -> Panel {
        let axis = PlotAxis(title: branching.title, lower: branching.lower, upper: branching.upper)
        guard branching.height.isFinite, branching.height >= 40 else {
            throw Problem.invalid(.field("branching-ratio panel height"), branching.height, "must be at least 40 pixels")
        }
        let panelFrame = PlotRect(minX: frame.minX, minY: frame.maxY + 14, maxX: frame.maxX, maxY: frame.maxY + 14 + branching.height)
        let y = try AxisMapping(axis: axis, start: panelFrame.maxY, end: panelFrame.minY, name: "branching-ratio axis")
        let plotFrame = PlotRect(minX: plot.xAxis.plotRange.lowerBound, minY: axis.plotRange.lowerBound,
                                 maxX: plot.xAxis.plotRange.upperBound, maxY: axis.plotRange.upperBound)
        var curves: [(key: String, color: PlotColor, polylines: [[PlotPoint]])] = []
        for curve in branching.curves {
            let layer = PlotLayer.projection(name: "BR \(curve.key)", experiment: curve.key, x: curve.x, y: curve.ratio)
            guard case .projection(let xs, let ys) = layer.kind else { continue }
            for (i, value) in ys.enumerated() {
                if let value, !(value.isFinite && value >= 0) {
                    throw Problem.invalid(.field("branching ratio \(curve.key)[\(i)]"), value, "must be a finite number >= 0")
                }
            }
            // BR = 0 is a closed channel: a gap on the logarithmic axis.
            let positive = ys.map { value -> Double? in value.flatMap { $0 > 0 ? $0 : nil } }
            let data = try Regions.validated(layer, x: xs, series: [("ratio", positive)], xAxis: plot.xAxis, yAxis: axis)
            let lines = Regions.polylines(x: data.x, y: data.series[0]).flatMap { Clipping.clip(polyline: $0, to: plotFrame) }
                .map { $0.map { PlotPoint(x: x.pixel(forPlotCoordinate: $0.x), y: y.pixel(forPlotCoordinate: $0.y)) } }
            curves.append((curve.key, curve.displayColor, lines))
        }
        // Curve labels: above (or below) the curve where it is highest, clear of other labels and curves.
        var labels: [(text: RichText, color: PlotColor, box: LabelBox)] = []
        var taken: [LabelBox] = []
        var fallback = panelFrame.minX + 6
        for (k, curve) in curves.enumerated() where !curve.polylines.isEmpty {
            let text = branching.curves[k].label
            let w = FontMetrics.width(of: text, face: style.boldFace, size: style.legendSize) + 4
            let h = style.legendSize * 1.2 + 2
            var candidates: [PlotPoint] = []
            for line in curve.polylines {
                for i in 0..<line.count {
                    if i == 0 || line[i].distance(to: candidates.last ?? line[0]) >= 12 { candidates.append(line[i]) }
                }
            }
            candidates.sort { $0.y != $1.y ? $0.y < $1.y : $0.x < $1.x }
            var chosen: LabelBox?
            search: for point in candidates {
                for offset in [-(h / 2 + 3), h / 2 + 3, -(h / 2 + 12), h / 2 + 12, -(h / 2 + 22), h / 2 + 22] {
                    let box = LabelBox(center: PlotPoint(x: point.x, y: point.y + offset), width: w, height: h)
                    guard panelFrame.insetBy(2).contains(box.bounds) else { continue }
                    if taken.contains(where: { $0.intersects(box.expanded(by: 2)) }) { continue }
                    let blocked = curves.contains { other in
                        other.polylines.contains { line in
                            zip(line, line.dropFirst()).contains { a, b in
                                box.contains(a) || box.edges.contains { PlotPolygon.segmentsIntersect(a, b, $0.0, $0.1) }
                            }
                        }
                    }
                    if !blocked { chosen = box; break search }
                }
            }
            if chosen == nil {
                // No room along the curve: a row of labels at the bottom of the panel.
                chosen = LabelBox(center: PlotPoint(x: fallback + w / 2, y: panelFrame.maxY - h / 2 - 3), width: w, height: h)
                fallback += w + 8
            }
            taken.append(chosen!)
            labels.append((text, curve.color, chosen!))
        }
        let title = TextLine(text: branching.title, position: PlotPoint(x: 14 + style.axisTitleSize * 0.85, y: panelFrame.center.y),
                             size: style.axisTitleSize, face: style.face, anchor: "middle", rotation: -90, color: .text)
        return Panel(frame: panelFrame, y: y, yTicks: Ticks.ticks(for: axis), curves: curves, labels: labels, title: title)
    }
}

/// Unique, valid XML ids from layer names.
struct IdentifierSet {
    let prefix: String
    var used: Set<String> = []

    init(prefix: String) { self.prefix = prefix }

    /// `prefix-kind-slug`, with -2, -3, ... appended when taken. The slug keeps ASCII letters and digits
    /// (lower case) and turns runs of anything else into one hyphen.
    mutating func make(_ kind: String, _ name: String) -> String {
        var slug = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-") && !slug.isEmpty {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "layer" }
        var id = "\(prefix)-\(kind)-\(slug)"
        var k = 2
        while used.contains(id) {
            id = "\(prefix)-\(kind)-\(slug)-\(k)"
            k += 1
        }
        used.insert(id)
        return id
    }
}
