import Foundation
import ZPrimeCore

/// Bremsstrahlung of a massive vector boson off a lepton beam on a nucleus, l N -> l N Z', in the
/// Weizsaecker-Williams (WW) approximation with the angle-dependent minimum momentum transfer.
///
/// For a beam of energy E and lepton mass m, a boson of mass M carrying the energy fraction x at the
/// angle theta, with U = x E^2 theta^2 + M^2 (1 - x)/x + m^2 x (Bjorken, Essig, Schuster, Toro,
/// Phys. Rev. D 80 (2009) 075018, arXiv:0906.0580, appendix A; massive-lepton form of Kirpichnikov,
/// Sieber, Molina Bueno, Crivelli, Kirsanov, Phys. Rev. D 104 (2021) 076012, arXiv:2107.13297):
///
///     d sigma/(dx dU) = alpha^3 (1 - x) beta chi(t_min(U)) [|eps^V|^2 F_V(x, U) + |eps^A|^2 F_A(x, U)],
///     F_V = J/U^2 - K/U^3 + L/U^4,  J = 2 (2 - 2x + x^2)/(1 - x),  K = 4 (M^2 + 2 m^2) x,
///     L = 4 (M^2 + 2 m^2) (M^2 (1 - x) + m^2 x^2),
///     t_min(U) = U^2/(4 E^2 (1 - x)^2),  t_max = M^2 + m^2,  beta = sqrt(1 - M^2/(x E)^2),
///
/// (dU = 2 x E^2 d cos theta at small angles) for couplings e eps^V gamma^mu + e eps^A gamma^mu
/// gamma^5 of the boson to the lepton (vector and axial pieces do not interfere in the unpolarised
/// sum). F is the 2 -> 2 squared amplitude of gamma l -> l Z', sum |A|^2 = 4 e^2 g^2 U^2 F, taken at
/// s~ = s - m^2 = U/(1 - x), u~ = u - m^2 = -U. Tests/ZPrimeProbesTests/References/compton_check.py
/// evaluates the amplitudes with explicit Dirac matrices: F_V agrees to 1e-11 (lepton-mass terms
/// included), and the axial factor, fitted there as an exact polynomial,
///
///     F_A = P/(4 U^2 p^2 M^2),  w = s~ + u~ = x U/(1 - x),  p = s~ u~ = -U^2/(1 - x),
///     P = -16 m^2 p w^2 + M^2 [-64 m^4 w^2 - 64 m^2 p w - 8 p (w^2 - 2 p)]
///         + M^4 [16 m^2 (w^2 + 4 p) + 16 p w] - 16 M^6 p,
///
/// reproduces them to 1e-15. Its first term, -16 m^2 p w^2/M^2, is the longitudinal enhancement
/// (m/M)^2 of an axial boson coupled to a massive lepton; for m -> 0, F_A = F_V.
/// The "improved" WW approximation (IWW) freezes t_min at (M^2/(2E))^2: for a muon beam it
/// overestimates the exact 2 -> 3 result by 8-150 % at 10-200 MeV, while WW with the
/// angle-dependent t_min stays within about 1 % (Kirpichnikov et al. 2021); this type uses WW and
/// offers IWW for comparison only.
///
/// Limits (tested): M -> 0 with a constant chi gives the Bethe-Heitler spectrum
/// d sigma/dx = (2 alpha^3 eps^2 chi/(m^2 x)) (4/3 - 4x/3 + x^2); M >> m with a constant chi gives
/// 4 alpha^3 eps^2 chi beta x (1 - x + x^2/3)/(M^2 (1 - x)) (Bjorken et al. 2009, eq. 9).
///
/// ```swift
/// let brems = try MuonBremsstrahlung(beamEnergy: 160, bosonMass: 0.05, target: .lead)
/// print(brems.differentialCrossSection(x: 0.5))                       // d sigma/dx for eps^V = 1, GeV^-2
/// print(brems.differentialCrossSection(x: 0.5, vector: 0, axial: 1))   // for eps^A = 1
/// ```
public struct MuonBremsstrahlung: Sendable {
    /// WW with the angle-dependent t_min, or IWW.
    public enum Approximation: String, Sendable, Hashable, CaseIterable {
        /// Weizsaecker-Williams with t_min(x, theta) (the default, about 1 % from the exact result).
        case weizsaeckerWilliams = "WW"
        /// The improved WW approximation, t_min = (M^2/(2E))^2 (for comparison).
        case improvedWeizsaeckerWilliams = "IWW"
    }

    /// The beam energy, GeV.
    public let beamEnergy: Double
    /// The boson mass, GeV.
    public let bosonMass: Double
    /// The beam lepton's mass, GeV (the muon's by default).
    public let leptonMass: Double
    /// The photon flux of the target.
    public let flux: PhotonFlux
    /// The approximation.
    public let approximation: Approximation
    /// The largest boson angle integrated over, rad (0.3; the integrand falls like 1/theta^4 beyond
    /// theta ~ M/E, so the result does not depend on it).
    public let maximumAngle: Double
    /// The chi of the IWW approximation (constant), when used.
    private let frozenChi: Double

