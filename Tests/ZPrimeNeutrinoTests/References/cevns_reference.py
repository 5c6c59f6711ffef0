#!/usr/bin/env python3
"""Independent 30-digit evaluations (mpmath) of the reference values in NeutrinoPhysicsTests.swift.

1. The SM CEvNS cross section of the 29.79 MeV prompt nu_mu on 40Ar with the Helm form factor
   (Lewin & Smith 1996 parameters), sigma = Int_0^Tmax dT G_F^2 M/(4 pi) Q_W^2 (1 - M T/(2E^2)) F^2.
2. The flux-averaged SM cross section of the delayed nu_e Michel spectrum on 133Cs, the same
   integrand folded with (192/m_mu) x^2 (1/2 - x).
3. The L_mu - L_tau Z' (m = 10 MeV, g = 5e-4, loop-induced kinetic mixing at q^2 = -2 M T) nu_mu
   cross section on 40Ar at 29.79 MeV, with eps(q^2) = -(e g/(2 pi^2)) Int_0^1 x(1-x) ln[(m_mu^2 + x(1-x)Q^2)/(m_tau^2 + x(1-x)Q^2)] dx
   (Q^2 = 2 M T), so that eps^V_p = -eps, g_p = e eps^V_p, g_nu = g.
Inputs are the constants of ZPrimeCore (CODATA 2022, PDG 2024, AME2020). Run: python3 cevns_reference.py
"""
from mpmath import mp, mpf, sqrt, pi, quad, sin, cos, exp, log
mp.dps = 30
GF = mpf('1.1663788e-5'); s2 = mpf('0.23857'); hbarc_fm = mpf('1.973269804e-16') * mpf(10)**15
u = mpf('0.93149410372'); me = mpf('0.51099895069e-3'); mmu = mpf('105.6583755e-3'); mtau = mpf('1776.93e-3')
mpi = mpf('139.57039e-3'); alpha = 1 / mpf('137.035999177'); e = sqrt(4 * pi * alpha)
def nucleus(Z, N, amu):
    return amu * u - Z * me
def helm(q, A):
    c = mpf('1.23') * mpf(A) ** (mpf(1) / 3) - mpf('0.60'); a = mpf('0.52'); s = mpf('0.9')
    rn = sqrt(c * c + mpf(7) / 3 * pi * pi * a * a - 5 * s * s)
    x = q * rn / hbarc_fm; y = q * s / hbarc_fm
    j1 = (sin(x) / x**2 - cos(x) / x)
    return 3 * j1 / x * exp(-y * y / 2)
def dsigma(E, T, Z, N, M, shift=lambda T: 0):
    qw = N - (1 - 4 * s2) * Z + shift(T)
    F = helm(sqrt(2 * M * T), Z + N)
    return GF**2 * M / (4 * pi) * qw**2 * (1 - M * T / (2 * E * E)) * F**2
def tmax(E, M):
    return 2 * E * E / (M + 2 * E)
Eprompt = (mpi**2 - mmu**2) / (2 * mpi)
Ar = (18, 22, nucleus(18, 22, mpf('39.9623831237')))
Cs = (55, 78, nucleus(55, 78, mpf('132.905451961')))
s1 = quad(lambda T: dsigma(Eprompt, T, *Ar), [0, tmax(Eprompt, Ar[2])])
print("sigma_prompt_Ar40 (GeV^-2)", mp.nstr(s1, 20))
def michel(E):
    x = E / mmu
    return 192 / mmu * x * x * (mpf(1) / 2 - x)
s2v = quad(lambda E: michel(E) * quad(lambda T: dsigma(E, T, *Cs), [0, tmax(E, Cs[2])]), [0, mmu / 2])
print("sigma_nue_Cs133 flux averaged (GeV^-2)", mp.nstr(s2v, 20))
g = mpf('5e-4'); m = mpf('0.01')
def eps(Q2):
    f = lambda x: x * (1 - x) * log((mmu**2 + x * (1 - x) * Q2) / (mtau**2 + x * (1 - x) * Q2))
    return e * g / (2 * pi**2) * quad(f, [0, 1])
def shift(T):
    Z, N, M = Ar
    Q2 = 2 * M * T
    gp = e * (-eps(Q2))
    return -sqrt(2) * g * (Z * gp) / (GF * (Q2 + m * m))
s3 = quad(lambda T: dsigma(Eprompt, T, *Ar, shift=shift), [0, tmax(Eprompt, Ar[2])])
print("sigma_prompt_Ar40_LmuLtau_10MeV_5e-4 (GeV^-2)", mp.nstr(s3, 20))
