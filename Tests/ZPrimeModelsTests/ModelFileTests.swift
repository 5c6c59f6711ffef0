import Foundation
import Testing
import ZPrimeCore
@testable import ZPrimeModels

/// The package root, for the committed example files.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite("Model files")
struct ModelFileTests {
    @Test("every built-in model survives a TOML and a JSON round trip", arguments: BuiltinModels.all.map(\.name))
    func roundTrip(_ name: String) throws {
        let model = try #require(BuiltinModels.model(named: name))
        #expect(try ModelFile.parse(ModelFile.toml(model), format: .toml) == model)
        #expect(try ModelFile.parse(ModelFile.json(model), format: .json) == model)
    }

    @Test("built-in names are matched case-insensitively")
    func caseInsensitiveNames() throws {
        #expect(try ModelReference.resolve("b-l").name == "B-L")
        #expect(try ModelReference.resolve("LMU-LTAU").name == "Lmu-Ltau")
        #expect(try ModelReference.resolve("B-L-VLL").name == "b-l-vll")
        #expect(throws: ModelFileError.self) { try ModelReference.resolve("no-such-model") }
    }

    @Test("the commented examples load and give the documented verdicts")
    func examples() throws {
        let muoquark = try ModelFile.load(path: packageRoot.appendingPathComponent("Examples/b-3lmu-muoquark.toml").path)
        #expect(try AnomalyReport(model: muoquark).isAnomalyFree)
        #expect(muoquark.charges(of: .L) == [0, -3, 0])
        #expect(muoquark.scalars.map(\.name) == ["S3", "S1", "Phi"])
        // The S_3 muoquark couples quarks to the second-family lepton doublet only.
        let s3 = try YukawaAnalysis(model: muoquark).blocks.first { $0.label == "Q L S3" }
        #expect(s3?.texture == Array(repeating: [false, true, false], count: 3))
        let noNR = try ModelFile.load(path: packageRoot.appendingPathComponent("Examples/sm-b-minus-l-no-nr.json").path)
        let report = try AnomalyReport(model: noNR)
        #expect(report.value(of: .xxx) == -3 && report.value(of: .gravGravX) == -3)
    }

    @Test("a single value applies to every family; N's length is the number of N_R")
    func scalarAndArrayForms() throws {
        let text = """
        name = "x"
        [charges]
        Q = "1/3"
        U = ["1/3", "1/3", "1/3"]
        D = "2/6"
        L = -1
        E = [-1, -1, -1]
        N = [-1, -1]
        """
        let model = try ModelFile.parse(text, format: .toml)
        #expect(model.charges(of: .Q) == Array(repeating: Rational(1, 3), count: 3))
        #expect(model.charges(of: .D) == Array(repeating: Rational(1, 3), count: 3))
        #expect(model.rightHandedNeutrinoCount == 2)
        #expect(model.higgsCharge == .zero)
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        let text: String
        let format: ModelFileFormat
        let field: String
        let value: String?
        let problem: String
        var testDescription: String { "\(field): \(problem)" }
    }

