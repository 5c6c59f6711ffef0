import ArgumentParser
import Foundation
import ZPrimeKit

/// Options shared by `zprime couplings` and `zprime decays`: the model and its parameters.
struct ModelParameterOptions: ParsableArguments {
    @Option(name: .long, help: "A built-in model name (zprime models) or a .toml/.json model file.")
    var model: String

    @Option(name: .long, parsing: .unconditional,
            help: "The gauge coupling g_X multiplying the model's charges (default 1e-3; ignored, with a warning, for the dark photon).")
    var coupling: Double?

    @Option(name: .customLong("kinetic-mixing"), parsing: .unconditional,
            help: "The physical kinetic mixing eps (couplings eps e Q_f; default 1e-3 for the dark photon, none otherwise).")
    var kineticMixing: Double?

    @Option(name: .long, help: "Light neutrinos: majorana (left-handed only, default), dirac (nu_L + N_R per family) or light-sterile (Majorana nu_L plus light N_R).")
    var neutrinos: LightNeutrinos = .leftHandedMajorana

    @Option(name: .customLong("loop-mixing"), help: "Loop-induced kinetic mixing of L_i - L_j type models: auto (on when no eps is given), on, off.")
    var loopMixing: LoopMixingMode = .automatic

    /// The default g_X when none is given.
    static let defaultCoupling = 1e-3
    /// The default eps for the dark photon.
    static let defaultDarkPhotonMixing = 1e-3

    /// Resolves the model and builds the couplings calculator, turning every library error into
    /// `BadInput` (exit status 2).
    func calculator(bosonMass: Double? = nil) throws -> CouplingCalculator {
        let resolved = try ModelReference.resolve(model)
        if let coupling { try Self.checkPositive(coupling, option: "--coupling") }
        if let kineticMixing, !kineticMixing.isFinite {
            throw BadInput("--kinetic-mixing \(kineticMixing): must be finite")
        }
        var g = coupling ?? Self.defaultCoupling
        var eps = kineticMixing
        if resolved.isKineticMixingOnly {
            if let coupling {
                // "For the dark photon only eps is used": accepted, ignored, and said so.
                Console.error("warning: --coupling \(coupling) is ignored: model \(resolved.name) has no U(1)_X charges and couples only through --kinetic-mixing")
            }
            g = 0
            eps = kineticMixing ?? Self.defaultDarkPhotonMixing
            if eps == 0 { throw BadInput("--kinetic-mixing 0.0: the dark photon needs a non-zero eps") }
        }
        if let ratio = resolved.kineticMixingRatio, kineticMixing != nil {
            throw BadInput("--kinetic-mixing: model \(resolved.name) fixes eps = \(ratio) g_X/e; give only --coupling")
        }
        do {
            let options = CouplingOptions(lightNeutrinos: neutrinos, loopMixing: loopMixing, bosonMass: bosonMass)
            return try CouplingCalculator(model: resolved, gaugeCoupling: g, kineticMixing: eps, options: options)
        } catch {
            throw BadInput(Self.describe(error))
        }
    }

    static func describe(_ error: CouplingError) -> String {
        switch error.parameter.description {
        case "gauge coupling": return "--coupling " + error.description.dropFirst("gauge coupling ".count)
        case "kinetic mixing": return "--kinetic-mixing " + error.description.dropFirst("kinetic mixing ".count)
        case "mass": return "--mass " + error.description.dropFirst("mass ".count)
        case "neutrino nature": return "--neutrinos: " + error.message
        case "loop mixing": return "--loop-mixing on: " + error.message
        default: return error.description
        }
    }

    static func checkPositive(_ value: Double, option: String) throws {
        guard value.isFinite, value > 0 else { throw BadInput("\(option) \(value): must be a finite number > 0") }
    }
}

extension LightNeutrinos: ExpressibleByArgument {}
extension LoopMixingMode: ExpressibleByArgument {}

/// One mass or a log-spaced range `A:B:N`.
struct MassSelection {
    let masses: [Double]
    let isRange: Bool

    /// Parses `--mass` / `--masses`; exactly one may be given (`required` demands one).
    static func parse(mass: Double?, masses: String?, required: Bool) throws -> MassSelection? {
        switch (mass, masses) {
        case (.some, .some):
            throw BadInput("--mass and --masses: give only one of them")
        case (.some(let m), nil):
            try ModelParameterOptions.checkPositive(m, option: "--mass")
            return MassSelection(masses: [m], isRange: false)
        case (nil, .some(let text)):
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let a = Double(parts[0]), let b = Double(parts[1]), let n = Int(parts[2]) else {
                throw BadInput("--masses \(text): expected A:B:N (from A to B GeV, N log-spaced points), e.g. 0.001:2:1000")
            }
            do {
                return MassSelection(masses: try DecayCalculator.logSpacedMasses(from: a, to: b, count: n), isRange: true)
            } catch {
                throw BadInput("--masses \(text): \(error)")
            }
        case (nil, nil):
            if required { throw BadInput("give --mass M or --masses A:B:N") }
            return nil
        }
    }
}

/// Output formats of the physics commands.
enum PhysicsOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// Number formatting for tables and CSV.
enum NumberText {
    /// Six significant digits in scientific notation, `inf` for infinity.
    static func short(_ x: Double) -> String {
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == 0 { return "0" }
        return String(format: "%.6g", x)
    }

    /// Full round-trip precision for CSV, `inf` for infinity.
    static func full(_ x: Double) -> String {
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        return JSONOutput.format(x)
    }
}
