/// The classification of one atlas solution, computed in integer arithmetic.
///
/// Textures are bit masks with bit `3*i + j` for entry (i, j) (row i of the first field, column j
/// of the second). Families are in the solution's canonical order.
public struct AtlasClassification: Hashable, Sendable {
    /// Vector or chiral charged-lepton couplings (Greljo et al., arXiv:2107.07518).
    public enum Category: String, Sendable, Hashable, CaseIterable, Codable {
        /// The charged-lepton Yukawa is fully allowed: the E charges equal the L charges (shifted
        /// by X_H) as multisets, so the Z' couples vectorially to the charged leptons.
        case vector
        /// Everything else.
        case chiral
    }

    /// Vector or chiral.
    public let category: Category
    /// Muoquark compatibility of an S_3 (3bar, 3, 1/3) leptoquark (Greljo et al., arXiv:2107.07518).
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
    /// Allocation-free: it runs once per solution in enumerations of tens of millions.
    public init(_ solution: AtlasSolution, quarkMode: QuarkMode, higgsCharge h: Int) {
        // Read the lanes once into a fixed-size Int buffer: dynamic SIMD lane access is slow.
        var lanes = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &lanes) { raw in
            let buffer = raw.bindMemory(to: Int.self)
            for i in 0..<18 { buffer[i] = Int(solution.storage[i]) }
        }
        self = withUnsafeBytes(of: &lanes) { raw in
            AtlasClassification(charges: raw.bindMemory(to: Int.self), neutrinoCount: solution.neutrinoCount,
                                quarkMode: quarkMode, higgsCharge: h, solution: solution)
        }
    }

    private init(charges x: UnsafeBufferPointer<Int>, neutrinoCount n: Int, quarkMode: QuarkMode, higgsCharge h: Int, solution: AtlasSolution) {
        // Lane offsets of the species in AtlasSolution.
        let (Q, U, D, L, E, N) = (0, 3, 6, 9, 12, 15)

        var ye: UInt16 = 0, ynu: UInt16 = 0, majorana: UInt16 = 0, weinberg: UInt16 = 0, up: UInt16 = 0, down: UInt16 = 0
        for i in 0..<3 {
            for j in 0..<3 {
                let bit: UInt16 = 1 << (3 * i + j)
                if x[L + i] - x[E + j] - h == 0 { ye |= bit }
                if x[L + i] + x[L + j] + 2 * h == 0 { weinberg |= bit }
                if x[U + j] == x[Q + i] + h { up |= bit }
                if x[D + j] == x[Q + i] - h { down |= bit }
                if j < n && x[N + j] == x[L + i] + h { ynu |= bit }
                if i < n && j < n && x[N + i] + x[N + j] == 0 { majorana |= bit }
            }
        }
        chargedLeptonTexture = ye
        neutrinoTexture = ynu
        majoranaTexture = majorana
        weinbergTexture = weinberg
        chargedLeptonRank = AtlasClassification.rank(ye)
        neutrinoRank = AtlasClassification.rank(ynu)
        upQuarkRank = AtlasClassification.rank(up)
        downQuarkRank = AtlasClassification.rank(down)
        category = chargedLeptonRank == 3 ? .vector : .chiral
        diracCompatible = n > 0 && x[L] == x[L + 1] && x[L + 1] == x[L + 2] && chargedLeptonRank == 3 && neutrinoRank >= 2

        // Muoquarks (Greljo et al., arXiv:2107.07518): an S_3 coupling Q_a L_j with X_S = -(X_Qa + X_Lj) that couples no
        // other lepton doublet and no quark pair. Following their 2+1 list, the same-family
        // diquark Q_k Q_k S^* is excluded too (it vanishes for S_3 by Fermi statistics, not for S_1).
        let firstQuark = quarkMode == .twoPlusOne ? 2 : 0
        var s3 = false
        var s1 = false
        search: for a in firstQuark..<3 {
            for j in 0..<3 {
                if s3 && s1 { break search }
                let link = x[Q + a] + x[L + j]
                let xS = -link
                var ok = true
                for k in 0..<3 where ok { for m in 0..<3 where m != j && x[Q + k] + x[L + m] == link { ok = false } }
                for k in 0..<3 where ok { for m in k..<3 where x[Q + k] + x[Q + m] == xS { ok = false } }
                guard ok else { continue }
                s3 = true
                // S_1 adds u_R e_R couplings (X_E = -X_U - X_S, at most one E) and the u_R d_R
                // diquark U^c D^c S_1 (X_U + X_D = X_S).
                var coupledE: UInt8 = 0
                var diquark = false
                for k in 0..<3 {
                    for l in 0..<3 where x[E + l] == -x[U + k] - xS { coupledE |= 1 << l }
                    for m in 0..<3 where x[U + k] + x[D + m] == xS { diquark = true }
                }
                if coupledE.nonzeroBitCount <= 1 && !diquark { s1 = true }
            }
        }
        muoquarkS3 = s3
        muoquarkS1 = s1
        namedModel = AtlasClassification.recognise(solution, higgsCharge: h)
    }

    /// The structural rank (maximum matching) of a bit-mask texture with at most 3 x 3 entries
    /// (bit 3i + j; absent rows or columns are zero bits), from a table of all 512 masks.
    @inline(__always)
    static func rank(_ mask: UInt16) -> Int {
        Int(rankTable[Int(mask & 0x1FF)])
    }

    /// Structural ranks of every 3 x 3 bit mask, by brute force over row/column assignments.
    static let rankTable: [UInt8] = (0..<512).map { mask in
        func has(_ i: Int, _ j: Int) -> Bool { mask & (1 << (3 * i + j)) != 0 }
        var best = 0
        for p in [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] {
            // Rows matched to the columns p[i]; count the allowed pairs of this assignment.
            best = max(best, (0..<3).filter { has($0, p[$0]) }.count)
        }
        return UInt8(best)
    }

    /// Named U(1)s in primitive integer normalisation, recognised on the SM fermions (with any
    /// N_R charges the anomaly conditions allow): B-L (quarks 1, leptons -3), L_i-L_j (leptons
    /// {-1, 0, 1}), B-3L_i (quarks 1, one lepton family -9), N_R only, and, for X_H = 3k, the
    /// hypercharge direction X = 6k Y (Q k, U 4k, D -2k, L -3k, E -6k, N 0).
    static func recognise(_ x: AtlasSolution, higgsCharge h: Int) -> String? {
        let n = x.neutrinoCount
        func all(_ range: Range<Int>, _ value: Int) -> Bool { range.allSatisfy { x[$0] == value } }
        func leptons(_ v0: Int, _ v1: Int, _ v2: Int) -> Bool {
            x[9] == v0 && x[10] == v1 && x[11] == v2 && x[12] == v0 && x[13] == v1 && x[14] == v2
        }
        if h != 0 {
            guard h % 3 == 0 else { return nil }
            let k = h / 3
            let isHypercharge = all(0..<3, k) && all(3..<6, 4 * k) && all(6..<9, -2 * k) && all(9..<12, -3 * k)
                && all(12..<15, -6 * k) && all(15..<(15 + n), 0)
            return isHypercharge ? "hypercharge" : nil
        }
        let quark = x[0]
        guard all(0..<9, quark) else { return nil }
        if quark == 0 && leptons(0, 0, 0) { return all(15..<(15 + n), 0) ? nil : "N_R only" }
        if quark == 0 && leptons(-1, 0, 1) { return "L_i-L_j" }
        if quark == 1 && leptons(-3, -3, -3) { return "B-L" }
        if quark == 1 && leptons(-9, 0, 0) { return "B-3L_i" }
        return nil
    }
}
