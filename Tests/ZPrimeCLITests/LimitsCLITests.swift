import Foundation
import Testing

/// `zprime limits`, `zprime recast` and `zprime check`, end to end: the interface contract, exit
/// statuses and bad input.
@Suite("zprime limits, recast and check (end to end)")
struct LimitsCLITests {
    static let limitData = CLI.packageRoot.appendingPathComponent("Sources/ZPrimeConstraints/LimitData")

    /// The native masses of a DarkCast `.lmt` curve (repeated masses count once, as DarkCast reads them).
    static func nativeMasses(_ file: String) throws -> [Double] {
        var masses: [Double] = []
        for line in try String(contentsOf: limitData.appendingPathComponent(file), encoding: .utf8).split(separator: "\n") {
            let fields = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].split(separator: " ").compactMap { Double($0) }
            if let m = fields.first, fields.count >= 2, masses.last != m { masses.append(m) }
        }
        return masses
    }

    @Test("limits --format csv|json: every limit and constraint with name, experiment, year, category, mass range and citation")
    func listing() throws {
        let csv = try CLI.run(["limits", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "name,experiment,year,category,bound_type,mass_min,mass_max,channel,citation")
        let json = try CLI.run(["limits", "--format", "json"])
        let root = try #require(try CLI.json(json.stdout) as? [String: Any])
        let items = try #require(root["limits"] as? [[String: Any]])
        #expect(root["count"] as? Int == items.count && items.count == lines.count - 1)
        // 51 DarkCast limits, 8 newer curves, 7 observable constraints.
        #expect(items.count == 66)
        for item in items {
            for key in ["name", "experiment", "category", "citation", "bound_type"] { #expect(!((item[key] as? String) ?? "").isEmpty, "\(item["name"] ?? "?") \(key)") }
            #expect((item["year"] as? Int ?? 0) > 1980)
            let low = try #require(item["mass_min"] as? Double ?? (item["mass_min"] as? Int).map(Double.init))
            let high = try #require(item["mass_max"] as? Double ?? (item["mass_max"] as? Int).map(Double.init))
            #expect(low >= 0 && high > low)
        }
        let names = Set(items.compactMap { $0["name"] as? String })
        for name in ["E137_Andreas2012mt", "FASER_Abreu2023", "g2_mu_exclusion", "g2_e_band", "apv_cs", "e158_moller", "x17_atomki_8be"] {
            #expect(names.contains(name))
        }
        // Filters: category and mass.
        let invisible = try CLI.run(["limits", "--category", "invisible", "--mass", "0.01", "--format", "csv"])
        #expect(invisible.status == 0)
        let rows = invisible.stdout.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains(",invisible,") })
    }

    @Test("recast --format csv: the contract's header and one row per native mass; islands with both edges")
    func recastCSV() throws {
        let r = try CLI.run(["recast", "--model", "B-L", "--limit", "E137_Andreas2012mt", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        #expect(lines.first == "limit,mass,coupling_lower,coupling_upper")
        let masses = try Self.nativeMasses("E137_Andreas2012mt.lmt")
        #expect(lines.count - 1 == masses.count)
        var islands = 0
        for (line, mass) in zip(lines.dropFirst(), masses) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(fields.count == 4 && fields[0] == "E137_Andreas2012mt")
            #expect(abs((Double(fields[1]) ?? -1) - mass) <= 1e-12 * mass)
            if let lower = Double(fields[2]), let upper = Double(fields[3]) {
                #expect(lower > 0 && upper > lower && lower.isFinite && upper.isFinite)
                islands += 1
            }
        }
        #expect(islands > masses.count / 2)
        // A one-sided limit leaves coupling_upper empty.
        let prompt = try CLI.run(["recast", "--model", "B-L", "--limit", "BaBar_Lees2014xha", "--format", "csv"])
        let row = try #require(prompt.stdout.split(separator: "\n").dropFirst().first(where: { !$0.hasSuffix(",,") }))
        #expect(row.hasSuffix(","))
    }

    @Test("recast --format json: the same rows plus each limit's metadata; --limit all names the limits that do not apply")
    func recastJSON() throws {
        let r = try CLI.run(["recast", "--model", "Lmu-Ltau", "--limit", "NA64_NA642019imj,KLOE_Anastasi2015qla", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(try CLI.json(r.stdout) as? [String: Any])
        let limits = try #require(root["limits"] as? [[String: Any]])
        #expect(limits.count == 2)
        for limit in limits {
            for key in ["name", "experiment", "year", "category", "citation"] { #expect(limit[key] != nil, "\(key)") }
            let rows = try #require(limit["recast"] as? [[String: Any]])
            let masses = try Self.nativeMasses("\(limit["name"] as! String).lmt")
            #expect(rows.count == masses.count)
        }
        let all = try CLI.run(["recast", "--model", "B-L", "--limit", "all", "--mass", "0.05", "--format", "csv"])
        // --mass outside some limits' ranges: with 'all' those are skipped and named on stderr.
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stderr.contains("note: SN1987A_Chang2016 not applicable to model B-L"))
    }

    @Test("check --format json: every limit and constraint by name and experiment with its verdict and ratio; exit 1 when excluded")
    func check() throws {
        // B-L at 17 MeV and g = 1e-4 is excluded (e.g. by NA64's invisible and the beam dumps' reach).
        let excluded = try CLI.run(["check", "--model", "B-L", "--mass", "0.017", "--coupling", "1e-4", "--format", "json"])
        #expect(excluded.status == 1, "\(excluded.stderr)")
        let root = try #require(try CLI.json(excluded.stdout) as? [String: Any])
        let constraints = try #require(root["constraints"] as? [[String: Any]])
        #expect(constraints.count == 66)
        #expect(root["excluded"] as? Bool == true)
        var lastRatio = Double.infinity
        for c in constraints {
            #expect(c["name"] is String && c["experiment"] is String && c["verdict"] is String)
            let verdict = c["verdict"] as! String
            if verdict == "excluded" || verdict == "allowed" {
                let ratio = try #require(c["ratio"] as? Double ?? (c["ratio"] as? Int).map(Double.init), "\(c["name"]!)")
                #expect(ratio.isFinite && ratio >= 0)
                #expect((verdict == "excluded") == (ratio > 1))
                #expect(ratio <= lastRatio, "most constraining first")
                lastRatio = ratio
            }
        }
        // A tiny coupling is allowed by everything: exit 0.
        let allowed = try CLI.run(["check", "--model", "B-L", "--mass", "0.017", "--coupling", "1e-12", "--format", "json"])
        #expect(allowed.status == 0, "\(allowed.stdout)")
        let quiet = try #require(try CLI.json(allowed.stdout) as? [String: Any])
        #expect(quiet["excluded"] as? Bool == false)
    }

    static let badInputs: [(arguments: [String], message: String)] = [
        (["recast", "--model", "B-L", "--limit", "E137_Andreas2012"], "--limit E137_Andreas2012: unknown limit; closest: E137_Andreas2012mt"),
        (["check", "--model", "B-L", "--mass", "0.01", "--coupling", "1e-4", "--limit", "g2_mu_exclusoin"], "closest: g2_mu_exclusion"),
        (["recast", "--model", "B-L", "--limit", "E137_Andreas2012mt", "--mass", "5"], "--mass 5.0: outside the masses of E137_Andreas2012mt"),
        (["check", "--model", "B-L", "--mass", "5", "--coupling", "1e-4", "--limit", "E137_Andreas2012mt"], "outside the masses of E137_Andreas2012mt"),
        (["recast", "--model", "B-L", "--limit", "SN1987A_Chang2016"], "--limit SN1987A_Chang2016: not applicable to model B-L"),
        (["check", "--model", "B-L", "--mass", "0.01", "--coupling", "1e-4", "--limit", "AnomalyBKX_Dror2017"], "not applicable to model B-L"),
        (["check", "--model", "B-L", "--mass", "0.017", "--coupling", "-1"], "--coupling -1.0: must be finite and > 0"),
        (["check", "--model", "B-L", "--mass", "0.017", "--coupling", "0"], "--coupling 0.0"),
        (["check", "--model", "B-L", "--mass", "0.017", "--coupling", "nan"], "--coupling nan"),
        (["check", "--model", "B-L", "--mass", "0.017", "--coupling", "inf"], "--coupling inf"),
        (["check", "--model", "dark-photon", "--mass", "0.017", "--kinetic-mixing", "0"], "--kinetic-mixing 0.0"),
        (["check", "--model", "B-L", "--mass", "-1", "--coupling", "1e-4"], "--mass -1.0"),
        (["check", "--model", "B-L", "--mass", "0.01", "--coupling", "1e-4", "--sigmas", "0"], "--sigmas"),
        (["limits", "--category", "nope"], "--category nope"),
        (["limits", "validate", "/nonexistent/manifest.json"], "/nonexistent/manifest.json"),
    ]

    @Test("bad input: exit 2, a message naming the option and value, nothing on stdout", arguments: LimitsCLITests.badInputs.indices)
    func badInput(_ i: Int) throws {
        let (arguments, message) = Self.badInputs[i]
        let r = try CLI.run(arguments)
        #expect(r.status == 2, "\(arguments): \(r.status) \(r.stderr)")
        #expect(r.stderr.hasPrefix("error: ") && r.stderr.contains(message), "\(arguments): \(r.stderr)")
        #expect(r.stdout.isEmpty, "\(arguments): \(r.stdout)")
    }

    @Test("limits validate: a good manifest passes; a changed and a missing data file are each named, exit 2")
    func validate() throws {
        let good = try CLI.run(["limits", "validate", Self.limitData.appendingPathComponent("extra/manifest.json").path])
        #expect(good.status == 0 && good.stdout.contains("ok     FASER_Abreu2023"), "\(good.stderr)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zprime-limits-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.limitData.appendingPathComponent("extra"), to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        let changed = directory.appendingPathComponent("FORESEE/DarkPhoton_LSND.txt")
        try (try String(contentsOf: changed, encoding: .utf8) + "0.02 1e-5\n").write(to: changed, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("FORESEE/B_anomaly_K_piX.txt"))
        let bad = try CLI.run(["limits", "validate", directory.appendingPathComponent("manifest.json").path])
        #expect(bad.status == 2)
        #expect(bad.stdout.contains("error  LSND_Essig2010") && bad.stdout.contains("sha256 differs"))
        #expect(bad.stdout.contains("error  AnomalyKpiX_Dror2017") && bad.stdout.contains("cannot be read"))
        #expect(bad.stdout.contains("ok     FASER_Abreu2023"))
        #expect(bad.stderr.contains("2 of 8 entries are invalid"))
    }
}
