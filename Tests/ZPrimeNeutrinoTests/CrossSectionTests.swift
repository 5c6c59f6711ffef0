import Foundation
import Testing
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeModels
import ZPrimeObservables
import ZPrimePoint
@testable import ZPrimeNeutrino

/// Shared, expensive fixtures (built once per test process).
enum Fixtures {
    static let lmuLtau = BuiltinModels.model(named: "Lmu-Ltau")!
    static let argon40: TargetMaterial = try! TargetMaterial(NeutrinoData.TargetRecord(
        name: "40Ar", description: "40Ar only", electronsPerAtom: 18, citation: "AME2020",
        isotopes: [NeutrinoData.IsotopeRecord(name: "40Ar", protons: 18, neutrons: 22, atomicMassU: 39.9623831237, abundance: 1)], shells: nil))
    static let cesium133: TargetMaterial = try! TargetMaterial(NeutrinoData.TargetRecord(
        name: "133Cs", description: "133Cs only", electronsPerAtom: 55, citation: "AME2020",
        isotopes: [NeutrinoData.IsotopeRecord(name: "133Cs", protons: 55, neutrons: 78, atomicMassU: 132.905451961, abundance: 1)], shells: nil))
    static let sun: SolarNeutrinos = try! SolarNeutrinos.standard()

    static func exchange(model: Model = lmuLtau, mass: Double, coupling: Double) throws -> ZPrimeExchange {
        try ZPrimeExchange(point: ParameterPoint(model: model, mass: mass, coupling: coupling))
    }

    /// sigma in GeV^-2 from a kernel with one unit-fluence line on one nucleus per kg... per target.
    static func kernelCrossSection(target: TargetMaterial, spectrum: NeutrinoSpectrum, exchange: ZPrimeExchange?) -> Double {
        let component = FluxComponent(label: "test", flavour: .muon, antineutrino: false, spectrum: spectrum, group: 0)
        let kernel = RateKernel.coherent(target: target, kilograms: 1, components: [component], binEdges: [1e-12, 1])
        return kernel.counts(exchange: exchange).total / (target.nucleiPerKilogram * PhysicalConstants.gevMinus2InSquareCentimetres)
    }
}

@Suite("Neutrino cross sections with a Z' (independent values)")
struct CrossSectionTests {
    @Test("CEvNS without form factor integrates to the closed form G_F^2 M Q_W^2/(4 pi) [T_max - M T_max^2/(4E^2)]")
    func coherentClosedForm() {
        // Int_0^Tmax (1 - M T/(2E^2)) dT = Tmax - M Tmax^2/(4E^2), derived by hand; tolerance 1e-10 (quadrature).
        let nucleus = CoherentNeutrinoNucleusScattering.Nucleus.argon40
        let e = 0.03
        let tmax = NeutrinoCrossSections.maximumRecoil(energy: e, targetMass: nucleus.mass)
        let numeric = GaussKronrod.integrate(from: 0, to: tmax, relativeTolerance: 1e-13) {
            NeutrinoCrossSections.coherent(flavour: .muon, energy: e, recoil: $0, nucleus: nucleus, exchange: nil, formFactor: false)
        }.value
        let qw = NeutrinoCrossSections.standardWeakCharge(protons: 18, neutrons: 22)
        let g = PhysicalConstants.fermiConstant, m = nucleus.mass
        let exact = g * g * m * qw * qw / (4 * Double.pi) * (tmax - m * tmax * tmax / (4 * e * e))
        #expect(abs(numeric / exact - 1) < 1e-10)
        // Heavy-nucleus textbook limit sigma -> G_F^2 Q_W^2 E^2/(4 pi), corrections O(E/M) = 1e-3 here.
        #expect(abs(exact / (g * g * qw * qw * e * e / (4 * Double.pi)) - 1) < 3e-3)
    }

    @Test("SM CEvNS of the prompt nu_mu on 40Ar with the Helm form factor: 3.8434183312e-12 GeV^-2 (mpmath, References/cevns_reference.py)")
    func coherentPromptArgon() {
        let sigma = Fixtures.kernelCrossSection(target: Fixtures.argon40, spectrum: .lines([(StoppedPionSource.promptEnergy, 1)]), exchange: nil)
        // Tolerance 1e-7: Gauss-Legendre panels in ln T against 30-digit adaptive quadrature.
        #expect(abs(sigma / 3.8434183312155631773e-12 - 1) < 1e-7)
    }

