import Foundation
@testable import ZPrimeConstraints
import ZPrimeCore
import ZPrimeModels
import ZPrimePoint

/// Paths and shared helpers of the constraints tests.
enum Support {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let limitData = packageRoot.appendingPathComponent("Sources/ZPrimeConstraints/LimitData")
    static var fixtures: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }

    static func model(_ name: String) -> Model { BuiltinModels.model(named: name)! }

    static func point(_ name: String, mass: Double = 0.01, coupling: Double = 1e-4, neutrinos: LightNeutrinos = .leftHandedMajorana,
                      darkSector: DarkSector = .none) throws -> ParameterPoint {
        let m = model(name)
        if m.isU1Charged {
            return try ParameterPoint(model: m, mass: mass, coupling: coupling, kineticMixing: m.kineticMixingRatio != nil ? .model : .none,
                                      neutrinos: neutrinos, darkSector: darkSector)
        }
        return try ParameterPoint(model: m, mass: mass, coupling: 0, kineticMixing: .fixed(coupling), neutrinos: neutrinos, darkSector: darkSector)
    }

    static func limit(_ name: String) throws -> Limit {
        guard let l = try LimitCatalogue.bundled().limit(named: name) else { throw Problem.invalid(.field("limit"), text: name, "unknown") }
        return l
    }

    /// Rows (mass, lower, upper?) of a text limit file, DarkCast's repeated-mass rule applied.
    static func textRows(_ file: String) throws -> [Double: [Double]] {
        var rows: [Double: [Double]] = [:]
        for line in try String(contentsOf: limitData.appendingPathComponent(file), encoding: .utf8).split(separator: "\n") {
            let fields = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].split(separator: " ").compactMap { Double($0) }
            if fields.count >= 2 { rows[fields[0]] = Array(fields.dropFirst()) }
        }
        return rows
    }
}
