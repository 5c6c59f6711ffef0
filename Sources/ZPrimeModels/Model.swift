import ZPrimeCore

/// The five chiral fermion species of one Standard Model family, plus the right-handed
/// neutrino, as in Greljo et al. (arXiv:2107.07518):
/// Q(3,2,1/6), U(3,1,2/3), D(3,1,-1/3), L(1,2,-1/2), E(1,1,-1), N(1,1,0).
///
/// Q and L are left-handed; U, D, E, N are right-handed. Their U(1)_X charges are the charges of
/// the field as written; the anomaly engine conjugates the right-handed ones.
public enum StandardModelSpecies: String, CaseIterable, Sendable, Hashable, Codable {
    case Q, U, D, L, E, N

    /// The gauge quantum numbers of the field as written.
    public var gauge: GaugeRepresentation {
        switch self {
        case .Q: return GaugeRepresentation(colour: .triplet, isospin: .doublet, hypercharge: Rational(1, 6))
        case .U: return GaugeRepresentation(colour: .triplet, isospin: .singlet, hypercharge: Rational(2, 3))
        case .D: return GaugeRepresentation(colour: .triplet, isospin: .singlet, hypercharge: Rational(-1, 3))
        case .L: return GaugeRepresentation(colour: .singlet, isospin: .doublet, hypercharge: Rational(-1, 2))
        case .E: return GaugeRepresentation(colour: .singlet, isospin: .singlet, hypercharge: Rational(-1))
        case .N: return GaugeRepresentation(colour: .singlet, isospin: .singlet, hypercharge: .zero)
        }
    }

    /// The chirality of the field as written.
    public var chirality: Chirality {
        switch self {
        case .Q, .L: return .left
        case .U, .D, .E, .N: return .right
        }
    }

    /// A one-line description for tables.
    public var summary: String {
        switch self {
        case .Q: return "quark doublet q_L"
        case .U: return "up-type singlet u_R"
        case .D: return "down-type singlet d_R"
        case .L: return "lepton doublet l_L"
        case .E: return "charged-lepton singlet e_R"
        case .N: return "right-handed neutrino N_R"
        }
    }
}

/// The chirality of a Weyl fermion.
public enum Chirality: String, Sendable, Hashable, Codable {
    case left, right
}

/// A fermion beyond the Standard Model: any gauge representation, chiral or vector-like, one or
/// more copies, each copy with its own U(1)_X charges.
///
/// A left-handed chiral fermion has only `leftCharges`, a right-handed one only `rightCharges`, a
/// Dirac (vector-like under the SM) fermion has both. Equal left and right charges make it
/// vector-like under U(1)_X too, so it cancels from every anomaly; different ones (the
/// "anomalons" of gauged baryon number) do not.
public struct ExtraFermion: Hashable, Sendable {
    /// The field name, e.g. `"L4"` or `"Psi"`.
    public var name: String
    /// The SM gauge quantum numbers (of both chiral parts).
    public var gauge: GaugeRepresentation
    /// U(1)_X charges of the left-handed part, one per copy, or `nil` when absent.
    public var leftCharges: [Rational]?
    /// U(1)_X charges of the right-handed part, one per copy, or `nil` when absent.
    public var rightCharges: [Rational]?

    /// Creates an extra fermion; at least one chiral part must be present, and both parts must
    /// have the same number of copies.
    public init(name: String, gauge: GaugeRepresentation, leftCharges: [Rational]?, rightCharges: [Rational]?) {
        precondition(leftCharges != nil || rightCharges != nil, "an extra fermion needs a chiral part")
        if let l = leftCharges, let r = rightCharges { precondition(l.count == r.count, "copy count mismatch") }
        self.name = name
        self.gauge = gauge
        self.leftCharges = leftCharges
        self.rightCharges = rightCharges
    }

    /// A vector-like (Dirac) fermion with equal left and right charges.
    public static func vectorLike(_ name: String, _ gauge: GaugeRepresentation, charge: Rational, copies: Int = 1) -> ExtraFermion {
        ExtraFermion(name: name, gauge: gauge, leftCharges: Array(repeating: charge, count: copies), rightCharges: Array(repeating: charge, count: copies))
    }

