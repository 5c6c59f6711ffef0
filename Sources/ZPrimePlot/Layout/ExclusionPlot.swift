import ZPrimeCore

/// A publication exclusion plot: the mass-coupling plane with each experiment's excluded region,
/// islands of displaced searches, preferred bands and projections, the model and its assumptions in
/// the title, the confidence level in the caption, and an optional branching-ratio panel below.
///
/// The plot holds no physics: the caller (the analysis, a scan) hands over the edges of every region
/// and the words of the title. ``layout()`` computes every position (pure geometry, testable), and
/// ``svg()`` writes one self-contained, deterministic SVG file from it (fixed number formatting,
/// stable element order, no external resources).
///
/// Drawing order (``LayerOrder/automatic``): filled regions by decreasing area in the frame (broad weak
/// regions first, small strong ones on top), then the translucent bands (largest first, so a 1 sigma
/// band lies over its 2 sigma band), then the dashed projections above the fills, then the labels.
/// Each region is one SVG path (all its polygons as subpaths) with a thin darker boundary.
///
/// ```swift
/// let plot = ExclusionPlot(
///     title: "U(1)_{B−L}",
///     assumptions: ["Dirac ν", "no dark width", "ε = 0"],
///     xAxis: .bosonMass(from: 1e-3, to: 10),
///     yAxis: .coupling("g_{B−L}", from: 1e-6, to: 1e-2),
///     layers: [.excluded(name: "BaBar", experiment: "BaBar", x: [0.02, 0.2, 2, 10], lower: [8e-4, 6e-4, 5e-4, 6e-4],
///                        confidenceLevel: 0.9)])
/// let svg = try plot.svg()
/// print(svg.hasPrefix("<?xml"), svg.contains("BaBar"))   // true true
/// ```
public struct ExclusionPlot: Sendable, Hashable, Codable {
    /// How layers are stacked.
    public enum LayerOrder: String, Sendable, Hashable, Codable {
        /// Fills by decreasing area, then bands, then projections (see the type's discussion).
        case automatic
        /// Fills in the order given, then bands, then projections.
        case asGiven
    }

    /// Where the legend of projections goes inside the frame.
    public enum LegendCorner: String, Sendable, Hashable, Codable, CaseIterable {
        /// The corner whose area is least covered by filled regions.
        case automatic
        case topLeft, topRight, bottomLeft, bottomRight
    }

    /// The title: the model.
    public var title: RichText
    /// The assumptions shown under the title (neutrino nature, dark width, kinetic mixing, g-2 dataset).
    public var assumptions: [RichText]
    /// The horizontal axis (usually the boson mass).
    public var xAxis: PlotAxis
    /// The vertical axis (the model's coupling).
    public var yAxis: PlotAxis
    /// The layers.
    public var layers: [PlotLayer]
    /// Further lines of the caption, after the confidence-level statement.
    public var notes: [RichText]
    /// An optional branching-ratio panel under the plot, on the same mass axis.
    public var branchingRatios: BranchingRatioPanel?
    /// The width of the figure, pixels.
    public var width: Double
    /// The height of the figure (with the panel and the caption), pixels.
    public var height: Double
    /// The stacking of the layers.
    public var layerOrder: LayerOrder
    /// The corner of the legend.
    public var legendCorner: LegendCorner
    /// Fonts, sizes and line widths.
    public var style: PlotStyle

    /// Creates a plot.
    public init(title: RichText, assumptions: [RichText] = [], xAxis: PlotAxis, yAxis: PlotAxis, layers: [PlotLayer],
                notes: [RichText] = [], branchingRatios: BranchingRatioPanel? = nil, width: Double = 760, height: Double = 560,
                layerOrder: LayerOrder = .automatic, legendCorner: LegendCorner = .automatic, style: PlotStyle = PlotStyle()) {
        self.title = title
        self.assumptions = assumptions
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.layers = layers
        self.notes = notes
        self.branchingRatios = branchingRatios
        self.width = width
        self.height = height
        self.layerOrder = layerOrder
        self.legendCorner = legendCorner
        self.style = style
    }

    /// Every position of the figure.
    ///
    /// - Throws: ``Problem`` for an invalid axis, a figure too small for its frame, or inconsistent
    ///   layer data (naming the layer and the index).
    public func layout() throws(Problem) -> PlotLayout {
        try PlotLayout(self)
    }

    /// The figure as SVG text.
    public func svg() throws(Problem) -> String {
        try layout().svg()
    }

    /// The confidence-level statement of the caption and the mark appended to each layer's label
    /// (none for the majority confidence level): with a single CL, "Shaded regions are excluded at 90%
    /// CL."; with several, the most common one is stated and every other group is flagged with †, ‡,
    /// §, ¶ in order of decreasing size (ties: smaller CL first), listing the experiments, e.g.
    /// "Shaded regions are excluded at 90% CL; † at 95% CL (CMS)."; layers without a stated CL get no
    /// mark and are listed at the end ("CL not stated: A1, E137.").
    public var confidenceLevels: (caption: RichText?, marks: [Int: String]) {
        let fills = layers.enumerated().filter { $0.element.kind.isFill }
        guard !fills.isEmpty else { return (nil, [:]) }
        var groups: [Double: [Int]] = [:]
        var unstated: [Int] = []
        for (index, layer) in fills {
            if let level = layer.confidenceLevel {
                groups[level, default: []].append(index)
            } else {
                unstated.append(index)
            }
        }
        guard !groups.isEmpty else {
            return (RichText(plain: "Shaded regions: exclusions as published (confidence levels not stated)."), [:])
        }
        // The names of a group's layers, each experiment once, as their labels read.
        func names(_ indices: [Int]) -> RichText {
            var seen: [String] = []
            var parts: [RichText] = []
            for index in indices where !seen.contains(layers[index].experiment) {
                seen.append(layers[index].experiment)
                parts.append(layers[index].displayLabel)
            }
            return RichText.joined(parts, separator: ", ")
        }
        let ordered = groups.sorted { lhs, rhs in
            lhs.value.count != rhs.value.count ? lhs.value.count > rhs.value.count : lhs.key < rhs.key
        }
        let majority = ordered[0]
        let symbols = ["†", "‡", "§", "¶", "††", "‡‡"]
        var marks: [Int: String] = [:]
        var text = RichText(plain: "Shaded regions are excluded at \(Self.percent(majority.key)) CL")
        for (k, group) in ordered.dropFirst().enumerated() {
            let symbol = symbols[Swift.min(k, symbols.count - 1)]
            for index in group.value { marks[index] = symbol }
            text = text + RichText(plain: "; \(symbol) at \(Self.percent(group.key)) CL (") + names(group.value) + RichText(plain: ")")
        }
        text = text + RichText(plain: ".")
        if !unstated.isEmpty { text = text + RichText(plain: " CL not stated: ") + names(unstated) + RichText(plain: ".") }
        return (text, marks)
    }

