/// How the quark charges are parametrised in an atlas enumeration.
public enum QuarkMode: String, CaseIterable, Sendable, Hashable, Codable {
    /// Quark-flavour universal: X_Qi = X_Ui = X_Di = X_q for all families (with a Higgs charge h:
    /// X_U = X_q + h, X_D = X_q - h, so every quark Yukawa stays allowed). Greljo et al. (arXiv:2107.07518): 276 solutions
    /// at |X| <= 10 including the trivial one.
    case universal
    /// "2+1", third-family quarks (Greljo et al., arXiv:2107.07518): the image of the universal
    /// atlas under X_q12 = 0, X_q3 = 3 X_q with X_q != 0 and |X_q3| <= Q_max. It keeps the
    /// universal solution's primitivity (see the README's atlas section).
    case twoPlusOne = "two-plus-one"
    /// Every one of the 3 x 6 fermion charges free (Allanach, Davighi, Melville, arXiv 1812.04602).
    case free
}

/// What an atlas enumeration covers. Two stores are compatible only if their configurations
/// are equal (apart from the shard).
public struct AtlasConfiguration: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The largest allowed |X| of any fermion charge.
    public var maxCharge: Int
    /// The quark parametrisation.
    public var quarkMode: QuarkMode
    /// The number of right-handed neutrinos, 0 to 3.
    public var neutrinoCount: Int
    /// The Higgs charge X_H (integer). It does not enter the anomaly conditions; it decides
    /// which Yukawa terms are allowed (and the quark charges in the universal and 2+1 modes).
    public var higgsCharge: Int
    /// Whether the trivial assignment X = 0 is included.
    public var includeTrivial: Bool

    /// The largest `maxCharge` accepted in the free mode; the work grows like Q_max^7 and the
    /// per-bucket tables like Q_max^6 (Q_max = 12 takes seconds, 20 about a day on two cores).
    public static let maximumFreeCharge = 20
    /// The largest `maxCharge` accepted in the universal and 2+1 modes.
    public static let maximumCharge = 60

    /// Creates a configuration, validating every field.
    public init(maxCharge: Int, quarkMode: QuarkMode, neutrinoCount: Int = 3, higgsCharge: Int = 0, includeTrivial: Bool = false) throws(AtlasError) {
        let limit = quarkMode == .free ? AtlasConfiguration.maximumFreeCharge : AtlasConfiguration.maximumCharge
        guard maxCharge >= 0 else { throw .invalid(option: "--max-charge", value: "\(maxCharge)", reason: "must be >= 0") }
        guard maxCharge <= limit else {
            throw .invalid(option: "--max-charge", value: "\(maxCharge)", reason: "too large for the \(quarkMode.rawValue) mode (at most \(limit))")
        }
        guard (0...3).contains(neutrinoCount) else { throw .invalid(option: "--neutrinos", value: "\(neutrinoCount)", reason: "must be 0, 1, 2 or 3") }
        // magnitude, not abs(): abs(Int.min) traps.
        guard higgsCharge.magnitude <= UInt(maxCharge) else {
            throw .invalid(option: "--higgs-charge", value: "\(higgsCharge)", reason: "|X_H| must not exceed --max-charge")
        }
        self.maxCharge = maxCharge
        self.quarkMode = quarkMode
        self.neutrinoCount = neutrinoCount
        self.higgsCharge = higgsCharge
        self.includeTrivial = includeTrivial
    }

    public var description: String {
        "quarks=\(quarkMode.rawValue) max-charge=\(maxCharge) neutrinos=\(neutrinoCount) higgs-charge=\(higgsCharge) include-trivial=\(includeTrivial)"
    }
}

/// A deterministic part of an enumeration: shard `index` (1-based) of `count`.
public struct ShardSpecification: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The 1-based shard index.
    public let index: Int
    /// The number of shards.
    public let count: Int

    /// The whole enumeration.
    public static let whole = ShardSpecification(uncheckedIndex: 1, count: 1)

    private init(uncheckedIndex: Int, count: Int) {
        self.index = uncheckedIndex
        self.count = count
    }

    /// Parses `"i/N"` with 1 <= i <= N.
    public init(parsing text: String) throws(AtlasError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw .invalid(option: "--shard", value: text, reason: "expected i/N with integers, e.g. 3/8")
        }
        guard n >= 1, n <= 1_000_000 else { throw .invalid(option: "--shard", value: text, reason: "the shard count N must be between 1 and 1000000") }
        guard i >= 1, i <= n else { throw .invalid(option: "--shard", value: text, reason: "the shard index i must satisfy 1 <= i <= N") }
        self.index = i
        self.count = n
    }

    /// Creates a shard specification (1 <= index <= count).
    public init(index: Int, count: Int) throws(AtlasError) {
        try self.init(parsing: "\(index)/\(count)")
    }

    public var description: String { "\(index)/\(count)" }
}

/// Errors of atlas configuration and enumeration.
public enum AtlasError: Error, CustomStringConvertible, Equatable, Sendable {
    /// An option has a bad value.
    case invalid(option: String, value: String, reason: String)

    public var description: String {
        switch self {
        case .invalid(let option, let value, let reason): return "\(option) \(value): \(reason)"
        }
    }
}
