# Fits sum|M|^2 (gamma mu -> mu V, axial coupling) * s~^2 u~^2 M^2 to a homogeneous polynomial of
# degree 5 in (s~, u~, m^2, M^2); prints the rational coefficients. Run once; the result is quoted
# in MuonBremsstrahlung.swift and checked point by point by axial_check in this folder.
import numpy as np, itertools
from fractions import Fraction
from compton_check import amp2
rng = np.random.default_rng(7)
monos = [e for e in itertools.product(range(6), repeat=4) if sum(e) == 5]
rows, rhs = [], []
for _ in range(400):
    m = rng.uniform(0.3, 1.0); M = rng.uniform(0.3, 1.5); rs = (m + M) * rng.uniform(1.1, 2.5); c = rng.uniform(-0.95, 0.95)
    a, s_, u_, t_ = amp2(m, M, rs, c, True)
    v = [s_, u_, m*m, M*M]
    rows.append([np.prod([v[i]**e[i] for i in range(4)]) for e in monos]); rhs.append(a * s_**2 * u_**2 * M*M)
A = np.array(rows); b = np.array(rhs)
coef, res, rank, sv = np.linalg.lstsq(A, b, rcond=None)
print("rank", rank, "of", len(monos), "max rel residual", np.max(np.abs(A @ coef - b) / np.abs(b)))
for e, c in zip(monos, coef):
    if abs(c) > 1e-6:
        print(e, c, Fraction(c).limit_denominator(100))
