#!/usr/bin/env python3
"""The h-k scan of the seed model at its two benchmarks (docs/seed-model.md): Delta a_e and
Delta a_mu (Z' + h_X loops over every mass eigenstate) as functions of h and k, everything else at
the benchmark, and the sign changes of the total.

Writes, next to this script:
  h-scan.csv    Delta a_e, Delta a_mu and their Z' and h_X parts against h (both signs), k = 1e-7
  hk-grid.csv   the totals on a grid of h and k (both signs of h, k > 0)
  h-scan.svg    |Delta a| against |h| for h > 0 and h < 0 (solid: Delta a > 0, dashed: < 0),
                with the 2021 muon and the Cs-2018 electron targets
  hk-signs.svg  the sign of Delta a_mu and Delta a_e on the (h, k) grid, r = 1 and r = 2

Usage (from the package root, after `swift build -c release`):
  python3 docs/seed-model/scan_h_k.py [path/to/zprime]
Every point is one `zprime spectrum ... --format json` run (about 9000 runs, a few minutes).
The plot is a stand-in written here; it can move to the plotting module when that exists.
"""
import json
import math
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "release", "zprime")
PRESETS = ["slides", "cancellation"]
TARGET = {"e": -0.88e-12, "mu": 251e-11}


def run(preset, generation, h, k):
    out = subprocess.run([BINARY, "spectrum", "b-l-vll", "--preset", preset, "--generation", generation,
                          "--h", repr(h), "--k", repr(k), "--format", "json"], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"zprime failed for {preset} {generation} h={h} k={k}: {out.stderr}")
    d = json.loads(out.stdout)["delta_a"]
    return d["total"], d["zprime"], d["h_x"]


def logspace(a, b, n):
    return [10 ** (math.log10(a) + (math.log10(b) - math.log10(a)) * i / (n - 1)) for i in range(n)]


def h_scan():
    hs = logspace(1e-9, 3e-2, 109)
    jobs = [(p, g, s * h) for p in PRESETS for g in ("e", "mu") for s in (1, -1) for h in hs]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda j: run(j[0], j[1], j[2], 1e-7), jobs))
    rows = [(p, g, h) + r for (p, g, h), r in zip(jobs, results)]
    with open(os.path.join(HERE, "h-scan.csv"), "w") as f:
        f.write("# Delta a of the seed model against h at k = 1e-7, other parameters at the benchmark (zprime spectrum --preset)\n")
        f.write("preset,generation,h,k,delta_a_total,delta_a_zprime,delta_a_h_x\n")
        for p, g, h, t, z, x in rows:
            f.write(f"{p},{g},{h!r},1e-07,{t!r},{z!r},{x!r}\n")
    return rows


def grid():
    hs = logspace(1e-9, 1e-2, 36)
    ks = logspace(1e-10, 1e-2, 33)
    jobs = [(p, g, s * h, k) for p in PRESETS for g in ("e", "mu") for s in (1, -1) for h in hs for k in ks]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda j: run(*j), jobs))
    rows = [j + (r[0],) for j, r in zip(jobs, results)]
    with open(os.path.join(HERE, "hk-grid.csv"), "w") as f:
        f.write("# Delta a (total) of the seed model on a grid of h and k, other parameters at the benchmark\n")
        f.write("preset,generation,h,k,delta_a_total\n")
        for p, g, h, k, t in rows:
            f.write(f"{p},{g},{h!r},{k!r},{t!r}\n")
    return rows, hs, ks


# ---- SVG ----
COLOURS = {("slides", "e"): "#1f77b4", ("slides", "mu"): "#d62728", ("cancellation", "e"): "#17becf", ("cancellation", "mu"): "#ff7f0e"}


def fmt_power(k):
    return f'10<tspan dy="-6" font-size="10">{k}</tspan>'


