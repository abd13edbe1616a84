#!/usr/bin/env bash
# Quick start 2: installs what is missing, builds with AddressSanitizer and
# UndefinedBehaviorSanitizer (warnings are errors), runs every test (the fuzz
# corpora among them), then fuzzes each parser for a few seconds with clang's
# libFuzzer (scripts/fuzz.sh): a crash fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset sanitize >/dev/null
cmake --build --preset sanitize
ctest --preset sanitize
scripts/fuzz.sh --all "${ONESERVICE_FUZZ_SECONDS:-10}"
