"""Independent 50-digit reference for the exact photon-Z-Z' mixing (GaugeBosonMixingTests).

No closed form is used: the kinetic matrix K = [[1, 0, -eps_k], [0, 1, 0], [-eps_k, 0, 1]] and the
mass matrix M^2 = (v^2/4) u u^T + diag(0, 0, m_B'^2), u = (g', -g, 2 g_X X_H), in the (B, W3, X)
basis define the generalised eigenproblem M^2 w = lambda K w (solved by Cholesky reduction and
mp.eigsy); m_B'^2 is found with mp.findroot so that one eigenvalue is m_Z'^2; w is normalised to
w^T K w = 1 with a positive X component; the coupling of a chiral field is (g' Y, g T3, g_X X) . w.

Electroweak scheme (alpha(0), G_F, m_Z): e = sqrt(4 pi alpha), s^2 c^2 = pi alpha/(sqrt2 G_F m_Z^2),
g = e/s, g' = e/c, v = (sqrt2 G_F)^(-1/2). eps_k = eps/sqrt(c^2 + eps^2).
Run: python3 gauge_mixing.py  (prints the Swift Case literals).
"""
from mpmath import mp, mpf, sqrt, pi, matrix, eigsy, findroot, cholesky, inverse

mp.dps = 50
alpha = 1 / mpf("137.035999177")
GF = mpf("1.1663788e-5")
mZ = mpf("91.1880")
e = sqrt(4 * pi * alpha)
prod = pi * alpha / (sqrt(2) * GF * mZ**2)
s2 = (1 - sqrt(1 - 4 * prod)) / 2
c2 = 1 - s2
s, c = sqrt(s2), sqrt(c2)
g, gp = e / s, e / c
v = 1 / sqrt(sqrt(2) * GF)

fields = [("eL", -0.5, -0.5), ("eR", 0, -1), ("nuL", 0.5, -0.5), ("uL", 0.5, mpf(1) / 6), ("uR", 0, mpf(2) / 3),
          ("dL", -0.5, mpf(1) / 6), ("dR", 0, -mpf(1) / 3), ("NR", 0, 0)]
bl = [-1, -1, -1, mpf(1) / 3, mpf(1) / 3, mpf(1) / 3, mpf(1) / 3, -1]
higgs = [0, -2, 0, 0, 1, 0, -1, 1]
none = [0] * 8

cases = [
    ("dark photon eps=1e-3 m=1", "1e-3", "0", 0, "1", none),
    ("dark photon eps=1e-2 m=50", "1e-2", "0", 0, "50", none),
    ("dark photon eps=1e-2 m=200", "1e-2", "0", 0, "200", none),
    ("B-L g=1e-2 eps=-3e-3 m=80", "-3e-3", "1e-2", 0, "80", bl),
    ("X_H = 1, g=1e-3, eps=0, m=10", "0", "1e-3", 1, "10", higgs),
    ("X_H = 1, g=1e-3, eps=2e-3, m=150", "2e-3", "1e-3", 1, "150", higgs),
    ("dark photon eps=1e-3 m=90", "1e-3", "0", 0, "90", none),
    ("dark photon eps=1e-2 m=92", "1e-2", "0", 0, "92", none),
]


def eigen(eps_k, gx, xh, mb2):
    K = matrix([[1, 0, -eps_k], [0, 1, 0], [-eps_k, 0, 1]])
    u = matrix([gp, -g, 2 * gx * xh])
    M = (v**2 / 4) * (u * u.T)
    M[2, 2] += mb2
    L = cholesky(K)
    Li = inverse(L)
    A = Li * M * Li.T
    E, Q = eigsy(A)
    W = Li.T * Q
    return E, W


for name, eps, gx, xh, mass, charges in cases:
    eps, gx, mass = mpf(eps), mpf(gx), mpf(mass)
    eps_k = eps / sqrt(c2 + eps**2)
    target = mass**2

    def closest(mb2):
        E, _ = eigen(eps_k, gx, xh, mb2)
        # the eigenvalue that is X-like: the one continuously connected to mb2 (not the photon 0 or the Z)
        values = sorted([E[i] for i in range(3)])
        zlike = min(values[1:], key=lambda x: abs(x - mZ**2))
        other = [x for x in values[1:] if x is not zlike][0] if values[1] != values[2] else values[1]
        return other - target

    mb2 = findroot(closest, target * (1 + eps**2))
    E, W = eigen(eps_k, gx, xh, mb2)
    idx = min(range(3), key=lambda i: abs(E[i] - target))
    w = [W[j, idx] for j in range(3)]
    K = matrix([[1, 0, -eps_k], [0, 1, 0], [-eps_k, 0, 1]])
    wv = matrix(w)
    norm = sqrt((wv.T * K * wv)[0])
    w = [x / norm for x in w]
    if w[2] < 0:
        w = [-x for x in w]
    couplings = [gp * y * w[0] + g * t3 * w[1] + gx * x * w[2] for (fname, t3, y), x in zip(fields, charges)]
    zidx = [i for i in range(3) if i != idx and abs(E[i]) > mpf("1e-20")]
    zmass = sqrt(E[zidx[0]]) if zidx else mZ
    # the bare mass m_B' of the X-breaking sector is the entry of M^2 itself
    bare = sqrt(mb2)
    print(f'        Case(name: "{name}", eps: {mp.nstr(eps, 5)}, g: {mp.nstr(gx, 5)}, xh: {xh}, mass: {mp.nstr(mass, 5)}, charges: ...,')
    print("             couplings: [" + ", ".join(mp.nstr(x, 17) for x in couplings) + "],")
    print(f"             bareMass: {mp.nstr(bare, 17)}, zMass: {mp.nstr(zmass, 17)}),")
