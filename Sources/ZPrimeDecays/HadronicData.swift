import Foundation

/// A one-dimensional table on a uniform mass grid, read the way DarkCast reads its grids: linear
/// interpolation inside, the end values held outside the range.
public struct UniformGrid: Sendable, Hashable {
    /// The first mass (GeV).
    public let start: Double
    /// The grid spacing (GeV).
    public let step: Double
    /// The tabulated values.
    public let values: [Double]

    /// Creates a grid; `values` must have at least two entries and `step` must be positive.
    public init(start: Double, step: Double, values: [Double]) {
        precondition(values.count >= 2 && step > 0, "a grid needs two points and a positive step")
        self.start = start
        self.step = step
        self.values = values
    }

    /// The last mass (GeV).
    public var end: Double { start + step * Double(values.count - 1) }

    /// The interpolated value at `mass` (end values held outside the range).
    @inlinable
    public func value(at mass: Double) -> Double {
        let position = (mass - start) / step
        if !(position > 0) { return values[0] }
        let last = values.count - 1
        if position >= Double(last) { return values[last] }
        let index = Int(position)
        let fraction = position - Double(index)
        return values[index] + fraction * (values[index + 1] - values[index])
    }
}

/// The vector mesons of the VMD method (1801.04847, section 2).
public enum VectorMeson: String, Sendable, CaseIterable, Hashable {
    /// The isovector rho0, (u ubar - d dbar)/sqrt 2.
    case rho = "rho0"
    /// The isoscalar omega, (u ubar + d dbar)/sqrt 2.
    case omega = "omega"
    /// The s sbar phi.
    case phi = "phi"
}

/// An exclusive hadronic final state of DarkCast's VMD decomposition.
public struct ExclusiveHadronicChannel: Sendable, Hashable {
    /// DarkCast's key for the final state (e.g. `"pi+_pi-"`).
    public let key: String
    /// R^{F,V}(m) per vector-meson component (missing components are zero).
    public let components: [VectorMeson: UniformGrid]
    /// The omega-phi interference grid R^{F,omega-phi}(m), if the channel has one.
    public let omegaPhiInterference: UniformGrid?
}

/// The data-driven hadronic inputs of DarkCast (Ilten, Soreq, Williams, Xue, arXiv:1801.04847;
/// Baruch, Ilten, Soreq, Williams, arXiv:2206.08563), bundled with ZPrimeDecays under
/// `DarkCastData/` (GPL-2.0-or-later; provenance and checksums in its README.md).
///
/// Every number comes from the bundled files: the R-ratio component grids `rf.*.dat`, the axial
/// spectral functions `sf.u_d.a.dat` (a_1) and `sf.s.a.dat` (a_1^s), and from `manifest.json` the
/// meson prefactors R_V, the U(3) generators T_V, the axial phase cphi and the kaon threshold of the
/// strange axial term.
public struct HadronicData: Sendable {
    /// The eight exclusive channels, in DarkCast's order.
    public let channels: [ExclusiveHadronicChannel]
    /// R_V per meson (R_rho = 2, R_omega = 6, R_phi = 3 sqrt 2).
    public let prefactors: [VectorMeson: Double]
    /// Diagonal (u, d, s) entries of the U(3) generator T_V per meson.
    public let generators: [VectorMeson: (u: Double, d: Double, s: Double)]
    /// The non-strange axial spectral function a_1(m) (parton-model value 1/2).
    public let axialIsovector: UniformGrid
    /// The strange axial spectral function a_1^s(m).
    public let axialStrange: UniformGrid
    /// The phase cphi of the strange axial interference term (-0.66).
    public let axialPhase: Double
    /// The strange axial term is on above this mass, 2 m_K (GeV).
    public let strangeAxialThreshold: Double
    /// The manifest's check values of the dark-photon R sum (mass, value), for tests.
    public let darkPhotonRSum: [(mass: Double, value: Double)]

    /// The data bundled with ZPrimeDecays, loaded once per process.
    public static func bundled() throws(DecayError) -> HadronicData {
        try cache.get()
    }

    private static let cache: Result<HadronicData, DecayError> = Result { () throws(DecayError) -> HadronicData in
        guard let directory = Bundle.module.url(forResource: "DarkCastData", withExtension: nil) else {
            throw DecayError(parameter: "DarkCastData", value: nil, problem: "the bundled hadronic data directory is missing")
        }
        return try HadronicData(directory: directory)
    }

    /// The URL of a bundled data file (e.g. `"manifest.json"`), for tests and provenance.
    public static func bundledFile(_ name: String) -> URL? {
        Bundle.module.url(forResource: "DarkCastData", withExtension: nil)?.appendingPathComponent(name)
    }

