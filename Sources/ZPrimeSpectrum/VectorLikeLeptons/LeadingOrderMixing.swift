import Numerics
import ZPrimeCore

/// The leading-order mixing matrices quoted with the seed model (backup slides "Charged lepton
/// masses" and "Neutrino masses" of the talks on Hati, Kriewald, Orloff, Teixeira, JHEP 07 (2020)
/// 235), for comparison with the exact ``VectorLikeLeptonSpectrum``.
///
/// They are expansions in lambda v_X/M, v/M and M_L/M_E, valid for v, v_X << M_L << M_E; at the
/// talks' benchmark M_L = M_E the heavy pair mixes at 45 degrees and they fail at O(1) (tested).
/// Two entries as printed are not the expansion of the matrix they belong to; this type gives
/// both the printed form (``Form/asPrinted``) and the corrected one (``Form/corrected``), which
/// agrees with the numerics to the next order:
/// - U_L(3,1): printed (h lambda_L M_E - lambda_E M_L y) v v_X/(4 M_E^3); the expansion is
///   (h lambda_L M_E - lambda_E M_L y) v v_X/(2 M_L M_E^2) (the E_L component of the light left
///   state, h v/sqrt2 times lambda_L v_X/sqrt2 over M_L M_E, minus the y lambda_E term).
/// - U_R(1,2): printed lambda_L v v_X/(2 M_L^2) - ...; the first term needs the Yukawa y (a term in
///   v without y, h or k cannot arise): lambda_L y v v_X/(2 M_L^2) - ....
/// The neutral matrix is Ũ_nu of the slides (real; the negative mass of the L^0 Dirac pair is left
/// in the diagonal, so its columns 3 and 4 compare with the exact Takagi vectors only up to a
/// rotation inside that degenerate pair). The light-neutrino mass quoted with it,
/// m_nu ~ -y_nu^2 v^2/(v_X y_M), differs from the expansion y_nu^2 v^2/(sqrt2 y_M v_X (1 + r/2)),
/// r = lambda_L^2 v_X^2/M_L^2 (``seesawMass``).
///
/// Bases and signs as in ``VectorLikeLeptonSpectrum``: rows (e, L, E) or (nu, N^c, L^0, L^0c), columns
/// the states ascending; the printed matrices have positive diagonals.
///
/// ```swift
/// let lo = LeadingOrderMixing(y: 1e-3, lambdaL: 0.3, lambdaE: 0.2, massL: 1000, massE: 1e5, h: 1e-3, k: 2e-3,
///                             higgsVEV: 246.22, scalarVEV: 14)
/// print(lo.left(.corrected)[2, 0])    // (h lambda_L M_E - lambda_E M_L y) v v_X/(2 M_L M_E^2)
/// ```
public struct LeadingOrderMixing: Sendable {
    /// Printed or corrected.
    public enum Form: Sendable { case asPrinted, corrected }

    public let y: Double, lambdaL: Double, lambdaE: Double, massL: Double, massE: Double, h: Double, k: Double
    public let higgsVEV: Double, scalarVEV: Double
    /// y_nu and y_M (for the neutral matrix).
    public let neutrinoYukawa: Double, majoranaYukawa: Double

    /// The inputs of one generation.
    public init(y: Double, lambdaL: Double, lambdaE: Double, massL: Double, massE: Double, h: Double, k: Double,
                neutrinoYukawa: Double = 0, majoranaYukawa: Double = 1, higgsVEV: Double, scalarVEV: Double) {
        self.y = y; self.lambdaL = lambdaL; self.lambdaE = lambdaE; self.massL = massL; self.massE = massE; self.h = h; self.k = k
        self.neutrinoYukawa = neutrinoYukawa; self.majoranaYukawa = majoranaYukawa
        self.higgsVEV = higgsVEV; self.scalarVEV = scalarVEV
    }

