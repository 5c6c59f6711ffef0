import Foundation
import Testing

/// `zprime g2` and `zprime observables`, end to end. Reference numbers come from 40-digit mpmath
/// evaluations (see ZPrimeObservablesTests for the derivations); JSON numbers are printed in
/// shortest round-trip form, so the tolerances are those of the library.
@Suite("zprime g2 and observables (end to end)")
struct ObservablesCLITests {
    static func number(_ object: [String: Any], _ key: String) throws -> Double {
        try #require(object[key] as? Double ?? (object[key] as? Int).map(Double.init), "missing \(key)")
    }

    /// Muon, M = 17 MeV, F = mu: Delta a for CV = 1 is 0.0085945306866083641 and for CA = 1 is
    /// -1.0275041957307852 (50-digit quadrature), so CV = 1, CA = 0.5 gives -0.24828151824608794.
    @Test("g2 --format json prints delta_a for the given couplings")
    func g2Json() throws {
        let r = try CLI.run(["g2", "--lepton", "mu", "--boson-mass", "0.017", "--vector", "1", "--axial", "0.5", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try CLI.json(r.stdout) as? [String: Any])
        #expect(abs(try Self.number(object, "delta_a") / -0.24828151824608794 - 1) < 1e-10)
        #expect(object["lepton"] as? String == "mu")
        let parts = try #require(object["contributions"] as? [String: Any])
        #expect(abs(try Self.number(parts, "vector") / 0.0085945306866083641 - 1) < 1e-10)
        // A heavy internal fermion with a right-handed coupling (CV = CA = 1): -2.3567793314032689e-4
        // (M = 1 GeV, M_F = 100 GeV), a sum of two terms of +-0.067 that cancel to 3.5e-3.
        let heavy = try CLI.run(["g2", "--lepton", "mu", "--boson-mass", "1", "--vector", "1", "--axial", "1", "--internal-mass", "100", "--format", "json"])
        let h = try #require(try CLI.json(heavy.stdout) as? [String: Any])
        #expect(abs(try Self.number(h, "delta_a") / -0.00023567793314032689 - 1) < 1e-10)
    }

    /// Schwinger: CV = e = sqrt(4 pi alpha), M -> 0: alpha/(2 pi) (1 - pi M/m).
    @Test("g2: the Schwinger term from the command line")
    func schwinger() throws {
        let e = (4 * Double.pi / 137.035999177).squareRoot()
        let r = try CLI.run(["g2", "--lepton", "e", "--boson-mass", "1e-12", "--vector", "\(e)", "--format", "json"])
        let object = try #require(try CLI.json(r.stdout) as? [String: Any])
        let expected = 1 / 137.035999177 / (2 * Double.pi) * (1 - Double.pi * 1e-12 / 0.51099895069e-3)
        #expect(abs(try Self.number(object, "delta_a") / expected - 1) < 1e-12)
        let table = try CLI.run(["g2", "--lepton", "e", "--boson-mass", "1e-12", "--vector", "\(e)"])
        #expect(table.status == 0 && table.stdout.contains("Delta a_e = 1.161410e-03"))
    }

    @Test("g2: bad input exits 2 with the option and value named")
    func g2BadInput() throws {
        let cases: [([String], String)] = [
            (["g2", "--lepton", "nu", "--boson-mass", "1", "--vector", "1"], "--lepton nu"),
            (["g2", "--lepton", "mu", "--boson-mass", "-1", "--vector", "1"], "--boson-mass -1"),
            (["g2", "--lepton", "mu", "--boson-mass", "0", "--vector", "1"], "--boson-mass 0"),
            (["g2", "--lepton", "mu", "--boson-mass", "1", "--internal-mass", "-0.2", "--vector", "1"], "--internal-mass -0.2"),
            (["g2", "--lepton", "mu", "--boson-mass", "nan", "--vector", "1"], "--boson-mass nan"),
            (["g2", "--lepton", "mu", "--boson-mass", "1", "--vector", "nan"], "--vector nan"),
            (["g2", "--lepton", "mu", "--boson-mass", "1", "--axial", "inf"], "--axial inf"),
            (["g2", "--lepton", "mu", "--boson-mass", "1"], "no coupling given"),
            (["g2", "--lepton", "tau", "--boson-mass", "0.1", "--internal-mass", "0.001", "--scalar", "1"], "decay threshold"),
            (["g2", "--lepton", "mu", "--boson-mass", "abc", "--vector", "1"], "abc"),
            (["g2", "--boson-mass", "1", "--vector", "1"], "--lepton"),
        ]
        for (arguments, fragment) in cases {
            let r = try CLI.run(arguments)
            #expect(r.status == 2, "\(arguments): \(r.status)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains(fragment), "\(arguments): \(r.stderr)")
            #expect(!r.stderr.contains("Fatal error"))
        }
    }

    /// The benchmark runs and reports both rates; the two methods agree to 1e-9 (debug build here:
    /// the rates themselves are meaningful only in release).
    @Test("g2 --benchmark reports rates, speed-up and agreement")
    func benchmark() throws {
        let r = try CLI.run(["g2", "--lepton", "mu", "--boson-mass", "0.01", "--vector", "1e-3", "--axial", "1e-4", "--benchmark", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try CLI.json(r.stdout) as? [String: Any])
        #expect(try Self.number(object, "closed_form_evaluations_per_second") > 0)
        #expect(try Self.number(object, "quadrature_evaluations_per_second") > 0)
        #expect(try Self.number(object, "speedup") > 1)
        #expect(try Self.number(object, "max_relative_difference") < 1e-9)
    }

    /// L_mu - L_tau at tree level plus the loop-induced kinetic mixing eps = e g/(6 pi^2) ln(m_mu/m_tau)
    /// passed explicitly, g = 5e-4, M = 10 MeV. References: mpmath (ZPrimeObservablesTests, "loop-mixed").
    /// Tolerance 1e-6: the command uses the exact photon-Z-Z' mixing, which shifts the couplings by
    /// O(M^2/m_Z^2) = 1.2e-8 relative to the tree-level references.
    @Test("observables: the loop-mixed L_mu - L_tau model")
    func lMuLTau() throws {
        let r = try CLI.run(["observables", "--model", "Lmu-Ltau", "--mass", "0.01", "--coupling", "5e-4",
                             "--kinetic-mixing", "-7.216556283016394e-06", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(try CLI.json(r.stdout) as? [String: Any])
        #expect(abs(try Self.number(o, "delta_a_mu") / 2.4997854406197846e-9 - 1) < 1e-6)
        #expect(abs(try Self.number(o, "delta_a_e") / 1.0204745692335995e-16 - 1) < 1e-6)
        #expect(abs(try Self.number(o, "delta_a_tau") / 3.0851421029176445e-9 - 1) < 1e-6)
        for key in ["x17_8be_ratio", "apv_delta_qw_cs", "delta_a_e", "delta_a_mu", "delta_a_tau"] { #expect(o[key] != nil, "\(key)") }
        // Quarks couple only through eps Q_q: eps_p = eps, eps_n = 0, so the 8Be ratio is
        // eps^2 [1 - (10/18.15)^2]^(3/2); no axial electron coupling, so no APV.
        let eps = -7.216556283016394e-06
        let phase = Foundation.pow(1 - (10 / 18.15) * (10 / 18.15), 1.5)
        #expect(abs(try Self.number(o, "x17_8be_ratio") / (eps * eps * phase) - 1) < 1e-6)
        // Only the tiny Z admixture of the exact mixing gives the electron an axial coupling.
        // (Delta Q_W of order 1e-9, against the bound 0.71.)
        #expect(abs(try Self.number(o, "apv_delta_qw_cs")) < 1e-6)
    }

    /// The seed-003 band from the command line: dark photon at 10 MeV, 2021 data, 2 sigma:
    /// eps in [1.20585597129e-3, 2.01708743356e-3] (mpmath), whatever eps is passed.
    @Test("observables: the dark-photon g-2 band with --dataset 2021")
    func darkPhotonBand() throws {
        let r = try CLI.run(["observables", "--model", "dark-photon", "--mass", "0.01", "--kinetic-mixing", "1e-3", "--dataset", "2021", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(try CLI.json(r.stdout) as? [String: Any])
        let g2 = try #require(o["g2"] as? [String: Any])
        let mu = try #require(g2["mu"] as? [String: Any])
        #expect(mu["dataset"] as? String == "2021")
        let band = try #require(mu["band"] as? [String: Any])
        #expect(band["outcome"] as? String == "band")
        let lower = try #require(band["lower"] as? [String: Any]), upper = try #require(band["upper"] as? [String: Any])
        #expect(abs(try Self.number(lower, "kinetic_mixing") / 1.20585597129e-3 - 1) < 1e-6)
        #expect(abs(try Self.number(upper, "kinetic_mixing") / 2.01708743356e-3 - 1) < 1e-6)
        // Newest data: no anomaly, an upper limit.
        let newest = try CLI.run(["observables", "--model", "dark-photon", "--mass", "0.01", "--kinetic-mixing", "1e-3", "--format", "json"])
        let n = try #require(try CLI.json(newest.stdout) as? [String: Any])
        let band2025 = try #require(((n["g2"] as? [String: Any])?["mu"] as? [String: Any])?["band"] as? [String: Any])
        #expect(band2025["outcome"] as? String == "upper_limit")
        let table = try CLI.run(["observables", "--model", "dark-photon", "--mass", "0.01", "--kinetic-mixing", "1e-3", "--dataset", "2021"])
        #expect(table.status == 0 && table.stdout.contains("explained for eps = 1.2059e-03 ... eps = 2.0171e-03"))
    }

    /// Protophobic: eps_p = 0, eps_n = g/e; g = 0.0036 at 17.01 MeV gives (g/e)^2 x 0.042442473727335676
    /// = 5.9983319586385077e-6 (mpmath), the ATOMKI ratio. A chiral test model (electron X_L = 1, X_E = 0,
    /// u_R = 1) gives eps^A_e = -g/(2e), eps_p = g/e, eps_n = g/(2e) and so
    /// Delta Q_W(Cs) = -(2 sqrt2/G_F) 47 g^2 K(m)/m^2 = -3.2770271899187123 for g = 1e-5, m = 17 MeV, and
    /// the 8Be ratio (1.5 g/e)^2 x phase = 1.054659311289809e-10.
    @Test("observables: X17 ratio of the protophobic model and APV of a chiral model file")
    func x17AndParityViolation() throws {
        let r = try CLI.run(["observables", "--model", "protophobic", "--mass", "0.01701", "--coupling", "0.0036", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(try CLI.json(r.stdout) as? [String: Any])
        // Exactly (light limit of the A-Z-Z' diagonalisation, docs/couplings-and-decays.md),
        // eps_n = x g/(e sqrt(1 - eps_k^2)) with eps_k cos(theta_W) = g/e (the protophobic tuning),
        // x = 1/sqrt(1 + s^2 sin^2(theta_W)), s = eps_k/sqrt(1 - eps_k^2), cos(theta_W) = m_W/m_Z
        // (PDG 2024). Tolerance 1e-6: the remaining Z admixture is O(M^2/m_Z^2) = 3.5e-8.
        let coupling: Double = 0.0036 / 0.30282212076899695
        let cosine: Double = 80.3692 / 91.1880
        let epsK2: Double = coupling * coupling / (cosine * cosine)
        let x2: Double = 1 / (1 + epsK2 / (1 - epsK2) * (1 - cosine * cosine))
        let exact: Double = 5.9983319586385077e-6 * x2 / (1 - epsK2)
        let ratio = try Self.number(o, "x17_8be_ratio")
        #expect(abs(ratio / exact - 1) < 1e-6)
        let nucleons = try #require(o["nucleon_couplings"] as? [String: Any])
        // Exactly protophobic up to the O(M^2/m_Z^2) Z admixture.
        #expect(abs(try Self.number(nucleons, "proton")) < 1e-6 * abs(try Self.number(nucleons, "neutron")))
        let path = try CLI.temporaryFile("name = \"chiral-test\"\n[charges]\nQ = 0\nU = 1\nD = 0\nL = [1, 0, 0]\nE = 0\n", extension: "toml")
        let chiral = try CLI.run(["observables", "--model", path, "--mass", "0.017", "--coupling", "1e-5", "--format", "json"])
        #expect(chiral.status == 0, "\(chiral.stderr)")
        let c = try #require(try CLI.json(chiral.stdout) as? [String: Any])
        #expect(abs(try Self.number(c, "apv_delta_qw_cs") / -3.2770271899187123 - 1) < 1e-11)
        #expect(c["apv_within_limit"] as? Bool == false)
        #expect(abs(try Self.number(c, "x17_8be_ratio") / 1.054659311289809e-10 - 1) < 1e-11)
    }

    @Test("observables: bad input exits 2 with the option named")
    func observablesBadInput() throws {
        let cases: [([String], String)] = [
            (["observables", "--model", "dark-photon", "--mass", "0.01", "--kinetic-mixing", "0"], "--kinetic-mixing 0.0"),
            (["observables", "--model", "B-L", "--mass", "0.01", "--coupling", "0"], "--coupling 0.0"),
            (["observables", "--model", "dark-photon", "--mass", "0.01", "--coupling", "-1e-3"], "--coupling -0.001"),
            (["observables", "--model", "B-L", "--mass", "0.01", "--kinetic-mixing", "1e-3", "--mixing-ratio", "1"], "--mixing-ratio"),
            (["observables", "--model", "protophobic", "--mass", "0.017", "--coupling", "1e-3", "--kinetic-mixing", "1e-3"], "--kinetic-mixing"),
            (["observables", "--model", "B-L", "--mass", "-0.01", "--coupling", "1e-4"], "--mass -0.01"),
            (["observables", "--model", "B-L", "--mass", "0.01", "--coupling", "nan"], "--coupling nan"),
            (["observables", "--model", "B-L", "--mass", "0.01", "--coupling", "1e-4", "--dataset", "1999"], "--dataset 1999"),
            (["observables", "--model", "B-L", "--mass", "0.01", "--coupling", "1e-4", "--electron-dataset", "x"], "--electron-dataset x"),
            (["observables", "--model", "B-L", "--mass", "0.01", "--coupling", "1e-4", "--sigmas", "0"], "--sigmas 0"),
            (["observables", "--model", "no-such-model", "--mass", "0.01", "--coupling", "1e-4"], "unknown model"),
        ]
        for (arguments, fragment) in cases {
            let r = try CLI.run(arguments)
            #expect(r.status == 2, "\(arguments): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains(fragment), "\(arguments): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }
}
