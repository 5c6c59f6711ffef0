#!/usr/bin/env python3
"""An independent Python implementation of the DarkCast v2.1 width model (arXiv:1801.04847,
2206.08563), written from the description in Sources/ZPrimeDecays/DarkCastData/manifest.json
(section "width_model" and "parameters"); no DarkCast code is used.

Two uses:
  * the same-run baseline of the decays benchmark (Benchmarks/decays/run.sh): a plain scalar
    Python evaluation of the total width and all branching ratios at N masses, like DarkCast;
  * reference values of "the method of 1801.04847" for the ZPrime agreement tests
    (`python3 darkcast_method.py references`), printed as Swift literals.

Models are DarkCast-style tables of (vector, axial) couplings per fermion for a global coupling
of 1; the widths scale as the coupling squared. `neutrino_factor` is DarkCast's neutrino "colour
factor": 1 in v2.1, 1/2 in v1.1 (= left-handed neutrinos, Gamma = x^2 m/(24 pi) per flavour).
"""
import json
import math
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "Sources", "ZPrimeDecays", "DarkCastData")


class Grid:
    """Linear interpolation, end values held outside the range (manifest 'file_format')."""

    def __init__(self, path):
        xs, ys = [], []
        with open(path) as handle:
            for line in handle:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                a, b = line.split()
                xs.append(float(a))
                ys.append(float(b))
        self.xs, self.ys = xs, ys

    def __call__(self, m):
        xs, ys = self.xs, self.ys
        if m <= xs[0]:
            return ys[0]
        if m >= xs[-1]:
            return ys[-1]
        lo, hi = 0, len(xs) - 1
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if xs[mid] <= m:
                lo = mid
            else:
                hi = mid
        f = (m - xs[lo]) / (xs[hi] - xs[lo])
        return ys[lo] + f * (ys[hi] - ys[lo])


class DarkCastWidths:
    def __init__(self, neutrino_factor=1.0):
        with open(os.path.join(DATA, "manifest.json")) as handle:
            manifest = json.load(handle)
        p = manifest["parameters"]
        self.e = p["constants"]["e"]
        self.hbar = p["constants"]["hbar_GeV_s"]
        self.masses = p["fermion_masses_GeV"]
        self.colours = dict(p["colour_factors"])
        for nu in ("nue", "numu", "nutau"):
            self.colours[nu] = neutrino_factor
        self.rv = p["R_V_prefactors"]
        self.tv = p["meson_generators_diag_u_d_s"]
        self.cphi = p["axial_phase_cphi"]
        self.mk2 = p["kaon_threshold_for_strange_axial_GeV"]
        self.channels = {
            "pi+_pi-": ["rho0"], "pi+_pi-_pi0": ["omega", "phi", "omega_phi"], "pi+_pi-_pi+_pi-": ["rho0"],
            "pi+_pi-_pi0_pi0": ["rho0"], "K_K": ["phi"], "K_K_pi": ["phi"], "pi0_gamma": ["omega"],
            "other": ["rho0", "omega", "phi"],
        }
        self.grids = {(f, c): Grid(os.path.join(DATA, "rf.%s.%s.dat" % (f, c))) for f, cs in self.channels.items() for c in cs}
        self.a1 = Grid(os.path.join(DATA, "sf.u_d.a.dat"))
        self.a1s = Grid(os.path.join(DATA, "sf.s.a.dat"))

    def fermion(self, m, f, x, a):
        mf = self.masses[f]
        if m <= 2 * mf:
            return 0.0
        r = mf * mf / (m * m)
        return self.colours[f] * m / (12 * math.pi) * (x * x * (1 + 2 * r) + a * a * (1 - 4 * r)) * math.sqrt(1 - 4 * r)

    def widths(self, m, model):
        """model: {fermion: (vector, axial)} with callables allowed (functions of m)."""
        c = {f: tuple(v(m) if callable(v) else v for v in pair) for f, pair in model.items()}
        out = {}
        for f in ("e", "mu", "tau", "nue", "numu", "nutau", "c", "b", "t"):
            out[f] = self.fermion(m, f, c[f][0], c[f][1])
        q = [c["u"][0], c["d"][0], c["s"][0]]
        weights = {v: self.rv[v] * sum(t * x for t, x in zip(self.tv[v], q)) for v in ("rho0", "omega", "phi")}
        hadrons = 0.0
        for final, comps in self.channels.items():
            r = 0.0
            for comp in comps:
                g = self.grids[(final, comp)](m)
                if comp == "omega_phi":
                    r += 2 * weights["omega"] * weights["phi"] * g
                else:
                    r += weights[comp] ** 2 * g
            out[final] = m / (12 * math.pi) * r
            hadrons += out[final]
        au, ad, as_ = c["u"][1], c["d"][1], c["s"][1]
        a1 = self.a1(m)
        axial = (au - ad) ** 2 * a1
        if m > self.mk2:
            a1s = self.a1s(m)
            axial += as_ ** 2 * (a1 / 4 + a1s - self.cphi * math.sqrt(a1 * a1s))
        out["hadrons_axial"] = m / (4 * math.pi) * axial
        out["hadrons"] = hadrons + out["hadrons_axial"]
        has_axial = any(abs(pair[1]) > 0 for pair in c.values())
        me = self.masses["e"]
        if m <= 2 * me and not has_axial:
            x, a = c["e"]
            out["photons"] = (x * x + a * a) * self.e ** 6 / (4 * math.pi) ** 4 / (2 ** 7 * 3 ** 6 * 5 ** 2 * math.pi ** 3) \
                * m ** 9 / me ** 8 * (17 / 5 + 67 / 42 * (m / me) ** 2 + 128941 / 246960 * (m / me) ** 4)
        else:
            out["photons"] = 0.0
        out["nu"] = out["nue"] + out["numu"] + out["nutau"]
        out["total"] = sum(out[k] for k in ("e", "mu", "tau", "nu", "c", "b", "t", "hadrons", "photons"))
        return out


