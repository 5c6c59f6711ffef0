import Numerics
import Testing
import ZPrimeCore
import ZPrimeCouplings
@testable import ZPrimeObservables

/// Physics of the seed model, each test against a value derived independently (by hand, in the
/// comment) or a limit:
/// - lambda -> 0 gives the plain eps Q + eps_{B-L} Q_{B-L} couplings of the aligned couplings stage;
/// - the light-neutrino coupling is exactly -eps_{B-L} (1 - r/2)/(1 + r/2): it vanishes at r = 2;
/// - eps^A_ll vanishes on the symmetric line lambda_L = lambda_E, M_L = M_E for any y, h, k;
/// - the slides' relations hold to first order in r (errors O(r^2)) and fail at r = 1;
/// - the slides' leading-order mixing matrices hold only for v, v_X << M_L << M_E;
/// - unitary-gauge Z' loops equal the Feynman-gauge ones with the Goldstone boson of h_X, whose
///   couplings come from the Yukawa Lagrangian (gauge consistency of m_Z' = 2 g_X v_X).
@Suite("Seed model: physics relations")
struct SeedModelPhysicsTests {
    static let e = PhysicalConstants.elementaryCharge

    /// One generation (the muon) with the given inputs.
    static func point(lambdaL: Double, lambdaE: Double, massL: Double = 90, massE: Double = 90, h: Double = 0, k: Double = 0,
                      y: Double? = nil, epsilonBL: Double = 2e-3, eps: Double = 0, vX: Double = 14, generation: String = "mu") throws -> ParameterPoint {
        var named: [String: Double] = ["lambda_L_\(generation)": lambdaL, "lambda_E_\(generation)": lambdaE, "M_L_\(generation)": massL,
                                       "M_E_\(generation)": massE, "h_\(generation)": h, "k_\(generation)": k, "m_hX": 70]
        if let y { named["y_\(generation)"] = y }
        return try VectorLikeLeptonCouplings.point(parameters: VectorLikeLeptonParameters(modelParameters: named), epsilonBL: epsilonBL,
                                                   kineticMixing: eps, scalarVEV: vX)
    }

