import Foundation
import Numerics
import ZPrimeCore
import ZPrimeObservables

/// A CEvNS detector at a stopped-pion source, as data: the four projected detectors of Amaral,
/// Cerdeno, Foldenauer, Reid (JHEP 12 (2020) 155, arXiv:2006.11225) exactly as tabulated there
/// (mass, threshold, protons on target per year, neutrinos per flavour per proton r, distance,
/// systematic), with an ideal detector (100 % efficiency above threshold, ideal resolution;
/// liquid argon for CENNS610 and CCM, CsI for ESS10 and ESS), and COHERENT's measured results
/// (CsI 2017 and 2021, LAr 2020) with their published exposure, efficiency and quenching.
///
/// Detector response of the measured results, as effective efficiencies eps(T_nr):
/// - CsI 2017: mean photoelectrons n = QF LY T (QF 8.78 %, 13.348 PE/keVee), Poisson fluctuations,
///   acceptance a/(1 + exp(-k (x - x0))) for x >= 5 PE (a = 0.6655, k = 0.4942, x0 = 10.8507), summed
///   over the 6-30 PE analysis region.
/// - CsI 2021: quenching E_ee(T) = a T + b T^2 + c T^3 + d T^4 (T in MeV), 13.35 PE/keVee, a gamma
///   distribution of PE with the collaboration's resolution parameters and the efficiency curve of the
///   data release, integrated over 0-60 PE; the delayed neutrinos are scaled by the published timing
///   efficiency (flat for 0.52 us, then exp(-0.0494 t/us), 6 us window), 0.878 for muon decay.
/// - LAr 2020: the tabulated acceptance of analysis A as a function of the nuclear recoil energy
///   (linear interpolation; zero outside the table, 1-117.5 keVnr).
///
/// ```swift
/// let ess = try SpallationExperiment.named("ESS")
/// let sm = ess.kernel().counts(exchange: nil).total        // events per year above 20 keV
/// ```
public struct SpallationExperiment: Sendable {
    /// The data record.
    public let record: NeutrinoData.StoppedPionRecord
    /// The target.
    public let target: TargetMaterial

    /// Whether it is a measured result (COHERENT) rather than a projection.
    public var isMeasured: Bool { record.kind == "measured" }
    /// The name.
    public var name: String { record.name }

    /// Protons on target of the exposure: per year for projections, the published total for measured results.
    public var protons: Double { record.protonsPerYear ?? record.protonsTotal ?? 0 }

    /// Every experiment in the bundled data.
    public static func all() throws(Problem) -> [SpallationExperiment] {
        let data = try NeutrinoData.bundled()
        var out: [SpallationExperiment] = []
        for record in data.stoppedPionExperiments {
            out.append(SpallationExperiment(record: record, target: try TargetMaterial.named(record.target, data: data)))
        }
        return out
    }

