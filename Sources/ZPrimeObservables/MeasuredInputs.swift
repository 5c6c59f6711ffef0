import ZPrimeCore
import Foundation

/// One published number: value, one-sigma uncertainty, publication date and citation.
public struct Measurement: Sendable, Hashable, Codable {
    /// A short identifier (e.g. `WA2021`).
    public var id: String
    /// The central value.
    public var value: Double
    /// The one-standard-deviation uncertainty.
    public var uncertainty: Double
    /// Publication date, `YYYY-MM` or `YYYY`.
    public var date: String
    /// Where the number comes from.
    public var citation: String
}

/// A measured deviation Delta a_l = a_l(exp) - a_l(SM) with its uncertainty, the inputs it comes from
/// and a date (the later of the experiment's and the theory's).
public struct AnomalyDataset: Sendable, Hashable {
    /// The dataset's name as typed on the command line (`2021`, `rb2020`, ...).
    public var name: String
    /// The lepton.
    public var lepton: ChargedLepton
    /// Delta a_l.
    public var delta: Double
    /// Its one-sigma uncertainty (experiment and theory in quadrature where both are given).
    public var uncertainty: Double
    /// The experimental input, when the dataset is built from one.
    public var experiment: Measurement?
    /// The Standard Model prediction, when the dataset is built from one.
    public var theory: Measurement?
    /// The date of the newest input.
    public var date: String
    /// Citations of every input.
    public var citations: [String]
    /// A remark (e.g. the tension it shows).
    public var note: String

    /// Delta a in units of its uncertainty.
    public var significance: Double { delta / uncertainty }
}

/// The X17 inputs: the ATOMKI 8Be and 4He results and the later searches.
public struct X17Inputs: Sendable, Hashable {
    /// The measured Gamma_X/Gamma_gamma of 8Be(18.15) -> 8Be X (X -> e+e-).
    public var beryllium18Ratio: Measurement
    /// The X mass fitted to the 8Be(18.15) data, MeV.
    public var beryllium18MassMeV: Measurement
    /// The X mass fitted to the 4He(21.01) data, MeV.
    public var helium21MassMeV: Measurement
    /// The X width quoted with the 4He fit, eV.
    public var helium21WidthEV: Double
    /// MEG II's 90% CL upper limit (`value` is the limit).
    public var megUpperLimit: Measurement
    /// Citation of the null result on 8Be(17.64).
    public var beryllium17Citation: String
    /// Information-only citation of PADME's excess.
    public var padmeCitation: String
}

/// Bounds used by the parity-violation observables.
public struct ParityViolationInputs: Sendable, Hashable {
    /// The bound on |Delta Q_W(Cs)| used by Hati et al. (JHEP 07 (2020) 235).
    public var cesiumWeakChargeLimit: Measurement
    /// E158's momentum transfer Q^2 in GeV^2.
    public var e158MomentumTransferSquared: Double
    /// The bound on |eps^V_e eps^A_e| from E158 used by Hati et al.
    public var e158ProductLimit: Measurement
}

/// Every measured input of the low-energy observables, read from the bundled data file
/// `MeasuredInputs/measured-inputs.json` (values, uncertainties, dates, citations).
///
/// ```swift
/// let inputs = try MeasuredInputs.bundled()
/// let newest = try inputs.dataset(.muon)                      // 2025: 38(63)e-11
/// let tension2021 = try inputs.dataset(.muon, named: "2021")   // 251(59)e-11
/// print(newest.delta, tension2021.delta)
/// ```
public struct MeasuredInputs: Sendable, Hashable {
    /// Delta a_mu datasets in file order.
    public var muonDatasets: [AnomalyDataset]
    /// Delta a_e datasets in file order.
    public var electronDatasets: [AnomalyDataset]
    /// The electron g-2 measurements carried for reference.
    public var electronExperiments: [Measurement]
    /// The X17 inputs.
    public var x17: X17Inputs
    /// The parity-violation inputs.
    public var parityViolation: ParityViolationInputs