    /// The number of copies (generations) of this fermion.
    public var copies: Int { (leftCharges ?? rightCharges ?? []).count }

    /// A word describing the chirality structure.
    public var chiralityDescription: String {
        switch (leftCharges, rightCharges) {
        case (.some(let l), .some(let r)): return l == r ? "vector-like" : "vector-like (SM), chiral (X)"
        case (.some, nil): return "left-handed"
        default: return "right-handed"
        }
    }
}

/// A scalar field: the SM Higgs or an extra scalar such as the U(1)_X-breaking h_X / phi.
public struct Scalar: Hashable, Sendable {
    /// The field name.
    public var name: String
    /// The SM gauge quantum numbers.
    public var gauge: GaugeRepresentation
    /// The U(1)_X charge.
    public var charge: Rational

    /// Creates a scalar.
    public init(name: String, gauge: GaugeRepresentation, charge: Rational) {
        self.name = name
        self.gauge = gauge
        self.charge = charge
    }

    /// A SM-singlet scalar of U(1)_X charge `charge`.
    public static func singlet(_ name: String, charge: Rational) -> Scalar {
        Scalar(name: name, gauge: GaugeRepresentation(colour: .singlet, isospin: .singlet, hypercharge: .zero), charge: charge)
    }
}

/// A U(1)_X model: the Standard Model families, right-handed neutrinos, optional extra fermions
/// and scalars, and the U(1)_X charge of every field.
///
/// ```swift
/// let bMinusL = BuiltinModels.model(named: "B-L")!
/// let report = try AnomalyReport(model: bMinusL)
/// print(report.isAnomalyFree)   // true
/// ```
public struct Model: Hashable, Sendable {
    /// The model's name (a built-in name or the file's `name`).
    public var name: String
    /// A one-line description.
    public var summary: String
    /// The number of SM families (3 unless a file says otherwise).
    public var families: Int
    /// U(1)_X charges of the SM species per family. N has one entry per right-handed neutrino
    /// (any number, possibly zero); the others have `families` entries.
    public var charges: [StandardModelSpecies: [Rational]]
    /// The U(1)_X charge of the SM Higgs doublet H(1, 2, 1/2).
    public var higgsCharge: Rational
    /// Fermions beyond the SM.
    public var extraFermions: [ExtraFermion]
    /// Scalars beyond the SM Higgs.
    public var scalars: [Scalar]
    /// Kinetic mixing tied to the gauge coupling: eps = ratio * g_X / e at leading order (e.g. -1
    /// for the protophobic boson of Feng et al., PRD 95 035017 (2017)), or `nil` when eps is free.
    /// Exactly, the ratio relates eps to the effective U(1)_X coupling g_X/(e sqrt(1 - eps_k^2)),
    /// which keeps eps_p = 0 to all orders in eps for the protophobic model.
    public var kineticMixingRatio: Double?
    /// Whether the boson couples only through kinetic mixing (the dark photon).
    public var isKineticMixingOnly: Bool
    /// References for the model, as short citations.
    public var references: [String]
    /// How the fermion mass eigenstates are obtained (``FermionSpectrum/aligned`` unless the model
    /// mixes its extra fermions with the SM ones through a mass matrix).
    public var spectrum: FermionSpectrum

    /// Creates a model; every species other than N gets `families` charges.
    public init(
        name: String,
        summary: String = "",
        families: Int = 3,
        charges: [StandardModelSpecies: [Rational]],
        higgsCharge: Rational = .zero,
        extraFermions: [ExtraFermion] = [],
        scalars: [Scalar] = [],
        kineticMixingRatio: Double? = nil,
        isKineticMixingOnly: Bool = false,
        references: [String] = [],
        spectrum: FermionSpectrum = .aligned
    ) {
        self.name = name
        self.summary = summary
        self.families = families
        var filled = charges
        for species in StandardModelSpecies.allCases where filled[species] == nil {
            filled[species] = species == .N ? [] : Array(repeating: .zero, count: families)
        }
        self.charges = filled
        self.higgsCharge = higgsCharge
        self.extraFermions = extraFermions
        self.scalars = scalars
        self.kineticMixingRatio = kineticMixingRatio
        self.isKineticMixingOnly = isKineticMixingOnly
        self.references = references
        self.spectrum = spectrum
    }

