import Testing
import ZPrimeCore
import ZPrimeModels
@testable import ZPrimeSpectrum

/// The seed model's parameters, mass matrices and spectrum (the numbers against independent
/// references are in ZPrimeObservablesTests/SeedModelReferenceTests).
@Suite("Vector-like leptons: parameters, matrices, spectrum")
struct VectorLikeLeptonTests {
    static let v = ElectroweakScheme.standard.vacuumExpectationValue

    @Test("names: diagonal, off-diagonal, globals; unknown names are refused with the list")
    func names() throws {
        #expect(VectorLikeLeptonParameters.isParameterName("lambda_L_mu"))
        #expect(VectorLikeLeptonParameters.isParameterName("y_M_e_tau"))
        #expect(VectorLikeLeptonParameters.isParameterName("y_nu_tau"))
        #expect(VectorLikeLeptonParameters.isParameterName("m_hX"))
        #expect(!VectorLikeLeptonParameters.isParameterName("lambda_L_mu_mu"))
        #expect(!VectorLikeLeptonParameters.isParameterName("lambda_mu"))
        #expect(VectorLikeLeptonParameters.allNames.count == 9 * 3 + 9 * 6 + 2)
        #expect(VectorLikeLeptonParameters.allNames.allSatisfy(VectorLikeLeptonParameters.isParameterName))
        do {
            _ = try VectorLikeLeptonParameters(modelParameters: ["lamda_L_mu": 1, "m_hX": 70])
            Issue.record("an unknown name was accepted")
        } catch {
            #expect(error.kind == .unknownName)
            #expect(error.parameter == .field("lamda_L_mu"))
        }
    }

    @Test("required parameters, ranges and conflicts name the parameter")
    func validation() {
        let base: [String: Double] = ["lambda_L_mu": 6, "lambda_E_mu": 6, "M_L_mu": 90, "M_E_mu": 90, "m_hX": 70]
        func problem(_ change: [String: Double?]) -> Problem? {
            var p = base
            for (k, v) in change { p[k] = v }
            do { _ = try VectorLikeLeptonParameters(modelParameters: p); return nil } catch { return error }
        }
        #expect(problem([:]) == nil)
        #expect(problem(["M_E_mu": nil])?.parameter == .field("M_E_mu"))
        #expect(problem(["M_E_mu": nil])?.kind == .missing)
        #expect(problem(["m_hX": nil])?.parameter == .field("m_hX"))
        #expect(problem(["M_L_mu": -90])?.parameter == .field("M_L_mu"))
        #expect(problem(["M_L_mu": 0])?.parameter == .field("M_L_mu"))
        #expect(problem(["h_mu": .nan])?.kind == .notFinite)
        #expect(problem(["k_mu": 1e3])?.parameter == .field("k_mu"))
        #expect(problem(["m_hX": -1])?.parameter == .field("m_hX"))
        #expect(problem(["v_X": 0])?.parameter == .field("v_X"))
        // h_e_mu needs the electron's vector-like leptons.
        #expect(problem(["h_e_mu": 1e-6])?.kind == .conflict)
        // y_M is symmetric.
        #expect(problem(["y_M_e_mu": 0.1, "y_M_mu_e": 0.2])?.kind == .conflict)
        #expect(problem(["y_M_e_mu": 0.1, "y_M_mu_e": 0.1]) == nil)
        // No active generation.
        #expect(problem(["lambda_L_mu": nil, "lambda_E_mu": nil, "M_L_mu": nil, "M_E_mu": nil])?.kind == .missing)
    }

    @Test("model parameters round-trip, and the benchmark is what the slides state")
    func roundTrip() throws {
        let p = VectorLikeLeptonParameters.benchmark(.slides, generations: [.electron, .muon], h: [1e-6, 2e-5])
        let again = try VectorLikeLeptonParameters(modelParameters: p.modelParameters)
        #expect(again == p)
        #expect(p.value(.lambdaL, .muon, .muon) == 90.0 / 14.0)
        #expect(VectorLikeLeptonParameters.benchmark(.cancellation).value(.lambdaE, .electron, .electron) == 2.0.squareRoot() * 90 / 14)
        #expect(p.value(.k, .electron, .electron) == 1e-7)
        #expect(p.isActive(.muon) && !p.isActive(.tau))
        #expect(p.tunedYukawa == [true, true, true])
    }

