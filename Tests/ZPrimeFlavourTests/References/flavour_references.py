#!/usr/bin/env python3
"""Reference values for Tests/ZPrimeFlavourTests (30-digit mpmath; run: python3 flavour_references.py).

1. Delta a_mu of S_1 and R_2 with the top quark in the loop, from the one-loop Feynman-parameter
   integrals with the full muon mass in the denominators (Leveille, Nucl. Phys. B137 (1978) 63; the
   form of Lindner, Platscher, Queiroz, Phys. Rept. 731 (2018) 1):
     photon on the fermion F (charge Q_F):  (Q_F/Q_l) m^2/(8 pi^2 M^2) Int [g_s^2 x^2 (1 + eps - x) + g_p^2 x^2 (1 - eps - x)]
                                             / [(1 - x)(1 - lam^2 x) + eps^2 lam^2 x]
     photon on the scalar (charge Q_S):     -(Q_S/Q_l) m^2/(8 pi^2 M^2) Int [g_s^2 x (1 - x)(x + eps) + g_p^2 x (1 - x)(x - eps)]
                                             / [eps^2 lam^2 (1 - x)(1 - x/eps^2) + x]
   eps = m_t/m_mu, lam = m_mu/M, g_s = (lambda_L + lambda_R)/2, g_p = (lambda_R - lambda_L)/2, times N_c = 3.
2. F(x1, x2) of the radiative muon Yukawa model and its equal-mass limit 2 g'(x)/b'(x), with g and b
   defined by the integrals (mp.quad) and the derivative by mp.diff.
"""
import mpmath as mp

mp.mp.dps = 30
m_mu = mp.mpf("0.1056583755")
m_t = mp.mpf("172.57")


def lq_delta_a(qf, qs, M, lam_l, lam_r):
    eps = m_t / m_mu
    lam = m_mu / M
    gs, gp = (lam_l + lam_r) / 2, (lam_r - lam_l) / 2
    dn = lambda x: (1 - x) * (1 - lam**2 * x) + eps**2 * lam**2 * x
    dc = lambda x: eps**2 * lam**2 * (1 - x) * (1 - x / eps**2) + x
    r = (m_t / M) ** 2
    brk = [0, 1 - r, 1] if r < 0.5 else [0, 1]
    brk_c = [0, r, 1] if r < 0.5 else [0, 1]
    fn = mp.quad(lambda x: (gs**2 * x**2 * (1 + eps - x) + gp**2 * x**2 * (1 - eps - x)) / dn(x), brk)
    fc = mp.quad(lambda x: (gs**2 * x * (1 - x) * (x + eps) + gp**2 * x * (1 - x) * (x - eps)) / dc(x), brk_c)
    ql = -1
    return 3 * m_mu**2 / (8 * mp.pi**2 * M**2) * ((qf / ql) * fn - (qs / ql) * fc)


def g(x):
    r = 1 / mp.mpf(x)
    i_f = mp.quad(lambda t: t**2 / (1 - t + r * t), [0, 1])
    i_s = mp.quad(lambda t: t * (1 - t) / (t + r * (1 - t)), [0, 1])
    return r * (-mp.mpf(2) / 3 * i_f - mp.mpf(5) / 3 * i_s)


def b(x):
    x = mp.mpf(x)
    return x * mp.log(x) / (x - 1)


print("// S1 and R2: (leptoquark, M, lambda_L, lambda_R, Delta a_mu)")
for name, qf, qs in [("s1", mp.mpf(-2) / 3, mp.mpf(-1) / 3), ("r2", mp.mpf(2) / 3, mp.mpf(-5) / 3)]:
    for M, ll, lr in [(500, 1, 1), (1500, 0.1, 0.01), (1500, 1, 0), (4000, -0.3, 0.7), (172.57, 0.5, 0.5), (20000, 1, 1)]:
        v = lq_delta_a(qf, qs, mp.mpf(M), mp.mpf(ll), mp.mpf(lr))
        print(f"(.{name}, {M}, {ll}, {lr}, {mp.nstr(v, 17)}),")
print("// radiative F(x1, x2): (m1, m2, F)")
for m1, m2 in [(1000, 2000), (3000, 5000), (500, 8000), (200, 250)]:
    x1, x2 = (mp.mpf(m1) / m_t) ** 2, (mp.mpf(m2) / m_t) ** 2
    print(f"({m1}, {m2}, {mp.nstr(2 * (g(x1) - g(x2)) / (b(x1) - b(x2)), 17)}),")
print("// equal masses: (m, F(x, x) = 2 g'(x)/b'(x))")
for m in [300, 1000, 1500, 5000, 20000]:
    x = (mp.mpf(m) / m_t) ** 2
    print(f"({m}, {mp.nstr(2 * mp.diff(g, x) / mp.diff(b, x), 17)}),")
