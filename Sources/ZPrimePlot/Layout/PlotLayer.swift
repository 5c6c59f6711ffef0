import ZPrimeCore

/// One experiment's (or one constraint's) contribution to an exclusion plot: an excluded region, an
/// island, a preferred band, a projection or a given polygon, with the experiment's name (which picks
/// its colour), its category (colour family and layering), its label and its confidence level.
///
/// The shapes take what the limit library hands over, on the x grid of the limit (a mass grid):
/// - ``Kind/excluded(x:lower:)``: a one-sided (prompt) limit, excluded from the lower edge up to the
///   top of the frame; `nil` where the limit excludes nothing (a vetoed window, the end of its range);
/// - ``Kind/island(x:lower:upper:)``: a displaced or beam-dump island between a lower and an upper
///   edge; `nil` in `lower` for no exclusion, `nil` in `upper` for an island open to the top there;
/// - ``Kind/band(x:lower:upper:)``: a preferred band (drawn translucent), `nil` in either edge a gap;
/// - ``Kind/projection(x:y:)``: a future sensitivity, a dashed unfilled curve split at `nil`s;
/// - ``Kind/polygon(_:)``: closed polygons in data coordinates (published curves traced around the
///   excluded region).
///
/// Gaps split regions: every maximal run of consecutive x values with an exclusion becomes its own
/// polygon, closed by vertical edges at the run's first and last x (nothing is drawn across a gap or
/// beyond the tabulated range); where the lower and upper edges of an island meet at a run's end the
/// polygon closes at that point. A run of a single x value has no width and draws nothing.
///
/// ```swift
/// let babar = PlotLayer(name: "BaBar 2014", experiment: "BaBar", category: .directSearch,
///                       kind: .excluded(x: [0.02, 0.1, 1, 10], lower: [1e-3, 6e-4, 5e-4, nil]), confidenceLevel: 0.9)
/// let e137 = PlotLayer.island(name: "E137", experiment: "E137", x: [1e-3, 0.01, 0.1, 0.3],
///                             lower: [3e-8, 1e-7, 5e-7, 2e-6], upper: [1e-3, 1e-4, 5e-6, 2e-6])
/// print(babar.displayLabel.plainText, e137.category)   // BaBar beamDump
/// ```
public struct PlotLayer: Sendable, Hashable, Codable {
    /// The shape of a layer and its data.
    public enum Kind: Sendable, Hashable, Codable {
        /// Excluded above a lower edge (prompt searches).
        case excluded(x: [Double], lower: [Double?])
        /// Excluded between a lower and an upper edge (displaced searches, beam dumps).
        case island(x: [Double], lower: [Double?], upper: [Double?])
        /// A preferred band between two edges.
        case band(x: [Double], lower: [Double?], upper: [Double?])
        /// A dashed curve.
        case projection(x: [Double], y: [Double?])
        /// Closed polygons in data coordinates.
        case polygon([[PlotPoint]])

        /// The name of the kind ("excluded", "island", "band", "projection", "polygon").
        public var name: String {
            switch self {
            case .excluded: return "excluded"
            case .island: return "island"
            case .band: return "band"
            case .projection: return "projection"
            case .polygon: return "polygon"
            }
        }

        /// Whether the layer is an opaque filled region (excluded, island, polygon).
        public var isFill: Bool {
            switch self {
            case .excluded, .island, .polygon: return true
            case .band, .projection: return false
            }
        }
    }