    @Test("Flux-averaged SM CEvNS of the delayed nu_e on 133Cs: 4.8339862872e-11 GeV^-2 (mpmath)")
    func coherentMichelCesium() {
        let spectrum = NeutrinoSpectrum.continuous(maximumEnergy: StoppedPionSource.delayedEndpoint) { StoppedPionSource.electronNeutrinoSpectrum($0) }
        let sigma = Fixtures.kernelCrossSection(target: Fixtures.cesium133, spectrum: spectrum, exchange: nil)
        // Tolerance 1e-6: the cumulative flux moments are interpolated linearly between 4000 cells.
        #expect(abs(sigma / 4.8339862872389420946e-11 - 1) < 1e-6)
    }

    @Test("L_mu - L_tau (10 MeV, g = 5e-4) with the loop mixing at q^2 = -2MT: 2.7180340987e-12 GeV^-2 on 40Ar (mpmath)")
    func coherentLoopMixingArgon() throws {
        let exchange = try Fixtures.exchange(mass: 0.01, coupling: 5e-4)
        let sigma = Fixtures.kernelCrossSection(target: Fixtures.argon40, spectrum: .lines([(StoppedPionSource.promptEnergy, 1)]), exchange: exchange)
        // 1e-6: the couplings stage's tree-level mixing adds O(eps^2) corrections that the reference omits.
        #expect(abs(sigma / 2.7180340987296064436e-12 - 1) < 1e-6)
    }

    @Test("a Z' with the Z's couplings doubles Q_W (CEvNS) and the neutral-current g_L, g_R (nu-e)")
    func zClone() {
        let s2 = PhysicalConstants.sin2ThetaWLowEnergy
        let g = PhysicalConstants.fermiConstant, mz = PhysicalConstants.zMass
        // g_Z^2/m_Z^2 = 4 sqrt2 G_F with the same G_F, so the clone reproduces the SM operator exactly.
        let gz = (4 * 2.0.squareRoot() * g).squareRoot() * mz
        let clone = ZPrimeExchange(mass: mz, neutrino: [gz / 2, gz / 2, gz / 2],
                                   couplings: .init(electronLeft: gz * (-0.5 + s2), electronRight: gz * s2, proton: gz * (0.25 - s2), neutron: -gz / 4))
        let nucleus = CoherentNeutrinoNucleusScattering.Nucleus.cesium133
        let qw = NeutrinoCrossSections.standardWeakCharge(protons: 55, neutrons: 78)
        // At T = 0 exactly 2; at 10 keV the propagator 1/(2MT + m_Z^2) differs by 2MT/m_Z^2 = 3e-7.
        #expect(abs(NeutrinoCrossSections.weakCharge(flavour: .muon, nucleus: nucleus, recoil: 0, exchange: clone) / qw - 2) < 1e-12)
        #expect(abs(NeutrinoCrossSections.weakCharge(flavour: .muon, nucleus: nucleus, recoil: 1e-5, exchange: clone) / qw - 2) < 1e-6)
        let sm = NeutrinoCrossSections.electronCouplings(flavour: .muon, antineutrino: false, recoil: 0, exchange: nil)
        let doubled = NeutrinoCrossSections.electronCouplings(flavour: .muon, antineutrino: false, recoil: 0, exchange: clone)
        #expect(abs(doubled.left / sm.left - 2) < 1e-12 && abs(doubled.right / sm.right - 2) < 1e-12)
        // nu_e: the charged-current +1 is not doubled.
        let nue = NeutrinoCrossSections.electronCouplings(flavour: .electron, antineutrino: false, recoil: 0, exchange: clone)
        #expect(abs(nue.left - (2 * (-0.5 + s2) + 1)) < 1e-12)
    }

    @Test("nu-e: the integrated SM cross section equals the closed form, and E >> m_e gives (2 G_F^2 m_e E/pi)(g_L^2 + g_R^2/3)")
    func electronClosedForm() {
        let me = PhysicalConstants.electronMass, g = PhysicalConstants.fermiConstant
        for (flavour, anti) in [(NeutrinoFlavour.electron, false), (.muon, false), (.muon, true), (.tau, false)] {
            let e = 0.0008618
            let tmax = NeutrinoCrossSections.maximumRecoil(energy: e, targetMass: me)
            let numeric = GaussKronrod.integrate(from: 0, to: tmax, relativeTolerance: 1e-13) {
                NeutrinoCrossSections.electron(flavour: flavour, antineutrino: anti, energy: e, recoil: $0, exchange: nil)
            }.value
            let (gl, gr) = NeutrinoCrossSections.electronCouplings(flavour: flavour, antineutrino: anti, recoil: 0, exchange: nil)
            // Int_0^Tmax: g_L^2 Tmax + g_R^2 (E/3)(1 - (1 - Tmax/E)^3) - g_L g_R m_e Tmax^2/(2 E^2), by hand.
            let y = 1 - tmax / e
            let exact = 2 * g * g * me / Double.pi * (gl * gl * tmax + gr * gr * e / 3 * (1 - y * y * y) - gl * gr * me * tmax * tmax / (2 * e * e))
            #expect(abs(numeric / exact - 1) < 1e-10)
        }
        let e = 10.0
        let (gl, gr) = NeutrinoCrossSections.electronCouplings(flavour: .muon, antineutrino: false, recoil: 0, exchange: nil)
        let numeric = GaussKronrod.integrate(from: 0, to: NeutrinoCrossSections.maximumRecoil(energy: e, targetMass: me), relativeTolerance: 1e-12) {
            NeutrinoCrossSections.electron(flavour: .muon, energy: e, recoil: $0, exchange: nil)
        }.value
        // Corrections O(m_e/E) = 5e-5.
        #expect(abs(numeric / (2 * g * g * me * e / Double.pi * (gl * gl + gr * gr / 3)) - 1) < 2e-4)
    }

