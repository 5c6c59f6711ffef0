import Numerics
import ZPrimeCore

/// The one-loop vacuum-polarisation integral of a fermion of mass m at momentum q^2.
///
/// ZPrime needs the reduced integral
///
///     J(t) = Int_0^1 dx x(1-x) ln(1 - x(1-x) t - i0),   t = q^2/m^2,
///
/// so that Int_0^1 dx x(1-x) ln(m^2 - x(1-x) q^2 - i0) = ln(m^2)/6 + J(q^2/m^2). The closed form,
/// derived by integrating by parts and checked against direct mpmath quadrature (30 digits) on
/// both sides of the threshold, is, with beta = sqrt(1 - 4/t):
///
///     t < 0:      J = -5/18 - 2/(3t) + (1 + 2/t) beta ln((beta + 1)/(beta - 1)) / 6
///     0 < t < 4:  J = -5/18 - 2/(3t) + (1 + 2/t) b arctan(1/b) / 3,   b = sqrt(4/t - 1)
///     t = 4:      J = -4/9
///     t > 4:      J = -5/18 - 2/(3t) + (1 + 2/t) beta [ln((1 + beta)/(1 - beta)) - i pi] / 6
///
/// The imaginary part, -(pi/6)(1 + 2/t) beta above threshold, is the absorptive part from real
/// f fbar pairs (the -i0 is Feynman's prescription m^2 -> m^2 - i0).
///
/// Numerics: the closed form cancels like 1/t against 1/t at small |t| (J = -t/30 - t^2/280 - ...),
/// so for |t| < 1/2 the Taylor series -sum_k t^k B(k+2, k+2)/k is summed instead (ratio of terms
/// about t/4, 24 terms reach 1e-17). 1 - beta is formed as (4/t)/(1 + beta) for large t and
/// beta - 1 as (-4/t)/(beta + 1) for large negative t, so no digits are lost there either.
public enum VacuumPolarization {
    /// J(t) = Int_0^1 x(1-x) ln(1 - x(1-x) t - i0) dx; finite for every finite t (also t = 4).
    public static func reducedIntegral(_ t: Double) -> Complex<Double> {
        if abs(t) < 0.5 {
            // -sum_{k>=1} t^k/k B(k+2,k+2), B(3,3) = 1/30, B(k+3,k+3)/B(k+2,k+2) = (k+2)/(2(2k+5)).
            var beta = 1.0 / 30.0
            var power = t
            var sum = 0.0
            for k in 1...24 {
                sum -= power * beta / Double(k)
                beta *= Double(k + 2) / (2.0 * Double(2 * k + 5))
                power *= t
            }
            return Complex(sum, 0)
        }
        let base = -5.0 / 18.0 - 2.0 / (3.0 * t)
        let prefactor = 1.0 + 2.0 / t
        if t < 0 {
            let beta = (1.0 - 4.0 / t).squareRoot()
            let betaMinusOne = (-4.0 / t) / (beta + 1.0)
            return Complex(base + prefactor * beta * Double.log((beta + 1.0) / betaMinusOne) / 6.0, 0)
        }
        if t < 4 {
            let b = (4.0 / t - 1.0).squareRoot()
            return Complex(base + prefactor * b * Double.atan(1.0 / b) / 3.0, 0)
        }
        if t == 4 { return Complex(-4.0 / 9.0, 0) }
        let beta = (1.0 - 4.0 / t).squareRoot()
        let oneMinusBeta = (4.0 / t) / (1.0 + beta)
        let real = base + prefactor * beta * Double.log((1.0 + beta) / oneMinusBeta) / 6.0
        let imaginary = -Double.pi / 6.0 * prefactor * beta
        return Complex(real, imaginary)
    }
}

/// One charged fermion running in the photon-Z' vacuum-polarisation loop.
public struct LoopFermion: Sendable, Hashable {
    /// The fermion mass in GeV.
    public var mass: Double
    /// The electric charge in units of e.
    public var electricCharge: Double
    /// The vector U(1)_X charge (X_L + X_R)/2; the axial part does not mix with the photon.
    public var vectorCharge: Double
    /// The number of colours.
    public var colours: Int

    /// Creates a loop fermion.
    public init(mass: Double, electricCharge: Double, vectorCharge: Double, colours: Int = 1) {
        self.mass = mass
        self.electricCharge = electricCharge
        self.vectorCharge = vectorCharge
        self.colours = colours
    }
}

