# Reference values for NeutrinoTrident: sigma(nu gamma -> nu mu mu)(s) of the SM at leading log
# (collinear muon with the density at the scale Q^2, see NeutrinoTrident.swift), by mpmath (20
# digits) in variables independent of the Swift rules (z and y = Q^2/s' linear, not ln Q^2).
# Also the heavy-Z' CCFR edge for L_mu - L_tau and a left-handed-doublet Z' (seed statement).
import mpmath as mp
mp.mp.dps = 20
alpha = 1/mp.mpf('137.035999177'); GF = mp.mpf('1.1663788e-5'); m = mp.mpf('105.6583755e-3'); s2 = mp.mpf('0.23857')
cv, ca = mp.mpf(1)/2 + 2*s2, mp.mpf(1)/2
gL, gR = cv + ca, cv - ca
def sigma_nugamma(s):
    s = mp.mpf(s)
    def zint(z):
        sp = z*s
        if sp <= m*m: return mp.mpf(0)
        yl = m*m/sp
        f = lambda y: sp*mp.log(y*sp/(m*m))*((gL**2 + gR**2*(1 - y)**2) + (gR**2 + gL**2*(1 - y)**2))
        return (z*z + (1 - z)**2)*mp.quad(f, [yl, 1])
    total = mp.quad(zint, [m*m/s, 1])
    return alpha/(2*mp.pi)*GF**2/mp.pi*mp.mpf(1)/4*total
v2 = 1/(mp.sqrt(2)*GF)
def edge(kind, bound):
    # contact ratio [(cv+dv)^2 + (ca+da)^2]/(cv^2+ca^2) = bound; dv = v^2 g^2/m^2 (vector, L_mu - L_tau),
    # or dv = da = v^2 g^2/(2 m^2) (Z' coupled with g to the doublet (nu_mu, mu_L) only)
    if kind == "vector":
        f = lambda x: ((cv + x)**2 + ca**2)/(cv**2 + ca**2) - bound   # x = v^2 g^2/m^2
    else:
        f = lambda x: ((cv + x/2)**2 + (ca + x/2)**2)/(cv**2 + ca**2) - bound
    x = mp.findroot(f, 0.1)
    return mp.sqrt(x/v2)   # g/m in GeV^-1
if __name__ == "__main__":
    for s in ['0.5', '5', '50']:
        print(s, mp.nstr(sigma_nugamma(s), 15))
    b = mp.mpf('0.82') + mp.mpf('1.96')*mp.mpf('0.28')
    for k in ["vector", "left"]:
        gm = edge(k, b)
        print(k, "g/m =", mp.nstr(gm, 12), "GeV^-1, m/g =", mp.nstr(1/gm, 8), "GeV")
