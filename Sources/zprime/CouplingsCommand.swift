import ArgumentParser
import Foundation
import ZPrimeKit

/// `zprime couplings`: the Z' vector and axial couplings of every SM fermion and the nucleons.
struct CouplingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "couplings",
        abstract: "Z' vector and axial couplings to e, mu, tau, neutrinos, quarks, p and n (units of e).",
        discussion: """
        Convention (Hati et al., JHEP 07 (2020) 235): L = e Z' fbar gamma^mu (eps^V + gamma^5 eps^A) f; "vector" and \
        "axial" are eps^V and eps^A in units of e, "g_vector" and "g_axial" the absolute couplings. \
        "left"/"right" are eps^V -/+ eps^A, the couplings of the chiral components.
        Without --mass: the light limit m_Z' -> 0 at q^2 = 0. With --mass M: the exact A-Z-Z' mixing \
        at m_Z' = M and, for the loop mixing, q^2 = M^2 (override with --momentum-squared).
        Loop-induced kinetic mixing is added for L_i - L_j type models when no --kinetic-mixing is \
        given (--loop-mixing off to remove it); it is complex above 4 m_l^2 (the imaginary parts are \
        printed as vector_imaginary).
        Examples:
          zprime couplings --model B-L --coupling 1e-4 --kinetic-mixing -1e-4
          zprime couplings --model Lmu-Ltau --coupling 5e-4 --mass 0.3 --format json
          zprime couplings --model dark-photon --masses 0.01:100:5 --format csv
        Exit status: 0 success, 2 bad input.
        """
    )

    @OptionGroup var parameters: PointOptions

    @Option(name: .long, parsing: .unconditional, help: "The Z' mass in GeV (exact mass mixing; q^2 = M^2 for the loop).")
    var mass: Double?

    @Option(name: .long, help: "A log-spaced mass range A:B:N (GeV), e.g. 0.001:2:1000.")
    var masses: String?

    @Option(name: .customLong("momentum-squared"), parsing: .unconditional,
            help: "The momentum transfer q^2 in GeV^2 for the loop-induced mixing (default: M^2 with --mass, 0 without).")
    var momentumSquared: Double?

    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: PhysicsOutputFormat = .table

    func run() throws {
        let selection = try MassSelection.parse(mass: mass, masses: masses, required: false)
        if let q2 = momentumSquared, !(q2.isFinite && abs(q2) <= 1e12) {
            throw BadInput("--momentum-squared \(q2): must be finite with |q^2| <= 1e12 GeV^2")
        }
        let point = try parameters.point(mass: selection?.masses.first, requireMass: false)
        let calculator = try CouplingCalculator(point: point)
        var points: [CouplingPoint] = []
        let massList: [Double?] = selection.map { $0.masses.map { Optional($0) } } ?? [calculator.vectorLikeLeptons == nil ? nil : point.mass]
        for m in massList {
            let q2 = momentumSquared ?? (m.map { $0 * $0 } ?? 0)
            let table = try calculator.table(mass: m ?? point.mass, squaredMomentum: q2)
            guard table.isFinite else { throw BadInput("--momentum-squared \(q2): the couplings are not finite at this momentum transfer") }
            points.append(CouplingPoint(mass: m, squaredMomentum: q2, couplings: table,
                                        loopMixing: table.loopMixing.map { ($0.real, $0.imaginary) },
                                        warnings: calculator.problems(mass: m ?? point.mass).map(\.message)))
        }
        switch format {
        case .json:
            if selection?.isRange == true {
                Console.out(JSONOutput.array(points.map { point in
                    .object([("mass", .number(point.mass ?? 0)), ("q2", .number(point.squaredMomentum)), ("couplings", Self.json(point, calculator: calculator))])
                }).serialized())
            } else {
                Console.out(Self.json(points[0], calculator: calculator).serialized())
            }
        case .csv:
            Console.out(Self.csv(points))
        case .table:
            Console.out(Self.table(points, calculator: calculator))
        }
    }

    struct CouplingPoint {
        let mass: Double?
        let squaredMomentum: Double
        let couplings: CouplingTable
        let loopMixing: (Double, Double)?
        let warnings: [String]
    }

    static func json(_ coupling: ComplexChiralCoupling) -> JSONOutput {
        let e = PhysicalConstants.elementaryCharge
        let real = coupling.real, imaginary = coupling.imaginary
        return .object([
            ("vector", .number(real.vector)), ("axial", .number(real.axial)),
            ("left", .number(real.left)), ("right", .number(real.right)),
            ("g_vector", .number(e * real.vector)), ("g_axial", .number(e * real.axial)),
            ("vector_imaginary", .number(imaginary.vector)), ("axial_imaginary", .number(imaginary.axial)),
        ])
    }

    /// The contract's object: one entry per target (units of e); light sterile neutrinos, when
    /// chosen, under "nu_sterile".
    static func json(_ point: CouplingPoint, calculator: CouplingCalculator) -> JSONOutput {
        var entries: [(String, JSONOutput)] = CouplingTarget.allCases.map { ($0.rawValue, json(point.couplings[$0])) }
        if calculator.point.neutrinos == .lightSterile {
            entries.append(("nu_sterile", .array(point.couplings.sterileNeutrinos.map { json($0) })))
        }
        return .object(entries)
    }

    static func csv(_ points: [CouplingPoint]) -> String {
        var header = ["mass", "q2"]
        for target in CouplingTarget.allCases { header += ["\(target.rawValue)_vector", "\(target.rawValue)_axial"] }
        header += ["loop_mixing_real", "loop_mixing_imaginary"]
        var lines = [header.joined(separator: ",")]
        for point in points {
            var row = [point.mass.map(NumberText.full) ?? "0", NumberText.full(point.squaredMomentum)]
            for target in CouplingTarget.allCases {
                let c = point.couplings[target].real
                row += [NumberText.full(c.vector), NumberText.full(c.axial)]
            }
            row += [NumberText.full(point.loopMixing?.0 ?? 0), NumberText.full(point.loopMixing?.1 ?? 0)]
            lines.append(row.joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }

    static func table(_ points: [CouplingPoint], calculator: CouplingCalculator) -> String {
        var lines = ["Model \(calculator.model.name): g_X = \(NumberText.short(calculator.gaugeCoupling)), eps = \(NumberText.short(calculator.kineticMixing))"]
        lines.append("Neutrinos: \(calculator.point.neutrinos.summary)")
        lines.append("Convention: L = e Z' fbar gamma^mu (eps^V + gamma^5 eps^A) f; eps in units of e, g = e eps.")
        for point in points {
            lines.append("")
            let massText = point.mass.map { "m_Z' = \(NumberText.short($0)) GeV (exact A-Z-Z' mixing)" } ?? "light limit m_Z' -> 0"
            lines.append("\(massText), q^2 = \(NumberText.short(point.squaredMomentum)) GeV^2")
            if let loop = point.loopMixing {
                lines.append("Loop-induced kinetic mixing eps_ij(q^2) = \(NumberText.short(loop.0)) + \(NumberText.short(loop.1)) i (adds -eps_ij Q_f to eps^V)")
            }
            let hasImaginary = CouplingTarget.allCases.contains { point.couplings[$0].imaginary.vector != 0 || point.couplings[$0].imaginary.axial != 0 }
            var header = ["target", "eps^V", "eps^A", "g_V", "g_A"]
            if hasImaginary { header.append("Im eps^V") }
            var table = TextTable(header)
            let e = PhysicalConstants.elementaryCharge
            for target in CouplingTarget.allCases {
                let c = point.couplings[target]
                var row = [target.rawValue, NumberText.short(c.real.vector), NumberText.short(c.real.axial),
                           NumberText.short(e * c.real.vector), NumberText.short(e * c.real.axial)]
                if hasImaginary { row.append(NumberText.short(c.imaginary.vector)) }
                table.add(row)
            }
            for (k, c) in point.couplings.sterileNeutrinos.enumerated() {
                table.add(["N_R\(k + 1)", NumberText.short(c.real.vector), NumberText.short(c.real.axial),
                           NumberText.short(e * c.real.vector), NumberText.short(e * c.real.axial)] + (hasImaginary ? ["0"] : []))
            }
            lines.append(table.rendered())
            for warning in point.warnings { lines.append("warning: \(warning)") }
        }
        return lines.joined(separator: "\n")
    }
}
