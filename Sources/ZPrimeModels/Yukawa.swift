import ZPrimeCore

/// Which renormalisable Yukawa and mass terms a model's charges allow.
///
/// Every fermion is written as a left-handed Weyl field (right-handed ones conjugated, marked
/// `^c`). A term is a product `psi_a psi_b` of two of them, optionally times a scalar or its
/// conjugate. It is allowed when it is a singlet of SU(3) x SU(2) and its hypercharges and
/// U(1)_X charges sum to zero exactly (Bauer, Foldenauer, Mosny, arXiv:2011.12973). For example, the up-quark
/// Yukawa `Q U^c H` (in four-component notation qbar H~ u_R) needs X_Q - X_U + X_H = 0, and the
/// Majorana term `N^c N^c phi` needs -2 X_N + X_phi = 0.
///
/// The result is a list of ``YukawaBlock``s: for each pair of species and each scalar insertion,
/// a texture saying which family entries are allowed. Blocks where no entry is allowed are
/// omitted, except for the standard SM blocks (always listed, see ``YukawaBlock/role``).
///
/// The search does not try every pair of species: it indexes the species by hypercharge and
/// U(1)_X charge, and for each species and insertion looks up only the partners whose charges
/// can cancel, so the work grows with the number of fields plus the number of terms found. At
/// most ``maximumListedTerms`` non-standard terms are listed (``isTruncated`` tells when more
/// exist), which bounds the output of models with thousands of interchangeable fermions.
public struct YukawaAnalysis: Sendable, Hashable {
    /// Every block with at least one allowed entry, plus the standard SM blocks.
    public let blocks: [YukawaBlock]
    /// The dimension-5 Weinberg operator `L_i L_j H H` texture (X_Li + X_Lj + 2 X_H = 0).
    public let weinbergTexture: [[Bool]]
    /// What the charges imply for the nature of the light neutrinos.
    public let neutrinos: NeutrinoNature
    /// Whether more allowed terms exist than the ``maximumListedTerms`` listed in ``blocks``.
    public let isTruncated: Bool

    /// The most allowed terms listed besides the standard SM blocks.
    public static let maximumListedTerms = 1_000

    /// Analyses `model`. Exact: throws only on arithmetic overflow (which the model-file limits
    /// exclude, see ``ModelFileLimits``).
    public init(model: Model) throws(RationalError) {
        let species = YukawaAnalysis.species(of: model)
        let scalars = model.allScalars
        let insertions = YukawaAnalysis.insertions(scalars.count)
        var found: [YukawaBlock] = []
        var done = Set<PairKey>()
        // The standard SM blocks first: listed whatever the charges say.
        for (first, second, insertion) in [("Q", "U", Insertion.scalar(0)), ("Q", "D", .conjugate(0)), ("L", "E", .conjugate(0)),
                                           ("L", "N", .scalar(0)), ("N", "N", .none)] {
            guard let a = species.firstIndex(where: { $0.name == first }), let b = species.firstIndex(where: { $0.name == second }) else { continue }
            done.insert(PairKey(a: a, b: b, insertion: insertion))
            if let block = try YukawaAnalysis.block(species[a], species[b], insertion: insertion, scalars: scalars), block.role != nil || block.hasAllowedEntry {
                found.append(block)
            }
        }
        // The index: hypercharge and charge -> (colour, isospin) -> species holding that charge, ascending.
        var index: [ChargeKey: [GaugeKey: [Int]]] = [:]
        for (i, s) in species.enumerated() {
            for x in Set(s.charges) {
                index[ChargeKey(hypercharge: s.gauge.hypercharge, charge: x), default: [:]][GaugeKey(s.gauge), default: []].append(i)
            }
        }
        var listed = 0
        var truncated = false
        search: for a in species.indices {
            let first = species[a]
            for insertion in insertions {
                guard let (scalarGauge, scalarCharge) = YukawaAnalysis.insertionCharges(insertion, scalars: scalars) else { continue }
                let hypercharge = try -(first.gauge.hypercharge + scalarGauge.hypercharge)
                var partners = Set<Int>()
                for x in Set(first.charges) {
                    guard let byGauge = index[ChargeKey(hypercharge: hypercharge, charge: try -(x + scalarCharge))] else { continue }
                    for (gauge, members) in byGauge
                    where ColourRepresentation.tripleProductHasSinglet(first.gauge.colour, gauge.colour, scalarGauge.colour)
                        && IsospinRepresentation.tripleProductHasSinglet(first.gauge.isospin, gauge.isospin, scalarGauge.isospin) {
                        // Only partners at or after `a` (each pair once, in species order).
                        var lower = 0, upper = members.count
                        while lower < upper {
                            let middle = (lower + upper) / 2
                            if members[middle] < a { lower = middle + 1 } else { upper = middle }
                        }
                        for b in members[lower...] {
                            partners.insert(b)
                            if partners.count > YukawaAnalysis.maximumListedTerms { break }
                        }
                    }
                }
                for b in partners.sorted() {
                    let key = PairKey(a: a, b: b, insertion: insertion)
                    guard !done.contains(key) else { continue }
                    done.insert(key)
                    guard let block = try YukawaAnalysis.block(first, species[b], insertion: insertion, scalars: scalars), block.hasAllowedEntry else { continue }
                    if listed == YukawaAnalysis.maximumListedTerms {
                        truncated = true
                        break search
                    }
                    found.append(block)
                    listed += 1
                }
            }
        }
        isTruncated = truncated
        blocks = found.sorted { ($0.role?.order ?? 100, $0.label) < ($1.role?.order ?? 100, $1.label) }
        let leptonCharges = model.charges(of: .L)
        var weinberg: [[Bool]] = []
        for xi in leptonCharges {
            var row: [Bool] = []
            for xj in leptonCharges { row.append(try (xi + xj + model.higgsCharge + model.higgsCharge).isZero) }
            weinberg.append(row)
        }
        weinbergTexture = weinberg
        neutrinos = NeutrinoNature(model: model, blocks: blocks, weinberg: weinberg)
    }

