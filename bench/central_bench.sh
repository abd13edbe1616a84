#!/usr/bin/env bash
# Benchmark (not a test): durable creates per second (wrk on POST
# requests.json, every request a new case committed with synchronous=FULL)
# beside cached reads (wrk on GET services.json), on the same server in the
# same run. Prints both figures and their ratio.
#   bench/central_bench.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-64}
scripts/install-deps.sh
command -v wrk >/dev/null || { echo "wrk is not installed (Debian package wrk)"; exit 1; }
cmake --preset default >/dev/null
cmake --build --preset default --target oneservice-central >/dev/null
central=build/default/central/oneservice-central

data=$(mktemp -d /tmp/oneservice-bench.XXXXXX)
log="$data.log"
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data" "$log"' EXIT
export ONESERVICE_BENCH_KEY=$($central key add --name bench --channel web --data "$data" 2>/dev/null)
$central serve --listen 127.0.0.1:0 --data "$data" 2>"$log" &
server=$!
for _ in $(seq 100); do grep -q "127.0.0.1:" "$log" && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$log")
base="http://127.0.0.1:$port/open311/v2"

run() {  # prints requests/second
  wrk -t2 -c"$connections" -d"${seconds}s" "$@" | tee /dev/stderr | awk '/Requests\/sec/ {print $2}'
}
echo "== GET services.json ($connections connections, ${seconds}s)" >&2
reads=$(run "$base/services.json")
echo "== POST requests.json, new durable case each ($connections connections, ${seconds}s)" >&2
creates=$(run -s bench/wrk_create.lua "$base/requests.json")
cases=$(curl -s "$base/requests.json" -o /dev/null -w '%{http_code}')
echo
printf 'GET services.json:   %10.0f requests/s\n' "$reads"
printf 'POST requests.json:  %10.0f durable creates/s\n' "$creates"
awk -v c="$creates" -v r="$reads" 'BEGIN { printf "ratio creates/reads: %10.2f\n", c / r }'
