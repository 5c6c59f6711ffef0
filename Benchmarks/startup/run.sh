#!/usr/bin/env bash
# Start-up benchmark: median CPU time (user + sys) of single `zprime` processes, the way scripts call
# the CLI once per parameter point, against `zprime models` (no physics, no data) measured in the same
# run, and the ratio. Release build.
#
# Usage: Benchmarks/startup/run.sh [N] [--callgrind] [--against BINARY]
#   N            runs per command (default 20)
#   --callgrind  also report each command's instruction count under valgrind (exact, repeatable)
#   --against B  also measure binary B in the same interleaved run (for before/after comparisons;
#                it is copied next to the current binary so that both find the same resource bundles)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=20
options=()
against=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --callgrind) options+=(--callgrind) ;;
    --against) against="$2"; shift ;;
    *) n="$1" ;;
  esac
  shift
done
if ! log=$(swift build -c release --product zprime 2>&1); then
  printf '%s\n' "$log" >&2
  exit 1
fi
binaries=(.build/release/zprime)
if [[ -n "$against" ]]; then
  cp "$against" .build/release/zprime-against
  trap 'rm -f .build/release/zprime-against' EXIT
  binaries+=(.build/release/zprime-against)
fi
python3 Benchmarks/startup/measure.py "$n" "${binaries[@]}" "${options[@]}"
