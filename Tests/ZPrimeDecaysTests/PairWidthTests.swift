import Numerics
import Testing
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeDecays
import ZPrimeModels

/// Widths of pairs outside the Standard Model's diagonal channels. Reference values: an explicit
/// evaluation of sum |M|^2 for V -> f_i fbar_j with 4x4 Dirac matrices in numpy (the trace
/// Tr[(p1 + m1) Gamma^mu (p2 - m2) Gammabar^nu] contracted with -g + k k/m^2, averaged over the three
/// polarisations, times |p|/(8 pi m^2)), independent of the closed form in the code.
@Suite("Decays into flavour-changing and beyond-the-SM pairs")
struct PairWidthTests {
    static let e = PhysicalConstants.elementaryCharge

    func decays() throws -> DecayCalculator {
        try DecayCalculator(couplings: CouplingCalculator(model: Fixture.model("B-L"), gaugeCoupling: 1e-3))
    }

    @Test("a heavy lepton: e-E pair with chiral coupling and the E E pair, against the trace evaluation")
    func heavyLepton() throws {
        let table = try ParticleTable.standardModel.appending([Particle(name: "E1", kind: .heavyChargedLepton, mass: 90, electricCharge: -1)])
        var matrix = ChiralCouplingMatrix(particles: table)
        try matrix.setCoupling(0, 12, ComplexChiralCoupling(left: Complex(1e-2, 0), right: .zero))
        try matrix.setCoupling(12, 12, ComplexChiralCoupling(vector: Complex(3e-3, 0), axial: .zero))
        let couplings = CouplingTable(mass: 200, squaredMomentum: 40000, matrix: matrix)
        let w = try decays().widths(mass: 200, couplings: couplings)
        let eE = try #require(w.pairs.first { $0.particles == ("e", "E1") })
        let EE = try #require(w.pairs.first { $0.particles == ("E1", "E1") })
        // numpy trace: 1.70369315850999e-05 per charge ordering (e- E+ and E- e+ both open), 2.6814500069128705e-06 for E E.
        #expect(abs(eE.width / (2 * 1.70369315850999e-05) - 1) < 1e-13)
        #expect(abs(EE.width / 2.6814500069128705e-06 - 1) < 1e-13)
        #expect(eE.channel == .exotic && EE.channel == .exotic)
        #expect(abs(w[.exotic] - eE.width - EE.width) <= 1e-15 * w[.exotic])
        // Below the thresholds nothing opens.
        #expect(try decays().widths(mass: 80, couplings: couplings).pairs.isEmpty)
    }

    @Test("a b-s flavour-changing coupling: Z' -> b sbar + s bbar with the QCD factor, counted as exotic")
    func flavourChanging() throws {
        var matrix = ChiralCouplingMatrix(particles: .standardModel)
        try matrix.setCoupling(10, 8, ComplexChiralCoupling(left: Complex(1e-6, 0), right: Complex(-2e-6, 0)))
        let couplings = CouplingTable(mass: 10, squaredMomentum: 100, matrix: matrix)
        let w = try decays().widths(mass: 10, couplings: couplings)
        let pair = try #require(w.pairs.first)
        // numpy trace with N_c = 3, m_b = 4.78, m_s = 0.0935: 1.1946240047160834e-13 per ordering; the
        // pair is s-b in table order; the QCD factor K(alpha_s(10 GeV), 5) multiplies it.
        let k = PerturbativeQCD.nonSingletFactor(alphaS: StrongCoupling.standard(10), flavours: 5)
        #expect(pair.particles == ("s", "b"))
        #expect(abs(pair.width / (2 * 1.1946240047160834e-13 * k) - 1) < 1e-12)
        // Below 2 GeV quark pairs are not physical final states: nothing is counted.
        let light = CouplingTable(mass: 1.5, squaredMomentum: 2.25, matrix: {
            var m = ChiralCouplingMatrix(particles: .standardModel)
            try? m.setCoupling(7, 8, ComplexChiralCoupling(left: Complex(1e-3, 0), right: .zero))
            return m
        }())
        #expect(try decays().widths(mass: 1.5, couplings: light).pairs.isEmpty)
    }

    @Test("dark sector: a dark fermion in the table is invisible; DarkCast's 99 x visible convention")
    func darkSector() throws {
        let table = try ParticleTable.standardModel.appending([Particle(name: "chi", kind: .darkFermion, mass: 0.01, electricCharge: 0)])
        var matrix = ChiralCouplingMatrix(particles: table)
        try matrix.setCoupling(12, 12, ComplexChiralCoupling(vector: Complex(1e-2, 0), axial: .zero))
        let w = try decays().widths(mass: 0.1, couplings: CouplingTable(mass: 0.1, squaredMomentum: 0.01, matrix: matrix))
        let expected = DecayCalculator.fermionPair(mass: 0.1, fermionMass: 0.01, vectorSquared: (Self.e * 1e-2) * (Self.e * 1e-2), axialSquared: 0, colours: 1)
        #expect(abs(w[.invisible] - expected) <= 1e-15 * expected && w.pairs.first?.channel == .invisible)
        let point = try ParameterPoint(model: Fixture.model("dark-photon"), mass: 0.5, coupling: 0, kineticMixing: .fixed(1e-3),
                                       darkSector: .darkCastInvisible)
        let dark = try DecayCalculator(couplings: CouplingCalculator(point: point)).widths(mass: 0.5)
        // 99 visible widths against 100 visible ones plus the neutrinos (a 1e-12 share here).
        #expect(abs(dark.branchingRatio(.invisible) - 0.99) < 1e-10)
    }

    @Test("problems as data: a broad width, no open channel, and the loop estimate that opens e+e- for U(1)_B")
    func problems() throws {
        let wide = try DecayCalculator(couplings: CouplingCalculator(model: Fixture.model("B-L"), gaugeCoupling: 3)).widths(mass: 10)
        #expect(wide.total > 0.1 * 10 && wide.problems.contains { $0.kind == .broadResonance })
        // U(1)_B at 100 MeV, below the pi0 gamma threshold and without kinetic mixing: nothing is open.
        let bare = try ParameterPoint(model: Fixture.model("B"), mass: 0.1, coupling: 1e-2)
        let closed = try DecayCalculator(couplings: CouplingCalculator(point: bare)).widths(mass: 0.1)
        #expect(closed.total == 0 && closed.problems.contains { $0.kind == .noOpenChannel })
        // With the one-loop estimate eps = e g/(16 pi^2) the e+e- channel is open: Gamma = (e eps)^2 m/(12 pi) beta (1 + 2 mu^2).
        let estimate = try ParameterPoint(model: Fixture.model("B"), mass: 0.1, coupling: 1e-2, kineticMixing: .oneLoopEstimate, loopMixing: .estimate)
        let open = try DecayCalculator(couplings: CouplingCalculator(point: estimate)).widths(mass: 0.1)
        let eps = Self.e * 1e-2 / (16 * Double.pi * Double.pi)
        let hand = DecayCalculator.fermionPair(mass: 0.1, fermionMass: PhysicalConstants.electronMass, vectorSquared: (Self.e * eps) * (Self.e * eps), axialSquared: 0, colours: 1)
        #expect(abs(open[.electron] / hand - 1) < 1e-6)   // O(eps^2) of the exact mixing and O(m^2/m_Z^2)
    }
}
