import Numerics
import ZPrimeCore
import ZPrimeObservables

/// One flavour of a neutrino beam at a detector: its spectrum weighted by the fluence (neutrinos per
/// cm^2 over the exposure, spectrum in 1/GeV), and the systematic group its normalisation belongs to
/// (one pull per group in ``AsimovStatistics``).
public struct FluxComponent: Sendable, Hashable {
    /// A label (`prompt nu_mu`, `8B nu_tau`).
    public var label: String
    /// The flavour at the detector.
    public var flavour: NeutrinoFlavour
    /// Whether it is an antineutrino.
    public var antineutrino: Bool
    /// The fluence-weighted spectrum (per cm^2 per GeV).
    public var spectrum: NeutrinoSpectrum
    /// The index of its normalisation group.
    public var group: Int
}

/// The stopped-pion (pion decay at rest) source of spallation facilities: pi+ -> mu+ nu_mu gives a
/// prompt line at E = (m_pi^2 - m_mu^2)/(2 m_pi) = 29.79 MeV; mu+ -> e+ nu_e nubar_mu gives the
/// delayed Michel spectra, with x = E/m_mu <= 1/2,
///
///     nu_e:       (192/m_mu) x^2 (1/2 - x),        nubar_mu:   (64/m_mu) x^2 (3/4 - x),
///
/// each normalised to one (W. C. Louis, Prog. Part. Nucl. Phys. 63 (2009) 51; the spectra of the
/// V - A muon decay, Michel, Proc. Phys. Soc. A 63 (1950) 514). The fluence per flavour at distance
/// L after N protons with r neutrinos per flavour per proton is r N/(4 pi L^2); pi- decays and
/// decays in flight are neglected (below 1 % at the SNS, COHERENT, arXiv:2109.11049).
///
/// ```swift
/// let flux = StoppedPionSource.components(protons: 1.5e23, neutrinosPerFlavourPerProton: 0.08, distanceMetres: 28.4)
/// print(flux.map(\.label))     // prompt nu_mu, delayed nu_e, delayed nubar_mu
/// ```
public enum StoppedPionSource {
    /// The prompt nu_mu energy, (m_pi^2 - m_mu^2)/(2 m_pi), GeV.
    public static var promptEnergy: Double {
        let mpi = PhysicalConstants.chargedPionMass, mmu = PhysicalConstants.muonMass
        return (mpi * mpi - mmu * mmu) / (2 * mpi)
    }

    /// The largest delayed energy, m_mu/2 (electron mass neglected), GeV.
    public static var delayedEndpoint: Double { PhysicalConstants.muonMass / 2 }

    /// The normalised nu_e spectrum (1/GeV).
    public static func electronNeutrinoSpectrum(_ e: Double) -> Double {
        let m = PhysicalConstants.muonMass, x = e / m
        guard x >= 0, x <= 0.5 else { return 0 }
        return 192 / m * x * x * (0.5 - x)
    }

    /// The normalised nubar_mu spectrum (1/GeV).
    public static func muonAntineutrinoSpectrum(_ e: Double) -> Double {
        let m = PhysicalConstants.muonMass, x = e / m
        guard x >= 0, x <= 0.5 else { return 0 }
        return 64 / m * x * x * (0.75 - x)
    }

    /// Neutrinos per cm^2 per flavour: r N/(4 pi L^2).
    public static func fluencePerFlavour(protons: Double, neutrinosPerFlavourPerProton r: Double, distanceMetres: Double) -> Double {
        let lengthCm = distanceMetres * 100
        return r * protons / (4 * Double.pi * lengthCm * lengthCm)
    }

    /// The three components at the detector (one normalisation group).
    public static func components(protons: Double, neutrinosPerFlavourPerProton r: Double, distanceMetres: Double) -> [FluxComponent] {
        let fluence = fluencePerFlavour(protons: protons, neutrinosPerFlavourPerProton: r, distanceMetres: distanceMetres)
        let prompt = NeutrinoSpectrum.lines([(promptEnergy, fluence)])
        let nue = NeutrinoSpectrum.continuous(maximumEnergy: delayedEndpoint, cells: 4000) { electronNeutrinoSpectrum($0) * fluence }
        let numubar = NeutrinoSpectrum.continuous(maximumEnergy: delayedEndpoint, cells: 4000) { muonAntineutrinoSpectrum($0) * fluence }
        return [FluxComponent(label: "prompt nu_mu", flavour: .muon, antineutrino: false, spectrum: prompt, group: 0),
                FluxComponent(label: "delayed nu_e", flavour: .electron, antineutrino: false, spectrum: nue, group: 0),
                FluxComponent(label: "delayed nubar_mu", flavour: .muon, antineutrino: true, spectrum: numubar, group: 0)]
    }
}