    static let badCases: [BadCase] = [
        BadCase(text: "[charges]\nQ = 0\nU = 0\nD = 0\nL = 0\nE = 0\nZ = 1\n", format: .toml, field: "charges.Z", value: nil, problem: "unknown field"),
        BadCase(text: "colour = 3\n[charges]\nQ = 0\nU = 0\nD = 0\nL = 0\nE = 0\n", format: .toml, field: "colour", value: nil, problem: "unknown field"),
        BadCase(text: "[charges]\nQ = \"1/0\"\nU = 0\nD = 0\nL = 0\nE = 0\n", format: .toml, field: "charges.Q", value: "1/0", problem: "zero denominator"),
        BadCase(text: "[charges]\nQ = [0, \"abc\", 0]\nU = 0\nD = 0\nL = 0\nE = 0\n", format: .toml, field: "charges.Q[1]", value: "abc", problem: "malformed charge"),
        BadCase(text: "[charges]\nQ = 0.5\nU = 0\nD = 0\nL = 0\nE = 0\n", format: .toml, field: "charges.Q", value: "0.5", problem: "exact"),
        BadCase(text: "[charges]\nQ = [1, 2]\nU = 0\nD = 0\nL = 0\nE = 0\n", format: .toml, field: "charges.Q", value: "[1, 2]", problem: "missing family"),
        BadCase(text: "[charges]\nQ = 0\nU = 0\nD = 0\nL = 0\n", format: .toml, field: "charges.E", value: nil, problem: "missing"),
        BadCase(text: "[charges]\nQ = 0\nU = 0\nQ = 1\nD = 0\nL = 0\nE = 0\n", format: .toml, field: "charges.Q", value: nil, problem: "cannot redefine the key 'charges.Q'"),
        BadCase(text: "[charges]\nQ = 0\nU = 0\nD = 0\nL = 0\nE = 0\n[[fermions]]\nname = \"X\"\ncolour = \"5\"\nhypercharge = 0\ncharge = 1\n", format: .toml, field: "fermions[0].colour", value: "5", problem: "unknown SU(3) representation"),
        BadCase(text: "[charges]\nQ = 0\nU = 0\nD = 0\nL = 0\nE = 0\n[[scalars]]\nname = \"S\"\nisospin = 0\nhypercharge = 0\ncharge = 1\n", format: .toml, field: "scalars[0].isospin", value: "0", problem: "unknown SU(2) representation"),
        BadCase(text: "[charges]\nQ = 0\nU = 0\nD = 0\nL = 0\nE = 0\n[[fermions]]\nname = \"X\"\nhypercharge = 0\nchirality = \"sideways\"\ncharge = 1\n", format: .toml, field: "fermions[0].chirality", value: "sideways", problem: "left, right or vector-like"),
        BadCase(text: "[charges]\nQ = 0\nU = 0\nD = 0\nL = 0\nE = 0\n[[fermions]]\nname = \"X\"\nhypercharge = 0\ncopies = 3\ncharge = [1, 2]\n", format: .toml, field: "fermions[0].charge", value: "[1, 2]", problem: "missing family"),
        BadCase(text: "{\"charges\": {\"Q\": 0, \"U\": 0, \"D\": 0, \"L\": 0, \"E\": 0, \"E\": 1}}", format: .json, field: "charges.E", value: nil, problem: "duplicated key"),
        BadCase(text: "{\"charges\": {\"Q\": \"1/0\", \"U\": 0, \"D\": 0, \"L\": 0, \"E\": 0}}", format: .json, field: "charges.Q", value: "1/0", problem: "zero denominator"),
        BadCase(text: "{\"charges\": {\"Q\": 0, \"U\": 0, \"D\": 0, \"L\": 0, \"E\": 0}, \"fermions\": [{\"name\": \"F\", \"colour\": \"27\", \"hypercharge\": 0, \"charge\": 1}]}", format: .json, field: "fermions[0].colour", value: "27", problem: "unknown SU(3) representation"),
        BadCase(text: "{\"charges\": {\"Q\": 0, \"U\": 0, \"D\": 0, \"L\": [0, 0], \"E\": 0}}", format: .json, field: "charges.L", value: "[0, 0]", problem: "missing family"),
        BadCase(text: "{\"charges\": {\"Q\": null, \"U\": 0, \"D\": 0, \"L\": 0, \"E\": 0}}", format: .json, field: "charges.Q", value: nil, problem: "null"),
    ]

    @Test("bad input names the file, the field and the value", arguments: badCases)
    func badInput(_ bad: BadCase) throws {
        do {
            _ = try ModelFile.parse(bad.text, format: bad.format, file: "bad.\(bad.format.rawValue)")
            Issue.record("expected an error for \(bad.testDescription)")
        } catch {
            let message = error.description
            #expect(message.hasPrefix("bad.\(bad.format.rawValue)"), "\(message)")
            #expect(message.contains(bad.field), "\(message)")
            if let value = bad.value { #expect(message.contains(value), "\(message)") }
            #expect(message.contains(bad.problem), "\(message)")
        }
    }

    @Test("a missing file and an unknown extension are clear errors")
    func unreadable() {
        #expect(throws: ModelFileError.self) { try ModelFile.load(path: "/nonexistent/model.toml") }
        #expect(throws: ModelFileError.self) { try ModelFile.load(path: "/etc/hostname") }
    }
}
