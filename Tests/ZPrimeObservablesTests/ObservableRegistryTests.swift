import Testing
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeModels
import ZPrimeObservables

@Suite("The observable registry")
struct ObservableRegistryTests {
    func point(_ name: String, mass: Double, coupling: Double, eps: KineticMixing = .none) throws -> ParameterPoint {
        try ParameterPoint(model: #require(BuiltinModels.model(named: name)), mass: mass, coupling: coupling, kineticMixing: eps)
    }

    @Test("every observable has a unique name, a LaTeX name, a description and a citation")
    func metadata() {
        let names = ObservableRegistry.standard.map(\.name)
        #expect(Set(names).count == names.count)
        for observable in ObservableRegistry.standard {
            #expect(!observable.latexName.isEmpty && !observable.description.isEmpty && !observable.citations.isEmpty, "\(observable.name)")
        }
        #expect(ObservableRegistry.observable(named: "delta_a_mu") != nil)
    }

    /// The dark photon at 10 MeV with eps = 1.7e-3: Delta a_mu from the closed form equals the direct
    /// Leveille evaluation with vector coupling e eps (the registry only wires it); the report holds
    /// one prediction per observable, in registry order, each finite.
    @Test("a report is a list of finite predictions in registry order")
    func report() throws {
        let report = try ObservableReport(point: point("dark-photon", mass: 0.01, coupling: 0, eps: .fixed(1.7e-3)))
        #expect(report.predictions.map(\.name) == ObservableRegistry.standard.map(\.name))
        #expect(report.predictions.allSatisfy { $0.value.isFinite })
        let direct = try AnomalousMagneticMoment.oneLoop(leptonMass: PhysicalConstants.muonMass, bosonMass: 0.01, internalMass: PhysicalConstants.muonMass,
                                                         couplings: LoopCouplings(vector: PhysicalConstants.elementaryCharge * report.couplings[.muon].real.vector,
                                                                                  axial: PhysicalConstants.elementaryCharge * report.couplings[.muon].real.axial))
        #expect(try #require(report["delta_a_mu"]).value == direct)
        #expect(report["br_ee"]?.value == 1)   // below 2 m_mu only e+e- (and negligible neutrinos) is open
    }

    @Test("the longitudinal-enhancement warning appears only when the axial piece matters")
    func longitudinal() throws {
        // A muon-philic axial boson lighter than the muon: flagged.
        let axial = Model(name: "axial mu", charges: [.L: [.zero, Rational(1), .zero], .E: [.zero, Rational(-1), .zero]])
        let flagged = try ObservableReport(point: ParameterPoint(model: axial, mass: 0.01, coupling: 1e-4))
        #expect(flagged["delta_a_mu"]!.problems.contains { $0.kind == .longitudinalEnhancement })
        // B-L at 17 MeV: the axial couplings come only from the Z admixture (1e-12): not flagged.
        let quiet = try ObservableReport(point: point("B-L", mass: 0.017, coupling: 1e-4, eps: .fixed(-1e-4)))
        #expect(quiet.problems.allSatisfy { $0.kind != .longitudinalEnhancement })
    }

    @Test("settings and datasets are checked before any work")
    func badSettings() throws {
        let p = try point("B-L", mass: 0.017, coupling: 1e-4)
        #expect(throws: Problem.self) { try ObservableReport(point: p, settings: ObservableSettings(sigmas: 0)) }
        #expect(throws: Problem.self) { try ObservableReport(point: p, settings: ObservableSettings(nuclearRecoilEnergy: -1)) }
        var unknown = p
        unknown.datasets = DatasetSelection(muon: "1999")
        do {
            _ = try ObservableReport(point: unknown)
            Issue.record("unknown dataset accepted")
        } catch {
            #expect(error.parameter == .muonDataset && error.kind == .unknownName)
        }
        #expect(throws: Problem.self) { try ObservableReport(point: point("B-L", mass: 0, coupling: 1e-4)) }
    }
}
