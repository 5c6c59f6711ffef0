#!/usr/bin/env python3
"""Reference couplings for ScanVerdictTests, computed independently of ZPrime with mpmath (50 digits).

1. Dark photon, m = 10 MeV: the one-loop vector contribution (Leveille 1978; Pospelov 2009)
   Delta a_mu = (alpha eps^2 / pi) * I,  I = int_0^1 du u^2 (1-u) / (u^2 + (1-u) (m/m_mu)^2),
   and the eps that puts Delta a_mu at a chosen pull of the 2021 and 2025 datasets
   (Delta a = a_exp - a_SM, sigma = experiment and theory in quadrature, from the cited values).
2. Dark photon, m = 17 MeV: eps_p = eps, eps_n = 0 (charges 2 u + d, u + 2 d with eps Q), BR(ee) = 1
   (the only open visible channel; the three-photon width is suppressed by (m/m_e)^8 alpha^4), so
   Gamma_X/Gamma_gamma x BR = eps^2 [1 - (m/18.15 MeV)^2]^(3/2) (Feng et al., PRL 117 (2016) 071803);
   the eps that reproduces ATOMKI's 6e-6 exactly.
Run: python3 verdict_points.py   (prints the constants pasted into ScanVerdictTests.swift)
"""
from mpmath import mp, mpf, quad, sqrt, pi

mp.dps = 50
alpha = 1 / mpf("137.035999177")        # CODATA 2022
m_mu = mpf("0.1056583755")              # GeV, PDG 2024
m = mpf("0.01")
r2 = (m / m_mu) ** 2
I = quad(lambda u: u**2 * (1 - u) / (u**2 + (1 - u) * r2), [0, 1])
unit = alpha / pi * I                   # Delta a_mu per eps^2

datasets = {
    "2021": (mpf("0.00116592061") - mpf("0.0011659181"), sqrt(mpf("4.1e-10") ** 2 + mpf("4.3e-10") ** 2)),
    "2025": (mpf("0.001165920715") - mpf("0.00116592033"), sqrt(mpf("1.45e-10") ** 2 + mpf("6.2e-10") ** 2)),
}
print("Delta a_mu per eps^2 at 10 MeV:", mp.nstr(unit, 20))
for name, (delta, sigma) in datasets.items():
    for pull in (0, 3, -3, 1.5):
        target = delta + pull * sigma
        if target <= 0:
            print(name, pull, "no real eps")
            continue
        print(name, "pull", pull, "eps", mp.nstr(sqrt(target / unit), 17))

m17 = mpf("0.017")
phase = (1 - (m17 * 1000 / mpf("18.15")) ** 2) ** mpf("1.5")
print("X17: eps for 6e-6 at 17 MeV:", mp.nstr(sqrt(mpf("6e-6") / phase), 17))
