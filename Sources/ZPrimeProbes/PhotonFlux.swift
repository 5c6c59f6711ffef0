import Foundation
import ZPrimeCore

/// The effective photon flux of a nucleus, chi = Int_{t_min}^{t_max} dt (t - t_min)/t^2 G_2(t), for
/// the Weizsaecker-Williams treatment of bremsstrahlung off a nucleus.
///
/// Form factors (Y.-S. Tsai, Rev. Mod. Phys. 46 (1974) 815, eqs. 3.38 and B.49, in the form used by
/// Bjorken, Essig, Schuster, Toro, Phys. Rev. D 80 (2009) 075018, arXiv:0906.0580, eqs. A18-A19):
/// - elastic (coherent nucleus, atomic screening and the nuclear size):
///   G_2^el = Z^2 [a^2 t/(1 + a^2 t)]^2 [1/(1 + t/d)]^2, a = 111 Z^(-1/3)/m_e, d = 0.164 A^(-2/3) GeV^2;
/// - inelastic (quasi-free protons, screened by the atomic electrons):
///   G_2^in = Z [a'^2 t/(1 + a'^2 t)]^2 [(1 + t (mu_p^2 - 1)/(4 m_p^2))/(1 + t/0.71 GeV^2)^4]^2,
///   a' = 773 Z^(-2/3)/m_e. The inelastic t_min is taken equal to the elastic one (a small
///   overestimate; the inelastic part is suppressed by 1/Z).
///
/// ```swift
/// let flux = PhotonFlux(target: .lead)
/// print(flux.chi(minimumTransfer: 1e-10, maximumTransfer: 0.01))   // about 9.5e4 (Z^2 times a logarithm)
/// ```
public struct PhotonFlux: Sendable, Hashable {
    /// Which form factors are included.
    public enum Components: String, Sendable, Hashable, CaseIterable {
        /// Elastic only.
        case elastic
        /// Elastic plus inelastic (the default).
        case elasticAndInelastic = "elastic+inelastic"
    }

    /// The atomic number.
    public let atomicNumber: Double
    /// The screening scale 1/a^2 of the elastic factor, GeV^2.
    public let elasticScreening: Double
    /// The nuclear-size scale d, GeV^2.
    public let nuclearSize: Double
    /// The screening scale 1/a'^2 of the inelastic factor, GeV^2.
    public let inelasticScreening: Double
    /// The components included.
    public let components: Components

    /// The flux of `target`.
    public init(target: BeamTarget, components: Components = .elasticAndInelastic) {
        let z = Double(target.atomicNumber)
        let me = PhysicalConstants.electronMass
        let a = 111 * Foundation.pow(z, -1.0 / 3.0) / me
        let aPrime = 773 * Foundation.pow(z, -2.0 / 3.0) / me
        atomicNumber = z
        elasticScreening = 1 / (a * a)
        nuclearSize = 0.164 * Foundation.pow(target.atomicWeight, -2.0 / 3.0)
        inelasticScreening = 1 / (aPrime * aPrime)
        self.components = components
    }

    /// G_2(t) = G_2^el + G_2^in (t in GeV^2).
    public func g2(_ t: Double) -> Double {
        let screening = t / (elasticScreening + t)
        let size = 1 / (1 + t / nuclearSize)
        var value = atomicNumber * atomicNumber * screening * screening * size * size
        if components == .elasticAndInelastic {
            let mp = PhysicalConstants.protonMass, mu = PhysicalConstants.protonMagneticMoment
            let s = t / (inelasticScreening + t)
            let dipole = 1 + t / 0.71
            let magnetic = (1 + t * (mu * mu - 1) / (4 * mp * mp)) / (dipole * dipole * dipole * dipole)
            value += atomicNumber * s * s * magnetic * magnetic
        }
        return value
    }

    /// chi(t_min, t_max) by adaptive quadrature in ln t (relative tolerance 1e-9), with the
    /// screening and nuclear-size scales as break points. 0 when t_min >= t_max.
    public func chi(minimumTransfer tMin: Double, maximumTransfer tMax: Double) -> Double {
        guard tMin < tMax, tMin > 0 else { return 0 }
        let lower = Foundation.log(tMin), upper = Foundation.log(tMax)
        let breaks = [elasticScreening, nuclearSize, inelasticScreening, 0.71].map { Foundation.log($0) }
        return GaussKronrod.integrate(from: lower, to: upper, breakpoints: breaks, relativeTolerance: 1e-9) { y in
            let t = Foundation.exp(y)
            return (t - tMin) / t * g2(t)
        }.value
    }
}
