import Testing
import ZPrimeCore
import ZPrimeModels
@testable import ZPrimeCouplings

@Suite("Couplings from charges")
struct CouplingCalculatorTests {
    static let e = PhysicalConstants.elementaryCharge

    func builtin(_ name: String) throws -> Model { try #require(BuiltinModels.model(named: name)) }

    @Test("B-L: eps^V = g X/e per fermion, no axial couplings, nucleons p = n = g/e; kinetic mixing adds eps Q_f")
    func bMinusL() throws {
        let g = 2e-3
        let c = try CouplingCalculator(model: builtin("B-L"), gaugeCoupling: g).couplings(atSquaredMomentum: 0)
        let unit = g / Self.e
        // Hand values: X_e = -1, X_q = 1/3; p = 2u + d = 1, n = u + 2d = 1; relative 1e-15 (one product).
        let third = 1.0 / 3.0
        let expected: [(CouplingTarget, Double)] = [(.electron, -1), (.muon, -1), (.tau, -1), (.up, third), (.down, third), (.strange, third),
                                                    (.charm, third), (.bottom, third), (.top, third), (.proton, 1), (.neutron, 1)]
        for (target, x) in expected {
            #expect(abs(c[target].vector - x * unit) <= 1e-15 * unit, "\(target)")
            #expect(c[target].axial == 0, "\(target)")
        }
        // Left-handed neutrinos: eps^V = -eps^A = g X_L/(2e), left-handed coupling g X_L/e.
        #expect(abs(c[.electronNeutrino].vector + unit / 2) <= 1e-15 * unit)
        #expect(abs(c[.electronNeutrino].axial - unit / 2) <= 1e-15 * unit)
        #expect(abs(c[.electronNeutrino].left + unit) <= 1e-15 * unit)
        #expect(abs(c[.electronNeutrino].right) <= 1e-20)

        // Seed 000/001 relations with kinetic mixing: eps_n = eps_{B-L}, eps_p = eps_{B-L} + eps (leading order).
        let eps = -8e-4
        let k = try CouplingCalculator(model: builtin("B-L"), gaugeCoupling: g, kineticMixing: eps).couplings(atSquaredMomentum: 0)
        #expect(abs(k[.neutron].vector - unit) <= 2 * eps * eps * unit)
        #expect(abs(k[.proton].vector - (unit + eps)) <= 2 * eps * eps * unit)
        #expect(abs(k[.electron].vector - (-unit - eps)) <= 2 * eps * eps * unit)
    }

    @Test("chiral charges: eps^V = g (X_L + X_R)/(2e), eps^A = g (X_R - X_L)/(2e)")
    func chiral() throws {
        let model = Model(name: "chiral", charges: [.L: [Rational(0), Rational(1), Rational(0)], .E: [Rational(0), Rational(-1), Rational(0)],
                                                    .Q: [Rational(1), Rational(0), Rational(0)], .U: [Rational(2), Rational(0), Rational(0)],
                                                    .D: [Rational(0), Rational(0), Rational(0)]])
        let g = 1e-3
        let c = try CouplingCalculator(model: model, gaugeCoupling: g).couplings(atSquaredMomentum: 0)
        let unit = g / Self.e
        #expect(abs(c[.muon].vector) <= 1e-18)
        #expect(abs(c[.muon].axial - (-unit)) <= 1e-15 * unit)          // X_L = 1, X_R = -1
        #expect(abs(c[.up].vector - 1.5 * unit) <= 1e-15 * unit)         // (1 + 2)/2
        #expect(abs(c[.up].axial - 0.5 * unit) <= 1e-15 * unit)          // (2 - 1)/2
        #expect(abs(c[.down].vector - 0.5 * unit) <= 1e-15 * unit)
        #expect(abs(c[.down].axial + 0.5 * unit) <= 1e-15 * unit)
        // Nucleon axial couplings from the FLAG 2019 spin fractions (hand calculation):
        // p: 0.777 * 0.5 + (-0.438)(-0.5) = 0.6075; n: -0.438 * 0.5 + 0.777 * (-0.5) = -0.6075.
        #expect(abs(c[.proton].axial - 0.6075 * unit) <= 1e-14 * unit)
        #expect(abs(c[.neutron].axial + 0.6075 * unit) <= 1e-14 * unit)
        #expect(abs(c[.proton].vector - 3.5 * unit) <= 1e-14 * unit)
        #expect(abs(c[.neutron].vector - 2.5 * unit) <= 1e-14 * unit)
    }

    @Test("dark photon: eps Q_f; protophobic: eps_p = 0, eps_n = g/e")
    func kineticOnly() throws {
        let eps = 3e-4
        let d = try CouplingCalculator(model: builtin("dark-photon"), gaugeCoupling: 0, kineticMixing: eps).couplings(atSquaredMomentum: 0)
        for target in CouplingTarget.allCases {
            // The exact mixing normalises the Z' by x = 1/sqrt(1 + s^2 sin^2) = 1 - O(eps^2), here 1.3e-8.
            #expect(abs(d[target].vector - eps * target.electricCharge) <= 2 * eps * eps * eps + 1e-18, "\(target)")
        }
        let g = 1e-3
        let p = try CouplingCalculator(model: builtin("protophobic"), gaugeCoupling: g).couplings(atSquaredMomentum: 0)
        // O(eps^2) = O((g/e)^2) ~ 1e-5 corrections from the exact mixing: tolerance 3 (g/e)^2 relative.
        let unit = g / Self.e
        #expect(abs(p[.proton].vector) <= 3 * unit * unit * unit)
        #expect(abs(p[.neutron].vector - unit) <= 3 * unit * unit * unit)
        #expect(abs(p[.electron].vector - unit) <= 3 * unit * unit * unit)
        #expect(throws: CouplingError.self) { try CouplingCalculator(model: builtin("protophobic"), gaugeCoupling: g, kineticMixing: 1e-4) }
    }

    @Test("neutrino options: Dirac adds the N_R charge, light-sterile adds N_R states, Dirac needs one N_R per family")
    func neutrinos() throws {
        let g = 1e-3, unit = g / Self.e
        let dirac = try CouplingCalculator(model: builtin("B-L"), gaugeCoupling: g, options: CouplingOptions(lightNeutrinos: .dirac))
        let c = dirac.couplings(atSquaredMomentum: 0)
        #expect(abs(c[.muonNeutrino].vector + unit) <= 1e-15 * unit)     // (X_L + X_N)/2 = -1
        #expect(abs(c[.muonNeutrino].axial) <= 1e-18)                   // (X_N - X_L)/2 = 0
        let sterile = try CouplingCalculator(model: builtin("Lmu-Ltau"), gaugeCoupling: g, options: CouplingOptions(lightNeutrinos: .lightSterile))
        let s = try sterile.table(mass: 0.01)
        #expect(s.sterileNeutrinos.count == 3)
        #expect(abs(s.sterileNeutrinos[1].real.right - unit) <= 1e-15 * unit)
        #expect(abs(s.sterileNeutrinos[1].real.left) <= 1e-20)
        let noNR = Model(name: "B-L without N_R", charges: [.Q: Array(repeating: Rational(1, 3), count: 3), .U: Array(repeating: Rational(1, 3), count: 3),
                                                           .D: Array(repeating: Rational(1, 3), count: 3), .L: Array(repeating: Rational(-1), count: 3),
                                                           .E: Array(repeating: Rational(-1), count: 3)])
        #expect(throws: CouplingError.self) { try CouplingCalculator(model: noNR, gaugeCoupling: g, options: CouplingOptions(lightNeutrinos: .dirac)) }
        #expect(try CouplingCalculator(model: noNR, gaugeCoupling: g).couplings(atSquaredMomentum: 0)[.electronNeutrino].left != 0)
    }

    @Test("couplings scale linearly with g_X (1e-9 ... 1) and keep their ratios")
    func linearInCoupling() throws {
        let model = try builtin("B-3Lmu")
        let reference = try CouplingCalculator(model: model, gaugeCoupling: 1e-3).couplings(atSquaredMomentum: 0)
        for g in [1e-9, 1e-6, 0.1, 1.0] {
            let c = try CouplingCalculator(model: model, gaugeCoupling: g).couplings(atSquaredMomentum: 0)
            for target in CouplingTarget.allCases {
                #expect(abs(c[target].vector - reference[target].vector * g / 1e-3) <= 1e-14 * abs(reference[target].vector * g / 1e-3) + 1e-300)
            }
        }
    }

    @Test("bad input: non-positive or non-finite g, non-finite or |eps| >= 1, wrong family count")
    func badInput() throws {
        let bl = try builtin("B-L")
        for g in [0.0, -1e-3, .nan, .infinity] {
            #expect(throws: CouplingError.self) { try CouplingCalculator(model: bl, gaugeCoupling: g) }
        }
        for eps in [Double.nan, .infinity, 1.0, -2.0] {
            #expect(throws: CouplingError.self) { try CouplingCalculator(model: bl, gaugeCoupling: 1e-3, kineticMixing: eps) }
        }
        let twoFamilies = Model(name: "two", families: 2, charges: [.L: [Rational(1), Rational(-1)]])
        #expect(throws: CouplingError.self) { try CouplingCalculator(model: twoFamilies, gaugeCoupling: 1e-3) }
        let error = #expect(throws: CouplingError.self) { try CouplingCalculator(model: bl, gaugeCoupling: -2) }
        #expect(error?.description.contains("gauge coupling -2.0") == true)
    }

    @Test("the Higgs charge gives a light Z' a Z-like coupling 2 g X_H (T3 - Q sin^2)")
    func darkZ() throws {
        // X_H = 1 and all fermion charges 0: the nu_L coupling is 2 g X_H T3 = g at m -> 0 (units: g/e after /e).
        let model = Model(name: "higgs only", charges: [:], higgsCharge: Rational(1))
        let g = 1e-4
        let c = try CouplingCalculator(model: model, gaugeCoupling: g).couplings(atSquaredMomentum: 0)
        // nu_L: left-handed coupling 2 g (1/2 - 0) = g exactly at m = 0 up to O(g^2) normalisation.
        #expect(abs(c[.electronNeutrino].left - g / Self.e) <= 1e-6 * g / Self.e)
        // e_R: 2 g (0 + sin^2) ; e_L: 2 g (-1/2 + sin^2).
        let sw2 = ElectroweakInputs.standard.sinThetaW * ElectroweakInputs.standard.sinThetaW
        #expect(abs(c[.electron].right - 2 * g * sw2 / Self.e) <= 1e-6 * g / Self.e)
        #expect(abs(c[.electron].left - 2 * g * (-0.5 + sw2) / Self.e) <= 1e-6 * g / Self.e)
    }
}
