import ZPrimeCore

/// The six gauge and gravitational anomaly conditions of SM x U(1)_X.
///
/// Each is computed from group theory over the left-handed Weyl content :
///
/// - A(SU(3)^2 X) = sum T(colour) dim(isospin) X
/// - A(SU(2)^2 X) = sum T(isospin) dim(colour) X
/// - A(Y^2 X) = sum d Y^2 X,  A(Y X^2) = sum d Y X^2,  A(X^3) = sum d X^3,  A(grav^2 X) = sum d X
///
/// with T(fundamental) = 1/2 and d the total gauge dimension. ZPrime reports every value in the
/// normalisation of Greljo et al. (arXiv:2107.07518, their six anomaly equations), which equals the group-theory value times ``publishedNormalisation``:
/// 2 for SU(3)^2 X and SU(2)^2 X, 6 for Y^2 X and 1 for the other three. For SM + N with
/// family charges the result is then exactly, e.g., sum_i (2 X_Qi - X_Ui - X_Di) for SU(3)^2 X.
public enum AnomalyCondition: String, CaseIterable, Sendable, Hashable, Codable {
    case su3su3X = "SU(3)^2 X"
    case su2su2X = "SU(2)^2 X"
    case yyX = "Y^2 X"
    case yXX = "Y X^2"
    case xxx = "X^3"
    case gravGravX = "grav^2 X"

    /// The factor converting the group-theory coefficient to the normalisation of Greljo et al. (arXiv:2107.07518).
    public var publishedNormalisation: Rational {
        switch self {
        case .su3su3X, .su2su2X: return Rational(2)
        case .yyX: return Rational(6)
        case .yXX, .xxx, .gravGravX: return .one
        }
    }

    /// A stable machine-readable key (used in JSON output).
    public var key: String {
        switch self {
        case .su3su3X: return "SU3^2_X"
        case .su2su2X: return "SU2^2_X"
        case .yyX: return "Y^2_X"
        case .yXX: return "Y_X^2"
        case .xxx: return "X^3"
        case .gravGravX: return "grav^2_X"
        }
    }

    /// The power of the U(1)_X charges in the condition (1 linear, 2 quadratic, 3 cubic):
    /// rescaling every charge by k multiplies the coefficient by k^degree.
    public var degree: Int {
        switch self {
        case .su3su3X, .su2su2X, .yyX, .gravGravX: return 1
        case .yXX: return 2
        case .xxx: return 3
        }
    }

    /// The group-theory coefficient of one left-handed Weyl field.
    func groupTheoryContribution(_ field: WeylField) throws(RationalError) -> Rational {
        let g = field.gauge
        let d = Rational(g.dimension)
        let x = field.charge
        switch self {
        case .su3su3X: return try g.colour.dynkinIndex * Rational(g.isospin.dimension) * x
        case .su2su2X: return try g.isospin.dynkinIndex * Rational(g.colour.dimension) * x
        case .yyX: return try d * g.hypercharge * g.hypercharge * x
        case .yXX: return try d * g.hypercharge * x * x
        case .xxx: return try d * x * x * x
        case .gravGravX: return try d * x
        }
    }
}

/// The anomalies of the Standard Model gauge group itself. They vanish family by family in the
/// SM; chiral extra fermions can spoil them, so ZPrime checks them too.
public enum StandardModelAnomaly: String, CaseIterable, Sendable, Hashable, Codable {
    case su3Cubed = "SU(3)^3"
    case su3su3Y = "SU(3)^2 Y"
    case su2su2Y = "SU(2)^2 Y"
    case yCubed = "Y^3"
    case gravGravY = "grav^2 Y"
    /// Witten's global SU(2) anomaly: the number of left-handed doublets (more generally, of
    /// representations with odd 2T(n)) must be even (E. Witten, Phys. Lett. B 117 (1982) 324).
    /// Reported as that number modulo 2.
    case witten = "SU(2) Witten"