    @Test("the charged and neutral matrices have the slides' entries")
    func matrices() throws {
        let p = try VectorLikeLeptonParameters(modelParameters: ["lambda_L_mu": 2, "lambda_E_mu": 3, "M_L_mu": 90, "M_E_mu": 120, "h_mu": 1e-3,
                                                                 "k_mu": 2e-3, "y_nu_mu": 1e-6, "y_M_mu": 0.5, "m_hX": 70])
        let m = VectorLikeLeptonMassMatrices(parameters: p, yukawas: [1e-6, 5e-4, 1e-2], higgsVEV: 246, scalarVEV: 14)
        #expect(m.leftFields.map(\.description) == ["e_L(e)", "e_L(mu)", "L_L(mu)", "E_L(mu)", "e_L(tau)"])
        let s2 = 2.0.squareRoot()
        // The muon block: rows 1...3, columns 1...3.
        let expected = [[5e-4 * 246 / s2, 2 * 14 / s2, 0], [0, 90, 1e-3 * 246 / s2], [3 * 14 / s2, 2e-3 * 246 / s2, 120]]
        for i in 0..<3 { for j in 0..<3 { #expect(abs(m.charged[i + 1, j + 1].real - expected[i][j]) <= 1e-14 * max(1, abs(expected[i][j]))) } }
        #expect(m.neutralFields.map(\.description) == ["nu(e)", "N^c(e)", "nu(mu)", "N^c(mu)", "L0(mu)", "L0c(mu)", "nu(tau)", "N^c(tau)"])
        let n = m.neutral
        #expect(n.relativeAsymmetry == 0)
        #expect(abs(n[2, 3].real - 1e-6 * 246 / s2) < 1e-18)
        #expect(abs(n[3, 3].real - 0.5 * 14 / s2) < 1e-14)
        #expect(abs(n[2, 5].real - 2 * 14 / s2) < 1e-14)
        #expect(n[4, 5].real == 90)
        // Goldstone: -i lambda_L/sqrt2 on (e_L, L_R), +i lambda_E/sqrt2 on (E_L, e_R).
        #expect(abs(m.chargedGoldstoneYukawa[1, 2].imaginary + 2 / s2) < 1e-15)
        #expect(abs(m.chargedGoldstoneYukawa[3, 1].imaginary - 3 / s2) < 1e-15)
    }

    @Test("tuned Yukawas give the measured masses on the branch det M > 0, for both signs of h")
    func tuning() throws {
        for h in [1e-5, -1e-5, 0, 3e-3] {
            let p = VectorLikeLeptonParameters.benchmark(.slides, generations: LeptonGeneration.allCases, h: [h, h, h])
            let spectrum = try VectorLikeLeptonSpectrum(parameters: p, higgsVEV: Self.v, scalarVEV: 14)
            for g in LeptonGeneration.allCases {
                #expect(abs(spectrum.chargedMasses[g.rawValue] / g.chargedLeptonMass - 1) < 1e-13, "h = \(h), \(g)")
                let block = try #require(spectrum.block(g))
                // det M = product of singular values times the sign: U_L, U_R real here, det(U_L) det(U_R) det(Sigma).
                let s2 = 2.0.squareRoot()
                let a = spectrum.yukawas[g.rawValue] * Self.v / s2, b = 90.0 / 14 * 14 / s2, c = h * Self.v / s2, e = 1e-7 * Self.v / s2
                let det = a * (90 * 90 - c * e) + b * c * b
                #expect(det > 0)
                #expect(block.chargedMasses[0] == spectrum.chargedMasses[g.rawValue])
            }
        }
    }

    @Test("exactly zero neutrino masses without y_nu; a Dirac pair; the seesaw mass with y_nu")
    func neutralSpectrum() throws {
        let p = VectorLikeLeptonParameters.benchmark(.cancellation, generations: [.muon])
        let spectrum = try VectorLikeLeptonSpectrum(parameters: p, higgsVEV: Self.v, scalarVEV: 14)
        #expect(spectrum.neutralMasses[0...2].allSatisfy { $0 == 0 })
        let block = try #require(spectrum.block(.muon))
        // The L0 pair: sqrt(M^2 + lambda^2 v_X^2/2) = sqrt(2) 90 twice (r = 2), and N_R at y_M v_X/sqrt2.
        #expect(abs(block.neutralMasses[2] / (2.0.squareRoot() * 90) - 1) < 1e-14)
        #expect(abs(block.neutralMasses[3] / (2.0.squareRoot() * 90) - 1) < 1e-14)
        #expect(abs(block.neutralMasses[1] - 14 / 2.0.squareRoot()) < 1e-14)
        #expect(block.neutral.unitarityDeviation < 1e-14)
    }

    @Test("generations joined by off-diagonal couplings are diagonalised as a whole, y tuned together")
    func offDiagonal() throws {
        var named = VectorLikeLeptonParameters.benchmark(.slides, generations: [.electron, .muon], h: [1e-6, 1e-5]).modelParameters
        named["lambda_L_e_mu"] = 0.05
        named["y_e_mu"] = 1e-6
        let p = try VectorLikeLeptonParameters(modelParameters: named)
        #expect(p.hasOffDiagonalEntries)
        let spectrum = try VectorLikeLeptonSpectrum(parameters: p, higgsVEV: Self.v, scalarVEV: 14)
        for g in LeptonGeneration.allCases { #expect(abs(spectrum.chargedMasses[g.rawValue] / g.chargedLeptonMass - 1) < 1e-12, "\(g)") }
        #expect(spectrum.block(.muon) == nil)
        #expect(spectrum.leftMixing.unitarityDeviation < 1e-14 && spectrum.rightMixing.unitarityDeviation < 1e-14)
        let svd = try SingularValueDecomposition(spectrum.matrices.charged)
        #expect(svd.singularValues.sorted() == spectrum.chargedMasses.sorted() || zip(svd.singularValues.sorted(), spectrum.chargedMasses.sorted()).allSatisfy { abs($0 - $1) <= 1e-14 * $1 })
    }

    @Test("warnings: lambda above sqrt(4 pi), m_hX below 50 GeV, vector-like masses below 120 GeV")
    func checks() throws {
        var named = VectorLikeLeptonParameters.benchmark(.slides, generations: [.muon]).modelParameters
        named["m_hX"] = 40
        let spectrum = try VectorLikeLeptonSpectrum(parameters: try VectorLikeLeptonParameters(modelParameters: named), higgsVEV: Self.v, scalarVEV: 14)
        let kinds = spectrum.problems.filter { $0.severity == .warning }.map(\.parameter)
        #expect(kinds.contains(.field("lambda_L_mu")) && kinds.contains(.field("lambda_E_mu")))
        #expect(kinds.contains(.field("m_hX")))
        // r = 1: heavy masses sqrt(90^2 + 63.6^2) = 110.2 GeV < 120 GeV.
        #expect(spectrum.problems.contains { $0.message.contains("collider bound of about 120") })
    }

    @Test("parameter files: flat names and generation tables, errors name the field")
    func parameterFile() throws {
        let toml = """
        m_hX = 70
        lambda_L_e_mu = 0.1
        [mu]
        lambda_L = 6.4
        M_L = 90
        """
        let p = try ParameterFile.parse(toml, format: .toml)
        #expect(p == ["m_hX": 70, "lambda_L_e_mu": 0.1, "lambda_L_mu": 6.4, "M_L_mu": 90])
        let json = #"{"m_hX": 70, "e": {"h": 1e-6}}"#
        #expect(try ParameterFile.parse(json, format: .json) == ["m_hX": 70, "h_e": 1e-6])
        #expect(throws: ModelFileError.self) { try ParameterFile.parse("h_mu = 1\n[mu]\nh = 2\n", format: .toml) }
        #expect(throws: ModelFileError.self) { try ParameterFile.parse("h_mu = \"x\"\n", format: .toml) }
        #expect(throws: ModelFileError.self) { try ParameterFile.parse("[nu]\nh = 2\n", format: .toml) }
        #expect(throws: ModelFileError.self) { try ParameterFile.parse("h_mu = inf\n", format: .toml) }
    }

    @Test("the model's spectrum survives a model-file round trip")
    func modelFile() throws {
        let model = BuiltinModels.bMinusLVectorLikeLeptons
        #expect(model.spectrum == .vectorLikeLeptons)
        #expect(try ModelFile.parse(ModelFile.toml(model), format: .toml).spectrum == .vectorLikeLeptons)
        #expect(try ModelFile.parse(ModelFile.json(model), format: .json).spectrum == .vectorLikeLeptons)
        #expect(try ModelFile.parse(ModelFile.toml(BuiltinModels.bMinusL), format: .toml).spectrum == .aligned)
        #expect(throws: ModelFileError.self) {
            try ModelFile.parse("[charges]\nQ = \"1/3\"\nU = \"1/3\"\nD = \"1/3\"\nL = -1\nE = -1\n[mixing]\nspectrum = \"mass-matrix\"\n", format: .toml)
        }
    }
}