    /// "90%", "95%", "68.3%".
    static func percent(_ level: Double) -> String {
        let value = (level * 1000).rounded() / 10
        return Ticks.format(value) + "%"
    }
}

/// Fonts, sizes (pixels) and line widths of a plot.
public struct PlotStyle: Sendable, Hashable, Codable {
    /// The face of titles, ticks and captions.
    public var face: FontMetrics.Face = .serif
    /// The face of the title and of region labels.
    public var boldFace: FontMetrics.Face = .serifBold
    /// The title.
    public var titleSize = 17.0
    /// The assumptions under the title.
    public var subtitleSize = 12.5
    /// Axis titles.
    public var axisTitleSize = 16.0
    /// Tick labels.
    public var tickLabelSize = 13.5
    /// Region labels.
    public var labelSize = 12.5
    /// The caption.
    public var captionSize = 11.0
    /// The legend.
    public var legendSize = 11.5
    /// The boundary line of filled regions.
    public var boundaryWidth = 0.6
    /// The boundary line of regions whose edge fluctuates faster than the pixels
    /// (``PlotLayout/Region/hasJaggedBoundary``).
    public var jaggedBoundaryWidth = 0.3
    /// The prefix of every element id (two plots in one HTML page need different prefixes).
    public var idPrefix = "zp"

    /// The default style.
    public init() {}
}

/// The branching-ratio panel under an exclusion plot: one curve per decay channel on the plot's mass
/// axis, BR on a logarithmic axis (0.01 to 1 by default).
///
/// ```swift
/// let panel = BranchingRatioPanel(curves: [
///     .init(key: "ee", label: "e^{+}e^{−}", x: [0.01, 0.1, 1], ratio: [1, 0.6, 0.3]),
///     .init(key: "mumu", label: "μ^{+}μ^{−}", x: [0.01, 0.1, 1], ratio: [nil, 0.4, 0.3]),
/// ])
/// print(panel.curves.count, panel.lower)   // 2 0.01
/// ```
public struct BranchingRatioPanel: Sendable, Hashable, Codable {
    /// One channel.
    public struct Curve: Sendable, Hashable, Codable {
        /// The channel's key (picks the colour: ee, mumu, tautau, nunu, invisible, hadrons, ...).
        public var key: String
        /// The label.
        public var label: RichText
        /// The masses (the plot's x values).
        public var x: [Double]
        /// The branching ratios (nil where the channel is closed).
        public var ratio: [Double?]
        /// A colour replacing the channel table's.
        public var color: PlotColor?

        /// Creates a curve.
        public init(key: String, label: RichText, x: [Double], ratio: [Double?], color: PlotColor? = nil) {
            self.key = key
            self.label = label
            self.x = x
            self.ratio = ratio
            self.color = color
        }

        /// The colour: ``color`` or the channel table's.
        public var displayColor: PlotColor { color ?? ChannelColors.color(for: key) }
    }

    /// The channels.
    public var curves: [Curve]
    /// The lowest BR shown.
    public var lower: Double
    /// The highest BR shown.
    public var upper: Double
    /// The height of the panel's frame, pixels.
    public var height: Double
    /// The title of the panel's vertical axis.
    public var title: RichText

    /// Creates a panel.
    public init(curves: [Curve], lower: Double = 0.01, upper: Double = 1, height: Double = 120, title: RichText = "BR") {
        self.curves = curves
        self.lower = lower
        self.upper = upper
        self.height = height
        self.title = title
    }
}

/// Colours of decay channels in the branching-ratio panel (fixed, with a deterministic fallback).
///
/// ```swift
/// print(ChannelColors.color(for: "e+e-").hex)   // #2b6cb0
/// ```
public enum ChannelColors {
    static let table: [String: String] = [
        "ee": "#2b6cb0", "mumu": "#c0392b", "tautau": "#8e44ad", "nunu": "#7f8c8d", "invisible": "#4d5656",
        "hadrons": "#27ae60", "dark": "#34495e", "cc": "#d35400", "bb": "#b7950b", "tt": "#6e2c00",
    ]
    static let fallback = ["#1abc9c", "#e67e22", "#5d6d7e", "#a93226", "#1f618d", "#7d6608"]

    /// The colour of a channel key (normalised like experiment names; "e+e-" is "ee").
    public static func color(for key: String) -> PlotColor {
        let normalised = ExperimentColors.normalisedName(key)
        if let hex = table[normalised] { return PlotColor(hex: hex)! }
        return PlotColor(hex: fallback[Int(ExperimentColors.fnv1a(normalised) % UInt64(fallback.count))])!
    }
}
