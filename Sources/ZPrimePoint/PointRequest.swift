import ZPrimeCore
import ZPrimeModels

/// What a user asked for, before defaults: the one place where every front end (the `zprime`
/// subcommands, scripts, scans) turns optional inputs into a ``ParameterPoint``, with the physics
/// defaults and the rules for models that fix or forbid some inputs.
///
/// Rules, in order:
/// - A model without U(1)_X charges (the dark photon) couples through eps alone: a gauge coupling is
///   ignored with a warning, eps defaults to ``Defaults/darkPhotonKineticMixing``, and eps = 0 is an
///   error.
/// - A model with charges (on fermions or only on the Higgs) takes g_X, defaulting to
///   ``Defaults/gaugeCoupling`` with a note.
/// - A model with its own kinetic-mixing ratio (protophobic) refuses an explicit eps or ratio.
/// - `kineticMixing` and `mixingRatio` exclude each other, and both exclude the loop estimate.
///
/// ```swift
/// var request = PointRequest(model: BuiltinModels.model(named: "B-L")!)
/// request.mass = 0.017
/// let resolved = try request.resolve()
/// print(resolved.point.coupling)   // 1e-3, the default
/// print(resolved.problems)         // a note saying so
/// ```
public struct PointRequest: Sendable, Hashable {
    /// The model.
    public var model: Model
    /// The Z' mass, GeV.
    public var mass: Double?
    /// The gauge coupling g_X.
    public var coupling: Double?
    /// A fixed physical eps.
    public var kineticMixing: Double?
    /// eps tied to the gauge coupling, eps = ratio g_X.
    public var mixingRatio: Double?
    /// The loop-induced mixing.
    public var loopMixing: LoopMixingMode
    /// The light neutrinos.
    public var neutrinos: LightNeutrinos
    /// The dark sector.
    public var darkSector: DarkSector
    /// The datasets.
    public var datasets: DatasetSelection
    /// The model's own continuous parameters by name (see ``ParameterPoint/modelParameters``),
    /// passed to the point unchanged.
    public var modelParameters: [String: Double]

    /// A request with every option at its default.
    public init(model: Model, mass: Double? = nil, coupling: Double? = nil, kineticMixing: Double? = nil, mixingRatio: Double? = nil,
                loopMixing: LoopMixingMode = .automatic, neutrinos: LightNeutrinos = .leftHandedMajorana,
                darkSector: DarkSector = .none, datasets: DatasetSelection = .newest, modelParameters: [String: Double] = [:]) {
        self.model = model
        self.mass = mass
        self.coupling = coupling
        self.kineticMixing = kineticMixing
        self.mixingRatio = mixingRatio
        self.loopMixing = loopMixing
        self.neutrinos = neutrinos
        self.darkSector = darkSector
        self.datasets = datasets
        self.modelParameters = modelParameters
    }

    /// The physics defaults.
    public enum Defaults {
        /// g_X when none is given: 1e-3.
        public static let gaugeCoupling = 1e-3
        /// eps of a kinetic-mixing-only model when none is given: 1e-3.
        public static let darkPhotonKineticMixing = 1e-3
    }

    /// A resolved point and the notes and warnings the resolution produced.
    public struct Resolution: Sendable, Hashable {
        /// The point.
        public var point: ParameterPoint
        /// What the resolution assumed or ignored (severity note or warning).
        public var problems: [Problem]
    }

    /// Applies the defaults and rules and checks the result.
    ///
    /// - Parameter requireMass: when `true` a missing mass is an error; otherwise it means the light
    ///   limit m_Z' -> 0 (mass 0), which only the couplings stage accepts.
    /// - Throws: ``Problem`` for every invalid or conflicting input (see ``ParameterPoint/init``).
    public func resolve(requireMass: Bool = true) throws(Problem) -> Resolution {
        var problems: [Problem] = []
        if let coupling { try Validate.positive(coupling, .coupling) }
        if let kineticMixing { try Validate.finite(kineticMixing, .kineticMixing) }
        if let mixingRatio { try Validate.finite(mixingRatio, .mixingRatio) }
        let mass: Double
        if let given = self.mass {
            guard given.isFinite, given > 0 else { throw Problem.invalid(.mass, given, "must be finite and > 0") }
            mass = given
        } else if requireMass {
            throw Problem.invalid(.mass, text: nil, "is required", kind: .missing)
        } else {
            mass = 0
        }
        if kineticMixing != nil, mixingRatio != nil {
            throw Problem.invalid(.mixingRatio, text: mixingRatio.map(Problem.format), "give either a fixed kinetic mixing or a mixing ratio, not both",
                                  kind: .conflict)
        }
        if loopMixing == .estimate, kineticMixing != nil || mixingRatio != nil {
            throw Problem.invalid(.loopMixing, text: LoopMixingMode.estimate.rawValue,
                                  "the one-loop estimate sets eps itself: give no kinetic mixing or mixing ratio with it", kind: .conflict)
        }
        let g: Double
        let eps: KineticMixing
        if !model.isU1Charged {
            if let coupling {
                problems.append(Problem(.ignored, parameter: .coupling, value: Problem.format(coupling), severity: .warning,
                                        message: "is ignored: model \(model.name) has no U(1)_X charges and couples only through the kinetic mixing"))
            }
            if mixingRatio != nil || loopMixing == .estimate {
                throw Problem.invalid(.kineticMixing, text: nil, "model \(model.name) has no gauge coupling to tie eps to: give a fixed kinetic mixing",
                                      kind: .conflict)
            }
            let value = kineticMixing ?? Defaults.darkPhotonKineticMixing
            if kineticMixing == nil {
                problems.append(.note(.defaultUsed, .kineticMixing, value: value, "not given: using the default"))
            }
            guard value != 0 else {
                throw Problem.invalid(.kineticMixing, value, "model \(model.name) couples only through kinetic mixing: eps must not be 0")
            }
            g = 0
            eps = .fixed(value)
        } else {
            g = coupling ?? Defaults.gaugeCoupling
            if coupling == nil {
                problems.append(.note(.defaultUsed, .coupling, value: g, "not given: using the default"))
            }
            if let ratio = model.kineticMixingRatio {
                if kineticMixing != nil || mixingRatio != nil || loopMixing == .estimate {
                    throw Problem.invalid(kineticMixing != nil ? .kineticMixing : (mixingRatio != nil ? .mixingRatio : .loopMixing), text: nil,
                                          "model \(model.name) fixes eps = \(ratio) g_X/e; give only the gauge coupling", kind: .conflict)
                }
                eps = .model
            } else if loopMixing == .estimate {
                eps = .oneLoopEstimate
            } else if let kineticMixing {
                eps = .fixed(kineticMixing)
            } else if let mixingRatio {
                eps = .proportional(ratio: mixingRatio)
            } else {
                eps = .none
            }
        }
        let point = try ParameterPoint(model: model, mass: mass, coupling: g, kineticMixing: eps, loopMixing: loopMixing,
                                       neutrinos: neutrinos, darkSector: darkSector, datasets: datasets, modelParameters: modelParameters)
        return Resolution(point: point, problems: problems)
    }
}
