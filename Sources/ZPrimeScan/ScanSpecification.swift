import Foundation
import ZPrimeCore
import ZPrimePoint

/// What a scan computes: a base ``ZPrimePoint/ParameterPoint`` and two axes, each a continuous
/// parameter of the point with its values. Point (ix, iy) is the base point with the x parameter at
/// `xValues[ix]` and the y parameter at `yValues[iy]`; its index is `iy * xCount + ix` (x runs
/// fastest), the same in every shard, store and export.
///
/// Validation (each a ``ZPrimeCore/Problem`` naming the axis, `.field("x")` or `.field("y")`): an
/// unknown parameter, the same parameter twice, `kinetic_mixing` with `mixing_ratio` (setting one
/// replaces the other), an empty axis, an inverted range, a non-positive log range, more than
/// ``maximumPointCount`` points, and end values the point refuses (a mass above the maximum, a
/// coupling the model does not take).
///
/// ```swift
/// let base = try ParameterPoint(model: BuiltinModels.model(named: "B-L")!, mass: 0.01, coupling: 1e-4)
/// let scan = try ScanSpecification(base: base,
///                                  x: ScanAxis(parameter: "mass", start: 1e-3, end: 1, count: 4),
///                                  y: ScanAxis(parameter: "coupling", start: 1e-6, end: 1e-3, count: 3))
/// print(scan.pointCount, try scan.point(at: 5).mass, try scan.point(at: 5).coupling)   // 12 0.01 3.16e-05 (up to rounding)
/// print(Array(scan.indices(in: try Shard(index: 2, count: 5))))                       // [1, 6, 11]
/// ```
public struct ScanSpecification: Sendable, Hashable {
    /// The point every scan point starts from (its values of the two scanned parameters are replaced).
    public let base: ParameterPoint
    /// The horizontal axis.
    public let x: ScanAxis
    /// The vertical axis.
    public let y: ScanAxis
    /// The x values, increasing.
    public let xValues: [Double]
    /// The y values, increasing.
    public let yValues: [Double]

    /// The largest number of points of one scan, 10^8 (about 50 GB of store at 30 columns): a count
    /// typed by mistake fails at once.
    public static let maximumPointCount = 100_000_000

    /// Checks the axes against the base point and computes their values.
    public init(base: ParameterPoint, x: ScanAxis, y: ScanAxis) throws(Problem) {
        for (axis, role) in [(x, ScanAxis.Role.x), (y, .y)] {
            let known = ParameterPoint.parameterNames + base.modelParameters.keys.sorted()
            guard known.contains(axis.parameter) else {
                throw Problem.invalid(role.parameter, text: axis.parameter,
                                      "not a parameter of this point (known: \(known.joined(separator: ", ")))", kind: .unknownName)
            }
        }
        guard x.parameter != y.parameter else {
            throw Problem.invalid(ScanAxis.Role.y.parameter, text: y.parameter, "the x axis already scans \(x.parameter): scan two different parameters",
                                  kind: .conflict)
        }
        guard Set([x.parameter, y.parameter]) != Set(["kinetic_mixing", "mixing_ratio"]) else {
            throw Problem.invalid(ScanAxis.Role.y.parameter, text: y.parameter,
                                  "kinetic_mixing and mixing_ratio cannot be scanned together: setting one replaces the other", kind: .conflict)
        }
        let xs = try x.values(role: .x)
        let ys = try y.values(role: .y)
        guard xs.count.multipliedReportingOverflow(by: ys.count).partialValue <= Self.maximumPointCount, xs.count <= Self.maximumPointCount else {
            throw Problem.invalid(ScanAxis.Role.y.parameter, text: "\(xs.count) x \(ys.count)",
                                  "the scan has more than \(Self.maximumPointCount) points; shard it into several scans or use fewer points")
        }
        // Each axis's end values on the base point, then the four corners: a systematic problem (a
        // value the point refuses, a parameter the model fixes) fails here, before any work.
        for (axis, role, values) in [(x, ScanAxis.Role.x, xs), (y, .y, ys)] {
            for value in [values.first!, values.last!] {
                do { _ = try base.withParameter(axis.parameter, value) } catch {
                    throw Problem(error.kind, parameter: role.parameter, value: axis.description, severity: .error,
                                  message: "\(axis.parameter) = \(Problem.format(value)): \(error.message)")
                }
            }
        }
        self.base = base
        self.x = x
        self.y = y
        self.xValues = xs
        self.yValues = ys
        for (ix, iy) in [(0, 0), (xs.count - 1, 0), (0, ys.count - 1), (xs.count - 1, ys.count - 1)] {
            do { _ = try point(ix: ix, iy: iy) } catch {
                throw Problem(error.kind, parameter: ScanAxis.Role.x.parameter, value: x.description, severity: .error,
                              message: "the corner \(x.parameter) = \(Problem.format(xs[ix])), \(y.parameter) = \(Problem.format(ys[iy])) is not a valid point: \(error.description)")
            }
        }
    }

