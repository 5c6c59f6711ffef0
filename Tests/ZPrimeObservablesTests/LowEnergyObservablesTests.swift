import Foundation
import Testing
import ZPrimeCore
import ZPrimeCouplings
@testable import ZPrimeObservables

@Suite("Low-energy observables report")
struct LowEnergyObservablesTests {
    /// A protophobic-like coupling set at 17 MeV: the report must equal the individual observables
    /// (it only assembles them) and select the requested datasets.
    @Test("the report assembles the individual observables")
    func assembly() throws {
        let couplings = FermionCouplings([
            .electron: ChiralCoupling(vector: 1e-3, axial: 1e-9), .muon: ChiralCoupling(vector: 1e-3, axial: 0),
            .muonNeutrino: ChiralCoupling(vector: 1e-5, axial: -1e-5),
            .proton: ChiralCoupling(vector: 0, axial: 0), .neutron: ChiralCoupling(vector: 1e-2, axial: 0),
        ])
        let report = try LowEnergyObservables(couplings: couplings, bosonMass: 0.017, muonDataset: "2021", electronDataset: "cs2018", sigmas: 2)
        #expect(report.datasets[.muon]?.name == "2021" && report.datasets[.electron]?.name == "cs2018")
        #expect(report.deltaA[.muon] == (try AnomalousMagneticMoment.deltaA(.muon, couplings: couplings, bosonMass: 0.017)))
        #expect(report.beryllium18Ratio == (try X17.rateRatio(.beryllium18, bosonMass: 0.017, nucleons: NucleonCouplings(proton: 0, neutron: 1e-2))))
        #expect(report.cesiumWeakChargeShift == (try AtomicParityViolation.weakChargeShift(electronAxial: 1e-9, nucleons: NucleonCouplings(proton: 0, neutron: 1e-2), bosonMass: 0.017)))
        #expect(report.passesCesiumParityViolation == (abs(report.cesiumWeakChargeShift) <= 0.71))
        #expect(report.electronVectorAxialProduct == 1e-3 * 1e-9)
        #expect(report.x17Region != nil)
        #expect(report.warnings.isEmpty)
        // nu_mu-e shift at T = 0: g_nu g_eL/(2 sqrt2 G_F m^2) with g_nu = e (1e-5 + 1e-5), g_eL = e (1e-3 - 1e-9).
        let e = PhysicalConstants.elementaryCharge
        let expected = e * 2e-5 * e * (1e-3 - 1e-9) / (2 * 2.0.squareRoot() * PhysicalConstants.fermiConstant * 0.017 * 0.017)
        #expect(abs(report.neutrinoElectronShifts[.muon]!.left / expected - 1) < 1e-13)
        #expect(report.neutrinoElectronShifts[.electron]!.left == 0)
        // A positive Delta a_mu with 2021 data gives a band.
        guard case .band = report.bands[.muon]!.outcome else { Issue.record("expected a band"); return }
    }

    @Test("report: warnings below 1 MeV, no X17 region above 18.15 MeV, bad input")
    func edges() throws {
        let couplings = FermionCouplings([.electron: ChiralCoupling(vector: 1e-4, axial: 0)])
        let light = try LowEnergyObservables(couplings: couplings, bosonMass: 1e-4)
        #expect(light.warnings.contains { $0.contains("APV") })
        let heavy = try LowEnergyObservables(couplings: couplings, bosonMass: 0.05)
        #expect(heavy.x17Region == nil && heavy.beryllium18Ratio == 0)
        #expect(throws: ObservableError.self) { try LowEnergyObservables(couplings: couplings, bosonMass: -1) }
        #expect(throws: ObservableError.self) { try LowEnergyObservables(couplings: couplings, bosonMass: 0.01, muonDataset: "nope") }
        #expect(throws: ObservableError.self) { try LowEnergyObservables(couplings: couplings, bosonMass: 0.01, sigmas: 0) }
        let bad = FermionCouplings([.muon: ChiralCoupling(vector: .nan, axial: 0)])
        do {
            _ = try LowEnergyObservables(couplings: bad, bosonMass: 0.01)
            Issue.record("NaN accepted")
        } catch {
            #expect(error.field == "eps^V_mu")
        }
    }
}
