#!/usr/bin/env bash
# Limits benchmark (release build): every limit recast to B-L at its native masses, whole process,
# against the Python port of the DarkCast recast method (darkcast_recast.py) in the same run; the
# start-up cost of one `zprime check`; the in-process time to evaluate every limit and constraint
# at one point. See benchmark.py for what is measured.
# Usage: Benchmarks/limits/run.sh [ROUNDS]   (default 3; each baseline run takes several seconds)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-3}"
if ! log=$(swift build -c release --product zprime 2>&1); then
  printf '%s\n' "$log" >&2
  exit 1
fi
python3 Benchmarks/limits/benchmark.py "$rounds" .build/release/zprime
