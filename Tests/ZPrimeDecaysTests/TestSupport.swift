import ZPrimeCore
import ZPrimeCouplings
import ZPrimeDecays
import ZPrimeModels

/// Shared helpers for the decay tests.
enum Fixture {
    static func model(_ name: String) -> Model {
        guard let model = BuiltinModels.model(named: name) else { fatalError("no built-in model \(name)") }
        return model
    }

    /// A decay calculator for a built-in model.
    static func decays(_ name: String, coupling: Double = 1e-3, kineticMixing: Double? = nil,
                       neutrinos: LightNeutrinos = .leftHandedMajorana, invisible: InvisibleWidth = .none) throws -> DecayCalculator {
        let m = model(name)
        let g = m.isKineticMixingOnly ? 0 : coupling
        let eps = m.isKineticMixingOnly ? (kineticMixing ?? 1e-3) : kineticMixing
        let couplings = try CouplingCalculator(model: m, gaugeCoupling: g, kineticMixing: eps, options: CouplingOptions(lightNeutrinos: neutrinos))
        return try DecayCalculator(couplings: couplings, invisibleWidth: invisible)
    }

    /// Couplings (units of e) with given real vector couplings per target and no axial ones.
    static func vectorCouplings(_ vector: (CouplingTarget) -> Double) -> CouplingTable {
        var couplings: [CouplingTarget: ComplexChiralCoupling] = [:]
        for target in CouplingTarget.fermions { couplings[target] = ComplexChiralCoupling(ChiralCoupling(vector: vector(target), axial: 0)) }
        return CouplingTable(mass: 0, squaredMomentum: 0, standardModel: couplings)
    }

    /// A model with chosen lepton charges of the second family and nothing else.
    static func muonModel(left: Int, right: Int) -> Model {
        Model(name: "muon \(left) \(right)", charges: [.L: [.zero, Rational(left), .zero], .E: [.zero, Rational(right), .zero]])
    }

    static let allBuiltins = ["dark-photon", "B-L", "B", "Lmu-Ltau", "Le-Lmu", "Le-Ltau", "B-3Le", "B-3Lmu", "B-3Ltau", "protophobic", "b-l-vll"]
}