    /// The experiment called `name` (case-insensitive).
    ///
    /// - Throws: ``Problem`` (`experiment`, unknown name).
    public static func named(_ name: String) throws(Problem) -> SpallationExperiment {
        let experiments = try all()
        guard let found = experiments.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw Problem.invalid(.field("experiment"), text: name, "unknown experiment (known: \(experiments.map(\.name).joined(separator: ", ")))",
                                  kind: .unknownName)
        }
        return found
    }

    init(record: NeutrinoData.StoppedPionRecord, target: TargetMaterial) {
        self.record = record
        self.target = target
    }

    /// The flux components of the exposure (the delayed ones scaled by the timing efficiency of a
    /// measured result that publishes one).
    public var components: [FluxComponent] {
        var components = StoppedPionSource.components(protons: protons, neutrinosPerFlavourPerProton: record.neutrinosPerFlavourPerProton,
                                                      distanceMetres: record.distanceMetres)
        let delayed = delayedTimingEfficiency
        if delayed != 1 {
            for i in components.indices where components[i].flavour != .muon || components[i].antineutrino {
                components[i].spectrum = components[i].spectrum.scaled(by: delayed)
            }
        }
        return components
    }

    /// The fraction of delayed (muon-decay) neutrinos that pass the timing cut: the published
    /// efficiency is 1 up to t_0 after the prompt signal and exp(-b (t - t_0)) after it, within a
    /// window of length t_w, for decay times exponential with the muon lifetime tau:
    /// (1 - e^(-t_0/tau)) + e^(-t_0/tau) (1/tau)/(1/tau + b) (1 - e^(-(1/tau + b)(t_w - t_0))).
    /// Prompt neutrinos (pion lifetime 26 ns, within t_0) pass with efficiency 1. 1 without timing data.
    public var delayedTimingEfficiency: Double {
        guard let timing = record.response?.timing, let t0 = timing["flat_until_us"], let b = timing["decay_per_us"],
              let window = timing["window_us"], let tau = timing["muon_lifetime_us"], tau > 0 else { return 1 }
        let rate = 1 / tau
        let early = 1 - Double.exp(-t0 * rate)
        let late = Double.exp(-t0 * rate) * rate / (rate + b) * (1 - Double.exp(-(rate + b) * (window - t0)))
        return early + late
    }

    /// The largest recoil of any nucleus of the target (GeV).
    public var maximumRecoil: Double {
        target.components.map { NeutrinoCrossSections.maximumRecoil(energy: StoppedPionSource.delayedEndpoint, targetMass: $0.nucleus.mass) }.max() ?? 0
    }

    /// The analysis window in nuclear recoil (GeV): from the threshold (or 0.5 keV for measured
    /// results, whose efficiency vanishes below) to the kinematic maximum.
    public var window: ClosedRange<Double> {
        let lower = isMeasured ? 0.5e-6 : record.thresholdKeV * 1e-6
        return lower...max(lower * 1.0001, maximumRecoil)
    }

    /// The kernel with `bins` log-spaced recoil bins over the window.
    public func kernel(bins: Int = 1) -> RateKernel {
        let w = window
        let count = max(1, bins)
        let edges = (0...count).map { w.lowerBound * Double.pow(w.upperBound / w.lowerBound, Double($0) / Double(count)) }
        let efficiency = self.efficiency
        return RateKernel.coherent(target: target, kilograms: record.massKilograms, components: components, binEdges: edges) { efficiency($0) }
    }

    /// The effective efficiency at nuclear recoil T (GeV).
    public var efficiency: @Sendable (Double) -> Double {
        guard let response = record.response else { return { _ in 1 } }
        switch response.kind {
        case "photoelectrons_poisson":
            let qf = response.quenchingFactor ?? 0, ly = response.photoelectronsPerKeVee ?? 0
            let a = response.acceptance?["a"] ?? 0, k = response.acceptance?["k"] ?? 0, x0 = response.acceptance?["x0"] ?? 0
            let minimum = response.acceptance?["minimum_pe"] ?? 0
            let window = response.peWindow ?? [0, 1000]
            return { t in
                let mean = qf * ly * t * 1e6
                guard mean > 0 else { return 0 }
                var sum = 0.0
                let lo = Int(window[0]), hi = Int(window[1])
                for n in lo...hi where Double(n) >= minimum {
                    let logP = Double(n) * Double.log(mean) - mean - Double.logGamma(Double(n + 1))
                    sum += Double.exp(logP) * a / (1 + Double.exp(-k * (Double(n) - x0)))
                }
                return sum
            }
        case "photoelectrons_gamma":
            let poly = response.quenchingPolynomialMeV ?? [0, 0, 0, 0]
            let ly = response.photoelectronsPerKeVee ?? 0
            let resolution = response.resolution ?? [1, 0]
            let ea = response.efficiency?["a"] ?? 0, eb = response.efficiency?["b"] ?? 0
            let ec = response.efficiency?["c"] ?? 0, ed = response.efficiency?["d"] ?? 0
            let window = response.peWindow ?? [0, 1000]
            return { t in
                let x = t * 1e3                                   // MeV
                let eeKeV = max(0, (poly[0] * x + poly[1] * x * x + poly[2] * x * x * x + poly[3] * x * x * x * x) * 1e3)
                guard eeKeV > 0, ly > 0 else { return 0 }
                // Gamma distribution of observed PE: shape 1 + b E_ee, scale 1/(a (1 + b E_ee)/E_ee) (mean E_ee/a = LY E_ee).
                let shape = 1 + resolution[1] * eeKeV
                let scale = eeKeV / (resolution[0] * shape)
                let logNorm = -Double.logGamma(shape) - shape * Double.log(scale)
                let result = GaussKronrod.integrate(from: window[0], to: window[1], breakpoints: [shape * scale], relativeTolerance: 1e-9) { pe in
                    guard pe > 0 else { return 0 }
                    let density = Double.exp(logNorm + (shape - 1) * Double.log(pe) - pe / scale)
                    let eff = max(0, ea / (1 + Double.exp(-eb * (pe - ec))) + ed)
                    return density * eff
                }
                return result.value
            }
        case "efficiency_table":
            guard let name = response.table, let rows = try? NeutrinoData.table(named: name, columns: 3),
                  let curve = try? TabulatedCurve(x: rows.map { $0[1] * 1e-6 }, y: rows.map { $0[2] }) else { return { _ in 0 } }
            return { t in curve.value(at: t) ?? 0 }
        default:
            return { _ in 0 }
        }
    }
}
