import Testing
import ZPrimeCouplings
@testable import ZPrimeObservables

/// The lean chain (``VectorLikeLeptonMoments/Chain`` on ``VectorLikeLeptonGenerationSpectrum``)
/// against the 40-digit references of SeedModelFixtures and against the general path
/// (``VectorLikeLeptonSpectrum`` and the couplings stage's table) on a deterministic set of points.
///
/// Tolerances: against the references, those of SeedModelReferenceTests (Delta a to 1e-8 of the
/// larger of the Z' and h_X parts, the acceptance criterion; y and masses relative 1e-12). Against
/// the general path: the same SVD algorithm and the same loops, so the parts agree to 1e-11 of the
/// larger part (the single terms inside a part cancel over up to five orders: 1e-16 rounding of a
/// mixing entry becomes ~1e-11 of the part) and the couplings to 1e-13 relative (1e-18 absolute).
@Suite("Seed model: the lean chain")
struct SeedModelChainTests {
    static func chain(_ point: ParameterPoint) throws -> (VectorLikeLeptonMoments.Chain, CouplingCalculator) {
        let calculator = try CouplingCalculator(point: point)
        let vll = try #require(calculator.vectorLikeLeptons)
        let mixing = try calculator.mixing(bosonMass: point.mass)
        return (VectorLikeLeptonMoments.Chain(mixing: mixing, scalarMass: vll.spectrum.parameters.scalarMass, scalarVEV: vll.scalarVEV), calculator)
    }

