#!/usr/bin/env bash
# Atlas benchmark: ZPrime's `zprime atlas --benchmark` (free mode, SM + 3 N_R) and, in the same
# run, the independent single-threaded C baseline (mitm_baseline.c, gcc -O2) at the same Q_max.
set -euo pipefail
cd "$(dirname "$0")/../.."
Q=${1:-10}
swift build -c release --product zprime >/dev/null
gcc -O2 -o /tmp/zprime-mitm-baseline Benchmarks/atlas/mitm_baseline.c
.build/release/zprime atlas --quarks free --max-charge "$Q" --benchmark
for q in $(seq $((Q - 2)) "$Q"); do
  start=$(date +%s.%N)
  n=$(/tmp/zprime-mitm-baseline "$q")
  end=$(date +%s.%N)
  zstart=$(date +%s.%N)
  .build/release/zprime atlas --quarks free --max-charge "$q" --count --quiet >/dev/null
  zend=$(date +%s.%N)
  awk -v q="$q" -v n="$n" -v c="$(awk -v a="$start" -v b="$end" "BEGIN{print b-a}")" -v z="$(awk -v a="$zstart" -v b="$zend" "BEGIN{print b-a}")" \
    'BEGIN { printf "Q_max %d: C baseline %d solutions in %.2f s; zprime %.3f s; ratio %.1f\n", q, n, c, z, c / z }'
done
