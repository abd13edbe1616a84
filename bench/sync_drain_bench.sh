#!/usr/bin/env bash
# Benchmark (not a test): queue 10,000 requests on a device and drain them
# into oneservice-central on loopback with the sync engine; in the same run,
# wrk on the same POST endpoint with as many connections as the engine keeps
# in flight. Prints both rates and their ratio.
#   bench/sync_drain_bench.sh [COUNT] [IN_FLIGHT]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
in_flight=${2:-16}
scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default --target oneservice-central sync_drain_bench >/dev/null
central=build/default/central/oneservice-central

work=$(mktemp -d /tmp/oneservice-drain.XXXXXX)
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
key=$($central key add --name bench --channel kiosk --data "$work/central" 2>/dev/null)
$central serve --listen 127.0.0.1:0 --data "$work/central" 2>"$work/central.log" &
server=$!
for _ in $(seq 100); do grep -q "127.0.0.1:" "$work/central.log" && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$work/central.log")
base="http://127.0.0.1:$port/open311/v2"

drain=$(build/default/bench/sync_drain_bench "$work/device" "$base" "$key" "$count" "$in_flight" | tee /dev/stderr |
        sed -n 's/.*: \([0-9]*\) requests\/s/\1/p')
export ONESERVICE_BENCH_KEY=$key
wrk_rate=$(wrk -t2 -c"$in_flight" -d10s -s bench/wrk_create.lua "$base/requests.json" | tee /dev/stderr |
           awk '/Requests\/sec/ {print $2}')
echo
printf 'sync engine drain:   %8.0f requests/s (%d requests, %d in flight)\n' "$drain" "$count" "$in_flight"
printf 'wrk, same endpoint:  %8.0f requests/s (%d connections)\n' "$wrk_rate" "$in_flight"
awk -v d="$drain" -v w="$wrk_rate" 'BEGIN { printf "ratio drain / wrk:   %8.2f\n", d / w }'
