import Numerics
import ZPrimeCore
import ZPrimeObservables

/// The solar neutrino fluxes at the Earth: the standard solar model B16-GS98 (Vinyoles et al., ApJ
/// 835 (2017) 202, arXiv:1611.09867: pp, pep, hep, 7Be, 8B, 13N, 15O, 17F), their spectra, and the
/// flavour content after adiabatic MSW conversion averaged over each source's production region
/// (``SolarOscillation`` at the electron density of every zone of the B16 production table).
///
/// Spectra: pp, hep, 13N, 15O and 17F are allowed beta+ spectra E^2 p_e W_e F(Z, W_e) (W_e the
/// positron's total energy, F the non-relativistic Fermi function 2 pi eta/(1 - exp(-2 pi eta)),
/// eta = -Z alpha W_e/p_e for the daughter charge Z), with Bahcall's endpoints (Neutrino
/// Astrophysics, 1989, Table 6.1); their mean energies reproduce Bahcall's to 0.06 % (tests). 7Be
/// and pep are lines (7Be: 861.8 keV and 384.3 keV, 10.44 % to the excited 7Li); 8B is the measured
/// spectrum of Winter et al. (Phys. Rev. C 73 (2006) 025503). The ecCNO lines and the thermal
/// widths of the lines are neglected.
///
/// ```swift
/// let sun = try SolarNeutrinos.standard()
/// print(sun.sources.map(\.name))                 // pp, pep, hep, 7Be, 8B, 13N, 15O, 17F
/// print(try sun.flavourFractions(source: "8B", energy: 0.010))   // (P_ee, P_e mu, P_e tau) at 10 MeV
/// ```
public struct SolarNeutrinos: Sendable {
    /// One source.
    public struct Source: Sendable, Hashable {
        /// The name (`8B`).
        public var name: String
        /// The flux at the Earth per cm^2 per s (at 1 AU, before oscillation).
        public var flux: Double
        /// The relative uncertainty of the flux (B16-GS98).
        public var relativeUncertainty: Double
        /// The normalised spectrum (integral 1, per GeV).
        public var spectrum: NeutrinoSpectrum
        /// The normalised density for continuous spectra (per GeV), nil for lines.
        public var density: DensityFunction?
        /// Production weights per zone of ``SolarNeutrinos/electronDensities`` (sum 1).
        public var productionWeights: [Double]
    }

    /// A spectral density as data (Sendable): a beta shape or a table.
    public enum DensityFunction: Sendable, Hashable {
        /// Allowed beta+ shape with endpoint (GeV) and daughter charge, and its normalisation.
        case beta(endpoint: Double, daughterCharge: Int, normalisation: Double)
        /// A tabulated density (GeV, 1/GeV), linear between points, E^2 below the first non-zero one.
        case table(energies: [Double], values: [Double])

        /// The density at E (GeV).
        public func callAsFunction(_ e: Double) -> Double {
            switch self {
            case .beta(let q, let z, let norm):
                return SolarNeutrinos.allowedBetaShape(energy: e, endpoint: q, daughterCharge: z) / norm
            case .table(let x, let y):
                guard e > 0, e < x[x.count - 1] else { return 0 }
                var first = 0
                while first < y.count && y[first] == 0 { first += 1 }
                if first < x.count, e < x[first] { return y[first] * (e / x[first]) * (e / x[first]) }
                var lo = 0, hi = x.count - 1
                while hi - lo > 1 {
                    let mid = (lo + hi) / 2
                    if x[mid] <= e { lo = mid } else { hi = mid }
                }
                let s = (e - x[lo]) / (x[hi] - x[lo])
                return y[lo] + s * (y[hi] - y[lo])
            }
        }

        /// The largest energy.
        public var maximumEnergy: Double {
            switch self {
            case .beta(let q, _, _): return q
            case .table(let x, _): return x[x.count - 1]
            }
        }
    }

    /// The sources.
    public let sources: [Source]
    /// The electron density of each production zone, in N_A per cm^3.
    public let electronDensities: [Double]
    /// The oscillation model.
    public let oscillation: SolarOscillation
    /// What to cite.
    public let citations: [String]

