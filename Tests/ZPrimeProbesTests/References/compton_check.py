# Numerical 2->2 squared amplitudes for gamma(q) mu(p) -> mu(p') V(k) with vector or axial coupling,
# from explicit Dirac matrices (no algebra by hand); used to check the bremsstrahlung factor F(x, U).
import numpy as np, itertools
rng = np.random.default_rng(1)
I2 = np.eye(2); Z2 = np.zeros((2, 2))
sig = [np.array([[0, 1], [1, 0]]), np.array([[0, -1j], [1j, 0]]), np.array([[1, 0], [0, -1]])]
g0 = np.block([[I2, Z2], [Z2, -I2]]).astype(complex)
gs = [np.block([[Z2, s], [-s, Z2]]).astype(complex) for s in sig]
G = [g0] + gs
g5 = 1j * G[0] @ G[1] @ G[2] @ G[3]
metric = np.diag([1., -1., -1., -1.])
def sl(p): return sum(metric[m, m] * p[m] * G[m] for m in range(4))
def dot(a, b): return a[0]*b[0] - a[1:]@b[1:]
def amp2(m, M, sqrt_s, cos_t, axial):
    # CM frame: photon along +z, lepton along -z; V at angle theta
    s = sqrt_s**2
    Eq = (s - m*m)/(2*sqrt_s); q = np.array([Eq, 0, 0, Eq]); p = np.array([sqrt_s - Eq, 0, 0, -Eq])
    kk = np.sqrt((s - (m+M)**2)*(s - (m-M)**2))/(2*sqrt_s)
    st = np.sqrt(1 - cos_t**2)
    k = np.array([np.sqrt(kk*kk + M*M), kk*st, 0, kk*cos_t]); pp = p + q - k
    one = np.eye(4)
    Gam = [G[n] @ g5 if axial else G[n] for n in range(4)]
    S1 = (sl(p + q) + m*one)/(dot(p+q, p+q) - m*m); S2 = (sl(p - k) + m*one)/(dot(p-k, p-k) - m*m)
    total = 0.0
    Pnu = -metric + np.outer(metric @ k, metric @ k)/(M*M)   # -g_{nu nu'} + k_nu k_nu'/M^2 (lower indices)
    O = [[Gam[n] @ S1 @ G[mu] + G[mu] @ S2 @ Gam[n] for mu in range(4)] for n in range(4)]
    bar = lambda A: g0 @ A.conj().T @ g0
    for n, n2 in itertools.product(range(4), range(4)):
        if abs(Pnu[n, n2]) < 1e-300: continue
        for mu in range(4):
            tr = np.trace((sl(pp) + m*one) @ O[n][mu] @ (sl(p) + m*one) @ bar(O[n2][mu]))
            total += -metric[mu, mu] * Pnu[n, n2] * tr.real
    st_ = s - m*m; ut = dot(p-k, p-k) - m*m; t2 = dot(pp-p, pp-p)
    return total, st_, ut, t2
def F(m, M, x, U):
    J = 2*(2 - 2*x + x*x)/(1 - x); K = 4*(M*M + 2*m*m)*x; L = 4*(M*M + 2*m*m)*(M*M*(1 - x) + m*m*x*x)
    return J/U**2 - K/U**3 + L/U**4
if __name__ == "__main__":
    m = 0.1056583755
    for (M, rs, c) in [(0.01, 3.0, 0.3), (0.05, 1.0, -0.5), (0.3, 2.0, 0.9), (1.0, 5.0, 0.0)]:
        a, s_, u_, t_ = amp2(m, M, rs, c, False)
        x = 1 + u_/s_; U = -u_
        print("vector", M, rs, c, a/(U*U*F(m, M, x, U)))

def F_axial(m, M, x, U):
    """The axial factor from the polynomial fitted by fit_axial.py, in the grouped form used in Swift."""
    m2, M2 = m*m, M*M
    w = x*U/(1 - x); p = -U*U/(1 - x)
    P = (-16*m2*p*w*w + M2*(-64*m2*m2*w*w - 64*m2*p*w - 8*p*(w*w - 2*p))
         + M2*M2*(16*m2*(w*w + 4*p) + 16*p*w) - 16*M2**3*p)
    return P/(4*U*U*p*p*M2)

def axial_points():
    """(M, sqrt_s, cos_theta) -> (x, U, sum|M|^2_A/(4 U^2)) at muon kinematics, from the Dirac matrices."""
    m = 0.1056583755
    out = []
    for (M, rs, c) in [(0.005, 0.5, 0.2), (0.02, 1.0, -0.4), (0.1, 2.0, 0.6), (0.5, 3.0, 0.0), (2.0, 6.0, -0.8)]:
        a, s_, u_, t_ = amp2(m, M, rs, c, True)
        x = 1 + u_/s_; U = -u_
        out.append((M, x, U, a/(4*U*U)))
    return out

if __name__ == "__main__":
    for M, x, U, f in axial_points():
        print("axial", M, repr(x), repr(U), repr(f), f/F_axial(0.1056583755, M, x, U))
