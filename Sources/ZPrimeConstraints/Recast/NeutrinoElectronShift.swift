import ZPrimeCore
import ZPrimeObservables

/// One neutrino-electron scattering process of a `nu_scat` limit (Borexino, CHARM-II, TEXONO as
/// recast by Bauer, Foldenauer, Jaeckel, JHEP 07 (2018) 094, arXiv:1803.05466).
public struct NeutrinoScatteringProcess: Sendable, Hashable {
    /// The neutrino flavour.
    public let flavour: NeutrinoFlavour
    /// Whether it is an antineutrino.
    public let antineutrino: Bool

    /// Creates a process.
    public init(flavour: NeutrinoFlavour, antineutrino: Bool) {
        self.flavour = flavour
        self.antineutrino = antineutrino
    }

    /// Parses the manifest's process text (`nu_e e -> nu_e e ...`, `anti-nu_e e -> ...`).
    init(text: String) throws(Problem) {
        let trimmed = text.trimmingPrefix(" ")
        let anti = trimmed.hasPrefix("anti-")
        let rest = anti ? trimmed.dropFirst(5) : Substring(trimmed)
        let token = rest.split(separator: " ").first.map(String.init) ?? ""
        guard let flavour = NeutrinoFlavour(name: token) else {
            throw Problem.invalid(.field("production.nu_scattering.processes"), text: text, "expected 'nu_X e -> ...' or 'anti-nu_X e -> ...'", kind: .dataFile)
        }
        self.init(flavour: flavour, antineutrino: anti)
    }
}

extension String {
    fileprivate func trimmingPrefix(_ character: Character) -> String {
        String(drop { $0 == character })
    }
}

/// The change Delta sigma = sigma(SM + Z') - sigma(SM) of the total elastic neutrino-electron cross
/// section at neutrino energy E (electron at rest), the production factor of the `nu_scat` limits:
/// their bound is |Delta sigma| (summed over processes) of the published B-L boson at the published
/// coupling, and the recast solves for the model's coupling with the same |Delta sigma|.
///
/// ZPrime's formulas are those of ``NeutrinoElectronScattering`` (PHYSICS.md section 7): with
/// y = 1 - T/E,
///
///     dsigma/dT = (2 G_F^2 m_e/pi) [g_L^2 + g_R^2 y^2 - g_L g_R m_e T/E^2],
///     g_L -> g_L + k_L u(T),  g_R -> g_R + k_R u(T),  u(T) = 1/(2 sqrt2 G_F (2 m_e T + m^2)),
///
/// k_L = g_nu g_eL, k_R = g_nu g_eR (absolute chiral couplings, g_nu = e (v_nu - a_nu), g_eL,R =
/// e (v_e -+ a_e)), L and R swapped for antineutrinos, SM couplings with the low-energy weak mixing
/// angle (CC included for nu_e). Integrated over 0 <= T <= T_max = 2E^2/(m_e + 2E):
///
///     Delta sigma = C [k_L (2 g_L J_1 - g_R J_t) + k_R (2 g_R J_y - g_L J_t) + k_L^2 K_1 + k_R^2 K_y - k_L k_R K_t]
///
/// (neutrinos; antineutrinos with (L, k_L) <-> (R, k_R) in the coefficients), C = 2 G_F^2 m_e/pi,
/// J_1 = int u, J_y = int u y^2, J_t = int u m_e T/E^2 and K the same with u^2. The six integrals
/// depend only on (E, m) and are computed once per mass by adaptive Gauss-Kronrod (relative
/// 1e-11, break points at the propagator's knee T = m^2/(2 m_e)); after that Delta sigma is a
/// polynomial in the couplings. DarkCast's own closed form uses an on-shell sin^2 theta_W from
/// m_W/m_Z (0.223) instead of the low-energy 0.2386: that moves the SM couplings, hence the
/// interference term, by a few per cent (docs/limits.md).
public struct NeutrinoElectronShift: Sendable, Hashable {
    /// The process.
    public let process: NeutrinoScatteringProcess
    /// The neutrino energy, GeV.
    public let energy: Double
    /// The boson mass, GeV.
    public let mass: Double
    // C times the integrals.
    let linearLeft: Double, linearRight: Double, quadraticLeft: Double, quadraticRight: Double, mixed: Double

    /// Prepares the integrals at neutrino energy `energy` and boson mass `mass` (both > 0).
    public init(process: NeutrinoScatteringProcess, energy: Double, mass: Double) throws(Problem) {
        try Validate.positive(energy, .neutrinoEnergy)
        try Validate.positive(mass, .mass)
        self.process = process
        self.energy = energy
        self.mass = mass
        let me = PhysicalConstants.electronMass, gF = PhysicalConstants.fermiConstant
        let tMax = NeutrinoElectronScattering.maximumRecoil(neutrinoEnergy: energy)
        let a = 2 * 2.0.squareRoot() * gF
        func u(_ t: Double) -> Double { 1 / (a * (2 * me * t + mass * mass)) }
        let knee = mass * mass / (2 * me)
        let breaks = [0.1 * knee, knee, 10 * knee].filter { $0 > 0 && $0 < tMax }
        func integral(_ f: (Double) -> Double) -> Double {
            GaussKronrod.integrate(from: 0, to: tMax, breakpoints: breaks, relativeTolerance: 1e-11) { t in f(t) }.value
        }
        let j1 = integral { u($0) }
        let jy = integral { t in let y = 1 - t / energy; return u(t) * y * y }
        let jt = integral { t in u(t) * me * t / (energy * energy) }
        let k1 = integral { t in let v = u(t); return v * v }
        let ky = integral { t in let v = u(t), y = 1 - t / energy; return v * v * y * y }
        let kt = integral { t in let v = u(t); return v * v * me * t / (energy * energy) }
        let c = 2 * gF * gF * me / Double.pi
        var (gL, gR) = NeutrinoElectronScattering.standardModelCouplings(process.flavour)
        if process.antineutrino { swap(&gL, &gR) }
        // For antineutrinos the effective left coupling is g_R + k_R u and the right one g_L + k_L u:
        // write the polynomial in the effective (L', k_L') = (R, k_R), then map back below.
        linearLeft = c * (2 * gL * j1 - gR * jt)
        linearRight = c * (2 * gR * jy - gL * jt)
        quadraticLeft = c * k1
        quadraticRight = c * ky
        mixed = -c * kt
    }

    /// Delta sigma (GeV^-2) for absolute couplings g_nu (to the left-handed neutrino) and g_eL, g_eR.
    public func shift(neutrino gNu: Double, electronLeft gL: Double, electronRight gR: Double) -> Double {
        var kL = gNu * gL, kR = gNu * gR
        if process.antineutrino { swap(&kL, &kR) }
        return linearLeft * kL + linearRight * kR + quadraticLeft * kL * kL + quadraticRight * kR * kR + mixed * kL * kR
    }

    /// Delta sigma for couplings in units of e (eps^V, eps^A of the neutrino and the electron).
    public func shift(neutrinoVector vNu: Double, neutrinoAxial aNu: Double, electronVector vE: Double, electronAxial aE: Double) -> Double {
        let e = PhysicalConstants.elementaryCharge
        return shift(neutrino: e * (vNu - aNu), electronLeft: e * (vE - aE), electronRight: e * (vE + aE))
    }
}
