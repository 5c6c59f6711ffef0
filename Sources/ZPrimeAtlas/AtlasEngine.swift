/// The meet-in-the-middle solver behind the atlas.
///
/// With S_F = sum of the charges of species F, the four linear conditions fix every species sum
/// from a = S_Q and b = S_U:
///
///     S_D = 2a - b,  S_L = -3a,  S_E = -2a - b,  S_N = b - 4a.
///
/// So the work splits into units, one per (a, b) (the free mode) or per quark charge (universal
/// and 2+1). Inside a unit the two non-linear conditions read
///
///     k2(quarks) + k2(leptons) = 0,   k3(quarks) + k3(leptons) = 0,
///     k2(quarks) = P2_Q - 2 P2_U + P2_D,       k3(quarks) = 6 P3_Q - 3 P3_U - 3 P3_D,
///     k2(leptons) = P2_E - P2_L,               k3(leptons) = 2 P3_L - P3_E - P3_N,
///
/// with P2, P3 the sums of squares and cubes: a join of the quark combinations against the lepton
/// combinations on the key (k2, k3), done with a hash table built on the smaller side.
struct AtlasEngine: Sendable {
    let configuration: AtlasConfiguration
    let triples: MultisetTable
    let neutrinos: MultisetTable

    /// Sign identification X ~ -X applies only without a Higgs charge: with X_H != 0 fixed,
    /// -X would need -X_H.
    var identifiesSign: Bool { configuration.higgsCharge == 0 }

    init(configuration: AtlasConfiguration) {
        self.configuration = configuration
        triples = MultisetTable(size: 3, maxCharge: configuration.maxCharge)
        neutrinos = MultisetTable(size: configuration.neutrinoCount, maxCharge: configuration.maxCharge)
    }

    // MARK: Work units

    /// One unit of work.
    struct Unit: Hashable, Sendable, Comparable {
        /// S_Q.
        let a: Int
        /// S_U.
        let b: Int
        /// The universal quark charge X_q (universal and 2+1 modes), nil in the free mode.
        let quark: Int?
        /// An estimate of the work (number of combinations on both sides).
        let cost: Int

        static func < (lhs: Unit, rhs: Unit) -> Bool { (lhs.a, lhs.b) < (rhs.a, rhs.b) }
    }

    /// Every unit of the enumeration, in canonical (a, b) order.
    func units() -> [Unit] {
        let q = configuration.maxCharge
        let h = configuration.higgsCharge
        var result: [Unit] = []
        func leptonCost(_ a: Int, _ b: Int) -> Int {
            triples.entries(withSum: -3 * a).count * triples.entries(withSum: -2 * a - b).count * neutrinos.entries(withSum: b - 4 * a).count
        }
        switch configuration.quarkMode {
        case .free:
            for a in (-3 * q)...(3 * q) {
                for b in (-3 * q)...(3 * q) {
                    if identifiesSign && (a, b) < (0, 0) { continue }
                    let quarkCount = triples.entries(withSum: a).count * triples.entries(withSum: b).count * triples.entries(withSum: 2 * a - b).count
                    let lepton = leptonCost(a, b)
                    guard quarkCount > 0, lepton > 0 else { continue }
                    result.append(Unit(a: a, b: b, quark: nil, cost: quarkCount + lepton))
                }
            }
        case .universal, .twoPlusOne:
            for x in -q...q {
                if identifiesSign && x < 0 { continue }
                let charges = quarkCharges(x)
                guard charges.allSatisfy({ abs($0) <= q }) else { continue }
                if configuration.quarkMode == .twoPlusOne && x == 0 { continue }
                let a = 3 * x, b = 3 * (x + h)
                let lepton = leptonCost(a, b)
                guard lepton > 0 else { continue }
                result.append(Unit(a: a, b: b, quark: x, cost: 1 + lepton))
            }
        }
        return result
    }