    /// The allowed beta+ neutrino spectrum shape (unnormalised): E^2 p W F(-Z, W) with the positron's
    /// total energy W = Q - E + m_e (Q the kinetic endpoint), recoil neglected.
    public static func allowedBetaShape(energy e: Double, endpoint q: Double, daughterCharge z: Int) -> Double {
        let me = PhysicalConstants.electronMass
        let w = q - e + me
        guard e > 0, w > me else { return 0 }
        let p = (w * w - me * me).squareRoot()
        let eta = -Double(z) * PhysicalConstants.alpha * w / p
        let x = 2 * Double.pi * eta
        let fermi = abs(x) < 1e-12 ? 1 : x / (-Double.expMinusOne(-x))
        return e * e * p * w * fermi
    }

    /// The bundled model (B16-GS98 with NuFIT 6.0 oscillations) or one with other oscillation parameters.
    public static func standard(oscillation parameters: OscillationParameters? = nil) throws(Problem) -> SolarNeutrinos {
        let data = try NeutrinoData.bundled()
        let oscillation: OscillationParameters
        if let parameters { oscillation = parameters } else { oscillation = try OscillationParameters.bundled() }
        return try SolarNeutrinos(data: data, oscillation: oscillation)
    }

    /// The model from data.
    public init(data: NeutrinoData, oscillation parameters: OscillationParameters) throws(Problem) {
        let model = data.solarModel
        let production = try NeutrinoData.table(named: model.productionTable, columns: 10)
        let radii = production.map { $0[0] }
        electronDensities = production.map { Double.pow(10, $0[1]) }
        var sources: [Source] = []
        for record in model.sources {
            guard record.fluxPerSquareCentimetreSecond > 0, record.productionColumn >= 0, record.productionColumn < 8 else {
                throw Problem.invalid(.field("solar source"), text: record.name, "needs a positive flux and a production column 0...7", kind: .dataFile)
            }
            // Trapezoid weights of the production distribution over the radial grid.
            var weights = [Double](repeating: 0, count: radii.count)
            for i in 0..<(radii.count - 1) {
                let h = radii[i + 1] - radii[i]
                weights[i] += 0.5 * h * production[i][2 + record.productionColumn]
                weights[i + 1] += 0.5 * h * production[i + 1][2 + record.productionColumn]
            }
            let total = weights.reduce(0, +)
            guard total > 0 else { throw Problem.invalid(.field("solar source"), text: record.name, "has no production", kind: .dataFile) }
            weights = weights.map { $0 / total }
            var spectrum: NeutrinoSpectrum
            var density: DensityFunction? = nil
            switch record.kind {
            case "line":
                guard let lines = record.linesMeV, let fractions = record.lineFractions, lines.count == fractions.count, !lines.isEmpty,
                      abs(fractions.reduce(0, +) - 1) < 1e-9 else {
                    throw Problem.invalid(.field("solar source"), text: record.name, "lines need energies and fractions summing to 1", kind: .dataFile)
                }
                spectrum = .lines(zip(lines, fractions).map { ($0 * 1e-3, $1) })
            case "beta":
                guard let q = record.endpointMeV, let z = record.daughterCharge, q > 0 else {
                    throw Problem.invalid(.field("solar source"), text: record.name, "a beta spectrum needs an endpoint and a daughter charge", kind: .dataFile)
                }
                let endpoint = q * 1e-3
                let raw = NeutrinoSpectrum.continuous(maximumEnergy: endpoint, cells: 4000) { Self.allowedBetaShape(energy: $0, endpoint: endpoint, daughterCharge: z) }
                density = .beta(endpoint: endpoint, daughterCharge: z, normalisation: raw.total)
                spectrum = raw.scaled(by: 1 / raw.total)
            case "table":
                guard let name = record.table else {
                    throw Problem.invalid(.field("solar source"), text: record.name, "a table spectrum needs a table", kind: .dataFile)
                }
                let rows = try NeutrinoData.table(named: name, columns: 2)
                let energies = rows.map { $0[0] * 1e-3 }, values = rows.map { $0[1] * 1e3 }
                let shape = DensityFunction.table(energies: energies, values: values)
                let raw = NeutrinoSpectrum.continuous(maximumEnergy: energies[energies.count - 1], cells: 4000) { shape($0) }
                density = .table(energies: energies, values: values.map { $0 / raw.total })
                spectrum = raw.scaled(by: 1 / raw.total)
            default:
                throw Problem.invalid(.field("solar source"), text: record.kind, "unknown spectrum kind", kind: .dataFile)
            }
            sources.append(Source(name: record.name, flux: record.fluxPerSquareCentimetreSecond, relativeUncertainty: record.relativeUncertainty,
                                  spectrum: spectrum, density: density, productionWeights: weights))
        }
        self.sources = sources
        oscillation = SolarOscillation(parameters: parameters)
        citations = [model.citation, model.spectrumCitations, parameters.citation]
    }

