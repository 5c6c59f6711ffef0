import Foundation
import ZPrimeKit

/// `zprime scan --model M --benchmark`: points per second of a full scan of the model (every
/// column of the scan's evaluator, stored; the README quotes B-L), against baselines measured in the same run: the same points
/// computed the way one `zprime observables` call computes a point (everything rebuilt per point,
/// one thread, no store), one `zprime observables` process per point (what a shell loop does), and
/// the scan engine on one thread. Each engine run is a child process whose own CPU time and peak
/// memory are read with `wait4`; runs with 4x and 16x the points show whether memory grows with the
/// scan.
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
        return cpuSeconds(usage)
    }

    static func cpuSeconds(_ usage: rusage) -> Double {
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func axes(_ nx: Int, _ ny: Int) -> (String, String) { ("mass:1e-3:1:\(nx):log", "coupling:1e-6:1e-2:\(ny):log") }

    /// Runs this executable with `arguments` as a child process and returns its exit status, its
    /// standard output and its own resource usage (`wait4`: CPU and peak resident memory of this
    /// child alone, which Foundation's `Process` does not give).
    static func spawn(_ arguments: [String]) throws -> (status: Int32, output: Data, usage: rusage) {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw BadInput("benchmark: cannot create a pipe") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(fds[1])
        guard code == 0 else { close(fds[0]); throw BadInput("benchmark: cannot start \(executable) (error \(code))") }
        let output = FileHandle(fileDescriptor: fds[0], closeOnDealloc: true).readDataToEndOfFile()
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        // WIFEXITED/WEXITSTATUS: the low 7 bits are the signal, the next 8 the exit status.
        let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
        return (exitStatus, output, usage)
    }

    /// Runs `zprime scan` as a child process into `path` and reads its JSON summary.
    static func child(model: String, nx: Int, ny: Int, threads: Int, path: String) throws -> Child {
        let (x, y) = axes(nx, ny)
        let run = try spawn(["scan", "--model", model, "--x", x, "--y", y, "--output", path, "--threads", "\(threads)", "--quiet", "--format", "json", "--overwrite"])
        guard run.status == 0, let object = try JSONSerialization.jsonObject(with: run.output) as? [String: Any],
              let seconds = object["seconds"] as? Double, let points = object["evaluated"] as? Int else {
            throw BadInput("benchmark child process failed (status \(run.status))")
        }
        // ru_maxrss is in kilobytes on Linux.
        return Child(points: points, seconds: seconds, cpuSeconds: cpuSeconds(run.usage), peakMegabytes: Double(run.usage.ru_maxrss) / 1024)
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
        // The scan's evaluator alone on the same points, in this process, one thread, nothing stored:
        // the difference to the stored scan is the engine's own cost (point construction, store).
        let evaluator = try ScanCommand.evaluator(settings: ObservableSettings())
        // The best of three runs of each measurement, interleaved (the machine may be shared).
        var baselineSeconds = Double.infinity, baselineCPU = Double.infinity
        var evaluatorSeconds = Double.infinity, evaluatorCPU = Double.infinity
        var checksum = 0.0
        for _ in 0..<3 {
            var start = Date()
            var cpuStart = cpuSeconds(RUSAGE_SELF.rawValue)
            for index in 0..<specification.pointCount {
                let point = try specification.point(at: index)
                let report = try ObservableReport(point: point)
                let calculator = try CouplingCalculator(point: point)
                checksum += report.predictions[0].value + Double((calculator.problems() + report.problems).count)
            }
            baselineSeconds = min(baselineSeconds, Date().timeIntervalSince(start))
            baselineCPU = min(baselineCPU, cpuSeconds(RUSAGE_SELF.rawValue) - cpuStart)
            start = Date()
            cpuStart = cpuSeconds(RUSAGE_SELF.rawValue)
            for index in 0..<specification.pointCount {
                let row = try evaluator.evaluate(try specification.point(at: index))
                checksum += row.cells[0].number ?? 0
            }
            evaluatorSeconds = min(evaluatorSeconds, Date().timeIntervalSince(start))
            evaluatorCPU = min(evaluatorCPU, cpuSeconds(RUSAGE_SELF.rawValue) - cpuStart)
        }
        let baselineRate = Double(specification.pointCount) / baselineSeconds
        let baselineCPURate = Double(specification.pointCount) / baselineCPU

        // Baseline 2: what a shell loop does without the scan engine, one `zprime observables`
        // process per point (on 40 points of the grid, spread over it).
        let sample = stride(from: 0, to: specification.pointCount, by: specification.pointCount / 40).prefix(40).map { $0 }
        let processStart = Date()
        var processCPU = 0.0
        for index in sample {
            let point = try specification.point(at: index)
            var arguments = ["observables", "--model", model, "--mass", "\(point.mass)", "--format", "json"]
            if point.model.isU1Charged { arguments += ["--coupling", "\(point.coupling)"] } else { arguments += ["--kinetic-mixing", "\(point.modelCoupling)"] }
            let run = try spawn(arguments)
            guard run.status == 0 else { throw BadInput("benchmark: zprime \(arguments.joined(separator: " ")) failed") }
            processCPU += cpuSeconds(run.usage)
        }
        let processSeconds = Date().timeIntervalSince(processStart)

        func best(threads: Int, path: String) throws -> Child {
            let runs = try (0..<3).map { _ in try child(model: model, nx: nx, ny: ny, threads: threads, path: path) }
            let fastest = runs.min { $0.seconds < $1.seconds }!
            return Child(points: fastest.points, seconds: fastest.seconds, cpuSeconds: runs.map(\.cpuSeconds).min()!, peakMegabytes: fastest.peakMegabytes)
        }
        let one = try best(threads: 1, path: directory.appendingPathComponent("one.sqlite").path)
        let all = try best(threads: threads, path: directory.appendingPathComponent("all.sqlite").path)
        let large = try child(model: model, nx: 2 * nx, ny: 2 * ny, threads: threads, path: directory.appendingPathComponent("large.sqlite").path)
        let huge = try child(model: model, nx: 4 * nx, ny: 4 * ny, threads: threads, path: directory.appendingPathComponent("huge.sqlite").path)
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
        table.add(["the scan's evaluator alone, in process, 1 thread, no store", "\(specification.pointCount)", String(format: "%.3f", evaluatorSeconds),
                   String(format: "%.0f", Double(specification.pointCount) / evaluatorSeconds), String(format: "%.2fx", baselineSeconds / evaluatorSeconds),
                   String(format: "%.3f", evaluatorCPU), String(format: "%.0f", Double(specification.pointCount) / evaluatorCPU),
                   String(format: "%.2fx", baselineCPU / evaluatorCPU), "-"])
        table.add(["baseline: one `zprime observables` process per point", "\(sample.count)", String(format: "%.3f", processSeconds),
                   String(format: "%.0f", Double(sample.count) / processSeconds), String(format: "%.3fx", Double(sample.count) / processSeconds / baselineRate),
                   String(format: "%.3f", processCPU), String(format: "%.0f", Double(sample.count) / processCPU),
                   String(format: "%.3fx", Double(sample.count) / processCPU / baselineCPURate), "-"])
        for (label, c) in [("scan, 1 thread, stored", one), ("scan, \(threads) threads, stored", all), ("scan, \(threads) threads, 4x the points", large), ("scan, \(threads) threads, 16x the points", huge)] {
            table.add([label, "\(c.points)", String(format: "%.3f", c.seconds), String(format: "%.0f", rate(c)), String(format: "%.2fx", rate(c) / baselineRate),
                       String(format: "%.3f", c.cpuSeconds), String(format: "%.0f", cpuRate(c)), String(format: "%.2fx", cpuRate(c) / baselineCPURate),
                       String(format: "%.1f", c.peakMegabytes)])
        }
        var load = [Double](repeating: 0, count: 3)
        let loadText = getloadavg(&load, 3) == 3 ? String(format: "%.2f", load[0]) : "unknown"
        Console.out("Scan benchmark: model \(model), mass 1e-3..1 GeV x coupling 1e-6..1e-2 (log), every column of the scan evaluator (\(evaluator.columns.count))")
        Console.out(table.rendered())
        Console.out("Best of three runs (the process-per-point, 4x and 16x runs once). CPU seconds and peak resident memory are each child's own (wait4); a child's CPU seconds include its start-up (about 0.02 s).")
        Console.out("load average \(loadText) on \(ProcessInfo.processInfo.activeProcessorCount) processors: wall-clock rates and the gain from threads are only meaningful on an idle machine")
        let perProcess = Double(sample.count) / processSeconds
        Console.out(String(format: "scan on %d threads against one process per point: %.0fx the points per second (wall), %.0fx per CPU second",
                           threads, rate(all) / perProcess, cpuRate(all) / (Double(sample.count) / processCPU)))
        Console.out("rows identical on 1 and \(threads) threads: \(exports[0] == exports[1] ? "yes" : "NO")")
        if checksum.isNaN { Console.out("(checksum NaN)") }
    }
}