    /// Creates the cross section.
    ///
    /// - Throws: ``Problem`` for a beam energy outside 1...10000 GeV, a mass that is not finite and
    ///   > 0, or a boson too heavy to be produced (M + m >= E).
    public init(beamEnergy: Double, bosonMass: Double, target: BeamTarget, leptonMass: Double = PhysicalConstants.muonMass,
                approximation: Approximation = .weizsaeckerWilliams, components: PhotonFlux.Components = .elasticAndInelastic,
                maximumAngle: Double = 0.3) throws(Problem) {
        try Validate.within(beamEnergy, 1...10_000, .field("beam energy"))
        try Validate.positive(bosonMass, .mass)
        try Validate.positive(leptonMass, .leptonMass)
        guard bosonMass + leptonMass < beamEnergy else {
            throw Problem.invalid(.mass, bosonMass, "too heavy to be radiated by a \(beamEnergy) GeV beam")
        }
        guard maximumAngle.isFinite, maximumAngle > 0, maximumAngle <= 1 else {
            throw Problem.invalid(.field("maximum angle"), maximumAngle, "must be finite, > 0 and <= 1 rad")
        }
        self.beamEnergy = beamEnergy
        self.bosonMass = bosonMass
        self.leptonMass = leptonMass
        self.flux = PhotonFlux(target: target, components: components)
        self.approximation = approximation
        self.maximumAngle = maximumAngle
        let m2 = bosonMass * bosonMass
        frozenChi = flux.chi(minimumTransfer: m2 * m2 / (4 * beamEnergy * beamEnergy), maximumTransfer: m2 + leptonMass * leptonMass)
    }

    /// The kinematic range of x = E_Z'/E: from M/E to 1 - m/E.
    public var kinematicRange: ClosedRange<Double> { (bosonMass / beamEnergy)...(1 - leptonMass / beamEnergy) }

    /// The 2 -> 2 factor F(x, U) of the type's discussion (GeV^-4).
    public func amplitudeFactor(x: Double, u: Double) -> Double {
        let m2 = leptonMass * leptonMass, mz2 = bosonMass * bosonMass
        let j = 2 * (2 - 2 * x + x * x) / (1 - x)
        let k = 4 * (mz2 + 2 * m2) * x
        let l = 4 * (mz2 + 2 * m2) * (mz2 * (1 - x) + m2 * x * x)
        let inverse = 1 / u
        return inverse * inverse * (j - inverse * (k - inverse * l))
    }

    /// The axial 2 -> 2 factor F_A(x, U) of the type's discussion (GeV^-4).
    public func axialAmplitudeFactor(x: Double, u: Double) -> Double {
        let m2 = leptonMass * leptonMass, mz2 = bosonMass * bosonMass
        let w = x * u / (1 - x), p = -u * u / (1 - x)
        var poly = -16 * m2 * p * w * w
        poly += mz2 * (-64 * m2 * m2 * w * w - 64 * m2 * p * w - 8 * p * (w * w - 2 * p))
        poly += mz2 * mz2 * (16 * m2 * (w * w + 4 * p) + 16 * p * w)
        poly -= 16 * mz2 * mz2 * mz2 * p
        return poly / (4 * u * u * p * p * mz2)
    }

    /// The smallest U at fraction x (theta = 0).
    public func minimumU(x: Double) -> Double {
        bosonMass * bosonMass * (1 - x) / x + leptonMass * leptonMass * x
    }

    /// d sigma/(dx dU) (GeV^-4) for |eps^V|^2 = `vector` and |eps^A|^2 = `axial`.
    public func doubleDifferentialCrossSection(x: Double, u: Double, vector: Double = 1, axial: Double = 0) -> Double {
        let alpha = PhysicalConstants.alpha
        let e = beamEnergy, mz = bosonMass
        let beta2 = 1 - (mz / (x * e)) * (mz / (x * e))
        guard beta2 > 0 else { return 0 }
        let chi: Double
        switch approximation {
        case .improvedWeizsaeckerWilliams: chi = frozenChi
        case .weizsaeckerWilliams:
            let q = u / (2 * e * (1 - x))
            chi = flux.chi(minimumTransfer: q * q, maximumTransfer: mz * mz + leptonMass * leptonMass)
        }
        var amplitude = 0.0
        if vector != 0 { amplitude += vector * amplitudeFactor(x: x, u: u) }
        if axial != 0 { amplitude += axial * axialAmplitudeFactor(x: x, u: u) }
        return alpha * alpha * alpha * (1 - x) * beta2.squareRoot() * chi * amplitude
    }

    /// d sigma/dx (GeV^-2) for |eps^V|^2 = `vector`, |eps^A|^2 = `axial`: the U integral from
    /// theta = 0 to ``maximumAngle`` (relative tolerance 1e-7, in ln U). 0 outside ``kinematicRange``.
    public func differentialCrossSection(x: Double, vector: Double = 1, axial: Double = 0) -> Double {
        guard x > kinematicRange.lowerBound, x < kinematicRange.upperBound else { return 0 }
        let uMin = minimumU(x: x)
        let uMax = uMin + x * beamEnergy * beamEnergy * maximumAngle * maximumAngle
        return GaussKronrod.integrate(from: Foundation.log(uMin), to: Foundation.log(uMax), relativeTolerance: 1e-7) { y in
            let u = Foundation.exp(y)
            return u * doubleDifferentialCrossSection(x: x, u: u, vector: vector, axial: axial)
        }.value
    }

    /// The cross section (GeV^-2) for x in `range` (clipped to the kinematic range), by adaptive
    /// quadrature (relative tolerance 1e-6), for |eps^V|^2 = `vector`, |eps^A|^2 = `axial`.
    public func crossSection(x range: ClosedRange<Double>, vector: Double = 1, axial: Double = 0) -> Double {
        let lower = max(range.lowerBound, kinematicRange.lowerBound), upper = min(range.upperBound, kinematicRange.upperBound)
        guard lower < upper else { return 0 }
        return GaussKronrod.integrate(from: lower, to: upper, relativeTolerance: 1e-6) { differentialCrossSection(x: $0, vector: vector, axial: axial) }.value
    }
}
