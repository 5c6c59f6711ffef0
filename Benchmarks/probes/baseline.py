#!/usr/bin/env python3
"""Same-run baselines for Benchmarks/probes/run.sh: plain SciPy implementations of the three
computations, written from the formulas in the doc comments of Sources/ZPrimeProbes (what a private
analysis script would do): nested adaptive quadrature (scipy.integrate.quad) for the NA64mu yield and
the trident ratio, and scipy.integrate.solve_ivp (BDF) with quad thermodynamics for N_eff.
Usage: baseline.py na64mu|trident|neff  -> prints "value seconds".
Inputs fixed to the benchmark points of run.sh (L_mu - L_tau without loop mixing)."""
import math, sys, time
import numpy as np
from scipy import integrate

alpha = 1/137.035999177; me = 0.51099895069e-3; mmu = 0.1056583755; GF = 1.1663788e-5; MPl = 1.220890e19
e = math.sqrt(4*math.pi*alpha); s2 = 0.23857

def na64(M=0.05, g=5e-4, E=160.0):
    Z, A = 82, 207.2
    ta = (1/(111*Z**(-1/3)/me))**2; td = 0.164*A**(-2/3); tai = (1/(773*Z**(-2/3)/me))**2
    def G2(t):
        el = Z**2*(t/(ta + t))**2/(1 + t/td)**2
        mag = (1 + t*(2.79284734463**2 - 1)/(4*0.93827208816**2))/(1 + t/0.71)**4
        return el + Z*(t/(tai + t))**2*mag**2
    tmax = M*M + mmu*mmu
    def chi(tmin):
        if tmin >= tmax: return 0.0
        return integrate.quad(lambda y: (math.exp(y) - tmin)/math.exp(y)*G2(math.exp(y)), math.log(tmin), math.log(tmax),
                              points=[math.log(v) for v in (ta, td, tai) if tmin < v < tmax], limit=200)[0]
    def F(x, U):
        J = 2*(2 - 2*x + x*x)/(1 - x); K = 4*(M*M + 2*mmu*mmu)*x; L = 4*(M*M + 2*mmu*mmu)*(M*M*(1 - x) + mmu*mmu*x*x)
        return J/U**2 - K/U**3 + L/U**4
    def dsdx(x):
        umin = M*M*(1 - x)/x + mmu*mmu*x; umax = umin + x*E*E*0.09
        beta = math.sqrt(1 - (M/(x*E))**2)
        f = lambda y: math.exp(y)*alpha**3*(1 - x)*beta*chi((math.exp(y)/(2*E*(1 - x)))**2)*F(x, math.exp(y))
        return integrate.quad(f, math.log(umin), math.log(umax), limit=200)[0]
    sigma = integrate.quad(dsdx, 1 - 100/E, 1 - 10/E, limit=100)[0]
    eps2 = (g/e)**2
    return sigma*eps2*3.893793721e-28*11.35*6.02214076e23/207.2*22.448

def trident(M=1.0, g=2e-3, E=160.0):
    cv, ca = 0.5 + 2*s2, 0.5
    gL, gR = cv + ca, cv - ca
    dv = g*g/(math.sqrt(2)*GF*M*M)
    hbarc = 0.1973269804
    c = 1.23*56**(1/3) - 0.60; a = 0.52; s = 0.9
    rn = math.sqrt(c*c + 7/3*math.pi**2*a*a - 5*s*s)
    def helm(q):
        x = q*rn/hbarc
        j1 = (math.sin(x)/x**2 - math.cos(x)/x) if x > 1e-6 else x/3
        return 3*j1/x*math.exp(-0.5*(q*s/hbarc)**2) if x > 1e-6 else 1.0
    def flux(q2min):
        return integrate.quad(lambda y: helm(math.exp(0.5*y))**2, math.log(q2min), 0, limit=200)[0] if q2min < 1 else 0.0
    def sig(sh, shift):
        def zf(z):
            sp = z*sh
            if sp <= mmu*mmu: return 0.0
            def qf(v):
                q2 = math.exp(v); f = M*M/(M*M + q2)
                l, r = gL + shift*f, gR + shift*f
                w = 1 - q2/sp
                return q2*math.log(q2/mmu**2)*((l*l + r*r*w*w) + (r*r + l*l*w*w))
            return (z*z + (1 - z)**2)*integrate.quad(qf, math.log(mmu**2), math.log(sp))[0]
        return integrate.quad(zf, mmu**2/sh, 1)[0]
    def nuclear(shift):
        return integrate.quad(lambda t: sig(math.exp(t), shift)*flux((math.exp(t)/(2*E))**2), math.log(4*mmu**2), math.log(2*E), limit=100)[0]
    return nuclear(dv)/nuclear(0.0)

