#!/usr/bin/env python3
"""The leading-order mixing matrices printed with the seed model (Hati, Kriewald, Orloff, Teixeira,
JHEP 07 (2020) 235; the backup slides "Charged lepton masses" and "Neutrino masses" of the authors'
talks) against the exact numerical ones of `zprime spectrum` (Jacobi SVD, Takagi factorization).

Prints markdown tables (docs/seed-model.md quotes them) for
  1. a hierarchical point, v, v_X << M_L << M_E, where the expansions should hold;
  2. the slides' benchmark M_L = M_E = 90 GeV, lambda = M/v_X (r = 1), where they cannot.
Entries are compared in magnitude (the numerics fix the phases of their own columns; the slides'
columns have positive diagonals). The printed formulas are typed in below from the slides; the
"corrected" column uses the expansion of the two entries that do not follow from the matrix.

Usage (package root, after `swift build -c release`):
    python3 docs/seed-model/leading_order.py [path/to/zprime]
"""
import json
import math
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "release", "zprime")
S2 = math.sqrt(2)


def numerics(p):
    args = [BINARY, "spectrum", "b-l-vll", "--generation", "mu", "--lambda-l", repr(p["lL"]), "--lambda-e", repr(p["lE"]),
            "--ml", repr(p["ML"]), "--me", repr(p["ME"]), "--h", repr(p["h"]), "--k", repr(p["k"]), "--v-x", repr(p["vX"]),
            "--eps-bl", "2e-3", "--eps", "-8e-4", "--m-hx", "70", "--y-nu", repr(p["ynu"]), "--y-m", repr(p["yM"]), "--format", "json"]
    if "y" in p:
        args += ["--y", repr(p["y"])]
    out = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def slides(p, v, corrected):
    """U_L, U_R, U_nu as printed on the slides (corrected=True: U_L(3,1) and U_R(1,2) expanded)."""
    y, lL, lE, ML, ME, h, k, vX = p["y"], p["lL"], p["lE"], p["ML"], p["ME"], p["h"], p["k"], p["vX"]
    tL, tE = lL * vX / ML, lE * vX / ME
    lhk = (k * ME * ML + h * (ME**2 + ML**2)) * v / (S2 * ME**3)
    khk = (h * ME * ML + k * (ME**2 + ML**2)) * v / (S2 * ME**3)
    u31 = (h * lL * ME - lE * ML * y) * v * vX / ((2 * ML * ME**2) if corrected else (4 * ME**3))
    UL = [[1 - tL**2 / 4, tL / S2 - tL**3 / (4 * S2), (k * lL * ME + h * lL * ML + lE * ME * y) * v * vX / (2 * ME**3)],
          [tL**3 / (4 * S2) - tL / S2, 1 - tL**2 / 4, lhk],
          [u31, -lhk, 1]]
    first = (lL * y if corrected else lL) * v * vX / (2 * ML**2)
    UR = [[1 - tE**2 / 4, first - lE * (k * ME * ML + h * (ME**2 + ML**2)) * v * vX / (2 * ME**3 * ML), tE / S2 - tE**3 / (4 * S2)],
          [(h * lE * ML - lL * ME * y) * v * vX / (2 * ME * ML**2), 1, khk],
          [tE**3 / (4 * S2) - tE / S2, -khk, 1 - tE**2 / 4]]
    w = v * p["ynu"] / (vX * p["yM"])
    Unu = [[1 - tL**2 / 4 - w**2 / 2, w, tL / 2, tL / 2],
           [-w, 1 - w**2 / 2, 0, 0],
           [-tL / S2, -lL * v * p["ynu"] / (S2 * ML * p["yM"]), 1 / S2 - tL**2 / (4 * S2), 1 / S2 - tL**2 / (4 * S2)],
           [0, 0, -1 / S2, 1 / S2]]
    return UL, UR, Unu


def table(name, numeric, printed, corrected, columns):
    print(f"\n{name}: |numerics| against the slides' entries")
    print("\n| entry | numerics | slides, as printed | printed/numerics | corrected/numerics |")
    print("| --- | --- | --- | --- | --- |")
    for i in range(len(printed)):
        for j in columns:
            a = abs(numeric[i][j])
            b, c = abs(printed[i][j]), abs(corrected[i][j])
            ratio = lambda x: "-" if a < 1e-30 else f"{x / a:.4g}"
            print(f"| ({i + 1},{j + 1}) | {a:.6e} | {b:.6e} | {ratio(b)} | {ratio(c)} |")


def run(title, p):
    d = numerics(p)
    p = dict(p)
    p["y"] = d["y"]
    v = (S2 * 1.1663788e-5) ** -0.5  # (sqrt2 G_F)^(-1/2), the electroweak scheme of zprime
    mix = d["mixing"]
    UL, UR = mix["U_L"], mix["U_R"]
    Unu = [[math.hypot(a, b) for a, b in zip(ra, rb)] for ra, rb in zip(mix["U_nu_real"], mix["U_nu_imaginary"])]
    pl, pr, pn = slides(p, v, False)
    cl, cr, cn = slides(p, v, True)
    print(f"\n### {title}\n")
    print(f"inputs: {', '.join(f'{k} = {val:g}' for k, val in p.items())}; charged masses {', '.join(f'{m:.6g}' for m in d['charged_masses'])} GeV")
    table("U_L", UL, pl, cl, range(3))
    table("U_R", UR, pr, cr, range(3))
    # The L^0 Dirac pair is degenerate: only the weight of each field in the pair is defined.
    print("\nU_nu: light and N_R columns entry by entry, the L^0 pair by the weight |U_a3|^2 + |U_a4|^2")
    print("\n| entry | numerics | slides | slides/numerics |")
    print("| --- | --- | --- | --- |")
    for a in range(4):
        for j in range(2):
            x, z = Unu[a][j], abs(pn[a][j])
            print(f"| ({a + 1},{j + 1}) | {x:.6e} | {z:.6e} | {'-' if x < 1e-30 else f'{z / x:.4g}'} |")
        x = Unu[a][2]**2 + Unu[a][3]**2
        z = pn[a][2]**2 + pn[a][3]**2
        print(f"| ({a + 1}, pair) | {x:.6e} | {z:.6e} | {z / x:.4g} |")
    r = (p["lL"] * p["vX"] / p["ML"]) ** 2
    quoted = p["ynu"]**2 * v**2 / (p["vX"] * p["yM"])
    seesaw = p["ynu"]**2 * v**2 / (S2 * p["yM"] * p["vX"] * (1 + r / 2))
    print(f"\nlightest neutrino: numerics {d['neutral_masses'][0]:.6e} GeV; quoted y_nu^2 v^2/(v_X y_M) = {quoted:.6e} GeV "
          f"(ratio {quoted / d['neutral_masses'][0]:.5f}); y_nu^2 v^2/(sqrt2 y_M v_X (1 + r/2)) = {seesaw:.6e} GeV (ratio {seesaw / d['neutral_masses'][0]:.7f})")


run("Hierarchical point (v, v_X << M_L << M_E)",
    {"lL": 0.3, "lE": 0.2, "ML": 1000.0, "ME": 1e5, "h": 1e-3, "k": 2e-3, "vX": 14.0, "ynu": 1e-7, "yM": 1.0, "y": 1e-3})
run("The slides' benchmark (M_L = M_E = 90 GeV, lambda = M/v_X, r = 1)",
    {"lL": 90 / 14, "lE": 90 / 14, "ML": 90.0, "ME": 90.0, "h": 1e-6, "k": 1e-7, "vX": 14.0, "ynu": 1e-7, "yM": 1.0})
