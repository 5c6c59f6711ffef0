#!/usr/bin/env bash
# Time of one exclusion plot (layout, label placement and SVG text) for the two demonstration figures
# of docs/plotting.md, in a release build: Benchmarks/plot/run.sh
# The figures hold 19 layers / 10,600 input points (dark photon) and 9 layers / 480 points plus the
# branching-ratio panel (B-L). Each figure is written 5 times; the mean is printed.
set -euo pipefail
cd "$(dirname "$0")/../.."
ZPRIME_PLOT_TIMING=1 swift test -c release -Xswiftc -enable-testing --filter DemoPlotTests 2>&1 | grep '^timing'
