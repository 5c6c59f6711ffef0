import ZPrimeCore
import ZPrimeObservables

/// Elastic neutrino cross sections with a Z' interfering with the Standard Model, for any
/// ``ZPrimeExchange`` (couplings at the process's momentum transfer q^2 = -2 M T).
///
/// **CEvNS** (Freedman, Phys. Rev. D 9 (1974) 1389; with a light vector: Amaral, Cerdeno,
/// Foldenauer, Reid, JHEP 12 (2020) 155, arXiv:2006.11225):
///
///     dsigma/dT = G_F^2 M/(4 pi) (1 - M T/(2 E^2)) F^2(q) Q^2,
///     Q = Q_W - sqrt2 g_nu (Z g_p + N g_n) / (G_F (2 M T + m^2)),   Q_W = N - (1 - 4 s_W^2) Z,
///
/// which expands into the SM, interference and Z'^2 terms of Amaral et al. (their Q_nuN^2/4 +
/// g eps e Z Q_nu Q_nuN/(sqrt2 G_F (...)) + g^2 eps^2 e^2 Z^2 Q_nu^2/(2 G_F^2 (...)^2) with
/// sqrt2 g_nu Z g_p = sqrt2 g Q_nu Z e eps). The same for antineutrinos; the -T/E term of the
/// spin-0 kinematics is dropped as there (below 2E/M: 0.3 % for argon at 52.8 MeV). F is the Helm
/// form factor with the parameters of Lewin & Smith (Astropart. Phys. 6 (1996) 87).
///
/// **nu-e** (Vogel, Engel, Phys. Rev. D 39 (1989) 3378; ``NeutrinoElectronScattering``):
/// dsigma/dT = (2 G_F^2 m_e/pi) [g_L^2 + g_R^2 (1 - T/E)^2 - g_L g_R m_e T/E^2] with
/// g_L = -1/2 + s_W^2 (+1 charged current for nu_e), g_R = s_W^2 and the Z' shift
/// g_(L,R) += g_nu g_e(L,R)/(2 sqrt2 G_F (2 m_e T + m^2)); antineutrinos swap g_L and g_R.
/// s_W^2 = 0.23857, the low-energy MS-bar value (PDG 2024); radiative corrections beyond it are
/// not included (about 1 % on Q_W).
///
/// ```swift
/// let cs = NeutrinoCrossSections.coherent(flavour: .muon, energy: 0.0298, recoil: 10e-6,
///                                        nucleus: .argon40, exchange: nil)   // GeV^-3, SM
/// ```
public enum NeutrinoCrossSections {
    /// The SM weak charge N - (1 - 4 s_W^2) Z.
    public static func standardWeakCharge(protons: Int, neutrons: Int) -> Double {
        Double(neutrons) - (1 - 4 * PhysicalConstants.sin2ThetaWLowEnergy) * Double(protons)
    }

    /// The effective weak charge Q at recoil T (GeV).
    public static func weakCharge(flavour: NeutrinoFlavour, nucleus: CoherentNeutrinoNucleusScattering.Nucleus, recoil t: Double,
                                  exchange: ZPrimeExchange?) -> Double {
        let qw = standardWeakCharge(protons: nucleus.protons, neutrons: nucleus.neutrons)
        guard let exchange else { return qw }
        let q2 = -2 * nucleus.mass * t
        let c = exchange.couplings(squaredMomentum: q2)
        let nuclear = Double(nucleus.protons) * c.proton + Double(nucleus.neutrons) * c.neutron
        let propagator = PhysicalConstants.fermiConstant * (-q2 + exchange.mass * exchange.mass)
        return qw - 2.0.squareRoot() * exchange.neutrino[flavour.index] * nuclear / propagator
    }

    /// CEvNS dsigma/dT in GeV^-3 (0 above the kinematic limit).
    public static func coherent(flavour: NeutrinoFlavour, energy e: Double, recoil t: Double,
                                nucleus: CoherentNeutrinoNucleusScattering.Nucleus, exchange: ZPrimeExchange?,
                                formFactor: Bool = true) -> Double {
        let m = nucleus.mass
        guard e > 0, t >= 0, t <= 2 * e * e / (m + 2 * e) else { return 0 }
        let q = weakCharge(flavour: flavour, nucleus: nucleus, recoil: t, exchange: exchange)
        let f = formFactor ? CoherentNeutrinoNucleusScattering.helmFormFactor(momentumTransfer: (2 * m * t).squareRoot(),
                                                                             massNumber: nucleus.massNumber) : 1
        let g = PhysicalConstants.fermiConstant
        return g * g * m / (4 * Double.pi) * max(0, 1 - m * t / (2 * e * e)) * f * f * q * q
    }

    /// The effective (g_L, g_R) of nu-e scattering at recoil T (GeV), antineutrinos swapped.
    public static func electronCouplings(flavour: NeutrinoFlavour, antineutrino: Bool, recoil t: Double,
                                         exchange: ZPrimeExchange?) -> (left: Double, right: Double) {
        var (left, right) = NeutrinoElectronScattering.standardModelCouplings(flavour)
        if let exchange {
            let me = PhysicalConstants.electronMass
            let c = exchange.couplings(squaredMomentum: -2 * me * t)
            let propagator = 2 * 2.0.squareRoot() * PhysicalConstants.fermiConstant * (2 * me * t + exchange.mass * exchange.mass)
            let gnu = exchange.neutrino[flavour.index]
            left += gnu * c.electronLeft / propagator
            right += gnu * c.electronRight / propagator
        }
        return antineutrino ? (right, left) : (left, right)
    }

    /// nu-e dsigma/dT in GeV^-3 on a free electron (0 above the kinematic limit).
    public static func electron(flavour: NeutrinoFlavour, antineutrino: Bool = false, energy e: Double, recoil t: Double,
                                exchange: ZPrimeExchange?) -> Double {
        let me = PhysicalConstants.electronMass
        guard e > 0, t >= 0, t <= 2 * e * e / (me + 2 * e) else { return 0 }
        let (gl, gr) = electronCouplings(flavour: flavour, antineutrino: antineutrino, recoil: t, exchange: exchange)
        let y = 1 - t / e
        let g = PhysicalConstants.fermiConstant
        return 2 * g * g * me / Double.pi * (gl * gl + gr * gr * y * y - gl * gr * me * t / (e * e))
    }

    /// The smallest neutrino energy that gives recoil T on a target of mass M: (T + sqrt(T^2 + 2 M T))/2.
    public static func minimumEnergy(recoil t: Double, targetMass m: Double) -> Double {
        0.5 * (t + (t * t + 2 * m * t).squareRoot())
    }

    /// The largest recoil of a target of mass M from energy E: 2E^2/(M + 2E).
    public static func maximumRecoil(energy e: Double, targetMass m: Double) -> Double {
        2 * e * e / (m + 2 * e)
    }
}

extension NeutrinoFlavour {
    /// 0, 1, 2 for e, mu, tau.
    public var index: Int {
        switch self {
        case .electron: return 0
        case .muon: return 1
        case .tau: return 2
        }
    }
}
