import ArgumentParser
import Foundation
import ZPrimeKit

/// `zprime analyze MODEL`: the main job — the exclusion plane, the plot and the report of one model.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "The main job: a model's exclusion plane with the g-2 and X17 bands, a plot and a report.",
        discussion: """
        Recasts every experimental limit to the model (the method of arXiv:1801.04847), computes the \
        g-2, parity-violation and ATOMKI constraints for it, and writes to the output folder: \
        report.md (the model and its anomaly check, couplings, decays and lifetime at the benchmark, \
        observables against data, every limit that excludes the benchmark and by what factor, the \
        surviving window as mass ranges with coupling ranges), plot.svg (and plot.png, plot.pdf when \
        rsvg-convert is installed) and results.json with every number. The files are written under \
        temporary names and renamed into place.
        Without --mass and --coupling the benchmark is the X17 point for a model that reaches the ATOMKI \
        band in the plane, else the (g-2)_mu point of the dataset (where the band survives), else the \
        middle of the largest surviving window; the report says which.
        Examples:
          zprime analyze b-l-vll
          zprime analyze Lmu-Ltau --dataset 2021 --output lmu-ltau
          zprime analyze protophobic --masses 0.005:0.05 --couplings 1e-5:1e-2
          zprime analyze B-L --mixing-ratio 1 --mass 0.017 --coupling 4e-4
        Exit status: 0 the analysis was written, 2 bad input (unknown model, empty or inverted range, \
        unwritable output folder).
        """
    )

    @Argument(help: "A built-in model name (zprime models) or a .toml/.json model file.")
    var model: String

    @OptionGroup var choices: PointChoices
    @OptionGroup var dark: DarkSectorOptions

    @Option(name: .long, parsing: .unconditional, help: "Benchmark mass in GeV (with --coupling; default: chosen, see above).")
    var mass: Double?

    @Option(name: .long, help: "Boson masses of the plane, LOWER:UPPER in GeV (default by model, e.g. 0.001:10).")
    var masses: String?

    @Option(name: .long, help: "Couplings of the plane, LOWER:UPPER on the model's axis (g_X, or eps for the dark photon).")
    var couplings: String?

    @Option(name: .customLong("mass-points"), help: "Log-spaced masses of the window grid and the computed constraints (default 121).")
    var massPoints: Int = 121

    @Option(name: .long, help: "Muon g-2 dataset: 2006, 2021, 2023 or 2025 (default: newest).")
    var dataset: String?

    @Option(name: .customLong("electron-dataset"), help: "Electron g-2 dataset: cs2018 or rb2020 (default: newest).")
    var electronDataset: String?

    @Option(name: .long, parsing: .unconditional, help: "Standard deviations of the bands and the g-2/X17 exclusions (default 2; the plot adds the 1 sigma band).")
    var sigmas: Double = 2

    @Flag(name: .long, inversion: .prefixedNo,
          help: "Include the Delta N_eff bounds of Planck 2018 and BBN 2020 (an evolution of the plasma per coupling: about twice the time; --no-cosmology leaves them out).")
    var cosmology = true

    @Option(name: .long, help: "Output folder (default zprime-analysis/MODEL); created if missing, its report files replaced.")
    var output: String?

    func run() throws {
        let start = Date()
        guard sigmas.isFinite, sigmas > 0, sigmas <= 10 else { throw BadInput("--sigmas \(sigmas): must be finite, > 0 and <= 10") }
        let benchmarkGiven = mass != nil
        if mass == nil, let coupling = choices.coupling {
            throw BadInput("--coupling \(coupling): give the benchmark's mass too (--mass), or neither")
        }
        if mass != nil, choices.coupling == nil, choices.kineticMixing == nil {
            throw BadInput("--mass \(mass!): give the benchmark's coupling too (--coupling, or --kinetic-mixing for the dark photon)")
        }
        if let mass { guard mass.isFinite, mass > 0, mass <= ParameterPoint.maximumMass else {
            throw BadInput("--mass \(mass): must be finite, > 0 and <= \(ParameterPoint.maximumMass) GeV")
        } }
        let point = try choices.point(model: model, mass: mass ?? 0.01, darkSector: try dark.darkSector(),
                                      datasets: DatasetSelection(muon: dataset, electron: electronDataset))
        var plane = AnalysisPlane.standard(for: point.model)
        if let masses { plane.masses = try Self.range(masses, option: "--masses") }
        if let couplings { plane.couplings = try Self.range(couplings, option: "--couplings") }
        plane.massPoints = massPoints
        do { try plane.validate() } catch {
            let option = error.parameter == .mass ? "--masses" : error.parameter == .coupling ? "--couplings" : "--mass-points"
            throw BadInput("\(option) \(error.value ?? ""): \(error.message)")
        }
        if benchmarkGiven {
            guard plane.masses.contains(point.mass) else {
                throw BadInput("--mass \(point.mass): outside the plane's masses \(plane.masses.lowerBound):\(plane.masses.upperBound) (set --masses)")
            }
        }
        let folder = URL(fileURLWithPath: output ?? "zprime-analysis/" + Self.folderName(point.model.name))
        let staging = try Self.stagingFolder(for: folder)
        defer { try? FileManager.default.removeItem(at: staging) }

        let result = try Analysis.run(point: point, plane: plane, benchmarkGiven: benchmarkGiven, sigmas: sigmas, cosmology: cosmology)
        let computed = Date().timeIntervalSince(start)
        let svg = try result.exclusionPlot().svg()
        var written = ["report.md", "results.json", "plot.svg"]
        try Rendering.writeSVG(svg, to: staging.appendingPathComponent("plot.svg"))
        var notes: [String] = []
        if Rendering.converter() != nil {
            try Rendering.png(svg: svg, to: staging.appendingPathComponent("plot.png"), width: 1520)
            try Rendering.pdf(svg: svg, to: staging.appendingPathComponent("plot.pdf"))
            written += ["plot.png", "plot.pdf"]
        } else {
            notes.append(Rendering.missingConverter.message)
        }
        try Data(result.markdown(plotFile: written.contains("plot.png") ? "plot.png" : "plot.svg").utf8)
            .write(to: staging.appendingPathComponent("report.md"))
        try Data((AnalysisJSON.document(result).serialized() + "\n").utf8).write(to: staging.appendingPathComponent("results.json"))
        try Self.publish(staging, into: folder, files: written)

        Console.out(Self.summary(result, folder: folder, files: written))
        for note in notes { Console.error("note: " + note) }
        Console.error(String(format: "analysis %.2f s, with the plot and the files %.2f s", computed, Date().timeIntervalSince(start)))
    }

    /// Parses LOWER:UPPER.
    static func range(_ text: String, option: String) throws -> ClosedRange<Double> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let lower = parts[0], let upper = parts[1], lower.isFinite, upper.isFinite else {
            throw BadInput("\(option) \(text): give LOWER:UPPER, two finite numbers")
        }
        guard lower > 0 else { throw BadInput("\(option) \(text): the lower end must be > 0 (log axis)") }
        guard upper > lower else { throw BadInput("\(option) \(text): the range is empty or inverted: give LOWER:UPPER with LOWER < UPPER") }
        return lower...upper
    }

    /// A folder name from a model name (letters, digits, '-', '_', '.').
    static func folderName(_ name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        let cleaned = String(name.map { allowed.contains($0) ? $0 : "_" })
        return cleaned.isEmpty || cleaned.hasPrefix(".") ? "model" : cleaned
    }

    /// A fresh temporary folder next to `folder` (so the final renames stay on one file system).
    static func stagingFolder(for folder: URL) throws -> URL {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw BadInput("--output \(folder.path): exists and is not a folder")
        }
        let parent = folder.deletingLastPathComponent()
        do { try fm.createDirectory(at: parent, withIntermediateDirectories: true) } catch {
            throw BadInput("--output \(folder.path): cannot create the folder \(parent.path) (\(error.localizedDescription))")
        }
        let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).partial-\(getpid())")
        try? fm.removeItem(at: staging)
        do { try fm.createDirectory(at: staging, withIntermediateDirectories: false) } catch {
            throw BadInput("--output \(folder.path): cannot write in \(parent.path) (\(error.localizedDescription))")
        }
        guard access(staging.path, W_OK) == 0 else { throw BadInput("--output \(folder.path): cannot write in \(parent.path)") }
        return staging
    }

    /// Moves the finished files into `folder`, each by rename (a reader never sees half a file).
    static func publish(_ staging: URL, into folder: URL, files: [String]) throws {
        let fm = FileManager.default
        do { try fm.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw BadInput("--output \(folder.path): cannot create it (\(error.localizedDescription))")
        }
        for file in files {
            guard rename(staging.appendingPathComponent(file).path, folder.appendingPathComponent(file).path) == 0 else {
                throw BadInput("--output \(folder.path): cannot write \(file) (\(String(cString: strerror(errno))))")
            }
        }
    }

    /// The terminal summary.
    static func summary(_ result: AnalysisResult, folder: URL, files: [String]) -> String {
        let f = Analysis.format
        let axis = result.point.couplingAxis == .kineticMixing ? "eps" : "g_X"
        var lines = ["\(result.point.model.name): \(result.anomalies.map { $0.isAnomalyFree ? "anomaly free" : "NOT anomaly free" } ?? "anomalies not checked")"]
        lines.append("benchmark m = \(f(result.benchmark.mass * 1e3)) MeV, \(axis) = \(f(result.benchmark.coupling)) (\(result.benchmark.reason))")
        let decays = result.observables.decays
        lines.append("  width \(f(decays.total)) GeV, lifetime \(f(decays.lifetimeSeconds)) s")
        let excluding = result.excluding
        if excluding.isEmpty {
            lines.append("  allowed by every limit and constraint")
        } else {
            lines.append("  excluded by \(excluding.count): " + excluding.prefix(4).map { "\($0.info.name) (x\(f($0.result.ratio ?? .nan)))" }.joined(separator: ", ")
                         + (excluding.count > 4 ? ", ..." : ""))
        }
        let windows = result.windows
        lines.append("surviving window: " + (windows.isEmpty ? "none" : windows.prefix(3).map {
            "\(f($0.masses.lowerBound))-\(f($0.masses.upperBound)) GeV at \(axis) \(f($0.couplings.lowerBound))-\(f($0.couplings.upperBound))" }.joined(separator: "; ")
            + (windows.count > 3 ? "; ... (\(windows.count) ranges)" : "")))
        if result.map.bands.contains(where: { $0.info.name == "g2_mu_band" }) {
            let runs = result.bandWindows
            lines.append("(g-2)_mu band (\(result.muonDataset.name), \(f(result.sigmas)) sigma) survives: " + (runs.isEmpty ? "nowhere" : runs.map {
                "\(f($0.masses.lowerBound * 1e3))-\(f($0.masses.upperBound * 1e3)) MeV" }.joined(separator: ", ")))
        } else {
            lines.append("(g-2)_mu: the \(result.muonDataset.name) dataset prefers no band")
        }
        lines.append("wrote " + files.map { folder.appendingPathComponent($0).path }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}
