import Foundation
import Testing

/// A deterministic fuzzer of the built binary: it mutates model files (the examples and dumps of
/// built-in models) and atlas command lines, runs each case, and checks the exit-code contract:
/// status 0, 1 or 2 and never a signal; on status 2 a short stderr starting with `error:`; no
/// `nan`, `inf` or numeric `null` on stdout, valid JSON whenever JSON was asked for; each run
/// within a time bound.
///
/// `swift test` runs ``defaultCases`` cases in seconds. For a long local run set
/// `ZPRIME_FUZZ_CASES` (and optionally `ZPRIME_FUZZ_SEED`):
///
///     ZPRIME_FUZZ_CASES=20000 swift test --filter FuzzTests
///
/// A failure prints the case number, the command and the path of the mutated file (kept).
/// New commands are added as rows of ``modelTemplates`` (they receive the mutated file) or
/// ``commandTemplates`` (argument lists to mutate).
@Suite("Fuzzing the command line (exit-code contract)")
struct FuzzTests {
    static let defaultCases = 300
    /// Wall-clock bound of one run (debug build, two concurrent runs on two cores).
    static let timeBound: TimeInterval = 30

    /// Commands that take a (mutated) model file, written `FILE`.
    static let modelTemplates: [[String]] = [
        ["anomalies", "FILE"],
        ["anomalies", "FILE", "--format", "json"],
        ["model", "show", "FILE"],
        ["model", "show", "FILE", "--format", "json"],
        ["model", "show", "FILE", "--format", "toml"],
        ["couplings", "--model", "FILE", "--coupling", "1e-3", "--format", "json"],
        ["decays", "--model", "FILE", "--coupling", "1e-3", "--mass", "0.5", "--format", "json"],
        ["observables", "--model", "FILE", "--coupling", "1e-4", "--mass", "0.02", "--format", "json"],
    ]

    /// Command lines whose options are mutated (kept small: each valid run must finish quickly).
    static let commandTemplates: [[String]] = [
        ["atlas", "--max-charge", "3", "--quarks", "free", "--count", "--quiet"],
        ["atlas", "--max-charge", "2", "--quarks", "free", "--format", "json", "--quiet"],
        ["atlas", "--max-charge", "6", "--quarks", "universal", "--muoquark", "--format", "csv", "--quiet"],
        ["atlas", "--max-charge", "4", "--quarks", "two-plus-one", "--higgs-charge", "1", "--format", "jsonl", "--quiet"],
        ["atlas", "--max-charge", "3", "--quarks", "free", "--shard", "2/3", "--count", "--format", "json", "--quiet"],
        ["atlas", "--max-charge", "5", "--quarks", "universal", "--neutrinos", "2", "--category", "chiral", "--count", "--quiet"],
        ["decays", "--model", "B-L", "--mass", "0.5", "--coupling", "1e-3", "--format", "json"],
        ["decays", "--model", "dark-photon", "--masses", "0.001:10:20", "--kinetic-mixing", "1e-3", "--format", "csv"],
        ["decays", "--model", "Lmu-Ltau", "--mass", "0.05", "--energy", "10", "--dark-coupling", "1e-2", "--dark-mass", "0.01", "--format", "json"],
        ["decays", "--model", "B", "--mass", "3", "--coupling", "1e-2", "--invisible-width", "1e-9", "--format", "json"],
        ["couplings", "--model", "Lmu-Ltau", "--coupling", "5e-4", "--mass", "0.3", "--momentum-squared", "0.1", "--format", "json"],
        ["couplings", "--model", "B-L", "--coupling", "1e-4", "--kinetic-mixing", "-1e-4", "--neutrinos", "dirac", "--format", "json"],
        ["observables", "--model", "B-L", "--mass", "0.017", "--coupling", "1e-4", "--sigmas", "2", "--format", "json"],
        ["observables", "--model", "protophobic", "--mass", "0.017", "--coupling", "1e-3", "--nuclear-recoil-kev", "10", "--format", "json"],
        ["g2", "--lepton", "mu", "--boson-mass", "0.017", "--vector", "1e-3", "--axial", "1e-4", "--format", "json"],
        ["g2", "--lepton", "e", "--boson-mass", "1", "--scalar", "1e-3", "--internal-mass", "90", "--format", "json"],
    ]

