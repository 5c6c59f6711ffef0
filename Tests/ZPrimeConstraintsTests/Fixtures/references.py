#!/usr/bin/env python3
"""Independent high-precision references for the recast building blocks (mpmath, 40 digits), written
to references.json next to this script; the Swift tests (BuildingBlockTests)
compare with them.

Formulas (stated independently of the Swift code):
  * running Breit-Wigner, arXiv:1801.04847 eq. (A.3): BW_V(m) = m_V^2/(m_V^2 - m^2 - i m_V^2 (Gamma_V/m) k(m)),
    k = sum_c BR_c (p_c(m)/p_c(m_V))^3, with DarkCast v2.1's meson masses, widths and channels;
  * meson-decay factor abs(sum_V Tr[T_A T_B T_V] Tr[T_V Q] BW_V)^2, vector-meson mixing abs(Tr[T_V Q])^2,
    proton bremsstrahlung abs(2 v_u + v_d)^2 + 1.6 abs(2 a_u + a_d)^2 ((1 + m^2/1.01^2)/(1 + m^2/0.84^2))^4;
  * Delta sigma of nu-e scattering: the integral over 0 <= T <= 2E^2/(m_e + 2E) of
    (2 G_F^2 m_e/pi)[gL^2 + gR^2 y^2 - gL gR m_e T/E^2] with gL,R shifted by g_nu g_eL,R/(2 sqrt2 G_F (2 m_e T + m^2)),
    minus the same without the shift (L and R swapped for antineutrinos);
  * the displaced window t0: ln(N_hi/N_lo) = 0 with N = Y exp(-t0/tau)(1 - exp(-r t0/tau)).
Run: python3 references.py   (writes references.json)
"""
import json
import os
import mpmath as mp

mp.mp.dps = 40
HERE = os.path.dirname(os.path.abspath(__file__))

T = {"gamma": (mp.mpf(2) / 3, -mp.mpf(1) / 3, -mp.mpf(1) / 3), "rho0": (mp.mpf(1) / 2, -mp.mpf(1) / 2, 0),
     "pi0": (mp.mpf(1) / 2, -mp.mpf(1) / 2, 0), "omega": (mp.mpf(1) / 2, mp.mpf(1) / 2, 0), "phi": (0, 0, 1 / mp.sqrt(2)),
     "eta": (1 / mp.sqrt(6), 1 / mp.sqrt(6), -1 / mp.sqrt(6)), "eta'": (1 / mp.sqrt(12), 1 / mp.sqrt(12), 2 / mp.sqrt(12))}
BW = {"rho0": ("0.77549", "0.1491", [("0.9988447", "0.13957", "0.13957")]),
      "omega": ("0.78265", "0.00849", [("0.8994773", "0.27914", "0.13498"), ("0.0834941", "0.13498", "0"), ("0.0154283", "0.13957", "0.13957")]),
      "phi": ("1.01946", "0.00426", [("0.4893042", "0.49368", "0.49368"), ("0.3422127", "0.49761", "0.49761"), ("0.0130981", "0.54785", "0")])}


def bw(v, m):
    mv, wv, ch = BW[v]
    mv, wv = mp.mpf(mv), mp.mpf(wv)
    m = mp.mpf(m)

    def p(M, a, b):
        a, b = mp.mpf(a), mp.mpf(b)
        s = M * M
        if M <= a + b:
            return mp.mpf(0)
        return mp.sqrt((s - (a + b) ** 2) * (s - (a - b) ** 2) / (4 * s))
    k = mp.fsum(mp.mpf(br) * (p(m, a, b) / p(mv, a, b)) ** 3 for br, a, b in ch)
    return mv ** 2 / (mv ** 2 - m ** 2 - 1j * mv ** 2 * wv * k / m)


def trace(*ms):
    return mp.fsum(mp.fprod(T[x][q] for x in ms) for q in range(3))


def tr_q(v, q):
    return mp.fsum(T[v][i] * q[i] for i in range(3))


def meson_decay(a, b, m, q):
    amp = mp.mpc(0)
    for v in ("rho0", "omega", "phi"):
        pf = trace(a, b, v)
        if pf != 0:
            amp += pf * tr_q(v, q) * bw(v, m)
    return abs(amp) ** 2


def p_brem(m, vu, vd, au, ad):
    m = mp.mpf(m)
    ff = ((1 + m ** 2 / mp.mpf("1.01") ** 2) / (1 + m ** 2 / mp.mpf("0.84") ** 2)) ** 4
    return (2 * vu + vd) ** 2 + mp.mpf("1.6") * (2 * au + ad) ** 2 * ff


ME = mp.mpf("0.51099895069e-3")
GF = mp.mpf("1.1663788e-5")
S2 = mp.mpf("0.23857")