    /// The coefficient of one left-handed Weyl field.
    func contribution(_ field: WeylField) throws(RationalError) -> Rational {
        let g = field.gauge
        let d = Rational(g.dimension)
        switch self {
        case .su3Cubed: return Rational(g.colour.cubicAnomaly * g.isospin.dimension)
        case .su3su3Y: return try g.colour.dynkinIndex * Rational(g.isospin.dimension) * g.hypercharge
        case .su2su2Y: return try g.isospin.dynkinIndex * Rational(g.colour.dimension) * g.hypercharge
        case .yCubed: return try d * g.hypercharge * g.hypercharge * g.hypercharge
        case .gravGravY: return try d * g.hypercharge
        case .witten:
            // A Weyl fermion in the SU(2) representation of dimension n contributes 2T(n) mod 2
            // (odd for n = 2, 6, 10, ...; even for integer isospin and for n = 4, 8, ...).
            guard g.isospin.dimension % 2 == 0 else { return .zero }
            return try Rational(g.colour.dimension) * (g.isospin.dynkinIndex * Rational(2))
        }
    }
}

/// One evaluated anomaly coefficient.
public struct AnomalyValue: Hashable, Sendable {
    /// The condition's display name.
    public let name: String
    /// The machine-readable key.
    public let key: String
    /// The exact value (normalisation of Greljo et al., arXiv:2107.07518, for the U(1)_X conditions).
    public let value: Rational
    /// Whether the condition is satisfied.
    public var passes: Bool { value.isZero }
}

/// The six U(1)_X anomaly conditions (and the SM-group anomalies) of a model, evaluated exactly.
public struct AnomalyReport: Hashable, Sendable {
    /// The six U(1)_X conditions in the order of ``AnomalyCondition/allCases``.
    public let conditions: [AnomalyValue]
    /// The anomalies of SU(3) x SU(2) x U(1)_Y alone (nonzero only with chiral extra fermions).
    public let standardModelAnomalies: [AnomalyValue]

    /// Evaluates every condition; throws ``RationalError/overflow(_:)`` if the charges are too
    /// large for exact 64-bit arithmetic.
    public init(model: Model) throws(RationalError) {
        let fields = model.leftHandedWeylFields
        var values: [AnomalyValue] = []
        for condition in AnomalyCondition.allCases {
            var sum = Rational.zero
            for field in fields { sum = try sum + condition.groupTheoryContribution(field) }
            values.append(AnomalyValue(name: condition.rawValue, key: condition.key, value: try sum * condition.publishedNormalisation))
        }
        conditions = values
        var sm: [AnomalyValue] = []
        for anomaly in StandardModelAnomaly.allCases {
            var sum = Rational.zero
            for field in fields { sum = try sum + anomaly.contribution(field) }
            if anomaly == .witten {
                // Only the parity of the number of doublets matters.
                let n = sum.numerator % 2
                sum = Rational(Int(n < 0 ? -n : n))
            }
            sm.append(AnomalyValue(name: anomaly.rawValue, key: anomaly.rawValue, value: sum))
        }
        standardModelAnomalies = sm
    }

    /// The value of one U(1)_X condition.
    public func value(of condition: AnomalyCondition) -> Rational {
        conditions[AnomalyCondition.allCases.firstIndex(of: condition)!].value
    }

    /// Whether all six U(1)_X conditions vanish.
    public var isU1XAnomalyFree: Bool { conditions.allSatisfy(\.passes) }

    /// Whether the SM gauge anomalies (including Witten's) also vanish.
    public var isStandardModelConsistent: Bool { standardModelAnomalies.allSatisfy(\.passes) }

    /// Whether the model is anomaly free: all six U(1)_X conditions and the SM-group anomalies.
    public var isAnomalyFree: Bool { isU1XAnomalyFree && isStandardModelConsistent }

    /// The U(1)_X conditions that fail.
    public var failingConditions: [AnomalyValue] { conditions.filter { !$0.passes } }
}