    /// The inputs bundled with ZPrime, read once per process.
    public static func bundled() throws(Problem) -> MeasuredInputs {
        try bundledCache.get()
    }

    private static let bundledCache: Result<MeasuredInputs, Problem> = Result { () throws(Problem) -> MeasuredInputs in
        guard let url = Bundle.module.url(forResource: "measured-inputs", withExtension: "json", subdirectory: "MeasuredInputs")
            ?? Bundle.module.url(forResource: "measured-inputs", withExtension: "json") else {
            throw Problem.invalid(.field("MeasuredInputs/measured-inputs.json"), text: "missing", "the bundled data file was not found", kind: .dataFile)
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw Problem.invalid(.field(url.path), text: "unreadable", "\(error)", kind: .dataFile)
        }
        return try MeasuredInputs(json: data, source: url.lastPathComponent)
    }

    /// Parses a data file with the layout of the bundled one.
    public init(json: Data, source: String = "measured inputs") throws(Problem) {
        let file: FileLayout
        do { file = try JSONDecoder().decode(FileLayout.self, from: json) } catch {
            throw Problem.invalid(.field(source), text: "invalid", "not a valid measured-inputs file: \(error)", kind: .dataFile)
        }
        var muon: [AnomalyDataset] = []
        for entry in file.muon_g2.datasets {
            guard let experiment = file.muon_g2.experiments.first(where: { $0.id == entry.experiment }) else {
                throw Problem.invalid(.field("\(source): muon_g2.datasets[\(entry.name)].experiment"), text: entry.experiment, "no experiment with this id", kind: .dataFile)
            }
            guard let theory = file.muon_g2.theory.first(where: { $0.id == entry.theory }) else {
                throw Problem.invalid(.field("\(source): muon_g2.datasets[\(entry.name)].theory"), text: entry.theory, "no theory value with this id", kind: .dataFile)
            }
            muon.append(AnomalyDataset(
                name: entry.name, lepton: .muon,
                delta: experiment.value - theory.value,
                uncertainty: (experiment.uncertainty * experiment.uncertainty + theory.uncertainty * theory.uncertainty).squareRoot(),
                experiment: experiment, theory: theory,
                date: max(experiment.date, theory.date),
                citations: [experiment.citation, theory.citation], note: entry.note ?? ""))
        }
        let electron = file.electron_g2.datasets.map { entry in
            AnomalyDataset(name: entry.name, lepton: .electron, delta: entry.delta, uncertainty: entry.uncertainty,
                           experiment: nil, theory: nil, date: entry.date, citations: [entry.citation], note: entry.note ?? "")
        }
        for dataset in muon + electron where !(dataset.uncertainty > 0) || !dataset.delta.isFinite {
            throw Problem.invalid(.field("\(source): \(dataset.lepton.rawValue) dataset \(dataset.name)"), text: "\(dataset.delta) +- \(dataset.uncertainty)",
                                  "needs a finite value and a positive uncertainty", kind: .dataFile)
        }
        muonDatasets = muon
        electronDatasets = electron
        electronExperiments = file.electron_g2.experiments
        let x = file.x17
        x17 = X17Inputs(
            beryllium18Ratio: Measurement(id: "ATOMKI2019-ratio", value: x.be8_18_15.ratio, uncertainty: x.be8_18_15.ratio_uncertainty, date: x.be8_18_15.date, citation: x.be8_18_15.citation),
            beryllium18MassMeV: Measurement(id: "ATOMKI2019-mass", value: x.be8_18_15.mass_mev, uncertainty: x.be8_18_15.mass_uncertainty_mev, date: x.be8_18_15.date, citation: x.be8_18_15.citation),
            helium21MassMeV: Measurement(id: "ATOMKI2019-He", value: x.he4_21_01.mass_mev, uncertainty: x.he4_21_01.mass_uncertainty_mev, date: x.he4_21_01.date, citation: x.he4_21_01.citation),
            helium21WidthEV: x.he4_21_01.width_ev,
            megUpperLimit: Measurement(id: "MEGII2024", value: x.meg2.upper_limit_ratio, uncertainty: 0, date: x.meg2.date, citation: x.meg2.citation),
            beryllium17Citation: x.be8_17_64.citation,
            padmeCitation: x.padme.citation)
        let pv = file.parity_violation
        parityViolation = ParityViolationInputs(
            cesiumWeakChargeLimit: Measurement(id: "APV-Cs", value: pv.cesium_apv.delta_qw_upper_limit, uncertainty: 0, date: pv.cesium_apv.date, citation: pv.cesium_apv.citation),
            e158MomentumTransferSquared: pv.e158.momentum_transfer_gev2,
            e158ProductLimit: Measurement(id: "E158", value: pv.e158.product_upper_limit, uncertainty: 0, date: pv.e158.date, citation: pv.e158.citation))
    }

