#!/usr/bin/env bash
# Benchmark (not a test): the kiosk's figures on its idle attract page.
# Starts the real kiosk full screen on the bundled demo council under Xvfb
# (xvfb-run -a, 1280x800) in its default configuration: no renderer set, so
# the kiosk chooses (platform/renderer_choice.h; under Xvfb, SDL's software
# renderer). Only the data folder and the operator PIN are configured. It
# lets the kiosk settle on the attract page, then measures over SECONDS
# (default 30):
#   - CPU: utime+stime from /proc/<pid>/stat, as % of one core;
#   - memory: VmRSS and VmHWM (peak) from /proc/<pid>/status;
#   - first frame: process start to the first presented frame, as the
#     kiosk reports it (--report-startup), over 5 further starts.
# Twice: without a council server (the kiosk only queues) and with a local
# oneservice-central, so the sync worker's idle wake-ups are counted too.
#   bench/kiosk_idle.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}

if [[ "${ONESERVICE_BENCH_INSIDE_XVFB:-}" != 1 ]]; then
  cmake --preset default >/dev/null
  cmake --build build/default -j2 --target oneservice-kiosk oneservice-central >/dev/null
  export ONESERVICE_BENCH_INSIDE_XVFB=1
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$seconds"
fi

kiosk=build/default/kiosk/oneservice-kiosk
central=build/default/central/oneservice-central
work=$(mktemp -d /tmp/oneservice-kiosk-idle.XXXXXX)
server=""
trap '[[ -n $server ]] && { kill $server 2>/dev/null; wait $server 2>/dev/null; }; rm -rf "$work"' EXIT
ticks_per_second=$(getconf CLK_TCK)

cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
status_kb() { awk -v key="$2:" '$1 == key {print $2}' "/proc/$1/status"; }

# Waits for the kiosk's "first frame" line; prints the milliseconds.
first_frame_ms() {
  for _ in $(seq 100); do
    if grep -q "first frame" "$1" 2>/dev/null; then
      sed -n 's/.*first frame \([0-9]*\) ms.*/\1/p' "$1"
      return
    fi
    sleep 0.1
  done
  echo "The kiosk drew no frame in 10 s:" >&2
  cat "$1" >&2
  exit 1
}

measure() {  # measure NAME CONFIG
  local name=$1 config=$2
  "$kiosk" --config "$config" --report-startup 2>"$work/idle.log" &
  local pid=$!
  local first
  first=$(first_frame_ms "$work/idle.log")
  local renderer
  renderer=$(sed -n 's/.*drawing with \(.*\)/\1/p' "$work/idle.log")
  sleep 5  # the attract page settles in a few frames; the worker's first pass ends
  local before start_ns after end_ns
  before=$(cpu_ticks $pid)
  start_ns=$(date +%s%N)
  sleep "$seconds"
  after=$(cpu_ticks $pid)
  end_ns=$(date +%s%N)
  local rss hwm
  rss=$(status_kb $pid VmRSS)
  hwm=$(status_kb $pid VmHWM)
  kill $pid
  wait $pid 2>/dev/null || true

  local starts=()
  for _ in 1 2 3 4 5; do
    "$kiosk" --config "$config" --report-startup --quit-after 0.5 2>"$work/start.log"
    starts+=("$(first_frame_ms "$work/start.log")")
  done
  local sorted
  sorted=$(printf '%s\n' "$first" "${starts[@]}" | sort -n | tr '\n' ' ')
  awk -v name="$name" -v ticks=$((after - before)) -v hz="$ticks_per_second" -v ns=$((end_ns - start_ns)) \
      -v rss="$rss" -v hwm="$hwm" -v first="$first" -v sorted="$sorted" -v renderer="$renderer" 'BEGIN {
    split(sorted, s, " ")
    printf "%s\n", name
    printf "  renderer: %s\n", renderer
    printf "  idle CPU on the attract page: %.2f%% of one core (%d ticks in %.1f s)\n", 100 * ticks / hz / (ns / 1e9), ticks, ns / 1e9
    printf "  memory: VmRSS %.1f MB, VmHWM (peak) %.1f MB\n", rss / 1024, hwm / 1024
    printf "  first frame: %d ms on the first start; %d-%d ms, median %d ms over 6 starts\n", first, s[1], s[6], s[4]
  }'
}

mkdir -p "$work/alone" "$work/synced" "$work/central"
printf '{"data_dir": "%s", "operator_pin": "2468"}\n' "$work/alone" >"$work/alone.json"

key=$($central key add --name "Bench kiosk" --channel kiosk --data "$work/central" 2>/dev/null)
$central serve --listen 127.0.0.1:0 --data "$work/central" 2>"$work/central.log" &
server=$!
for _ in $(seq 100); do grep -q "127.0.0.1:" "$work/central.log" && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$work/central.log")
printf '{"data_dir": "%s", "operator_pin": "2468", "server_url": "http://127.0.0.1:%s/open311/v2", "api_key": "%s"}\n' \
  "$work/synced" "$port" "$key" >"$work/synced.json"

echo "oneservice-kiosk, demo council, full screen 1280x800 on Xvfb, default configuration (renderer chosen by the kiosk); $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg)"
measure "without a council server" "$work/alone.json"
measure "with a local oneservice-central (sync worker running)" "$work/synced.json"