    /// A unique name of the layer (the SVG element id is derived from it).
    public var name: String
    /// The experiment (or constraint) name: picks the colour from ``ExperimentColors``.
    public var experiment: String
    /// The category: colour family, layering.
    public var category: PlotCategory
    /// The shape and its data.
    public var kind: Kind
    /// The label drawn in the region; nil labels the region with the experiment's name.
    public var label: RichText?
    /// Whether the region gets a label (off, for example, for the 2 sigma band under a labelled 1 sigma
    /// band).
    public var showsLabel: Bool
    /// Whether the curve is a recast of a result published for another model (drawn lighter than a
    /// collaboration's own result).
    public var isRecast: Bool
    /// The confidence level of an exclusion (0.9 for 90 % CL), or nil when not known.
    public var confidenceLevel: Double?
    /// A colour replacing the table's.
    public var color: PlotColor?
    /// The fill opacity of a band (0...1).
    public var bandOpacity: Double

    /// Creates a layer.
    public init(name: String, experiment: String, category: PlotCategory, kind: Kind, label: RichText? = nil,
                showsLabel: Bool = true, isRecast: Bool = false, confidenceLevel: Double? = nil, color: PlotColor? = nil,
                bandOpacity: Double = 0.3) {
        self.name = name
        self.experiment = experiment
        self.category = category
        self.kind = kind
        self.label = label
        self.showsLabel = showsLabel
        self.isRecast = isRecast
        self.confidenceLevel = confidenceLevel
        self.color = color
        self.bandOpacity = bandOpacity
    }

    /// A one-sided (prompt) limit.
    public static func excluded(name: String, experiment: String, category: PlotCategory = .directSearch, x: [Double],
                                lower: [Double?], label: RichText? = nil, isRecast: Bool = false,
                                confidenceLevel: Double? = nil) -> PlotLayer {
        PlotLayer(name: name, experiment: experiment, category: category, kind: .excluded(x: x, lower: lower), label: label,
                  isRecast: isRecast, confidenceLevel: confidenceLevel)
    }

    /// A displaced or beam-dump island.
    public static func island(name: String, experiment: String, category: PlotCategory = .beamDump, x: [Double],
                              lower: [Double?], upper: [Double?], label: RichText? = nil, isRecast: Bool = false,
                              confidenceLevel: Double? = nil) -> PlotLayer {
        PlotLayer(name: name, experiment: experiment, category: category, kind: .island(x: x, lower: lower, upper: upper),
                  label: label, isRecast: isRecast, confidenceLevel: confidenceLevel)
    }

    /// A preferred band.
    public static func band(name: String, experiment: String, x: [Double], lower: [Double?], upper: [Double?],
                            label: RichText? = nil, showsLabel: Bool = true, opacity: Double = 0.3) -> PlotLayer {
        PlotLayer(name: name, experiment: experiment, category: .preferred, kind: .band(x: x, lower: lower, upper: upper),
                  label: label, showsLabel: showsLabel, bandOpacity: opacity)
    }

    /// A projection (dashed curve, listed in the legend).
    public static func projection(name: String, experiment: String, x: [Double], y: [Double?], label: RichText? = nil) -> PlotLayer {
        PlotLayer(name: name, experiment: experiment, category: .projection, kind: .projection(x: x, y: y), label: label)
    }

    /// Closed polygons given directly.
    public static func polygon(name: String, experiment: String, category: PlotCategory, polygons: [[PlotPoint]],
                               label: RichText? = nil, isRecast: Bool = false, confidenceLevel: Double? = nil) -> PlotLayer {
        PlotLayer(name: name, experiment: experiment, category: category, kind: .polygon(polygons), label: label,
                  isRecast: isRecast, confidenceLevel: confidenceLevel)
    }

    /// The label text: ``label``, or the experiment's name taken literally.
    public var displayLabel: RichText { label ?? RichText(plain: experiment) }

    /// The fill colour: ``color``, or the table's colour of the experiment (lightened by 35 % for a
    /// recast).
    public var fillColor: PlotColor {
        let base = color ?? ExperimentColors.color(for: experiment, category: category)
        return isRecast ? base.lightened(0.35) : base
    }

    /// The colour of the thin boundary line: the fill darkened by 30 %.
    public var boundaryColor: PlotColor { fillColor.darkened(0.3) }
}