/// The finite kinetic mixing induced at one loop between the photon and a Z' whose charges are
/// traceless against the electric charge, sum_f N_c Q_f X^V_f = 0 (L_i - L_j and its relatives).
///
/// Bauer, Foldenauer, Jaeckel (JHEP 07 (2018) 094, arXiv:1803.05466), after del Aguila, Masip,
/// Perez-Victoria (Nucl. Phys. B456 (1995) 531),
/// in the convention L contains -(eps_ij/2) F_{mu nu} F'^{mu nu}:
///
///     eps_ij(q^2) = e g/(2 pi^2) Int_0^1 dx x(1-x) ln[(m_i^2 - x(1-x) q^2)/(m_j^2 - x(1-x) q^2)],
///
/// for U(1)_{L_i - L_j} (lepton i charge +1, lepton j charge -1). At q^2 = 0 it is
/// e g ln(m_i/m_j)/(6 pi^2), about -g/70 for (mu, tau). Above 4 m_i^2 it is complex. This type
/// evaluates the general form
///
///     eps(q^2) = -(e g/(2 pi^2)) sum_f N_c Q_f X^V_f [ln(m_f^2)/6 + J(q^2/m_f^2)]
///
/// (``VacuumPolarization/reducedIntegral(_:)``), which is the formula above for L_i - L_j and is
/// independent of the renormalisation scale because the charges are traceless.
///
/// Sign: integrating out the loop gives -(eps/2) F F' with this eps, and removing the mixing by
/// A -> A - eps Z' leaves every fermion with the extra Z' coupling -eps e Q_f relative to its
/// direct g X_f. In the eps^V convention of Hati et al. (JHEP 07 (2020) 235) the induced shift is therefore
/// Delta eps^V_f = -eps(q^2) Q_f (``inducedVectorShift(electricCharge:atSquaredMomentum:)``). For
/// L_mu - L_tau (g > 0) the electron coupling comes out negative, opposite to the muon's direct
/// coupling: the muon cloud around an X source is lighter and wider than the tau cloud, so it
/// screens (antimuon-rich cloud, positive electric charge, attracting electrons). DarkCast's model
/// files (Le-Lmu, Le-Ltau) carry the same relative sign.
public struct LoopKineticMixing: Sendable, Hashable {
    /// The fermions in the loop.
    public let fermions: [LoopFermion]
    /// The gauge coupling g_X.
    public let gaugeCoupling: Double

    /// A loop over `fermions` with gauge coupling g_X; the charges must be traceless,
    /// sum N_c Q X^V = 0 (checked to 1e-12), otherwise the mixing is divergent and `nil` is returned.
    public init?(fermions: [LoopFermion], gaugeCoupling: Double) {
        let trace = fermions.reduce(0.0) { $0 + Double($1.colours) * $1.electricCharge * $1.vectorCharge }
        let scale = fermions.reduce(0.0) { $0 + abs(Double($1.colours) * $1.electricCharge * $1.vectorCharge) }
        guard scale > 0, abs(trace) <= 1e-12 * scale, fermions.allSatisfy({ $0.mass > 0 && $0.mass.isFinite }) else { return nil }
        self.fermions = fermions.filter { $0.electricCharge * $0.vectorCharge != 0 }
        self.gaugeCoupling = gaugeCoupling
    }

    /// The U(1)_{L_i - L_j} loop: lepton of mass `plusMass` with charge +1, lepton of mass
    /// `minusMass` with charge -1 (each pair with its own leptons).
    public static func leptonDifference(plusMass: Double, minusMass: Double, gaugeCoupling: Double) -> LoopKineticMixing {
        LoopKineticMixing(fermions: [LoopFermion(mass: plusMass, electricCharge: -1, vectorCharge: 1),
                                     LoopFermion(mass: minusMass, electricCharge: -1, vectorCharge: -1)],
                          gaugeCoupling: gaugeCoupling)!
    }

    /// eps(q^2) in the convention of Bauer, Foldenauer and Jaeckel (L contains -(eps/2) F F'); complex above the lightest
    /// loop threshold 4 m_f^2. `q2` in GeV^2, any finite value (space-like q^2 < 0 allowed).
    public func mixing(atSquaredMomentum q2: Double) -> Complex<Double> {
        var sum = Complex<Double>.zero
        for f in fermions {
            let weight = Double(f.colours) * f.electricCharge * f.vectorCharge
            let j = VacuumPolarization.reducedIntegral(q2 / (f.mass * f.mass))
            sum = sum + Complex(weight, 0) * (Complex(Double.log(f.mass * f.mass) / 6.0, 0) + j)
        }
        let prefactor = -PhysicalConstants.elementaryCharge * gaugeCoupling / (2.0 * Double.pi * Double.pi)
        return Complex(prefactor, 0) * sum
    }

    /// The shift of eps^V (units of e) of a fermion of electric charge `electricCharge`:
    /// -eps(q^2) Q_f (see the type's discussion for the sign).
    public func inducedVectorShift(electricCharge: Double, atSquaredMomentum q2: Double) -> Complex<Double> {
        Complex(-electricCharge, 0) * mixing(atSquaredMomentum: q2)
    }
}
