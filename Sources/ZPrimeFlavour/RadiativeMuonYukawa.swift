import Numerics
import ZPrimeCore

/// The radiative muon Yukawa of Greljo, Soreq, Stangl, Thomsen, Zupan (arXiv:2107.07518, "Model
/// Example III"): the muon Yukawa is forbidden by U(1)_X (X_L2 != X_E2 with X_H = 0), and two scalar
/// muoquarks S_+- = (3, 2, 7/6) with
///
///     L = eta_L tbar_R l_L^2 i sigma_2 S_+ - eta_R qbar_L^3 mu_R S_- - A phi S_+^dagger S_- + h.c.
///
/// mix once phi gets its vacuum value. Their charge-5/3 components form mass eigenstates S_1, S_2
/// (masses m_1, m_2, mixing angle theta); each couples tbar (lambda_L P_L + lambda_R P_R) mu with
/// lambda_L lambda_R = +- eta_L eta_R sin(theta) cos(theta) (opposite signs for the two states).
///
/// **Muon mass.** The top-scalar self-energy at p = 0 gives (in the convention L = -m mubar mu)
///
///     m_mu = (N_c m_t eta_L eta_R sin(2 theta)/(32 pi^2)) [b(x_1) - b(x_2)],   b(x) = x ln x/(x - 1),
///     x_i = m_i^2/m_t^2,
///
/// the finite difference of B_0(0; m_t^2, m_i^2) (the divergences cancel between the two states).
/// **Dipole.** The same couplings give, per state, the chirally enhanced term of ``LeptoquarkMoment``
/// (charges Q_t = 2/3, Q_S = -5/3). Since a_mu = m_mu x (dipole/mass) and both are proportional to
/// eta_L eta_R sin(2 theta) m_t, the couplings and the angle drop out:
///
///     Delta a_mu = (m_mu^2/m_t^2) F(x_1, x_2),   F = 2 [g(x_1) - g(x_2)] / [b(x_1) - b(x_2)],
///     g(x) = (1/x) [ -(2/3) I_F(1/x) - (5/3) I_S(1/x) ],
///     I_F(r) = Int_0^1 x^2/(1 - x + r x),   I_S(r) = Int_0^1 x(1 - x)/(x + r (1 - x)),
///
/// the structure quoted by Greljo et al. (Delta a_mu = (m_mu^2/m_t^2) F(m_S1^2/m_t^2, m_S2^2/m_t^2));
/// F here is derived from the Leveille integrals (see ``LeptoquarkMoment``), with the muon mass neglected
/// inside the loop. It is positive (both g and b increase with x). Equal masses: F(x, x) = 2 g'(x)/b'(x),
/// evaluated from a symmetric Richardson difference when |x_1 - x_2| < 1e-4 x (the divided difference
/// then agrees with the derivative at the midpoint to (x_1 - x_2)^2/x^2 ~ 1e-8 relative; Richardson's
/// truncation and rounding are both below 1e-11). For x >> 1: F(x, x) ~ 2 [(2/3) ln x - 5/6]/x.
///
/// ```swift
/// let model = RadiativeMuonYukawa(firstMass: 3000, secondMass: 5000)
/// print(model.deltaAMuon)   // 5.1e-9
/// ```
public struct RadiativeMuonYukawa: Sendable, Hashable {
    /// m_S1, GeV.
    public let firstMass: Double
    /// m_S2, GeV.
    public let secondMass: Double
    /// The top mass, GeV (pole mass by default).
    public let topMass: Double

    /// The model with scalar masses `firstMass`, `secondMass` (GeV).
    public init(firstMass: Double, secondMass: Double, topMass: Double = PhysicalConstants.topMass) {
        self.firstMass = firstMass
        self.secondMass = secondMass
        self.topMass = topMass
    }

    /// Checks the masses (finite, > 0 and at most 1e5 GeV).
    public func validated() throws(Problem) -> RadiativeMuonYukawa {
        for (name, m) in [("m_S1", firstMass), ("m_S2", secondMass)] {
            guard m.isFinite, m > 0, m <= 1e5 else { throw Problem.invalid(.field(name), m, "must be finite, > 0 and <= 1e5 GeV") }
        }
        return self
    }

    /// b(x) = x ln x/(x - 1) (1 at x = 1).
    public static func selfEnergy(_ x: Double) -> Double {
        let d = x - 1
        if abs(d) < 1e-5 { return 1 + d / 2 - d * d / 6 + d * d * d / 12 }
        return x * Double.log(x) / d
    }

    /// g(x) = (1/x) [-(2/3) I_F(1/x) - (5/3) I_S(1/x)].
    public static func dipole(_ x: Double) -> Double {
        let r = 1 / x
        let f = DipoleLoopIntegrals.fermionPhoton(r).enhanced, s = DipoleLoopIntegrals.scalarPhoton(r).enhanced
        return r * (-(2.0 / 3.0) * f - (5.0 / 3.0) * s)
    }

    /// F(x_1, x_2), x_i = m_i^2/m_t^2 (symmetric).
    public static func loopFunction(_ x1: Double, _ x2: Double) -> Double {
        let mid = 0.5 * (x1 + x2)
        if abs(x1 - x2) < 1e-4 * mid {
            func derivative(_ f: (Double) -> Double) -> Double {
                let h = 1e-3 * mid
                let coarse = (f(mid + h) - f(mid - h)) / (2 * h)
                let fine = (f(mid + h / 2) - f(mid - h / 2)) / h
                return (4 * fine - coarse) / 3
            }
            return 2 * derivative(dipole) / derivative(selfEnergy)
        }
        return 2 * (dipole(x1) - dipole(x2)) / (selfEnergy(x1) - selfEnergy(x2))
    }

    /// x_1 = m_S1^2/m_t^2.
    public var firstRatio: Double { firstMass * firstMass / (topMass * topMass) }
    /// x_2 = m_S2^2/m_t^2.
    public var secondRatio: Double { secondMass * secondMass / (topMass * topMass) }

    /// F(m_S1^2/m_t^2, m_S2^2/m_t^2).
    public var loopFunctionValue: Double { Self.loopFunction(firstRatio, secondRatio) }

    /// Delta a_mu = (m_mu^2/m_t^2) F.
    public var deltaAMuon: Double {
        let m = PhysicalConstants.muonMass
        return m * m / (topMass * topMass) * loopFunctionValue
    }

    /// eta_L eta_R sin(2 theta) that makes the radiative muon mass equal to the measured one
    /// (infinite for equal masses: then the mass vanishes).
    public var requiredCouplingProduct: Double {
        let db = Self.selfEnergy(firstRatio) - Self.selfEnergy(secondRatio)
        return 32 * Double.pi * Double.pi * PhysicalConstants.muonMass / (3 * topMass * db)
    }
}
