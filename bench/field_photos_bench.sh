#!/usr/bin/env bash
# Benchmark (not a test): 200 officers' reports with three photos each,
# drained from a tablet through the fault proxy into oneservice-central on
# loopback, in the optimised build; checks at central that every report and
# every photo arrived exactly once (exits 1 otherwise).
#   bench/field_photos_bench.sh [REPORTS] [PHOTO_WIDTH]
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset default >/dev/null
cmake --build --preset default --target oneservice-central field_photos_bench >/dev/null
build/default/bench/field_photos_bench "${1:-200}" "${2:-1024}"
