#!/usr/bin/env bash
# Regenerates Sources/ZPrimeDecays/DarkCastData/darkcast.bin, the compact binary form of the DarkCast
# grids and manifest parameters that HadronicData.bundled() loads, from the original text files next
# to it (manifest.json and the .dat grids, which stay in the repository for provenance and licence).
#
# The encoder is in the test target (Tests/ZPrimeDecaysTests/HadronicBinaryTests.swift) and encodes
# what HadronicData(directory:) reads from the text files, so the binary holds exactly the numbers of
# the text reader: Foundation's JSON reader and Swift's Double(String) do the parsing, as they did
# when the text was read at every start-up. Without ZPRIME_WRITE_DARKCAST_BINARY the same test
# checks, byte for byte, that the committed file is up to date.
#
# Usage: Scripts/generate-darkcast-binary.sh   (then rebuild and run `swift test --filter HadronicBinary`)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
target="$root/Sources/ZPrimeDecays/DarkCastData/darkcast.bin"
ZPRIME_WRITE_DARKCAST_BINARY="$target" swift test --filter "HadronicBinaryTests/upToDate"
ls -l "$target"
sha256sum "$target"
