import Foundation
import Testing
@testable import ZPrimeProbes
import ZPrimeCore
import ZPrimeModels
import ZPrimePoint

@Suite("Scratch") struct ScratchTests {
    @Test func numbers() throws {
        let clock = ContinuousClock()
        var s = EffectiveNeutrinoNumber.Settings()
        var t0 = clock.now
        let sm = try EffectiveNeutrinoNumber(settings: s).solve()
        print("SM Neff", sm.effectiveNumber, sm.temperatureRatio, clock.now - t0)
        s.steps = 3000
        print("SM Neff 3000", try EffectiveNeutrinoNumber(settings: s).solve().effectiveNumber)
        var inst = EffectiveNeutrinoNumber.Settings(); inst.standardModelTransfer = false; inst.initialTemperature = 0.1
        print("inst SM", try EffectiveNeutrinoNumber(settings: inst).solve().effectiveNumber)
        let z = try EffectiveNeutrinoNumber(mass: 1e-4, neutrinoWidth: 1e-12, electromagneticWidth: 0, settings: inst).solve()
        print("inst Z nu", z.effectiveNumber, 3 * pow(1 + 3.0 / 5.25, 4.0 / 3))
        let ze = try EffectiveNeutrinoNumber(mass: 1e-4, neutrinoWidth: 0, electromagneticWidth: 1e-12, settings: inst).solve()
        print("inst Z em", ze.effectiveNumber)
        let model = BuiltinModels.model(named: "Lmu-Ltau")!
        for m in [0.003, 0.01, 0.03] {
            t0 = clock.now
            let p = try ParameterPoint(model: model, mass: m, coupling: 5e-4)
            let r = try EffectiveNeutrinoNumber(point: p).solve()
            print("LmuLtau", m, r.effectiveNumber, r.bath as Any, clock.now - t0)
        }
        for (m, g) in [(0.01, 5e-4), (0.1, 1e-3), (1.0, 2e-3), (10.0, 0.02)] {
            let p = try ParameterPoint(model: model, mass: m, coupling: g)
            t0 = clock.now
            let tr = try NeutrinoTrident(point: p)
            print("trident", m, g, try tr.ratioToStandardModel(), tr.contactRatio, clock.now - t0)
        }
        let p = try ParameterPoint(model: model, mass: 0.05, coupling: 5e-4)
        print("sigmaSM", try NeutrinoTrident(point: p).standardModelCrossSection())
        t0 = clock.now
        let na = try NA64muCalculator(point: p)
        let y = try na.yield()
        print("NA64", y.yieldPerMOT, y.invisibleYieldPerMOT, y.visibleYieldPerMOT, y.expectedEvents, clock.now - t0)
        for m in [0.01, 0.1, 0.3] {
            let pm = try ParameterPoint(model: model, mass: m, coupling: 5e-4)
            let n2 = try NA64muCalculator(point: pm, setup: .run2022)
            print("NA64 excl", m, try n2.excludedCouplings(mass: m))
        }
    }
}
