import Foundation
import Testing

/// `zprime na64mu`, `trident`, `neff`, `probes`, end to end: the interface keys, consistency with
/// the library's limits, and bad input (exit 2, the option and value named).
@Suite("zprime na64mu, trident, neff, probes (end to end)")
struct ProbesCLITests {
    static func number(_ object: [String: Any], _ key: String) throws -> Double {
        try #require(object[key] as? Double ?? (object[key] as? Int).map(Double.init), "missing \(key)")
    }

    @Test("na64mu --format json prints the yields; visible + invisible <= produced")
    func na64mu() throws {
        let r = try CLI.run(["na64mu", "--model", "Lmu-Ltau", "--mass", "0.05", "--coupling", "5e-4", "--target", "W",
                             "--target-length-cm", "10", "--beam-energy", "150", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(try CLI.json(r.stdout) as? [String: Any])
        let produced = try Self.number(o, "yield_per_mot"), visible = try Self.number(o, "yield_visible_per_mot")
        let invisible = try Self.number(o, "yield_invisible_per_mot")
        #expect(produced > 0 && visible >= 0 && invisible > 0 && visible + invisible <= produced * (1 + 1e-12))
        let beam = try Self.number(o, "beam_energy")
        #expect(o["target"] as? String == "W" && beam == 150)
        // g^2 scaling of an invisible boson, through the command line.
        let r2 = try CLI.run(["na64mu", "--model", "Lmu-Ltau", "--mass", "0.05", "--coupling", "1e-3", "--target", "W",
                              "--target-length-cm", "10", "--beam-energy", "150", "--format", "json", "--spectrum-bins", "0"])
        let o2 = try #require(try CLI.json(r2.stdout) as? [String: Any])
        #expect(abs(try Self.number(o2, "yield_per_mot") / produced / 4 - 1) < 1e-6)
    }

    @Test("trident and neff print ratio_to_sm, n_eff and delta_n_eff")
    func tridentAndNeff() throws {
        let t = try CLI.run(["trident", "--model", "Lmu-Ltau", "--mass", "100", "--coupling", "0.1", "--loop-mixing", "off", "--format", "json"])
        let to = try #require(try CLI.json(t.stdout) as? [String: Any])
        // Heavy limit by hand: C_V = 1/2 + 2 s^2 shifts by v^2 g^2/m^2 = 0.607 (s^2 = 0.23857).
        let cv = 0.5 + 2 * 0.23857, d = 1 / (2.0.squareRoot() * 1.1663788e-5) * 0.01 / 1e4
        #expect(abs(try Self.number(to, "ratio_to_sm") / (((cv + d) * (cv + d) + 0.25) / (cv * cv + 0.25)) - 1) < 1e-4)
        let n = try CLI.run(["neff", "--model", "Lmu-Ltau", "--mass", "0.3", "--coupling", "5e-4", "--format", "json"])
        let no = try #require(try CLI.json(n.stdout) as? [String: Any])
        let delta = try Self.number(no, "delta_n_eff"), value = try Self.number(no, "n_eff")
        #expect(abs(delta) < 2e-3 && value > 3.03)
    }

    @Test("bad input: exit 2 naming the option and value", arguments: [
        (["na64mu", "--model", "Lmu-Ltau", "--mass", "0.05", "--beam-energy", "1e6"], "--beam-energy"),
        (["na64mu", "--model", "Lmu-Ltau", "--mass", "0.05", "--beam-energy", "nan"], "--beam-energy"),
        (["na64mu", "--model", "Lmu-Ltau", "--mass", "0.05", "--target", "Xx"], "--target Xx"),
        (["na64mu", "--model", "Lmu-Ltau", "--mass", "0.05", "--target-length-cm", "0"], "--target-length-cm"),
        (["na64mu", "--model", "Lmu-Ltau", "--mass", "0.05", "--coupling", "inf"], "--coupling"),
        (["na64mu", "--model", "Lmu-Ltau", "--mass", "200"], "--mass"),
        (["trident", "--model", "Lmu-Ltau", "--mass", "1", "--coupling", "nan"], "--coupling"),
        (["trident", "--model", "Lmu-Ltau", "--mass", "1", "--beam-energy", "0"], "--beam-energy"),
        (["neff", "--model", "Lmu-Ltau", "--mass", "5"], "--mass"),
        (["neff", "--model", "Lmu-Ltau", "--mass", "0.01", "--coupling", "-1"], "--coupling"),
        (["probes", "curves", "--model", "Lmu-Ltau", "--masses", "1:2:0"], "--masses"),
        (["probes", "neutrinos", "--model", "Lmu-Ltau", "--mass", "0.01", "--lightest-mass-ev", "5"], "--lightest-mass-ev"),
    ])
    func badInput(_ arguments: [String], _ named: String) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 2, "\(arguments): \(r.stdout) \(r.stderr)")
        #expect(r.stderr.hasPrefix("error: ") && r.stderr.contains(named), "\(r.stderr)")
        #expect(!r.stdout.contains("nan") && !r.stdout.contains("inf"))
    }

    @Test("probes curves: the JSON lists every constraint and the band")
    func curves() throws {
        let r = try CLI.run(["probes", "curves", "--model", "Lmu-Ltau", "--masses", "0.02:0.2:2", "--constraints", "CCFR_trident,NA64mu_2024", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(try CLI.json(r.stdout) as? [String: Any])
        let rows = try #require(o["rows"] as? [[String: Any]])
        #expect(rows.count == 2 && o["dataset"] as? String == "2021")
        let excluded = try #require(rows[1]["excluded"] as? [String: Any])
        #expect(excluded["CCFR_trident"] != nil && excluded["NA64mu_2024"] != nil)
    }
}
