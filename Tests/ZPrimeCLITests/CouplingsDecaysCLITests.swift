import Foundation
import Testing

@Suite("zprime couplings, zprime decays (end to end)")
struct CouplingsDecaysCLITests {
    static let e = (4 * Double.pi / 137.035999177).squareRoot()
    static let targets = ["e", "mu", "tau", "nu_e", "nu_mu", "nu_tau", "u", "d", "s", "c", "b", "t", "p", "n"]

    func object(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try #require(try CLI.json(result.stdout) as? [String: Any])
    }

    @Test("couplings JSON: every target with vector and axial in units of e (B-L with kinetic mixing)")
    func couplingsJSON() throws {
        let json = try object(["couplings", "--model", "B-L", "--coupling", "1e-4", "--kinetic-mixing", "-1e-4", "--format", "json"])
        #expect(Set(json.keys) == Set(Self.targets))
        let unit = 1e-4 / Self.e
        func value(_ target: String, _ key: String) -> Double? { (json[target] as? [String: Any])?[key] as? Double }
        // Leading order: eps^V_e = -g/e + eps * (-1), eps^V_n = g/e, eps^V_p = g/e + eps; O(eps^2) corrections.
        #expect(abs(value("e", "vector")! - (-unit + 1e-4)) < 1e-10)
        #expect(abs(value("n", "vector")! - unit) < 1e-10)
        #expect(abs(value("p", "vector")! - (unit - 1e-4)) < 1e-10)
        #expect(value("e", "axial") == 0)
        #expect(abs(value("nu_mu", "left")! + unit) < 1e-10)  // O(eps^2) normalisation of the exact mixing
        #expect(abs(value("e", "g_vector")! - Self.e * value("e", "vector")!) < 1e-15)
    }

