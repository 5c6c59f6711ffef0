// ZPrimeDecays: partial widths, branching ratios, lifetimes.
//
// The stage after ZPrimeCouplings: `DecayCalculator` turns a `CouplingCalculator` into
// `DecayWidths` at one mass or many. Hadrons below 2 GeV come from the data-driven VMD grids of
// DarkCast (Ilten, Soreq, Williams, Xue, arXiv:1801.04847; Baruch et al., arXiv:2206.08563), bundled
// in DarkCastData/ (GPL-2.0-or-later, see its README.md); above, from perturbative QCD
// (`StrongCoupling`, `PerturbativeQCD`).
import ZPrimeCouplings
