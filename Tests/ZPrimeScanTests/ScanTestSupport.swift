import Foundation
import Synchronization
import ZPrimeCore
import ZPrimeModels
import ZPrimePoint
@testable import ZPrimeScan

/// A fresh temporary directory, removed by `cleanup()`.
struct TemporaryDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("zprime-scan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    var files: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() }
    func cleanup() { try? FileManager.default.removeItem(at: url) }
}

/// A cheap evaluator that counts its calls, can fail chosen points, return a non-finite number at
/// others, and ask the scan to stop after a number of calls. Its numbers are simple functions of
/// the point, so a test knows every expected cell.
final class CountingEvaluator: PointEvaluator, @unchecked Sendable {
    let calls = Atomic<Int>(0)
    let failAtMassAbove: Double?
    let nonFiniteAtMass: Double?
    let stopAfter: Int?
    let cancellation: ScanCancellation?
    let revision: Int

    init(failAtMassAbove: Double? = nil, nonFiniteAtMass: Double? = nil, stopAfter: Int? = nil, cancellation: ScanCancellation? = nil, revision: Int = 1) {
        self.failAtMassAbove = failAtMassAbove
        self.nonFiniteAtMass = nonFiniteAtMass
        self.stopAfter = stopAfter
        self.cancellation = cancellation
        self.revision = revision
    }

    var columns: [ScanColumn] {
        [try! ScanColumn(name: "mass_mev", kind: .observable, description: "the mass in MeV", unit: "MeV"),
         try! ScanColumn(name: "toy_limit", kind: .constraint, description: "excluded above g = 1e-4", citations: ["a test"]),
         try! ScanColumn(name: "toy_band", kind: .anomaly, description: "explains for 1e-5 <= g <= 1e-4")]
    }

    var fingerprint: String { "counting-evaluator \(revision)" }

    var count: Int { calls.load(ordering: .relaxed) }

    func evaluate(_ point: ParameterPoint) throws(Problem) -> ScanRow {
        let n = calls.add(1, ordering: .relaxed).newValue
        if let stopAfter, n >= stopAfter { cancellation?.cancel() }
        if let failAtMassAbove, point.mass > failAtMassAbove {
            throw Problem.invalid(.mass, point.mass, "is above the toy evaluator's range")
        }
        let g = point.coupling
        let mass = point.mass == nonFiniteAtMass ? Double.nan : point.mass * 1e3
        let limit: ScanCell = point.mass > 0.5 ? .verdict(.outsideMassRange, nil) : .verdict(g / 1e-4 > 1 ? .excluded : .allowed, g / 1e-4)
        let band: ScanCell = .verdict(g >= 1e-5 && g <= 1e-4 ? .explains : .allowed, log10(g / 3e-5))
        return ScanRow(cells: [.value(mass), limit, band], warnings: g > 1e-3 ? [.warning(.nonPerturbativeCoupling, .coupling, value: g, "toy")] : [])
    }
}

enum Fixtures {
    static let bMinusL = BuiltinModels.model(named: "B-L")!

    /// B-L at g_X = 1e-4, mass 10 MeV.
    static func base() throws(Problem) -> ParameterPoint { try ParameterPoint(model: bMinusL, mass: 0.01, coupling: 1e-4) }

    /// mass 1 MeV ... 1 GeV (nx points) x g 1e-6 ... 1e-2 (ny points), log.
    static func plane(nx: Int = 7, ny: Int = 5) throws(Problem) -> ScanSpecification {
        try ScanSpecification(base: base(), x: ScanAxis(parameter: "mass", start: 1e-3, end: 1, count: nx),
                              y: ScanAxis(parameter: "coupling", start: 1e-6, end: 1e-2, count: ny))
    }

    /// The CSV export of a store.
    static func csv(_ path: String) throws -> String {
        var text = ""
        try ScanExport.export(path: path, format: .csv) { text += $0 }
        return text
    }

    /// Options with `threads` workers, committing every `commitEvery` points.
    static func options(threads: Int = 2, shard: Shard = .whole, resume: Bool = false, overwrite: Bool = false, commitEvery: Int? = nil) -> ScanRunner.Options {
        var o = ScanRunner.Options()
        o.threads = threads
        o.shard = shard
        o.resume = resume
        o.overwrite = overwrite
        o.commitEvery = commitEvery
        return o
    }
}
