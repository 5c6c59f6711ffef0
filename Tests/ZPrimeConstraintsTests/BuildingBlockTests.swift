import ComplexModule
import Foundation
import Testing
@testable import ZPrimeConstraints
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeObservables

/// The recast building blocks against independent references: mpmath evaluations of the stated
/// formulas (Fixtures/references.py -> references.json, 40 digits) and values derived by hand.
@Suite struct BuildingBlockTests {
    nonisolated(unsafe) static let references: [String: Any] = {
        let data = try! Data(contentsOf: Support.fixtures.appendingPathComponent("references.json"))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()
    static func cases(_ key: String) -> [[String: Any]] { references[key] as! [[String: Any]] }
    static func number(_ o: [String: Any], _ k: String) -> Double { (o[k] as! NSNumber).doubleValue }

    /// Vector couplings (units of e) of the u, d, s quarks as coupling components.
    static func quarks(_ u: Double, _ d: Double, _ s: Double, axialU: Double = 0, axialD: Double = 0) -> CouplingComponents {
        var values = [Complex<Double>](repeating: .zero, count: 24)
        values[2 * CouplingTarget.up.ordinal] = Complex(u, 0)
        values[2 * CouplingTarget.down.ordinal] = Complex(d, 0)
        values[2 * CouplingTarget.strange.ordinal] = Complex(s, 0)
        values[2 * CouplingTarget.up.ordinal + 1] = Complex(axialU, 0)
        values[2 * CouplingTarget.down.ordinal + 1] = Complex(axialD, 0)
        return CouplingComponents(values: values)
    }

    static let darkPhoton = quarks(2.0 / 3.0, -1.0 / 3.0, -1.0 / 3.0)
    static let bMinusL: CouplingComponents = {
        let x = 1 / (3 * PhysicalConstants.elementaryCharge)
        return quarks(x, x, x)
    }()

    /// The running Breit-Wigners of rho0, omega, phi at 15 points (mpmath): 1e-12 relative (the
    /// same double-precision formula; the tolerance covers rounding of the momenta).
    @Test(arguments: BuildingBlockTests.cases("breit_wigner").indices)
    func breitWigner(_ i: Int) throws {
        let c = Self.cases("breit_wigner")[i]
        let meson = ProductionMeson(rawValue: c["meson"] as! String)!
        let z = VectorMesonPropagator.of(meson)!(Self.number(c, "mass"))
        let expected = Complex(Self.number(c, "re"), Self.number(c, "im"))
        #expect((z - expected).length <= 1e-12 * expected.length, "\(meson) at \(Self.number(c, "mass")): \(z) vs \(expected)")
    }

    /// By hand: BW = 1 at m = 0; at the pole m = m_V the real part of the denominator vanishes and
    /// every momentum ratio is 1, so k(m_V) = sum_c BR_c (0.9988447 for the rho0's single channel)
    /// and BW(m_V) = i m_V/(Gamma_V k(m_V)).
    @Test func breitWignerLimits() {
        let rho = VectorMesonPropagator.rho
        #expect(rho(0) == Complex(1, 0))
        #expect(abs(rho.runningFactor(rho.mass) - 0.9988447) < 1e-15)
        let pole = rho(rho.mass)
        #expect(abs(pole.real) < 1e-12 && abs(pole.imaginary / (rho.mass / (rho.width * 0.9988447)) - 1) < 1e-12)
    }

    /// Meson-decay production factors A -> B X for the dark photon and B-L (mpmath, 1e-11).
    @Test(arguments: BuildingBlockTests.cases("meson_decay").indices)
    func mesonDecay(_ i: Int) throws {
        let c = Self.cases("meson_decay")[i]
        let mechanism = try ProductionMechanism(key: c["key"] as! String)
        let terms = mechanism.terms(mass: Self.number(c, "mass"))
        let dp = Self.darkPhoton.quadraticForm(terms), bl = Self.bMinusL.quadraticForm(terms)
        // A reference that vanishes exactly (omega -> pi0 X for B-L: only the rho0 term survives the
        // trace, and B-L does not mix with the rho0) is compared in absolute terms.
        func close(_ x: Double, _ reference: Double) -> Bool { reference == 0 ? abs(x) < 1e-30 : abs(x / reference - 1) < 1e-11 }
        #expect(close(dp, Self.number(c, "dark_photon")), "\(mechanism)")
        #expect(close(bl, Self.number(c, "b_minus_l")), "\(mechanism)")
    }

    /// pi0 -> gamma X at m -> 0, by hand: Tr[T_pi T_gamma T_rho] = 1/12, Tr[T_pi T_gamma T_omega] = 1/4;
    /// the dark photon gives (1/12 * 1/2 + 1/4 * 1/6)^2 = 1/144 and B-L (couplings x = 1/3) (1/4 * 1/3)^2
    /// = 1/144 too: the anomaly of pi0 -> gamma X is proportional to 2 x_u + x_d = 1 for both.
    @Test func neutralPionByHand() throws {
        let terms = try ProductionMechanism(key: "pi0_gamma").terms(mass: 1e-9)
        #expect(abs(Self.darkPhoton.quadraticForm(terms) - 1.0 / 144) < 1e-12)
        #expect(abs(Self.quarks(1.0 / 3, 1.0 / 3, 1.0 / 3).quadraticForm(terms) - 1.0 / 144) < 1e-12)
    }

    /// Vector-meson mixing |Tr[T_V Q]|^2 (mpmath) and, by hand, B-L does not mix with rho0 (u, d equal).
    @Test func vectorMixing() throws {
        for c in Self.cases("vector_mixing") {
            let terms = try ProductionMechanism(key: c["key"] as! String).terms(mass: 0.5)
            #expect(abs(Self.darkPhoton.quadraticForm(terms) - Self.number(c, "dark_photon")) < 1e-14)
            #expect(abs(Self.bMinusL.quadraticForm(terms) - Self.number(c, "b_minus_l")) < 1e-14)
        }
        #expect(Self.bMinusL.quadraticForm(try ProductionMechanism(key: "rho0").terms(mass: 0.5)) == 0)
    }

    /// Proton bremsstrahlung with axial couplings and the form-factor ratio (mpmath, 1e-13).
    @Test func protonBremsstrahlung() throws {
        for c in Self.cases("proton_bremsstrahlung") {
            let k = Self.quarks(Self.number(c, "vu"), Self.number(c, "vd"), 0, axialU: Self.number(c, "au"), axialD: Self.number(c, "ad"))
            let value = k.quadraticForm(ProductionMechanism.protonBremsstrahlung.terms(mass: Self.number(c, "mass")))
            #expect(abs(value / Self.number(c, "value") - 1) < 1e-13)
        }
    }

    /// Lepton and Drell-Yan factors abs(v)^2 + abs(a)^2, by hand, and every key round-trips.
    @Test func simpleMechanisms() throws {
        var values = [Complex<Double>](repeating: .zero, count: 24)
        values[2 * CouplingTarget.electron.ordinal] = Complex(3e-4, 0)
        values[2 * CouplingTarget.electron.ordinal + 1] = Complex(0, 4e-4)
        values[2 * CouplingTarget.charm.ordinal] = Complex(1e-3, 0)
        let c = CouplingComponents(values: values)
        #expect(abs(c.quadraticForm(try ProductionMechanism(key: "e_brem").terms(mass: 1)) - 25e-8) < 1e-20)
        #expect(abs(c.quadraticForm(try ProductionMechanism(key: "e_e").terms(mass: 1)) - 25e-8) < 1e-20)
        #expect(abs(c.quadraticForm(try ProductionMechanism(key: "c_c").terms(mass: 1)) - 1e-6) < 1e-20)
        #expect(c.quadraticForm(try ProductionMechanism(key: "mu_brem").terms(mass: 1)) == 0)
        for key in ["e_brem", "mu_brem", "e_e", "mu_mu", "u_u", "d_d", "s_s", "c_c", "b_b", "p_brem", "rho0", "omega", "phi",
                    "pi0_gamma", "eta_gamma", "eta'_gamma", "omega_pi0", "phi_eta", "nu_scat", "none"] {
            #expect(try ProductionMechanism(key: key).key == key)
        }
        #expect(throws: Problem.self) { try ProductionMechanism(key: "pi_brem") }
        #expect(throws: Problem.self) { try ProductionMechanism(key: "e_mu") }
    }

    /// The cross term of the surrogate: Q(g a + b) = g^2 Q(a) + 2 g Re<a, b> + Q(b) exactly.
    @Test func quadraticFormOfAffineCouplings() throws {
        let a = Self.quarks(0.3, -0.1, 0.2), b = Self.quarks(-0.05, 0.4, 0.01)
        let terms = try ProductionMechanism(key: "eta_gamma").terms(mass: 0.3)
        for g in [0.1, 1.0, 7.5] {
            let combined = CouplingComponents(values: zip(a.values, b.values).map { Complex(g, 0) * $0 + $1 })
            let expected = g * g * a.quadraticForm(terms) + 2 * g * a.bilinear(terms, b) + b.quadraticForm(terms)
            #expect(abs(combined.quadraticForm(terms) / expected - 1) < 1e-13)
        }
    }

    /// Delta sigma of nu-e scattering against mpmath quadrature of the full difference (1e-8: the
    /// shift is a small difference of two cross sections, and the integrals are computed to 1e-11).
    @Test(arguments: BuildingBlockTests.cases("nu_e_shift").indices)
    func neutrinoShift(_ i: Int) throws {
        let c = Self.cases("nu_e_shift")[i]
        let process = NeutrinoScatteringProcess(flavour: NeutrinoFlavour(name: c["flavour"] as! String)!, antineutrino: c["antineutrino"] as! Bool)
        let shift = try NeutrinoElectronShift(process: process, energy: Self.number(c, "energy"), mass: Self.number(c, "mass"))
        let value = shift.shift(neutrino: Self.number(c, "g_nu"), electronLeft: Self.number(c, "g_eL"), electronRight: Self.number(c, "g_eR"))
        let expected = Self.number(c, "delta_sigma")
        #expect(abs(value / expected - 1) < 1e-8, "\(c): \(value) vs \(expected)")
    }

    /// ln P(tau) for windows, by hand: [0, inf) gives 0; a short window [t0, t0 + dt] gives
    /// -t0/tau + ln(dt/tau) + O(dt/tau); [0, t1] with tau >> t1 gives ln(t1/tau); never NaN.
    @Test func decayProbability() {
        #expect(EfficiencyModel.logDecayProbability(lifetime: 1e-10, from: 0, to: .infinity) == 0)
        // The window length is the floating-point difference (3 + 1e-9) - 3 (exact by Sterbenz's lemma),
        // not 1e-9 itself: that differs by ~1e-7 relative.
        let end = 3 + 1e-9, length = end - 3
        let short = EfficiencyModel.logDecayProbability(lifetime: 1, from: 3, to: end)
        #expect(abs(short - (-3 + log(length) - 0.5 * length)) < 1e-12)
        #expect(abs(EfficiencyModel.logDecayProbability(lifetime: 1e6, from: 0, to: 1) - (log(1e-6) - 0.5e-6)) < 1e-12)
        #expect(EfficiencyModel.logDecayProbability(lifetime: .infinity, from: 0, to: 1) == -.infinity)
        #expect(abs(EfficiencyModel.logDecayProbability(lifetime: 1e-30, from: 1, to: 2) / -1e30 - 1) < 1e-15)
        #expect(abs(EfficiencyModel.decayProbability(lifetime: 2, from: 1, to: 3) - (exp(-0.5) - exp(-1.5))) < 1e-15)
    }

    /// The displaced window's t0 from equal yields at the two edges (mpmath, 1e-10).
    @Test func displacedWindow() throws {
        for c in Self.cases("window_start") {
            let t0 = try #require(DisplacedWindow.start(lowerYield: Self.number(c, "lower_yield"), upperYield: Self.number(c, "upper_yield"),
                                                         lowerLifetime: Self.number(c, "lower_lifetime"), upperLifetime: Self.number(c, "upper_lifetime"),
                                                         lengthRatio: Self.number(c, "length_ratio")))
            #expect(abs(t0 / Self.number(c, "t0") - 1) < 1e-10)
        }
        #expect(DisplacedWindow.start(lowerYield: 1, upperYield: 1, lowerLifetime: 1e-9, upperLifetime: 1e-9, lengthRatio: 1) == nil)
    }

    /// The prompt windows against DarkCast's own evaluations in the manifest (1e-4: the sample masses
    /// are printed to 6 digits) and by hand (CMS: 5 ps between 45 and 130 GeV, none below).
    @Test func promptWindows() throws {
        let catalogue = try LimitCatalogue.bundled()
        let cms = catalogue.limit(named: "CMS_CMS2019kiy")!.definition.efficiency
        guard case .prompt(let cut) = cms else { Issue.record("CMS is prompt_tmax"); return }
        #expect(cut.maximumTime(mass: 20) == .infinity)
        #expect(cut.maximumTime(mass: 60) == 5e-12)
        #expect(abs(cut.maximumTime(mass: 150) - (-3.66e-11 + 3.12e-13 * 150)) < 1e-24)
        let na48 = catalogue.limit(named: "NA48_Batley2015lha")!.definition.efficiency
        guard case .prompt(let boost) = na48 else { Issue.record("NA48 is prompt_tmax"); return }
        // 1 m with gamma = 50 GeV/m: t1 = m/(50 c)
        #expect(abs(boost.maximumTime(mass: 0.1) / (0.1 / (50 * 299792458.0)) - 1) < 1e-14)
    }

    /// SHA-256 against the FIPS 180-4 examples.
    @Test func sha256() {
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// The VMD parameters in code equal DarkCast's parameters in the bundled VMD manifest.
    @Test func mesonParametersMatchTheManifest() throws {
        let url = Support.packageRoot.appendingPathComponent("Sources/ZPrimeDecays/DarkCastData/manifest.json")
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let p = root["parameters"] as! [String: Any]
        let generators = p["meson_generators_diag_u_d_s"] as! [String: [NSNumber]]
        for meson in ProductionMeson.allCases {
            let t = meson.generator, g = generators[meson.rawValue]!.map(\.doubleValue)
            #expect(abs(t.u - g[0]) < 1e-15 && abs(t.d - g[1]) < 1e-15 && abs(t.s - g[2]) < 1e-15, "\(meson)")
        }
        let masses = p["meson_masses_GeV"] as! [String: NSNumber], widths = p["meson_widths_GeV"] as! [String: NSNumber]
        for meson in ProductionMeson.vectors {
            let bw = VectorMesonPropagator.of(meson)!
            #expect(bw.mass == masses[meson.rawValue]!.doubleValue && bw.width == widths[meson.rawValue]!.doubleValue)
        }
        let ff = p["proton_form_factor"] as! [String: Any]
        #expect((ff["pff"] as! NSNumber).doubleValue == ProductionMechanism.protonAxialWeight)
    }
}
