import Testing
import ZPrimeCore
import ZPrimeModels
@testable import ZPrimeCouplings

/// Reference values: an independent 50-digit mpmath computation (scratch script): build the kinetic
/// matrix K = [[1, 0, -eps_k], [0, 1, 0], [-eps_k, 0, 1]] and the mass matrix
/// M^2 = (v^2/4) u u^T + diag(0, 0, m_B'^2), u = (g', -g, 2 g_X X_H), in the (B, W3, X) basis; find
/// m_B'^2 with mp.findroot so that the generalised eigenproblem M^2 w = lambda K w has lambda = m_Z'^2
/// (Cholesky reduction + mp.eigsy); normalise w^T K w = 1 with a positive X component; the coupling of a
/// chiral field is (g' Y, g T3, g_X X) . w. Inputs e = sqrt(4 pi alpha(0)), cos(theta_W) = m_W/m_Z,
/// v = 2 m_Z/g_Z with the PDG 2024 masses. No closed form is used there.
@Suite("Exact A-Z-Z' mixing")
struct GaugeBosonMixingTests {
    /// Chiral fields: (name, T3, Y).
    static let fields: [(String, Double, Double)] = [
        ("eL", -0.5, -0.5), ("eR", 0, -1), ("nuL", 0.5, -0.5), ("uL", 0.5, 1.0 / 6), ("uR", 0, 2.0 / 3), ("dL", -0.5, 1.0 / 6), ("dR", 0, -1.0 / 3), ("NR", 0, 0),
    ]

    struct Case: Sendable {
        let name: String
        let eps: Double, g: Double, xh: Double, mass: Double
        let charges: [Double]  // per field above
        let couplings: [Double]
        let bareMass: Double
        let zMass: Double
    }

    static let bl: [Double] = [-1, -1, -1, 1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3, -1]
    static let higgsCharged: [Double] = [0, -2, 0, 0, 1, 0, -1, 1]
    static let none: [Double] = Array(repeating: 0, count: 8)

    static let cases: [Case] = [
        Case(name: "dark photon eps=1e-3 m=1", eps: 1e-3, g: 0, xh: 0, mass: 1, charges: none,
             couplings: [-0.0003028350553672693, -0.00030281161143383123, 2.3443933438065172e-8, 0.00020189785155599222,
                         0.00020187440762255415, -0.00010096064774471514, -0.00010093720381127708, 0],
             bareMass: 0.99999950001779913, zMass: 91.18801310293681),
        Case(name: "dark photon eps=1e-2 m=50", eps: 1e-2, g: 0, xh: 0, mass: 50, charges: none,
             couplings: [-0.0034919994275417193, -0.0026540603347265298, 0.00083793909281518947, 0.0026073126492995427,
                         0.0017693735564843532, -0.0017226258710573661, -0.0008846867782421766, 0],
             bareMass: 49.99780906460808, zMass: 91.189873349789103),
        Case(name: "dark photon eps=1e-2 m=200", eps: 1e-2, g: 0, xh: 0, mass: 200, charges: none,
             couplings: [-0.0016660078675276946, -0.0041267323295851495, -0.002460724462057455, 0.00029043042433264474,
                         0.0027511548863900997, 0.0010851470188624051, -0.0013755774431950498, 0],
             bareMass: 199.98637369759066, zMass: 91.187656171098665),
        Case(name: "B-L g=1e-2 eps=-3e-3 m=80", eps: -3e-3, g: 1e-2, xh: 0, mass: 80, charges: bl,
             couplings: [-0.0080096876235771624, -0.0099636606275938211, -0.011953787205577994, 0.0013551960138587768,
                         0.0033091690178754355, 0.0052992955958596087, 0.00334532259184295, -0.0099998142015613356],
             bareMass: 79.999985673157795, zMass: 91.188511926182019),
        Case(name: "X_H = 1, g=1e-3, eps=0, m=10", eps: 0, g: 1e-3, xh: 1, mass: 10, charges: higgsCharged,
             couplings: [-0.00056031729853631766, -0.0015481409894230973, 0.0010121685607870108, 0.00071093438595321536,
                         0.00069876195100309978, -0.00086155147337011305, -0.00084937903841999748, 0.00099999612583689518],
             bareMass: 10.000038275869704, zMass: 91.188349030000653),
        Case(name: "X_H = 1, g=1e-3, eps=2e-3, m=150", eps: 2e-3, g: 1e-3, xh: 1, mass: 150, charges: higgsCharged,
             couplings: [6.1186406683983785e-5, -0.0031433874173889759, -0.0012045736950826561, -0.00044231550281687455,
                         0.0017622582567609333, 0.00082344459894976531, -0.0013811291606280426, 0.0010000000644951518],
             bareMass: 149.99897148520676, zMass: 91.187609524822728),
        // Near m_Z the Z' turns Z-like (the nu_L coupling is 20 times e eps at 90 GeV).
        Case(name: "dark photon eps=1e-3 m=90", eps: 1e-3, g: 0, xh: 0, mass: 90, charges: none,
             couplings: [-0.0043623355857025655, 0.0029709693255978131, 0.0073333049113003786, 0.0053526586942351699,
                         -0.0019806462170652087, -0.0063429818027677742, 0.00099032310853260436, 0],
             bareMass: 90.000441585247503, zMass: 91.188506109803848),
        Case(name: "dark photon eps=1e-2 m=92", eps: 1e-2, g: 0, xh: 0, mass: 92, charges: none,
             couplings: [0.055913801122261355, -0.050330058256074793, -0.10624385937833615, -0.072690487207619619,
                         0.033553372170716529, 0.089467173292977884, -0.016776686085358264, 0],
             bareMass: 91.920163277562258, zMass: 91.114732177359897),
    ]

