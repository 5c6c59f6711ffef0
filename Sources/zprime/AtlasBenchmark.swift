import Foundation
import ZPrimeKit

/// `zprime atlas --benchmark`: times the atlas at three charge limits, each run in a child process
/// (so that its peak memory is measured on its own), against baselines measured in the same run:
/// the same count on one thread, and the full enumeration (every solution built and classified).
enum AtlasBenchmark {
    struct Measurement {
        let count: Int
        let seconds: Double
        let peakMegabytes: Double
    }

    /// Runs `zprime atlas ... --count --quiet --format json` as a child and measures it.
    static func measure(_ c: AtlasConfiguration, threads: Int, enumerate: Bool) throws -> Measurement {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        var arguments = ["atlas", "--max-charge", "\(c.maxCharge)", "--quarks", c.quarkMode.rawValue, "--neutrinos", "\(c.neutrinoCount)",
                         "--higgs-charge", "\(c.higgsCharge)", "--threads", "\(threads)", "--quiet", "--format", "json"]
        if c.includeTrivial { arguments.append("--include-trivial") }
        // The enumeration baseline: a trivially true filter forces every solution to be built and classified.
        arguments += enumerate ? ["--count", "--category", "vector"] : ["--count"]
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        let start = Date()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        guard process.terminationStatus == 0,
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let count = object["count"] as? Int else {
            throw BadInput("benchmark child process failed (status \(process.terminationStatus))")
        }
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Measurement(count: count, seconds: seconds, peakMegabytes: Double(usage.ru_maxrss) / 1024)
    }

    static func run(configuration: AtlasConfiguration, threads: Int, format: AtlasFormat) throws {
        let limits = Array(max(1, configuration.maxCharge - 2)...configuration.maxCharge)
        var rows: [JSONOutput] = []
        var table = TextTable(["Q_max", "solutions", "wall [s]", "peak RSS [MB]", "solutions/s", "1 thread [s]", "speed-up",
                               "enumerate+classify [s]", "ratio"])
        for q in limits {
            var c = configuration
            c.maxCharge = q
            let fast = try measure(c, threads: threads, enumerate: false)
            let single = try measure(c, threads: 1, enumerate: false)
            let full = try measure(c, threads: threads, enumerate: true)
            let rate = Double(fast.count) / fast.seconds
            table.add(["\(q)", "\(fast.count)", String(format: "%.3f", fast.seconds), String(format: "%.0f", fast.peakMegabytes),
                       String(format: "%.3g", rate), String(format: "%.3f", single.seconds), String(format: "%.2f", single.seconds / fast.seconds),
                       String(format: "%.3f", full.seconds), String(format: "%.2f", full.seconds / fast.seconds)])
            rows.append(.object([
                ("max_charge", .integer(q)), ("count", .integer(fast.count)), ("seconds", .number(fast.seconds)),
                ("peak_rss_megabytes_so_far", .number(fast.peakMegabytes)), ("solutions_per_second", .number(rate)),
                ("single_thread_seconds", .number(single.seconds)), ("enumerate_and_classify_seconds", .number(full.seconds)),
                ("enumerated_vector_solutions", .integer(full.count)),
            ]))
        }
        switch format {
        case .json, .jsonl:
            Console.out(JSONOutput.object([("configuration", AtlasOutput.configurationJSON(configuration)), ("threads", .integer(threads)),
                                           ("runs", .array(rows))]).serialized())
        case .table, .csv:
            Console.out("Atlas benchmark (\(configuration.quarkMode.rawValue), n = \(configuration.neutrinoCount), \(threads) threads; every run a child process)")
            Console.out(table.rendered(indent: 0))
            Console.out("speed-up = 1-thread time / \(threads)-thread time; ratio = time to build and classify every solution / count time.")
            Console.out("Peak RSS is the largest child so far (getrusage RUSAGE_CHILDREN).")
        }
    }
}
