import Foundation
import Testing

/// Golden outputs of a representative set of commands (couplings, decays, observables, g2,
/// anomalies, atlas counts). Every number printed is compared character by character with the
/// committed file, so any change of a physics number shows up here and must be deliberate:
/// regenerate with `Tests/ZPrimeCLITests/Golden/record.sh`, review the diff, and say in the commit
/// message which numbers changed and why.
@Suite("Golden outputs (end to end)")
struct GoldenOutputTests {
    static let directory = CLI.packageRoot.appendingPathComponent("Tests/ZPrimeCLITests/Golden")

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        var testDescription: String { name }
    }

    /// Every line of `commands.tsv`: read at test time, so a new row is never silently skipped.
    static func cases() throws -> [Case] {
        let text = try String(contentsOf: directory.appendingPathComponent("commands.tsv"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") || line.isEmpty { return nil }
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return Case(name: String(parts[0]), arguments: parts[1].split(separator: " ").map(String.init))
        }
    }

    /// The output as `record.sh` stores it: stdout without its trailing newlines and without lines
    /// holding wall-clock timings, then `# exit N`.
    static func recorded(_ result: CLIResult) -> String {
        var text = result.stdout
        while text.hasSuffix("\n") { text.removeLast() }
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("\"seconds\":") }
        return kept.joined(separator: "\n") + "\n# exit \(result.status)\n"
    }

    @Test("the command list is readable and every golden file exists")
    func listIsComplete() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 30)
        for c in cases {
            #expect(FileManager.default.fileExists(atPath: Self.directory.appendingPathComponent("\(c.name).out").path), "\(c.name)")
        }
    }

    @Test("every command prints exactly its golden output")
    func outputsMatch() throws {
        for c in try Self.cases() {
            let expected = try String(contentsOf: Self.directory.appendingPathComponent("\(c.name).out"), encoding: .utf8)
            let actual = Self.recorded(try CLI.run(c.arguments))
            if actual != expected {
                let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
                let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
                let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
                let where_ = first.map { "line \($0.offset + 1): expected '\($0.element.0)', got '\($0.element.1)'" }
                    ?? "line counts \(expectedLines.count) vs \(actualLines.count)"
                Issue.record("golden output of '\(c.name)' (zprime \(c.arguments.joined(separator: " "))) differs at \(where_)")
            }
        }
    }
}
