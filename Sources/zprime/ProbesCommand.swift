import ArgumentParser
import Foundation
import ZPrimeKit

/// `zprime probes`: the muon-beam, trident and cosmology constraints over a mass grid, and the
/// Z' couplings to the neutrino mass eigenstates.
struct ProbesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probes",
        abstract: "NA64mu, CCFR trident and N_eff constraints over masses next to the (g-2)_mu band; Z' couplings to neutrino mass eigenstates.",
        subcommands: [ProbeCurvesCommand.self, NeutrinoCouplingsCommand.self]
    )
}

/// `zprime probes curves`.
struct ProbeCurvesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curves",
        abstract: "Excluded couplings of NA64mu (2022 run and proposal), CCFR and N_eff (Planck 2018, BBN) on a mass grid, with the (g-2)_mu band.",
        discussion: """
        For each mass: the (g-2)_mu band of the model's coupling (--dataset, default 2021: the historic \
        anomaly) at --sigmas, and the coupling intervals each constraint excludes (NA64mu expected \
        exclusions with unit efficiency; see `zprime na64mu`, `zprime trident`, `zprime neff`). The \
        surviving band is what no constraint excludes. --format svg draws the plane (log axes).
        Exit status: 0 success, 2 bad input.
        """
    )

    @OptionGroup var parameters: PointOptions

    @Option(name: .long, help: "Masses A:B:N (from A to B GeV, N log-spaced points; N <= 200).")
    var masses: String = "0.001:1:16"

    @Option(name: .long, help: "Muon g-2 dataset of the band: 2006, 2021 (default), 2023 or 2025.")
    var dataset: String = "2021"

    @Option(name: .long, parsing: .unconditional, help: "Standard deviations of the g-2 band (default 2).")
    var sigmas: Double = 2

    @Option(name: .long, help: "Constraints to compute (comma-separated names; default all): NA64mu_2024, NA64mu_NA64mu_proposal, CCFR_trident, Neff_Planck2018, Neff_BBN2020.")
    var constraints: String?

    @Option(name: .long, help: "Output format: json, csv or svg.")
    var format: CurveFormat = .json

    enum CurveFormat: String, ExpressibleByArgument, CaseIterable { case json, csv, svg }

    static let available: [any ProbeConstraint] = [NA64muConstraint(), NA64muConstraint(setup: .seedProposal), CCFRTridentConstraint(),
                                                   EffectiveNeutrinoNumberConstraint.planck2018, EffectiveNeutrinoNumberConstraint.bbn2020]

    func run() throws {
        guard let selection = try MassSelection.parse(mass: nil, masses: masses, required: true), selection.masses.count <= 200 else {
            throw BadInput("--masses \(masses): at most 200 masses")
        }
        guard sigmas.isFinite, sigmas > 0, sigmas <= 100 else { throw BadInput("--sigmas \(sigmas): must be finite, > 0 and <= 100") }
        var chosen = Self.available
        if let constraints {
            let names = constraints.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            chosen = try names.map { name in
                guard let c = Self.available.first(where: { $0.info.name.lowercased() == name.lowercased() }) else {
                    throw BadInput("--constraints \(name): unknown constraint (known: \(Self.available.map(\.info.name).joined(separator: ", ")))")
                }
                return c
            }
        }
        let point = try parameters.point(mass: selection.masses[0], datasets: DatasetSelection(muon: dataset))
        let curves = try ProbeCurves(point: point, masses: selection.masses, constraints: chosen, sigmas: sigmas)
        switch format {
        case .json: Console.out(json(curves, point: point, constraints: chosen).serialized())
        case .csv: Console.out(csv(curves))
        case .svg: Console.out(ProbeFigure.svg(curves, title: "\(point.model.name): (g-2)_mu band (\(curves.dataset), \(NumberText.short(sigmas)) sigma) and probes"))
        }
    }

    func json(_ curves: ProbeCurves, point: ParameterPoint, constraints: [any ProbeConstraint]) -> JSONOutput {
        let rows: [JSONOutput] = curves.rows.map { row in
            var entries: [(String, JSONOutput)] = [("mass", .number(row.mass))]
            entries.append(("g2_band", row.band.map { .object([("lower", .number($0.lowerBound)), ("upper", .number($0.upperBound))]) }
                            ?? .object([("outcome", .string("no band"))])))
            entries.append(("excluded", .object(curves.names.map { ($0, NA64muCommand.intervalsJSON(row.excluded[$0] ?? [])) })))
            entries.append(("surviving_band", NA64muCommand.intervalsJSON(row.survivingBand)))
            return .object(entries)
        }
        return .object([
            ("model", .string(point.model.name)), ("dataset", .string(curves.dataset)),
            ("constraints", .array(constraints.map { c in
                .object([("name", .string(c.info.name)), ("experiment", .string(c.info.experiment)), ("year", .integer(c.info.year)),
                         ("category", .string(c.info.category)), ("channel", .string(c.info.channel)), ("citation", .string(c.info.citation)),
                         ("confidence_level", .number(c.info.confidenceLevel)),
                         ("mass_range", .array([.number(c.info.massRange.lowerBound), .number(c.info.massRange.upperBound)]))])
            })),
            ("rows", .array(rows)),
            ("surviving_masses", .array(curves.survivingMasses.map { .number($0) })),
        ])
    }

    func csv(_ curves: ProbeCurves) -> String {
        var lines = ["mass,g2_lower,g2_upper," + curves.names.map { "\($0)_lower,\($0)_upper" }.joined(separator: ",") + ",surviving"]
        for row in curves.rows {
            var cells = [NumberText.full(row.mass), row.band.map { NumberText.full($0.lowerBound) } ?? "", row.band.map { NumberText.full($0.upperBound) } ?? ""]
            for name in curves.names {
                let first = row.excluded[name]?.first
                cells.append(first.map { NumberText.full($0.lowerBound) } ?? "")
                cells.append(first.map { NumberText.full($0.upperBound) } ?? "")
            }
            cells.append(row.survivingBand.isEmpty ? "no" : "yes")
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }
}

