import Numerics
import ZPrimeCore
import ZPrimeCouplings

/// The seed model's Delta a_l straight from a ``VectorLikeLeptonSpectrum``, without a particle table
/// or coupling table: the chain a scan over the model's parameters runs (diagonalise, couplings,
/// Delta a_e and Delta a_mu). The numbers are those of ``MassBasisMoment`` on the point's table (the
/// same couplings, the same closed-form loops; tested to agree).
///
/// ```swift
/// let p = VectorLikeLeptonParameters.benchmark(.slides, generations: [.muon], h: [1e-5])
/// let g = VectorLikeLeptonCouplings.gaugeCoupling(epsilonBL: 2e-3, kineticMixing: -8e-4)
/// let mZprime = VectorLikeLeptonCouplings.zPrimeMass(scalarVEV: 14, gaugeCoupling: g, kineticMixing: -8e-4)   // 17 MeV
/// let spectrum = try VectorLikeLeptonSpectrum(parameters: p, higgsVEV: ElectroweakScheme.standard.vacuumExpectationValue, scalarVEV: 14)
/// let mixing = try GaugeBosonMixing(kineticMixing: -8e-4, gaugeCoupling: g, higgsCharge: 0, bosonMass: mZprime)
/// let mu = try VectorLikeLeptonMoments.deltaA(.muon, spectrum: spectrum, mixing: mixing)
/// print(mu.total, mu.zPrime, mu.breakingScalar)
/// ```
public enum VectorLikeLeptonMoments {
    /// Delta a of one lepton: total = zPrime + breakingScalar.
    public struct Result: Sendable, Hashable {
        public let total: Double
        public let zPrime: Double
        public let breakingScalar: Double
        public let largestTerm: Double
    }

    /// How the loops are evaluated: the closed forms, or adaptive Gauss-Kronrod quadrature (the
    /// benchmark's baseline).
    public enum Method: Sendable { case closedForm, quadrature }

    /// Delta a_l of generation `g` from the Z' (couplings of `mixing`, mass `mixing.bosonMass`) and
    /// h_X (mass `spectrum.parameters.scalarMass`) loops over every charged state.
    public static func deltaA(_ g: LeptonGeneration, spectrum: VectorLikeLeptonSpectrum, mixing: GaugeBosonMixing,
                              method: Method = .closedForm) throws(Problem) -> Result {
        try deltaA([g], spectrum: spectrum, mixing: mixing, method: method)[0]
    }

    /// The same for several generations, sharing the rotations.
    public static func deltaA(_ generations: [LeptonGeneration], spectrum: VectorLikeLeptonSpectrum, mixing: GaugeBosonMixing,
                              method: Method = .closedForm) throws(Problem) -> [Result] {
        let g = spectrum.vectorCouplings { f in mixing.coupling(isospin: f.isospin, hypercharge: f.hypercharge, charge: f.charge) }
        let y = spectrum.scalarYukawa(.breakingScalar)
        let masses = spectrum.chargedMasses
        let mz = mixing.bosonMass, mh = spectrum.parameters.scalarMass
        var results: [Result] = []
        for generation in generations {
            let l = generation.rawValue
            let m = masses[l]
            var zPrime = 0.0, scalar = 0.0, largest = 0.0
            for f in 0..<spectrum.chargedCount {
                let gl = g.left[f, l], gr = g.right[f, l]
                let cv = Complex<Double>(0.5, 0) * (gl + gr), ca = Complex<Double>(0.5, 0) * (gr - gl)
                let yfl = y[f, l], ylf = y[l, f].conjugate
                let cs = Complex<Double>(0.5, 0) * (yfl + ylf), cp = Complex<Double>(0.5, 0) * (yfl - ylf)
                let internalMass = f == l ? m : masses[f]
                if cv != .zero || ca != .zero {
                    let couplings = LoopCouplings(vector: cv.length, axial: ca.length)
                    let term = method == .closedForm
                        ? try AnomalousMagneticMoment.oneLoop(leptonMass: m, bosonMass: mz, internalMass: internalMass, couplings: couplings)
                        : try AnomalousMagneticMoment.oneLoopByQuadrature(leptonMass: m, bosonMass: mz, internalMass: internalMass, couplings: couplings).value
                    zPrime += term
                    largest = max(largest, abs(term))
                }
                if cs != .zero || cp != .zero {
                    let couplings = LoopCouplings(scalar: cs.length, pseudoscalar: cp.length)
                    let term = method == .closedForm
                        ? try AnomalousMagneticMoment.oneLoop(leptonMass: m, bosonMass: mh, internalMass: internalMass, couplings: couplings)
                        : try AnomalousMagneticMoment.oneLoopByQuadrature(leptonMass: m, bosonMass: mh, internalMass: internalMass, couplings: couplings).value
                    scalar += term
                    largest = max(largest, abs(term))
                }
            }
            results.append(Result(total: zPrime + scalar, zPrime: zPrime, breakingScalar: scalar, largestTerm: largest))
        }
        return results
    }
}