def delta_sigma(E, m, flavour, anti, gnu, gel, ger):
    E, m = mp.mpf(E), mp.mpf(m)
    tmax = 2 * E ** 2 / (ME + 2 * E)
    gl0 = -mp.mpf(1) / 2 + S2 + (1 if flavour == "nu_e" else 0)
    gr0 = S2

    def ds(t, shifted):
        u = 1 / (2 * mp.sqrt(2) * GF * (2 * ME * t + m ** 2)) if shifted else 0
        gl, gr = gl0 + gnu * gel * u, gr0 + gnu * ger * u
        if anti:
            gl, gr = gr, gl
        y = 1 - t / E
        return gl ** 2 + gr ** 2 * y ** 2 - gl * gr * ME * t / E ** 2
    knee = m ** 2 / (2 * ME)
    pts = [mp.mpf(0)] + [p for p in (knee / 10, knee, 10 * knee) if 0 < p < tmax] + [tmax]
    return 2 * GF ** 2 * ME / mp.pi * mp.quad(lambda t: ds(t, True) - ds(t, False), pts)


def window_start(ylo, yhi, tlo, thi, r):
    ylo, yhi, tlo, thi, r = map(mp.mpf, (ylo, yhi, tlo, thi, r))

    def logp(tau, t0):
        return -t0 / tau + mp.log(1 - mp.exp(-r * t0 / tau))

    def f(x):
        t0 = mp.exp(x)
        return mp.log(yhi / ylo) + logp(thi, t0) - logp(tlo, t0)
    lo, hi = mp.log(thi * mp.mpf("1e-6")), mp.log(tlo * 1000)
    return mp.exp(mp.findroot(f, (lo, hi), solver="bisect", tol=mp.mpf("1e-30")))


def main():
    e = mp.sqrt(4 * mp.pi / mp.mpf("137.035999177"))
    dark = (mp.mpf(2) / 3, -mp.mpf(1) / 3, -mp.mpf(1) / 3)          # eps = 1, units of e
    bl = (1 / (3 * e), 1 / (3 * e), 1 / (3 * e))                    # g = 1, units of e
    out = {"breit_wigner": [], "meson_decay": [], "vector_mixing": [], "proton_bremsstrahlung": [], "nu_e_shift": [], "window_start": []}
    for v in ("rho0", "omega", "phi"):
        for m in ("0.2", "0.5", "0.77", "1.0", "1.5"):
            z = bw(v, m)
            out["breit_wigner"].append({"meson": v, "mass": float(m), "re": float(z.real), "im": float(z.imag)})
    for a, b in (("pi0", "gamma"), ("eta", "gamma"), ("eta'", "gamma"), ("omega", "pi0"), ("phi", "eta")):
        for m in ("0.01", "0.1", "0.3", "0.5"):
            out["meson_decay"].append({"key": "%s_%s" % (a, b), "mass": float(m), "dark_photon": float(meson_decay(a, b, m, dark)),
                                       "b_minus_l": float(meson_decay(a, b, m, bl))})
    for v in ("rho0", "omega", "phi"):
        out["vector_mixing"].append({"key": v, "dark_photon": float(tr_q(v, dark) ** 2), "b_minus_l": float(tr_q(v, bl) ** 2)})
    for m in ("0.01", "0.5", "1.0", "2.0"):
        out["proton_bremsstrahlung"].append({"mass": float(m), "vu": 0.3, "vd": -0.2, "au": 0.1, "ad": 0.05,
                                             "value": float(p_brem(m, mp.mpf("0.3"), mp.mpf("-0.2"), mp.mpf("0.1"), mp.mpf("0.05")))})
    cases = [("0.000862", "0.001", "nu_e", False), ("0.000862", "0.05", "nu_mu", False), ("23.7", "0.01", "nu_mu", False),
             ("23.7", "5", "nu_mu", False), ("0.002", "0.0005", "nu_e", True), ("0.002", "0.2", "nu_e", True)]
    for E, m, fl, anti in cases:
        for gnu, gel, ger in ((mp.mpf("1e-5"), mp.mpf("2e-5"), mp.mpf("2e-5")), (mp.mpf("3e-4"), mp.mpf("-1e-4"), mp.mpf("5e-4"))):
            out["nu_e_shift"].append({"energy": float(E), "mass": float(m), "flavour": fl, "antineutrino": anti, "g_nu": float(gnu),
                                      "g_eL": float(gel), "g_eR": float(ger), "delta_sigma": float(delta_sigma(E, m, fl, anti, gnu, gel, ger))})
    for ylo, yhi, tlo, thi, r in (("1", "100", "1e-9", "1e-11", "1.1396648044692737"), ("2e-3", "1", "3e-12", "1e-14", "0.0208333333"),
                                  ("1", "1e4", "1e-6", "1e-10", "291.6666666666667")):
        out["window_start"].append({"lower_yield": float(ylo), "upper_yield": float(yhi), "lower_lifetime": float(tlo), "upper_lifetime": float(thi),
                                    "length_ratio": float(r), "t0": float(window_start(ylo, yhi, tlo, thi, r))})
    with open(os.path.join(HERE, "references.json"), "w") as handle:
        json.dump(out, handle, indent=1)


if __name__ == "__main__":
    main()
