import Foundation
import Testing

@Suite("zprime cevns, solar, neutrino-limits")
struct NeutrinoCLITests {
    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        #expect(!result.stdout.contains("null") && !result.stdout.contains("nan") && !result.stdout.contains("inf,"))
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    @Test("the interface contract: cevns prints events and events_sm for every experiment")
    func cevnsContract() throws {
        for experiment in ["CENNS610", "ESS10", "CCM", "ESS", "COHERENT-CsI-2017", "COHERENT-CsI-2021", "COHERENT-LAr-2020"] {
            let object = try Self.json(["cevns", "--experiment", experiment, "--model", "Lmu-Ltau", "--mass", "0.02", "--coupling", "5e-4", "--bins", "2", "--format", "json"])
            let events = try #require(object["events"] as? Double), sm = try #require(object["events_sm"] as? Double)
            #expect(events > 0 && sm > 0 && events.isFinite)
        }
    }

    @Test("the interface contract: solar prints events and events_sm for nr and er, free and stepping, with B = inf")
    func solarContract() throws {
        var er: [String: Double] = [:]
        for (channel, binding) in [("nr", "stepping"), ("er", "free"), ("er", "stepping")] {
            let object = try Self.json(["solar", "--exposure-tonne-years", "10", "--recoil-kev", "1:inf", "--channel", channel, "--binding", binding,
                                        "--model", "Lmu-Ltau", "--mass", "0.01", "--coupling", "5e-4", "--bins", "2", "--format", "json"])
            let events = try #require(object["events"] as? Double), sm = try #require(object["events_sm"] as? Double)
            #expect(events > 0 && sm > 0)
            if channel == "er" { er[binding] = sm }
        }
        // Binding removes electrons: fewer events with the stepping approximation.
        #expect(er["stepping"]! < er["free"]!)
    }

    @Test("bad input exits 2 naming the option: unknown experiment, target, constraint; exposure and recoil window out of range")
    func badInput() throws {
        let point = ["--model", "Lmu-Ltau", "--mass", "0.01", "--coupling", "5e-4"]
        let cases: [([String], String)] = [
            (["cevns", "--experiment", "SuperCEvNS"] + point, "--experiment SuperCEvNS"),
            (["cevns", "--experiment", "ESS", "--bins", "0"] + point, "--bins"),
            (["cevns", "--experiment", "ESS", "--reach", "1:0.1:5"] + point, "--reach"),
            (["solar", "--exposure-tonne-years", "1", "--recoil-kev", "1:10", "--channel", "nr", "--target", "Fe"] + point, "--target Fe"),
            (["solar", "--exposure-tonne-years", "0", "--recoil-kev", "1:10", "--channel", "nr"] + point, "--exposure-tonne-years"),
            (["solar", "--exposure-tonne-years", "-3", "--recoil-kev", "1:10", "--channel", "nr"] + point, "--exposure-tonne-years"),
            (["solar", "--exposure-tonne-years", "nan", "--recoil-kev", "1:10", "--channel", "nr"] + point, "--exposure-tonne-years"),
            (["solar", "--exposure-tonne-years", "1e7", "--recoil-kev", "1:10", "--channel", "nr"] + point, "--exposure-tonne-years"),
            (["solar", "--exposure-tonne-years", "1", "--recoil-kev", "5:1", "--channel", "er"] + point, "--recoil-kev"),
            (["solar", "--exposure-tonne-years", "1", "--recoil-kev", "1e-5:10", "--channel", "er"] + point, "--recoil-kev"),
            (["solar", "--exposure-tonne-years", "1", "--recoil-kev", "1:1e7", "--channel", "er"] + point, "--recoil-kev"),
            (["solar", "--exposure-tonne-years", "1", "--recoil-kev", "abc", "--channel", "er"] + point, "--recoil-kev"),
            (["solar", "--exposure-tonne-years", "1", "--recoil-kev", "1:10", "--channel", "gamma"] + point, "channel"),
            (["solar", "--recoil-kev", "1:10", "--channel", "nr", "--detector", "LZ"] + point, "--detector LZ"),
            (["neutrino-limits", "--constraint", "nope"] + point, "--constraint nope"),
            (["cevns", "--experiment", "ESS", "--model", "Lmu-Ltau", "--mass", "-1", "--coupling", "5e-4"], "--mass"),
        ]
        for (arguments, expected) in cases {
            let result = try CLI.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains(expected), "\(arguments): \(result.stderr)")
        }
    }

    @Test("neutrino-limits: every constraint at a point, and exclusion curves as CSV")
    func limits() throws {
        let object = try Self.json(["neutrino-limits", "--model", "Lmu-Ltau", "--mass", "0.01", "--coupling", "5e-4", "--format", "json"])
        let constraints = try #require(object["constraints"] as? [[String: Any]])
        #expect(constraints.map { $0["name"] as? String ?? "" } == ["COHERENT-CsI-2017", "COHERENT-CsI-2021", "COHERENT-LAr-2020", "Borexino-7Be-2018"])
        #expect(constraints.allSatisfy { ["excluded", "allowed"].contains($0["verdict"] as? String ?? "") })
        let csv = try CLI.run(["neutrino-limits", "--model", "Lmu-Ltau", "--masses", "0.01:0.1:2", "--constraint", "Borexino-7Be-2018", "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "constraint,mass,coupling_lower,coupling_upper")
        #expect(lines.count == 3)
    }
}
