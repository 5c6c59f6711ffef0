#!/usr/bin/env python3
"""Generates the computed inputs of the B-L demonstration plot (Tests/ZPrimePlotTests/Fixtures/generated/):

* bl-g2mu-band-2021.csv: the (g-2)_mu 1 and 2 sigma bands of a U(1)_{B-L} boson (vector coupling g to
  the muon, B-L charge -1), from the one-loop vector contribution
      Delta a_mu = g^2/(4 pi^2) Int_0^1 du u^2 (1-u) / (u^2 + (1-u) M^2/m_mu^2)
  (Leveille, Nucl. Phys. B137 (1978) 63; the light-vector form of Jegerlehner & Nyffeler, Phys. Rept.
  477 (2009) 1), solved for g at Delta a_mu = 251(59)e-11 (BNL + FNAL 2021 world average, PRL 126
  (2021) 141801, against the 2020 Theory Initiative value, Phys. Rept. 887 (2020) 1); m_mu =
  0.1056583755 GeV (PDG 2024). 1 sigma: Delta a in [192, 310]e-11, 2 sigma: [133, 369]e-11.
* bl-atomki.csv: the ATOMKI 8Be region as a band in (m, g_{B-L}): with eps_p = eps_n = g/e, the rate
  ratio Gamma(X)/Gamma(gamma) = (eps_p + eps_n)^2 (1 - (m/18.15 MeV)^2)^{3/2} (Feng et al., PRL 117
  (2016) 071803) equal to 6(1)e-6 for m_X = 17.01(16) MeV (Krasznahorkay et al., Acta Phys. Pol. B 50
  (2019) 675); e = sqrt(4 pi alpha), alpha = 1/137.035999177 (CODATA 2022). One sigma in both.

The physics here only feeds a demonstration figure of the plot module; the package computes these
bands itself in ZPrimeObservables. Run: python3 make-demo-inputs.py (needs mpmath).
"""
import os
import mpmath as mp

mp.mp.dps = 30
here = os.path.dirname(os.path.abspath(__file__))
m_mu = mp.mpf("0.1056583755")


def loop(mass):
    ratio = (mass / m_mu) ** 2
    return mp.quad(lambda u: u * u * (1 - u) / (u * u + (1 - u) * ratio), [0, mp.mpf("1e-6"), mp.mpf("1e-3"), 1])


def coupling(delta_a, mass):
    return mp.sqrt(delta_a * 4 * mp.pi ** 2 / loop(mass))


with open(os.path.join(here, "bl-g2mu-band-2021.csv"), "w") as out:
    out.write("# mass_GeV,g_1sigma_low,g_1sigma_high,g_2sigma_low,g_2sigma_high (see make-demo-inputs.py)\n")
    for k in range(81):
        mass = mp.mpf(10) ** (-3 + 4 * mp.mpf(k) / 80)
        values = [coupling(mp.mpf(d) * mp.mpf("1e-11"), mass) for d in (192, 310, 133, 369)]
        out.write(",".join(mp.nstr(v, 10) for v in [mass] + values) + "\n")

alpha = 1 / mp.mpf("137.035999177")
e = mp.sqrt(4 * mp.pi * alpha)
with open(os.path.join(here, "bl-atomki.csv"), "w") as out:
    out.write("# mass_GeV,g_low,g_high (see make-demo-inputs.py)\n")
    for k in range(9):
        mass_mev = mp.mpf("16.85") + mp.mpf("0.32") * k / 8
        phase = (1 - (mass_mev / mp.mpf("18.15")) ** 2) ** mp.mpf(1.5)
        g = [e / 2 * mp.sqrt(mp.mpf(r) / phase) for r in ("5e-6", "7e-6")]
        out.write(",".join(mp.nstr(v, 10) for v in [mass_mev / 1000] + g) + "\n")
print("wrote bl-g2mu-band-2021.csv and bl-atomki.csv")
