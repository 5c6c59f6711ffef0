#!/usr/bin/env bash
# Decays benchmark: total width and all branching ratios of B-L at 1000 log-spaced masses
# (1 MeV - 10 GeV), in process, release build, against two baselines measured in the same run:
#   1. a plain scalar Python implementation of the DarkCast width model (darkcast_method.py, the
#      same method and data as DarkCast; DarkCast itself needs about 0.19 s on this machine);
#   2. the same ZPrime library used naively (calculators rebuilt per mass), inside `zprime --benchmark`.
# Usage: Benchmarks/decays/run.sh [N]   (N masses, default 1000)
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-1000}"
swift build -c release --product zprime > /dev/null
python_json=$(python3 Benchmarks/decays/darkcast_method.py "$n")
zprime_json=$(.build/release/zprime decays --model B-L --masses "0.001:10:$n" --benchmark --format json)
python3 - "$python_json" "$zprime_json" <<'PY'
import json, sys
py = json.loads(sys.argv[1]); zp = json.loads(sys.argv[2])
t_py, t_zp, t_base = py["python_darkcast_method_seconds"], zp["zprime_seconds"], zp["baseline_seconds"]
print(f"masses: {zp['masses']}  model: {zp['model']}  build: {zp['build']}")
print(f"zprime (best of {zp['zprime_repetitions']}):             {t_zp*1e3:9.3f} ms")
print(f"Python DarkCast-method baseline (best of 3): {t_py*1e3:9.3f} ms   -> zprime is {t_py/t_zp:7.1f} x faster")
print(f"naive use of the library (same process):     {t_base*1e3:9.3f} ms   -> zprime is {t_base/t_zp:7.1f} x faster")
print(f"DarkCast itself (quoted 0.19 s, not run):                -> zprime is {0.19/t_zp:7.1f} x faster (target >= 100)")
PY
