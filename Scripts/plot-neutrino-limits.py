#!/usr/bin/env python3
"""Draws docs/figures/lmu-ltau-neutrino-limits.svg: the 90 % CL exclusion curves of the measured
neutrino-scattering results (COHERENT CsI 2017, CsI 2021, LAr 2020, Borexino 7Be) for U(1)_{L_mu - L_tau}
in the (m, g) plane, with the 2021 (g-2)_mu band (2 sigma) and the two benchmark points of the README.

Every number comes from the zprime binary (`zprime neutrino-limits --masses ... --format csv` and
`zprime observables ... --format json`); this script only draws. A minimal hand-written SVG (log axes,
decade ticks), rendered to PNG with rsvg-convert.
Usage: Scripts/plot-neutrino-limits.py [BINARY]   (default .build/release/zprime)
"""
import csv
import io
import json
import math
import os
import subprocess
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
os.chdir(root)
binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/zprime"
masses = "0.001:1:50"
out = subprocess.run([binary, "neutrino-limits", "--model", "Lmu-Ltau", "--coupling", "1e-3", "--masses", masses, "--format", "csv"],
                     check=True, capture_output=True, text=True).stdout
curves = {}
for row in csv.DictReader(io.StringIO(out)):
    if not row["coupling_lower"]:
        continue
    curves.setdefault(row["constraint"], []).append((float(row["mass"]), float(row["coupling_lower"]),
                                                     float(row["coupling_upper"]) if row["coupling_upper"] else None))
band = []
a, b, n = 0.001, 1.0, 25
for i in range(n):
    m = a * (b / a) ** (i / (n - 1))
    d = json.loads(subprocess.run([binary, "observables", "--model", "Lmu-Ltau", "--mass", repr(m), "--coupling", "1e-3",
                                   "--dataset", "2021", "--format", "json"], check=True, capture_output=True, text=True).stdout)
    bnd = d["g2"]["mu"]["band"]
    band.append((m, bnd["lower"]["coupling"], bnd["upper"]["coupling"]))

W, H, L, R, T, B = 760, 560, 90, 30, 30, 70
xmin, xmax, ymin, ymax = 1e-3, 1.0, 1e-5, 1e-1
def X(m): return L + (math.log10(m) - math.log10(xmin)) / (math.log10(xmax) - math.log10(xmin)) * (W - L - R)
def Y(g): return H - B - (math.log10(g) - math.log10(ymin)) / (math.log10(ymax) - math.log10(ymin)) * (H - T - B)
colours = {"COHERENT-CsI-2017": "#4c72b0", "COHERENT-CsI-2021": "#55a868", "COHERENT-LAr-2020": "#c44e52", "Borexino-7Be-2018": "#8172b2"}
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="14">',
       f'<rect width="{W}" height="{H}" fill="white"/>',
       f'<clipPath id="plot"><rect x="{L}" y="{T}" width="{W - L - R}" height="{H - T - B}"/></clipPath>']
# g-2 band (filled, no stroke).
upper = " ".join(f"{X(m):.2f},{Y(u):.2f}" for m, _, u in band)
lower = " ".join(f"{X(m):.2f},{Y(l):.2f}" for m, l, _ in reversed(band))
svg.append(f'<polygon points="{upper} {lower}" fill="#dd8452" fill-opacity="0.45" stroke="none" clip-path="url(#plot)"/>')
# Excluded regions. At a mass a constraint may exclude [g1, g2] and [g3, top]: between g2 and g3 the Z'
# amplitude flips the sign of the weak charge (Q ~ -Q_W) and the rate returns to the SM's. The solid line
# is the lowest excluded coupling g1, dashed lines the edges g2, g3 of such an allowed band.
by_mass = {}
for name, rows in curves.items():
    for m, l, u in rows:
        by_mass.setdefault(name, {}).setdefault(m, []).append((l, u))