    struct PairKey: Hashable {
        let a: Int
        let b: Int
        let insertion: Insertion
    }

    struct ChargeKey: Hashable {
        let hypercharge: Rational
        let charge: Rational
    }

    struct GaugeKey: Hashable {
        let colour: ColourRepresentation
        let isospin: IsospinRepresentation
        init(_ gauge: GaugeRepresentation) {
            colour = gauge.colour
            isospin = gauge.isospin
        }
    }

    /// The block with a standard SM role, if the model has the fields for it.
    public func block(_ role: YukawaBlock.Role) -> YukawaBlock? {
        blocks.first { $0.role == role }
    }

    // MARK: Construction

    /// A species of left-handed Weyl fields, one per family/copy.
    struct Species {
        let name: String
        let label: String
        let gauge: GaugeRepresentation
        let charges: [Rational]
    }

    enum Insertion: Hashable {
        case none
        case scalar(Int)
        case conjugate(Int)
    }

    static func species(of model: Model) -> [Species] {
        var result: [Species] = []
        for s in StandardModelSpecies.allCases where !model.charges(of: s).isEmpty {
            let weyl = model.charges(of: s).map { s.chirality == .right ? -$0 : $0 }
            result.append(Species(name: s.rawValue, label: s.chirality == .right ? s.rawValue + "^c" : s.rawValue,
                                  gauge: s.chirality == .right ? s.gauge.conjugate : s.gauge, charges: weyl))
        }
        for f in model.extraFermions {
            if let l = f.leftCharges {
                result.append(Species(name: f.name + "_L", label: f.name + "_L", gauge: f.gauge, charges: l))
            }
            if let r = f.rightCharges {
                result.append(Species(name: f.name + "_R", label: f.name + "_R^c", gauge: f.gauge.conjugate, charges: r.map { -$0 }))
            }
        }
        return result
    }

    static func insertions(_ scalarCount: Int) -> [Insertion] {
        [.none] + (0..<scalarCount).flatMap { [Insertion.scalar($0), .conjugate($0)] }
    }

    /// The gauge representation and U(1)_X charge an insertion brings, or nil for the conjugate
    /// of a real singlet (the same term as the scalar itself).
    static func insertionCharges(_ insertion: Insertion, scalars: [Scalar]) -> (GaugeRepresentation, Rational)? {
        switch insertion {
        case .none:
            return (GaugeRepresentation(colour: .singlet, isospin: .singlet, hypercharge: .zero), .zero)
        case .scalar(let i):
            return (scalars[i].gauge, scalars[i].charge)
        case .conjugate(let i):
            // A real singlet's conjugate is the same term: skip duplicates of neutral scalars.
            if scalars[i].gauge.hypercharge.isZero && scalars[i].charge.isZero && scalars[i].gauge.colour == .singlet && scalars[i].gauge.isospin == .singlet { return nil }
            return (scalars[i].gauge.conjugate, -scalars[i].charge)
        }
    }

