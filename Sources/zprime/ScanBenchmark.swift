import Foundation
import ZPrimeKit

/// `zprime scan --model M --benchmark`: points per second of a full scan of the model (every
/// column of the scan's evaluator, stored; the README quotes B-L), against baselines measured in the same run: the same points
/// computed the way one `zprime observables` call computes a point (everything rebuilt per point,
/// one thread, no store), one `zprime observables` process per point (what a shell loop does), and
/// the scan engine on one thread. Each engine run is a child process, so
/// its peak memory is its own; a run with 4x the points shows whether memory grows with the scan.
enum ScanBenchmark {
    struct Child {
        let points: Int
        /// Wall-clock seconds of the scan inside the child (start-up excluded).
        let seconds: Double
        /// CPU seconds (user + system) of the whole child.
        let cpuSeconds: Double
        let peakMegabytes: Double
    }

    static func cpuSeconds(_ who: Int32) -> Double {
        var usage = rusage()
        getrusage(who, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func axes(_ nx: Int, _ ny: Int) -> (String, String) { ("mass:1e-3:1:\(nx):log", "coupling:1e-6:1e-2:\(ny):log") }

    /// Runs `zprime scan` as a child process into `path` and reads its JSON summary.
    static func child(model: String, nx: Int, ny: Int, threads: Int, path: String) throws -> Child {
        let (x, y) = axes(nx, ny)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        process.arguments = ["scan", "--model", model, "--x", x, "--y", y, "--output", path, "--threads", "\(threads)", "--quiet", "--format", "json", "--overwrite"]
        let pipe = Pipe()
        process.standardOutput = pipe
        let cpuBefore = cpuSeconds(RUSAGE_CHILDREN.rawValue)
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let seconds = object["seconds"] as? Double, let points = object["evaluated"] as? Int else {
            throw BadInput("benchmark child process failed (status \(process.terminationStatus))")
        }
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Child(points: points, seconds: seconds, cpuSeconds: cpuSeconds(RUSAGE_CHILDREN.rawValue) - cpuBefore,
                     peakMegabytes: Double(usage.ru_maxrss) / 1024)
    }

    static func run(model: String, threads: Int) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zprime-scan-benchmark-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (nx, ny) = (100, 80)

        // Baseline: every point as `zprime observables` computes it (report, couplings and their
        // problems rebuilt per point), one thread, nothing stored.
        let (x, y) = axes(nx, ny)
        let base = try PointRequest(model: try ModelReference.resolve(model), mass: nil).resolve(requireMass: false).point
        let specification = try ScanSpecification(base: base, x: try ScanAxis(parsing: x, role: .x), y: try ScanAxis(parsing: y, role: .y))
        // The best of three runs of each measurement (the machine may be shared).
        var baselineSeconds = Double.infinity, baselineCPU = Double.infinity
        var checksum = 0.0
        for _ in 0..<3 {
            let start = Date()
            let cpuStart = cpuSeconds(RUSAGE_SELF.rawValue)
            for index in 0..<specification.pointCount {
                let point = try specification.point(at: index)
                let report = try ObservableReport(point: point)
                let calculator = try CouplingCalculator(point: point)
                checksum += report.predictions[0].value + Double((calculator.problems() + report.problems).count)
            }
            baselineSeconds = min(baselineSeconds, Date().timeIntervalSince(start))
            baselineCPU = min(baselineCPU, cpuSeconds(RUSAGE_SELF.rawValue) - cpuStart)
        }
        let baselineRate = Double(specification.pointCount) / baselineSeconds
        let baselineCPURate = Double(specification.pointCount) / baselineCPU

        // Baseline 2: what a shell loop does without the scan engine, one `zprime observables`
        // process per point (on 40 points of the grid, spread over it).
        let sample = stride(from: 0, to: specification.pointCount, by: specification.pointCount / 40).prefix(40).map { $0 }
        let processStart = Date()
        let processCPUBefore = cpuSeconds(RUSAGE_CHILDREN.rawValue)
        for index in sample {
            let point = try specification.point(at: index)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
            var arguments = ["observables", "--model", model, "--mass", "\(point.mass)", "--format", "json"]
            if point.model.isU1Charged { arguments += ["--coupling", "\(point.coupling)"] } else { arguments += ["--kinetic-mixing", "\(point.modelCoupling)"] }
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw BadInput("benchmark: zprime \(arguments.joined(separator: " ")) failed") }
        }
        let processSeconds = Date().timeIntervalSince(processStart)
        let processCPU = cpuSeconds(RUSAGE_CHILDREN.rawValue) - processCPUBefore

        func best(threads: Int, path: String) throws -> Child {
            let runs = try (0..<3).map { _ in try child(model: model, nx: nx, ny: ny, threads: threads, path: path) }
            let fastest = runs.min { $0.seconds < $1.seconds }!
            return Child(points: fastest.points, seconds: fastest.seconds, cpuSeconds: runs.map(\.cpuSeconds).min()!, peakMegabytes: fastest.peakMegabytes)
        }
        let one = try best(threads: 1, path: directory.appendingPathComponent("one.sqlite").path)
        let all = try best(threads: threads, path: directory.appendingPathComponent("all.sqlite").path)
        let large = try child(model: model, nx: 2 * nx, ny: 2 * ny, threads: threads, path: directory.appendingPathComponent("large.sqlite").path)
        var exports: [String] = []
        for name in ["one", "all"] {
            var text = ""
            try ScanExport.export(path: directory.appendingPathComponent("\(name).sqlite").path, format: .csv) { text += $0 }
            exports.append(text)
        }
        func rate(_ c: Child) -> Double { Double(c.points) / c.seconds }
        func cpuRate(_ c: Child) -> Double { Double(c.points) / c.cpuSeconds }
        var table = TextTable(["run", "points", "wall s", "points/s", "vs baseline", "CPU s", "points/CPU-s", "vs baseline", "peak MB"])
        table.add(["baseline: library loop, `observables` work per point, 1 thread, no store", "\(specification.pointCount)", String(format: "%.3f", baselineSeconds),
                   String(format: "%.0f", baselineRate), "1.00x", String(format: "%.3f", baselineCPU), String(format: "%.0f", baselineCPURate), "1.00x", "-"])
        table.add(["baseline: one `zprime observables` process per point", "\(sample.count)", String(format: "%.3f", processSeconds),
                   String(format: "%.0f", Double(sample.count) / processSeconds), String(format: "%.3fx", Double(sample.count) / processSeconds / baselineRate),
                   String(format: "%.3f", processCPU), String(format: "%.0f", Double(sample.count) / processCPU),
                   String(format: "%.3fx", Double(sample.count) / processCPU / baselineCPURate), "-"])
        for (label, c) in [("scan, 1 thread, stored", one), ("scan, \(threads) threads, stored", all), ("scan, \(threads) threads, 4x the points", large)] {
            table.add([label, "\(c.points)", String(format: "%.3f", c.seconds), String(format: "%.0f", rate(c)), String(format: "%.2fx", rate(c) / baselineRate),
                       String(format: "%.3f", c.cpuSeconds), String(format: "%.0f", cpuRate(c)), String(format: "%.2fx", cpuRate(c) / baselineCPURate),
                       String(format: "%.1f", c.peakMegabytes)])
        }
        var load = [Double](repeating: 0, count: 3)
        let loadText = getloadavg(&load, 3) == 3 ? String(format: "%.2f", load[0]) : "unknown"
        Console.out("Scan benchmark: model \(model), mass 1e-3..1 GeV x coupling 1e-6..1e-2 (log), every column of the scan evaluator (\(try ScanCommand.evaluator(settings: ObservableSettings()).columns.count))")
        Console.out(table.rendered())
        Console.out("Best of three runs (the process-per-point and 4x runs once). CPU seconds of a child include its start-up (about 0.02 s); peak MB is the largest child so far (a child that does not grow past an earlier one repeats its figure).")
        Console.out("load average \(loadText) on \(ProcessInfo.processInfo.activeProcessorCount) processors: wall-clock rates and the gain from threads are only meaningful on an idle machine")
        let perProcess = Double(sample.count) / processSeconds
        Console.out(String(format: "scan on %d threads against one process per point: %.0fx the points per second (wall), %.0fx per CPU second",
                           threads, rate(all) / perProcess, cpuRate(all) / (Double(sample.count) / processCPU)))
        Console.out("rows identical on 1 and \(threads) threads: \(exports[0] == exports[1] ? "yes" : "NO")")
        if checksum.isNaN { Console.out("(checksum NaN)") }
    }
}
