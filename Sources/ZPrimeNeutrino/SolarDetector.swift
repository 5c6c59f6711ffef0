import ZPrimeCore

/// The recoil channel of a direct-detection experiment.
public enum RecoilChannel: String, Sendable, Hashable, CaseIterable {
    /// Nuclear recoils (CEvNS).
    case nuclear = "nr"
    /// Electron recoils (nu-e scattering on the atoms' electrons).
    case electron = "er"
}

/// Solar neutrinos in a xenon (or other) detector of given exposure, recoil window and channel,
/// with ideal resolution and efficiency: the B16-GS98 fluxes with MSW flavour conversion
/// (``SolarNeutrinos``), CEvNS on every isotope of natural xenon, or nu-e scattering on its 54
/// electrons (free, or with the stepping approximation for the atomic binding).
///
/// The flux normalisation of each solar source is a systematic group (its B16 uncertainty: pp
/// 0.6 %, 7Be 6 %, 8B 12 %, ...), shared between the NR and ER channels of a combined analysis.
///
/// ```swift
/// let darwin = try SolarDetector(exposureTonneYears: 200, recoilKeV: 1...Double.infinity, channel: .nuclear)
/// print(darwin.kernel().counts(exchange: nil).total)     // 8B CEvNS above 1 keV: about 2e4
/// ```
public struct SolarDetector: Sendable {
    /// The largest exposure accepted, 1e6 tonne-years.
    public static let maximumExposure = 1e6
    /// The recoil range accepted, 1 eV to 100 MeV (in keV: 1e-3 ... 1e5).
    public static let recoilRangeKeV: ClosedRange<Double> = 1e-3...1e5

    /// The target.
    public let target: TargetMaterial
    /// The exposure in tonne-years.
    public let exposureTonneYears: Double
    /// The recoil window in GeV (the upper edge may be infinite).
    public let window: ClosedRange<Double>
    /// The channel.
    public let channel: RecoilChannel
    /// The binding treatment of electron recoils.
    public let binding: ElectronBinding
    /// The solar model.
    public let sun: SolarNeutrinos

    /// A detector; `recoilKeV` in keV (upper bound may be infinity).
    ///
    /// - Throws: ``Problem`` for an exposure outside (0, 1e6] t yr, a window outside 1 eV ... 100 MeV or
    ///   empty, or an unknown target.
    public init(target: String = "Xe", exposureTonneYears: Double, recoilKeV: ClosedRange<Double>, channel: RecoilChannel,
                binding: ElectronBinding = .stepping, sun: SolarNeutrinos? = nil) throws(Problem) {
        guard exposureTonneYears.isFinite, exposureTonneYears > 0, exposureTonneYears <= Self.maximumExposure else {
            throw Problem.invalid(.field("exposure"), exposureTonneYears, "must be finite, > 0 and <= \(Self.maximumExposure) tonne-years")
        }
        let lower = recoilKeV.lowerBound, upper = recoilKeV.upperBound
        guard lower.isFinite, Self.recoilRangeKeV.contains(lower) else {
            throw Problem.invalid(.field("recoil"), lower, "the lower recoil energy must be between \(Self.recoilRangeKeV.lowerBound) and \(Self.recoilRangeKeV.upperBound) keV")
        }
        guard upper > lower, upper.isInfinite || Self.recoilRangeKeV.contains(upper) else {
            throw Problem.invalid(.field("recoil"), upper, "the upper recoil energy must be above the lower one and at most \(Self.recoilRangeKeV.upperBound) keV (or inf)")
        }
        self.target = try TargetMaterial.named(target)
        self.exposureTonneYears = exposureTonneYears
        window = (lower * 1e-6)...(upper * 1e-6)
        self.channel = channel
        self.binding = binding
        if let sun { self.sun = sun } else { self.sun = try SolarNeutrinos.standard() }
    }

    /// The relative flux uncertainties of the sources (one systematic group each).
    public var sigmas: [Double] { sun.sources.map(\.relativeUncertainty) }

