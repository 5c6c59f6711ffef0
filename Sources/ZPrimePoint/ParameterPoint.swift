import ZPrimeCore
import ZPrimeModels

/// One point of a model's parameter space: the model and every continuous and discrete choice that
/// a later stage needs. Every stage is a pure function of a point (through the previous stage's
/// value): point -> couplings -> decays, observables -> constraints.
///
/// **Direction and scale.** The model's charges fix the *direction* of the Z' couplings; the *scale*
/// is one number, ``modelCoupling``: the gauge coupling g_X for a gauge model, eps for a model that
/// couples only through kinetic mixing (the dark photon). ``withModelCoupling(_:)`` moves along the
/// scale with everything else fixed, which is what a recast of a limit or a coupling scan solves
/// for. How the kinetic mixing follows the scale is stated by ``kineticMixing``: a ``KineticMixing/
/// fixed(_:)`` eps stays put (the couplings are then exactly affine in g_X, g_X X + eps e Q, when the
/// Higgs is U(1)_X neutral), a ``KineticMixing/proportional(ratio:)`` eps, the model's own ratio
/// (protophobic) and the one-loop estimate scale with g_X, so every coupling scales with g_X at
/// leading order (the exact photon-Z-Z' mixing adds relative corrections of O(eps^2)).
///
/// ```swift
/// let point = try ParameterPoint(model: BuiltinModels.model(named: "B-L")!, mass: 0.017, coupling: 1e-4,
///                                kineticMixing: .fixed(-1e-4))
/// let stronger = try point.withModelCoupling(2e-4)
/// print(stronger.coupling, stronger.kineticMixing)   // 0.0002 fixed(-0.0001): eps stays
/// ```
public struct ParameterPoint: Hashable, Sendable, Codable {
    /// The model.
    public var model: Model
    /// The Z' mass in GeV; 0 is the light limit m_Z' -> 0 (allowed for couplings only).
    public var mass: Double
    /// The gauge coupling g_X multiplying the model's charges (0 for a kinetic-mixing-only model).
    public var coupling: Double
    /// How the tree-level kinetic mixing is set.
    public var kineticMixing: KineticMixing
    /// The loop-induced kinetic mixing.
    public var loopMixing: LoopMixingMode
    /// The light neutrino states.
    public var neutrinos: LightNeutrinos
    /// The dark sector.
    public var darkSector: DarkSector
    /// The measured datasets to compare with.
    public var datasets: DatasetSelection
    /// Further continuous parameters of the model by name (Yukawa couplings, vector-like masses,
    /// vacuum expectation values of a model with its own spectrum), empty for a model fixed by its
    /// charges alone. Every value is finite.
    public var modelParameters: [String: Double]

    /// The largest mass accepted, 1e5 GeV (the strong coupling is tabulated up to 100 TeV).
    public static let maximumMass = 1e5
    /// The largest gauge coupling accepted, 100 (far beyond perturbativity, sqrt(4 pi) = 3.5, which is
    /// a warning; larger values only overflow).
    public static let maximumCoupling = 100.0