    @Test("lambda -> 0: the plain B-L couplings of every SM fermion, the vector-like leptons decoupled")
    func decoupling() throws {
        let p = try Self.point(lambdaL: 0, lambdaE: 0, eps: -8e-4)
        let mixed = try CouplingCalculator(point: p).table(squaredMomentum: 0)
        var plainPoint = p
        plainPoint.modelParameters = [:]
        let plain = try CouplingCalculator(point: plainPoint).table(squaredMomentum: 0)
        for target in CouplingTarget.allCases {
            let a = mixed[target], b = plain[target]
            // Neutrinos: both store the left-handed coupling (v = -a = G/2).
            #expect((a.vector - b.vector).length <= 1e-15 && (a.axial - b.axial).length <= 1e-15, "\(target): \(a) vs \(b)")
        }
        // The muon: eps^V = -eps + eps_{B-L} Q_{B-L} = 8e-4 - 2e-3 (leading order; exact mixing adds O(eps^2) ~ 1e-7 relative).
        #expect(abs(mixed[.muon].vector.real - (8e-4 - 2e-3)) < 1e-6 * 1.2e-3)
        // No light-heavy coupling survives.
        let heavy = mixed.particles.indices.filter { mixed.particles[$0].kind == .heavyChargedLepton }
        for f in heavy { #expect(mixed.matrix[f, CouplingTarget.muon.ordinal].isZero) }
    }

    @Test("the neutrino coupling is -eps_{B-L} (1 - r/2)/(1 + r/2): zero at r = 2, -eps_{B-L}/3 at r = 1", arguments: [0.001, 0.1, 1.0, 2.0, 3.0])
    func neutrinoCancellation(r: Double) throws {
        // The light state is (M nu - mu L0)/norm with mu = lambda v_X/sqrt2 (the combination that does
        // not pair with L0c); nu has X = -1, L0 has X = +1: G = eps_{B-L} (-M^2 + mu^2)/(M^2 + mu^2),
        // and mu^2/M^2 = r/2. With eps = 0 the Z' has no Z admixture and this is exact.
        let lambda = r.squareRoot() * 90 / 14
        let table = try CouplingCalculator(point: Self.point(lambdaL: lambda, lambdaE: lambda)).table(squaredMomentum: 0)
        let expected = -2e-3 * (1 - r / 2) / (1 + r / 2)
        #expect(abs(table[.muonNeutrino].left.real - expected) <= 1e-13 * 2e-3, "r = \(r): \(table[.muonNeutrino].left.real) vs \(expected)")
    }

    @Test("eps^A_ll = 0 on the symmetric line for any y, h, k", arguments: [(1e-3, 1e-6, 1e-7), (-2e-2, 3e-3, -1e-2), (0.5, 0.2, 0.7), (1e-6, 0.0, 0.0)])
    func symmetricLine(y: Double, h: Double, k: Double) throws {
        // lambda_L = lambda_E and M_L = M_E: swapping L <-> E and transposing maps M to M^T, so the
        // left and right mixings of the light state are equal and eps^A = (G_R - G_L)/2e = 0
        // (exactly at eps = 0, where the Z' couples to B-L alone).
        for r in [1.0, 2.0] {
            let lambda = r.squareRoot() * 90 / 14
            let table = try CouplingCalculator(point: Self.point(lambdaL: lambda, lambdaE: lambda, h: h, k: k, y: y)).table(squaredMomentum: 0)
            #expect(abs(table[.muon].axial.real) <= 1e-13 * 2e-3, "y = \(y), h = \(h), k = \(k), r = \(r): eps^A = \(table[.muon].axial.real)")
        }
        // Off the line it does not vanish.
        let off = try CouplingCalculator(point: Self.point(lambdaL: 6, lambdaE: 6.5, h: h, k: k, y: y)).table(squaredMomentum: 0)
        #expect(abs(off[.muon].axial.real) > 1e-5)
    }

    @Test("the slides' relations: eps_n = eps_{B-L}, eps_p = eps + eps_{B-L}, and the first-order forms in r")
    func relations() throws {
        let epsBL = 2e-3, eps = -8e-4
        // Nucleons do not mix: exact up to the O(eps_k^2 sin^2) normalisation of the Z' (~2e-7 here).
        let bench = try CouplingCalculator(point: Self.point(lambdaL: 90 / 14, lambdaE: 90 / 14, eps: eps)).table(squaredMomentum: 0)
        #expect(abs(bench.neutron.vector.real / epsBL - 1) < 1e-6)
        #expect(abs(bench.proton.vector.real / (eps + epsBL) - 1) < 1e-6)
        // First order in r: eps_nu = -eps_{B-L}(1 - r), eps^A = (r_E - r_L) eps_{B-L}/2,
        // eps^V = -eps + (r_L + r_E - 2) eps_{B-L}/2. Exactly, with s^2 = r/(2 + r):
        // eps^V = -eps + eps_{B-L}(s_L^2 + s_R^2 - 1), eps^A = eps_{B-L}(s_R^2 - s_L^2): the first-order
        // forms are off by O(r^2) eps_{B-L}, which the tests bound by r^2 eps_{B-L} (true coefficient 1/2 or less).
        for rL in [1e-3, 1e-2] {
            let rE = 2 * rL
            let t = try CouplingCalculator(point: Self.point(lambdaL: rL.squareRoot() * 90 / 14, lambdaE: rE.squareRoot() * 90 / 14, eps: 0))
                .table(squaredMomentum: 0)
            #expect(abs(t[.muonNeutrino].left.real - (-epsBL * (1 - rL))) <= rL * rL * epsBL)
            #expect(abs(t[.muonNeutrino].left.real - (-epsBL * (1 - rL))) >= 0.1 * rL * rL * epsBL, "the error is second order, not smaller")
            #expect(abs(t[.muon].axial.real - (rE - rL) * epsBL / 2) <= rE * rE * epsBL)
            #expect(abs(t[.muon].vector.real - (rL + rE - 2) * epsBL / 2) <= rE * rE * epsBL)
        }
        // At the slides' benchmark r = 1 the first-order forms fail: eps_nu = -eps_{B-L}/3, not 0;
        // eps^V_ee = -eps - eps_{B-L}/3 = 1.33e-4, not -eps = 8e-4.
        #expect(abs(bench[.muonNeutrino].left.real + epsBL / 3) < 1e-10)
        // (to 1e-8: the tuned y mixes at O(m_mu^2/M^2) ~ 1e-6 relative to eps_{B-L})
        #expect(abs(bench[.muon].vector.real - (-eps - epsBL / 3)) < 1e-8)
    }

    @Test("the leading-order U_L, U_R, U_nu hold for v, v_X << M_L << M_E, with two entries corrected, and fail at M_L = M_E")
    func leadingOrderMatrices() throws {
        // Hierarchical point: lambda v_X/M_L = 4.2e-3, v/M_E = 2.5e-4, M_L/M_E = 1e-2. Every entry of the
        // corrected matrices agrees with the numerics to relative 5e-3 (next-order terms are
        // O(M_L/M_E) and O(lambda^2 v_X^2/M^2) relative), or absolutely to 1e-12 for entries below it.
        let y = 1e-3, lL = 0.3, lE = 0.2, ml = 1000.0, me = 1e5, h = 1e-3, k = 2e-3
        let p = try VectorLikeLeptonParameters(modelParameters: ["lambda_L_mu": lL, "lambda_E_mu": lE, "M_L_mu": ml, "M_E_mu": me, "h_mu": h,
                                                                 "k_mu": k, "y_mu": y, "y_nu_mu": 1e-7, "y_M_mu": 1, "m_hX": 70])
        let v = ElectroweakScheme.standard.vacuumExpectationValue, vX = 14.0
        let spectrum = try VectorLikeLeptonSpectrum(parameters: p, higgsVEV: v, scalarVEV: vX)
        let block = try #require(spectrum.block(.muon))
        let lo = LeadingOrderMixing(y: y, lambdaL: lL, lambdaE: lE, massL: ml, massE: me, h: h, k: k, neutrinoYukawa: 1e-7, majoranaYukawa: 1,
                                    higgsVEV: v, scalarVEV: vX)
        func signed(_ m: ComplexMatrix) -> ComplexMatrix {
            // The slides' columns have positive diagonal entries.
            var out = m
            for j in 0..<m.columns where m[j, j].real < 0 { for i in 0..<m.rows { out[i, j] = -m[i, j] } }
            return out
        }
        let numericLeft = signed(block.left), numericRight = signed(block.right)
        for (numeric, expansion, name) in [(numericLeft, lo.left(.corrected), "U_L"), (numericRight, lo.right(.corrected), "U_R")] {
            for i in 0..<3 {
                for j in 0..<3 {
                    let a = numeric[i, j].real, b = expansion[i, j].real
                    #expect(abs(a - b) <= max(5e-3 * abs(a), 1e-12), "\(name)(\(i + 1),\(j + 1)): numerics \(a), expansion \(b)")
                }
            }
        }
        // The entries as printed are off by the factors M_E/(2 M_L) and M_L... (typos).
        #expect(abs(numericLeft[2, 0].real - lo.left(.asPrinted)[2, 0].real) > 0.5 * abs(numericLeft[2, 0].real))
        #expect(abs(numericRight[0, 1].real - lo.right(.asPrinted)[0, 1].real) > 0.5 * abs(numericRight[0, 1].real))
        // Neutral: the light and N_R columns entry by entry (relative 5e-3); the Dirac pair by the
        // weight of each field in it, |U_a3|^2 + |U_a4|^2 (the pair is degenerate: any rotation inside it).
        let numericNeutral = block.neutral, slides = lo.neutral
        for a in 0..<4 {
            for column in 0..<2 {
                // Entries the expansion sets to 0 are third order in the small ratios here (<= 1e-7).
                let x = numericNeutral[a, column].length, z = abs(slides[a, column].real)
                #expect(abs(x - z) <= max(5e-3 * x, 1e-7), "U_nu(\(a + 1),\(column + 1)): \(x) vs \(z)")
            }
            let pair = numericNeutral[a, 2].lengthSquared + numericNeutral[a, 3].lengthSquared
            let slidesPair = slides[a, 2].real * slides[a, 2].real + slides[a, 3].real * slides[a, 3].real
            #expect(abs(pair - slidesPair) <= max(5e-3 * pair, 1e-7), "U_nu(\(a + 1), pair): \(pair) vs \(slidesPair)")
        }
        // The light-neutrino mass: the seesaw with the 1/(sqrt2 (1 + r/2)) factor, not the quoted form.
        #expect(abs(block.neutralMasses[0] / lo.seesawMass - 1) < 1e-6)
        #expect(abs(lo.quotedNeutrinoMass / lo.seesawMass - 2.0.squareRoot()) < 1e-4)

        // The slides' benchmark M_L = M_E: the heavy pair mixes at 45 degrees, which the expansion
        // (entries (2,3), (3,2) of O(v/M)) cannot describe.
        let bench = try VectorLikeLeptonSpectrum(parameters: .benchmark(.slides, generations: [.muon], h: [1e-6]), higgsVEV: v, scalarVEV: 14)
        let b = try #require(bench.block(.muon))
        let benchLO = LeadingOrderMixing(y: bench.yukawas[1], lambdaL: 90 / 14, lambdaE: 90 / 14, massL: 90, massE: 90, h: 1e-6, k: 1e-7,
                                         higgsVEV: v, scalarVEV: 14)
        #expect(abs(b.left[2, 1].length - abs(benchLO.left(.corrected)[2, 1].real)) > 0.3)
    }

    @Test("gauge consistency: unitary-gauge Z' loops equal Feynman-gauge loops with the Goldstone boson of h_X",
          arguments: [(1.0, 1e-6, 1e-7), (2.0, -1.5e-3, 1e-7), (1.0, 3e-4, -2e-4)])
    func goldstone(r: Double, h: Double, k: Double) throws {
        // eps = 0: the Z' is the B-L boson with m_Z' = 2 g_X v_X exactly. Its Goldstone G (h_X =
        // (v_X + rho + i G)/sqrt2) couples through the Yukawas (-i lambda_L/sqrt2 on the h_X* entry,
        // +i lambda_E/sqrt2 on the h_X entry). Gauge invariance (the Ward identity of the B-L current)
        // demands Y_G = i (G_L m - m G_R)/m_Z' in the mass basis; the loops then agree because the
        // longitudinal parts of Leveille's Q_V, Q_A are scalar loops with exactly these couplings.
        let lambda = r.squareRoot() * 90 / 14
        for generation in ["e", "mu"] {
            let point = try Self.point(lambdaL: lambda, lambdaE: lambda, h: h, k: k, generation: generation)
            let calculator = try CouplingCalculator(point: point)
            let vll = try #require(calculator.vectorLikeLeptons)
            let spectrum = vll.spectrum
            let gx = point.coupling, mz = point.mass
            #expect(abs(mz / (2 * gx * vll.scalarVEV) - 1) < 1e-14)
            let g = spectrum.vectorCouplings { gx * $0.charge }
            let yG = spectrum.scalarYukawa(.goldstone)
            let masses = spectrum.chargedMasses
            let n = spectrum.chargedCount
            var largest = 0.0
            for i in 0..<n { for j in 0..<n { largest = max(largest, yG[i, j].length) } }
            for i in 0..<n {
                for j in 0..<n {
                    let ward = (g.left[i, j] * Complex(masses[j], 0) - Complex(masses[i], 0) * g.right[i, j]) * Complex(0, 1 / mz)
                    #expect((ward - yG[i, j]).length <= 1e-12 * largest, "\(generation) (\(i), \(j)): Ward \(ward) vs Yukawa \(yG[i, j])")
                }
            }
            let l = generation == "e" ? 0 : 1
            let m = masses[l]
            var unitary = 0.0, feynman = 0.0, largestTerm = 0.0
            for f in 0..<n {
                let cv = ((g.left[f, l] + g.right[f, l]) * Complex(0.5, 0)).length
                let ca = ((g.right[f, l] - g.left[f, l]) * Complex(0.5, 0)).length
                if cv == 0 && ca == 0 && yG[f, l] == .zero && yG[l, f] == .zero { continue }
                let internalMass = f == l ? m : masses[f]
                let loop = try LeveilleLoopFunctions(leptonMass: m, bosonMass: mz, internalMass: internalMass)
                let u = loop.deltaA(LoopCouplings(vector: cv, axial: ca))
                // Goldstone: L = -G chibar_L Y chi_R + h.c. -> C_S = |(Y_Fl + conj(Y_lF))/2|, C_P = |(Y_Fl - conj(Y_lF))/2|.
                let cs = ((yG[f, l] + yG[l, f].conjugate) * Complex(0.5, 0)).length
                let cp = ((yG[f, l] - yG[l, f].conjugate) * Complex(0.5, 0)).length
                let fg = loop.transverseDeltaA(vector: cv, axial: ca) + loop.deltaA(LoopCouplings(scalar: cs, pseudoscalar: cp))
                unitary += u
                feynman += fg
                largestTerm = max(largestTerm, abs(u), abs(fg))
            }
            #expect(abs(unitary - feynman) <= 1e-9 * largestTerm, "\(generation): unitary \(unitary), Feynman \(feynman)")
            #expect(unitary != 0)
        }
    }

    @Test("a v_X inconsistent with m_Z' is refused; m_Z' follows v_X exactly")
    func tiedVEV() throws {
        let p = VectorLikeLeptonParameters.benchmark(.slides, generations: [.muon])
        #expect(throws: Problem.self) {
            try VectorLikeLeptonCouplings.point(parameters: p, epsilonBL: 2e-3, kineticMixing: -8e-4, scalarVEV: 14, mass: 0.017)
        }
        let point = try VectorLikeLeptonCouplings.point(parameters: p, epsilonBL: 2e-3, kineticMixing: -8e-4, scalarVEV: 14)
        // m_Z' = 2 e eps_{B-L} v_X at leading order: 2 x 0.302822 x 2e-3 x 14 = 0.0169580 GeV.
        #expect(abs(point.mass / (2 * Self.e * 2e-3 * 14) - 1) < 1e-6)
        // A point with a v_X parameter that disagrees with its mass and coupling.
        var bad = point
        bad.modelParameters["v_X"] = 15
        #expect(throws: Problem.self) { try CouplingCalculator(point: bad) }
        // Consistent: accepted.
        var good = point
        good.modelParameters["v_X"] = 14
        #expect(try CouplingCalculator(point: good).vectorLikeLeptons!.scalarVEV == 14 || abs(try CouplingCalculator(point: good).vectorLikeLeptons!.scalarVEV - 14) < 1e-12)
    }

    @Test("the h that reproduces a target Delta a is a root of the scan, and reproduces it")
    func solveH() throws {
        let point = try VectorLikeLeptonCouplings.point(parameters: .benchmark(.cancellation, generations: [.muon]), epsilonBL: 2e-3,
                                                        kineticMixing: -8e-4, scalarVEV: 14)
        let roots = try VectorLikeLeptonAnalysis.solveH(target: 251e-11, generation: .muon, point: point)
        let h = try #require(roots.first)
        let solved = try VectorLikeLeptonAnalysis(point: point.withParameter("h_mu", h)).generation(.muon).moment
        // Brent to relative 1e-12 in h; Delta a is smooth in h, so the target is met to ~1e-10 of the largest part.
        #expect(abs(solved.total - 251e-11) <= 1e-9 * max(abs(solved.zPrime), abs(solved.otherBosons["h_X"]!)))
    }
}