    @Test("closed-form diagonalisation agrees with a numerical generalised eigen-decomposition", arguments: 0..<8)
    func againstNumerical(_ index: Int) throws {
        let c = Self.cases[index]
        let mixing = try GaugeBosonMixing(kineticMixing: c.eps, gaugeCoupling: c.g, higgsCharge: c.xh, bosonMass: c.mass)
        let scale = c.couplings.map(abs).max()!
        for (i, field) in Self.fields.enumerated() {
            let value = mixing.coupling(isospin: field.1, hypercharge: field.2, charge: c.charges[i])
            // 1e-10 of the largest coupling: double rounding in the closed form (the reference has
            // 50 digits); small entries such as the dark photon's nu_L are checked absolutely.
            #expect(abs(value - c.couplings[i]) <= 1e-10 * scale, "\(c.name) \(field.0): \(value) vs \(c.couplings[i])")
        }
        // The bare mass enters only through the eigenvalue equation; 1e-9 relative (the reference root
        // finder stops at ~1e-12 of m^2 and the Z-mass shift is a small difference).
        #expect(abs(mixing.bareBosonMass - c.bareMass) <= 1e-9 * c.bareMass)
        #expect(abs(mixing.shiftedZMass - c.zMass) <= 1e-9 * c.zMass)
    }

    @Test("light limit: eps e Q_f + g_X X_f/sqrt(1 - eps_k^2), to O(eps^2) and O(m^2/m_Z^2)")
    func lightLimit() throws {
        let e = PhysicalConstants.elementaryCharge
        for eps in [1e-9, -1e-6, 1e-3] {
            for g in [0.0, 1e-6, 1e-3] {
                let mixing = try GaugeBosonMixing(kineticMixing: eps, gaugeCoupling: g, higgsCharge: 0, bosonMass: 1e-3)
                for (_, t3, y) in Self.fields {
                    let q = t3 + y
                    for x in [-1.0, 1.0 / 3, 0] {
                        let value = mixing.coupling(isospin: t3, hypercharge: y, charge: x)
                        let leading = e * eps * q + g * x
                        // Corrections: eps^2 (relative), (m/m_Z)^2 ~ 1.2e-10 times eps (the Z admixture).
                        let bound = 2 * eps * eps * (abs(e * eps * q) + abs(g * x)) + 1e-9 * abs(eps) + 1e-15 * abs(leading)
                        #expect(abs(value - leading) <= bound, "eps \(eps) g \(g) T3 \(t3) Y \(y) X \(x): \(value) vs \(leading)")
                    }
                }
            }
        }
    }

