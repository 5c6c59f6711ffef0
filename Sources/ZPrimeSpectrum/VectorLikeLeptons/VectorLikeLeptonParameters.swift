import ZPrimeCore
import ZPrimePoint

/// The three lepton generations, with the suffixes that name their parameters.
public enum LeptonGeneration: Int, CaseIterable, Sendable, Hashable, Codable, CustomStringConvertible {
    case electron = 0, muon, tau

    /// The parameter-name suffix: `e`, `mu`, `tau`.
    public var suffix: String {
        switch self {
        case .electron: return "e"
        case .muon: return "mu"
        case .tau: return "tau"
        }
    }

    /// The generation of a suffix (`e`, `mu`, `tau`).
    public init?(suffix: String) {
        guard let g = LeptonGeneration.allCases.first(where: { $0.suffix == suffix }) else { return nil }
        self = g
    }

    /// The measured charged-lepton mass (PDG 2024, ``PhysicalConstants``), GeV: the target of the
    /// tuned Yukawa y.
    public var chargedLeptonMass: Double {
        switch self {
        case .electron: return PhysicalConstants.electronMass
        case .muon: return PhysicalConstants.muonMass
        case .tau: return PhysicalConstants.tauMass
        }
    }

    public var description: String { suffix }
}

/// The continuous parameters of the seed model, U(1)_{B-L} with vector-like leptons (Hati,
/// Kriewald, Orloff, Teixeira, JHEP 07 (2020) 235, arXiv:2005.00028), as the named
/// ``ParameterPoint/modelParameters`` of a point.
///
/// The parameters enter the mass matrices of the backup slides "Charged lepton masses" and
/// "Neutrino masses" of the talks on this model (J. Kriewald, IRN Terascale 2020; per generation; the
/// conventions of ``VectorLikeLeptonMassMatrices``): with <h_SM> = v/sqrt2 and <h_X> = v_X/sqrt2,
///
///     -L ⊃ (ebar_L, Lbar^-_L, Ebar_L) [[y v/sqrt2, lambda_L v_X/sqrt2, 0], [0, M_L, h v/sqrt2],
///                                     [lambda_E v_X/sqrt2, k v/sqrt2, M_E]] (e_R, L^-_R, E_R)^T + h.c.
///          + 1/2 (nu, N^c, L^0, L^0c) [[0, y_nu v/sqrt2, 0, lambda_L v_X/sqrt2], [y_nu v/sqrt2, y_M v_X/sqrt2, 0, 0],
///                                     [0, 0, 0, M_L], [lambda_L v_X/sqrt2, 0, M_L, 0]] (nu, N^c, L^0, L^0c)^T + h.c.
///
/// (the signs of the paper's Yukawa terms are absorbed into the couplings so that the matrices read
/// as on the slides). Gauge invariance with X(h_X) = +2 fixes which terms carry h_X and which h_X*:
/// lbar L (X = +2) needs h_X*, Ebar e and N N (X = -2) need h_X; the paper writes h_X throughout,
/// which matters only for the Goldstone boson's couplings. Each parameter is a 3 x 3 real
/// matrix in generation space. **Names** (a point's `modelParameters`):
///
/// | name | meaning | default |
/// | --- | --- | --- |
/// | `y_g` | SM Yukawa of generation g (`g` = `e`, `mu`, `tau`) | tuned: the lightest charged state of g gets the measured mass |
/// | `lambda_L_g`, `lambda_E_g` | h_X Yukawas mixing l with L and E with e | required for an active generation |
/// | `M_L_g`, `M_E_g` | vector-like masses, GeV (> 0) | required for an active generation |
/// | `h_g`, `k_g` | SM-Higgs Yukawas L-E | 0 |
/// | `y_nu_g`, `y_M_g` | Dirac and Majorana Yukawas of N_R | 0 and 1 |
/// | `X_g1_g2` | off-diagonal entry (row g1, column g2) of matrix X (any name above; `y_M` is symmetric) | 0 |
/// | `m_hX` | mass of the B-L breaking scalar h_X, GeV | required |
/// | `v_X` | the B-L vacuum expectation value, GeV: optional, checked against the point's m_Z' and g_X | derived |
///
/// A generation is **active** when any of its `lambda_L`, `lambda_E`, `M_L`, `M_E`, `h`, `k` is given;
/// then its four required parameters must be. An inactive generation has no vector-like leptons
/// (they decouple: its lepton keeps the plain B-L couplings) but keeps its N_R.
///
/// ```swift
/// let benchmark = VectorLikeLeptonParameters.benchmark(.slides, generations: [.electron, .muon], h: [1e-6, 1e-5])
/// print(benchmark.modelParameters["lambda_L_mu"]!)   // 6.4285... = M_L/v_X
/// let parsed = try VectorLikeLeptonParameters(modelParameters: benchmark.modelParameters)
/// print(parsed == benchmark)   // true
/// ```
public struct VectorLikeLeptonParameters: Sendable, Hashable {
    /// The coupling (and mass) matrices of the model.
    public enum Coupling: String, CaseIterable, Sendable, Hashable {
        /// y: SM Yukawa, h lbar e.
        case yukawa = "y"
        /// lambda_L: h_X* lbar L.
        case lambdaL = "lambda_L"
        /// lambda_E: h_X Ebar e.
        case lambdaE = "lambda_E"
        /// M_L: Lbar L, GeV.
        case massL = "M_L"
        /// M_E: Ebar E, GeV.
        case massE = "M_E"
        /// h: h Lbar E.
        case h = "h"
        /// k: h~ Ebar L.
        case k = "k"
        /// y_nu: h~ lbar N.
        case neutrinoYukawa = "y_nu"
        /// y_M: h_X Nbar^c N (symmetric).
        case majoranaYukawa = "y_M"

