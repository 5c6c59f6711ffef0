// ZPrimeAtlas: exhaustive enumeration and classification of anomaly-free integer U(1)_X charge
// assignments (Greljo et al., arXiv:2107.07518; Allanach, Davighi, Melville, arXiv:1812.04602).
import ZPrimeModels
