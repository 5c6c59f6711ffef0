import Foundation
import Testing

/// Regressions of the parameter-point pipeline: one resolution of model and parameters shared by
/// every subcommand, the recoil dependence of neutrino scattering, the X17 signal with BR(X -> e+e-).
@Suite("Parameter-point pipeline (end to end)")
struct PipelineCLITests {
    static let e = (4 * Double.pi / 137.035999177).squareRoot()

    func object(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try #require(try CLI.json(result.stdout) as? [String: Any])
    }

    /// A model charged only through the Higgs doublet (X_H = 1, every fermion neutral): a gauge model
    /// whose Z' couples through Z-Z' mass mixing. `observables` used to refuse it ("--coupling 0.0:
    /// must be finite and > 0") while `couplings` accepted it.
    static let higgsOnly = """
    name = "higgs-only"
    [charges]
    Q = 0
    U = 0
    D = 0
    L = 0
    E = 0
    H = 1
    """

    @Test("a model charged only through the Higgs is accepted by couplings, decays and observables alike")
    func higgsOnlyModel() throws {
        let file = try CLI.temporaryFile(Self.higgsOnly, extension: "toml")
        defer { try? FileManager.default.removeItem(atPath: file) }
        for command in [["couplings", "--mass", "0.1"], ["decays", "--mass", "0.1"], ["observables", "--mass", "0.1"]] {
            let result = try CLI.run(command + ["--model", file, "--coupling", "1e-4", "--format", "json"])
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        // Through Z-Z' mass mixing alone the light Z' couples to the neutral current (a "dark Z"):
        // each chiral part gets 2 g_X X_H (T3 - Q s_W^2), so eps^V_e = g_X X_H (-1/2 + 2 s_W^2)/e =
        // -2.4997e-5 with the scheme's s_W^2 = 0.2121490842897361 (hand value; corrections
        // O(m^2/m_Z^2) and O((2 g_X/g_Z)^2), below 1e-6 relative).
        let couplings = try object(["couplings", "--model", file, "--coupling", "1e-4", "--mass", "0.1", "--format", "json"])
        let electron = try #require((couplings["e"] as? [String: Any])?["vector"] as? Double)
        let expected = 1e-4 * (-0.5 + 2 * 0.2121490842897361) / Self.e
        #expect(abs(electron / expected - 1) < 1e-5)
    }

    @Test("--coupling on the dark photon: the same warning, and the same numbers, in every subcommand")
    func darkPhotonCouplingEverywhere() throws {
        for command in [["couplings", "--mass", "0.3"], ["decays", "--mass", "0.3"], ["observables", "--mass", "0.3"]] {
            let plain = try CLI.run(command + ["--model", "dark-photon", "--kinetic-mixing", "2e-4", "--format", "json"])
            let given = try CLI.run(command + ["--model", "dark-photon", "--kinetic-mixing", "2e-4", "--coupling", "0.5", "--format", "json"])
            #expect(plain.status == 0 && given.status == 0, "\(command): \(given.stderr)")
            #expect(plain.stdout == given.stdout, "\(command)")
            #expect(given.stderr.contains("warning: --coupling 0.5: is ignored: model dark-photon has no U(1)_X charges"), "\(command): \(given.stderr)")
        }
    }

    @Test("the default gauge coupling is the library's 1e-3 in every subcommand")
    func defaultCoupling() throws {
        let decays = try object(["decays", "--model", "B-L", "--mass", "0.5", "--format", "json"])
        let observables = try object(["observables", "--model", "B-L", "--mass", "0.5", "--format", "json"])
        #expect(decays["coupling"] as? Double == 1e-3)
        #expect(observables["coupling"] as? Double == 1e-3)
    }

    /// CEvNS on 133Cs: the Z' shift of the weak charge carries 1/(2 M T + m^2). For B-L at 17 MeV the
    /// ratio of the zero-recoil shift to the one at T = 10 keV is (2 M T + m^2)/m^2 = 9.5656 with
    /// M = 132.905451961 u - 55 m_e = 123.7725 GeV (hand value; the form factor is not part of Q).
    @Test("CEvNS and nu-e shifts are reported at the stated recoil energy")
    func recoilDependence() throws {
        let base = ["observables", "--model", "B-L", "--mass", "0.017", "--coupling", "1e-4", "--format", "json"]
        let atZero = try object(base + ["--nuclear-recoil-kev", "0", "--electron-recoil-mev", "0"])
        let atDefault = try object(base)
        func shift(_ json: [String: Any]) throws -> Double {
            try #require((json["cevns_cs133_weak_charge_shift"] as? [String: Double])?["nu_mu"])
        }
        #expect(atDefault["nuclear_recoil_energy"] as? Double == 1e-5)
        #expect(abs(try shift(atZero) / shift(atDefault) - 9.565573696306247) < 1e-9)
        // nu-e at T = 1 MeV: (2 m_e T + m^2)/m^2 = 1.003536 for m = 17 MeV.
        func gL(_ json: [String: Any]) throws -> Double {
            try #require(((json["nu_e_scattering_coupling_shifts"] as? [String: Any])?["nu_mu"] as? [String: Double])?["delta_g_L"])
        }
        let expected = (2 * 0.51099895069e-3 * 1e-3 + 0.017 * 0.017) / (0.017 * 0.017)
        #expect(abs(try gL(atZero) / gL(atDefault) - expected) < 1e-9)
    }

    /// The plain B-L couplings of the Hati et al. benchmark (eps_{B-L} = 2e-3, eps = -8e-4) at 17 MeV:
    /// eps^V_e = -1.2e-3, left-handed neutrinos eps_L = -2e-3, so
    /// BR(ee) = eps_e^2 (1 + 2 mu^2) beta / (eps_e^2 (1 + 2 mu^2) beta + 3 eps_BL^2 / 2) = 0.193548 (hand
    /// value, mu = m_e/m). The X17 region scales the couplings by sqrt(R_ATOMKI/(R_1 BR)).
    @Test("X17: the signal ratio and its coupling region include BR(X -> e+e-) from the decays stage")
    func x17BranchingRatio() throws {
        let json = try object(["observables", "--model", "B-L", "--mass", "0.017", "--coupling", "\(2e-3 * Self.e)",
                               "--kinetic-mixing", "-8e-4", "--format", "json"])
        let branching = try #require(json["br_ee"] as? Double)
        #expect(abs(branching - 0.19354762162738384) < 1e-5)   // O(eps^2) of the exact mixing
        let ratio = try #require(json["x17_8be_ratio"] as? Double)
        let signal = try #require(json["x17_8be_signal_ratio"] as? Double)
        #expect(abs(signal - ratio * branching) <= 1e-15 * signal)
        let region = try #require(json["x17_region"] as? [String: Any])
        let central = try #require((region["central"] as? [String: Double])?["scale"])
        // 2 sigma band around 6(1)e-6: the central scale s^2 = 6e-6/(R_1 BR).
        #expect(abs(central - (6e-6 / (ratio * branching)).squareRoot()) <= 1e-12 * central)
        #expect((region["value_at_input_couplings"] as? Double).map { abs($0 - signal) <= 1e-15 * signal } == true)
    }
}

/// The physics commands' reproducers of non-finite output and unbounded work: each is exit 2 with a
/// message naming the option, never a NaN, an infinity or a JSON null.
@Suite("Physics commands never print non-finite numbers (end to end)")
struct NonFiniteReproducerTests {
    static let cases: [([String], String)] = [
        (["g2", "--lepton", "mu", "--boson-mass", "0.017", "--vector", "1e300", "--format", "json"], "--vector"),
        (["decays", "--model", "B-L", "--mass", "0.5", "--coupling", "1e300", "--format", "json"], "--coupling"),
        (["decays", "--model", "B-L", "--mass", "0.5", "--dark-coupling", "1e300", "--format", "json"], "--dark-coupling"),
        (["couplings", "--model", "Lmu-Ltau", "--mass", "0.3", "--momentum-squared", "1e308", "--format", "json"], "--momentum-squared"),
        (["decays", "--model", "B-L", "--mass", "0.5", "--energy", "1e300", "--format", "json"], "--energy"),
        (["observables", "--model", "B-L", "--mass", "0.017", "--coupling", "1e-4", "--sigmas", "1e308"], "--sigmas"),
        (["couplings", "--model", "B-L", "--coupling", "1e308"], "--coupling 1e+308"),
        (["decays", "--model", "B-L", "--masses", "0.001:10:9223372036854775807"], "--masses"),
        (["decays", "--model", "B-L", "--masses", "0.001:10:1000000000000"], "--masses"),
        (["decays", "--model", "B-L", "--masses", "0.001:10:10000000"], "--masses"),
        (["decays", "--model", "B-L", "--mass", "1e300"], "--mass"),
        (["observables", "--model", "B-L", "--mass", "0.017", "--nuclear-recoil-kev", "1e300"], "--nuclear-recoil-kev"),
    ]

    @Test("every reproducer exits 2 naming the option, with nothing on stdout", arguments: NonFiniteReproducerTests.cases.indices)
    func reproducer(_ index: Int) throws {
        let (arguments, option) = Self.cases[index]
        let started = Date()
        let result = try CLI.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.status) \(result.stdout.prefix(200))")
        #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains(option), "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(Date().timeIntervalSince(started) < 10, "\(arguments) took too long")
    }

    @Test("the largest accepted inputs still give finite numbers")
    func boundaries() throws {
        for arguments in [["decays", "--model", "B-L", "--mass", "100000", "--coupling", "100", "--energy", "1e8", "--format", "json"],
                          ["couplings", "--model", "Lmu-Ltau", "--coupling", "100", "--mass", "0.3", "--momentum-squared", "1e12", "--format", "json"],
                          ["g2", "--lepton", "tau", "--boson-mass", "100000", "--vector", "100", "--format", "json"]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            for token in ["nan", "inf", "null"] { #expect(!result.stdout.contains(token), "\(arguments): \(token)") }
        }
    }
}
