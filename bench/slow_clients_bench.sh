#!/usr/bin/env bash
# Benchmark (not a test): a real client's GET while connections send half a
# request and wait, against oneservice-central alone and behind nginx with
# deploy/nginx's config (the optimised build, central's default 64 threads).
#   bench/slow_clients_bench.sh [ALONE_N=200] [NGINX_N=2000] [ALONE_THREADS=64]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default --target slow_clients_bench >/dev/null
build/default/bench/slow_clients_bench "$@"
