import Numerics
import ZPrimeCore

/// The couplings of one Z' at one mass and momentum transfer: the output of the couplings stage.
///
/// The ``matrix`` holds the vector and axial couplings (units of e, the convention
/// L = e Z' fbar gamma^mu (eps^V + gamma^5 eps^A) f) to every pair of fermions of a mass-basis
/// ``ParticleTable``; the twelve Standard Model fermions come first, so their couplings are also
/// available by ``CouplingTarget`` (``subscript(_:)``), with the proton and neutron derived from the
/// quarks. The table records what it was evaluated at (``mass``, ``squaredMomentum``): the exact
/// photon-Z-Z' mixing depends on the mass, the loop-induced kinetic mixing on q^2.
///
/// ```swift
/// let point = try ParameterPoint(model: BuiltinModels.model(named: "Lmu-Ltau")!, mass: 0.3, coupling: 5e-4)
/// let onShell = try Couplings.table(for: point)                       // q^2 = m^2: complex above 4 m_mu^2
/// let static_ = try Couplings.table(for: point, squaredMomentum: 0)   // q^2 = 0
/// print(onShell[.electron].vector, static_[.electron].vector)
/// ```
public struct CouplingTable: Sendable, Hashable {
    /// The Z' mass the couplings belong to (GeV; 0 is the light limit).
    public let mass: Double
    /// The momentum transfer q^2 (GeV^2) at which q^2-dependent pieces were evaluated.
    public let squaredMomentum: Double
    /// The couplings to every pair of fermions.
    public let matrix: ChiralCouplingMatrix
    /// The proton's couplings: eps^V_p = 2 eps^V_u + eps^V_d, eps^A_p = sum_q g_A^q eps^A_q.
    public let proton: ComplexChiralCoupling
    /// The neutron's couplings (isospin partner of the proton's).
    public let neutron: ComplexChiralCoupling
    /// The gauge coupling g_X.
    public let gaugeCoupling: Double
    /// The tree-level kinetic mixing eps.
    public let kineticMixing: Double
    /// The loop-induced kinetic mixing eps(q^2) that was added, if any.
    public let loopMixing: Complex<Double>?
    /// Neutral bosons of the model besides the Z' that couple to its fermions (the seed model's
    /// h_X), with their couplings over the particle table; empty for models fixed by charges alone.
    public let otherBosons: [NeutralBoson]

    /// A table from its parts; the nucleon couplings are derived from the u, d, s entries.
    public init(mass: Double, squaredMomentum: Double, matrix: ChiralCouplingMatrix, gaugeCoupling: Double = 0,
                kineticMixing: Double = 0, loopMixing: Complex<Double>? = nil, otherBosons: [NeutralBoson] = []) {
        precondition(matrix.particles.count >= ParticleTable.standardModelCount, "a coupling table starts with the twelve Standard Model fermions")
        assert(matrix.particles.prefix(ParticleTable.standardModelCount).map(\.name) == ParticleTable.standardModel.map(\.name),
               "a coupling table's particles start with the twelve Standard Model fermions, in order")
        self.mass = mass
        self.squaredMomentum = squaredMomentum
        self.matrix = matrix
        self.gaugeCoupling = gaugeCoupling
        self.kineticMixing = kineticMixing
        self.loopMixing = loopMixing
        self.otherBosons = otherBosons
        let u = matrix.diagonal[CouplingTarget.up.ordinal], d = matrix.diagonal[CouplingTarget.down.ordinal]
        let s = matrix.diagonal[CouplingTarget.strange.ordinal]
        (proton, neutron) = Self.nucleons(up: u, down: d, strange: s)
        matrix.checkInvariants()
    }

    /// A Standard Model table from couplings by target (missing targets couple with zero; proton
    /// and neutron entries are ignored: they are derived). For tests and for couplings taken from
    /// elsewhere.
    public init(mass: Double, squaredMomentum: Double, standardModel couplings: [CouplingTarget: ComplexChiralCoupling]) {
        var diagonal = [ComplexChiralCoupling](repeating: .zero, count: ParticleTable.standardModelCount)
        for (target, coupling) in couplings where target.ordinal < diagonal.count { diagonal[target.ordinal] = coupling }
        self.init(mass: mass, squaredMomentum: squaredMomentum, matrix: ChiralCouplingMatrix(particles: .standardModel, diagonal: diagonal))
    }

    /// The nucleon couplings of quark couplings: eps^V_p = 2 eps^V_u + eps^V_d, eps^V_n = eps^V_u + 2 eps^V_d
    /// (valence sums, exact for the conserved vector current at zero momentum transfer), and the
    /// axial ones from the proton's quark spin fractions g_A^q (FLAG 2019, ``PhysicalConstants/
    /// protonAxialChargeUp``; the neutron's by isospin).
    public static func nucleons(up u: ComplexChiralCoupling, down d: ComplexChiralCoupling,
                                strange s: ComplexChiralCoupling) -> (proton: ComplexChiralCoupling, neutron: ComplexChiralCoupling) {
        let du = PhysicalConstants.protonAxialChargeUp, dd = PhysicalConstants.protonAxialChargeDown
        let ds = PhysicalConstants.protonAxialChargeStrange
        let proton = ComplexChiralCoupling(
            vector: Complex(2, 0) * u.vector + d.vector,
            axial: Complex(du, 0) * u.axial + Complex(dd, 0) * d.axial + Complex(ds, 0) * s.axial)
        let neutron = ComplexChiralCoupling(
            vector: u.vector + Complex(2, 0) * d.vector,
            axial: Complex(dd, 0) * u.axial + Complex(du, 0) * d.axial + Complex(ds, 0) * s.axial)
        return (proton, neutron)
    }

    /// The particles.
    public var particles: ParticleTable { matrix.particles }

    /// The coupling to a Standard Model target (diagonal entry, or the derived nucleon coupling).
    public subscript(_ target: CouplingTarget) -> ComplexChiralCoupling {
        switch target {
        case .proton: return proton
        case .neutron: return neutron
        default: return matrix.diagonal[target.ordinal]
        }
    }

    /// The diagonal coupling of the particle called `name`, or nil.
    public subscript(particle name: String) -> ComplexChiralCoupling? {
        particles.index(of: name).map { matrix.diagonal[$0] }
    }

    /// The light sterile neutrinos' couplings (their right-handed Weyl fields, eps^V = eps^A), in
    /// table order.
    public var sterileNeutrinos: [ComplexChiralCoupling] {
        particles.indices(of: .sterileNeutrino).map { matrix.diagonal[$0] }
    }

    /// The real parts of the Standard Model view (what the low-energy observables use).
    public var real: FermionCouplings {
        var table: [CouplingTarget: ChiralCoupling] = [:]
        for target in CouplingTarget.allCases { table[target] = self[target].real }
        return FermionCouplings(table)
    }

    /// Whether every coupling is a finite number.
    public var isFinite: Bool {
        matrix.diagonal.allSatisfy(\.isFinite) && matrix.offDiagonal.allSatisfy { $0.coupling.isFinite }
    }
}
