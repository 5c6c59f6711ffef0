// ZPrimeObservables: lepton g-2, X17 nuclear transitions, parity violation, neutrino scattering.
import ZPrimeCouplings
