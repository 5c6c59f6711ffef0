#!/usr/bin/env bash
# Regenerates Sources/ZPrimeConstraints/LimitData/limits.bin, the binary form of every limit data
# file (.lmt, .prd, polygon .txt) that the manifests name, from the text files next to it (which stay
# in the repository for provenance, licence and checksums). Run it after adding or changing a limit;
# without it the catalogue reads the new text file itself (correct, only slower to start).
#
# The encoder is LimitBinary.generate (Sources/ZPrimeConstraints/Limits/LimitBinary.swift), driven by
# the test LimitBinaryTests/upToDate; without ZPRIME_WRITE_LIMIT_BINARY the same test checks that the
# committed file holds exactly the numbers of the text files.
#
# Usage: Scripts/generate-limit-binary.sh   (then `swift test --filter LimitBinaryTests`)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
target="$root/Sources/ZPrimeConstraints/LimitData/limits.bin"
ZPRIME_WRITE_LIMIT_BINARY="$target" swift test --filter "LimitBinaryTests/upToDate"
ls -l "$target"
sha256sum "$target"
