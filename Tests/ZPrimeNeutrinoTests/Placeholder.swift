import Testing
import Foundation
@testable import ZPrimeNeutrino
import ZPrimeModels
import ZPrimePoint
import ZPrimeCouplings
import ZPrimeObservables

@Suite struct Explore {
    @Test func numbers() throws {
        for e in try SpallationExperiment.all() {
            let c = e.kernel().counts(exchange: nil)
            print("EXP", e.name, c.total, e.delayedTimingEfficiency)
        }
        let bx = try BorexinoRate()
        print("BOREXINO", bx.standardTotal, bx.standardWindow)
        let model = BuiltinModels.model(named: "Lmu-Ltau")!
        for m in [0.003, 0.01, 0.03, 0.1] {
            // g-2 band 2021 central
            let p = try ParameterPoint(model: model, mass: m, coupling: 1)
            let c = try CouplingCalculator(point: p).table(squaredMomentum: 0).real
            let da = try AnomalousMagneticMoment.deltaA(.muon, couplings: c, bosonMass: m)
            print("G2", m, (251e-11/da).squareRoot(), (38e-11/da).squareRoot())
        }
        let point = try ParameterPoint(model: model, mass: 0.01, coupling: 5e-4)
        let t0 = Date()
        for c in try NeutrinoConstraint.all() {
            let pc = try c.prepared(for: point)
            let r = try pc.evaluate(mass: 0.01, coupling: 5e-4)
            print("CON", c.info.name, r.verdict, r.ratio ?? -1, r.predicted ?? -1, r.predictedStandardModel ?? -1, try pc.intervals(mass: 0.01))
        }
        print("time", Date().timeIntervalSince(t0))
        for name in ["CENNS610", "ESS10", "CCM", "ESS"] {
            let s = try Sensitivity(experiment: SpallationExperiment.named(name), point: point)
            for (m, g) in [(0.01, 4.6e-4), (0.05, 8e-4)] {
                print("SENS", name, m, g, try s.discovery(mass: m, coupling: g), try s.exclusion(mass: m, coupling: g))
            }
        }
        let t1 = Date()
        let nr = try SolarDetector(exposureTonneYears: 200, recoilKeV: 1...Double.infinity, channel: .nuclear)
        let er = try SolarDetector(exposureTonneYears: 200, recoilKeV: 1...Double.infinity, channel: .electron)
        let s = try Sensitivity(solar: [nr, er], point: point)
        print("solar prep", Date().timeIntervalSince(t1), s.standard.bins)
        for (m, g) in [(0.01, 4.6e-4), (0.05, 8e-4)] {
            let snr = try Sensitivity(solar: [nr], point: point), ser = try Sensitivity(solar: [er], point: point)
            print("DARWIN1", m, g, try s.discovery(mass: m, coupling: g), try snr.discovery(mass: m, coupling: g), try ser.discovery(mass: m, coupling: g),
                  try snr.counts(mass: m, coupling: g).total, snr.standard.total, try ser.counts(mass: m, coupling: g).total, ser.standard.total)
        }
    }
}
