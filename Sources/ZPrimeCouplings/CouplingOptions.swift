import Numerics
import ZPrimeCore
import ZPrimeModels

/// The electroweak inputs of the mixing: the project's one ``ElectroweakScheme``.
public typealias ElectroweakInputs = ElectroweakScheme

/// The discrete options of a couplings calculation, for the convenience initialiser
/// ``CouplingCalculator/init(model:gaugeCoupling:kineticMixing:options:)``.
public struct CouplingOptions: Sendable, Hashable {
    /// The light neutrino states (default: left-handed Majorana).
    public var lightNeutrinos: LightNeutrinos
    /// The loop-induced kinetic mixing (default: automatic).
    public var loopMixing: LoopMixingMode
    /// The Z' mass (GeV) of the exact A-Z-Z' mixing; `nil` is the light limit m_Z' -> 0.
    public var bosonMass: Double?
    /// The electroweak scheme.
    public var electroweak: ElectroweakScheme

    /// Creates options.
    public init(lightNeutrinos: LightNeutrinos = .leftHandedMajorana, loopMixing: LoopMixingMode = .automatic,
                bosonMass: Double? = nil, electroweak: ElectroweakScheme = .standard) {
        self.lightNeutrinos = lightNeutrinos
        self.loopMixing = loopMixing
        self.bosonMass = bosonMass
        self.electroweak = electroweak
    }
}

/// A bad input to the couplings stage.
public typealias CouplingError = Problem

extension CouplingCalculator {
    /// A calculator from a model and its parameters (a shorthand for building the ``ParameterPoint``):
    /// `kineticMixing` is a fixed eps (`nil`: none, or the model's own ratio), `gaugeCoupling` is
    /// ignored for a model without U(1)_X charges, and `options.bosonMass` is the point's mass (nil:
    /// the light limit).
    public init(model: Model, gaugeCoupling: Double, kineticMixing: Double? = nil,
                options: CouplingOptions = CouplingOptions()) throws(Problem) {
        let eps: KineticMixing
        if options.loopMixing == .estimate {
            eps = .oneLoopEstimate
        } else if model.kineticMixingRatio != nil {
            if let kineticMixing {
                throw Problem.invalid(.kineticMixing, kineticMixing, "model \(model.name) fixes eps = \(model.kineticMixingRatio!) g_X/e; do not give it",
                                      kind: .conflict)
            }
            eps = .model
        } else {
            eps = kineticMixing.map { .fixed($0) } ?? .none
        }
        let point = try ParameterPoint(model: model, mass: options.bosonMass ?? 0, coupling: model.isU1Charged ? gaugeCoupling : 0,
                                       kineticMixing: eps, loopMixing: options.loopMixing, neutrinos: options.lightNeutrinos)
        try self.init(point: point, scheme: options.electroweak)
    }

    /// The options of this calculator's point.
    public var options: CouplingOptions {
        CouplingOptions(lightNeutrinos: point.neutrinos, loopMixing: point.loopMixing, bosonMass: point.mass, electroweak: scheme)
    }

    /// The real parts of the Standard Model couplings at the point's mass and `q2`.
    public func couplings(atSquaredMomentum q2: Double) -> FermionCouplings {
        table(mixing: (try? mixing(bosonMass: point.mass))!, squaredMomentum: q2).real
    }

    /// The real parts of the Standard Model couplings of a Z' of mass `bosonMass`, at `q2` (default
    /// on shell).
    public func couplings(bosonMass: Double, atSquaredMomentum q2: Double? = nil) throws(Problem) -> FermionCouplings {
        try table(mass: bosonMass, squaredMomentum: q2).real
    }
}
