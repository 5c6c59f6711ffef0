import Foundation
import Testing
import ZPrimeCore
@testable import ZPrimeObservables

@Suite("Beam-dump decay probability")
struct BeamDumpTests {
    /// P = exp(-L_sh/l)(1 - exp(-L_dec/l)) (seed 003) at points computed by hand; the long-lived limit
    /// L_dec/l keeps full relative precision; the optimum l* = L_dec/ln(1 + L_dec/L_sh) (dP/dl = 0).
    @Test("decay probability: values, long-lived limit, optimum")
    func probability() throws {
        let p = try BeamDump.decayProbability(shieldingLengthMetres: 64, decayVolumeLengthMetres: 50, decayLengthMetres: 64)
        #expect(abs(p - exp(-1) * (1 - exp(-50.0 / 64))) < 1e-16)
        let longLived = try BeamDump.decayProbability(shieldingLengthMetres: 64, decayVolumeLengthMetres: 50, decayLengthMetres: 1e20)
        #expect(abs(longLived / (50.0 / 1e20) - 1) < 1e-15)      // first-order terms ~1e-18
        #expect(try BeamDump.decayProbability(shieldingLengthMetres: 64, decayVolumeLengthMetres: 50, decayLengthMetres: 1e-3) == 0)
        #expect(try BeamDump.decayProbability(shieldingLengthMetres: 64, decayVolumeLengthMetres: 50, decayLengthMetres: .infinity) == 0)
        let best = try BeamDump.optimalDecayLength(shieldingLengthMetres: 64, decayVolumeLengthMetres: 50)
        #expect(abs(best - 50 / log(1 + 50.0 / 64)) < 1e-12)
        let pBest = try BeamDump.decayProbability(shieldingLengthMetres: 64, decayVolumeLengthMetres: 50, decayLengthMetres: best)
        for factor in [0.99, 1.01, 0.5, 2] {
            #expect(try BeamDump.decayProbability(shieldingLengthMetres: 64, decayVolumeLengthMetres: 50, decayLengthMetres: best * factor) < pBest)
        }
    }

    /// l = (p/m) hbar c/Gamma: a 10 MeV boson at 10 GeV with Gamma = 1e-12 GeV:
    /// sqrt(10^2 - 0.01^2)/0.01 x 1.973269804e-16 / 1e-12 m.
    @Test("lab decay length and bad input")
    func decayLength() throws {
        let l = try BeamDump.labDecayLength(mass: 0.01, energy: 10, totalWidth: 1e-12)
        #expect(abs(l / ((100 - 1e-4).squareRoot() / 0.01 * 1.973269804e-16 / 1e-12) - 1) < 1e-14)
        #expect(throws: ObservableError.self) { try BeamDump.labDecayLength(mass: 1, energy: 0.5, totalWidth: 1) }
        #expect(throws: ObservableError.self) { try BeamDump.labDecayLength(mass: 1, energy: 2, totalWidth: 0) }
        #expect(throws: ObservableError.self) { try BeamDump.decayProbability(shieldingLengthMetres: -1, decayVolumeLengthMetres: 1, decayLengthMetres: 1) }
        #expect(throws: ObservableError.self) { try BeamDump.decayProbability(shieldingLengthMetres: 1, decayVolumeLengthMetres: .nan, decayLengthMetres: 1) }
        #expect(throws: ObservableError.self) { try BeamDump.decayProbability(shieldingLengthMetres: 1, decayVolumeLengthMetres: 1, decayLengthMetres: 0) }
    }
}