    /// The flux components over the exposure (1 tonne-year of target per tonne-year: the fluence of
    /// one year, times the exposure through the target mass).
    public var components: [FluxComponent] { sun.components(seconds: PhysicalConstants.secondsPerYear) }

    /// The largest recoil any solar neutrino gives in this channel (GeV).
    public var kinematicMaximum: Double {
        let emax = sun.sources.map(\.spectrum.maximumEnergy).max() ?? 0
        switch channel {
        case .electron: return NeutrinoCrossSections.maximumRecoil(energy: emax, targetMass: PhysicalConstants.electronMass)
        case .nuclear:
            let lightest = target.components.map(\.nucleus.mass).min() ?? 1
            return NeutrinoCrossSections.maximumRecoil(energy: emax, targetMass: lightest)
        }
    }

    /// The kernel with `bins` log-spaced bins over the window (capped at the kinematic maximum).
    public func kernel(bins: Int = 1) -> RateKernel {
        let lower = window.lowerBound
        let upper = max(lower * 1.0001, min(window.upperBound, kinematicMaximum))
        let count = max(1, bins)
        let edges = (0...count).map { lower * Double.pow(upper / lower, Double($0) / Double(count)) }
        let kilograms = exposureTonneYears * 1000
        switch channel {
        case .nuclear: return RateKernel.coherent(target: target, kilograms: kilograms, components: components, binEdges: edges)
        case .electron:
            return RateKernel.electronic(target: target, kilograms: kilograms, components: components, binEdges: edges, binding: binding)
        }
    }
}

/// Borexino's 7Be measurement as a rate calculation: nu-e scattering of the 7Be lines (with MSW
/// conversion) on the 3.307e31 electrons per 100 t of scintillator, per day (free electrons: the
/// binding of carbon and hydrogen electrons is far below the recoil energies).
public struct BorexinoRate: Sendable {
    /// The data.
    public let record: NeutrinoData.BorexinoRecord
    let total: RateKernel
    let windowKernel: RateKernel
    /// The SM total and window rates.
    public let standardTotal: Double
    public let standardWindow: Double

    /// The calculation with the bundled data and solar model.
    public init(sun: SolarNeutrinos? = nil) throws(Problem) {
        let data = try NeutrinoData.bundled()
        record = data.borexino
        let model: SolarNeutrinos
        if let sun { model = sun } else { model = try SolarNeutrinos.standard() }
        let beryllium = model.components(seconds: 86_400).filter { $0.label.hasPrefix("7Be") }
        let window = record.recoilWindowMeV.map { $0 * 1e-3 }
        guard window.count == 2, window[0] > 0, window[1] > window[0] else {
            throw Problem.invalid(.field("borexino"), text: "recoil_window_mev", "needs two increasing energies", kind: .dataFile)
        }
        total = RateKernel.electronic(electrons: record.electronsPer100Tonnes, components: beryllium, binEdges: [1e-9, 1e-3])
        windowKernel = RateKernel.electronic(electrons: record.electronsPer100Tonnes, components: beryllium, binEdges: window)
        standardTotal = total.counts(exchange: nil).total
        standardWindow = windowKernel.counts(exchange: nil).total
    }

    /// The total 7Be interaction rate (counts per day per 100 t) for the SM or with a Z'.
    public func totalRate(exchange: ZPrimeExchange?) -> Double { total.counts(exchange: exchange).total }

    /// The rate in the recoil window.
    public func windowRate(exchange: ZPrimeExchange?) -> Double { windowKernel.counts(exchange: exchange).total }

    /// The rate Borexino would report for a Z': the SM total scaled by the window ratio (the fit
    /// attributes the window's counts to the 7Be normalisation).
    public func reportedRate(exchange: ZPrimeExchange?) -> Double {
        standardTotal * windowKernel.counts(exchange: exchange).total / standardWindow
    }
}
