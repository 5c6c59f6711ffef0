#!/usr/bin/env python3
"""Independent values of the golden rows scan-tiny-csv.out (B-L, masses 5, 15.8, 50 MeV x g_X = 1e-5, 1e-3),
computed with mpmath (40 digits) from the formulas, not from ZPrime:

- Delta a_l of a vector boson with coupling g Q_l to the lepton (B-L: Q_l = -1), one loop
  (Leveille, Nucl. Phys. B 137 (1978) 63; Pospelov, PRD 80 (2009) 095002, eq. (2)):
      Delta a_l = g^2/(4 pi^2) int_0^1 dz z^2 (1-z) / (z^2 + (1-z) (M/m_l)^2).
- eps_p = eps_n = g/e (B-L charge 1 of a nucleon, couplings in units of e = sqrt(4 pi alpha)).
- BR(e+e-) below the pi0 gamma threshold: e+e- against three left-handed Majorana neutrinos
  (B-L charge -1), Gamma(ee) = g^2 M/(12 pi) (1 + 2 r) sqrt(1 - 4 r), r = m_e^2/M^2, and
  Gamma(nu nu) = g^2 M/(24 pi) per flavour (one Weyl field).
- pulls (Delta a - Delta a_exp)/sigma of the newest datasets: muon 2025 (a_exp 116592071.5(14.5)e-11,
  arXiv:2506.03069, against the 2025 White Paper 116592033(62)e-11, arXiv:2505.21476; sigma in
  quadrature), electron rb2020 (Delta a_e = 4.8(3.0)e-13, Morel et al., Nature 588 (2020) 61).
Inputs: alpha = 1/137.035999177 (CODATA 2022); m_e, m_mu, m_tau from PDG 2024.
Run: python3 scan_tiny_reference.py   (prints the rows pasted into ScanCLITests.swift)
"""
from mpmath import mp, mpf, quad, sqrt, pi

mp.dps = 40
alpha = 1 / mpf("137.035999177")
e = sqrt(4 * pi * alpha)
leptons = {"e": mpf("0.51099895069e-3"), "mu": mpf("0.1056583755"), "tau": mpf("1.77693")}
masses = ["0.005", "0.0158113883008419", "0.05"]   # the mass column of the golden CSV, as printed
couplings = ["1e-05", "0.001"]

delta_mu = mpf("0.001165920715") - mpf("0.00116592033")
sigma_mu = sqrt(mpf("1.45e-10") ** 2 + mpf("6.2e-10") ** 2)
delta_e, sigma_e = mpf("4.8e-13"), mpf("3e-13")


def delta_a(g, M, m):
    r2 = (M / m) ** 2
    return g**2 / (4 * pi**2) * quad(lambda z: z**2 * (1 - z) / (z**2 + (1 - z) * r2), [0, 1])


for g_text in couplings:
    for M_text in masses:
        g, M = mpf(g_text), mpf(M_text)
        a = {name: delta_a(g, M, m) for name, m in leptons.items()}
        r = (leptons["e"] / M) ** 2
        ee = (1 + 2 * r) * sqrt(1 - 4 * r) / 12
        br = ee / (ee + 3 * mpf(1) / 24)
        row = [a["e"], a["mu"], a["tau"], g / e, br, (a["e"] - delta_e) / sigma_e, (a["mu"] - delta_mu) / sigma_mu]
        print("(" + ", ".join(mp.nstr(v, 17) for v in row) + "),")
