import Numerics
import ZPrimeCore
import ZPrimeObservables

/// Three-flavour oscillation parameters (angles in radians, mass splittings in eV^2), normal or
/// inverted ordering through the sign of dm31.
///
/// ```swift
/// let nufit = try OscillationParameters.bundled()      // NuFIT 6.0, normal ordering
/// print(nufit.mixingMatrix().abs2(0, 1))                // |U_e2|^2 = c13^2 s12^2 = 0.301
/// ```
public struct OscillationParameters: Sendable, Hashable {
    public var theta12: Double
    public var theta13: Double
    public var theta23: Double
    public var deltaCP: Double
    /// Delta m^2_21 in eV^2.
    public var dm21: Double
    /// Delta m^2_31 in eV^2 (negative for inverted ordering).
    public var dm31: Double
    /// What to cite.
    public var citation: String

    /// Parameters in degrees and eV^2.
    public init(theta12Degrees: Double, theta13Degrees: Double, theta23Degrees: Double, deltaCPDegrees: Double,
                dm21: Double, dm31: Double, citation: String = "") throws(Problem) {
        for (value, name) in [(theta12Degrees, "theta12"), (theta13Degrees, "theta13"), (theta23Degrees, "theta23")] {
            guard value.isFinite, value >= 0, value <= 90 else { throw Problem.invalid(.field(name), value, "must be between 0 and 90 degrees") }
        }
        try Validate.finite(deltaCPDegrees, .field("delta_cp"))
        try Validate.positive(dm21, .field("dm21"))
        guard dm31.isFinite, dm31 != 0 else { throw Problem.invalid(.field("dm31"), dm31, "must be finite and non-zero") }
        let radians = Double.pi / 180
        theta12 = theta12Degrees * radians
        theta13 = theta13Degrees * radians
        theta23 = theta23Degrees * radians
        deltaCP = deltaCPDegrees * radians
        self.dm21 = dm21
        self.dm31 = dm31
        self.citation = citation
    }

    /// The bundled NuFIT 6.0 best fit (normal ordering).
    public static func bundled() throws(Problem) -> OscillationParameters {
        let o = try NeutrinoData.bundled().oscillation
        return try OscillationParameters(theta12Degrees: o.theta12Degrees, theta13Degrees: o.theta13Degrees, theta23Degrees: o.theta23Degrees,
                                         deltaCPDegrees: o.deltaCPDegrees, dm21: o.dm21EV2, dm31: o.dm31EV2,
                                         citation: "\(o.name): \(o.citation)")
    }

    /// The same parameters with another CP phase (degrees).
    public func withDeltaCP(degrees: Double) -> OscillationParameters {
        var copy = self
        copy.deltaCP = degrees * Double.pi / 180
        return copy
    }

    /// The PMNS matrix in the standard parametrisation (PDG): U = R23 U13(delta) R12, rows e, mu, tau.
    public func mixingMatrix() -> MixingMatrix {
        let s12 = Double.sin(theta12), c12 = Double.cos(theta12)
        let s13 = Double.sin(theta13), c13 = Double.cos(theta13)
        let s23 = Double.sin(theta23), c23 = Double.cos(theta23)
        let phase = Complex(Double.cos(deltaCP), Double.sin(deltaCP))        // e^{i delta}
        let phaseBar = Complex(Double.cos(deltaCP), -Double.sin(deltaCP))    // e^{-i delta}
        let r = { (x: Double) in Complex(x, 0) }
        let u: [[Complex<Double>]] = [
            [r(c12 * c13), r(s12 * c13), r(s13) * phaseBar],
            [r(-s12 * c23) - r(c12 * s23 * s13) * phase, r(c12 * c23) - r(s12 * s23 * s13) * phase, r(s23 * c13)],
            [r(s12 * s23) - r(c12 * c23 * s13) * phase, r(-c12 * s23) - r(s12 * c23 * s13) * phase, r(c23 * c13)],
        ]
        return MixingMatrix(elements: u)
    }
}

/// A 3x3 complex mixing matrix (rows: flavours e, mu, tau; columns: mass states 1, 2, 3).
public struct MixingMatrix: Sendable, Hashable {
    public var elements: [[Complex<Double>]]

    /// |U_(alpha i)|^2.
    public func abs2(_ alpha: Int, _ i: Int) -> Double { elements[alpha][i].lengthSquared }
}

/// Survival and conversion probabilities of solar nu_e: adiabatic MSW evolution from the production
/// point to the surface of the Sun, then incoherent (averaged) propagation of mass eigenstates to
/// the Earth (S. P. Mikheyev, A. Yu. Smirnov, Sov. J. Nucl. Phys. 42 (1985) 913; L. Wolfenstein,
/// Phys. Rev. D 17 (1978) 2369; the averaged three-flavour form of e.g. Gonzalez-Garcia, Nir, Rev.
/// Mod. Phys. 75 (2003) 345):
///
///     P(nu_e -> nu_alpha) = sum_i |U^m_(e i)(n_e, E)|^2 |U_(alpha i)|^2,
///
/// where U^m diagonalises H = U diag(0, dm21, dm31) U^dagger / (2E) + diag(V, 0, 0),
/// V = sqrt2 G_F n_e (as A = 2 sqrt2 G_F n_e E = 1.5265e-7 eV^2 (n_e/(N_A cm^-3)) (E/MeV) in units of
/// dm^2), exactly for a constant density at the production point (the electron row of the
/// eigenvectors from |v_e|^2 = det(lambda - H_(mu tau))/prod_(j != i)(lambda_i - lambda_j)). Adiabatic
/// evolution keeps the ordering of the eigenvalues; day-night (Earth matter) effects are neglected.
/// Antineutrinos would take V -> -V; the Sun emits none.
///
/// Limits (tests): for V -> 0 the vacuum average sum_i |U_ei|^4 = c13^4 (1 - sin^2(2 theta12)/2) +
/// s13^4; for dm21 << A << dm31, P_ee = c13^4 s12^2 + s13^4.
///
/// ```swift
/// let msw = try SolarOscillation(parameters: .bundled())
/// let p = msw.probabilities(energy: 0.010, electronDensity: 100)   // 10 MeV, 100 N_A/cm^3
/// print(p)    // (nu_e, nu_mu, nu_tau), summing to 1
/// ```
public struct SolarOscillation: Sendable, Hashable {
    public let parameters: OscillationParameters
    private let u: MixingMatrix
    /// The vacuum Hamiltonian times 2E, U diag(0, dm21, dm31) U^dagger (eV^2), as real parts and
    /// the imaginary parts of its off-diagonal entries.
    private let vacuum: [[Complex<Double>]]