def loop_mixing_mu_tau(m, e=0.302822, m0=0.10566, m1=1.77682):
    """|eps| of the (mu, tau) loop at q^2 = m^2 for g = 1 as used by DarkCast's L_i - L_j models:
    e^2/(2 pi^2) |Int x(1-x) ln[(m0^2 - x(1-x) m^2 - i0)/(m1^2 - x(1-x) m^2 - i0)]| (Gauss-Legendre)."""
    import numpy as np
    x, w = np.polynomial.legendre.leggauss(400)
    total = 0j
    # split at the branch points for accuracy
    edges = [0.0, 1.0]
    for mf in (m0, m1):
        if m > 2 * mf:
            r = math.sqrt(1 - 4 * mf * mf / (m * m))
            edges += [(1 - r) / 2, (1 + r) / 2]
    edges = sorted(edges)
    for a, b in zip(edges[:-1], edges[1:]):
        xs = 0.5 * (b - a) * x + 0.5 * (b + a)
        ws = 0.5 * (b - a) * w
        f = xs * (1 - xs) * (np.log((m0 * m0 - xs * (1 - xs) * m * m) + 0j - 1e-300j) - np.log((m1 * m1 - xs * (1 - xs) * m * m) + 0j - 1e-300j))
        total += np.sum(ws * f)
    return abs(e * e / (2 * math.pi ** 2) * total)


def models(e=0.302822):
    third = 1.0 / 3.0
    lmt = lambda m: loop_mixing_mu_tau(m, e)
    return {
        "dark-photon": {"e": (-e, 0), "mu": (-e, 0), "tau": (-e, 0), "nue": (0, 0), "numu": (0, 0), "nutau": (0, 0),
                        "u": (2 * e / 3, 0), "d": (-e / 3, 0), "s": (-e / 3, 0), "c": (2 * e / 3, 0), "b": (-e / 3, 0), "t": (2 * e / 3, 0)},
        "B-L": {"e": (-1, 0), "mu": (-1, 0), "tau": (-1, 0), "nue": (-1, 0), "numu": (-1, 0), "nutau": (-1, 0),
                "u": (third, 0), "d": (third, 0), "s": (third, 0), "c": (third, 0), "b": (third, 0), "t": (third, 0)},
        "B": {"e": (0, 0), "mu": (0, 0), "tau": (0, 0), "nue": (0, 0), "numu": (0, 0), "nutau": (0, 0),
              "u": (third, 0), "d": (third, 0), "s": (third, 0), "c": (third, 0), "b": (third, 0), "t": (third, 0)},
        "protophobic": {"e": (-1, 0), "mu": (-1, 0), "tau": (-1, 0), "nue": (0, 0), "numu": (0, 0), "nutau": (0, 0),
                        "u": (-third, 0), "d": (2 * third, 0), "s": (2 * third, 0), "c": (-third, 0), "b": (2 * third, 0), "t": (-third, 0)},
        "Lmu-Ltau": {"e": (lambda m: -lmt(m), 0), "mu": (1, 0), "tau": (-1, 0), "nue": (0, 0), "numu": (1, 0), "nutau": (-1, 0),
                     "u": (lambda m: 2 * lmt(m) / 3, 0), "d": (lambda m: -lmt(m) / 3, 0), "s": (lambda m: -lmt(m) / 3, 0),
                     "c": (lambda m: 2 * lmt(m) / 3, 0), "b": (lambda m: -lmt(m) / 3, 0), "t": (lambda m: 2 * lmt(m) / 3, 0)},
    }


def benchmark(n=1000, lower=0.001, upper=10.0, repeats=3):
    """Total width and all branching ratios of B-L at n log-spaced masses (as `zprime decays
    --model B-L --masses lower:upper:n --benchmark`). Prints the best time in seconds as JSON."""
    dc = DarkCastWidths(neutrino_factor=0.5)
    model = models()["B-L"]
    masses = [lower * (upper / lower) ** (k / (n - 1)) for k in range(n)]
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        checksum = 0.0
        for m in masses:
            w = dc.widths(m, model)
            total = w["total"]
            brs = {k: (v / total if total > 0 else 0.0) for k, v in w.items()}
            checksum += total + sum(brs.values())
        best = min(best, time.perf_counter() - t0)
    print(json.dumps({"python_darkcast_method_seconds": best, "masses": n, "checksum": checksum}))


KEYS = ["e", "mu", "tau", "nu", "hadrons", "photons", "pi+_pi-", "pi+_pi-_pi0", "pi+_pi-_pi+_pi-", "pi+_pi-_pi0_pi0", "K_K", "K_K_pi", "pi0_gamma", "other"]


def references():
    """Reference widths of the DarkCast method (left-handed neutrino factor 1/2, DarkCast
    constants) at masses below 1.7 GeV, printed as Swift test literals (g = 1, eps = 1)."""
    dc = DarkCastWidths(neutrino_factor=0.5)
    masses = [0.0005, 0.005, 0.05, 0.15, 0.3, 0.5, 0.7, 0.78, 0.9, 1.02, 1.2, 1.5, 1.69]
    for name, model in models().items():
        print("// %s" % name)
        for m in masses:
            w = dc.widths(m, model)
            vals = ", ".join("%.10e" % w[k] for k in ["total"] + KEYS)
            print('("%s", %s, [%s]),' % (name, repr(m), vals))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "references":
        references()
    else:
        n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
        benchmark(n)