    /// The source called `name`.
    public func source(named name: String) throws(Problem) -> Source {
        guard let s = sources.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw Problem.invalid(.field("solar source"), text: name, "unknown (known: \(sources.map(\.name).joined(separator: ", ")))", kind: .unknownName)
        }
        return s
    }

    /// (P_ee, P_e mu, P_e tau) at energy E (GeV) averaged over the production region of `source`.
    public func flavourFractions(source name: String, energy: Double) throws(Problem) -> (Double, Double, Double) {
        flavourFractions(try source(named: name), energy: energy)
    }

    /// (P_ee, P_e mu, P_e tau) at energy E (GeV) averaged over the production region of `source`.
    public func flavourFractions(_ source: Source, energy: Double) -> (Double, Double, Double) {
        var e = 0.0, mu = 0.0, tau = 0.0
        for (w, ne) in zip(source.productionWeights, electronDensities) where w > 0 {
            let p = oscillation.probabilities(energy: energy, electronDensity: ne)
            e += w * p.0
            mu += w * p.1
            tau += w * p.2
        }
        return (e, mu, tau)
    }

    /// The components at a detector for an exposure of `seconds` (fluence = flux x time), one per
    /// source and flavour; the normalisation group of each is its source index (one pull per source).
    /// Continuous spectra are weighted by the production-averaged P(nu_e -> nu_alpha) on a grid of
    /// 200 energies (interpolated linearly in log E; P varies slowly).
    public func components(seconds: Double) -> [FluxComponent] {
        var out: [FluxComponent] = []
        for (index, source) in sources.enumerated() {
            let fluence = source.flux * seconds
            let flavours: [NeutrinoFlavour] = [.electron, .muon, .tau]
            if let density = source.density {
                let emax = density.maximumEnergy, emin = emax * 1e-4
                let count = 200
                var logE = [Double](), table: [[Double]] = [[], [], []]
                for i in 0..<count {
                    let e = emin * Double.pow(emax / emin, Double(i) / Double(count - 1))
                    let p = flavourFractions(source, energy: e)
                    logE.append(Double.log(e))
                    table[0].append(p.0); table[1].append(p.1); table[2].append(p.2)
                }
                for (alpha, flavour) in flavours.enumerated() {
                    let probs = table[alpha]
                    let spectrum = NeutrinoSpectrum.continuous(maximumEnergy: emax, cells: 4000) { e in
                        let u = Double.log(max(e, emin))
                        let x = (u - logE[0]) / (logE[count - 1] - logE[0]) * Double(count - 1)
                        let i = max(0, min(count - 2, Int(x)))
                        let s = x - Double(i)
                        return density(e) * (probs[i] + s * (probs[i + 1] - probs[i])) * fluence
                    }
                    out.append(FluxComponent(label: "\(source.name) \(flavour.rawValue)", flavour: flavour, antineutrino: false,
                                             spectrum: spectrum, group: index))
                }
            } else {
                for (alpha, flavour) in flavours.enumerated() {
                    let lines = source.spectrum.lines.map { line -> (energy: Double, weight: Double) in
                        let p = flavourFractions(source, energy: line.energy)
                        return (line.energy, line.weight * fluence * [p.0, p.1, p.2][alpha])
                    }
                    out.append(FluxComponent(label: "\(source.name) \(flavour.rawValue)", flavour: flavour, antineutrino: false,
                                             spectrum: .lines(lines), group: index))
                }
            }
        }
        return out
    }
}
