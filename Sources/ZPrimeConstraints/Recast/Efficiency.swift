import Foundation
import ZPrimeCore

/// The upper end t_1(m) of the proper-time window of a prompt search with a flight-distance or
/// lifetime cut, as DarkCast evaluates it (the manifest's `efficiency.t1_formula`; seconds, m in GeV).
public enum ProperTimeCut: Sendable, Hashable {
    /// CMS: infinity below `firstBreak`, `flat` up to `secondBreak`, `intercept + slope m` above.
    case piecewise(firstBreak: Double, secondBreak: Double, flat: Double, slope: Double, intercept: Double)
    /// A decay within `length` of a boson from phi -> X gamma at rest: gamma = (m_phi^2 + m^2)/(2 m_phi m).
    case flightFromPhiPeak(length: Double, phiMass: Double, speedOfLight: Double)
    /// The same for phi -> eta X: gamma = (m_phi^2 + m^2 - m_eta^2)/(2 m_phi m).
    case flightFromPhiToEta(length: Double, phiMass: Double, etaMass: Double, speedOfLight: Double)
    /// A fixed maximal energy: gamma = E_max/m.
    case flightWithFixedBoost(length: Double, maximumEnergy: Double, speedOfLight: Double)
    /// LHCb's prompt-like cut: (a/(m - 2 m_mu) + b) ps.
    case promptLike(a: Double, b: Double, muonMass: Double)

    /// t_1 at mass `m` (GeV), seconds; infinity when there is no cut.
    public func maximumTime(mass m: Double) -> Double {
        switch self {
        case .piecewise(let first, let second, let flat, let slope, let intercept):
            if m < first { return .infinity }
            if m < second { return flat }
            return intercept + slope * m
        case .flightFromPhiPeak(let length, let mPhi, let c):
            let gamma = (mPhi * mPhi + m * m) / (2 * mPhi * m)
            return length / (gamma * c)
        case .flightFromPhiToEta(let length, let mPhi, let mEta, let c):
            let gamma = (mPhi * mPhi + m * m - mEta * mEta) / (2 * mPhi * m)
            return length / (gamma * c)
        case .flightWithFixedBoost(let length, let energy, let c):
            let gamma = energy / m
            return length / (gamma * c)
        case .promptLike(let a, let b, let muonMass):
            return (a / (m - 2 * muonMass) + b) * 1e-12
        }
    }
}

/// How the detection efficiency depends on the boson's lifetime (arXiv:1801.04847, section 2.3):
/// the probability to decay inside a proper-time window [t0, t1],
///
///     P(tau) = exp(-t0/tau) - exp(-t1/tau),
///
/// enters the recast through the ratio P(tau_X)/P(tau_ref); everything else of the acceptance is
/// taken to be model independent.
public enum EfficiencyModel: Sendable, Hashable {
    /// No lifetime dependence (window [0, infinity)): ratio 1.
    case promptUnbounded
    /// A prompt window [0, t1(m)].
    case prompt(ProperTimeCut)
    /// A displaced window [t0, (1 + lengthRatio) t0] whose t0 is solved per mass from the published
    /// lower and upper couplings (equal dark-photon yields at both edges): `lengthRatio` = decay
    /// length / shielding length.
    case displaced(lengthRatio: Double)
    /// LHCb's grid of r = observed limit / expected dark-photon yield over (mass, coupling).
    case rValueGrid

    /// ln P(tau) for the window [t0, t1] (t1 may be infinite), robust against underflow:
    /// ln P = -t0/tau + ln(1 - exp(-(t1 - t0)/tau)), with expm1 for short windows. -infinity for a
    /// window that cannot be reached (tau = 0 with t0 > 0, or a stable boson, tau = infinity).
    public static func logDecayProbability(lifetime tau: Double, from t0: Double, to t1: Double) -> Double {
        // A stable boson never decays in a window (callers treat [0, infinity) as ratio 1 themselves).
        if tau == .infinity { return -.infinity }
        guard tau > 0 else { return t0 == 0 ? 0 : -.infinity }
        let leading = -t0 / tau
        if t1 == .infinity { return leading }
        let window = (t1 - t0) / tau
        return leading + log(-expm1(-window))
    }

    /// P(tau) = exp(-t0/tau) - exp(-t1/tau).
    public static func decayProbability(lifetime tau: Double, from t0: Double, to t1: Double) -> Double {
        exp(logDecayProbability(lifetime: tau, from: t0, to: t1))
    }
}

/// Solving the displaced window of a beam dump from the published edges.
enum DisplacedWindow {
    /// The t0 (seconds) for which the published dark photon has equal expected yields at the lower
    /// and upper edges of the island, N(g_lo) = N(g_hi), with N = sigma BR exp(-t0/tau)(1 - exp(-r t0/tau)),
    /// r = lengthRatio: ln N_hi - ln N_lo changes sign once in t0 (positive for t0 -> 0, where N ~
    /// g^2 r t0/tau grows with g; negative for large t0, where the short-lived upper edge is
    /// suppressed as exp(-t0/tau_hi)), solved in ln t0 by Brent's method to 1e-12.
    ///
    /// - Parameters:
    ///   - lowerYield, upperYield: sigma BR at the lower and upper edge (any common unit).
    ///   - lowerLifetime, upperLifetime: the proper lifetimes there (lower > upper).
    /// - Returns: nil when the edges do not define a window (equal couplings, or the ordering of the
    ///   yields and lifetimes admits no solution).
    static func start(lowerYield: Double, upperYield: Double, lowerLifetime: Double, upperLifetime: Double, lengthRatio: Double) -> Double? {
        guard lowerYield > 0, upperYield > 0, lowerLifetime > upperLifetime, upperLifetime > 0, lowerLifetime.isFinite else { return nil }
        let logRatio = log(upperYield / lowerYield)
        func f(_ t0: Double) -> Double {
            logRatio + EfficiencyModel.logDecayProbability(lifetime: upperLifetime, from: t0, to: (1 + lengthRatio) * t0)
                - EfficiencyModel.logDecayProbability(lifetime: lowerLifetime, from: t0, to: (1 + lengthRatio) * t0)
        }
        var low = upperLifetime * 1e-6, high = lowerLifetime * 1e3
        var fLow = f(low), fHigh = f(high)
        var expansions = 0
        while fLow <= 0 && expansions < 40 { low /= 100; fLow = f(low); expansions += 1 }
        expansions = 0
        while fHigh >= 0 && fHigh.isFinite && expansions < 40 { high *= 100; fHigh = f(high); expansions += 1 }
        if !fHigh.isFinite { // both yields underflow: the lower edge decays later; shrink back
            while !f(high).isFinite && high > low * 1.01 { high = (high * low).squareRoot() }
            fHigh = f(high)
        }
        guard fLow > 0, fHigh < 0 else { return nil }
        return try? RootFinding.brentLog(in: low...high, relativeTolerance: 1e-12) { f($0) }.x
    }
}