    @Test("the Z' couplings at q^2 equal the couplings stage's table at q^2 (loop mixing of L_mu - L_tau)")
    func exchangeMatchesCouplingsStage() throws {
        let point = try ParameterPoint(model: Fixtures.lmuLtau, mass: 0.02, coupling: 7e-4)
        let calculator = try CouplingCalculator(point: point)
        let exchange = try ZPrimeExchange(calculator: calculator)
        let e = PhysicalConstants.elementaryCharge
        for q2 in [0.0, -1e-6, -1e-3, -0.05] {
            let table = try calculator.table(mass: 0.02, squaredMomentum: q2)
            let c = exchange.couplings(squaredMomentum: q2)
            #expect(abs(c.proton / (e * table.proton.vector.real) - 1) < 1e-9)
            #expect(abs(c.electronLeft / (e * table[.electron].vector.real) - 1) < 1e-9)
        }
    }

    @Test("L_mu - L_tau: the induced electron coupling is opposite to the muon's, nu_mu interferes destructively and nu_tau constructively in CEvNS")
    func lmuLtauSigns() throws {
        let point = try ParameterPoint(model: Fixtures.lmuLtau, mass: 0.01, coupling: 5e-4)
        let table = try CouplingCalculator(point: point).table(squaredMomentum: 0)
        #expect(table[.muon].vector.real > 0)
        #expect(table[.electron].vector.real < 0)
        // eps(0) = e g ln(m_mu/m_tau)/(6 pi^2): eps^V_e = eps, about -g/70 (to 1 %: the exact mixing adds O(eps^2)).
        let e = PhysicalConstants.elementaryCharge
        let eps0 = e * 5e-4 * Double.log(PhysicalConstants.muonMass / PhysicalConstants.tauMass) / (6 * Double.pi * Double.pi)
        #expect(abs(table[.electron].vector.real / eps0 - 1) < 1e-6)
        let exchange = try ZPrimeExchange(point: point)
        let nucleus = CoherentNeutrinoNucleusScattering.Nucleus.argon40
        let qw = NeutrinoCrossSections.standardWeakCharge(protons: 18, neutrons: 22)
        #expect(NeutrinoCrossSections.weakCharge(flavour: .muon, nucleus: nucleus, recoil: 1e-5, exchange: exchange) < qw)
        #expect(NeutrinoCrossSections.weakCharge(flavour: .tau, nucleus: nucleus, recoil: 1e-5, exchange: exchange) > qw)
        #expect(NeutrinoCrossSections.weakCharge(flavour: .electron, nucleus: nucleus, recoil: 1e-5, exchange: exchange) == qw)
    }

    @Test("the new cross sections agree with the existing observables' CEvNS and nu-e implementations at q^2 = 0 couplings")
    func agreesWithObservables() throws {
        let point = try ParameterPoint(model: BuiltinModels.model(named: "B-L")!, mass: 0.05, coupling: 3e-5)
        let exchange = try ZPrimeExchange(point: point)
        let couplings = try Couplings.table(for: point, squaredMomentum: 0).real
        for t in [1e-7, 1e-5, 1e-4] {
            let old = try CoherentNeutrinoNucleusScattering.differentialCrossSection(flavour: .muon, neutrinoEnergy: 0.05, recoilEnergy: t,
                                                                                     nucleus: .argon40, couplings: couplings, bosonMass: 0.05)
            let new = NeutrinoCrossSections.coherent(flavour: .muon, energy: 0.05, recoil: t, nucleus: .argon40, exchange: exchange)
            #expect(abs(new / old - 1) < 1e-12)
            let oldE = try NeutrinoElectronScattering.differentialCrossSection(flavour: .electron, neutrinoEnergy: 0.01, recoilEnergy: t * 10,
                                                                               couplings: couplings, bosonMass: 0.05)
            let newE = NeutrinoCrossSections.electron(flavour: .electron, energy: 0.01, recoil: t * 10, exchange: exchange)
            #expect(abs(newE / oldE - 1) < 1e-12)
        }
    }
}
