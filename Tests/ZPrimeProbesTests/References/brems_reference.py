# Reference values of d sigma/dx for mu Pb -> mu Pb Z' (WW with the angle-dependent t_min) by a direct
# two-dimensional numerical integration in mpmath (25 digits) over ln U and ln t, independent of the
# Swift quadrature. Formula and form factors as documented in MuonBremsstrahlung.swift / PhotonFlux.swift.
# Output: the rows of BremsstrahlungReferenceTests (M, x, vector weight, axial weight, dsigma/dx in GeV^-2).
import mpmath as mp
from compton_check import F, F_axial
mp.mp.dps = 25
alpha = 1/mp.mpf('137.035999177'); me = mp.mpf('0.51099895069e-3'); mmu = mp.mpf('105.6583755e-3')
mp_p = mp.mpf('0.93827208816'); mu_p = mp.mpf('2.79284734463')
Z, A = 82, mp.mpf('207.2')
a = 111*mp.power(Z, mp.mpf(-1)/3)/me; ap = 773*mp.power(Z, mp.mpf(-2)/3)/me
ta, td, tai = 1/a**2, mp.mpf('0.164')*mp.power(A, mp.mpf(-2)/3), 1/ap**2
def G2(t):
    el = Z**2*(t/(ta + t))**2/(1 + t/td)**2
    mag = (1 + t*(mu_p**2 - 1)/(4*mp_p**2))/(1 + t/mp.mpf('0.71'))**4
    return el + Z*(t/(tai + t))**2*mag**2
def chi(tmin, tmax):
    if tmin >= tmax: return mp.mpf(0)
    pts = sorted(set([mp.log(tmin), mp.log(tmax)] + [mp.log(v) for v in (ta, td, tai, mp.mpf('0.71')) if tmin < v < tmax]))
    return mp.quad(lambda y: (mp.e**y - tmin)/mp.e**y*G2(mp.e**y), pts)
def dsdx(M, x, vec, ax, E=160, thmax=mp.mpf('0.3')):
    M = mp.mpf(M); x = mp.mpf(x)
    umin = M**2*(1 - x)/x + mmu**2*x; umax = umin + x*E**2*thmax**2
    beta = mp.sqrt(1 - (M/(x*E))**2); tmax = M**2 + mmu**2
    def integrand(y):
        u = mp.e**y
        tm = (u/(2*E*(1 - x)))**2
        amp = vec*F(mmu, M, x, u) + (ax*F_axial(mmu, M, x, u) if ax else 0)
        return u*alpha**3*(1 - x)*beta*chi(tm, tmax)*amp
    lo, hi = mp.log(umin), mp.log(umax)
    return mp.quad(integrand, mp.linspace(lo, hi, 6))
if __name__ == "__main__":
    for (M, x, v, ax) in [(0.01, 0.5, 1, 0), (0.1, 0.3, 1, 0), (0.1, 0.8, 1, 0), (1.0, 0.6, 1, 0), (0.05, 0.5, 0, 1), (0.2, 0.95, 1, 0)]:
        print(f"({M}, {x}, {v}, {ax}, {mp.nstr(dsdx(M, x, v, ax), 12)}),")