    /// The charges of `species` (per family; per right-handed neutrino for N).
    public func charges(of species: StandardModelSpecies) -> [Rational] { charges[species] ?? [] }

    /// The number of right-handed neutrinos.
    public var rightHandedNeutrinoCount: Int { charges(of: .N).count }

    /// The SM Higgs doublet as a ``Scalar``.
    public var higgs: Scalar {
        Scalar(name: "H", gauge: GaugeRepresentation(colour: .singlet, isospin: .doublet, hypercharge: Rational(1, 2)), charge: higgsCharge)
    }

    /// Every scalar: the Higgs first, then the extra scalars.
    public var allScalars: [Scalar] { [higgs] + scalars }

    /// The same model with every U(1)_X charge multiplied by `factor` (exact; throws on overflow).
    public func rescaled(by factor: Rational) throws(RationalError) -> Model {
        var copy = self
        for (species, values) in charges {
            var scaled: [Rational] = []
            for v in values { scaled.append(try v * factor) }
            copy.charges[species] = scaled
        }
        copy.higgsCharge = try higgsCharge * factor
        copy.extraFermions = []
        for fermion in extraFermions {
            var f = fermion
            if let l = fermion.leftCharges { var s: [Rational] = []; for v in l { s.append(try v * factor) }; f.leftCharges = s }
            if let r = fermion.rightCharges { var s: [Rational] = []; for v in r { s.append(try v * factor) }; f.rightCharges = s }
            copy.extraFermions.append(f)
        }
        copy.scalars = []
        for scalar in scalars {
            var s = scalar
            s.charge = try scalar.charge * factor
            copy.scalars.append(s)
        }
        return copy
    }

    /// Every fermion as a left-handed Weyl field (right-handed fields conjugated: conjugate
    /// colour, -Y, -X), one entry per family or copy. This is the content the anomaly and
    /// Yukawa engines work on.
    public var leftHandedWeylFields: [WeylField] {
        var fields: [WeylField] = []
        for species in StandardModelSpecies.allCases {
            for (index, charge) in charges(of: species).enumerated() {
                fields.append(WeylField(species: species.rawValue, index: index, gauge: species.gauge, charge: charge, chirality: species.chirality))
            }
        }
        for fermion in extraFermions {
            if let left = fermion.leftCharges {
                for (index, charge) in left.enumerated() {
                    fields.append(WeylField(species: fermion.name + "_L", index: index, gauge: fermion.gauge, charge: charge, chirality: .left))
                }
            }
            if let right = fermion.rightCharges {
                for (index, charge) in right.enumerated() {
                    fields.append(WeylField(species: fermion.name + "_R", index: index, gauge: fermion.gauge, charge: charge, chirality: .right))
                }
            }
        }
        return fields
    }
}

/// One Weyl fermion written as a left-handed field: a right-handed field of charges (r, Y, X)
/// appears as its conjugate (r-bar, -Y, -X).
public struct WeylField: Hashable, Sendable, CustomStringConvertible {
    /// The species name as written (e.g. `"U"`, `"Psi_R"`).
    public let species: String
    /// The family or copy index, from 0.
    public let index: Int
    /// The gauge representation of the left-handed field (conjugated if the original is right-handed).
    public let gauge: GaugeRepresentation
    /// The U(1)_X charge of the left-handed field (negated if the original is right-handed).
    public let charge: Rational
    /// The chirality of the field as written.
    public let originalChirality: Chirality

    /// Creates the left-handed form of a field written with `chirality`.
    public init(species: String, index: Int, gauge: GaugeRepresentation, charge: Rational, chirality: Chirality) {
        self.species = species
        self.index = index
        self.originalChirality = chirality
        switch chirality {
        case .left:
            self.gauge = gauge
            self.charge = charge
        case .right:
            self.gauge = gauge.conjugate
            self.charge = -charge
        }
    }

    /// `"U2^c"` style label (1-based index; ^c marks a conjugated right-handed field).
    public var description: String { "\(species)\(index + 1)\(originalChirality == .right ? "^c" : "")" }
}
