/// The classification of one atlas solution, computed in integer arithmetic.
///
/// Textures are bit masks with bit `3*i + j` for entry (i, j) (row i of the first field, column j
/// of the second). Families are in the solution's canonical order.
public struct AtlasClassification: Hashable, Sendable {
    /// Vector or chiral charged-lepton couplings (seed 004).
    public enum Category: String, Sendable, Hashable, CaseIterable, Codable {
        /// The charged-lepton Yukawa is fully allowed: the E charges equal the L charges (shifted
        /// by X_H) as multisets, so the Z' couples vectorially to the charged leptons.
        case vector
        /// Everything else.
        case chiral
    }

    /// Vector or chiral.
    public let category: Category
    /// Muoquark compatibility of an S_3 (3bar, 3, 1/3) leptoquark (seed 004).
    public let muoquarkS3: Bool
    /// Muoquark compatibility of an S_1 (3bar, 1, 1/3) leptoquark with the same charge.
    public let muoquarkS1: Bool
    /// Charged-lepton Yukawa `L_i E^c_j H*` texture (allowed iff X_Li - X_Ej - X_H = 0), bit 3i+j.
    public let chargedLeptonTexture: UInt16
    /// Its structural rank.
    public let chargedLeptonRank: Int
    /// Dirac neutrino Yukawa `L_i N^c_j H` texture (allowed iff X_Nj = X_Li + X_H), bit 3i+j.
    public let neutrinoTexture: UInt16
    /// Its structural rank.
    public let neutrinoRank: Int
    /// Bare Majorana mass `N^c_i N^c_j` texture (allowed iff X_Ni + X_Nj = 0), bit 3i+j.
    public let majoranaTexture: UInt16
    /// Dimension-5 Weinberg `L_i L_j H H` texture (X_Li + X_Lj + 2 X_H = 0), bit 3i+j.
    public let weinbergTexture: UInt16
    /// Structural ranks of the up and down quark Yukawas.
    public let upQuarkRank: Int
    /// See ``upQuarkRank``.
    public let downQuarkRank: Int
    /// Renormalisable Dirac neutrinos possible (universal X_L, charged-lepton rank 3, neutrino rank >= 2);
    /// the same criterion as `NeutrinoNature` in ZPrimeModels.
    public let diracCompatible: Bool
    /// A recognised named model, if any (`B-L`, `L_i-L_j`, `B-3L_i`, `N_R only`, `hypercharge`).
    public let namedModel: String?

