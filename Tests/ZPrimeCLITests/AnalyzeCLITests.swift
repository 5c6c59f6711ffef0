import Foundation
import Testing

@Suite("zprime analyze (end to end)")
struct AnalyzeCLITests {
    /// A fresh folder under the temporary directory (not created).
    func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("zprime-analyze-\(UUID().uuidString)")
    }

    @Test("a small plane: the report, the plot and results.json by rename, nothing left behind")
    func writesEverything() throws {
        let parent = scratch()
        let folder = parent.appendingPathComponent("x17")
        let r = try CLI.run(["analyze", "dark-photon", "--masses", "0.01:0.03", "--couplings", "1e-5:1e-2", "--mass-points", "5",
                             "--mass", "0.017", "--kinetic-mixing", "7e-4", "--output", folder.path])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for name in ["report.md", "results.json", "plot.svg"] { #expect(files.contains(name)) }
        // Only the folder itself in the parent: no temporary folder survives.
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["x17"])
        let json = try CLI.json(String(contentsOf: folder.appendingPathComponent("results.json"), encoding: .utf8)) as! [String: Any]
        let benchmark = json["benchmark"] as! [String: Any]
        #expect(benchmark["origin"] as? String == "given")
        #expect(benchmark["mass_gev"] as? Double == 0.017)
        #expect(json["coupling_axis"] as? String == "eps")
        // The dark photon's electron coupling is eps (units of e), vector only: -eps for Q = -1.
        let electron = (json["couplings"] as! [String: Any])["e"] as! [String: Any]
        #expect(abs((electron["vector"] as! Double) / -7e-4 - 1) < 1e-3)
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("# ZPrime analysis: dark-photon"))
        #expect(!report.contains("nan") && !report.contains("inf "))
        try? FileManager.default.removeItem(at: parent)
    }

    @Test("bad input: exit 2, the option and the value named, no output folder", arguments: [
        (["analyze", "no-such-model"], "no-such-model"),
        (["analyze", "B-L", "--masses", "1:0.1"], "--masses"),
        (["analyze", "B-L", "--masses", "0.1:0.1"], "--masses"),
        (["analyze", "B-L", "--couplings", "abc"], "--couplings"),
        (["analyze", "B-L", "--mass-points", "1"], "--mass-points"),
        (["analyze", "B-L", "--mass", "0.02"], "--mass"),
        (["analyze", "B-L", "--coupling", "1e-4"], "--coupling"),
        (["analyze", "B-L", "--mass", "-1", "--coupling", "1e-4"], "--mass"),
        (["analyze", "B-L", "--sigmas", "nan"], "--sigmas"),
        (["analyze", "B-L", "--no-such-option", "1"], "no-such-option"),
    ])
    func badInput(arguments: [String], named: String) throws {
        let folder = scratch()
        let r = try CLI.run(arguments + ["--output", folder.path])
        #expect(r.status == 2, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains(named), "\(arguments): \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        #expect(!FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).partial-").path))
    }

    @Test("an unwritable output folder: exit 2 naming it, nothing written")
    func unwritable() throws {
        let r = try CLI.run(["analyze", "B-L", "--masses", "0.01:0.02", "--mass-points", "3", "--output", "/proc/zprime-cannot-write/out"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--output"))
        let file = try CLI.temporaryFile("not a folder", extension: "txt")
        let s = try CLI.run(["analyze", "B-L", "--masses", "0.01:0.02", "--mass-points", "3", "--output", file])
        #expect(s.status == 2)
        #expect(s.stderr.contains("not a folder"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "not a folder")
    }
}
