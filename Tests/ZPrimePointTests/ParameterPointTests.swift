import Foundation
import Testing
import ZPrimeCore
import ZPrimeModels
import ZPrimePoint

@Suite("Parameter points and their resolution")
struct ParameterPointTests {
    func builtin(_ name: String) throws -> Model { try #require(BuiltinModels.model(named: name)) }

    @Test("a point is validated: mass, coupling, kinetic mixing, neutrinos, dark sector")
    func validation() throws {
        let bl = try builtin("B-L")
        let cases: [(() throws(Problem) -> ParameterPoint, Parameter)] = [
            ({ () throws(Problem) in try ParameterPoint(model: bl, mass: -1, coupling: 1e-3) }, .mass),
            ({ () throws(Problem) in try ParameterPoint(model: bl, mass: .nan, coupling: 1e-3) }, .mass),
            ({ () throws(Problem) in try ParameterPoint(model: bl, mass: 2e5, coupling: 1e-3) }, .mass),
            ({ () throws(Problem) in try ParameterPoint(model: bl, mass: 1, coupling: 0) }, .coupling),
            ({ () throws(Problem) in try ParameterPoint(model: bl, mass: 1, coupling: 1e300) }, .coupling),
            ({ () throws(Problem) in try ParameterPoint(model: bl, mass: 1, coupling: 1e-3, kineticMixing: .fixed(1)) }, .kineticMixing),
            ({ () throws(Problem) in try ParameterPoint(model: bl, mass: 1, coupling: 1e-3, kineticMixing: .fixed(.infinity)) }, .kineticMixing),
            ({ () throws(Problem) in try ParameterPoint(model: bl, mass: 1, coupling: 1e-3, darkSector: .fixed(-1)) }, .invisibleWidth),
            ({ () throws(Problem) in try ParameterPoint(model: bl, mass: 1, coupling: 1e-3, darkSector: .darkFermion(coupling: .nan, mass: 0)) }, .darkCoupling),
        ]
        for (make, parameter) in cases {
            do {
                _ = try make()
                Issue.record("accepted a bad \(parameter)")
            } catch {
                #expect(error.parameter == parameter, "\(error)")
                #expect(error.severity == .error)
            }
        }
        // Dirac neutrinos need three N_R: U(1)_{L_mu - L_tau} has them, SM B-L without N_R does not.
        let noN = Model(name: "no N_R", charges: [.Q: Array(repeating: Rational(1, 3), count: 3), .U: Array(repeating: Rational(1, 3), count: 3),
                                                  .D: Array(repeating: Rational(1, 3), count: 3), .L: Array(repeating: -1, count: 3), .E: Array(repeating: -1, count: 3)])
        #expect(throws: Problem.self) { try ParameterPoint(model: noN, mass: 1, coupling: 1e-3, neutrinos: .dirac) }
        // The dark photon: no gauge coupling, a non-zero eps.
        let dp = try builtin("dark-photon")
        #expect(throws: Problem.self) { try ParameterPoint(model: dp, mass: 1, coupling: 1e-3, kineticMixing: .fixed(1e-3)) }
        #expect(throws: Problem.self) { try ParameterPoint(model: dp, mass: 1, coupling: 0, kineticMixing: .none) }
        // A model-fixed ratio refuses any other kinetic mixing.
        #expect(throws: Problem.self) { try ParameterPoint(model: builtin("protophobic"), mass: 1, coupling: 1e-3, kineticMixing: .fixed(1e-3)) }
    }

    @Test("direction and scale: the model's coupling is g_X, or eps for the dark photon; fixed eps stays, tied eps follows")
    func scale() throws {
        let bl = try ParameterPoint(model: builtin("B-L"), mass: 0.017, coupling: 1e-4, kineticMixing: .fixed(-1e-4))
        #expect(bl.couplingAxis == .gaugeCoupling && bl.modelCoupling == 1e-4)
        let doubled = try bl.withModelCoupling(2e-4)
        #expect(doubled.coupling == 2e-4 && doubled.kineticMixing == .fixed(-1e-4))
        let tied = try ParameterPoint(model: builtin("B-L"), mass: 0.017, coupling: 1e-4, kineticMixing: .proportional(ratio: -0.5))
        #expect(try tied.treeLevelKineticMixing() == -0.5e-4)
        #expect(try tied.withModelCoupling(4e-4).treeLevelKineticMixing() == -2e-4)
        let dp = try ParameterPoint(model: builtin("dark-photon"), mass: 0.1, coupling: 0, kineticMixing: .fixed(1e-3))
        #expect(dp.couplingAxis == .kineticMixing && dp.modelCoupling == 1e-3)
        #expect(try dp.withModelCoupling(5e-4).kineticMixing == .fixed(5e-4))
        // The protophobic ratio is imposed exactly: eps = rho cos / sqrt(cos^2 - rho^2), rho = -g/e;
        // hand value for g = 1e-3 with cos^2 = 1 - 0.2121490842897361 (the scheme's).
        let p = try ParameterPoint(model: builtin("protophobic"), mass: 0.017, coupling: 1e-3, kineticMixing: .model)
        let rho = -1e-3 / (4 * Double.pi / 137.035999177).squareRoot(), c2 = 1 - 0.2121490842897361
        #expect(abs(try p.treeLevelKineticMixing() - rho * c2.squareRoot() / (c2 - rho * rho).squareRoot()) < 1e-18)
        // The one-loop estimate e g/(16 pi^2).
        let b = try ParameterPoint(model: builtin("B"), mass: 0.1, coupling: 1e-2, kineticMixing: .oneLoopEstimate, loopMixing: .estimate)
        #expect(abs(try b.treeLevelKineticMixing() - 0.30282212088 * 1e-2 / (16 * Double.pi * Double.pi)) < 1e-13)
    }

    @Test("a point survives a JSON round trip exactly (model charges as exact fractions)")
    func codable() throws {
        let point = try ParameterPoint(model: builtin("b-l-vll"), mass: 0.017, coupling: 6e-4, kineticMixing: .fixed(-8e-4),
                                       neutrinos: .dirac, darkSector: .visibleMultiple(99), datasets: DatasetSelection(muon: "2021"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let data = try encoder.encode(point)
        let decoded = try JSONDecoder().decode(ParameterPoint.self, from: data)
        #expect(decoded == point)
        #expect(String(decoding: data, as: UTF8.self).contains("\"1/3\""))
    }

    @Test("resolution: library defaults, the dark photon's ignored coupling, Higgs-only charged models, conflicts")
    func resolution() throws {
        let bl = try PointRequest(model: builtin("B-L"), mass: 0.5).resolve()
        #expect(bl.point.coupling == PointRequest.Defaults.gaugeCoupling)
        #expect(bl.problems.contains { $0.kind == .defaultUsed && $0.parameter == .coupling && $0.severity == .note })
        let dp = try PointRequest(model: builtin("dark-photon"), mass: 0.5, coupling: 0.5).resolve()
        #expect(dp.point.coupling == 0 && dp.point.kineticMixing == .fixed(PointRequest.Defaults.darkPhotonKineticMixing))
        #expect(dp.problems.contains { $0.kind == .ignored && $0.parameter == .coupling && $0.severity == .warning })
        let higgs = Model(name: "higgs only", charges: [:], higgsCharge: 1)
        #expect(higgs.isU1Charged)
        #expect(try PointRequest(model: higgs, mass: 0.1, coupling: 1e-4).resolve().point.coupling == 1e-4)
        let conflicts: [(PointRequest, Parameter)] = [
            (PointRequest(model: try builtin("B-L"), mass: 1, kineticMixing: 1e-3, mixingRatio: 1), .mixingRatio),
            (PointRequest(model: try builtin("protophobic"), mass: 1, kineticMixing: 1e-3), .kineticMixing),
            (PointRequest(model: try builtin("B"), mass: 1, kineticMixing: 1e-3, loopMixing: .estimate), .loopMixing),
            (PointRequest(model: try builtin("dark-photon"), mass: 1, kineticMixing: 0), .kineticMixing),
            (PointRequest(model: try builtin("B-L"), mass: 1, coupling: -1), .coupling),
            (PointRequest(model: try builtin("B-L")), .mass),
        ]
        for (request, parameter) in conflicts {
            do {
                _ = try request.resolve()
                Issue.record("resolved a bad request for \(parameter)")
            } catch {
                #expect(error.parameter == parameter, "\(error)")
            }
        }
        // Without a mass, the light limit when allowed.
        #expect(try PointRequest(model: builtin("B-L")).resolve(requireMass: false).point.mass == 0)
    }
}

@Suite("Named parameters of a point (for scans)")
struct PointParameterTests {
    @Test("get and set mass, coupling, kinetic mixing, mixing ratio and model parameters by name")
    func byName() throws {
        let model = try #require(BuiltinModels.model(named: "b-l-vll"))
        let point = try ParameterPoint(model: model, mass: 0.017, coupling: 6e-4, kineticMixing: .fixed(-8e-4),
                                       modelParameters: ["lambda_L": 6.4, "M_L": 90])
        #expect(point.parameter("mass") == 0.017 && point.parameter("coupling") == 6e-4 && point.parameter("kinetic_mixing") == -8e-4)
        #expect(point.parameter("mixing_ratio") == nil && point.parameter("M_L") == 90 && point.parameter("nope") == nil)
        #expect(try point.withParameter("M_L", 120).parameter("M_L") == 120)
        #expect(try point.withParameter("mass", 0.02).mass == 0.02)
        #expect(try point.withParameter("mixing_ratio", -1).kineticMixing == .proportional(ratio: -1))
        do {
            _ = try point.withParameter("lambda_E", 1)
            Issue.record("unknown parameter accepted")
        } catch {
            #expect(error.kind == .unknownName && error.message.contains("lambda_L"))
        }
        #expect(throws: Problem.self) { try point.withParameter("mass", -1) }
        #expect(throws: Problem.self) { try ParameterPoint(model: model, mass: 1, coupling: 1e-3, modelParameters: ["y": .nan]) }
    }
}