    @Test("reproduces the 40-digit references", arguments: SeedModelFixtures.all)
    func references(_ f: SeedModelFixture) throws {
        let point = try SeedModelReferenceTests.point(f)
        let (chain, _) = try Self.chain(point)
        let g = LeptonGeneration(suffix: f.generation)!
        let inputs = try #require(VectorLikeLeptonGenerationSpectrum.Inputs(parameters: try VectorLikeLeptonParameters(modelParameters: point.modelParameters), generation: g))
        let result = try chain.evaluate(inputs, generation: g)
        let zPrime = Double(f.deltaAZPrime)!, hX = Double(f.deltaAHX)!
        let scale = max(abs(zPrime), abs(hX))
        #expect(abs(result.moment.zPrime - zPrime) <= 1e-8 * scale, "\(f.name): Z' \(result.moment.zPrime) vs \(zPrime)")
        #expect(abs(result.moment.breakingScalar - hX) <= 1e-8 * scale, "\(f.name): h_X \(result.moment.breakingScalar) vs \(hX)")
        #expect(abs(result.spectrum.yukawa / Double(f.yukawa)! - 1) <= 1e-12)
        for j in 0..<3 { #expect(abs(result.spectrum.chargedMasses[j] / Double(f.chargedMasses[j])! - 1) <= 1e-12, "\(f.name): mass \(j)") }
        #expect(abs(result.vector / Double(f.vector)! - 1) <= 1e-10)
        #expect(abs(result.neutrino - Double(f.neutrino)!) <= max(1e-9 * abs(Double(f.neutrino)!), 1e-16))
    }

    /// Deterministic points around both benchmarks and away from them: r, h, k, M_E/M_L, y_nu, y_M.
    static let points: [(r: Double, h: Double, k: Double, massE: Double, lambdaE: Double?, neutrinoYukawa: Double, majoranaYukawa: Double)] = [
        (1, 1e-6, 1e-7, 90, nil, 0, 1), (2, -3e-4, 1e-7, 90, nil, 0, 1), (1, 2e-2, -1e-2, 90, nil, 0, 1), (0.01, 1e-5, 1e-6, 300, 3, 0, 1),
        (2, 0, 0, 90, nil, 1e-6, 0.5), (6, 1e-5, 2e-6, 150, 5, 0, 1), (1, -1e-8, 1e-9, 1000, 1, 0.3, 2), (3, 1e-4, 0, 90, 8, 0, 1e-3),
    ]

    @Test("agrees with the general spectrum and the couplings stage", arguments: 0..<8)
    func general(_ index: Int) throws {
        let p = Self.points[index]
        for g in [LeptonGeneration.electron, .muon, .tau] {
            let lambdaL = p.r.squareRoot() * 90 / 14
            let s = g.suffix
            let named: [String: Double] = ["lambda_L_\(s)": lambdaL, "lambda_E_\(s)": p.lambdaE ?? lambdaL, "M_L_\(s)": 90, "M_E_\(s)": p.massE,
                                           "h_\(s)": p.h, "k_\(s)": p.k, "y_nu_\(s)": p.neutrinoYukawa, "y_M_\(s)": p.majoranaYukawa, "m_hX": 70]
            let point = try VectorLikeLeptonCouplings.point(parameters: VectorLikeLeptonParameters(modelParameters: named), epsilonBL: 2e-3,
                                                            kineticMixing: -8e-4, scalarVEV: 14)
            let (chain, calculator) = try Self.chain(point)
            let inputs = try #require(VectorLikeLeptonGenerationSpectrum.Inputs(parameters: calculator.vectorLikeLeptons!.spectrum.parameters, generation: g))
            let lean = try chain.evaluate(inputs, generation: g)
            let table = try calculator.table(squaredMomentum: 0)
            let lepton = ChargedLepton.allCases[g.rawValue]
            let moment = try MassBasisMoment(lepton: lepton, table: table)
            // The parts to 1e-11 of the larger one, or 1e-14 of the largest single term where the
            // terms cancel over more than three orders (the electron: 2e-7 terms, 1e-12 parts).
            let scale = max(abs(lean.moment.zPrime), abs(lean.moment.breakingScalar), 1e-3 * lean.moment.largestTerm)
            let label = "point \(index), \(s)"
            #expect(abs(lean.moment.zPrime - moment.zPrime) <= 1e-11 * scale, "\(label): Z' \(lean.moment.zPrime) vs \(moment.zPrime)")
            #expect(abs(lean.moment.breakingScalar - (moment.otherBosons["h_X"] ?? 0)) <= 1e-11 * scale, "\(label): h_X")
            #expect(abs(lean.vector - table[lepton.couplingTarget].vector.real) <= 1e-13 * abs(lean.vector) + 1e-18, "\(label): eps^V")
            #expect(abs(lean.axial - table[lepton.couplingTarget].axial.real) <= 1e-13 * abs(lean.vector) + 1e-18, "\(label): eps^A")
            #expect(abs(lean.neutrino - table[lepton.neutrino].left.real) <= 1e-13 * 2e-3 + 1e-18, "\(label): nu \(lean.neutrino) vs \(table[lepton.neutrino].left.real)")
            let spectrum = calculator.vectorLikeLeptons!.spectrum
            #expect(abs(lean.spectrum.yukawa - spectrum.yukawas[g.rawValue]) <= 1e-14 * abs(spectrum.yukawas[g.rawValue]))
            let block = try #require(spectrum.block(g))
            for j in 0..<3 { #expect(abs(lean.spectrum.chargedMasses[j] - block.chargedMasses[j]) <= 1e-14 * block.chargedMasses[j]) }
            for j in 0..<4 { #expect(abs(lean.spectrum.neutralMasses[j] - block.neutralMasses[j]) <= 1e-13 * block.neutralMasses[3]) }
        }
    }

    @Test("the light neutrino is the massless state also for r > 4, where the L^0 pair has more nu content")
    func lightNeutrinoAtLargeR() throws {
        // r = 6: the light state (M nu - mu L0)/norm has nu content 1/(1 + r/2) = 1/4, each state of
        // the Dirac pair (r/2)/(2(1 + r/2)) = 3/8; the coupling is -eps_{B-L}(1 - r/2)/(1 + r/2) = +eps_{B-L}/2
        // (eps = 0: the Z' couples to B-L only; the derivation is in SeedModelPhysicsTests).
        let lambda = 6.0.squareRoot() * 90 / 14
        let named: [String: Double] = ["lambda_L_mu": lambda, "lambda_E_mu": lambda, "M_L_mu": 90, "M_E_mu": 90, "m_hX": 70]
        let point = try VectorLikeLeptonCouplings.point(parameters: VectorLikeLeptonParameters(modelParameters: named), epsilonBL: 2e-3,
                                                        kineticMixing: 0, scalarVEV: 14)
        let table = try CouplingCalculator(point: point).table(squaredMomentum: 0)
        #expect(abs(table[.muonNeutrino].left.real - 1e-3) <= 1e-13 * 2e-3)
        #expect(table.particles[CouplingTarget.muonNeutrino.ordinal].mass == 0)
        let (chain, calculator) = try Self.chain(point)
        let lean = try chain.evaluate(VectorLikeLeptonGenerationSpectrum.Inputs(parameters: calculator.vectorLikeLeptons!.spectrum.parameters, generation: .muon)!,
                                      generation: .muon)
        #expect(abs(lean.neutrino - 1e-3) <= 1e-13 * 2e-3)
    }
}