    static func block(_ a: Species, _ b: Species, insertion: Insertion, scalars: [Scalar]) throws(RationalError) -> YukawaBlock? {
        guard let (scalarGauge, scalarCharge) = insertionCharges(insertion, scalars: scalars) else { return nil }
        let scalarLabel: String?
        switch insertion {
        case .none: scalarLabel = nil
        case .scalar(let i): scalarLabel = scalars[i].name
        case .conjugate(let i): scalarLabel = scalars[i].name + "*"
        }
        // Gauge invariance under the SM group does not depend on the family.
        guard try (a.gauge.hypercharge + b.gauge.hypercharge + scalarGauge.hypercharge).isZero,
              ColourRepresentation.tripleProductHasSinglet(a.gauge.colour, b.gauge.colour, scalarGauge.colour),
              IsospinRepresentation.tripleProductHasSinglet(a.gauge.isospin, b.gauge.isospin, scalarGauge.isospin)
        else { return nil }
        let sameSpecies = a.name == b.name
        // psi_i psi_i with a non-abelian-singlet scalar needs a symmetric gauge contraction of the
        // two identical fields (the Lorentz contraction of two Weyl spinors is symmetric).
        let scalarIsNonAbelianSinglet = scalarGauge.colour == .singlet && scalarGauge.isospin.dimension == 1
        let diagonalContractionSymmetric = !scalarIsNonAbelianSinglet || (a.gauge.isospin.dimension % 2 == 1 && (a.gauge.colour == .singlet || a.gauge.colour == .octet))
        var texture: [[Bool]] = []
        for (i, xa) in a.charges.enumerated() {
            var row: [Bool] = []
            for (j, xb) in b.charges.enumerated() {
                var allowed = try (xa + xb + scalarCharge).isZero
                if sameSpecies && i == j && !diagonalContractionSymmetric { allowed = false }
                // Two different copies of an SU(2)-doublet species contract antisymmetrically: allowed.
                row.append(allowed)
            }
            texture.append(row)
        }
        let role = YukawaBlock.Role(first: a.name, second: b.name, scalar: insertion, scalars: scalars)
        let term = [a.label, b.label, scalarLabel].compactMap { $0 }.joined(separator: " ")
        return YukawaBlock(first: a.name, second: b.name, scalar: scalarLabel, label: term, role: role, texture: texture)
    }
}

/// One family texture of an allowed (or standard) Yukawa or mass term.
public struct YukawaBlock: Sendable, Hashable {
    /// The standard SM terms, listed even when the charges forbid every entry.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        /// `Q U^c H`: the up-quark Yukawa qbar H~ u_R.
        case upQuark = "up-quark Yukawa"
        /// `Q D^c H*`: the down-quark Yukawa qbar H d_R.
        case downQuark = "down-quark Yukawa"
        /// `L E^c H*`: the charged-lepton Yukawa lbar H e_R.
        case chargedLepton = "charged-lepton Yukawa"
        /// `L N^c H`: the Dirac neutrino Yukawa lbar H~ N_R.
        case diracNeutrino = "Dirac neutrino Yukawa"
        /// `N^c N^c`: the bare Majorana mass of the right-handed neutrinos.
        case majoranaMass = "Majorana mass N N"

        var order: Int { Role.allCases.firstIndex(of: self)! }

        /// The conventional four-component form.
        public var conventionalForm: String {
            switch self {
            case .upQuark: return "qbar_L H~ u_R"
            case .downQuark: return "qbar_L H d_R"
            case .chargedLepton: return "lbar_L H e_R"
            case .diracNeutrino: return "lbar_L H~ N_R"
            case .majoranaMass: return "N_R^c-bar N_R"
            }
        }

        init?(first: String, second: String, scalar: YukawaAnalysis.Insertion, scalars: [Scalar]) {
            let higgs = YukawaAnalysis.Insertion.scalar(0)
            let higgsConjugate = YukawaAnalysis.Insertion.conjugate(0)
            switch (first, second, scalar) {
            case ("Q", "U", higgs): self = .upQuark
            case ("Q", "D", higgsConjugate): self = .downQuark
            case ("L", "E", higgsConjugate): self = .chargedLepton
            case ("L", "N", higgs): self = .diracNeutrino
            case ("N", "N", .none): self = .majoranaMass
            default: return nil
            }
        }
    }

    /// The first species (as written, e.g. `"Q"` or `"L4_R"`).
    public let first: String
    /// The second species.
    public let second: String
    /// The scalar in the term (`"H"`, `"H*"`, `"phi"`, ...) or `nil` for a bare mass term.
    public let scalar: String?
    /// The term in left-handed Weyl notation, e.g. `"Q U^c H"`.
    public let label: String
    /// The standard SM role, if any.
    public let role: Role?
    /// `texture[i][j]`: whether family/copy i of the first and j of the second species may couple.
    public let texture: [[Bool]]

    /// Whether any entry is allowed.
    public var hasAllowedEntry: Bool { texture.contains { $0.contains(true) } }

    /// The structural rank: the largest number of entries, no two in one row or column, that
    /// are allowed (a maximum bipartite matching). A mass matrix with this texture has at most
    /// this rank, and generic values reach it.
    public var structuralRank: Int { Texture.structuralRank(texture) }
}

