// ZPrimeDecays: partial widths, branching ratios, lifetimes.
import ZPrimeCouplings
