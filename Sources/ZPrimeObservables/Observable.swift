import ZPrimeCore
import ZPrimeCouplings
import ZPrimeDecays

/// A named observable: what it is, how to write it, where its formula comes from, and the function
/// of a parameter point's couplings (and decays) that predicts it. In the spirit of flavio's
/// `Observable`: an observable is data plus one function; a ``Prediction`` is its value at a point.
///
/// ```swift
/// let point = try ParameterPoint(model: BuiltinModels.model(named: "dark-photon")!, mass: 0.01, coupling: 0,
///                                kineticMixing: .fixed(1.7e-3))
/// let report = try ObservableReport(point: point)
/// print(report["delta_a_mu"]!.value)
/// ```
public struct Observable: Sendable {
    /// The observable's name, unique in a registry (`delta_a_mu`, `apv_delta_qw_cs`, ...), also the
    /// key of its value in the CLI's JSON.
    public let name: String
    /// Its name in LaTeX (`\Delta a_\mu`).
    public let latexName: String
    /// A one-line description.
    public let description: String
    /// The unit of the value (`""` for a dimensionless number).
    public let unit: String
    /// The papers its formula (and the data it is compared with) come from.
    public let citations: [String]
    /// The prediction at a point.
    public let predict: @Sendable (ObservableContext) throws(Problem) -> Prediction

    /// Creates an observable.
    public init(name: String, latexName: String, description: String, unit: String = "", citations: [String],
                predict: @escaping @Sendable (ObservableContext) throws(Problem) -> Prediction) {
        self.name = name
        self.latexName = latexName
        self.description = description
        self.unit = unit
        self.citations = citations
        self.predict = predict
    }
}

/// What the observables of one parameter point are computed from.
public struct ObservableContext: Sendable {
    /// The point.
    public let point: ParameterPoint
    /// The couplings calculator of the point (tables at any momentum transfer).
    public let calculator: CouplingCalculator
    /// The couplings at q^2 = 0, which every static (low-momentum) observable uses.
    public let couplings: CouplingTable
    /// The Z' decays at the point's mass (the X17 signal needs BR(Z' -> e+e-)).
    public let decays: DecayWidths
    /// The measured inputs.
    public let inputs: MeasuredInputs
    /// The settings (sigmas, recoil energies).
    public let settings: ObservableSettings

    /// The real Standard Model couplings at q^2 = 0 (built once: every static observable reads them,
    /// and building the table per read was 40 % of a scan point's time).
    public let staticCouplings: FermionCouplings

    /// Prepares the context of `point` (mass > 0).
    ///
    /// - Throws: ``Problem`` for a point without a positive mass, unknown datasets, or bad settings.
    public init(point: ParameterPoint, settings: ObservableSettings = ObservableSettings(), inputs: MeasuredInputs? = nil) throws(Problem) {
        guard point.mass > 0 else { throw Problem.invalid(.mass, point.mass, "must be finite and > 0 for the observables") }
        try settings.validate()
        let calculator = try CouplingCalculator(point: point)
        self.point = point
        self.calculator = calculator
        self.couplings = try calculator.table(squaredMomentum: 0)
        self.staticCouplings = couplings.real
        self.decays = try DecayCalculator(couplings: calculator).widths(mass: point.mass)
        if let inputs { self.inputs = inputs } else { self.inputs = try MeasuredInputs.bundled() }
        self.settings = settings
        // Fail early on an unknown dataset name, naming the option.
        _ = try self.inputs.dataset(.muon, named: point.datasets.muon)
        _ = try self.inputs.dataset(.electron, named: point.datasets.electron)
    }
}

/// The choices of an observables report that are not part of the physics point.
public struct ObservableSettings: Sendable, Hashable, Codable {
    /// The number of standard deviations of the coupling bands (g-2, X17).
    public var sigmas: Double
    /// The electron recoil energy T (GeV) at which neutrino-electron coupling shifts are reported.
    /// The Z' propagator is 1/(2 m_e T + m^2), so for m^2 < 2 m_e T the shift depends on T; the
    /// default 1 MeV lies in the range of reactor (TEXONO, 3-8 MeV) and solar (Borexino, 0.2-0.7 MeV)
    /// measurements.
    public var electronRecoilEnergy: Double
    /// The nuclear recoil energy T (GeV) at which CEvNS weak-charge shifts are reported: 10 keV, a
    /// typical CsI recoil at COHERENT (where 2 M T = 2.5e-3 GeV^2 dominates the propagator of any Z'
    /// lighter than 50 MeV, so the zero-recoil value overstates the shift of a light Z').
    public var nuclearRecoilEnergy: Double