    /// The datasets for `lepton` (none for the tau).
    public func datasets(_ lepton: ChargedLepton) -> [AnomalyDataset] {
        switch lepton {
        case .muon: return muonDatasets
        case .electron: return electronDatasets
        case .tau: return []
        }
    }

    /// The dataset called `name` (case-insensitive) for `lepton`, or the newest one when `name` is nil.
    ///
    /// - Throws: ``Problem`` naming the available datasets when `name` is unknown, or when the
    ///   lepton has no dataset (the tau).
    public func dataset(_ lepton: ChargedLepton, named name: String? = nil) throws(Problem) -> AnomalyDataset {
        let all = datasets(lepton)
        guard !all.isEmpty else {
            throw Problem.invalid(lepton == .electron ? .electronDataset : .muonDataset, text: name ?? "(default)",
                                  "no measured Delta a for the \(lepton.rawValue)", kind: .unknownName)
        }
        guard let name else {
            // The newest by date; file order breaks ties.
            return all.enumerated().max { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }!.element
        }
        guard let match = all.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw Problem.invalid(lepton == .electron ? .electronDataset : .muonDataset, text: name,
                                  "unknown \(lepton.rawValue) dataset; available: \(all.map(\.name).joined(separator: ", "))", kind: .unknownName)
        }
        return match
    }

    // MARK: File layout

    private struct FileLayout: Decodable {
        struct Dataset: Decodable { var name: String; var experiment: String; var theory: String; var note: String? }
        struct Muon: Decodable { var experiments: [Measurement]; var theory: [Measurement]; var datasets: [Dataset] }
        struct ElectronDataset: Decodable { var name: String; var delta: Double; var uncertainty: Double; var date: String; var citation: String; var note: String? }
        struct Electron: Decodable { var experiments: [Measurement]; var datasets: [ElectronDataset] }
        struct Beryllium18: Decodable { var mass_mev: Double; var mass_uncertainty_mev: Double; var ratio: Double; var ratio_uncertainty: Double; var date: String; var citation: String }
        struct Cited: Decodable { var date: String; var citation: String }
        struct Helium: Decodable { var mass_mev: Double; var mass_uncertainty_mev: Double; var width_ev: Double; var date: String; var citation: String }
        struct Meg: Decodable { var upper_limit_ratio: Double; var confidence_level: Double; var date: String; var citation: String }
        struct X17: Decodable { var be8_18_15: Beryllium18; var be8_17_64: Cited; var he4_21_01: Helium; var meg2: Meg; var padme: Cited }
        struct Cesium: Decodable { var delta_qw_upper_limit: Double; var date: String; var citation: String }
        struct E158: Decodable { var momentum_transfer_gev2: Double; var product_upper_limit: Double; var date: String; var citation: String }
        struct Parity: Decodable { var cesium_apv: Cesium; var e158: E158 }
        var muon_g2: Muon
        var electron_g2: Electron
        var x17: X17
        var parity_violation: Parity
    }
}