    /// The nine quark charges (Q1..3, U1..3, D1..3 in family order) for the universal charge x.
    func quarkCharges(_ x: Int) -> [Int] {
        let h = configuration.higgsCharge
        switch configuration.quarkMode {
        case .universal, .free:
            return [x, x, x, x + h, x + h, x + h, x - h, x - h, x - h]
        case .twoPlusOne:
            // Greljo et al.: X_q12 = 0, X_q3 = 3 X_q (quark Yukawas kept with X_U = X_Q + h, X_D = X_Q - h).
            return [0, 0, 3 * x, h, h, 3 * x + h, -h, -h, 3 * x - h]
        }
    }

    // MARK: Keys

    @inline(__always)
    static func key(_ k2: Int, _ k3: Int) -> Int64 { (Int64(k2) << 32) &+ Int64(k3) }

    /// The quark-side key (k2, k3) of a single-quark unit (universal, 2+1) with charge x.
    func quarkKey(_ x: Int) -> (k2: Int, k3: Int) {
        let c = quarkCharges(x)
        var k2 = 0, k3 = 0
        for i in 0..<3 {
            k2 += c[i] * c[i] - 2 * c[3 + i] * c[3 + i] + c[6 + i] * c[6 + i]
            k3 += 6 * c[i] * c[i] * c[i] - 3 * c[3 + i] * c[3 + i] * c[3 + i] - 3 * c[6 + i] * c[6 + i] * c[6 + i]
        }
        return (k2, k3)
    }

    /// The quark-side combinations of a free-mode unit as (key, packed index) pairs.
    func quarkSide(_ unit: Unit, into keys: inout [Int64], ids: inout [UInt64], withIDs: Bool) {
        precondition(unit.quark == nil, "single-quark units use forEachSingleQuarkMatch")
        keys.removeAll(keepingCapacity: true)
        ids.removeAll(keepingCapacity: true)
        let rq = triples.entries(withSum: unit.a)
        let ru = triples.entries(withSum: unit.b)
        let rd = triples.entries(withSum: 2 * unit.a - unit.b)
        keys.reserveCapacity(rq.count * ru.count * rd.count)
        triples.squares.withUnsafeBufferPointer { s2 in
            triples.cubes.withUnsafeBufferPointer { s3 in
                for iq in rq {
                    let q2 = Int(s2[iq]), q3 = 6 * Int(s3[iq])
                    for iu in ru {
                        let qu2 = q2 - 2 * Int(s2[iu]), qu3 = q3 - 3 * Int(s3[iu])
                        for id in rd {
                            keys.append(AtlasEngine.key(qu2 + Int(s2[id]), qu3 - 3 * Int(s3[id])))
                            if withIDs { ids.append(UInt64(iq) | UInt64(iu) << 21 | UInt64(id) << 42) }
                        }
                    }
                }
            }
        }
    }

    /// The lepton-side combinations of a unit as (key, packed index) pairs, keyed with the
    /// opposite sign so that a match is an equality of keys.
    func leptonSide(_ unit: Unit, into keys: inout [Int64], ids: inout [UInt64], withIDs: Bool) {
        keys.removeAll(keepingCapacity: true)
        ids.removeAll(keepingCapacity: true)
        let rl = triples.entries(withSum: -3 * unit.a)
        let re = triples.entries(withSum: -2 * unit.a - unit.b)
        let rn = neutrinos.entries(withSum: unit.b - 4 * unit.a)
        keys.reserveCapacity(rl.count * re.count * rn.count)
        triples.squares.withUnsafeBufferPointer { s2 in
            triples.cubes.withUnsafeBufferPointer { s3 in
                neutrinos.cubes.withUnsafeBufferPointer { n3 in
                    for il in rl {
                        let l2 = -Int(s2[il]), l3 = 2 * Int(s3[il])
                        for ie in re {
                            let le2 = l2 + Int(s2[ie]), le3 = l3 - Int(s3[ie])
                            for inn in rn {
                                keys.append(AtlasEngine.key(-le2, -(le3 - Int(n3[inn]))))
                                if withIDs { ids.append(UInt64(il) | UInt64(ie) << 21 | UInt64(inn) << 42) }
                            }
                        }
                    }
                }
            }
        }
    }

