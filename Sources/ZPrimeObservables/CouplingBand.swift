import ZPrimeCore

/// The range of an overall coupling scale s for which an observable quadratic in the couplings,
/// s^2 O_1, agrees with a measurement O within n standard deviations: |s^2 O_1 - O| <= n sigma.
///
/// Every coupling of a model (g_X, and a kinetic mixing tied to it or fixed along a direction) scales
/// with s; a one-loop Delta a and the X17 rate ratio are quadratic in the couplings, so the allowed
/// set is an interval of s^2. Two cases matter :
/// - **band**: s = 0 is excluded (the data deviate from the SM by more than n sigma) and the model
///   brings it back: s in [lower, upper] explains the anomaly at n sigma;
/// - **upper limit**: s = 0 is allowed (no anomaly at n sigma, as with the 2025 muon data); the
///   model is allowed up to `upper`.
/// A contribution of the wrong sign gives an upper limit when there is no anomaly and nothing at all
/// when there is one (`excluded`).
///
/// ```swift
/// let data = try MeasuredInputs.bundled().dataset(.muon, named: "2021")       // 251(59)e-11
/// let darkPhoton = FermionCouplings([.muon: ChiralCoupling(vector: -1, axial: 0)])   // eps = 1
/// let unit = try AnomalousMagneticMoment.deltaA(.muon, couplings: darkPhoton, bosonMass: 0.01)
/// let band = try CouplingBand(valueAtUnitScale: unit, dataset: data, sigmas: 2)
/// print(band.outcome)   // band(lower:upper:) in units of eps: about 1.2e-3 ... 2.0e-3
/// ```
public struct CouplingBand: Sendable, Hashable {
    /// What the measurement says about the scale.
    public enum Outcome: Sendable, Hashable {
        /// The anomaly is explained at n sigma for lower <= s <= upper (lower > 0).
        case band(lower: Double, upper: Double)
        /// No anomaly at n sigma; s <= upper is allowed (s = 0 included).
        case upperLimit(Double)
        /// The contribution vanishes and the data agree with the SM at n sigma: no constraint.
        case unconstrained
        /// No value of s agrees with the data at n sigma (the contribution has the wrong sign or
        /// vanishes while the data deviate).
        case excluded
    }

    /// The observable at s = 1 (Delta a, or a rate ratio).
    public let valueAtUnitScale: Double
    /// The measured value.
    public let measured: Double
    /// Its one-sigma uncertainty.
    public let uncertainty: Double
    /// The number of standard deviations.
    public let sigmas: Double
    /// The result.
    public let outcome: Outcome

    /// Solves |s^2 O_1 - O| <= n sigma for s >= 0.
    ///
    /// - Parameters:
    ///   - valueAtUnitScale: the model's observable with every coupling at its reference value (s = 1).
    ///   - measured: the measured value.
    ///   - uncertainty: its one-sigma uncertainty (> 0).
    ///   - sigmas: n (> 0).
    public init(valueAtUnitScale: Double, measured: Double, uncertainty: Double, sigmas: Double) throws(Problem) {
        try Validate.finite(valueAtUnitScale, .field("valueAtUnitScale"))
        try Validate.finite(measured, .field("measured"))
        try Validate.positive(uncertainty, .field("uncertainty"))
        try Validate.positive(sigmas, .sigmas)
        self.valueAtUnitScale = valueAtUnitScale
        self.measured = measured
        self.uncertainty = uncertainty
        self.sigmas = sigmas
        let low = measured - sigmas * uncertainty, high = measured + sigmas * uncertainty
        let k = valueAtUnitScale
        if k == 0 {
            outcome = (low <= 0 && 0 <= high) ? .unconstrained : .excluded
            return
        }
        // s^2 in [low/k, high/k] (ordered by the sign of k), intersected with s^2 >= 0.
        let a = min(low / k, high / k), b = max(low / k, high / k)
        if b < 0 {
            outcome = .excluded
        } else if a <= 0 {
            outcome = .upperLimit(b.squareRoot())
        } else {
            outcome = .band(lower: a.squareRoot(), upper: b.squareRoot())
        }
    }

    /// The same for a dataset.
    public init(valueAtUnitScale: Double, dataset: AnomalyDataset, sigmas: Double) throws(Problem) {
        try self.init(valueAtUnitScale: valueAtUnitScale, measured: dataset.delta, uncertainty: dataset.uncertainty, sigmas: sigmas)
    }

    /// The scale that reproduces the central value exactly, when one exists (s^2 = O/O_1 > 0).
    public var centralScale: Double? {
        guard valueAtUnitScale != 0 else { return nil }
        let ratio = measured / valueAtUnitScale
        return ratio > 0 ? ratio.squareRoot() : nil
    }
}
