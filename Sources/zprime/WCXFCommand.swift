import ArgumentParser
import Foundation
import Numerics
import ZPrimeKit

/// Options shared by `zprime flavour` and `zprime wcxf` for a Z' parameter point with a model given
/// as the first argument.
struct FlavourPointOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: "The Z' mass M in GeV (the matching scale).")
    var mass: Double?

    @Option(name: .long, parsing: .unconditional, help: "The gauge coupling g_X (default 1e-3).")
    var coupling: Double?

    @Option(name: .customLong("kinetic-mixing"), parsing: .unconditional, help: "A fixed kinetic mixing eps (default none).")
    var kineticMixing: Double?

    @Option(name: .customLong("mixing-ratio"), parsing: .unconditional, help: "Kinetic mixing tied to the gauge coupling, eps = r g_X.")
    var mixingRatio: Double?

    @Option(name: .long, help: "Quark alignment: up (the CKM matrix acts on the down quarks, g_bs = g_X (X_Q3 - X_Q1) V_tb V_ts^*; default) or down (no down-type flavour change).")
    var alignment: String = "up"

    @Option(name: .long, help: "A JSON file with unitary rotations {\"V_dL\": [[...], [...], [...]], \"V_dR\": ..., \"V_uR\": ...} (entries numbers or [re, im]; V_uL = V_dL V_CKM^dagger), instead of --alignment.")
    var rotations: String?

    /// The resolved point (mass required, > 0).
    func point(model: String) throws -> ParameterPoint {
        guard let mass else { throw BadInput("--mass is required (the Z' mass in GeV)") }
        guard mass.isFinite, mass > 0, mass <= ParameterPoint.maximumMass else {
            throw BadInput("--mass \(mass): must be finite, > 0 and <= \(ParameterPoint.maximumMass) GeV")
        }
        let resolved = try ModelReference.resolve(model)
        let request = PointRequest(model: resolved, mass: mass, coupling: coupling, kineticMixing: kineticMixing, mixingRatio: mixingRatio)
        let resolution = try request.resolve(requireMass: true)
        for problem in resolution.problems where problem.severity >= .warning {
            Console.error("warning: " + OptionNames.describe(problem))
        }
        return resolution.point
    }

    /// The alignment (a rotations file overrides --alignment).
    func quarkAlignment() throws -> QuarkAlignment {
        if let rotations {
            guard let data = FileManager.default.contents(atPath: rotations) else { throw BadInput("--rotations \(rotations): cannot read the file") }
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw BadInput("--rotations \(rotations): not a JSON object with V_dL (and optionally V_dR, V_uR)")
            }
            for key in object.keys where !["V_dL", "V_dR", "V_uR"].contains(key) {
                throw BadInput("--rotations \(rotations): unknown key '\(key)' (use V_dL, V_dR, V_uR)")
            }
            func matrix(_ key: String) throws -> ComplexMatrix3? {
                guard let value = object[key] else { return nil }
                guard let rows = value as? [Any], rows.count == 3 else { throw BadInput("--rotations \(rotations): \(key) must be 3 rows of 3 entries") }
                var result: [[Complex<Double>]] = []
                for row in rows {
                    guard let entries = row as? [Any], entries.count == 3 else { throw BadInput("--rotations \(rotations): \(key) must be 3 rows of 3 entries") }
                    var parsed: [Complex<Double>] = []
                    for entry in entries {
                        if let x = entry as? NSNumber {
                            parsed.append(Complex(x.doubleValue, 0))
                        } else if let pair = entry as? [NSNumber], pair.count == 2 {
                            parsed.append(Complex(pair[0].doubleValue, pair[1].doubleValue))
                        } else {
                            throw BadInput("--rotations \(rotations): \(key) entries must be numbers or [re, im] pairs")
                        }
                    }
                    result.append(parsed)
                }
                return ComplexMatrix3(rows: result)
            }
            guard let downLeft = try matrix("V_dL") else { throw BadInput("--rotations \(rotations): V_dL is required") }
            do {
                return .custom(try QuarkRotations(downLeft: downLeft, downRight: try matrix("V_dR") ?? .identity, upRight: try matrix("V_uR") ?? .identity))
            } catch let problem as Problem {
                throw BadInput("--rotations \(rotations): " + problem.description)
            }
        }
        do { return try QuarkAlignment(name: alignment) } catch { throw BadInput("--alignment \(alignment): unknown alignment; use up or down (or --rotations FILE)") }
    }
}

/// `zprime wcxf`: the Wilson coefficients of a model's Z' in the WCxf exchange format, for flavio and
/// wilson.
struct WCXFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wcxf",
        abstract: "Wilson coefficients of a model's Z' in WCxf (WET, flavio basis, at mu = M) for flavio and wilson.",
        discussion: """
        The Z' of mass M is integrated out at tree level at mu = M (L_eff = -J^2/(2 M^2)), in the quark \
        mass basis of --alignment, and written in the WCxf format (Aebischer et al., arXiv:1712.05298): \
        eft WET, basis flavio, scale M. Conventions of that basis: L = sum C_i O_i + h.c., \
        O_9 = (4 G_F/sqrt2) V_tb V_ts^* (e^2/16 pi^2)(sbar_L gamma b_L)(mubar gamma mu) (flavio's \
        H_eff = -(4 G_F/sqrt2) V_tb V_ts^* (e^2/16 pi^2) sum C_i O_i), CVLL_bsbs of (sbar_L gamma b_L)^2 in \
        GeV^-2, CVLL_numunumumumu with (4 G_F/sqrt2); C7_mumu carries the one-loop Delta a_mu \
        (Delta a_mu = m_mu^2 G_F/(sqrt2 pi^2) Re C7_mumu). Coefficients below 1e-14 of the largest are omitted.
        Read it with: python3 -c "import wilson, flavio; w = wilson.Wilson.load_wc(open('FILE.json')); \
        print(flavio.np_prediction('BR(Bs->mumu)', w))" (docs/flavour.md has the recipe for smelli).
        Exit status: 0 success, 2 bad input (also a mass below 5 GeV, or a model without such operators).
        """
    )

    @Argument(help: "A built-in model name (zprime models) or a .toml/.json model file.")
    var model: String

    @OptionGroup var parameters: FlavourPointOptions

    @Option(name: .long, help: "The WCxf basis (flavio: the WET basis of flavio).")
    var basis: String = "flavio"

    @Option(name: .long, help: "Output format: json or yaml.")
    var format: String = "json"

    @Option(name: .long, help: "Write to FILE instead of standard output.")
    var output: String?

    func run() throws {
        guard ["json", "yaml"].contains(format) else { throw BadInput("--format \(format): use json or yaml") }
        do { try WCXFDocument.validateBasis(basis) } catch { throw BadInput("--basis \(basis): unknown basis; ZPrime writes the WET basis flavio") }
        let point = try parameters.point(model: model)
        let alignment = try parameters.quarkAlignment()
        let report = try FlavourReport(point: point, settings: FlavourSettings(alignment: alignment))
        let document = try report.wcxf(basis: basis)
        let text = format == "json" ? document.json() : document.yaml()
        if let output {
            do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                throw BadInput("--output \(output): cannot write the file")
            }
        } else {
            Console.write(text)
        }
    }
}