    /// U_L of the slides.
    public func left(_ form: Form) -> ComplexMatrix {
        let v = higgsVEV, vx = scalarVEV, ml = massL, me = massE, s2 = 2.0.squareRoot()
        let tL = lambdaL * vx / ml
        let lhk = (k * me * ml + h * (me * me + ml * ml)) * v / (s2 * me * me * me)
        let u31 = form == .asPrinted ? (h * lambdaL * me - lambdaE * ml * y) * v * vx / (4 * me * me * me)
            : (h * lambdaL * me - lambdaE * ml * y) * v * vx / (2 * ml * me * me)
        return ComplexMatrix(real: [
            [1 - tL * tL / 4, tL / s2 - tL * tL * tL / (4 * s2), (k * lambdaL * me + h * lambdaL * ml + lambdaE * me * y) * v * vx / (2 * me * me * me)],
            [tL * tL * tL / (4 * s2) - tL / s2, 1 - tL * tL / 4, lhk],
            [u31, -lhk, 1],
        ])
    }

    /// U_R of the slides.
    public func right(_ form: Form) -> ComplexMatrix {
        let v = higgsVEV, vx = scalarVEV, ml = massL, me = massE, s2 = 2.0.squareRoot()
        let tE = lambdaE * vx / me
        let khk = (h * me * ml + k * (me * me + ml * ml)) * v / (s2 * me * me * me)
        let first = (form == .asPrinted ? lambdaL * v * vx : lambdaL * y * v * vx) / (2 * ml * ml)
        return ComplexMatrix(real: [
            [1 - tE * tE / 4, first - lambdaE * (k * me * ml + h * (me * me + ml * ml)) * v * vx / (2 * me * me * me * ml), tE / s2 - tE * tE * tE / (4 * s2)],
            [(h * lambdaE * ml - lambdaL * me * y) * v * vx / (2 * me * ml * ml), 1, khk],
            [tE * tE * tE / (4 * s2) - tE / s2, -khk, 1 - tE * tE / 4],
        ])
    }

    /// Ũ_nu of the slides (rows nu, N^c, L^0, L^0c).
    public var neutral: ComplexMatrix {
        let v = higgsVEV, vx = scalarVEV, ml = massL, s2 = 2.0.squareRoot()
        let tL = lambdaL * vx / ml
        let w = v * neutrinoYukawa / (vx * majoranaYukawa)
        return ComplexMatrix(real: [
            [1 - tL * tL / 4 - w * w / 2, w, tL / 2, tL / 2],
            [-w, 1 - w * w / 2, 0, 0],
            [-tL / s2, -lambdaL * v * neutrinoYukawa / (s2 * ml * majoranaYukawa), 1 / s2 - tL * tL / (4 * s2), 1 / s2 - tL * tL / (4 * s2)],
            [0, 0, -1 / s2, 1 / s2],
        ])
    }

    /// The light-neutrino mass as quoted, |m_nu| = y_nu^2 v^2/(v_X y_M).
    public var quotedNeutrinoMass: Double { neutrinoYukawa * neutrinoYukawa * higgsVEV * higgsVEV / (scalarVEV * abs(majoranaYukawa)) }

    /// The seesaw expansion of the light-neutrino mass, y_nu^2 v^2/(sqrt2 y_M v_X (1 + r/2)) with
    /// r = lambda_L^2 v_X^2/M_L^2: the Dirac mass y_nu v/sqrt2 of the light combination
    /// (M_L nu - lambda_L v_X/sqrt2 L^0)/norm squared over the N_R mass y_M v_X/sqrt2.
    public var seesawMass: Double {
        let r = lambdaL * lambdaL * scalarVEV * scalarVEV / (massL * massL)
        return neutrinoYukawa * neutrinoYukawa * higgsVEV * higgsVEV / (2.0.squareRoot() * abs(majoranaYukawa) * scalarVEV * (1 + r / 2))
    }
}
