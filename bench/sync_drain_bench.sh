#!/usr/bin/env bash
# Benchmark (not a test): queue 10,000 requests on a device and drain them
# into oneservice-central on loopback with the sync engine; in the same run,
# wrk on the same POST endpoint with as many connections as the engine keeps
# in flight, sending the same fields the device sends (bench/wrk_create.lua
# with ONESERVICE_BENCH_CATALOGUE set). Prints both rates and their ratio,
# twice:
#   shared cores    - server and client free to use every core, so the
#                     client's own CPU is taken from the server's;
#   separate cores  - the server on core 0, the client (drain or wrk) on
#                     core 1, as a kiosk and the council's server are
#                     separate machines.
# Each placement gets a fresh server and data folder.
#   bench/sync_drain_bench.sh [COUNT] [IN_FLIGHT]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
in_flight=${2:-16}
scripts/install-deps.sh
command -v wrk >/dev/null || { echo "wrk is not installed (Debian package wrk)"; exit 1; }
cmake --preset default >/dev/null
cmake --build --preset default --target oneservice-central sync_drain_bench >/dev/null
central=build/default/central/oneservice-central
ONESERVICE_BENCH_CATALOGUE=$(sed -n 's/^  "changeset": "\(.*\)",$/\1/p' assets/demo-council/catalogue.json)
export ONESERVICE_BENCH_CATALOGUE

server=
work=
stop_server() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -n "$work" ]; then rm -rf "$work"; fi
  server= work=
}
trap stop_server EXIT

# measure LABEL SERVER_CPUS CLIENT_CPUS WRK_THREADS (empty CPUs: any)
measure() {
  local label=$1 server_pin=() client_pin=()
  [ -n "$2" ] && server_pin=(taskset -c "$2")
  [ -n "$3" ] && client_pin=(taskset -c "$3")
  work=$(mktemp -d /tmp/oneservice-drain.XXXXXX)
  local key
  key=$($central key add --name bench --channel kiosk --data "$work/central" 2>/dev/null)
  "${server_pin[@]}" $central serve --listen 127.0.0.1:0 --data "$work/central" 2>"$work/central.log" &
  server=$!
  for _ in $(seq 100); do grep -q "127.0.0.1:" "$work/central.log" && break; sleep 0.1; done
  local port base drain wrk_rate
  port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$work/central.log")
  base="http://127.0.0.1:$port/open311/v2"

  echo "== $label" >&2
  drain=$("${client_pin[@]}" build/default/bench/sync_drain_bench "$work/device" "$base" "$key" "$count" "$in_flight" |
          tee /dev/stderr | sed -n 's/.*: \([0-9]*\) requests\/s/\1/p')
  wrk_rate=$(ONESERVICE_BENCH_KEY=$key "${client_pin[@]}" wrk -t"$4" -c"$in_flight" -d10s \
               -s bench/wrk_create.lua "$base/requests.json" | tee /dev/stderr |
             awk '/Requests\/sec/ {print $2}')
  stop_server
  results+=("$(printf '%-15s drain %6.0f/s   wrk %6.0f/s   ratio %4.2f' "$label" "$drain" "$wrk_rate" \
               "$(awk -v d="$drain" -v w="$wrk_rate" 'BEGIN { print d / w }')")")
}

results=()
measure "shared cores" "" "" 2
if [ "$(nproc)" -ge 2 ]; then
  measure "separate cores" 0 1 1
fi
echo
echo "$count requests drained, $in_flight in flight; wrk with $in_flight connections"
printf '%s\n' "${results[@]}"
