import ZPrimeCore
import ZPrimeCouplings

/// The vector couplings of a boson to protons and neutrons, in units of e.
public struct NucleonCouplings: Sendable, Hashable {
    /// eps^V_p.
    public var proton: Double
    /// eps^V_n.
    public var neutron: Double

    /// Creates the pair.
    public init(proton: Double, neutron: Double) {
        self.proton = proton
        self.neutron = neutron
    }

    /// The nucleon couplings of a coupling table: its explicit `.proton` / `.neutron` entries when
    /// either is present, otherwise the valence-quark sums eps_p = 2 eps_u + eps_d and
    /// eps_n = eps_u + 2 eps_d of the vector couplings (vector currents are
    /// conserved, so these sums are exact at zero momentum transfer).
    public init(_ couplings: FermionCouplings) {
        if couplings.values[.proton] != nil || couplings.values[.neutron] != nil {
            proton = couplings[.proton].vector
            neutron = couplings[.neutron].vector
        } else {
            let up = couplings[.up].vector, down = couplings[.down].vector
            proton = 2 * up + down
            neutron = up + 2 * down
        }
    }

    /// The up- and down-quark vector couplings that reproduce these nucleon couplings:
    /// eps_u = (2 eps_p - eps_n)/3, eps_d = (2 eps_n - eps_p)/3.
    public var quarks: (up: Double, down: Double) {
        ((2 * proton - neutron) / 3, (2 * neutron - proton) / 3)
    }
}
