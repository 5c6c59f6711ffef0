import Foundation
import Numerics
import Testing
@testable import ZPrimeProbes
import ZPrimeCore
import ZPrimeModels

@Suite("Z' couplings to neutrino mass eigenstates")
struct MajoranaTests {
    @Test("the PMNS matrix is unitary and Q is Hermitian with Tr Q = Tr X, Tr Q^2 = Tr X^2")
    func unitarity() throws {
        let u = OscillationParameters.nufit52.pmns
        // Double-precision products of O(1) entries: 1e-15.
        #expect(u.unitarityDeviation < 1e-15)
        #expect(u.adjoint.unitarityDeviation < 1e-15)
        let q = try NeutrinoMassBasisCouplings(model: BuiltinModels.model(named: "Lmu-Ltau")!)
        for i in 0..<3 { for j in 0..<3 { #expect((q.matrix[i, j] - q.matrix[j, i].conjugate).length < 1e-15) } }
        let trace = (0..<3).map { q.matrix[$0, $0].real }.reduce(0, +)
        #expect(abs(trace) < 1e-15)
        let q2 = q.matrix * q.matrix
        #expect(abs((0..<3).map { q2[$0, $0].real }.reduce(0, +) - 2) < 1e-14)
    }

    @Test("Q_33 of L_mu - L_tau is -cos^2(theta_13) cos(2 theta_23) (by hand), Q_23 is large")
    func lmuLtauEntries() throws {
        let q = try NeutrinoMassBasisCouplings(model: BuiltinModels.model(named: "Lmu-Ltau")!)
        let d = Double.pi / 180
        // Q_33 = |U_mu3|^2 - |U_tau3|^2 = c13^2 (s23^2 - c23^2).
        let expected = -pow(cos(8.58 * d), 2) * cos(2 * 42.2 * d)
        #expect(abs(q.matrix[2, 2].real - expected) < 1e-14)
        #expect(q.matrix[1, 2].length > 0.8 && !q.isDiagonal)
        #expect(q.nature?.diracCompatible == false)
    }

    @Test("B - L: universal charges, Q = -1 (diagonal), Dirac masses possible")
    func bMinusL() throws {
        let q = try NeutrinoMassBasisCouplings(model: BuiltinModels.model(named: "B-L")!)
        #expect(q.isDiagonal)
        for i in 0..<3 { #expect(abs(q.matrix[i, i].real + 1) < 1e-15) }
        #expect(q.nature?.diracCompatible == true)
    }

    @Test("decays: off-shell width scales as g^4/M^4; an open two-body channel follows (1 - r)^2 (1 + 2r)")
    func decays() throws {
        let q = try NeutrinoMassBasisCouplings(model: BuiltinModels.model(named: "Lmu-Ltau")!)
        let a = try q.decays(coupling: 1e-3, mass: 0.01)
        let b = try q.decays(coupling: 2e-3, mass: 0.02)
        #expect(abs(b[1].width / a[1].width - 1) < 1e-12)   // (2)^4/(2)^4
        #expect(a[1].channel == "nu_j nu nubar" && a[1].lifetimeSeconds > 1e30)
        // nu_3 (0.05007 eV) -> nu_j Z' with M = 0.01 eV: the width divided by g^2 m^3/(32 pi M^2) sum |Q_3j|^2.
        let m3 = 2.507e-3.squareRoot() * 1e-9, mz = 1e-11
        let open = try q.decays(coupling: 1e-3, mass: mz)[1]
        let r = mz * mz / (m3 * m3)
        let sum = q.matrix[2, 0].lengthSquared + q.matrix[2, 1].lengthSquared
        let expected = 1e-6 * sum * m3 * m3 * m3 / (32 * Double.pi * mz * mz) * (1 - r) * (1 - r) * (1 + 2 * r)
        #expect(open.channel == "nu_j Z'" && abs(open.width / expected - 1) < 1e-12)
    }
}