    /// Loads the data from a directory laid out like `DarkCastData/`.
    public init(directory: URL) throws(DecayError) {
        let manifestURL = directory.appendingPathComponent("manifest.json")
        guard let data = try? Data(contentsOf: manifestURL),
              let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let parameters = root["parameters"] as? [String: Any],
              let files = root["files"] as? [String: Any] else {
            throw DecayError(parameter: manifestURL.path, value: nil, problem: "cannot read the VMD manifest")
        }
        func number(_ object: Any?, _ field: String) throws(DecayError) -> Double {
            guard let value = (object as? NSNumber)?.doubleValue, value.isFinite else {
                throw DecayError(parameter: "manifest.json \(field)", value: nil, problem: "missing or not a number")
            }
            return value
        }
        let prefactorTable = parameters["R_V_prefactors"] as? [String: Any]
        let generatorTable = parameters["meson_generators_diag_u_d_s"] as? [String: Any]
        var prefactors: [VectorMeson: Double] = [:]
        var generators: [VectorMeson: (u: Double, d: Double, s: Double)] = [:]
        for meson in VectorMeson.allCases {
            prefactors[meson] = try number(prefactorTable?[meson.rawValue], "parameters.R_V_prefactors.\(meson.rawValue)")
            guard let diagonal = generatorTable?[meson.rawValue] as? [Any], diagonal.count == 3 else {
                throw DecayError(parameter: "manifest.json parameters.meson_generators_diag_u_d_s.\(meson.rawValue)", value: nil, problem: "missing")
            }
            generators[meson] = (try number(diagonal[0], "T_\(meson.rawValue) u"), try number(diagonal[1], "T_\(meson.rawValue) d"),
                                 try number(diagonal[2], "T_\(meson.rawValue) s"))
        }
        self.prefactors = prefactors
        self.generators = generators
        axialPhase = try number(parameters["axial_phase_cphi"], "parameters.axial_phase_cphi")
        strangeAxialThreshold = try number(parameters["kaon_threshold_for_strange_axial_GeV"], "parameters.kaon_threshold_for_strange_axial_GeV")
        var checks: [(mass: Double, value: Double)] = []
        if let model = root["width_model"] as? [String: Any], let sums = model["dark_photon_R_sum_from_grids"] as? [String: Any] {
            for (key, value) in sums {
                if let mass = Double(key), let v = (value as? NSNumber)?.doubleValue { checks.append((mass, v)) }
            }
        }
        darkPhotonRSum = checks.sorted { $0.mass < $1.mass }

        func grid(_ name: String) throws(DecayError) -> UniformGrid {
            guard files[name] != nil else {
                throw DecayError(parameter: name, value: nil, problem: "not described by the manifest")
            }
            return try Self.readGrid(directory.appendingPathComponent(name))
        }
        let layout: [(String, [VectorMeson], Bool)] = [
            ("pi+_pi-", [.rho], false),
            ("pi+_pi-_pi0", [.omega, .phi], true),
            ("pi+_pi-_pi+_pi-", [.rho], false),
            ("pi+_pi-_pi0_pi0", [.rho], false),
            ("K_K", [.phi], false),
            ("K_K_pi", [.phi], false),
            ("pi0_gamma", [.omega], false),
            ("other", [.rho, .omega, .phi], false),
        ]
        var channels: [ExclusiveHadronicChannel] = []
        for (key, mesons, interference) in layout {
            var components: [VectorMeson: UniformGrid] = [:]
            for meson in mesons { components[meson] = try grid("rf.\(key).\(meson.rawValue).dat") }
            let omegaPhi = interference ? try grid("rf.\(key).omega_phi.dat") : nil
            channels.append(ExclusiveHadronicChannel(key: key, components: components, omegaPhiInterference: omegaPhi))
        }
        self.channels = channels
        axialIsovector = try grid("sf.u_d.a.dat")
        axialStrange = try grid("sf.s.a.dat")
    }

    /// Reads a two-column grid file ('#' header) and checks that its mass step is uniform.
    static func readGrid(_ url: URL) throws(DecayError) -> UniformGrid {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw DecayError(parameter: url.lastPathComponent, value: nil, problem: "cannot read the grid file")
        }
        var masses: [Double] = []
        var values: [Double] = []
        for (number, line) in text.split(separator: "\n").enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count == 2, let m = Double(fields[0]), let v = Double(fields[1]), m.isFinite, v.isFinite else {
                throw DecayError(parameter: "\(url.lastPathComponent) line \(number + 1)", value: nil, problem: "expected two numbers, found '\(trimmed)'")
            }
            masses.append(m)
            values.append(v)
        }
        guard masses.count >= 2 else {
            throw DecayError(parameter: url.lastPathComponent, value: nil, problem: "fewer than two rows")
        }
        let step = (masses[masses.count - 1] - masses[0]) / Double(masses.count - 1)
        for (i, m) in masses.enumerated() where abs(m - (masses[0] + Double(i) * step)) > 1e-6 * step {
            throw DecayError(parameter: "\(url.lastPathComponent) row \(i + 1)", value: m, problem: "mass grid is not uniform")
        }
        return UniformGrid(start: masses[0], step: step, values: values)
    }
}