    /// A = 2 sqrt2 G_F n_e E in eV^2 per (N_A cm^-3) per GeV: 2 sqrt2 G_F (hbar c)^3 N_A (GeV^-2 GeV^3).
    public static var potentialCoefficient: Double {
        let hbarCcm = PhysicalConstants.hbarCGeVMetres * 100
        let ne = PhysicalConstants.avogadro * hbarCcm * hbarCcm * hbarCcm      // GeV^3 for 1 N_A/cm^3
        return 2 * 2.0.squareRoot() * PhysicalConstants.fermiConstant * ne * 1e18 // GeV^2 -> eV^2
    }

    public init(parameters: OscillationParameters) {
        self.parameters = parameters
        u = parameters.mixingMatrix()
        let masses = [0.0, parameters.dm21, parameters.dm31]
        var h = [[Complex<Double>]](repeating: [Complex<Double>](repeating: .zero, count: 3), count: 3)
        for a in 0..<3 {
            for b in 0..<3 {
                var sum = Complex<Double>.zero
                for i in 0..<3 { sum = sum + u.elements[a][i] * Complex(masses[i], 0) * u.elements[b][i].conjugate }
                h[a][b] = sum
            }
        }
        vacuum = h
    }

    /// The mixing matrix.
    public var mixing: MixingMatrix { u }

    /// |U^m_(e i)|^2 at neutrino energy E (GeV) and electron density n_e (in N_A per cm^3).
    public func matterElectronRow(energy: Double, electronDensity: Double) -> [Double] {
        let a = Self.potentialCoefficient * electronDensity * energy
        // Hermitian H = vacuum + diag(a, 0, 0) (eV^2).
        let h00 = vacuum[0][0].real + a, h11 = vacuum[1][1].real, h22 = vacuum[2][2].real
        let h01 = vacuum[0][1], h02 = vacuum[0][2], h12 = vacuum[1][2]
        // Eigenvalues of a Hermitian 3x3 matrix (trigonometric solution of the characteristic cubic).
        let p1 = h01.lengthSquared + h02.lengthSquared + h12.lengthSquared
        let q = (h00 + h11 + h22) / 3
        let p2 = (h00 - q) * (h00 - q) + (h11 - q) * (h11 - q) + (h22 - q) * (h22 - q) + 2 * p1
        let p = (p2 / 6).squareRoot()
        // det((H - q)/p)/2
        let b00 = (h00 - q) / p, b11 = (h11 - q) / p, b22 = (h22 - q) / p
        let b01 = h01 / Complex(p, 0), b02 = h02 / Complex(p, 0), b12 = h12 / Complex(p, 0)
        let triple = (b01 * b12 * b02.conjugate).real
        let det = b00 * b11 * b22 + 2 * triple - b00 * b12.lengthSquared - b11 * b02.lengthSquared - b22 * b01.lengthSquared
        let r = max(-1, min(1, det / 2))
        let phi = Double.acos(r) / 3
        let l3 = q + 2 * p * Double.cos(phi)
        let l1 = q + 2 * p * Double.cos(phi + 2 * Double.pi / 3)
        let l2 = 3 * q - l1 - l3
        var lambdas = [l1, l2, l3].sorted()
        // Normal ordering: matter states 1 < 2 < 3 evolve adiabatically into vacuum 1, 2, 3. For
        // inverted ordering (dm31 < 0) the lowest eigenvalue belongs to state 3.
        if parameters.dm31 < 0 { lambdas = [lambdas[1], lambdas[2], lambdas[0]] }
        var row = [Double](repeating: 0, count: 3)
        for i in 0..<3 {
            let l = lambdas[i]
            let minor = (l - h11) * (l - h22) - h12.lengthSquared
            var denominator = 1.0
            for j in 0..<3 where j != i { denominator *= l - lambdas[j] }
            row[i] = max(0, minor / denominator)
        }
        let sum = row.reduce(0, +)
        return row.map { $0 / sum }
    }

    /// (P_ee, P_e mu, P_e tau) at energy E (GeV) for production at electron density n_e (N_A/cm^3).
    public func probabilities(energy: Double, electronDensity: Double) -> (Double, Double, Double) {
        let row = matterElectronRow(energy: energy, electronDensity: electronDensity)
        var p = [0.0, 0.0, 0.0]
        for alpha in 0..<3 {
            for i in 0..<3 { p[alpha] += row[i] * u.abs2(alpha, i) }
        }
        return (p[0], p[1], p[2])
    }
}
