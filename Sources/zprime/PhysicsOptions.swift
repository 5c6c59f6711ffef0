import ArgumentParser
import Foundation
import ZPrimeKit

/// The options that describe a parameter point, shared by every physics subcommand. They are parsed
/// here and resolved, with the physics defaults, by the library's ``PointRequest``.
struct PointOptions: ParsableArguments {
    @Option(name: .long, help: "A built-in model name (zprime models) or a .toml/.json model file.")
    var model: String

    @OptionGroup var choices: PointChoices

    var coupling: Double? { choices.coupling }
    var kineticMixing: Double? { choices.kineticMixing }
    var mixingRatio: Double? { choices.mixingRatio }
    var neutrinos: LightNeutrinos { choices.neutrinos }
    var loopMixing: LoopMixingMode { choices.loopMixing }
    var parameters: String? { choices.parameters }

    /// The request for `mass`, with the dark sector given by the caller.
    func request(mass: Double?, darkSector: DarkSector = .none, datasets: DatasetSelection = .newest) throws -> PointRequest {
        try choices.request(model: model, mass: mass, darkSector: darkSector, datasets: datasets)
    }

    /// Resolves the point (see ``PointChoices/point(model:mass:requireMass:darkSector:datasets:)``).
    func point(mass: Double?, requireMass: Bool = true, darkSector: DarkSector = .none, datasets: DatasetSelection = .newest) throws -> ParameterPoint {
        try choices.point(model: model, mass: mass, requireMass: requireMass, darkSector: darkSector, datasets: datasets)
    }
}

/// The couplings and discrete choices of a point, for commands that name the model themselves.
struct PointChoices: ParsableArguments {
    @Option(name: .long, parsing: .unconditional,
            help: "The gauge coupling g_X multiplying the model's charges (default 1e-3; ignored, with a warning, for a model without U(1)_X charges such as the dark photon).")
    var coupling: Double?

    @Option(name: .customLong("kinetic-mixing"), parsing: .unconditional,
            help: "A fixed physical kinetic mixing eps (couplings eps e Q_f; default 1e-3 for the dark photon, none otherwise).")
    var kineticMixing: Double?

    @Option(name: .customLong("mixing-ratio"), parsing: .unconditional,
            help: "Kinetic mixing tied to the gauge coupling, eps = r g_X (instead of --kinetic-mixing).")
    var mixingRatio: Double?

    @Option(name: .long, help: "Light neutrinos: majorana (left-handed only, default), dirac (nu_L + N_R per family) or light-sterile (Majorana nu_L plus light N_R).")
    var neutrinos: LightNeutrinos = .leftHandedMajorana

    @Option(name: .long, help: "A file of model parameters (.toml/.json) for a model with its own spectrum (b-l-vll: docs/seed-model.md).")
    var parameters: String?

    @Option(name: .customLong("loop-mixing"),
            help: "Loop-induced kinetic mixing: auto (the finite L_i - L_j loop when no eps is given), on, off, or estimate (eps = e g_X/(16 pi^2) for models whose loop diverges, e.g. U(1)_B).")
    var loopMixing: LoopMixingMode = .automatic

    /// The request for `model` (a built-in name or a file) at `mass`.
    func request(model: String, mass: Double?, darkSector: DarkSector = .none, datasets: DatasetSelection = .newest) throws -> PointRequest {
        let resolved = try ModelReference.resolve(model)
        return PointRequest(model: resolved, mass: mass, coupling: coupling, kineticMixing: kineticMixing, mixingRatio: mixingRatio,
                            loopMixing: loopMixing, neutrinos: neutrinos, darkSector: darkSector, datasets: datasets)
    }

    /// Resolves the point (the library applies the defaults and the model's rules) and prints the
    /// resolution's warnings (an ignored option) on standard error.
    func point(model: String, mass: Double?, requireMass: Bool = true, darkSector: DarkSector = .none,
               datasets: DatasetSelection = .newest) throws -> ParameterPoint {
        if let parameters {
            // A model with its own spectrum: the library resolves the file's gauge inputs and the options.
            let resolvedModel = try ModelReference.resolve(model)
            guard resolvedModel.spectrum == .vectorLikeLeptons else {
                throw BadInput("--parameters \(parameters): model \(resolvedModel.name) takes no model parameters (its couplings follow from its charges)")
            }
            guard mixingRatio == nil, loopMixing == .automatic, neutrinos == .leftHandedMajorana else {
                throw BadInput("--parameters: the vector-like-lepton spectrum takes --coupling and --kinetic-mixing (or eps_BL, eps in the file), not --mixing-ratio, --loop-mixing or --neutrinos")
            }
            let named = try ParameterFile.load(path: parameters)
            var resolution = try VectorLikeLeptonCouplings.resolve(named: named, mass: mass, gaugeCoupling: coupling, kineticMixing: kineticMixing,
                                                                   model: resolvedModel, datasets: datasets)
            resolution.point.darkSector = try darkSector.validated()
            return resolution.point
        }
        let resolution = try request(model: model, mass: mass, darkSector: darkSector, datasets: datasets).resolve(requireMass: requireMass)
        for problem in resolution.problems where problem.severity >= .warning {
            Console.error("warning: " + OptionNames.describe(problem))
        }
        return resolution.point
    }
}