for name, table in by_mass.items():
    c = colours.get(name, "black")
    ms = sorted(table)
    first = [(m, min(table[m])[0]) for m in ms]
    pts = " ".join(f"{X(m):.2f},{Y(l):.2f}" for m, l in first)
    back = " ".join(f"{X(m):.2f},{Y(ymax):.2f}" for m, _ in reversed(first))
    svg.append(f'<polygon points="{pts} {back}" fill="{c}" fill-opacity="0.10" stroke="none" clip-path="url(#plot)"/>')
    svg.append(f'<polyline points="{pts}" fill="none" stroke="{c}" stroke-width="2.2" clip-path="url(#plot)"/>')
    gaps = [(m, sorted(table[m])) for m in ms if len(table[m]) > 1]
    for m, intervals in gaps:
        g2, g3 = intervals[0][1], intervals[1][0]
        svg.append(f'<line x1="{X(m) - 3:.2f}" y1="{Y(g2):.2f}" x2="{X(m) + 3:.2f}" y2="{Y(g2):.2f}" stroke="{c}" stroke-width="1.5" stroke-dasharray="2,2" clip-path="url(#plot)"/>')
        svg.append(f'<line x1="{X(m) - 3:.2f}" y1="{Y(g3):.2f}" x2="{X(m) + 3:.2f}" y2="{Y(g3):.2f}" stroke="{c}" stroke-width="1.5" stroke-dasharray="2,2" clip-path="url(#plot)"/>')
# Axes and decade ticks.
svg.append(f'<rect x="{L}" y="{T}" width="{W - L - R}" height="{H - T - B}" fill="none" stroke="black"/>')
for k in range(-3, 1):
    x = X(10.0 ** k)
    svg.append(f'<line x1="{x:.2f}" y1="{H - B}" x2="{x:.2f}" y2="{H - B - 6}" stroke="black"/>')
    svg.append(f'<text x="{x:.2f}" y="{H - B + 22}" text-anchor="middle">10<tspan dy="-6" font-size="10">{k}</tspan></text>')
for k in range(-5, 0):
    y = Y(10.0 ** k)
    svg.append(f'<line x1="{L}" y1="{y:.2f}" x2="{L + 6}" y2="{y:.2f}" stroke="black"/>')
    svg.append(f'<text x="{L - 8}" y="{y + 5:.2f}" text-anchor="end">10<tspan dy="-6" font-size="10">{k}</tspan></text>')
svg.append(f'<text x="{(L + W - R) / 2}" y="{H - 20}" text-anchor="middle">m_Z\' (GeV)</text>')
svg.append(f'<text x="22" y="{(T + H - B) / 2}" text-anchor="middle" transform="rotate(-90 22 {(T + H - B) / 2})">g (L_mu - L_tau)</text>')
# Benchmarks.
for label, m, g in [("BP1", 0.01, 5.05e-4), ("BP2", 0.05, 7.08e-4)]:
    svg.append(f'<circle cx="{X(m):.2f}" cy="{Y(g):.2f}" r="4.5" fill="black"/>')
    svg.append(f'<text x="{X(m) + 8:.2f}" y="{Y(g) + 16:.2f}" font-size="12">{label}</text>')
# Legend.
items = [(n, colours[n]) for n in colours if n in curves] + [("(g-2)_mu 2021, 2 sigma", "#dd8452")]
for i, (name, c) in enumerate(items):
    y = T + 18 + 20 * i
    svg.append(f'<rect x="{L + 14}" y="{y - 10}" width="22" height="10" fill="{c}" fill-opacity="0.6"/>')
    svg.append(f'<text x="{L + 44}" y="{y}" font-size="12">{name} (90 % CL excluded above)</text>' if "g-2" not in name else
               f'<text x="{L + 44}" y="{y}" font-size="12">{name}</text>')
svg.append(f'<text x="{W - R - 6}" y="{H - B - 10}" text-anchor="end" font-size="11">ZPrime: loop-induced mixing at q^2 = -2MT, NuFIT 6.0, B16-GS98</text>')
svg.append("</svg>")
os.makedirs("docs/figures", exist_ok=True)
open("docs/figures/lmu-ltau-neutrino-limits.svg", "w").write("\n".join(svg) + "\n")
subprocess.run(["rsvg-convert", "-w", "1280", "-o", "docs/figures/lmu-ltau-neutrino-limits.png", "docs/figures/lmu-ltau-neutrino-limits.svg"], check=True)
print("wrote docs/figures/lmu-ltau-neutrino-limits.svg and .png")