    // MARK: Solutions from a match

    /// The nine quark charges of a single-quark unit as SIMD lanes 0..<9.
    func quarkLanes(_ unit: Unit) -> SIMD32<Int8> {
        var lanes = SIMD32<Int8>()
        if let x = unit.quark { for (i, c) in quarkCharges(x).enumerated() { lanes[i] = Int8(c) } }
        return lanes
    }

    /// Builds the charges of a match (quark id, lepton id) in canonical species order, or nil when
    /// it is excluded: not primitive, trivial (unless included), or not the canonical sign.
    /// `quarkLanes` holds the quark charges of single-quark units (universal, 2+1).
    @inline(__always)
    func solution(unit: Unit, quarkLanes: SIMD32<Int8>, quarkID: UInt64, leptonID: UInt64) -> AtlasSolution? {
        var s = quarkLanes
        let mask: UInt64 = (1 << 21) - 1
        let n = configuration.neutrinoCount
        triples.members.withUnsafeBufferPointer { m in
            if unit.quark == nil {
                let iq = 3 * Int(quarkID & mask), iu = 3 * Int((quarkID >> 21) & mask), id = 3 * Int(quarkID >> 42)
                s[0] = m[iq]; s[1] = m[iq + 1]; s[2] = m[iq + 2]
                s[3] = m[iu]; s[4] = m[iu + 1]; s[5] = m[iu + 2]
                s[6] = m[id]; s[7] = m[id + 1]; s[8] = m[id + 2]
            }
            let il = 3 * Int(leptonID & mask), ie = 3 * Int((leptonID >> 21) & mask)
            s[9] = m[il]; s[10] = m[il + 1]; s[11] = m[il + 2]
            s[12] = m[ie]; s[13] = m[ie + 1]; s[14] = m[ie + 2]
        }
        if n > 0 {
            let inn = n * Int(leptonID >> 42)
            neutrinos.members.withUnsafeBufferPointer { m in
                for k in 0..<n { s[15 + k] = m[inn + k] }
            }
        }
        // Primitivity: gcd over the independent charges and X_H (universal/2+1: X_q, not 3 X_q).
        var g = abs(configuration.higgsCharge)
        if let x = unit.quark { g = AtlasSolution.gcd(g, abs(x)) } else { for i in 0..<9 { g = AtlasSolution.gcd(g, abs(Int(s[i]))) } }
        for i in 9..<(15 + n) where g != 1 { g = AtlasSolution.gcd(g, abs(Int(s[i]))) }
        if g == 0 { return configuration.includeTrivial ? AtlasSolution(storage: s, neutrinoCount: n) : nil }
        guard g == 1 else { return nil }
        if identifiesSign && unit.a == 0 && unit.b == 0 {
            // Both X and -X fall in this unit: keep the lexicographically larger.
            let negated = AtlasEngine.negatedSorted(s, count: 15 + n, quarkMode: configuration.quarkMode)
            for i in 0..<(15 + n) where s[i] != negated[i] {
                if s[i] < negated[i] { return nil }
                break
            }
        }
        return AtlasSolution(storage: s, neutrinoCount: n)
    }

    /// -X with each multiset re-sorted ascending (quarks kept in family order unless free).
    static func negatedSorted(_ charges: SIMD32<Int8>, count: Int, quarkMode: QuarkMode) -> SIMD32<Int8> {
        var result = SIMD32<Int8>()
        for i in 0..<count { result[i] = -charges[i] }
        var start = quarkMode == .free ? 0 : 9
        while start < count {
            let end = min(start + 3, count)
            var lanes = (start..<end).map { result[$0] }
            lanes.sort()
            for (k, v) in lanes.enumerated() { result[start + k] = v }
            start = end
        }
        return result
    }
}
