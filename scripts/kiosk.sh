#!/usr/bin/env bash
# Quick start 1: installs what is missing, builds, and runs the kiosk full
# screen on the bundled demo council. Extra arguments go to the kiosk
# (--windowed, --data DIR, --config FILE, --software-renderer...).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default --target oneservice-kiosk
exec build/default/kiosk/oneservice-kiosk "$@"
