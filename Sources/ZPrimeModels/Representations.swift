import ZPrimeCore

/// An irreducible representation of SU(3)_colour supported by ZPrime's group theory.
///
/// Dynkin indices use the normalisation T(fundamental) = 1/2; cubic anomaly coefficients use
/// A(3) = 1 (Slansky, Phys. Rept. 79 (1981) 1, table 22).
public enum ColourRepresentation: String, CaseIterable, Sendable, Hashable, Codable {
    case singlet = "1"
    case triplet = "3"
    case antitriplet = "3bar"
    case sextet = "6"
    case antisextet = "6bar"
    case octet = "8"

    /// Parses `"1"`, `"3"`, `"3bar"` (also `"3b"`, `"-3"`, `"3*"`), `"6"`, `"6bar"`, `"8"`.
    public init?(parsing text: String) {
        switch text.lowercased().replacingOccurrences(of: " ", with: "") {
        case "1": self = .singlet
        case "3": self = .triplet
        case "3bar", "3b", "-3", "3*", "anti-3": self = .antitriplet
        case "6": self = .sextet
        case "6bar", "6b", "-6", "6*", "anti-6": self = .antisextet
        case "8": self = .octet
        default: return nil
        }
    }

    /// The dimension of the representation.
    public var dimension: Int {
        switch self {
        case .singlet: return 1
        case .triplet, .antitriplet: return 3
        case .sextet, .antisextet: return 6
        case .octet: return 8
        }
    }

    /// The Dynkin index T(r), with T(3) = 1/2.
    public var dynkinIndex: Rational {
        switch self {
        case .singlet: return .zero
        case .triplet, .antitriplet: return Rational(1, 2)
        case .sextet, .antisextet: return Rational(5, 2)
        case .octet: return Rational(3)
        }
    }

    /// The SU(3)^3 anomaly coefficient A(r), with A(3) = 1.
    public var cubicAnomaly: Int {
        switch self {
        case .singlet, .octet: return 0
        case .triplet: return 1
        case .antitriplet: return -1
        case .sextet: return 7
        case .antisextet: return -7
        }
    }

    /// The complex-conjugate representation.
    public var conjugate: ColourRepresentation {
        switch self {
        case .singlet: return .singlet
        case .triplet: return .antitriplet
        case .antitriplet: return .triplet
        case .sextet: return .antisextet
        case .antisextet: return .sextet
        case .octet: return .octet
        }
    }

    /// The members of this set of representations contained in `self ⊗ other`
    /// (Slansky table 25; larger irreps such as 10, 15, 27 are omitted because no field can
    /// carry them here).
    public func productContains(_ other: ColourRepresentation, _ target: ColourRepresentation) -> Bool {
        if self == .singlet { return other == target }
        if other == .singlet { return self == target }
        // Reduce to a canonical ordering using conjugation symmetry: conj(a ⊗ b) = conj a ⊗ conj b.
        let contained: Set<ColourRepresentation>
        switch (self, other) {
        case (.triplet, .triplet): contained = [.sextet, .antitriplet]
        case (.triplet, .antitriplet), (.antitriplet, .triplet): contained = [.octet, .singlet]
        case (.triplet, .sextet), (.sextet, .triplet): contained = [.octet]
        case (.triplet, .antisextet), (.antisextet, .triplet): contained = [.antitriplet]
        case (.triplet, .octet), (.octet, .triplet): contained = [.antisextet, .triplet]
        case (.sextet, .sextet): contained = [.antisextet]
        case (.sextet, .antisextet), (.antisextet, .sextet): contained = [.octet, .singlet]
        case (.sextet, .octet), (.octet, .sextet): contained = [.sextet, .antitriplet]
        case (.octet, .octet): contained = [.octet, .singlet]
        default:
            // Both conjugate of a case above.
            return conjugate.productContains(other.conjugate, target.conjugate)
        }
        return contained.contains(target)
    }

    /// Whether `a ⊗ b ⊗ c` contains the singlet.
    public static func tripleProductHasSinglet(_ a: ColourRepresentation, _ b: ColourRepresentation, _ c: ColourRepresentation) -> Bool {
        a.productContains(b, c.conjugate)
    }
}

/// An irreducible representation of SU(2)_L, labelled by its dimension n = 2j + 1.
public struct IsospinRepresentation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The dimension n = 2j + 1 (1 singlet, 2 doublet, 3 triplet, ...).
    public let dimension: Int

    /// A representation of dimension `dimension` (1 ... 12 supported).
    public init?(dimension: Int) {
        guard (1...12).contains(dimension) else { return nil }
        self.dimension = dimension
    }

    /// The singlet.
    public static let singlet = IsospinRepresentation(dimension: 1)!
    /// The doublet.
    public static let doublet = IsospinRepresentation(dimension: 2)!
    /// The triplet.
    public static let triplet = IsospinRepresentation(dimension: 3)!

    /// The Dynkin index T(n) = n (n^2 - 1) / 12, so T(2) = 1/2, T(3) = 2.
    public var dynkinIndex: Rational {
        Rational(dimension * (dimension * dimension - 1), 12)
    }

    /// Twice the isospin, 2j = n - 1.
    public var twiceIsospin: Int { dimension - 1 }

    public var description: String { "\(dimension)" }

    /// Whether `a ⊗ b ⊗ c` contains the singlet: the three spins obey the triangle rule and
    /// sum to an integer.
    public static func tripleProductHasSinglet(_ a: IsospinRepresentation, _ b: IsospinRepresentation, _ c: IsospinRepresentation) -> Bool {
        let (x, y, z) = (a.twiceIsospin, b.twiceIsospin, c.twiceIsospin)
        return (x + y + z) % 2 == 0 && z <= x + y && z >= abs(x - y)
    }
}

/// The Standard Model gauge quantum numbers (SU(3)_c, SU(2)_L, U(1)_Y) of a field, with the
/// hypercharge normalised so that Q = T_3 + Y.
public struct GaugeRepresentation: Hashable, Sendable, CustomStringConvertible {
    /// The colour representation.
    public var colour: ColourRepresentation
    /// The weak-isospin representation.
    public var isospin: IsospinRepresentation
    /// The hypercharge Y (Q = T_3 + Y).
    public var hypercharge: Rational

    /// Creates gauge quantum numbers.
    public init(colour: ColourRepresentation, isospin: IsospinRepresentation, hypercharge: Rational) {
        self.colour = colour
        self.isospin = isospin
        self.hypercharge = hypercharge
    }

    /// The total number of components, dim(colour) x dim(isospin).
    public var dimension: Int { colour.dimension * isospin.dimension }

    /// The conjugate representation (conjugate colour, same SU(2) since SU(2) is pseudo-real, -Y).
    public var conjugate: GaugeRepresentation {
        GaugeRepresentation(colour: colour.conjugate, isospin: isospin, hypercharge: -hypercharge)
    }

    public var description: String { "(\(colour.rawValue), \(isospin.dimension), \(hypercharge))" }
}
