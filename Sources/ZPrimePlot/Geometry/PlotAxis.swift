import Foundation
import ZPrimeCore

/// How an axis maps values to positions.
public enum AxisScale: String, Sendable, Hashable, Codable, CaseIterable {
    /// Positions proportional to log10 of the value (values > 0).
    case logarithmic
    /// Positions proportional to the value.
    case linear
}

/// One axis of a plot: its title, range and scale, and the factor between the data's unit and the
/// unit of the tick labels.
///
/// Data are always in the library's units (GeV for masses); `labelScale` only changes what the tick
/// labels say, so an axis over 0.016 ... 0.018 GeV with `labelScale` 1000 is labelled 16 ... 18 and
/// titled in MeV.
///
/// ```swift
/// let mass = PlotAxis.bosonMass(from: 1e-3, to: 1e2)
/// print(mass.title.plainText)            // mZ′ [GeV]
/// let zoom = PlotAxis.bosonMass(from: 0.016, to: 0.018, unit: .MeV)
/// print(zoom.title.plainText, zoom.labelScale)   // mZ′ [MeV] 1000.0
/// let coupling = PlotAxis.coupling("g_{B−L}", from: 1e-6, to: 1e-2)
/// print(coupling.scale)                  // logarithmic
/// ```
public struct PlotAxis: Sendable, Hashable, Codable {
    /// The unit of a mass axis.
    public enum MassUnit: String, Sendable, Hashable, Codable {
        /// GeV (labels show the data).
        case GeV
        /// MeV (labels show 1000 times the data, which stay in GeV).
        case MeV

        /// The factor from GeV to the unit.
        public var scale: Double { self == .GeV ? 1 : 1000 }
    }

    /// The axis title.
    public var title: RichText
    /// The smallest value shown (data units).
    public var lower: Double
    /// The largest value shown (data units).
    public var upper: Double
    /// Logarithmic or linear.
    public var scale: AxisScale
    /// Tick labels show value x labelScale (a power of ten keeps decade ticks on decades).
    public var labelScale: Double

    /// Creates an axis.
    public init(title: RichText, lower: Double, upper: Double, scale: AxisScale = .logarithmic, labelScale: Double = 1) {
        self.title = title
        self.lower = lower
        self.upper = upper
        self.scale = scale
        self.labelScale = labelScale
    }

    /// The axis of the boson mass, titled `m_{Z′} [GeV]` (or the given symbol and MeV).
    public static func bosonMass(from lower: Double, to upper: Double, unit: MassUnit = .GeV, symbol: RichText = "m_{Z′}",
                                 scale: AxisScale = .logarithmic) -> PlotAxis {
        PlotAxis(title: symbol + RichText(plain: " [\(unit.rawValue)]"), lower: lower, upper: upper, scale: scale, labelScale: unit.scale)
    }

    /// A coupling axis titled by the model's coupling (`g_{B−L}`, `ε`, `g_{μ−τ}`), never a bare g.
    public static func coupling(_ name: RichText, from lower: Double, to upper: Double, scale: AxisScale = .logarithmic) -> PlotAxis {
        PlotAxis(title: name, lower: lower, upper: upper, scale: scale)
    }

    /// Throws unless the range is finite, increasing, and positive on a logarithmic axis, and the label
    /// scale is finite and > 0; `name` names the axis in the problem ("x axis").
    public func validate(_ name: String) throws(Problem) {
        guard lower.isFinite else { throw Problem.invalid(.field("\(name) lower end"), lower, "must be a finite number") }
        guard upper.isFinite else { throw Problem.invalid(.field("\(name) upper end"), upper, "must be a finite number") }
        if scale == .logarithmic {
            guard lower > 0 else { throw Problem.invalid(.field("\(name) lower end"), lower, "must be > 0 on a logarithmic axis") }
        }
        guard lower < upper else {
            throw Problem.invalid(.field("\(name) range"), text: "\(Problem.format(lower))...\(Problem.format(upper))",
                                  "the lower end must be below the upper end")
        }
        guard labelScale.isFinite, labelScale > 0 else {
            throw Problem.invalid(.field("\(name) label scale"), labelScale, "must be finite and > 0")
        }
    }

    /// The plot-space coordinate of a value: log10(value) on a logarithmic axis, the value on a linear
    /// one (NaN for a value <= 0 on a logarithmic axis).
    public func plotCoordinate(_ value: Double) -> Double {
        switch scale {
        case .logarithmic: return value > 0 ? log10(value) : .nan
        case .linear: return value
        }
    }

    /// The value at a plot-space coordinate (the inverse of ``plotCoordinate(_:)``).
    public func value(atPlotCoordinate u: Double) -> Double {
        switch scale {
        case .logarithmic: return pow(10, u)
        case .linear: return u
        }
    }

    /// The plot-space interval of the axis.
    public var plotRange: ClosedRange<Double> { plotCoordinate(lower)...plotCoordinate(upper) }
}

/// The affine map between an axis's plot space and pixel positions: `start` is the pixel of the
/// axis's lower end and `end` of its upper end (for a y axis in SVG, start > end).
///
/// ```swift
/// let x = try AxisMapping(axis: .bosonMass(from: 1e-3, to: 1e2), start: 100, end: 600)
/// print(x.pixel(for: 1))                  // 400.0 (three of five decades)
/// print(x.value(atPixel: 400))            // 1.0
/// ```
public struct AxisMapping: Sendable, Hashable {
    /// The axis.
    public let axis: PlotAxis
    /// The pixel of the lower end.
    public let start: Double
    /// The pixel of the upper end.
    public let end: Double
    private let u0: Double
    private let scale: Double

    /// Creates the mapping; throws when the axis is invalid (see ``PlotAxis/validate(_:)``) or the
    /// pixel span is empty or not finite.
    public init(axis: PlotAxis, start: Double, end: Double, name: String = "axis") throws(Problem) {
        try axis.validate(name)
        guard start.isFinite, end.isFinite, start != end else {
            throw Problem.invalid(.field("\(name) pixel span"), text: "\(start)...\(end)", "must be finite and non-empty")
        }
        self.axis = axis
        self.start = start
        self.end = end
        let range = axis.plotRange
        u0 = range.lowerBound
        scale = (end - start) / (range.upperBound - range.lowerBound)
    }

    /// The pixel position of a plot-space coordinate.
    public func pixel(forPlotCoordinate u: Double) -> Double { start + (u - u0) * scale }

    /// The plot-space coordinate of a pixel position.
    public func plotCoordinate(atPixel p: Double) -> Double { u0 + (p - start) / scale }

    /// The pixel position of a data value.
    public func pixel(for value: Double) -> Double { pixel(forPlotCoordinate: axis.plotCoordinate(value)) }

    /// The data value at a pixel position.
    public func value(atPixel p: Double) -> Double { axis.value(atPlotCoordinate: plotCoordinate(atPixel: p)) }

    /// Pixels per plot-space unit (per decade on a logarithmic axis); negative for a flipped axis.
    public var pixelsPerUnit: Double { scale }
}