    /// Creates a point and checks it.
    ///
    /// - Throws: ``Problem`` for a model without three families; a mass that is not finite, negative
    ///   or above ``maximumMass``; a gauge coupling that is not finite, not positive for a model with
    ///   U(1)_X charges, non-zero for a kinetic-mixing-only model, or above ``maximumCoupling``; an eps
    ///   that is not finite or has |eps| >= 1, missing for the dark photon, or given for a model that
    ///   fixes it; Dirac neutrinos without one N_R per family; an invalid dark sector.
    public init(model: Model, mass: Double, coupling: Double, kineticMixing: KineticMixing = .none,
                loopMixing: LoopMixingMode = .automatic, neutrinos: LightNeutrinos = .leftHandedMajorana,
                darkSector: DarkSector = .none, datasets: DatasetSelection = .newest,
                modelParameters: [String: Double] = [:]) throws(Problem) {
        for (name, value) in modelParameters where !value.isFinite {
            throw Problem.invalid(.field(name), value, "must be a finite number")
        }
        guard model.families == 3 else {
            throw Problem.invalid(.model, text: model.name, "has \(model.families) families: the physics stages need the three SM families",
                                  kind: .unsupportedModel)
        }
        guard mass.isFinite, mass >= 0, mass <= Self.maximumMass else {
            throw Problem.invalid(.mass, mass, "must be finite, >= 0 and <= \(Self.maximumMass) GeV")
        }
        if model.isU1Charged {
            guard coupling.isFinite, coupling > 0, coupling <= Self.maximumCoupling else {
                throw Problem.invalid(.coupling, coupling, "must be finite, > 0 and <= \(Self.maximumCoupling) for model \(model.name), which has U(1)_X charges")
            }
        } else {
            guard coupling == 0 else {
                throw Problem.invalid(.coupling, coupling, "model \(model.name) has no U(1)_X charges: the gauge coupling must be 0 (it couples through kinetic mixing)",
                                      kind: .conflict)
            }
            guard case .fixed(let eps) = kineticMixing, eps != 0 else {
                throw Problem.invalid(.kineticMixing, text: nil, "model \(model.name) couples only through kinetic mixing: a non-zero eps is required",
                                      kind: .missing)
            }
        }
        switch kineticMixing {
        case .none, .oneLoopEstimate: break
        case .fixed(let eps):
            guard eps.isFinite, abs(eps) < 1 else { throw Problem.invalid(.kineticMixing, eps, "must be finite with |eps| < 1") }
        case .proportional(let ratio):
            guard ratio.isFinite, abs(ratio * coupling) < 1 else {
                throw Problem.invalid(.mixingRatio, ratio, "must be finite with |ratio g_X| < 1")
            }
        case .model:
            guard model.kineticMixingRatio != nil else {
                throw Problem.invalid(.kineticMixing, text: "model", "model \(model.name) has no fixed kinetic-mixing ratio", kind: .conflict)
            }
        }
        if let ratio = model.kineticMixingRatio, kineticMixing != .model {
            throw Problem.invalid(.kineticMixing, text: nil, "model \(model.name) fixes eps = \(ratio) g_X/e; do not set it", kind: .conflict)
        }
        if loopMixing == .estimate, kineticMixing != .oneLoopEstimate {
            throw Problem.invalid(.loopMixing, text: LoopMixingMode.estimate.rawValue,
                                  "the one-loop estimate replaces the tree-level eps: give no kinetic mixing with it", kind: .conflict)
        }
        if neutrinos == .dirac, model.rightHandedNeutrinoCount != 3 {
            throw Problem.invalid(.neutrinos, text: neutrinos.rawValue,
                                  "Dirac neutrinos need one N_R per family; model \(model.name) has \(model.rightHandedNeutrinoCount)",
                                  kind: .unsupportedModel)
        }
        self.model = model
        self.mass = mass
        self.coupling = coupling
        self.kineticMixing = kineticMixing
        self.loopMixing = loopMixing
        self.neutrinos = neutrinos
        self.darkSector = try darkSector.validated()
        self.datasets = datasets
        self.modelParameters = modelParameters
    }

    /// What the scale of the couplings is for this model.
    public enum CouplingAxis: String, Sendable, Hashable, Codable {
        /// The gauge coupling g_X.
        case gaugeCoupling = "g_X"
        /// The kinetic mixing eps (models without U(1)_X charges).
        case kineticMixing = "eps"
    }

    /// The model's coupling axis: g_X, or eps for a kinetic-mixing-only model.
    public var couplingAxis: CouplingAxis { model.isU1Charged ? .gaugeCoupling : .kineticMixing }

    /// The model's coupling along ``couplingAxis``: g_X, or eps for the dark photon.
    public var modelCoupling: Double {
        if case .kineticMixing = couplingAxis, case .fixed(let eps) = kineticMixing { return eps }
        return coupling
    }

    /// The same point with the model's coupling set to `value` (g_X, or eps for the dark photon);
    /// a fixed eps of a gauge model stays fixed, a tied one follows (see the type's discussion).
    public func withModelCoupling(_ value: Double) throws(Problem) -> ParameterPoint {
        var copy = self
        switch couplingAxis {
        case .gaugeCoupling: copy.coupling = value
        case .kineticMixing: copy.kineticMixing = .fixed(value)
        }
        return try copy.validated()
    }