/// Options of a dark sector, for the commands that compute decays.
struct DarkSectorOptions: ParsableArguments {
    @Option(name: .customLong("invisible-width"), parsing: .unconditional, help: "A fixed dark-sector width in GeV added to 'invisible'.")
    var invisibleWidth: Double?

    @Option(name: .customLong("dark-coupling"), parsing: .unconditional, help: "Vector coupling g_chi of a Dirac dark fermion (adds Z' -> chi chibar to 'invisible').")
    var darkCoupling: Double?

    @Option(name: .customLong("dark-mass"), parsing: .unconditional, help: "Mass of that dark fermion in GeV (default 0).")
    var darkMass: Double?

    @Option(name: .customLong("dark-width-ratio"), parsing: .unconditional,
            help: "An invisible width this many times the visible width at every mass (99 is DarkCast's invisible dark photon).")
    var darkWidthRatio: Double?

    /// The dark sector; giving more than one kind is an error.
    func darkSector() throws -> DarkSector {
        let given = [invisibleWidth != nil, darkCoupling != nil, darkWidthRatio != nil].filter { $0 }.count
        if given > 1 { throw BadInput("--invisible-width, --dark-coupling and --dark-width-ratio: give only one of them") }
        if let width = invisibleWidth { return try DarkSector.fixed(width).validated() }
        if let coupling = darkCoupling { return try DarkSector.darkFermion(coupling: coupling, mass: darkMass ?? 0).validated() }
        if darkMass != nil { throw BadInput("--dark-mass needs --dark-coupling") }
        if let ratio = darkWidthRatio { return try DarkSector.visibleMultiple(ratio).validated() }
        return .none
    }
}

extension LightNeutrinos: ExpressibleByArgument {}
extension LoopMixingMode: ExpressibleByArgument {}

/// The command-line names of the library's parameters, so that a ``Problem`` reads in the user's
/// terms (`--mass 0.0: must be finite and > 0`). The one place where parameters meet option names.
enum OptionNames {
    /// The option (or field) that sets `parameter` in the physics subcommands.
    static func option(for parameter: Parameter) -> String {
        switch parameter {
        case .model: return "--model"
        case .mass: return "--mass"
        case .coupling: return "--coupling"
        case .kineticMixing: return "--kinetic-mixing"
        case .mixingRatio: return "--mixing-ratio"
        case .squaredMomentum: return "--momentum-squared"
        case .neutrinos: return "--neutrinos"
        case .loopMixing: return "--loop-mixing"
        case .muonDataset: return "--dataset"
        case .electronDataset: return "--electron-dataset"
        case .sigmas: return "--sigmas"
        case .energy: return "--energy"
        case .invisibleWidth: return "--invisible-width"
        case .darkCoupling: return "--dark-coupling"
        case .darkMass: return "--dark-mass"
        case .massRange: return "--masses"
        case .shard: return "--shard"
        case .recoilEnergy: return "recoil energy (GeV)"
        case .neutrinoEnergy: return "neutrino energy (GeV)"
        case .leptonMass: return "lepton mass"
        case .internalMass: return "--internal-mass"
        case .field(let name): return name
        }
    }

    /// The problem's text with its parameter spelled as an option.
    static func describe(_ problem: Problem) -> String { problem.description(naming: option(for: problem.parameter)) }
}

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
            guard m.isFinite, m > 0, m <= ParameterPoint.maximumMass else {
                throw BadInput("--mass \(m): must be finite, > 0 and <= \(ParameterPoint.maximumMass) GeV")
            }
            return MassSelection(masses: [m], isRange: false)
        case (nil, .some(let text)):
            let shown = text.count > 40 ? String(text.prefix(37)) + "..." : text
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let a = Double(parts[0]), let b = Double(parts[1]), let n = Int(parts[2]) else {
                throw BadInput("--masses \(shown): expected A:B:N (from A to B GeV, N log-spaced points, N <= \(Grid.maximumCount)), e.g. 0.001:2:1000")
            }
            guard b <= ParameterPoint.maximumMass else { throw BadInput("--masses \(shown): the end must be <= \(ParameterPoint.maximumMass) GeV") }
            do {
                return MassSelection(masses: try Grid.logSpaced(from: a, to: b, count: n, parameter: .massRange), isRange: true)
            } catch {
                throw BadInput("--masses \(shown): \(error.message)")
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