    @Test("couplings: L_mu - L_tau loop mixing at q^2 = 0 in the light limit; table and CSV over a mass range")
    func couplingsLoopAndRange() throws {
        let json = try object(["couplings", "--model", "Lmu-Ltau", "--coupling", "1e-3", "--format", "json"])
        let electron = try #require((json["e"] as? [String: Any])?["vector"] as? Double)
        let expected = Self.e * 1e-3 * log(105.6583755 / 1776.93) / (6 * Double.pi * Double.pi)
        #expect(abs(electron - expected) <= 1e-10 * abs(expected))
        let csv = try CLI.run(["couplings", "--model", "dark-photon", "--kinetic-mixing", "1e-3", "--masses", "0.01:100:5", "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.count == 6 && lines[0].hasPrefix("mass,q2,e_vector,e_axial"))
        let table = try CLI.run(["couplings", "--model", "Lmu-Ltau", "--mass", "0.3"])
        #expect(table.status == 0 && table.stdout.contains("Im eps^V") && table.stdout.contains("Loop-induced kinetic mixing"))
    }

    @Test("decays JSON: the contract's keys, widths in GeV, BRs summing to 1, lifetime = hbar/Gamma")
    func decaysJSON() throws {
        let json = try object(["decays", "--model", "B-L", "--mass", "0.5", "--coupling", "1e-4", "--format", "json"])
        for key in ["mass", "total_width", "lifetime", "ctau", "widths", "branching_ratios"] { #expect(json[key] != nil, "\(key)") }
        let widths = try #require(json["widths"] as? [String: Double])
        let ratios = try #require(json["branching_ratios"] as? [String: Double])
        for key in ["e", "mu", "tau", "nu", "hadrons", "photons", "invisible", "pi+_pi-", "pi+_pi-_pi0", "pi+_pi-_pi+_pi-", "pi+_pi-_pi0_pi0", "K_K", "K_K_pi", "pi0_gamma", "other"] {
            #expect(widths[key] != nil && ratios[key] != nil, "\(key)")
        }
        let sum = ["e", "mu", "tau", "nu", "hadrons", "photons", "invisible"].reduce(0.0) { $0 + ratios[$1]! }
        #expect(abs(sum - 1) < 1e-12)
        let total = try #require(json["total_width"] as? Double)
        #expect(abs((json["lifetime"] as! Double) * total - 6.582119569e-25) < 1e-36)
        #expect(abs((json["ctau"] as! Double) * total - 1.973269804e-16) < 1e-27)
        // B-L at 0.5 GeV, g = 1e-4: Gamma(e e) = g^2 m/(12 pi) (1 + 2 mu^2) beta (hand formula, m_e = 0.511 MeV).
        let me = 0.51099895069e-3, m = 0.5
        let mu2 = me * me / (m * m)
        #expect(abs(widths["e"]! - 1e-8 * m / (12 * Double.pi) * (1 + 2 * mu2) * (1 - 4 * mu2).squareRoot()) < 1e-12 * widths["e"]!)
        #expect(widths["pi+_pi-"] == 0)  // no isovector coupling
    }

    @Test("decays --masses A:B:N --format csv: one row per mass, log spaced, finite values")
    func decaysCSV() throws {
        let result = try CLI.run(["decays", "--model", "dark-photon", "--kinetic-mixing", "1e-4", "--masses", "0.001:10:50", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 51)
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(Array(header.prefix(4)) == ["mass", "total_width", "lifetime", "ctau"])
        #expect(header.contains("br_hadrons") && header.contains("width_pi+_pi-"))
        let masses = lines.dropFirst().map { Double($0.split(separator: ",")[0])! }
        #expect(masses.first == 0.001 && masses.last == 10)
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",").allSatisfy { Double($0)?.isFinite == true } })
        let single = try CLI.run(["decays", "--model", "B-L", "--masses", "0.3:0.2:1", "--format", "csv"])
        #expect(single.status == 2)  // A > B
        let one = try CLI.run(["decays", "--model", "B-L", "--masses", "0.3:0.3:1", "--format", "csv"])
        #expect(one.status == 0 && one.stdout.split(separator: "\n").count == 2)
    }

    @Test("masses exactly at thresholds give finite widths (no NaN, no null)", arguments: ["0.00102199790138", "0.211316751", "3.55386", "0.27914078", "0.28", "1.8", "2.0", "3.34"])
    func thresholds(_ mass: String) throws {
        for model in ["B-L", "dark-photon", "Lmu-Ltau"] {
            let result = try CLI.run(["decays", "--model", model, "--mass", mass, "--format", "json"])
            #expect(result.status == 0, "\(model) \(mass): \(result.stderr)")
            let json = try #require(try CLI.json(result.stdout) as? [String: Any])
            #expect(Self.allFinite(json), "\(model) \(mass): \(result.stdout)")
        }
    }

    /// Whether every number in a parsed JSON value is finite and nothing is null.
    static func allFinite(_ value: Any) -> Bool {
        switch value {
        case let object as [String: Any]: return object.values.allSatisfy(allFinite)
        case let array as [Any]: return array.allSatisfy(allFinite)
        case let number as Double: return number.isFinite
        case is NSNull: return false
        default: return true
        }
    }

    @Test("channel selection, energy, invisible width, neutrino options")
    func options() throws {
        let json = try object(["decays", "--model", "Lmu-Ltau", "--mass", "0.05", "--invisible-width", "1e-9", "--energy", "10",
                               "--channels", "nu,invisible", "--neutrinos", "dirac", "--format", "json"])
        let widths = try #require(json["widths"] as? [String: Double])
        #expect(Set(widths.keys) == ["nu", "invisible"])
        #expect(widths["invisible"] == 1e-9)
        let ctau = try #require(json["ctau"] as? Double), length = try #require(json["decay_length"] as? Double)
        let p = ((10 - 0.05) * (10 + 0.05)).squareRoot()
        #expect(abs(length - p / 0.05 * ctau) <= 1e-12 * length)
        // Dirac doubles the L_mu - L_tau neutrino width (X_N = X_L): nu_mu + nu_tau = 2 * 2 g^2 m/(24 pi).
        #expect(abs(widths["nu"]! - 4 * 1e-6 * 0.05 / (24 * Double.pi)) < 1e-6 * widths["nu"]!)
    }

    static let badInputs: [([String], String)] = [
        (["decays", "--model", "B-L", "--mass", "-1"], "--mass"),
        (["decays", "--model", "B-L", "--mass", "0"], "--mass"),
        (["decays", "--model", "B-L", "--mass", "nan"], "--mass"),
        (["decays", "--model", "B-L", "--mass", "inf"], "--mass"),
        (["decays", "--model", "B-L", "--mass", "1", "--coupling", "-1e-3"], "--coupling"),
        (["decays", "--model", "B-L", "--mass", "1", "--coupling", "0"], "--coupling"),
        (["decays", "--model", "B-L", "--mass", "1", "--coupling", "nan"], "--coupling"),
        (["couplings", "--model", "B-L", "--coupling", "inf"], "--coupling"),
        (["decays", "--model", "B-L", "--masses", "2:1:10"], "--masses"),
        (["decays", "--model", "B-L", "--masses", "1:2:0"], "--masses"),
        (["decays", "--model", "B-L", "--masses", "1:2:-3"], "--masses"),
        (["decays", "--model", "B-L", "--masses", "1:2"], "--masses"),
        (["decays", "--model", "no-such-model", "--mass", "1"], "no-such-model"),
        (["decays", "--model", "B-L", "--mass", "1", "--channels", "e,gluons"], "gluons"),
        (["decays", "--model", "dark-photon", "--mass", "1", "--coupling", "-1e-3"], "--coupling"),
        (["decays", "--model", "protophobic", "--mass", "1", "--kinetic-mixing", "1e-3"], "--kinetic-mixing"),
        (["decays", "--model", "B-L", "--mass", "1", "--kinetic-mixing", "nan"], "--kinetic-mixing"),
        (["decays", "--model", "B-L"], "--mass"),
        (["decays", "--model", "B-L", "--mass", "1", "--energy", "0.5"], "--energy"),
        (["decays", "--model", "dark-photon", "--mass", "91.188"], "--mass"),
        (["couplings", "--model", "B-L", "--loop-mixing", "on"], "--loop-mixing"),
        (["couplings", "--model", "Examples/sm-b-minus-l-no-nr.json", "--neutrinos", "dirac"], "--neutrinos"),
        (["decays", "--model", "B-L", "--mass", "1", "--invisible-width", "-1"], "--invisible-width"),
    ]

    @Test("bad input: exit 2, a message naming the option and value, no output, no crash", arguments: CouplingsDecaysCLITests.badInputs.indices)
    func badInput(_ index: Int) throws {
        let (arguments, fragment) = Self.badInputs[index]
        let result = try CLI.run(arguments)
        #expect(result.status == 2, "\(arguments): status \(result.status)")
        #expect(result.stdout.isEmpty, "\(arguments)")
        #expect(result.stderr.contains(fragment), "\(arguments): \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("crashed"))
    }

    @Test("dark photon: only eps is used; --coupling is ignored with a warning on stderr")
    func darkPhotonCoupling() throws {
        let plain = try CLI.run(["decays", "--model", "dark-photon", "--mass", "0.3", "--kinetic-mixing", "2e-4", "--format", "json"])
        let withCoupling = try CLI.run(["decays", "--model", "dark-photon", "--mass", "0.3", "--kinetic-mixing", "2e-4", "--coupling", "0.5", "--format", "json"])
        #expect(plain.status == 0 && withCoupling.status == 0)
        #expect(withCoupling.stdout == plain.stdout)
        #expect(withCoupling.stderr.contains("warning: --coupling 0.5: is ignored"))
    }

    @Test("--benchmark reports a same-run baseline ratio")
    func benchmark() throws {
        let json = try object(["decays", "--model", "B-L", "--masses", "0.001:10:20", "--benchmark", "--benchmark-seconds", "0.01", "--format", "json"])
        #expect(json["checksums_agree"] as? Bool == true)
        #expect((json["zprime_seconds"] as? Double ?? 0) > 0 && (json["speedup_vs_baseline"] as? Double ?? 0) > 0)
    }
}
