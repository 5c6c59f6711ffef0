import Foundation
import Testing

/// `zprime flavour` and `zprime wcxf`: the interface contract's keys and bad input (exit 2, naming the
/// option or field and the value).
@Suite("flavour and wcxf commands")
struct FlavourCLITests {
    static let thirdFamily = "Examples/third-family-z.toml"

    @Test("the Z' mode prints C9, C10, C9p, C10p and C_bb_LL; the leptoquark and radiative modes delta_a_mu and F")
    func contractKeys() throws {
        let z = try CLI.run(["flavour", Self.thirdFamily, "--mass", "1000", "--coupling", "0.1", "--alignment", "up", "--format", "json"])
        #expect(z.status == 0)
        let object = try #require(try CLI.json(z.stdout) as? [String: Any])
        for key in ["C9", "C10", "C9p", "C10p", "C_bb_LL"] { #expect(object[key] is Double, "\(key)") }
        let lq = try CLI.run(["flavour", "--leptoquark", "R2", "--mass", "1500", "--lambda-l", "0.1", "--lambda-r", "0.1", "--format", "json"])
        #expect(try (CLI.json(lq.stdout) as? [String: Any])?["delta_a_mu"] is Double)
        let radiative = try CLI.run(["flavour", "--radiative-ymu", "--m-s1", "2000", "--m-s2", "2000", "--format", "json"])
        let r = try #require(try CLI.json(radiative.stdout) as? [String: Any])
        #expect(r["F"] is Double && r["delta_a_mu"] is Double)
    }

    @Test("wcxf writes a file with the b -> s mu mu coefficients of the up alignment")
    func wcxfFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zprime-\(UUID().uuidString).json").path
        let result = try CLI.run(["wcxf", Self.thirdFamily, "--mass", "1000", "--coupling", "0.1", "--alignment", "up", "--output", path])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let values = try #require(object["values"] as? [String: Any])
        #expect(values["C9_bsmumu"] != nil && object["scale"] as? Double == 1000)
    }

    @Test("bad input exits with status 2 and names what is wrong", arguments: [
        (["wcxf", "Examples/third-family-z.toml", "--mass", "1000", "--basis", "warsaw"], "--basis warsaw"),
        (["wcxf", "B", "--mass", "1000", "--coupling", "0.1"], "model B"),
        (["wcxf", "Examples/third-family-z.toml", "--mass", "2"], "--mass 2.0"),
        (["flavour", "Examples/third-family-z.toml", "--mass", "1000", "--alignment", "sideways"], "--alignment sideways"),
        (["flavour", "Examples/third-family-z.toml", "--mass", "nan"], "--mass"),
        (["flavour", "Examples/third-family-z.toml", "--mass", "1000", "--theta-12", "0.5"], "--theta-12 0.5"),
        (["flavour", "Examples/third-family-z.toml", "--mass", "1000", "--dipole", "tau"], "dipole structure tau"),
        (["flavour", "--leptoquark", "S7", "--mass", "1000", "--lambda-l", "1"], "--leptoquark S7"),
        (["flavour", "--leptoquark", "S1", "--mass", "1000", "--lambda-l", "inf"], "--lambda-l"),
        (["flavour", "--leptoquark", "S3", "--mass", "1000", "--lambda-l", "1", "--lambda-r", "1"], "--lambda-r"),
        (["flavour", "--radiative-ymu", "--m-s1", "0", "--m-s2", "100"], "--m-s1 0.0"),
        (["flavour", "--atlas", "--max-charge", "0"], "--max-charge 0"),
        (["flavour"], "give a MODEL"),
    ])
    func badInput(_ arguments: [String], _ expected: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains(expected), "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("non-unitary rotation matrices and a model without the couplings are refused, naming them")
    func rotationsAndModels() throws {
        let bad = try CLI.temporaryFile("{\"V_dL\": [[1, 0.1, 0], [0, 1, 0], [0, 0, 1]]}", extension: "json")
        let result = try CLI.run(["wcxf", Self.thirdFamily, "--mass", "1000", "--rotations", bad])
        #expect(result.status == 2 && result.stderr.contains("V_dL") && result.stderr.contains("not unitary"))
        let hidden = try CLI.temporaryFile("name = \"hidden\"\n[charges]\nQ = 0\nU = 0\nD = 0\nL = 0\nE = 0\nN = [1, -1]\n", extension: "toml")
        let none = try CLI.run(["flavour", hidden, "--mass", "100", "--coupling", "0.1"])
        #expect(none.status == 2 && none.stderr.contains("model hidden") && none.stderr.contains("B_s mixing need"))
    }
}
