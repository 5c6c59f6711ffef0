import Numerics
import ZPrimeCore

/// How the new-physics dipole is distributed over the lepton families before the misalignment.
public enum DipoleStructure: String, CaseIterable, Sendable, Hashable, Codable {
    /// Only the muon has a dipole (a muonic force or a muoquark: Delta a_mu, nothing else). Rotated by
    /// theta_12 it reproduces the Br(mu -> e gamma) scaling of Greljo et al. (arXiv:2107.07518); rotated by theta_23 it gives a
    /// Br(tau -> mu gamma) 220-440 times below their second formula.
    case muon
    /// A dipole coefficient proportional to the lepton mass, c_ll = c_mumu m_l/m_mu (so Delta a_l scales
    /// like m_l^2, the minimal-flavour-violation-like pattern). This is the structure that reproduces
    /// Greljo et al.'s Br(tau -> mu gamma)/4e-8 ~ (Delta a_mu/3e-9)^2 (theta_23/1e-2)^2.
    case massScaled = "mass-scaled"

    /// The structure called `name` (`muon` or `mass-scaled`).
    public init(name: String) throws(Problem) {
        guard let value = DipoleStructure(rawValue: name.lowercased()) else {
            throw Problem.invalid(.field("dipole structure"), text: name, "unknown dipole structure; use muon or mass-scaled", kind: .unknownName)
        }
        self = value
    }
}

/// Charged lepton flavour violation from a misaligned dipole: Br(mu -> e gamma) and Br(tau -> mu gamma)
/// for small angles theta_12, theta_23 between the basis where the dipole is diagonal and the mass basis.
///
/// **Dipole.** Write the magnetic dipole as L = c_ll lbar_L sigma^{mu nu} l_R F_{mu nu} + h.c. with
/// c_ll = e Delta a_l/(4 m_l) (so that Delta a_mu fixes c_mumu). Rotating both chiralities by a small
/// angle theta_ij gives the off-diagonal coefficients c_ij = c_ji = theta_ij (c_jj - c_ii) at first order.
/// **Rate** (e.g. Lavoura, Eur. Phys. J. C 29 (2003) 191, hep-ph/0302221, with sigma = 2 c/e):
///
///     Gamma(l_j -> l_i gamma) = m_j^3 (|c_ij|^2 + |c_ji|^2)/(4 pi),
///
/// divided by the total width: G_F^2 m_mu^5/(192 pi^3) for the muon, hbar/tau_tau for the tau
/// (tau_tau = 290.3 fs, PDG 2024). For the muon-only dipole and theta_12 this is
/// Br = 24 pi^3 alpha theta_12^2 Delta a_mu^2/(G_F^2 m_mu^4) = 2.9e-13 (Delta a_mu/3e-9)^2 (theta_12/1e-5)^2,
/// the "Br(mu -> e gamma)/3e-13 ~ (Delta a_mu/3e-9)^2 (theta_12/1e-5)^2"
/// (Greljo et al., arXiv:2107.07518); ``DipoleStructure`` says what the tau formula needs.
///
/// ```swift
/// let lfv = try ChargedLeptonFlavourViolation(deltaAMuon: 3e-9, theta12: 1e-5, theta23: 1e-2)
/// print(lfv.muonToElectronGamma, lfv.tauToMuonGamma)   // 2.9e-13, 1.8e-10
/// ```
public struct ChargedLeptonFlavourViolation: Sendable, Hashable {
    /// Delta a_mu.
    public let deltaAMuon: Double
    /// theta_12 (radians).
    public let theta12: Double
    /// theta_23 (radians).
    public let theta23: Double
    /// The dipole structure.
    public let structure: DipoleStructure

    /// The tau lifetime, 290.3 fs (PDG 2024).
    public static let tauLifetimeSeconds = 290.3e-15

    /// Creates the estimate; the angles must be finite with |theta| <= 0.1 (the first-order rotation).
    public init(deltaAMuon: Double, theta12: Double = 0, theta23: Double = 0, structure: DipoleStructure = .muon) throws(Problem) {
        try Validate.finite(deltaAMuon, .field("Delta a_mu"))
        for (name, value) in [("theta_12", theta12), ("theta_23", theta23)] {
            guard value.isFinite, abs(value) <= 0.1 else { throw Problem.invalid(.field(name), value, "must be finite with |theta| <= 0.1 (first order in the angle)") }
        }
        self.deltaAMuon = deltaAMuon
        self.theta12 = theta12
        self.theta23 = theta23
        self.structure = structure
    }

    /// c_ll (GeV^-1) of the lepton of mass `mass`.
    func dipole(mass: Double) -> Double {
        let e = PhysicalConstants.elementaryCharge, m = PhysicalConstants.muonMass
        let muon = e * deltaAMuon / (4 * m)
        switch structure {
        case .muon: return mass == m ? muon : 0
        case .massScaled: return muon * mass / m
        }
    }

    /// Br(mu -> e gamma).
    public var muonToElectronGamma: Double {
        let m = PhysicalConstants.muonMass, gf = PhysicalConstants.fermiConstant
        let c = theta12 * (dipole(mass: m) - dipole(mass: PhysicalConstants.electronMass))
        let width = m * m * m * 2 * c * c / (4 * Double.pi)
        return width / (gf * gf * m * m * m * m * m / (192 * Double.pi * Double.pi * Double.pi))
    }

    /// Br(tau -> mu gamma).
    public var tauToMuonGamma: Double {
        let mt = PhysicalConstants.tauMass
        let c = theta23 * (dipole(mass: mt) - dipole(mass: PhysicalConstants.muonMass))
        let width = mt * mt * mt * 2 * c * c / (4 * Double.pi)
        return width * Self.tauLifetimeSeconds / PhysicalConstants.hbarGeVSeconds
    }
}