        /// Whether the matrix is a mass (GeV) rather than a dimensionless coupling.
        public var isMass: Bool { self == .massL || self == .massE }
        /// Whether an entry (i, j) involves the vector-like leptons of generation i (row) or j
        /// (column): those need the generation to be active.
        var needsVectorLikeRow: Bool { [.massL, .massE, .h, .k].contains(self) }
        var needsVectorLikeColumn: Bool { [.lambdaL, .massL, .massE, .h, .k].contains(self) }
    }

    /// The default of y_M (dimensionless): N_R of mass y_M v_X/sqrt2, about 10 GeV at v_X = 14 GeV,
    /// too heavy for a light Z' to decay into. The seeds give no value.
    public static let defaultMajoranaYukawa = 1.0

    /// The matrices, `values[coupling][i][j]` (row i, column j, generations in ``LeptonGeneration``
    /// order). y on the diagonal of a tuned generation is a placeholder (see ``tunedYukawa``).
    public private(set) var values: [Coupling: [[Double]]]
    /// Whether generation i has its vector-like leptons.
    public private(set) var active: [Bool]
    /// Whether y_ii is tuned to the measured lepton mass (it was not given).
    public private(set) var tunedYukawa: [Bool]
    /// m_hX, GeV.
    public private(set) var scalarMass: Double
    /// v_X if the parameters give it (GeV); the couplings stage checks it against m_Z' and g_X.
    public private(set) var scalarVEV: Double?
    /// Notes on defaults and decoupled generations.
    public private(set) var notes: [Problem]

    /// Every name the parameters understand, in a fixed order (diagonal names, then the rest).
    public static var allNames: [String] {
        var names: [String] = []
        for c in Coupling.allCases { for g in LeptonGeneration.allCases { names.append("\(c.rawValue)_\(g.suffix)") } }
        for c in Coupling.allCases {
            for a in LeptonGeneration.allCases { for b in LeptonGeneration.allCases where a != b { names.append("\(c.rawValue)_\(a.suffix)_\(b.suffix)") } }
        }
        return names + ["m_hX", "v_X"]
    }

    /// Whether `name` is one of the seed model's parameter names (``allNames``).
    public static func isParameterName(_ name: String) -> Bool {
        do {
            _ = try parse(name)   // nil for m_hX and v_X, which are names too
            return true
        } catch {
            return false
        }
    }