/// Helpers on boolean textures.
enum Texture {
    static func structuralRank(_ texture: [[Bool]]) -> Int {
        let rows = texture.count
        let columns = texture.first?.count ?? 0
        var matchOfColumn = Array(repeating: -1, count: columns)
        func augment(_ r: Int, _ seen: inout [Bool]) -> Bool {
            for c in 0..<columns where texture[r][c] && !seen[c] {
                seen[c] = true
                if matchOfColumn[c] < 0 || augment(matchOfColumn[c], &seen) {
                    matchOfColumn[c] = r
                    return true
                }
            }
            return false
        }
        var rank = 0
        for r in 0..<rows {
            var seen = Array(repeating: false, count: columns)
            if augment(r, &seen) { rank += 1 }
        }
        return rank
    }
}

/// What the charges say about Dirac and Majorana light neutrinos.
///
/// Dirac neutrinos need the Dirac Yukawa `L N^c H` to give at least two massive neutrinos and a
/// PMNS matrix with no zero entry. At the renormalisable level both M_e M_e^dagger and
/// M_nu M_nu^dagger commute with diag(X_L), so the PMNS matrix is block diagonal unless all
/// X_Li are equal (Bauer, Foldenauer, Mosny, arXiv:2011.12973: only B - L survives among the minimal models).
/// Majorana masses come from a bare N N term, from N N phi with a U(1)_X-breaking scalar, or
/// from the dimension-5 Weinberg operator.
public struct NeutrinoNature: Sendable, Hashable {
    /// Whether renormalisable Dirac masses with a viable PMNS matrix are possible.
    public let diracCompatible: Bool
    /// Why (or why not) Dirac neutrinos work.
    public let diracReason: String
    /// The mechanisms that give right-handed or light Majorana masses (empty if none).
    public let majoranaMechanisms: [String]
    /// Whether the charges allow any Majorana mass term (then Dirac neutrinos need an extra,
    /// accidental lepton-number symmetry).
    public var majoranaAllowed: Bool { !majoranaMechanisms.isEmpty }
    /// A one-line summary.
    public let summary: String

    init(model: Model, blocks: [YukawaBlock], weinberg: [[Bool]]) {
        let lepton = model.charges(of: .L)
        let charged = blocks.first { $0.role == .chargedLepton }
        let dirac = blocks.first { $0.role == .diracNeutrino }
        let universalL = Set(lepton).count <= 1
        let chargedRank = charged?.structuralRank ?? 0
        let diracRank = dirac?.structuralRank ?? 0
        if model.rightHandedNeutrinoCount == 0 {
            diracCompatible = false
            diracReason = "no right-handed neutrinos"
        } else if !universalL {
            diracCompatible = false
            diracReason = "X_L differs between families (\(lepton.map(\.description).joined(separator: ", "))): renormalisable Dirac masses give a block-diagonal PMNS matrix"
        } else if chargedRank < model.families {
            diracCompatible = false
            diracReason = "the charged-lepton Yukawa texture has rank \(chargedRank) < \(model.families)"
        } else if diracRank < 2 {
            diracCompatible = false
            diracReason = "the Dirac neutrino Yukawa texture has rank \(diracRank): at most one massive neutrino"
        } else {
            diracCompatible = true
            diracReason = "universal X_L, Dirac Yukawa texture of rank \(diracRank)"
        }
        var mechanisms: [String] = []
        if let bare = blocks.first(where: { $0.role == .majoranaMass }), bare.hasAllowedEntry {
            mechanisms.append("bare N N mass")
        }
        for block in blocks where block.first == "N" && block.second == "N" && block.hasAllowedEntry {
            // The Weyl term N^c N^c S* is the conjugate of N_R N_R S in four-component language.
            guard let scalar = block.scalar else { continue }
            let conventional = scalar.hasSuffix("*") ? String(scalar.dropLast()) : scalar + "*"
            mechanisms.append("N_R N_R \(conventional)")
        }
        if weinberg.contains(where: { $0.contains(true) }) {
            mechanisms.append("dimension-5 L L H H")
        }
        majoranaMechanisms = mechanisms
        switch (diracCompatible, !mechanisms.isEmpty) {
        case (true, false): summary = "Dirac (Majorana masses forbidden by U(1)_X)"
        case (true, true): summary = "Dirac or Majorana (Majorana via \(mechanisms.joined(separator: ", ")))"
        case (false, true): summary = "Majorana only (via \(mechanisms.joined(separator: ", ")))"
        case (false, false): summary = "neither: no allowed neutrino mass term"
        }
    }
}