    /// The defaults: 2 sigma, 1 MeV electron recoil, 10 keV nuclear recoil.
    public init(sigmas: Double = 2, electronRecoilEnergy: Double = 1e-3, nuclearRecoilEnergy: Double = 1e-5) {
        self.sigmas = sigmas
        self.electronRecoilEnergy = electronRecoilEnergy
        self.nuclearRecoilEnergy = nuclearRecoilEnergy
    }

    /// Checks the settings.
    public func validate() throws(Problem) {
        guard sigmas.isFinite, sigmas > 0, sigmas <= 100 else { throw Problem.invalid(.sigmas, sigmas, "must be finite, > 0 and <= 100") }
        guard electronRecoilEnergy.isFinite, electronRecoilEnergy >= 0, electronRecoilEnergy <= 1e3 else {
            throw Problem.invalid(.recoilEnergy, electronRecoilEnergy, "the electron recoil energy must be finite, >= 0 and <= 1000 GeV")
        }
        guard nuclearRecoilEnergy.isFinite, nuclearRecoilEnergy >= 0, nuclearRecoilEnergy <= 1 else {
            throw Problem.invalid(.recoilEnergy, nuclearRecoilEnergy, "the nuclear recoil energy must be finite, >= 0 and <= 1 GeV")
        }
    }
}

/// The value of one ``Observable`` at one point, with what it is compared with.
public struct Prediction: Sendable, Hashable {
    /// The observable's name.
    public let name: String
    /// The predicted value (finite).
    public let value: Double
    /// A measurement it is compared with (value and one-sigma uncertainty), if any.
    public var measurement: Measurement?
    /// An upper bound on |value|, if the observable is bounded (not measured).
    public var upperBound: Double?
    /// The range of the overall coupling scale that matches the measurement at n sigma (observables
    /// quadratic in the couplings: g-2, the X17 rate).
    public var band: CouplingBand?
    /// Further numbers that qualify the value (a recoil energy, a finite-range factor), by name.
    public var details: [String: Double]
    /// Caveats of this value.
    public var problems: [Problem]

    /// Creates a prediction; a non-finite value is an error.
    public init(name: String, value: Double, measurement: Measurement? = nil, upperBound: Double? = nil, band: CouplingBand? = nil,
                details: [String: Double] = [:], problems: [Problem] = []) throws(Problem) {
        try Validate.result(value, .field(name), name)
        self.name = name
        self.value = value
        self.measurement = measurement
        self.upperBound = upperBound
        self.band = band
        self.details = details
        self.problems = problems
    }

    /// Whether |value| is within ``upperBound`` (nil without a bound).
    public var isWithinBound: Bool? { upperBound.map { abs(value) <= $0 } }
}

/// Every observable of a registry at one point, as a list.
public struct ObservableReport: Sendable {
    /// The point.
    public let point: ParameterPoint
    /// The settings.
    public let settings: ObservableSettings
    /// The couplings at q^2 = 0 the static observables used.
    public let couplings: CouplingTable
    /// The decays at the point's mass.
    public let decays: DecayWidths
    /// One prediction per observable, in registry order.
    public let predictions: [Prediction]
    /// The observables predicted, in the same order.
    public let observables: [Observable]

    /// Predicts every observable of `registry` (default: ``ObservableRegistry/registry(for:)``) at `point`.
    public init(point: ParameterPoint, settings: ObservableSettings = ObservableSettings(), inputs: MeasuredInputs? = nil,
                registry: [Observable]? = nil) throws(Problem) {
        let registry = registry ?? ObservableRegistry.registry(for: point)
        let context = try ObservableContext(point: point, settings: settings, inputs: inputs)
        var predictions: [Prediction] = []
        predictions.reserveCapacity(registry.count)
        for observable in registry { predictions.append(try observable.predict(context)) }
        self.point = point
        self.settings = settings
        self.couplings = context.couplings
        self.decays = context.decays
        self.predictions = predictions
        self.observables = registry
    }

    /// The prediction of the observable called `name`, or nil.
    public subscript(_ name: String) -> Prediction? { predictions.first { $0.name == name } }

    /// The observable called `name`, or nil.
    public func observable(named name: String) -> Observable? { observables.first { $0.name == name } }

    /// Every caveat of every prediction, in order, without repetitions.
    public var problems: [Problem] {
        var seen = Set<Problem>()
        var list: [Problem] = []
        for prediction in predictions { for problem in prediction.problems where seen.insert(problem).inserted { list.append(problem) } }
        return list
    }
}