    /// Classifies `solution` for the Higgs charge `higgsCharge` and quark mode `quarkMode`.
    public init(_ solution: AtlasSolution, quarkMode: QuarkMode, higgsCharge h: Int) {
        let q = solution.charges(of: .Q), u = solution.charges(of: .U), d = solution.charges(of: .D)
        let l = solution.charges(of: .L), e = solution.charges(of: .E), n = solution.charges(of: .N)

        func texture(_ rows: [Int], _ columns: [Int], _ allowed: (Int, Int) -> Bool) -> UInt16 {
            var mask: UInt16 = 0
            for (i, x) in rows.enumerated() { for (j, y) in columns.enumerated() where allowed(x, y) { mask |= 1 << (3 * i + j) } }
            return mask
        }
        chargedLeptonTexture = texture(l, e) { $0 - $1 - h == 0 }
        neutrinoTexture = texture(l, n) { $1 == $0 + h }
        majoranaTexture = texture(n, n) { $0 + $1 == 0 }
        weinbergTexture = texture(l, l) { $0 + $1 + 2 * h == 0 }
        chargedLeptonRank = AtlasClassification.rank(chargedLeptonTexture, rows: 3, columns: 3)
        neutrinoRank = AtlasClassification.rank(neutrinoTexture, rows: 3, columns: n.count)
        upQuarkRank = AtlasClassification.rank(texture(q, u) { $1 == $0 + h }, rows: 3, columns: 3)
        downQuarkRank = AtlasClassification.rank(texture(q, d) { $1 == $0 - h }, rows: 3, columns: 3)
        category = chargedLeptonRank == 3 ? .vector : .chiral
        diracCompatible = n.count > 0 && Set(l).count == 1 && chargedLeptonRank == 3 && neutrinoRank >= 2

        // Muoquarks (seed 004): an S_3 coupling Q_a L_j with X_S = -(X_Qa + X_Lj) that couples no
        // other lepton doublet and no quark pair. Following the seed's 2+1 list, the same-family
        // diquark Q_k Q_k S^* is excluded too (it vanishes for S_3 by Fermi statistics, not for S_1).
        let quarkChoices: [Int]
        switch quarkMode {
        case .universal, .free: quarkChoices = [0, 1, 2]
        case .twoPlusOne: quarkChoices = [2]
        }
        var s3 = false
        var s1 = false
        for a in quarkChoices {
            for j in 0..<3 {
                let link = q[a] + l[j]
                let xS = -link
                var ok = true
                for k in 0..<3 { for m in 0..<3 where m != j { if q[k] + l[m] == link { ok = false } } }
                for k in 0..<3 { for m in k..<3 { if q[k] + q[m] == xS { ok = false } } }
                guard ok else { continue }
                s3 = true
                // S_1 adds u_R e_R couplings (X_E = -X_U - X_S, at most one E) and the u_R d_R
                // diquark U^c D^c S_1 (X_U + X_D = X_S).
                var coupledE = Set<Int>()
                for k in 0..<3 { for (index, x) in e.enumerated() where x == -u[k] - xS { coupledE.insert(index) } }
                var diquark = false
                for k in 0..<3 { for m in 0..<3 where u[k] + d[m] == xS { diquark = true } }
                if coupledE.count <= 1 && !diquark { s1 = true }
            }
        }
        muoquarkS3 = s3
        muoquarkS1 = s1
        namedModel = AtlasClassification.recognise(q: q, u: u, d: d, l: l, e: e, n: n, higgsCharge: h)
    }

    /// The structural rank (maximum matching) of a bit-mask texture.
    static func rank(_ mask: UInt16, rows: Int, columns: Int) -> Int {
        guard columns > 0 else { return 0 }
        var best = 0
        // At most 3 x 3: try every injective assignment of rows to columns.
        func search(_ row: Int, _ used: Int, _ size: Int) {
            if row == rows { best = max(best, size); return }
            search(row + 1, used, size)
            for c in 0..<columns where used & (1 << c) == 0 && mask & (1 << (3 * row + c)) != 0 {
                search(row + 1, used | (1 << c), size + 1)
            }
        }
        search(0, 0, 0)
        return best
    }

    /// Named U(1)s in primitive integer normalisation, recognised on the SM fermions (with any
    /// N_R charges the anomaly conditions allow): B-L (quarks 1, leptons -3), L_i-L_j (leptons
    /// {-1, 0, 1}), B-3L_i (quarks 1, one lepton family -9), N_R only, and, for X_H = 3k, the
    /// hypercharge direction X = 6k Y (Q k, U 4k, D -2k, L -3k, E -6k, N 0).
    static func recognise(q: [Int], u: [Int], d: [Int], l: [Int], e: [Int], n: [Int], higgsCharge h: Int) -> String? {
        if h != 0 {
            guard h % 3 == 0 else { return nil }
            let k = h / 3
            let isHypercharge = q.allSatisfy { $0 == k } && u.allSatisfy { $0 == 4 * k } && d.allSatisfy { $0 == -2 * k }
                && l.allSatisfy { $0 == -3 * k } && e.allSatisfy { $0 == -6 * k } && n.allSatisfy { $0 == 0 }
            return isHypercharge ? "hypercharge" : nil
        }
        guard Set(q + u + d).count == 1 else { return nil }
        switch (q[0], l, e) {
        case (0, [0, 0, 0], [0, 0, 0]): return n.allSatisfy { $0 == 0 } ? nil : "N_R only"
        case (0, [-1, 0, 1], [-1, 0, 1]): return "L_i-L_j"
        case (1, [-3, -3, -3], [-3, -3, -3]): return "B-L"
        case (1, [-9, 0, 0], [-9, 0, 0]): return "B-3L_i"
        default: return nil
        }
    }
}
