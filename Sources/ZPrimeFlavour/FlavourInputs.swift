import Numerics
import Foundation
import ZPrimeCore

/// The measured inputs and bounds of the flavour observables, read from the bundled
/// `FlavourInputs/flavour-inputs.json` (each with its date and citation).
///
/// ```swift
/// let inputs = try FlavourInputs.bundled()
/// print(inputs.muonToElectronGamma.upperLimit)   // 1.5e-13 (MEG II 2025)
/// ```
public struct FlavourInputs: Sendable, Hashable, Decodable {
    /// A measured ratio with its uncertainty.
    public struct Measured: Sendable, Hashable, Decodable {
        public let id: String
        public let ratio: Double
        public let uncertainty: Double
        public let date: String
        public let citation: String
    }
    /// An upper limit.
    public struct Limit: Sendable, Hashable, Decodable {
        public let id: String
        public let upperLimit: Double
        public let confidenceLevel: Double
        public let date: String
        public let citation: String
        enum CodingKeys: String, CodingKey { case id, upperLimit = "upper_limit", confidenceLevel = "confidence_level", date, citation }
    }
    /// The allowed B_s mixing shift.
    public struct MixingShift: Sendable, Hashable, Decodable {
        public let id: String
        public let allowedShift: Double
        public let date: String
        public let citation: String
        enum CodingKeys: String, CodingKey { case id, allowedShift = "allowed_shift", date, citation }
    }
    /// The b -> s mu mu target.
    public struct SemileptonicTarget: Sendable, Hashable, Decodable {
        public let id: String
        public let scaleTeV: Double
        public let c9EqualsMinusC10: Double
        public let date: String
        public let citation: String
        enum CodingKeys: String, CodingKey { case id, scaleTeV = "scale_tev", c9EqualsMinusC10 = "c9_equals_minus_c10", date, citation }
    }
    /// The Standard Model coefficients of the leading-order estimates.
    public struct StandardCoefficients: Sendable, Hashable, Decodable {
        public let c9Effective: Double
        public let c10: Double
        public let date: String
        public let citation: String
        enum CodingKeys: String, CodingKey { case c9Effective = "c9_effective", c10, date, citation }
    }

    /// CCFR's trident ratio.
    public let trident: Measured
    /// MEG II's bound.
    public let muonToElectronGamma: Limit
    /// Belle's bound.
    public let tauToMuonGamma: Limit
    /// The allowed |M12/M12^SM - 1|.
    public let bsMixing: MixingShift
    /// The b -> s mu mu target of Greljo et al.
    public let bToSMuMu: SemileptonicTarget
    /// C_9^eff, C_10 of the Standard Model.
    public let standardModel: StandardCoefficients

    enum CodingKeys: String, CodingKey {
        case trident, muonToElectronGamma = "mu_to_e_gamma", tauToMuonGamma = "tau_to_mu_gamma", bsMixing = "bs_mixing",
             bToSMuMu = "b_to_s_mu_mu", standardModel = "standard_model_wilson_coefficients"
    }

    /// The bundled inputs (read once per process).
    public static func bundled() throws(Problem) -> FlavourInputs {
        switch cached {
        case .success(let inputs): return inputs
        case .failure(let problem): throw problem
        }
    }

    private static let cached: Result<FlavourInputs, Problem> = {
        guard let url = Bundle.module.url(forResource: "flavour-inputs", withExtension: "json", subdirectory: "FlavourInputs"),
              let data = try? Data(contentsOf: url) else {
            return .failure(Problem.invalid(.field("flavour inputs"), text: "flavour-inputs.json", "the bundled file is missing", kind: .dataFile))
        }
        do { return .success(try JSONDecoder().decode(FlavourInputs.self, from: data)) } catch {
            return .failure(Problem.invalid(.field("flavour inputs"), text: "flavour-inputs.json", "cannot be read: \(error)", kind: .dataFile))
        }
    }()
}
