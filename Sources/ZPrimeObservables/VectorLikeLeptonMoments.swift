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

extension VectorLikeLeptonMoments {
    /// The lean chain of one generation for scans: diagonalise (``VectorLikeLeptonGenerationSpectrum``:
    /// tuned y, charged SVD, neutral Takagi values and vectors, all on fixed-size storage), the
    /// couplings of the lepton to every charged state (Z' vector and axial from the gauge mixing, h_X
    /// scalar and pseudoscalar) and the light neutrino's, and Delta a from the Z' and h_X loops in
    /// closed form. The same numbers as ``deltaA(_:spectrum:mixing:method:)`` on the general
    /// ``VectorLikeLeptonSpectrum`` (tested to 1e-12 of the larger part), several times faster.
    ///
    /// ```swift
    /// let g = VectorLikeLeptonCouplings.gaugeCoupling(epsilonBL: 2e-3, kineticMixing: -8e-4)
    /// let mZprime = VectorLikeLeptonCouplings.zPrimeMass(scalarVEV: 14, gaugeCoupling: g, kineticMixing: -8e-4)
    /// let mixing = try GaugeBosonMixing(kineticMixing: -8e-4, gaugeCoupling: g, higgsCharge: 0, bosonMass: mZprime)
    /// let chain = VectorLikeLeptonMoments.Chain(mixing: mixing, scalarMass: 70, scalarVEV: 14)
    /// let inputs = VectorLikeLeptonGenerationSpectrum.Inputs(lambdaL: 90.0 / 14, lambdaE: 90.0 / 14, massL: 90, massE: 90, h: 1e-5, k: 1e-7)
    /// let mu = try chain.evaluate(inputs, generation: .muon)
    /// print(mu.moment.total, mu.vector, mu.neutrino)   // Delta a_mu, eps^V_mumu, the nu_mu coupling (units of e)
    /// ```
    public struct Chain: Sendable {
        /// The photon-Z-Z' mixing (the Z' mass and its couplings to T3, Y, X).
        public let mixing: GaugeBosonMixing
        /// m_hX (GeV).
        public let scalarMass: Double
        /// v_X (GeV), tied to the mixing's m_Z' by the caller.
        public let scalarVEV: Double
        /// v (GeV).
        public let higgsVEV: Double
        /// The Z' coupling of every field (absolute).
        public let fields: VectorLikeLeptonGenerationSpectrum.FieldCouplings

        public init(mixing: GaugeBosonMixing, scalarMass: Double, scalarVEV: Double,
                    higgsVEV: Double = ElectroweakScheme.standard.vacuumExpectationValue) {
            self.mixing = mixing
            self.scalarMass = scalarMass
            self.scalarVEV = scalarVEV
            self.higgsVEV = higgsVEV
            fields = VectorLikeLeptonGenerationSpectrum.FieldCouplings(generation: .electron) { f in
                mixing.coupling(isospin: f.isospin, hypercharge: f.hypercharge, charge: f.charge)
            }
        }

        /// One generation through the chain.
        public func evaluate(_ inputs: VectorLikeLeptonGenerationSpectrum.Inputs, generation g: LeptonGeneration,
                             method: Method = .closedForm) throws(Problem) -> Evaluation {
            let spectrum = try VectorLikeLeptonGenerationSpectrum(inputs, generation: g, higgsVEV: higgsVEV, scalarVEV: scalarVEV)
            let z = spectrum.vectorCouplings(fields)
            let y = spectrum.breakingScalarYukawas()
            let m = spectrum.chargedMasses[0]
            let mz = mixing.bosonMass
            var zPrime = 0.0, scalar = 0.0, largest = 0.0
            for f in 0..<3 {
                let internalMass = f == 0 ? m : spectrum.chargedMasses[f]
                let cv = 0.5 * (z.left[f] + z.right[f]), ca = 0.5 * (z.right[f] - z.left[f])
                if cv != 0 || ca != 0 {
                    let couplings = LoopCouplings(vector: abs(cv), axial: abs(ca))
                    let term = method == .closedForm
                        ? try AnomalousMagneticMoment.oneLoop(leptonMass: m, bosonMass: mz, internalMass: internalMass, couplings: couplings)
                        : try AnomalousMagneticMoment.oneLoopByQuadrature(leptonMass: m, bosonMass: mz, internalMass: internalMass, couplings: couplings).value
                    zPrime += term
                    largest = max(largest, abs(term))
                }
                let cs = 0.5 * (y.toLepton[f] + y.fromLepton[f]), cp = 0.5 * (y.toLepton[f] - y.fromLepton[f])
                if cs != 0 || cp != 0 {
                    let couplings = LoopCouplings(scalar: abs(cs), pseudoscalar: abs(cp))
                    let term = method == .closedForm
                        ? try AnomalousMagneticMoment.oneLoop(leptonMass: m, bosonMass: scalarMass, internalMass: internalMass, couplings: couplings)
                        : try AnomalousMagneticMoment.oneLoopByQuadrature(leptonMass: m, bosonMass: scalarMass, internalMass: internalMass, couplings: couplings).value
                    scalar += term
                    largest = max(largest, abs(term))
                }
            }
            let e = mixing.electroweak.elementaryCharge
            return Evaluation(spectrum: spectrum, vector: (z.left[0] + z.right[0]) / (2 * e), axial: (z.right[0] - z.left[0]) / (2 * e),
                              neutrino: z.neutrino / e,
                              moment: Result(total: zPrime + scalar, zPrime: zPrime, breakingScalar: scalar, largestTerm: largest))
        }
    }

    /// One generation's result of the ``Chain``.
    public struct Evaluation: Sendable {
        /// The spectrum (y, masses, mixings).
        public let spectrum: VectorLikeLeptonGenerationSpectrum
        /// eps^V and eps^A of the lepton (units of e, q^2 = 0).
        public let vector: Double, axial: Double
        /// The light neutrino's Weyl coupling G (units of e).
        public let neutrino: Double
        /// Delta a.
        public let moment: Result
    }
}
