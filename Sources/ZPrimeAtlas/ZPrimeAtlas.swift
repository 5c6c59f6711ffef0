// ZPrimeAtlas: exhaustive enumeration and classification of anomaly-free integer U(1)_X charge
// assignments (seed 004; Allanach, Davighi, Melville, arXiv 1812.04602).
import ZPrimeModels
