import ZPrimeCore

/// The exact diagonalisation of the kinetically mixed B-W3-X system with an X-charged Higgs.
///
/// Hati, Kriewald, Orloff, Teixeira (JHEP 07 (2020) 235, appendix on gauge boson mixing)
/// treats L = -1/4 B^2 - 1/4 X^2 + (eps_k/2) B X with a U(1)_X-neutral Higgs; ZPrime generalises it
/// to a Higgs doublet of U(1)_X charge X_H (Z-Z' mass mixing) and solves the mass of the
/// X-breaking scalar sector, m_B', from the requested physical Z' mass.
///
/// Steps (all closed form, no iteration):
/// 1. Remove the kinetic mixing: B = B~ + s X~, X = c X~, s = eps_k/sqrt(1 - eps_k^2),
///    c = 1/sqrt(1 - eps_k^2). The physical eps of Hati et al., eps = eps_k cos(theta_W)/sqrt(1 - eps_k^2)
///    (= s cos(theta_W)), is the input; eps_k = eps/sqrt(cos^2(theta_W) + eps^2).
/// 2. Rotate (B~, W3) by theta_W to (A, Z0). The photon decouples exactly. In (Z0, X~) the mass
///    matrix is (v^2/4) [[g_Z^2, -g_Z eta], [-g_Z eta, eta^2]] + diag(0, c^2 m_B'^2),
///    eta = g' s + 2 g_X X_H c.
/// 3. For the eigenvalue lambda = m_Z'^2 the Z' eigenvector is (z, x) with z/x = (eta/g_Z) rho,
///    rho = m_Z0^2/(m_Z0^2 - lambda), x > 0 (the Z' is +X~ when nothing mixes), and
///    c^2 m_B'^2 = lambda + (v^2 eta^2/4)(rho - 1). The other eigenvalue is the shifted Z mass,
///    m_Z^2 = m_Z0^2 + (v^2 eta^2/4) rho.
///
/// A chiral fermion of weak isospin T3, hypercharge Y (Q = T3 + Y) and U(1)_X charge X then couples
/// to the Z' with (same sign convention as its couplings g X to X and e Q to A)
///
///     g_f = x [ g' s (Q cos^2 + (rho - 1)(T3 - Q sin^2)) + g_X c (X + 2 X_H rho (T3 - Q sin^2)) ].
///
/// The form is arranged so that nothing cancels: for a light Z' (lambda << m_Z^2, rho - 1 =
/// lambda/(m_Z0^2 - lambda) computed directly) the neutrino's kinetic-mixing coupling is the small
/// (rho - 1) term itself, not a difference of O(eps) numbers. Limits:
/// lambda -> 0, X_H = 0 gives x (e eps Q + g_X X/sqrt(1 - eps_k^2)), the leading order of Hati et al.
/// (x = 1/sqrt(1 + s^2 sin^2) = 1 - O(eps^2)).
///
/// No eigenvalue exists in the gap m_Z0^2 < lambda < m_Z0^2 + v^2 eta^2/4 (level repulsion): the
/// initialiser throws there.
public struct GaugeBosonMixing: Sendable, Hashable {
    /// The physical kinetic mixing eps (multiplies e Q_f at leading order).
    public let kineticMixing: Double
    /// The U(1)_X gauge coupling g_X.
    public let gaugeCoupling: Double
    /// The U(1)_X charge of the Higgs doublet.
    public let higgsCharge: Double
    /// The physical Z' mass in GeV (0: the massless limit).
    public let bosonMass: Double
    /// The electroweak inputs.
    public let electroweak: ElectroweakScheme
    /// The Lagrangian parameter eps_k = eps/sqrt(cos^2(theta_W) + eps^2).
    public let kineticMixingParameter: Double
    /// The Z0 component z of the Z' eigenvector (Z0 = the unmixed Z).
    public let zComponent: Double
    /// The X~ component x > 0 of the Z' eigenvector.
    public let xComponent: Double
    /// The mass of the Z-like eigenstate after mixing, in GeV.
    public let shiftedZMass: Double
    /// The U(1)_X-breaking mass parameter m_B' (GeV) that puts the eigenvalue at ``bosonMass``.
    public let bareBosonMass: Double

    // Derived: s, c, eta, rho - 1, rho, and the electroweak numbers used per coupling.
    private let sw2: Double
    private let cw2: Double
    private let hypercharge: Double
    private let s: Double
    private let c: Double
    private let eta: Double
    private let rhoMinusOne: Double
    private let rho: Double

