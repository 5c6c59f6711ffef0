#!/usr/bin/env bash
# Start-up benchmark: median CPU time (user + sys) of single `zprime` processes, the way scripts call
# the CLI once per parameter point, against `zprime models` (no physics, no data) measured in the same
# run, and the ratio. Release build.
# Usage: Benchmarks/startup/run.sh [N] [--callgrind]   (N runs per command, default 20; --callgrind
# also reports each command's instruction count under valgrind, exact and repeatable)
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-20}"
shift || true
swift build -c release --product zprime > /dev/null
python3 Benchmarks/startup/measure.py .build/release/zprime "$n" "$@"
