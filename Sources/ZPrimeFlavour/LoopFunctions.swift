import Numerics

/// Feynman-parameter integrals of a one-loop dipole with a heavy scalar of mass M and a fermion of mass
/// m_F, r = m_F^2/M^2, in closed form. The external lepton mass is neglected inside the loop (its
/// relative effect is m_l^2/min(m_F^2, M^2), below 4e-7 for the muon with the top quark), so
///
///     photon on the fermion:  D_F(x) = 1 - x + r x,    photon on the scalar:  D_S(x) = x + r (1 - x).
///
/// All follow from psi_k(t) = Int_0^1 x^k/(1 + t x) dx (t > -1): the series sum_n (-t)^n/(k + n + 1)
/// for |t| < 1/2 (no cancellation near t = 0, i.e. m_F = M), otherwise psi_0 = ln(1 + t)/t and
/// psi_k = (1/k - psi_(k-1))/t, which loses at most a factor 2^k of the last digit for |t| >= 1/2.
///
/// ```swift
/// // A scalar 10 times heavier than the fermion: Int x^2/(1 - x + x/100) (ln 100 - 3/2 = 3.11 at leading order)
/// print(DipoleLoopIntegrals.fermionPhoton(0.01).enhanced)   // 3.22
/// ```
public enum DipoleLoopIntegrals {
    /// psi_k(t) = Int_0^1 x^k/(1 + t x) dx for k = 0 ... 3, t > -1.
    public static func psi(_ t: Double) -> [Double] {
        if abs(t) < 0.5 {
            return (0..<4).map { k in
                var sum = 0.0, power = 1.0
                for n in 0..<80 {
                    let term = power / Double(k + n + 1)
                    sum += term
                    if abs(term) < 1e-18 * abs(sum) { break }
                    power *= -t
                }
                return sum
            }
        }
        var values = [Double.log(onePlus: t) / t]
        for k in 1...3 { values.append((1 / Double(k) - values[k - 1]) / t) }
        return values
    }

    /// The two integrals of a diagram: the chirally enhanced one (multiplying m_l m_F Re(lambda_L lambda_R^*))
    /// and the other (multiplying m_l^2 (|lambda_L|^2 + |lambda_R|^2)/2).
    public struct Pair: Sendable, Hashable {
        /// The chirality-flipping integral.
        public var enhanced: Double
        /// The integral of the terms with the flip on the external line.
        public var unenhanced: Double
    }

    /// Photon on the fermion: enhanced Int x^2/D_F, unenhanced Int x^2 (1 - x)/D_F
    /// (the m_l -> 0 limit of Leveille's scalar and pseudoscalar integrands; r -> 0: ln(1/r) - 3/2 and 1/3).
    public static func fermionPhoton(_ r: Double) -> Pair {
        let p = psi(r - 1)
        return Pair(enhanced: p[2], unenhanced: p[2] - p[3])
    }

    /// Photon on the scalar: enhanced Int x (1 - x)/D_S, unenhanced Int x^2 (1 - x)/D_S
    /// (r -> 0: 1/2 and 1/6).
    public static func scalarPhoton(_ r: Double) -> Pair {
        let t = (1 - r) / r
        if !t.isFinite || t > 1e300 { return Pair(enhanced: 0.5, unenhanced: 1.0 / 6.0) }
        let p = psi(t)
        return Pair(enhanced: (p[1] - p[2]) / r, unenhanced: (p[2] - p[3]) / r)
    }
}
