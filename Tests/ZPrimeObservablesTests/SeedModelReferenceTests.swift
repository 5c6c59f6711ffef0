import Testing
import ZPrimeCouplings
@testable import ZPrimeObservables

/// The whole chain of the seed model (tuned y, masses, exact Z' couplings, Delta a from the Z' and
/// h_X loops) against the independent 40-digit mpmath computation of
/// References/seed_model_references.py (SeedModelFixtures.swift).
///
/// Tolerances and why:
/// - Delta a (Z' part, h_X part and total): |error| <= 1e-8 max(|Z'|, |h_X|), the acceptance
///   criterion: the two parts cancel over up to three orders in the total, and the single terms
///   inside each part over up to six (``MassBasisMoment/largestTerm``); the loops are closed forms
///   good to ~1e-13 and the mixing matrices to ~1e-15, so the budget is generous but not loose
///   (a 1e-11 error in a heavy-light coupling would break it in the muon cases).
/// - y, the charged masses and m_Z': relative 1e-12 (y is tuned to 1e-13, the masses come from a
///   Jacobi SVD good to ~1e-15).
/// - eps^V of the light lepton: relative 1e-10 (a difference of O(eps_{B-L}) couplings);
///   eps^A and the neutrino coupling: absolute 1e-16 (they are zero at O(eps_{B-L}) on the symmetric
///   line and at r = 2; what is left is the O(eps m_Z'^2/m_Z^2) Z admixture, ~1e-11), or relative
///   1e-9 when larger than 1e-9.
@Suite("Seed model: the chain against 40-digit references")
struct SeedModelReferenceTests {
    static func point(_ f: SeedModelFixture) throws -> ParameterPoint {
        let g = f.generation
        let named: [String: Double] = [
            "lambda_L_\(g)": f.lambdaL, "lambda_E_\(g)": f.lambdaE, "M_L_\(g)": f.massL, "M_E_\(g)": f.massE, "h_\(g)": f.h, "k_\(g)": f.k,
            "y_nu_\(g)": f.neutrinoYukawa, "y_M_\(g)": f.majoranaYukawa, "m_hX": f.scalarMass,
        ]
        return try VectorLikeLeptonCouplings.point(parameters: VectorLikeLeptonParameters(modelParameters: named), epsilonBL: f.epsilonBL,
                                                   kineticMixing: f.kineticMixing, scalarVEV: f.scalarVEV)
    }

    static func close(_ value: Double, _ reference: String, relative: Double, absolute: Double = 0) -> Bool {
        let r = Double(reference)!
        return abs(value - r) <= max(relative * abs(r), absolute)
    }

    @Test("Delta a (Z', h_X, total), y, masses and couplings match", arguments: SeedModelFixtures.all)
    func chain(_ f: SeedModelFixture) throws {
        let analysis = try VectorLikeLeptonAnalysis(point: Self.point(f))
        let generation = LeptonGeneration(suffix: f.generation)!
        let result = analysis.generation(generation)
        let zPrime = Double(f.deltaAZPrime)!, hX = Double(f.deltaAHX)!
        let scale = max(abs(zPrime), abs(hX))
        let total = result.moment.total
        #expect(abs(result.moment.zPrime - zPrime) <= 1e-8 * scale, "\(f.name): Z' \(result.moment.zPrime) vs \(zPrime)")
        #expect(abs((result.moment.otherBosons["h_X"] ?? 0) - hX) <= 1e-8 * scale, "\(f.name): h_X \(result.moment.otherBosons["h_X"] ?? 0) vs \(hX)")
        #expect(abs(total - (zPrime + hX)) <= 1e-8 * scale, "\(f.name): total \(total) vs \(zPrime + hX)")
        #expect(Self.close(result.moment.largestTerm, f.largestTerm, relative: 1e-9), "\(f.name): largest term")
        #expect(Self.close(result.yukawa, f.yukawa, relative: 1e-12), "\(f.name): y \(result.yukawa) vs \(f.yukawa)")
        for (m, r) in zip(result.chargedMasses, f.chargedMasses) { #expect(Self.close(m, r, relative: 1e-12), "\(f.name): mass \(m) vs \(r)") }
        #expect(Self.close(analysis.zPrimeMass, f.zPrimeMass, relative: 1e-12), "\(f.name): m_Z'")
        #expect(Self.close(result.vector, f.vector, relative: 1e-10), "\(f.name): eps^V \(result.vector) vs \(f.vector)")
        #expect(Self.close(result.axial, f.axial, relative: 1e-9, absolute: 1e-16), "\(f.name): eps^A \(result.axial) vs \(f.axial)")
        #expect(Self.close(result.neutrinoAxial, f.neutrino, relative: 1e-9, absolute: 1e-16), "\(f.name): eps_nu \(result.neutrinoAxial) vs \(f.neutrino)")
    }
}
