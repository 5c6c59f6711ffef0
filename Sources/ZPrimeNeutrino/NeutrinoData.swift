import Foundation
import ZPrimeCore

/// The cited inputs of the neutrino-scattering stage, read once from the package resource
/// `NeutrinoData/` (see its README for provenance): the oscillation parameters (NuFIT 6.0), the
/// standard solar model B16-GS98 (fluxes, production distributions), the 8B spectrum of Winter et
/// al., target nuclei and atomic shells, the stopped-pion experiments (the four projected detectors
/// of Amaral, Cerdeno, Foldenauer, Reid, arXiv:2006.11225, and COHERENT's measured results), xenon
/// detectors and Borexino's 7Be rate.
///
/// ```swift
/// let data = try NeutrinoData.bundled()
/// print(data.oscillation.name)                                  // NuFIT 6.0
/// print(data.stoppedPionExperiments.map(\.name))               // CENNS610, ESS10, CCM, ESS, COHERENT-...
/// ```
public struct NeutrinoData: Sendable, Codable {
    /// The oscillation inputs.
    public struct Oscillation: Sendable, Codable, Hashable {
        public var name: String
        public var description: String
        public var citation: String
        public var theta12Degrees: Double
        public var theta13Degrees: Double
        public var theta23Degrees: Double
        public var deltaCPDegrees: Double
        public var dm21EV2: Double
        public var dm31EV2: Double

        enum CodingKeys: String, CodingKey {
            case name, description, citation
            case theta12Degrees = "theta12_degrees", theta13Degrees = "theta13_degrees", theta23Degrees = "theta23_degrees"
            case deltaCPDegrees = "delta_cp_degrees", dm21EV2 = "dm21_ev2", dm31EV2 = "dm31_ev2"
        }
    }

    /// One solar neutrino source as data.
    public struct SolarSourceRecord: Sendable, Codable, Hashable {
        public var name: String
        public var fluxPerSquareCentimetreSecond: Double
        public var relativeUncertainty: Double
        public var kind: String
        public var endpointMeV: Double?
        public var daughterCharge: Int?
        public var linesMeV: [Double]?
        public var lineFractions: [Double]?
        public var table: String?
        public var productionColumn: Int

        enum CodingKeys: String, CodingKey {
            case name, kind, table
            case fluxPerSquareCentimetreSecond = "flux_cm2_s", relativeUncertainty = "relative_uncertainty"
            case endpointMeV = "endpoint_mev", daughterCharge = "daughter_charge", linesMeV = "lines_mev"
            case lineFractions = "line_fractions", productionColumn = "production_column"
        }
    }

    /// The solar model.
    public struct SolarModelRecord: Sendable, Codable, Hashable {
        public var name: String
        public var citation: String
        public var productionTable: String
        public var sources: [SolarSourceRecord]
        public var spectrumCitations: String
        public var bahcallMeanEnergiesMeV: [String: Double]

        enum CodingKeys: String, CodingKey {
            case name, citation, sources
            case productionTable = "production_table", spectrumCitations = "spectrum_citations"
            case bahcallMeanEnergiesMeV = "bahcall_mean_energies_mev"
        }
    }

    /// An isotope of a target.
    public struct IsotopeRecord: Sendable, Codable, Hashable {
        public var name: String
        public var protons: Int
        public var neutrons: Int
        public var atomicMassU: Double
        public var abundance: Double

        enum CodingKeys: String, CodingKey {
            case name, protons, neutrons, abundance
            case atomicMassU = "atomic_mass_u"
        }
    }

    /// Atomic shells (binding energies in eV and occupancies).
    public struct ShellsRecord: Sendable, Codable, Hashable {
        public var citation: String
        public var bindingEV: [Double]
        public var electrons: [Int]
        public var labels: [String]

        enum CodingKeys: String, CodingKey {
            case citation, electrons, labels
            case bindingEV = "binding_ev"
        }
    }

    /// A target material.
    public struct TargetRecord: Sendable, Codable, Hashable {
        public var name: String
        public var description: String
        public var electronsPerAtom: Int
        public var citation: String
        public var isotopes: [IsotopeRecord]
        public var shells: ShellsRecord?

        enum CodingKeys: String, CodingKey {
            case name, description, citation, isotopes, shells
            case electronsPerAtom = "electrons_per_atom"
        }
    }

    /// The detector response of a measured stopped-pion result.
    public struct ResponseRecord: Sendable, Codable, Hashable {
        public var kind: String
        public var quenchingFactor: Double?
        public var quenchingPolynomialMeV: [Double]?
        public var photoelectronsPerKeVee: Double?
        public var acceptance: [String: Double]?
        public var efficiency: [String: Double]?
        public var resolution: [Double]?
        public var peWindow: [Double]?
        public var table: String?
        public var timing: [String: Double]?

        enum CodingKeys: String, CodingKey {
            case kind, acceptance, efficiency, resolution, table, timing
            case quenchingFactor = "quenching_factor", quenchingPolynomialMeV = "quenching_polynomial_mev"
            case photoelectronsPerKeVee = "photoelectrons_per_kevee", peWindow = "pe_window"
        }
    }

