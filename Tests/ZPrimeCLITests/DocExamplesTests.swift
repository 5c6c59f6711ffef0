import Foundation
import Testing

/// The examples in the doc comments compile and run: `Scripts/generate-doc-examples.py` copies every
/// ```swift block of a doc comment into the `zprime-examples` executable target, which the package
/// builds; this suite checks that no block is missing there (an edited example without a regenerated
/// target fails here) and that the program runs to completion.
@Suite("Doc-comment examples compile and run")
struct DocExamplesTests {
    /// Every ```swift block of the doc comments under Sources/, with the `///` prefix removed.
    static func documentedExamples() throws -> [(file: String, code: String)] {
        let sources = CLI.packageRoot.appendingPathComponent("Sources")
        guard let walker = FileManager.default.enumerator(atPath: sources.path) else { return [] }
        var examples: [(String, String)] = []
        for case let path as String in walker where path.hasSuffix(".swift") && !path.hasPrefix("zprime-examples") {
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            var inBlock = false
            var current: [String] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                guard trimmed.hasPrefix("///") else { inBlock = false; current = []; continue }
                var content = trimmed.dropFirst(3)
                if content.hasPrefix(" ") { content = content.dropFirst() }
                if content.hasPrefix("```swift") { inBlock = true; current = []; continue }
                if inBlock && content.hasPrefix("```") {
                    examples.append((path, current.joined(separator: "\n")))
                    inBlock = false
                    continue
                }
                if inBlock { current.append(String(content)) }
            }
        }
        return examples
    }

    @Test("every documented example is in the examples target, verbatim")
    func everyExampleIsCompiled() throws {
        let target = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Sources/zprime-examples/main.swift"), encoding: .utf8)
        let compiled = target.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: "\n")
        let examples = try Self.documentedExamples()
        #expect(examples.count >= 20)
        for (file, code) in examples {
            // Blank lines and indentation do not matter; every other line must match in order.
            let normalised = code.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .joined(separator: "\n")
            #expect(compiled.contains(normalised), "the example in \(file) is not in Sources/zprime-examples (run Scripts/generate-doc-examples.py)")
        }
    }

    @Test("the examples program runs every example without an error")
    func examplesRun() throws {
        let binary = CLI.executable.deletingLastPathComponent().appendingPathComponent("zprime-examples")
        let process = Process()
        process.executableURL = binary
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text.suffix(500))")
        #expect(text.components(separatedBy: "== ").count - 1 == (try Self.documentedExamples()).count)
        #expect(!text.contains("error in example"))
    }
}
