import Foundation
import Testing

@Suite("zprime models, model show, anomalies (end to end)")
struct FoundationCLITests {
    @Test("models lists every built-in")
    func models() throws {
        let result = try CLI.run(["models", "--format", "json"])
        #expect(result.status == 0)
        let list = try #require(try CLI.json(result.stdout) as? [[String: String]])
        #expect(list.map { $0["name"] ?? "" } == ["dark-photon", "B-L", "B", "Lmu-Ltau", "Le-Lmu", "Le-Ltau", "B-3Le", "B-3Lmu", "B-3Ltau", "protophobic", "b-l-vll"])
        #expect(list.allSatisfy { !($0["description"] ?? "").isEmpty })
    }

    @Test("anomalies: exit 0 for every built-in, JSON with the six conditions", arguments: ["dark-photon", "b-l", "B", "lmu-ltau", "Le-Lmu", "Le-Ltau", "B-3Le", "b-3lmu", "B-3Ltau", "Protophobic", "b-l-vll"])
    func anomaliesBuiltin(_ name: String) throws {
        let result = try CLI.run(["anomalies", name, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try CLI.json(result.stdout) as? [String: Any])
        #expect(object["anomaly_free"] as? Bool == true)
        let conditions = try #require(object["conditions"] as? [String: [String: Any]])
        #expect(Set(conditions.keys) == ["SU3^2_X", "SU2^2_X", "Y^2_X", "Y_X^2", "X^3", "grav^2_X"])
        #expect(conditions.values.allSatisfy { $0["value"] as? String == "0" && $0["pass"] as? Bool == true })
    }

    @Test("anomalies: exit 1 and the failing values for B - L without N_R")
    func anomaliesNegativeVerdict() throws {
        let result = try CLI.run(["anomalies", "Examples/sm-b-minus-l-no-nr.json", "--format", "json"])
        #expect(result.status == 1)
        let object = try #require(try CLI.json(result.stdout) as? [String: Any])
        let conditions = try #require(object["conditions"] as? [String: [String: Any]])
        #expect(conditions["X^3"]?["value"] as? String == "-3")
        #expect(conditions["grav^2_X"]?["value"] as? String == "-3")
        #expect(conditions["SU3^2_X"]?["pass"] as? Bool == true)
        let table = try CLI.run(["anomalies", "Examples/sm-b-minus-l-no-nr.json"])
        #expect(table.status == 1)
        #expect(table.stdout.contains("NOT anomaly free (X^3, grav^2 X)"))
    }

    @Test("model show prints the field table and exports files that read back")
    func modelShow() throws {
        let table = try CLI.run(["model", "show", "b-l-vll"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("h_X") && table.stdout.contains("LV") && table.stdout.contains("vector-like"))
        let toml = try CLI.run(["model", "show", "B", "--format", "toml"])
        #expect(toml.status == 0)
        let path = try CLI.temporaryFile(toml.stdout, extension: "toml")
        let again = try CLI.run(["anomalies", path])
        #expect(again.status == 0)
    }


    @Test("bad model files: exit 2, an error naming file, field and value, no crash", arguments: BadModelFiles.all.indices)
    func badFiles(_ index: Int) throws {
        let (name, text, ext, fragments) = BadModelFiles.all[index]
        let path = try CLI.temporaryFile(text, extension: ext)
        for command in [["anomalies", path], ["model", "show", path]] {
            let result = try CLI.run(command)
            #expect(result.status == 2, "\(name): status \(result.status)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("error: \(path)"), "\(name): \(result.stderr)")
            for fragment in fragments { #expect(result.stderr.contains(fragment), "\(name): \(result.stderr)") }
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"))
        }
    }

    @Test("unknown model names, missing files and bad options exit 2")
    func badArguments() throws {
        #expect(try CLI.run(["anomalies", "no-such-model"]).status == 2)
        #expect(try CLI.run(["anomalies", "/nonexistent/model.toml"]).status == 2)
        #expect(try CLI.run(["anomalies", "B-L", "--format", "yaml"]).status == 2)
        #expect(try CLI.run(["no-such-command"]).status == 2)
        #expect(try CLI.run(["anomalies"]).status == 2)
        #expect(try CLI.run(["--help"]).status == 0)
    }
}

/// Malformed model files with the fragments their error must name.
enum BadModelFiles {
    static let all: [(String, String, String, [String])] = [
        ("unknown field", "[charges]\nQ = 0\nU = 0\nD = 0\nL = 0\nE = 0\nX = 2\n", "toml", ["charges.X", "unknown field"]),
        ("zero denominator", "[charges]\nQ = \"1/0\"\nU = 0\nD = 0\nL = 0\nE = 0\n", "toml", ["charges.Q", "1/0"]),
        ("non-numeric", "[charges]\nQ = \"abc\"\nU = 0\nD = 0\nL = 0\nE = 0\n", "toml", ["charges.Q", "abc"]),
        ("missing family", "[charges]\nQ = [0, 0]\nU = 0\nD = 0\nL = 0\nE = 0\n", "toml", ["charges.Q", "missing family"]),
        ("duplicated key", "[charges]\nQ = 0\nQ = 1\nU = 0\nD = 0\nL = 0\nE = 0\n", "toml", ["field 'charges.Q'", "line 3, column 5", "cannot redefine"]),
        ("duplicated key json", "{\"charges\": {\"Q\": 0, \"Q\": 1, \"U\": 0, \"D\": 0, \"L\": 0, \"E\": 0}}", "json", ["charges.Q", "duplicated"]),
        ("unknown representation", "[charges]\nQ = 0\nU = 0\nD = 0\nL = 0\nE = 0\n[[fermions]]\nname = \"F\"\ncolour = \"15\"\nhypercharge = 0\ncharge = 1\n", "toml", ["fermions[0].colour", "15"]),
    ]
}