    /// Diagonalises the system for a Z' of mass `bosonMass` (GeV, >= 0).
    ///
    /// - Throws: ``Problem`` when an input is not finite, |eps| >= 1, or the mass lies in the
    ///   level-repulsion gap just above m_Z.
    public init(kineticMixing: Double, gaugeCoupling: Double, higgsCharge: Double, bosonMass: Double,
                electroweak: ElectroweakScheme = .standard) throws(Problem) {
        guard kineticMixing.isFinite, abs(kineticMixing) < 1 else {
            throw Problem.invalid(.kineticMixing, kineticMixing, "must be finite with |eps| < 1")
        }
        guard gaugeCoupling.isFinite else {
            throw Problem.invalid(.coupling, gaugeCoupling, "must be finite")
        }
        guard bosonMass.isFinite, bosonMass >= 0 else {
            throw Problem.invalid(.mass, bosonMass, "must be finite and >= 0")
        }
        self.kineticMixing = kineticMixing
        self.gaugeCoupling = gaugeCoupling
        self.higgsCharge = higgsCharge
        self.bosonMass = bosonMass
        self.electroweak = electroweak
        let cw = electroweak.cosThetaW
        cw2 = cw * cw
        sw2 = electroweak.sinThetaW * electroweak.sinThetaW
        hypercharge = electroweak.hyperchargeCoupling
        let epsK = kineticMixing / (cw * cw + kineticMixing * kineticMixing).squareRoot()
        kineticMixingParameter = epsK
        let oneMinus = (1.0 - epsK) * (1.0 + epsK)
        c = 1.0 / oneMinus.squareRoot()
        s = epsK * c
        eta = electroweak.hyperchargeCoupling * s + 2.0 * gaugeCoupling * higgsCharge * c
        let mz0 = electroweak.zMass
        let lambda = bosonMass * bosonMass
        let quarterV2Eta2 = 0.25 * electroweak.vacuumExpectationValue * electroweak.vacuumExpectationValue * eta * eta
        if eta == 0 {
            rho = 1
            rhoMinusOne = 0
            zComponent = 0
            xComponent = 1
            shiftedZMass = mz0
            bareBosonMass = bosonMass / c
            return
        }
        let denominator = (mz0 - bosonMass) * (mz0 + bosonMass)
        guard denominator != 0 else {
            throw Problem.invalid(.mass, bosonMass, "equals m_Z while the Z' mixes with the Z: no mass eigenstate there")
        }
        rhoMinusOne = lambda / denominator
        rho = 1.0 + rhoMinusOne
        let bare2 = lambda + quarterV2Eta2 * rhoMinusOne
        guard bare2 >= 0 else {
            let edge = (mz0 * mz0 + quarterV2Eta2).squareRoot()
            throw Problem.invalid(.mass, bosonMass,
                                  "lies in the level-repulsion gap between m_Z = \(mz0) GeV and \(edge) GeV for this mixing: no Z' eigenstate")
        }
        bareBosonMass = bare2.squareRoot() / c
        let ratio = eta / electroweak.zCoupling * rho
        let norm = (1.0 + ratio * ratio).squareRoot()
        xComponent = 1.0 / norm
        zComponent = ratio / norm
        shiftedZMass = (mz0 * mz0 + quarterV2Eta2 * rho).squareRoot()
        checkInvariants()
    }

    /// Debug-only checks (compiled out of release builds, in the style of swift-collections'
    /// `_checkInvariants`): the (Z0, X~) eigenvector is normalised, its X~ component positive, and
    /// the two eigenvalues bracket the unmixed Z mass as level repulsion demands.
    public func checkInvariants() {
        #if DEBUG
        precondition(abs(xComponent * xComponent + zComponent * zComponent - 1) < 1e-12, "Z' eigenvector not normalised")
        precondition(xComponent > 0, "Z' eigenvector sign convention")
        if zComponent != 0 {
            precondition(bosonMass < electroweak.zMass ? shiftedZMass >= electroweak.zMass : shiftedZMass <= electroweak.zMass, "level repulsion")
        }
        #endif
    }

    /// The absolute Z' coupling g_f of a chiral fermion (weak isospin `isospin` = T3, hypercharge
    /// `hypercharge` = Y with Q = T3 + Y, U(1)_X charge `charge`), in the convention where the
    /// fermion couples to A with e Q and to X with g_X X.
    public func coupling(isospin t3: Double, hypercharge y: Double, charge x: Double) -> Double {
        let q = t3 + y
        let zLike = t3 - q * sw2
        if eta == 0 {
            return xComponent * (hypercharge * s * y + gaugeCoupling * c * x)
        }
        let kinetic = hypercharge * s * (q * cw2 + rhoMinusOne * zLike)
        let direct = gaugeCoupling * c * (x + 2.0 * higgsCharge * rho * zLike)
        return xComponent * (kinetic + direct)
    }
}
