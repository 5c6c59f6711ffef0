#!/usr/bin/env bash
# Benchmark of the three probes against same-run SciPy baselines (baseline.py):
#   NA64mu yield (L_mu - L_tau, 50 MeV, g = 5e-4, proposal setup), trident ratio (1 GeV, g = 2e-3),
#   N_eff solution (10 MeV, g = 5e-4), all without loop mixing. Reports the values of both and the
#   wall times (zprime: median of 5 runs of the release binary, process start-up included; the
#   `zprime models` start-up is reported for reference) and the ratios.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${1:-$root/.build/release/zprime}"
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_cmd() { for _ in 1 2 3 4 5; do s=$(date +%s.%N); "$@" > /tmp/probes_bench.out; e=$(date +%s.%N); echo "$e - $s" | bc; done | median; }
startup=$(time_cmd "$bin" models --format json)
printf '%-8s %-22s %-22s %10s %10s %8s\n' probe zprime baseline t_zprime t_base ratio
run() {
  local name=$1 key=$2; shift 2
  t=$(time_cmd "$bin" "$@")
  v=$(python3 -c "import json; print(json.load(open('/tmp/probes_bench.out'))['$key'])")
  read -r bv bt < <(python3 "$root/Benchmarks/probes/baseline.py" "$name")
  printf '%-8s %-22s %-22s %10.4f %10.4f %8.1f\n' "$name" "$v" "$bv" "$t" "$bt" "$(echo "$bt / $t" | bc -l)"
}
run na64mu yield_per_mot na64mu --model Lmu-Ltau --mass 0.05 --coupling 5e-4 --loop-mixing off --spectrum-bins 0 --format json
run trident ratio_to_sm trident --model Lmu-Ltau --mass 1 --coupling 2e-3 --loop-mixing off --format json
run neff n_eff neff --model Lmu-Ltau --mass 0.01 --coupling 5e-4 --loop-mixing off --format json
echo "zprime start-up (models): $startup s"