    /// Values substituted into command lines.
    static let extremeValues = ["-9223372036854775808", "9223372036854775807", "18446744073709551616", "-1", "0", "1", "2", "x", "",
                                "1/0", "0/0", "3/2", "-0", "1e3", "nan", "inf", "--quiet", "free", "universal", "json", "12", "-3"]

    /// Fragments inserted into model files.
    static let tokens = ["[", "]", "[[", "]]", "{", "}", "\"", "'", "=", ",", ".", "\n", "\r", "\r\n", "#", "\\", "\t", "\u{0}",
                         "-9223372036854775808", "9223372036854775807", "18446744073709551616", "\"-9223372036854775808\"", "1/0", "\"1/0\"",
                         "\"1/7201\"", "7201", "1200", "\"7199/7200\"", "nan", "inf", "-inf", "1e999", "0.5", "null", "true", "[]", "{}",
                         "[[fermions]]\nname = \"F\"\nhypercharge = \"1/2\"\nisospin = 2\ncharge = 1\n", "[charges]", "[mixing]", "'''", "\"\"\"",
                         "\\u0000", "\\uD800", "\u{FEFF}", "é", "[>", "[!", "a.b.c", "copies = 12", "isospin = 12", "colour = \"8\""]

    /// The mutation seeds: example files and dumps of built-in models.
    static func seeds() throws -> [(text: String, ext: String)] {
        var seeds: [(String, String)] = []
        let examples = CLI.packageRoot.appendingPathComponent("Examples")
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted() where name.hasSuffix(".toml") || name.hasSuffix(".json") {
            seeds.append((try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8), (name as NSString).pathExtension))
        }
        for model in ["B-L", "b-l-vll", "Lmu-Ltau", "B"] {
            for format in ["toml", "json"] {
                let r = try CLI.run(["model", "show", model, "--format", format])
                if r.status == 0 { seeds.append((r.stdout, format)) }
            }
        }
        return seeds
    }

    struct Case: Sendable {
        let number: Int
        let arguments: [String]
        let file: String?
        let expectsJSON: Bool
    }

    /// Mutates `text` a few times.
    static func mutate(_ text: String, _ rng: inout SplitMix64) -> String {
        var bytes = Array(text.utf8)
        let rounds = 1 + Int(rng.next() % 4)
        for _ in 0..<rounds {
            let position = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count + 1))
            switch rng.next() % 9 {
            case 0: // insert a token
                bytes.insert(contentsOf: Array(tokens[Int(rng.next() % UInt64(tokens.count))].utf8), at: position)
            case 1: // delete a range
                if !bytes.isEmpty {
                    let end = min(bytes.count, position + 1 + Int(rng.next() % 40))
                    bytes.removeSubrange(min(position, end)..<end)
                }
            case 2: // flip a byte
                if position < bytes.count { bytes[position] = UInt8(truncatingIfNeeded: rng.next()) }
            case 3: // truncate
                bytes = Array(bytes.prefix(position))
            case 4: // duplicate a line many times
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                if let line = lines.randomElement(using: &rng) {
                    let copies = [2, 10, 1000, 20_000][Int(rng.next() % 4)]
                    bytes.insert(contentsOf: Array(String(repeating: line + "\n", count: copies).utf8), at: position)
                }
            case 5: // deep nesting
                let opener = ["[", "{\"a\":", "{a = ", "a."][Int(rng.next() % 4)]
                bytes.insert(contentsOf: Array(String(repeating: opener, count: [5, 40, 5000][Int(rng.next() % 3)]).utf8), at: position)
            case 6: // replace a number by an extreme
                if let digit = bytes[position...].firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                    var end = digit
                    while end < bytes.count, bytes[end] >= 0x30 && bytes[end] <= 0x39 { end += 1 }
                    let value = ["-9223372036854775808", "9223372036854775807", "7200", "1201", "0", "\"1/3\"", "1.5", "100000"][Int(rng.next() % 8)]
                    bytes.replaceSubrange(digit..<end, with: Array(value.utf8))
                }
            case 7: // CR line endings
                bytes = bytes.map { $0 == 0x0A ? 0x0D : $0 }
            default: // swap two lines
                var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                if lines.count > 2 {
                    let i = Int(rng.next() % UInt64(lines.count)), j = Int(rng.next() % UInt64(lines.count))
                    lines.swapAt(i, j)
                    bytes = Array(lines.joined(separator: "\n").utf8)
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func mutate(arguments: [String], _ rng: inout SplitMix64) -> [String] {
        var args = arguments
        let rounds = 1 + Int(rng.next() % 3)
        for _ in 0..<rounds {
            let i = 1 + Int(rng.next() % UInt64(max(1, args.count - 1)))
            guard i < args.count else { continue }
            switch rng.next() % 5 {
            case 0, 1: // a value replaced by an extreme (kept away from flags that make runs long)
                if !args[i].hasPrefix("--") { args[i] = extremeValues[Int(rng.next() % UInt64(extremeValues.count))] }
            case 2: args.remove(at: i)
            case 3: args.insert(args[i], at: i)
            default:
                let options = ["--shard", "--threads", "--neutrinos", "--higgs-charge", "--include-trivial", "--dirac", "--s1", "--format", "--limit"]
                args.insert(options[Int(rng.next() % UInt64(options.count))], at: i)
            }
        }
        // Keep valid runs quick: a valid --max-charge above 6 (a large but legitimate enumeration,
        // e.g. a sharded free count at 12) becomes 6; out-of-range values stay.
        for m in args.indices where args[m] == "--max-charge" && m + 1 < args.count {
            if let q = Int(args[m + 1]), q > 6, q <= 60 { args[m + 1] = "6" }
        }
        return args
    }

    @Test("mutated model files and command lines keep the exit-code contract")
    func fuzz() throws {
        let environment = ProcessInfo.processInfo.environment
        let cases = environment["ZPRIME_FUZZ_CASES"].flatMap(Int.init) ?? FuzzTests.defaultCases
        let seed = environment["ZPRIME_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x2F_5EED
        let seeds = try FuzzTests.seeds()
        #expect(seeds.count >= 6)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zprime-fuzz-\(seed)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)

        // Build every case first (deterministic), then run them two at a time.
        var rng = SplitMix64(seed: seed)
        var all: [Case] = []
        for number in 0..<cases {
            if rng.next() % 4 == 0 {
                let template = FuzzTests.commandTemplates[Int(rng.next() % UInt64(FuzzTests.commandTemplates.count))]
                let args = FuzzTests.mutate(arguments: template, &rng)
                all.append(Case(number: number, arguments: args, file: nil, expectsJSON: false))
            } else {
                let source = seeds[Int(rng.next() % UInt64(seeds.count))]
                let text = FuzzTests.mutate(source.text, &rng)
                let path = directory.appendingPathComponent("case-\(number).\(source.ext)").path
                try text.write(toFile: path, atomically: false, encoding: .utf8)
                let template = FuzzTests.modelTemplates[Int(rng.next() % UInt64(FuzzTests.modelTemplates.count))]
                let args = template.map { $0 == "FILE" ? path : $0 }
                all.append(Case(number: number, arguments: args, file: path, expectsJSON: args.contains("json")))
            }
        }
        let failures = FailureLog()
        let frozen = all
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            for c in frozen where c.number % 2 == lane {
                if let problem = FuzzTests.check(c) {
                    failures.add("case \(c.number): zprime \(c.arguments.joined(separator: " ")): \(problem)")
                } else if let file = c.file {
                    try? FileManager.default.removeItem(atPath: file)
                }
            }
        }
        for failure in failures.entries.prefix(20) { Issue.record(Comment(rawValue: failure)) }
        if failures.entries.isEmpty { try? FileManager.default.removeItem(at: directory) }
    }

    /// Runs one case; nil if it keeps the contract, else what went wrong.
    static func check(_ c: Case) -> String? {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = c.arguments
        process.currentDirectoryURL = CLI.packageRoot
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("zprime-fuzz-out-\(UUID().uuidString)")
        let errURL = outURL.appendingPathExtension("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outURL); try? FileManager.default.removeItem(at: errURL) }
        guard let out = try? FileHandle(forWritingTo: outURL), let err = try? FileHandle(forWritingTo: errURL) else { return "cannot capture output" }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        do { try process.run() } catch { return "cannot start: \(error)" }
        while process.isRunning {
            if Date().timeIntervalSince(start) > timeBound {
                process.terminate()
                process.waitUntilExit()
                return "no answer within \(Int(timeBound)) s"
            }
            usleep(2000)
        }
        try? out.close()
        try? err.close()
        let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        if process.terminationReason == .uncaughtSignal { return "killed by signal \(process.terminationStatus); stderr: \(stderr.prefix(300))" }
        let status = process.terminationStatus
        guard [0, 1, 2].contains(status) else { return "exit status \(status); stderr: \(stderr.prefix(300))" }
        if status == 2 {
            guard stderr.hasPrefix("error: ") else { return "exit 2 without 'error: ': \(stderr.prefix(300))" }
            guard stderr.utf8.count < 2048 else { return "exit 2 with \(stderr.utf8.count) bytes on stderr" }
            return nil
        }
        if let problem = nonFinite(in: stdout) { return problem }
        if c.expectsJSON && status != 2 {
            guard let object = try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) else { return "invalid JSON on stdout: \(stdout.prefix(200))" }
            if let key = numericNull(object) { return "null for the number '\(key)'" }
        }
        return nil
    }

    /// `nan` or `inf` as a number on stdout (the model's own name line is skipped).
    static func nonFinite(in stdout: String) -> String? {
        for line in stdout.split(separator: "\n") where !line.hasPrefix("Model ") && !line.contains("\"model\"") && !line.hasPrefix("name =") {
            // Quoted text (names, references, messages) is not a number: drop it before looking.
            var unquoted = "", inQuotes = false, escaped = false
            for character in line {
                if inQuotes {
                    if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inQuotes = false }
                } else if character == "\"" {
                    inQuotes = true
                } else {
                    unquoted.append(character)
                }
            }
            let lower = unquoted.lowercased()
            for word in ["nan", "inf", "infinity"] {
                var search = lower.startIndex
                while let range = lower.range(of: word, range: search..<lower.endIndex) {
                    let before = range.lowerBound == lower.startIndex ? " " : lower[lower.index(before: range.lowerBound)]
                    let after = range.upperBound == lower.endIndex ? " " : lower[range.upperBound]
                    if !(before.isLetter || before.isNumber || before == "_") && !(after.isLetter || after.isNumber || after == "_") && !line.contains("\"name\"") {
                        return "non-finite number on stdout: \(line.prefix(200))"
                    }
                    search = range.upperBound
                }
            }
        }
        return nil
    }

    /// Keys whose value may be null (they name things, not numbers).
    static let nullableKeys: Set<String> = ["scalar", "role", "named_model", "category"]

    /// The first key holding a null that is not a naming field, or nil.
    static func numericNull(_ value: Any, key: String = "") -> String? {
        if value is NSNull { return nullableKeys.contains(key) ? nil : key }
        if let object = value as? [String: Any] {
            for (k, v) in object { if let found = numericNull(v, key: k) { return found } }
        }
        if let array = value as? [Any] {
            for v in array { if let found = numericNull(v, key: key) { return found } }
        }
        return nil
    }
}

/// Failure messages collected from concurrent lanes.
final class FailureLog: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func add(_ entry: String) { lock.lock(); storage.append(entry); lock.unlock() }
    var entries: [String] { lock.lock(); defer { lock.unlock() }; return storage }
}

/// A seeded generator so that every fuzz run is reproducible (SplitMix64, Steele et al. 2014).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
