import Foundation
import ZPrimeCore
import ZPrimeObservables
import ZPrimePoint

/// The probes of this module over a mass grid for one model, next to the (g-2)_mu band: the data of
/// a limit plot (lower edges of the excluded couplings, excluded intervals, the band) and the masses
/// where the band survives.
///
/// ```swift
/// let point = try ParameterPoint(model: BuiltinModels.model(named: "Lmu-Ltau")!, mass: 0.05, coupling: 5e-4,
///                                datasets: DatasetSelection(muon: "2021"))
/// let curves = try ProbeCurves(point: point, masses: [0.02, 0.2], constraints: [CCFRTridentConstraint()])
/// print(curves.rows[0].band as Any, curves.rows[0].excluded["CCFR_trident"] as Any)
/// ```
public struct ProbeCurves: Sendable {
    /// One mass.
    public struct Row: Sendable {
        /// The mass, GeV.
        public let mass: Double
        /// The (g-2)_mu band of the model's coupling (nil: no band at this mass).
        public let band: ClosedRange<Double>?
        /// Excluded coupling intervals by constraint name.
        public let excluded: [String: [ClosedRange<Double>]]

        /// The part of the band no constraint excludes (nil: none left, or no band).
        public var survivingBand: [ClosedRange<Double>] {
            guard let band else { return [] }
            var pieces = [band]
            for intervals in excluded.values {
                for cut in intervals {
                    pieces = pieces.flatMap { piece -> [ClosedRange<Double>] in
                        var out: [ClosedRange<Double>] = []
                        if cut.lowerBound > piece.lowerBound { out.append(piece.lowerBound...min(piece.upperBound, cut.lowerBound)) }
                        if cut.upperBound < piece.upperBound { out.append(max(piece.lowerBound, cut.upperBound)...piece.upperBound) }
                        return out.filter { $0.upperBound > $0.lowerBound }
                    }
                }
            }
            return pieces
        }
    }

    /// The constraints' names, in order.
    public let names: [String]
    /// The rows, by mass.
    public let rows: [Row]
    /// The muon g-2 dataset of the band.
    public let dataset: String

    /// The probes of `point`'s model (its discrete choices and datasets) at `masses`.
    ///
    /// - Throws: ``Problem`` for invalid masses or a failed evaluation.
    public init(point: ParameterPoint, masses: [Double], constraints: [any ProbeConstraint] = ProbeConstraints.all,
                sigmas: Double = 2) throws(Problem) {
        names = constraints.map(\.info.name)
        var rows: [Row] = []
        var datasetName = ""
        for mass in masses {
            let at = try point.withMass(mass)
            let report = try ObservableReport(point: at, settings: ObservableSettings(sigmas: sigmas))
            var band: ClosedRange<Double>? = nil
            if let prediction = report["delta_a_mu"], let b = prediction.band {
                datasetName = prediction.measurement?.id ?? datasetName
                if case .band(let lower, let upper) = b.outcome { band = (lower * at.modelCoupling)...(upper * at.modelCoupling) }
            }
            var excluded: [String: [ClosedRange<Double>]] = [:]
            for constraint in constraints where constraint.info.massRange.contains(mass) {
                excluded[constraint.info.name] = (try? constraint.excludedCouplings(for: at, mass: mass)) ?? []
            }
            rows.append(Row(mass: mass, band: band, excluded: excluded))
        }
        self.rows = rows
        dataset = datasetName
    }

    /// The masses whose band is not fully excluded.
    public var survivingMasses: [Double] { rows.filter { !$0.survivingBand.isEmpty }.map(\.mass) }
}
