import Numerics
import ZPrimeCore
import ZPrimeCouplings

/// Delta a_l at one loop from every neutral boson of a coupling table and every internal charged
/// state it couples the lepton to: the Z' (the table's chiral coupling matrix, off-diagonal entries
/// included) and the table's other bosons (``CouplingTable/otherBosons``, e.g. the seed model's h_X).
///
/// Each term is the closed-form Leveille loop (``LeveilleLoopFunctions``; unitary gauge for the
/// vectors) with the couplings of the (F, l) entry: for the Z', C_V = e |eps^V_Fl|, C_A = e |eps^A_Fl|;
/// for another boson C_V or C_S = |(right + left)_Fl|/2 and C_A or C_P = |(right - left)_Fl|/2. The
/// magnetic moment depends only on these moduli (the relative phase of the two would give an
/// electric dipole moment, not computed). In models with vector-like leptons the terms cancel over
/// several orders (the chirally enhanced Z' and h_X loops have opposite signs), so the accuracy of the
/// sum is judged against ``largestTerm``.
///
/// ```swift
/// let point = try VectorLikeLeptonCouplings.point(parameters: .benchmark(.slides, generations: [.muon], h: [1e-5]),
///                                                 epsilonBL: 2e-3, kineticMixing: -8e-4, scalarVEV: 14)
/// let table = try CouplingCalculator(point: point).table(squaredMomentum: 0)
/// let moment = try MassBasisMoment(lepton: .muon, table: table)
/// print(moment.total, moment.zPrime, moment.otherBosons["h_X"]!)   // the two parts nearly cancel
/// ```
public struct MassBasisMoment: Sendable, Hashable {
    /// One term of the sum.
    public struct Term: Sendable, Hashable {
        /// The boson (`Z'`, `h_X`, ...).
        public let boson: String
        /// The internal state's name in the particle table.
        public let internalState: String
        /// Its mass, GeV.
        public let internalMass: Double
        /// The term's Delta a.
        public let value: Double
    }

    /// The lepton.
    public let lepton: ChargedLepton
    /// The sum of every term.
    public let total: Double
    /// The Z' terms.
    public let zPrime: Double
    /// The other bosons' terms, by boson name.
    public let otherBosons: [String: Double]
    /// Every term.
    public let terms: [Term]
    /// max |term|.
    public let largestTerm: Double

    /// The moment of `lepton` from `table` (Z' mass: the table's; it must be > 0).
    ///
    /// - Throws: ``Problem`` for a massless Z', non-finite couplings or a lepton above a decay
    ///   threshold.
    public init(lepton: ChargedLepton, table: CouplingTable) throws(Problem) {
        let particles = table.particles
        let l = lepton.couplingTarget.ordinal
        let m = particles[l].mass
        let e = PhysicalConstants.elementaryCharge
        guard table.mass > 0 else { throw Problem.invalid(.mass, table.mass, "must be > 0 for the Z' loop") }
        var terms: [Term] = []
        var zPrime = 0.0
        for f in particles.indices where particles[f].colours == 1 && particles[f].electricCharge == particles[l].electricCharge {
            let c = table.matrix[f, l]
            if c.isZero { continue }
            let couplings = LoopCouplings(vector: e * c.vector.length, axial: e * c.axial.length)
            let internalMass = f == l ? m : particles[f].mass
            let value = try AnomalousMagneticMoment.oneLoop(leptonMass: m, bosonMass: table.mass, internalMass: internalMass, couplings: couplings)
            zPrime += value
            terms.append(Term(boson: "Z'", internalState: particles[f].name, internalMass: internalMass, value: value))
        }
        var others: [String: Double] = [:]
        for boson in table.otherBosons {
            guard let position = boson.states.firstIndex(of: l) else { continue }
            var sum = 0.0
            for (a, f) in boson.states.enumerated() {
                let (even, odd) = boson.loopCouplings(internal: a, external: position)
                if even == .zero && odd == .zero { continue }
                let couplings = boson.kind == .vector ? LoopCouplings(vector: even.length, axial: odd.length)
                    : LoopCouplings(scalar: even.length, pseudoscalar: odd.length)
                let internalMass = f == l ? m : particles[f].mass
                let value = try AnomalousMagneticMoment.oneLoop(leptonMass: m, bosonMass: boson.mass, internalMass: internalMass, couplings: couplings)
                sum += value
                terms.append(Term(boson: boson.name, internalState: particles[f].name, internalMass: internalMass, value: value))
            }
            others[boson.name, default: 0] += sum
        }
        self.lepton = lepton
        self.zPrime = zPrime
        self.otherBosons = others
        self.total = zPrime + others.values.reduce(0, +)
        self.terms = terms
        self.largestTerm = terms.map { abs($0.value) }.max() ?? 0
        try Validate.result(total, .field("delta_a_\(lepton.rawValue)"), "Delta a_\(lepton.rawValue)")
    }

    /// Whether a table needs the mass-basis sum for `lepton` rather than the flavour-diagonal loop:
    /// it has other bosons, or off-diagonal Z' couplings of the lepton.
    public static func isNeeded(for lepton: ChargedLepton, table: CouplingTable) -> Bool {
        if !table.otherBosons.isEmpty { return true }
        let l = lepton.couplingTarget.ordinal
        return table.matrix.offDiagonal.contains { ($0.row == l || $0.column == l) && !$0.coupling.isZero }
    }
}