    /// The same point at another mass.
    public func withMass(_ mass: Double) throws(Problem) -> ParameterPoint {
        var copy = self
        copy.mass = mass
        return try copy.validated()
    }

    /// The names ``withParameter(_:_:)`` understands besides the model's own parameters.
    public static let parameterNames = ["mass", "coupling", "kinetic_mixing", "mixing_ratio"]

    /// The value of the continuous parameter `name`: `mass`, `coupling` (the model's coupling along
    /// ``couplingAxis``), `kinetic_mixing` (a fixed eps), `mixing_ratio` (a tied eps), or one of
    /// ``modelParameters``; nil when the point has no such parameter.
    public func parameter(_ name: String) -> Double? {
        switch name {
        case "mass": return mass
        case "coupling": return modelCoupling
        case "kinetic_mixing": if case .fixed(let eps) = kineticMixing { return eps } else { return nil }
        case "mixing_ratio": if case .proportional(let r) = kineticMixing { return r } else { return nil }
        default: return modelParameters[name]
        }
    }

    /// The same point with the continuous parameter `name` set to `value` (see ``parameter(_:)``;
    /// setting `kinetic_mixing` or `mixing_ratio` replaces the other), checked again.
    ///
    /// - Throws: ``Problem`` for an unknown name or an invalid value.
    public func withParameter(_ name: String, _ value: Double) throws(Problem) -> ParameterPoint {
        var copy = self
        switch name {
        case "mass": copy.mass = value
        case "coupling": return try withModelCoupling(value)
        case "kinetic_mixing": copy.kineticMixing = .fixed(value)
        case "mixing_ratio": copy.kineticMixing = .proportional(ratio: value)
        default:
            guard modelParameters[name] != nil else {
                let known = (Self.parameterNames + modelParameters.keys.sorted()).joined(separator: ", ")
                throw Problem.invalid(.field(name), text: name, "not a parameter of this point (known: \(known))", kind: .unknownName)
            }
            copy.modelParameters[name] = value
        }
        return try copy.validated()
    }

    /// The point checked again by the initialiser.
    func validated() throws(Problem) -> ParameterPoint {
        try ParameterPoint(model: model, mass: mass, coupling: coupling, kineticMixing: kineticMixing, loopMixing: loopMixing,
                           neutrinos: neutrinos, darkSector: darkSector, datasets: datasets, modelParameters: modelParameters)
    }

    /// The tree-level physical eps this point implies, in the electroweak `scheme`.
    ///
    /// A model-fixed ratio r (eps = r g_X/e at leading order) is imposed on the effective U(1)_X
    /// coupling g_X/(e sqrt(1 - eps_k^2)) with eps_k = eps/sqrt(cos^2 theta_W + eps^2), which gives
    /// eps = rho cos / sqrt(cos^2 - rho^2), rho = r g_X/e; it needs |rho| < cos theta_W.
    public func treeLevelKineticMixing(scheme: ElectroweakScheme = .standard) throws(Problem) -> Double {
        let e = scheme.elementaryCharge
        switch kineticMixing {
        case .none: return 0
        case .fixed(let eps): return eps
        case .proportional(let ratio): return ratio * coupling
        case .oneLoopEstimate: return e * coupling / (16 * Double.pi * Double.pi)
        case .model:
            let ratio = model.kineticMixingRatio ?? 0
            let rho = ratio * coupling / e
            let cw = scheme.cosThetaW
            guard abs(rho) < cw else {
                throw Problem.invalid(.coupling, coupling, "too large: model \(model.name) needs |ratio g_X/e| < cos(theta_W)")
            }
            return rho * cw / ((cw - rho) * (cw + rho)).squareRoot()
        }
    }
}

extension Model {
    /// Whether any fermion or the Higgs carries a non-zero U(1)_X charge (a gauge coupling then
    /// multiplies them); `false` for the dark photon.
    public var isU1Charged: Bool {
        if isKineticMixingOnly { return false }
        if higgsCharge != .zero { return true }
        if charges.values.contains(where: { $0.contains { $0 != .zero } }) { return true }
        return extraFermions.contains { f in ((f.leftCharges ?? []) + (f.rightCharges ?? [])).contains { $0 != .zero } }
    }
}