def neff(M=0.01, g=5e-4):
    Gnu = 3*g*g*M/(24*math.pi)   # L_mu - L_tau: nu_mu and nu_tau, left-handed: g^2 m/(24 pi) each ... times X^2 = 1
    Gnu = 2*g*g*M/(24*math.pi)
    def thermo(m, T, gdof, fermion):
        x = m/T; sgn = 1 if fermion else -1
        if x > 200: return 0, 0, 0, 0
        def occ(y):
            en = math.sqrt(y*y + x*x); ex = math.exp(-en); return en, ex, ex/(1 + sgn*ex)
        rho = integrate.quad(lambda y: y*y*occ(y)[0]*occ(y)[2], 0, 64)[0]
        p = integrate.quad(lambda y: y**4/occ(y)[0]*occ(y)[2] if occ(y)[0] > 0 else 0, 0, 64)[0]
        d = integrate.quad(lambda y: y*y*occ(y)[0]**2*occ(y)[2]/(1 + sgn*occ(y)[1]), 0, 64)[0]
        n = integrate.quad(lambda y: y*y*occ(y)[1], 0, 64)[0]
        c = gdof/(2*math.pi**2)
        return c*T**4*rho, c*T**4*p/3, c*T**3*d, c*T**3*n
    kn = 3*2*7/8*math.pi**2/30
    def rhs(t, y):
        tg, tn = y
        rg = math.pi**2/15*tg**4; re, pe, de, _ = thermo(me, tg, 4, True); rn = kn*tn**4
        rz, pz, dz, _ = thermo(M, tn, 3, False)
        coef = (1 + 4*s2 + 8*s2*s2) + 2*(1 - 4*s2 + 8*s2*s2)
        P = GF**2/math.pi**5*coef*(32*0.884*(tg**9 - tn**9) + 56*0.829*tg**4*tn**4*(tg - tn))
        H = math.sqrt(8*math.pi*(rg + re + rn + rz)/3)/MPl
        dtn = -(4*H*rn + 3*H*(rz + pz) - P)/(4*rn/tn + dz)
        dtg = -(4*H*rg + 3*H*(re + pe) + P)/(4*rg/tg + de)
        return [dtg/6.582119569e-25, dtn/6.582119569e-25]   # per second
    T0 = 0.01
    rho0 = math.pi**2/15*T0**4 + thermo(me, T0, 4, True)[0] + kn*T0**4 + thermo(M, T0, 3, False)[0]
    t0 = 1/(2*math.sqrt(8*math.pi*rho0/3)/MPl)*6.582119569e-25
    ev = lambda t, y: y[0] - 1e-6
    ev.terminal = True
    sol = integrate.solve_ivp(rhs, (t0, 1e9), [T0, T0], method="BDF", rtol=1e-8, atol=1e-16, events=ev)
    tg, tn = sol.y[0, -1], sol.y[1, -1]
    return 8/7*(11/4)**(4/3)*kn*tn**4/(math.pi**2/15*tg**4)

if __name__ == "__main__":
    which = sys.argv[1]
    start = time.perf_counter()
    value = {"na64mu": na64, "trident": trident, "neff": neff}[which]()
    print(value, time.perf_counter() - start)
