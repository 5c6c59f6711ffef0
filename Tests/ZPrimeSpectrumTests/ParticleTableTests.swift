import Numerics
import Testing
import ZPrimeCore
import ZPrimeSpectrum

@Suite("Mass-basis particle tables and chiral coupling matrices")
struct ParticleTableTests {
    @Test("the Standard Model table: twelve fermions in the fixed order, PDG masses, exact charges")
    func standardModel() throws {
        let table = ParticleTable.standardModel
        #expect(table.map(\.name) == ["e", "mu", "tau", "nu_e", "nu_mu", "nu_tau", "u", "d", "s", "c", "b", "t"])
        #expect(table[0].mass == 0.51099895069e-3 && table[1].mass == 105.6583755e-3 && table[2].mass == 1776.93e-3)
        #expect(table[6].electricCharge == Rational(2, 3) && table[10].electricCharge == Rational(-1, 3))
        #expect(table.filter(\.isQuark).count == 6 && table.filter { $0.kind == .neutrino }.allSatisfy { $0.mass == 0 && $0.isInvisible })
    }

    /// The charged (e, L^-, E) and neutral (nu, N^c, L^0, L^0c) states of one generation of the
    /// U(1)_{B-L} model with vector-like leptons (Hati et al., JHEP 07 (2020) 235): three charged
    /// Dirac mass eigenstates and four neutral Majorana ones, with off-diagonal chiral couplings
    /// between light and heavy states.
    @Test("the vector-like-lepton model's charged and neutral mass eigenstates and their off-diagonal couplings")
    func vectorLikeLeptons() throws {
        let charged = [
            Particle(name: "E2", kind: .heavyChargedLepton, mass: 90.0, electricCharge: -1, family: 0),
            Particle(name: "E3", kind: .heavyChargedLepton, mass: 90.5, electricCharge: -1, family: 0),
        ]
        let neutral = [
            Particle(name: "n1", kind: .neutrino, mass: 1e-10, electricCharge: 0, family: 0, isMajorana: true),
            Particle(name: "n2", kind: .heavyNeutralLepton, mass: 12, electricCharge: 0, family: 0, isMajorana: true),
            Particle(name: "n3", kind: .heavyNeutralLepton, mass: 89.9, electricCharge: 0, family: 0, isMajorana: true),
            Particle(name: "n4", kind: .heavyNeutralLepton, mass: 90.1, electricCharge: 0, family: 0, isMajorana: true),
        ]
        let table = try ParticleTable.standardModel.appending(charged + neutral)
        #expect(table.count == 18 && table.index(of: "E2") == 12 && table.index(of: "n4") == 17)
        var matrix = ChiralCouplingMatrix(particles: table)
        let e = try #require(table.index(of: "e")), e2 = try #require(table.index(of: "E2")), n1 = try #require(table.index(of: "n1"))
        let n3 = try #require(table.index(of: "n3"))
        // Chiral light-heavy coupling: left 1e-3 i, right 2e-3 (units of e).
        try matrix.setCoupling(e, e2, ComplexChiralCoupling(left: Complex(0, 1e-3), right: Complex(2e-3, 0)))
        #expect(matrix[e, e2].left == Complex(0, 1e-3) && matrix[e, e2].right == Complex(2e-3, 0))
        // The conjugate entry: (e2, e) = (e, e2)^*.
        #expect(matrix[e2, e].left == Complex(0, -1e-3))
        // Majorana states couple among themselves (Weyl-field couplings in `left`).
        try matrix.setCoupling(n1, n3, ComplexChiralCoupling(left: Complex(-0.5, 0), right: .zero))
        try matrix.setCoupling(n3, n3, ComplexChiralCoupling(left: Complex(0.3, 0), right: .zero))
        #expect(matrix.offDiagonal.count == 2 && matrix[n3, n3].left == Complex(0.3, 0))
        matrix.checkInvariants()
        // A neutral boson cannot connect an electron to a neutrino, nor a quark to a lepton.
        #expect(throws: Problem.self) { try matrix.setCoupling(e, n1, ComplexChiralCoupling(left: Complex(1, 0), right: .zero)) }
        #expect(throws: Problem.self) { try matrix.setCoupling(e, 7, ComplexChiralCoupling(left: Complex(1, 0), right: .zero)) }
        #expect(throws: Problem.self) { try matrix.setCoupling(e, 99, .zero) }
        #expect(throws: Problem.self) { try matrix.setCoupling(e, e2, ComplexChiralCoupling(left: Complex(.nan, 0), right: .zero)) }
        // Setting a coupling to zero removes the entry.
        try matrix.setCoupling(e2, e, .zero)
        #expect(matrix.offDiagonal.count == 1)
        // Tables refuse repeated names, negative masses and charged Majorana states.
        #expect(throws: Problem.self) { try ParticleTable.standardModel.appending([Particle(name: "e", kind: .heavyChargedLepton, mass: 1, electricCharge: -1)]) }
        #expect(throws: Problem.self) { try ParticleTable.standardModel.appending([Particle(name: "X", kind: .darkFermion, mass: -1, electricCharge: 0)]) }
        #expect(throws: Problem.self) {
            try ParticleTable.standardModel.appending([Particle(name: "M", kind: .heavyChargedLepton, mass: 1, electricCharge: -1, isMajorana: true)])
        }
    }

    @Test("a quark-flavour-violating b-s coupling is stored once and read both ways")
    func flavourViolation() throws {
        var matrix = ChiralCouplingMatrix(particles: .standardModel)
        let s = try #require(ParticleTable.standardModel.index(of: "s")), b = try #require(ParticleTable.standardModel.index(of: "b"))
        let c = try #require(ParticleTable.standardModel.index(of: "c"))
        try matrix.setCoupling(b, s, ComplexChiralCoupling(left: Complex(1e-6, 2e-7), right: .zero))
        #expect(matrix.offDiagonal.count == 1 && matrix.offDiagonal[0].row == s && matrix.offDiagonal[0].column == b)
        #expect(matrix[s, b].left == Complex(1e-6, -2e-7) && matrix[b, s].left == Complex(1e-6, 2e-7))
        #expect(!matrix.isDiagonal)
        // b-c would change the charge.
        #expect(throws: Problem.self) { try matrix.setCoupling(b, c, ComplexChiralCoupling(left: Complex(1, 0), right: .zero)) }
    }
}