    @Test("massless limit reproduces the seed: eps = eps_k cos(theta_W)/sqrt(1 - eps_k^2), eps_X = g/(e sqrt(1 - eps_k^2))")
    func seedRelations() throws {
        let e = PhysicalConstants.elementaryCharge
        let cw = ElectroweakInputs.standard.cosThetaW
        let epsK = 0.3
        let eps = epsK * cw / (1 - epsK * epsK).squareRoot()
        let g = 0.05
        let mixing = try GaugeBosonMixing(kineticMixing: eps, gaugeCoupling: g, higgsCharge: 0, bosonMass: 0)
        #expect(abs(mixing.kineticMixingParameter - epsK) < 1e-15)
        // At m = 0, X_H = 0: coupling = x (e eps Q + g X/sqrt(1 - eps_k^2)) exactly, x = 1/sqrt(1 + s^2 sin^2).
        let s = epsK / (1 - epsK * epsK).squareRoot()
        let x = 1 / (1 + s * s * (1 - cw * cw)).squareRoot()
        #expect(abs(mixing.xComponent - x) < 1e-15)
        let value = mixing.coupling(isospin: 0, hypercharge: -1, charge: 2)
        let expected = x * (e * eps * -1 + g * 2 / (1 - epsK * epsK).squareRoot())
        #expect(abs(value - expected) <= 1e-14 * abs(expected))
    }

    @Test("no eigenstate at m_Z or in the level-repulsion gap above it; any mass without mixing")
    func gap() throws {
        let mz = PhysicalConstants.zMass
        #expect(throws: CouplingError.self) { try GaugeBosonMixing(kineticMixing: 1e-2, gaugeCoupling: 0, higgsCharge: 0, bosonMass: mz) }
        #expect(throws: CouplingError.self) { try GaugeBosonMixing(kineticMixing: 1e-2, gaugeCoupling: 0, higgsCharge: 0, bosonMass: mz + 1e-3) }
        let far = try GaugeBosonMixing(kineticMixing: 1e-2, gaugeCoupling: 0, higgsCharge: 0, bosonMass: mz + 0.01)
        #expect(far.xComponent > 0 && far.xComponent <= 1)
        let noMixing = try GaugeBosonMixing(kineticMixing: 0, gaugeCoupling: 1e-3, higgsCharge: 0, bosonMass: mz)
        #expect(noMixing.coupling(isospin: 0, hypercharge: -1, charge: -1) == -1e-3)
        #expect(throws: CouplingError.self) { try GaugeBosonMixing(kineticMixing: .nan, gaugeCoupling: 0, higgsCharge: 0, bosonMass: 1) }
        #expect(throws: CouplingError.self) { try GaugeBosonMixing(kineticMixing: 1e-3, gaugeCoupling: 0, higgsCharge: 0, bosonMass: -1) }
    }

    @Test("the photon stays massless and decoupled: an electrically neutral, X-neutral field never couples")
    func neutralDecouples() throws {
        for mass in [0.0, 0.5, 30, 300] {
            let mixing = try GaugeBosonMixing(kineticMixing: 0.02, gaugeCoupling: 0.01, higgsCharge: 0, bosonMass: mass)
            #expect(mixing.coupling(isospin: 0, hypercharge: 0, charge: 0) == 0)
        }
    }
}