    /// A stopped-pion experiment as data.
    public struct StoppedPionRecord: Sendable, Codable, Hashable {
        public var name: String
        public var target: String
        public var massKilograms: Double
        public var thresholdKeV: Double
        public var protonsPerYear: Double?
        public var protonsTotal: Double?
        public var neutrinosPerFlavourPerProton: Double
        public var distanceMetres: Double
        public var systematic: Double?
        public var kind: String
        public var year: Int?
        public var response: ResponseRecord?
        public var observed: Double?
        public var observedUncertainty: Double?
        public var predicted: Double?
        public var predictedUncertainty: Double?
        public var citation: String

        enum CodingKeys: String, CodingKey {
            case name, target, systematic, kind, year, response, observed, predicted, citation
            case massKilograms = "mass_kg", thresholdKeV = "threshold_kev", protonsPerYear = "protons_per_year"
            case protonsTotal = "protons_total", neutrinosPerFlavourPerProton = "neutrinos_per_flavour_per_proton"
            case distanceMetres = "distance_m", observedUncertainty = "observed_uncertainty", predictedUncertainty = "predicted_uncertainty"
        }
    }

    /// A xenon detector as data.
    public struct XenonDetectorRecord: Sendable, Codable, Hashable {
        public var name: String
        public var target: String
        public var fiducialMassTonnes: Double
        public var years: Double
        public var thresholdsKeV: [Double]
        public var citation: String

        enum CodingKeys: String, CodingKey {
            case name, target, years, citation
            case fiducialMassTonnes = "fiducial_mass_tonnes", thresholdsKeV = "thresholds_kev"
        }
    }

    /// Borexino's 7Be measurement.
    public struct BorexinoRecord: Sendable, Codable, Hashable {
        public var name: String
        public var rateCountsPerDayPer100Tonnes: Double
        public var statistical: Double
        public var systematicPlus: Double
        public var systematicMinus: Double
        public var electronsPer100Tonnes: Double
        public var recoilWindowMeV: [Double]
        public var fluxUncertainty: Double
        public var ssmPrediction: Double
        public var ssmPredictionUncertainty: Double
        public var citation: String
        public var windowNote: String

        enum CodingKeys: String, CodingKey {
            case name, statistical, citation
            case rateCountsPerDayPer100Tonnes = "rate_cpd_100t", systematicPlus = "systematic_plus", systematicMinus = "systematic_minus"
            case electronsPer100Tonnes = "electrons_per_100t", recoilWindowMeV = "recoil_window_mev", fluxUncertainty = "flux_uncertainty"
            case ssmPrediction = "ssm_prediction_cpd_100t", ssmPredictionUncertainty = "ssm_prediction_uncertainty", windowNote = "window_note"
        }
    }

    public var format: String
    public var oscillation: Oscillation
    public var solarModel: SolarModelRecord
    public var targets: [TargetRecord]
    public var stoppedPionExperiments: [StoppedPionRecord]
    public var xenonDetectors: [XenonDetectorRecord]
    public var borexino: BorexinoRecord

    enum CodingKeys: String, CodingKey {
        case format, oscillation, targets, borexino
        case solarModel = "solar_model", stoppedPionExperiments = "stopped_pion_experiments", xenonDetectors = "xenon_detectors"
    }

    /// The numeric columns of a whitespace-separated table resource (`#` comments), checked to have
    /// `columns` finite entries per row.
    public static func table(named name: String, columns: Int) throws(Problem) -> [[Double]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "NeutrinoData"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw Problem.invalid(.field("neutrino data"), text: name, "the bundled table is missing", kind: .dataFile)
        }
        var rows: [[Double]] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let values = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Double($0) }
            guard values.count == columns, values.allSatisfy(\.isFinite) else {
                throw Problem.invalid(.field("neutrino data"), text: "\(name):\(number + 1)", "expected \(columns) finite numbers", kind: .dataFile)
            }
            rows.append(values)
        }
        guard rows.count >= 2 else { throw Problem.invalid(.field("neutrino data"), text: name, "has fewer than two rows", kind: .dataFile) }
        return rows
    }

    private static let loaded: Result<NeutrinoData, Problem> = {
        guard let url = Bundle.module.url(forResource: "neutrino-data", withExtension: "json", subdirectory: "NeutrinoData"),
              let bytes = try? Data(contentsOf: url) else {
            return .failure(Problem.invalid(.field("neutrino data"), text: "neutrino-data.json", "the bundled file is missing", kind: .dataFile))
        }
        do {
            let data = try JSONDecoder().decode(NeutrinoData.self, from: bytes)
            guard data.format == "zprime-neutrino-data-1" else {
                return .failure(Problem.invalid(.field("neutrino data"), text: data.format, "unknown format", kind: .dataFile))
            }
            return .success(data)
        } catch {
            return .failure(Problem.invalid(.field("neutrino data"), text: "neutrino-data.json", "cannot be decoded: \(error)", kind: .dataFile))
        }
    }()

    /// The bundled data (read and decoded once per process).
    public static func bundled() throws(Problem) -> NeutrinoData {
        try loaded.get()
    }

    /// The target called `name` (`Xe`, `Ar`, `CsI`; case-insensitive).
    public func target(named name: String) throws(Problem) -> TargetRecord {
        guard let record = targets.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw Problem.invalid(.field("target"), text: name, "unknown target nucleus (known: \(targets.map(\.name).joined(separator: ", ")))",
                                  kind: .unknownName)
        }
        return record
    }
}