/// A minimal log-log SVG of ``ProbeCurves`` (excluded regions filled, the g-2 band on top).
enum ProbeFigure {
    static let colours = ["#4c72b0", "#8172b2", "#dd8452", "#c44e52", "#937860", "#64b5cd"]

    static func svg(_ curves: ProbeCurves, title: String) -> String {
        let width = 720.0, height = 520.0, left = 80.0, right = 200.0, top = 40.0, bottom = 60.0
        let masses = curves.rows.map(\.mass)
        let xMin = floor(log10(masses.min() ?? 1e-3)), xMax = ceil(log10(masses.max() ?? 1))
        let yMin = -5.0, yMax = -1.0
        func px(_ m: Double) -> Double { left + (log10(m) - xMin) / (xMax - xMin) * (width - left - right) }
        func py(_ g: Double) -> Double {
            let v = min(max(log10(g), yMin), yMax)
            return height - bottom - (v - yMin) / (yMax - yMin) * (height - top - bottom)
        }
        func f(_ x: Double) -> String { String(format: "%.1f", x) }
        var out = [##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(Int(width))" height="\##(Int(height))" font-family="sans-serif" font-size="12">"##,
                   ##"<rect width="100%" height="100%" fill="white"/>"##,
                   ##"<clipPath id="plot"><rect x="\##(f(left))" y="\##(f(top))" width="\##(f(width - left - right))" height="\##(f(height - top - bottom))"/></clipPath>"##]
        // Excluded regions: for each constraint, the polygon between the lower and upper edges of its first interval.
        for (k, name) in curves.names.enumerated() {
            let rows = curves.rows.filter { !($0.excluded[name] ?? []).isEmpty }
            guard rows.count >= 2 else { continue }
            let lower = rows.map { (px($0.mass), py($0.excluded[name]![0].lowerBound)) }
            let upper = rows.reversed().map { (px($0.mass), py($0.excluded[name]![0].upperBound)) }
            let path = (lower + upper).enumerated().map { ($0.offset == 0 ? "M" : "L") + f($0.element.0) + "," + f($0.element.1) }.joined(separator: " ") + " Z"
            out.append(##"<path d="\##(path)" fill="\##(colours[k % colours.count])" fill-opacity="0.35" stroke="none" clip-path="url(#plot)"/>"##)
            let edge = lower.enumerated().map { ($0.offset == 0 ? "M" : "L") + f($0.element.0) + "," + f($0.element.1) }.joined(separator: " ")
            out.append(##"<path d="\##(edge)" fill="none" stroke="\##(colours[k % colours.count])" stroke-width="1.5" clip-path="url(#plot)"/>"##)
        }
        let banded = curves.rows.filter { $0.band != nil }
        if banded.count >= 2 {
            let lower = banded.map { (px($0.mass), py($0.band!.lowerBound)) }
            let upper = banded.reversed().map { (px($0.mass), py($0.band!.upperBound)) }
            let path = (lower + upper).enumerated().map { ($0.offset == 0 ? "M" : "L") + f($0.element.0) + "," + f($0.element.1) }.joined(separator: " ") + " Z"
            out.append(##"<path d="\##(path)" fill="#55a868" fill-opacity="0.7" stroke="#2d6b3c" stroke-width="1" clip-path="url(#plot)"/>"##)
        }
        // Axes, decade ticks.
        out.append(##"<rect x="\##(f(left))" y="\##(f(top))" width="\##(f(width - left - right))" height="\##(f(height - top - bottom))" fill="none" stroke="black"/>"##)
        for e in Int(xMin)...Int(xMax) {
            let x = px(pow(10, Double(e)))
            out.append(##"<line x1="\##(f(x))" y1="\##(f(height - bottom))" x2="\##(f(x))" y2="\##(f(height - bottom + 6))" stroke="black"/>"##)
            out.append(##"<text x="\##(f(x))" y="\##(f(height - bottom + 22))" text-anchor="middle">10<tspan dy="-6" font-size="9">\##(e)</tspan></text>"##)
        }
        for e in Int(yMin)...Int(yMax) {
            let y = py(pow(10, Double(e)))
            out.append(##"<line x1="\##(f(left - 6))" y1="\##(f(y))" x2="\##(f(left))" y2="\##(f(y))" stroke="black"/>"##)
            out.append(##"<text x="\##(f(left - 10))" y="\##(f(y + 4))" text-anchor="end">10<tspan dy="-6" font-size="9">\##(e)</tspan></text>"##)
        }
        out.append(##"<text x="\##(f((left + width - right) / 2))" y="\##(f(height - 15))" text-anchor="middle">m_Z' (GeV)</text>"##)
        out.append(##"<text x="20" y="\##(f((top + height - bottom) / 2))" text-anchor="middle" transform="rotate(-90 20 \##(f((top + height - bottom) / 2)))">coupling</text>"##)
        out.append(##"<text x="\##(f(left))" y="25">\##(title)</text>"##)
        // Legend.
        var ly = top + 10
        for (k, name) in curves.names.enumerated() {
            out.append(##"<rect x="\##(f(width - right + 15))" y="\##(f(ly))" width="14" height="10" fill="\##(colours[k % colours.count])" fill-opacity="0.5"/>"##)
            out.append(##"<text x="\##(f(width - right + 35))" y="\##(f(ly + 9))">\##(name)</text>"##)
            ly += 20
        }
        out.append(##"<rect x="\##(f(width - right + 15))" y="\##(f(ly))" width="14" height="10" fill="#55a868" fill-opacity="0.7"/>"##)
        out.append(##"<text x="\##(f(width - right + 35))" y="\##(f(ly + 9))">(g-2)_mu band</text>"##)
        out.append("</svg>")
        return out.joined(separator: "\n")
    }
}

/// `zprime probes neutrinos`.
struct NeutrinoCouplingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neutrinos",
        abstract: "Z' couplings to the light neutrino mass eigenstates Q = U^dagger X_L U (NuFIT 5.2), the Dirac/Majorana verdict, neutrino decay widths and lifetimes.",
        discussion: """
        PMNS from NuFIT 5.2 (2022), normal ordering (Esteban et al., JHEP 09 (2020) 178). Only Dirac \
        masses: a viable PMNS needs universal X_L, i.e. B - L-like charges (Bauer, Foldenauer, Mosny, \
        arXiv:2011.12973); otherwise Majorana masses are needed and Q is off-diagonal. Decays of nu_2, \
        nu_3: nu_i -> nu_j Z' when open, else nu_i -> nu_j nu nubar through the Z' (Gamma ~ g^4 m^5/M^4).
        Exit status: 0 success, 2 bad input.
        """
    )

    @OptionGroup var parameters: PointOptions

    @Option(name: .long, parsing: .unconditional, help: "The Z' mass in GeV.")
    var mass: Double

    @Option(name: .customLong("lightest-mass-ev"), parsing: .unconditional, help: "The lightest neutrino mass m_1 in eV (default 0; 0 to 1).")
    var lightestMassEV: Double = 0

    @Option(name: .long, help: "Output format: table or json.")
    var format: TableOrJSON = .table

    func run() throws {
        guard mass.isFinite, mass > 0, mass <= ParameterPoint.maximumMass else {
            throw BadInput("--mass \(mass): must be finite, > 0 and <= \(ParameterPoint.maximumMass) GeV")
        }
        guard lightestMassEV.isFinite, (0...1).contains(lightestMassEV) else { throw BadInput("--lightest-mass-ev \(lightestMassEV): must be finite, between 0 and 1") }
        let point = try parameters.point(mass: mass)
        let q = try NeutrinoMassBasisCouplings(model: point.model)
        let decays = try q.decays(coupling: point.coupling, mass: mass, lightestMassEV: lightestMassEV)
        let matrix: [JSONOutput] = (0..<3).map { i in
            .array((0..<3).map { j in .object([("re", .number(q.matrix[i, j].real)), ("im", .number(q.matrix[i, j].imaginary))]) })
        }
        switch format {
        case .json:
            Console.out(JSONOutput.object([
                ("model", .string(point.model.name)), ("charges_L", .array(q.charges.map { .number($0) })),
                ("oscillation", .string(q.oscillation.citation)),
                ("q_mass_basis", .array(matrix)), ("diagonal", .bool(q.isDiagonal)),
                ("neutrino_nature", .string(q.nature?.summary ?? "unknown")),
                ("decays", .array(decays.map { d in
                    .object([("initial", .string("nu_\(d.initial)")), ("channel", .string(d.channel)), ("width", .number(d.width)),
                             ("lifetime_seconds", d.width > 0 ? .number(d.lifetimeSeconds) : .string("stable"))])
                })),
            ]).serialized())
        case .table:
            var t = TextTable(["", "nu_1", "nu_2", "nu_3"])
            for i in 0..<3 { t.add(["nu_\(i + 1)"] + (0..<3).map { j in String(format: "%.4f%+.4fi", q.matrix[i, j].real, q.matrix[i, j].imaginary) }) }
            var d = TextTable(["state", "channel", "width (GeV)", "lifetime (s)"])
            for x in decays { d.add(["nu_\(x.initial)", x.channel, NumberText.short(x.width), x.width > 0 ? NumberText.short(x.lifetimeSeconds) : "stable"]) }
            Console.out("Q = U^dagger X_L U for model \(point.model.name) (X_L = \(q.charges.map { NumberText.short($0) }.joined(separator: ", "))), \(q.isDiagonal ? "diagonal" : "off-diagonal")\nneutrinos: \(q.nature?.summary ?? "unknown")\n\n"
                        + t.rendered() + "\n\n" + d.rendered())
        }
    }
}
