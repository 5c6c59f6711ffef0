#!/usr/bin/env bash
# Regenerates the golden outputs from a built zprime binary: Tests/ZPrimeCLITests/Golden/record.sh [BINARY]
# Run from anywhere; commands run in the package root (model files are given relative to it).
# Each output file holds stdout (without lines holding "seconds":), then a line "# exit N". Review every diff before committing it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
# GOLDEN_OUT=DIR writes the outputs there instead (to compare a build with the committed files).
out="${GOLDEN_OUT:-$here}"
binary="${1:-$root/.build/debug/zprime}"
cd "$root"
while IFS=$'\t' read -r name arguments; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  # shellcheck disable=SC2086
  set +e; output="$("$binary" $arguments 2>/dev/null)"; status=$?; set -e
  # Wall-clock timings are not reproducible: their lines are dropped (the golden test does the same).
  printf '%s\n# exit %d\n' "$(printf '%s\n' "$output" | grep -v '"seconds":' || true)" "$status" > "$out/$name.out"
done < "$here/commands.tsv"