    /// The (coupling, row, column) a name refers to, or nil for `m_hX` and `v_X`.
    static func parse(_ name: String) throws(Problem) -> (Coupling, Int, Int)? {
        if name == "m_hX" || name == "v_X" { return nil }
        // Longest coupling prefix first (y_nu and y_M before y).
        for c in Coupling.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count }) where name.hasPrefix(c.rawValue + "_") {
            let rest = name.dropFirst(c.rawValue.count + 1).split(separator: "_", omittingEmptySubsequences: false).map(String.init)
            if rest.count == 1, let g = LeptonGeneration(suffix: rest[0]) { return (c, g.rawValue, g.rawValue) }
            if rest.count == 2, let a = LeptonGeneration(suffix: rest[0]), let b = LeptonGeneration(suffix: rest[1]), a != b {
                return (c, a.rawValue, b.rawValue)
            }
        }
        throw Problem.invalid(.field(name), text: name,
                              "not a parameter of the vector-like-lepton model (names: y, lambda_L, lambda_E, M_L, M_E, h, k, y_nu, y_M with a generation suffix _e, _mu, _tau or two for an off-diagonal entry, e.g. lambda_L_e_mu; and m_hX, v_X)",
                              kind: .unknownName)
    }

    /// Parses and checks named parameters.
    ///
    /// - Throws: ``Problem`` (naming the parameter) for an unknown name; a value that is not finite;
    ///   a vector-like mass that is not > 0 or above 1e5 GeV; a coupling above 100 in magnitude;
    ///   m_hX not in (0, 1e5] GeV; v_X not > 0; a missing required parameter of an active
    ///   generation; an off-diagonal entry that needs the vector-like leptons of an inactive
    ///   generation; two different values for the symmetric y_M entries; no active generation at all.
    public init(modelParameters: [String: Double]) throws(Problem) {
        let zero = [[Double]](repeating: [0, 0, 0], count: 3)
        var values = [Coupling: [[Double]]]()
        for c in Coupling.allCases { values[c] = zero }
        var given = Set<String>()
        var notes: [Problem] = []
        var scalarMass: Double? = nil
        var scalarVEV: Double? = nil
        for name in modelParameters.keys.sorted() {
            let value = modelParameters[name]!
            guard value.isFinite else { throw Problem.invalid(.field(name), value, "must be a finite number") }
            guard let (c, i, j) = try Self.parse(name) else {
                if name == "m_hX" {
                    guard value > 0, value <= ParameterPoint.maximumMass else {
                        throw Problem.invalid(.field(name), value, "the h_X mass must be > 0 and <= \(ParameterPoint.maximumMass) GeV")
                    }
                    scalarMass = value
                } else {
                    guard value > 0, value <= ParameterPoint.maximumMass else {
                        throw Problem.invalid(.field(name), value, "the B-L vacuum expectation value must be > 0 and <= \(ParameterPoint.maximumMass) GeV")
                    }
                    scalarVEV = value
                }
                continue
            }
            if c.isMass {
                if i == j {
                    guard value > 0, value <= ParameterPoint.maximumMass else {
                        throw Problem.invalid(.field(name), value, "a vector-like mass must be > 0 and <= \(ParameterPoint.maximumMass) GeV")
                    }
                } else {
                    guard abs(value) <= ParameterPoint.maximumMass else {
                        throw Problem.invalid(.field(name), value, "an off-diagonal mass must be at most \(ParameterPoint.maximumMass) GeV in magnitude")
                    }
                }
            } else {
                guard abs(value) <= ParameterPoint.maximumCoupling else {
                    throw Problem.invalid(.field(name), value, "a coupling must be at most \(ParameterPoint.maximumCoupling) in magnitude")
                }
            }
            if c == .majoranaYukawa && i != j {
                let mirror = "y_M_\(LeptonGeneration(rawValue: j)!.suffix)_\(LeptonGeneration(rawValue: i)!.suffix)"
                if let other = modelParameters[mirror], other != value {
                    throw Problem.invalid(.field(name), value, "y_M is symmetric: \(mirror) = \(other) differs", kind: .conflict)
                }
                values[c]![j][i] = value
            }
            values[c]![i][j] = value
            given.insert(name)
        }
        var active = [false, false, false]
        for g in LeptonGeneration.allCases {
            let s = g.suffix
            active[g.rawValue] = ["lambda_L", "lambda_E", "M_L", "M_E", "h", "k"].contains { given.contains("\($0)_\(s)") }
            if active[g.rawValue] {
                for required in ["lambda_L", "lambda_E", "M_L", "M_E"] where !given.contains("\(required)_\(s)") {
                    throw Problem.invalid(.field("\(required)_\(s)"), text: nil,
                                          "is required: generation \(s) has vector-like-lepton parameters, so lambda_L_\(s), lambda_E_\(s), M_L_\(s) and M_E_\(s) must all be given",
                                          kind: .missing)
                }
            } else {
                notes.append(.note(.defaultUsed, .field("M_L_\(s)"),
                                   "generation \(s) has no vector-like-lepton parameters: its L and E decouple and its lepton keeps the plain B-L couplings"))
            }
            if !given.contains("y_M_\(s)") {
                values[.majoranaYukawa]![g.rawValue][g.rawValue] = Self.defaultMajoranaYukawa
                notes.append(.note(.defaultUsed, .field("y_M_\(s)"), value: Self.defaultMajoranaYukawa,
                                   "not given: N_R Majorana Yukawa y_M = \(Self.defaultMajoranaYukawa) (M_N = y_M v_X/sqrt2)"))
            }
        }
        guard active.contains(true) else {
            throw Problem.invalid(.field("lambda_L_e"), text: nil,
                                  "no generation has vector-like-lepton parameters: give lambda_L, lambda_E, M_L and M_E of at least one generation (e.g. lambda_L_mu)",
                                  kind: .missing)
        }
        // Off-diagonal entries that need vector-like fields of an inactive generation.
        for c in Coupling.allCases {
            for i in 0..<3 {
                for j in 0..<3 where i != j && values[c]![i][j] != 0 {
                    let name = "\(c.rawValue)_\(LeptonGeneration(rawValue: i)!.suffix)_\(LeptonGeneration(rawValue: j)!.suffix)"
                    if c.needsVectorLikeRow && !active[i] || c.needsVectorLikeColumn && !active[j]
                        || c == .lambdaE && !active[i] {
                        throw Problem.invalid(.field(name), values[c]![i][j],
                                              "couples vector-like leptons of a generation that has none (give its lambda_L, lambda_E, M_L, M_E)",
                                              kind: .conflict)
                    }
                }
            }
        }
        guard let scalarMass else {
            throw Problem.invalid(.field("m_hX"), text: nil, "is required: the mass of the B-L breaking scalar h_X, GeV", kind: .missing)
        }
        self.values = values
        self.active = active
        self.tunedYukawa = LeptonGeneration.allCases.map { !given.contains("y_\($0.suffix)") }
        self.scalarMass = scalarMass
        self.scalarVEV = scalarVEV
        self.notes = notes
    }

    /// Equal parameters describe the same model point; the ``notes`` (how the defaults were reached)
    /// do not take part.
    public static func == (a: VectorLikeLeptonParameters, b: VectorLikeLeptonParameters) -> Bool {
        a.values == b.values && a.active == b.active && a.tunedYukawa == b.tunedYukawa && a.scalarMass == b.scalarMass && a.scalarVEV == b.scalarVEV
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(values)
        hasher.combine(active)
        hasher.combine(tunedYukawa)
        hasher.combine(scalarMass)
        hasher.combine(scalarVEV)
    }

    /// The value of matrix `c` at (row, column).
    public func value(_ c: Coupling, _ row: LeptonGeneration, _ column: LeptonGeneration) -> Double {
        values[c]![row.rawValue][column.rawValue]
    }

    /// Whether any off-diagonal entry is non-zero (the three generations then mix: the 9 x 9 and
    /// 12 x 12 mass matrices are diagonalised as a whole).
    public var hasOffDiagonalEntries: Bool {
        Coupling.allCases.contains { c in (0..<3).contains { i in (0..<3).contains { j in i != j && values[c]![i][j] != 0 } } }
    }

    /// Whether generation g has its vector-like leptons.
    public func isActive(_ g: LeptonGeneration) -> Bool { active[g.rawValue] }

    /// The parameters as named model parameters (every diagonal entry of an active generation and
    /// every non-zero off-diagonal one; y only where it is not tuned).
    public var modelParameters: [String: Double] {
        var result: [String: Double] = ["m_hX": scalarMass]
        if let scalarVEV { result["v_X"] = scalarVEV }
        for c in Coupling.allCases {
            for a in LeptonGeneration.allCases {
                for b in LeptonGeneration.allCases {
                    let x = values[c]![a.rawValue][b.rawValue]
                    if a == b {
                        if c == .yukawa && tunedYukawa[a.rawValue] { continue }
                        if !active[a.rawValue] && ![.yukawa, .neutrinoYukawa, .majoranaYukawa].contains(c) { continue }
                        result["\(c.rawValue)_\(a.suffix)"] = x
                    } else if x != 0 {
                        result["\(c.rawValue)_\(a.suffix)_\(b.suffix)"] = x
                    }
                }
            }
        }
        return result
    }

    /// The same parameters with entry (row, column) of `c` set to `value` (checked again).
    public func setting(_ c: Coupling, _ row: LeptonGeneration, _ column: LeptonGeneration, to value: Double) throws(Problem) -> VectorLikeLeptonParameters {
        var named = modelParameters
        let name = row == column ? "\(c.rawValue)_\(row.suffix)" : "\(c.rawValue)_\(row.suffix)_\(column.suffix)"
        named[name] = value
        return try VectorLikeLeptonParameters(modelParameters: named)
    }

    // MARK: Benchmarks

    /// The benchmark of the authors' talks (J. Kriewald; C. Hati, 2020) and its exact-cancellation variant.
    public enum Benchmark: String, CaseIterable, Sendable, Hashable {
        /// The slides' benchmark: lambda_L = lambda_E = M/v_X, i.e. r = lambda^2 v_X^2/M^2 = 1 with the
        /// mass-matrix entries lambda v_X/sqrt2 (the first-order cancellation condition of the slides).
        case slides
        /// lambda_L = lambda_E = sqrt2 M/v_X, r = 2: the exact neutrino-coupling cancellation
        /// (the light-heavy mixing is s^2 = r/(2 + r) = 1/2).
        case cancellation

        /// r = lambda^2 v_X^2/M^2.
        public var r: Double { self == .slides ? 1 : 2 }
    }

    /// The benchmark inputs of the authors' talks (Hati et al. 2020): M_L = M_E = 90 GeV, m_hX = 70 GeV,
    /// v_X = 14 GeV, k = 1e-7, eps_{B-L} = 2e-3 and eps = -8e-4 (the last two are the point's gauge
    /// inputs, ``benchmarkGaugeCoupling`` and ``benchmarkKineticMixing``), lambda from `benchmark`.
    public static let benchmarkVectorLikeMass = 90.0
    /// m_hX of the benchmark, GeV.
    public static let benchmarkScalarMass = 70.0
    /// v_X of the benchmark, GeV.
    public static let benchmarkScalarVEV = 14.0
    /// eps_{B-L} of the benchmark.
    public static let benchmarkGaugeCoupling = 2e-3
    /// eps of the benchmark.
    public static let benchmarkKineticMixing = -8e-4
    /// k of the benchmark (k_e = k_mu = 1e-7).
    public static let benchmarkK = 1e-7

    /// The benchmark parameters for the listed generations, with h per generation (default 0) and
    /// the benchmark's k = 1e-7 unless given.
    public static func benchmark(_ benchmark: Benchmark, generations: [LeptonGeneration] = [.electron, .muon],
                                 h: [Double]? = nil, k: [Double]? = nil) -> VectorLikeLeptonParameters {
        let lambda = (benchmark.r).squareRoot() * benchmarkVectorLikeMass / benchmarkScalarVEV
        var named: [String: Double] = ["m_hX": benchmarkScalarMass, "v_X": benchmarkScalarVEV]
        for (index, g) in generations.enumerated() {
            let s = g.suffix
            named["lambda_L_\(s)"] = lambda
            named["lambda_E_\(s)"] = lambda
            named["M_L_\(s)"] = benchmarkVectorLikeMass
            named["M_E_\(s)"] = benchmarkVectorLikeMass
            named["h_\(s)"] = h?[index] ?? 0
            named["k_\(s)"] = k?[index] ?? benchmarkK
        }
        return try! VectorLikeLeptonParameters(modelParameters: named)
    }
}
