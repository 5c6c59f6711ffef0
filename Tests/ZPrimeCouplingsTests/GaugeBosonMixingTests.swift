import Testing
import ZPrimeCore
import ZPrimeModels
@testable import ZPrimeCouplings

/// Reference values: an independent 50-digit mpmath computation, References/gauge_mixing.py: build the
/// kinetic matrix K = [[1, 0, -eps_k], [0, 1, 0], [-eps_k, 0, 1]] and the mass matrix
/// M^2 = (v^2/4) u u^T + diag(0, 0, m_B'^2), u = (g', -g, 2 g_X X_H), in the (B, W3, X) basis; find
/// m_B'^2 with mp.findroot so that the generalised eigenproblem M^2 w = lambda K w has lambda = m_Z'^2
/// (Cholesky reduction + mp.eigsy); normalise w^T K w = 1 with a positive X component; the coupling of a
/// chiral field is (g' Y, g T3, g_X X) . w. Inputs: the electroweak scheme (alpha(0), G_F, m_Z) of
/// ElectroweakScheme. No closed form is used there. (With the former on-shell inputs, cos(theta_W) =
/// m_W/m_Z and v = 2 m_Z/g_Z, the same script reproduces the previous reference values to all digits.)
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
             couplings: [-0.00030283538722697852, -0.00030281227241585555, 2.3114811122967846e-8, 0.00020189796308836,
                         0.00020187484827723703, -0.00010096053894974148, -0.00010093742413861852, 0],
             bareMass: 0.99999950001670325, zMass: 91.188012278830799),
        Case(name: "dark photon eps=1e-2 m=50", eps: 1e-2, g: 0, xh: 0, mass: 50, charges: none,
             couplings: [-0.0035037694825386308, -0.0026775924451912975, 0.00082617703734733334, 0.002611238667474865,
                         0.0017850616301275317, -0.0017187078524110992, -0.00089253081506376583, 0],
             bareMass: 49.99778963843478, zMass: 91.189755527037765),
        Case(name: "dark photon eps=1e-2 m=200", eps: 1e-2, g: 0, xh: 0, mass: 200, charges: none,
             couplings: [-0.0016314625781200527, -0.0040576418002299569, -0.0024261792221099042, 0.00027891531137673373,
                         0.0027050945334866379, 0.0010736319553665852, -0.001352547266743319, 0],
             bareMass: 199.9866018159742, zMass: 91.187677796173117),
        Case(name: "B-L g=1e-2 eps=-3e-3 m=80", eps: -3e-3, g: 1e-2, xh: 0, mass: 80, charges: bl,
             couplings: [-0.0079822677909034739, -0.0099088124926698952, -0.011926373418827702, 0.0013460540543264153,
                         0.0032725987560928367, 0.0052901596822506432, 0.0033636149804842218, -0.0099998287170612803],
             bareMass: 79.999963932377017, zMass: 91.188479728792331),
        Case(name: "X_H = 1, g=1e-3, eps=0, m=10", eps: 0, g: 1e-3, xh: 1, mass: 10, charges: higgsCharged,
             couplings: [-0.00058270737546341714, -0.0015705312041929448, 0.001012168702026887, 0.00072586115098457377,
                         0.00071368871433589407, -0.0008690149265057304, -0.0008568424898570507, 0.00099999626537820733],
             bareMass: 10.000036897227399, zMass: 91.18833645843721),
        Case(name: "X_H = 1, g=1e-3, eps=2e-3, m=150", eps: 2e-3, g: 1e-3, xh: 1, mass: 150, charges: higgsCharged,
             couplings: [8.2834880695470323e-5, -0.0031130581828589666, -0.0011958927879884834, -0.00045385418312647468,
                         0.0017420387426449855, 0.00082487348555747903, -0.0013710194402139811, 0.0010000001377829768],
             bareMass: 149.99900490894218, zMass: 91.187626547834501),
        // Near m_Z the Z' turns Z-like (the nu_L coupling is 20 times e eps at 90 GeV).
        Case(name: "dark photon eps=1e-3 m=90", eps: 1e-3, g: 0, xh: 0, mass: 90, charges: none,
             couplings: [-0.0044653458982725101, 0.0027651063522235298, 0.0072304522504960399, 0.0053870480156803534,
                         -0.0018434042348156865, -0.0063087501330881967, 0.00092170211740784327, 0],
             bareMass: 90.000410981673007, zMass: 91.188474278231956),
        Case(name: "dark photon eps=1e-2 m=92", eps: 1e-2, g: 0, xh: 0, mass: 92, charges: none,
             couplings: [0.057554654185973538, -0.047470167541236841, -0.10502482172721038, -0.073378043366385819,
                         0.03164677836082456, 0.089201432546798099, -0.01582338918041228, 0],
             bareMass: 91.924896982106593, zMass: 91.119342075640484),
    ]

    @Test("closed-form diagonalisation agrees with a numerical generalised eigen-decomposition", arguments: GaugeBosonMixingTests.cases.indices)
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