def h_scan_svg(rows):
    width, height = 980, 470
    panels = [(1, 80, "h &gt; 0"), (-1, 530, "h &lt; 0")]
    pw, ph, top = 380, 340, 50
    ymin, ymax = -16, -4
    xmin, xmax = -9, math.log10(3e-2)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="Helvetica, Arial, sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           '<text x="490" y="22" text-anchor="middle" font-size="15">Seed model: |Delta a| against h (k = 1e-7), solid Delta a &gt; 0, dashed Delta a &lt; 0</text>']
    for sign, x0, title in panels:
        def X(lx):
            return x0 + (lx - xmin) / (xmax - xmin) * pw

        def Y(ly):
            return top + (ymax - ly) / (ymax - ymin) * ph
        out.append(f'<defs><clipPath id="c{x0}"><rect x="{x0}" y="{top}" width="{pw}" height="{ph}"/></clipPath></defs>')
        out.append(f'<rect x="{x0}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="black"/>')
        for d in range(-9, -1):
            out.append(f'<line x1="{X(d):.1f}" y1="{top + ph}" x2="{X(d):.1f}" y2="{top + ph + 5}" stroke="black"/>')
            out.append(f'<text x="{X(d):.1f}" y="{top + ph + 20}" text-anchor="middle">{fmt_power(d)}</text>')
        for d in range(ymin, ymax + 1, 2):
            out.append(f'<line x1="{x0 - 5}" y1="{Y(d):.1f}" x2="{x0}" y2="{Y(d):.1f}" stroke="black"/>')
            out.append(f'<line x1="{x0}" y1="{Y(d):.1f}" x2="{x0 + pw}" y2="{Y(d):.1f}" stroke="#e0e0e0"/>')
            out.append(f'<text x="{x0 - 8}" y="{Y(d) + 4:.1f}" text-anchor="end">{fmt_power(d)}</text>')
        out.append(f'<text x="{x0 + pw / 2}" y="{top + ph + 40}" text-anchor="middle">|h| ({title})</text>')
        out.append(f'<text x="{x0 - 50}" y="{top + ph / 2}" text-anchor="middle" transform="rotate(-90 {x0 - 50} {top + ph / 2})">|Delta a|</text>')
        for g, t in TARGET.items():
            out.append(f'<line x1="{x0}" y1="{Y(math.log10(abs(t))):.1f}" x2="{x0 + pw}" y2="{Y(math.log10(abs(t))):.1f}" stroke="#888" stroke-dasharray="2,3"/>')
            out.append(f'<text x="{x0 + pw - 4}" y="{Y(math.log10(abs(t))) - 4:.1f}" text-anchor="end" fill="#666" font-size="10">|target {g}| {t:.3g}</text>')
        for key, colour in COLOURS.items():
            pts = sorted([(abs(h), t) for p, g, h, t, z, x in rows if (p, g) == key and h * sign > 0])
            # split into runs of equal sign
            runs, current, current_sign = [], [], None
            for h, t in pts:
                s = t > 0
                if current_sign is not None and s != current_sign:
                    runs.append((current_sign, current))
                    current = [current[-1]]
                current.append((h, t))
                current_sign = s
            runs.append((current_sign, current))
            for s, run_ in runs:
                path = " ".join(f"{'M' if i == 0 else 'L'}{X(math.log10(h)):.1f},{Y(math.log10(max(abs(t), 1e-30))):.1f}" for i, (h, t) in enumerate(run_))
                dash = "" if s else ' stroke-dasharray="6,4"'
                out.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="1.8"{dash} clip-path="url(#c{x0})"/>')
    ly = 432
    for i, ((p, g), colour) in enumerate(COLOURS.items()):
        lx = 60 + i * 230
        label = f"Delta a_{g}, {'r = 1 (slides)' if p == 'slides' else 'r = 2 (cancellation)'}"
        out.append(f'<line x1="{lx}" y1="{ly + 15}" x2="{lx + 28}" y2="{ly + 15}" stroke="{colour}" stroke-width="2"/>')
        out.append(f'<text x="{lx + 34}" y="{ly + 19}">{label}</text>')
    out.append("</svg>")
    with open(os.path.join(HERE, "h-scan.svg"), "w") as f:
        f.write("\n".join(out) + "\n")


def signs_svg(rows, hs, ks):
    width, height = 980, 900
    pw, ph = 380, 300
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="Helvetica, Arial, sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           '<text x="490" y="22" text-anchor="middle" font-size="15">Seed model: sign of Delta a on the (h, k) plane (blue: &gt; 0, orange: &lt; 0); other parameters at the benchmark</text>']
    lhmin, lhmax = math.log10(hs[0]), math.log10(hs[-1])
    lkmin, lkmax = math.log10(ks[0]), math.log10(ks[-1])
    table = {}
    for p, g, h, k, t in rows:
        table[(p, g, h, k)] = t
    layout = [("slides", "e"), ("slides", "mu"), ("cancellation", "e"), ("cancellation", "mu")]
    for row, (p, g) in enumerate(layout):
        for col, sign in enumerate((1, -1)):
            x0, y0 = 80 + col * 470, 50 + row * 210
            phh = 160
            out.append(f'<text x="{x0 + pw / 2}" y="{y0 - 6}" text-anchor="middle">Delta a_{g}, {"r = 1" if p == "slides" else "r = 2"}, h {"&gt;" if sign > 0 else "&lt;"} 0</text>')
            nx, ny = len(hs), len(ks)
            cw, chh = pw / nx, phh / ny
            for i, h in enumerate(hs):
                # one path per colour per column keeps the file small
                for positive, colour in ((True, "#9ecae1"), (False, "#fdae6b")):
                    cells = [j for j, k in enumerate(ks) if (table[(p, g, sign * h, k)] > 0) == positive]
                    if not cells:
                        continue
                    d = " ".join(f"M{x0 + (i if sign > 0 else nx - 1 - i) * cw:.1f},{y0 + (ny - 1 - j) * chh:.1f}h{cw + 0.3:.1f}v{chh + 0.3:.1f}h-{cw + 0.3:.1f}z" for j in cells)
                    out.append(f'<path d="{d}" fill="{colour}" stroke="none"/>')
            out.append(f'<rect x="{x0}" y="{y0}" width="{pw}" height="{phh}" fill="none" stroke="black"/>')
            for dk in range(-10, -1, 2):
                yy = y0 + (lkmax - dk) / (lkmax - lkmin) * phh
                out.append(f'<text x="{x0 - 6}" y="{yy + 4:.1f}" text-anchor="end" font-size="10">{fmt_power(dk)}</text>')
            for dh in range(-9, -1, 2):
                frac = (dh - lhmin) / (lhmax - lhmin)
                xx = x0 + (frac if sign > 0 else 1 - frac) * pw
                out.append(f'<text x="{xx:.1f}" y="{y0 + phh + 14}" text-anchor="middle" font-size="10">{"" if sign > 0 else "-"}{fmt_power(dh)}</text>')
            out.append(f'<text x="{x0 + pw / 2}" y="{y0 + phh + 28}" text-anchor="middle" font-size="11">h</text>')
            out.append(f'<text x="{x0 - 40}" y="{y0 + phh / 2}" text-anchor="middle" font-size="11" transform="rotate(-90 {x0 - 40} {y0 + phh / 2})">k</text>')
    out.append("</svg>")
    with open(os.path.join(HERE, "hk-signs.svg"), "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    rows = h_scan()
    h_scan_svg(rows)
    grid_rows, hs, ks = grid()
    signs_svg(grid_rows, hs, ks)
    print("wrote h-scan.csv, h-scan.svg, hk-grid.csv, hk-signs.svg in", HERE)


if __name__ == "__main__":
    main()