    /// The number of points, `xValues.count * yValues.count`.
    public var pointCount: Int { xValues.count * yValues.count }

    /// The grid position of point `index` (0 ..< ``pointCount``).
    public func coordinates(of index: Int) -> (ix: Int, iy: Int) {
        (index % xValues.count, index / xValues.count)
    }

    /// The index of grid position (ix, iy).
    public func index(ix: Int, iy: Int) -> Int { iy * xValues.count + ix }

    /// The parameter point at grid position (ix, iy).
    ///
    /// - Throws: ``ZPrimeCore/Problem`` when the point refuses the values (an interior point where a
    ///   tied eps reaches 1, for example); a scan records such a point as failed.
    public func point(ix: Int, iy: Int) throws(Problem) -> ParameterPoint {
        let xValue = xValues[ix], yValue = yValues[iy]
        do {
            return try base.withParameter(x.parameter, xValue).withParameter(y.parameter, yValue)
        } catch {
            // The checks run after each step: the other order may pass where this one's intermediate
            // point does not (a coupling and a ratio whose product is limited).
            if let point = try? base.withParameter(y.parameter, yValue).withParameter(x.parameter, xValue) { return point }
            throw error
        }
    }

    /// The parameter point with index `index`.
    public func point(at index: Int) throws(Problem) -> ParameterPoint {
        let (ix, iy) = coordinates(of: index)
        return try point(ix: ix, iy: iy)
    }

    /// The indices of the points of `shard`: dealt out round-robin (point k to shard k mod N + 1),
    /// so every point is in exactly one shard and shards mix cheap and expensive masses alike.
    public func indices(in shard: Shard) -> StrideTo<Int> { shard.roundRobin(pointCount) }

    /// The number of points of `shard`.
    public func pointCount(in shard: Shard) -> Int {
        pointCount >= shard.index ? (pointCount - shard.index) / shard.count + 1 : 0
    }

    // MARK: Canonical form

    private struct Canonical: Codable {
        var format: Int
        var base: ParameterPoint
        var x: ScanAxis
        var y: ScanAxis
    }

    /// The version of the canonical form.
    public static let canonicalFormat = 1

    /// The specification as canonical JSON (sorted keys, shortest round-trip numbers): two
    /// specifications are the same exactly when their canonical texts are equal. Stored with a scan.
    public var canonicalJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain values (strings, finite numbers, exact rationals as text) cannot fail.
        let data = (try? encoder.encode(Canonical(format: Self.canonicalFormat, base: base, x: x, y: y))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a specification back from ``canonicalJSON`` and checks it again.
    public init(canonicalJSON text: String) throws(Problem) {
        let decoded: Canonical
        do { decoded = try JSONDecoder().decode(Canonical.self, from: Data(text.utf8)) } catch {
            throw Problem.invalid(.field("specification"), text: String(text.prefix(40)), "not a scan specification: \(error)", kind: .dataFile)
        }
        guard decoded.format == Self.canonicalFormat else {
            throw Problem.invalid(.field("specification"), text: "format \(decoded.format)",
                                  "this ZPrime reads scan specifications of format \(Self.canonicalFormat)", kind: .dataFile)
        }
        try self.init(base: decoded.base, x: decoded.x, y: decoded.y)
    }
}
