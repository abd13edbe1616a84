#!/usr/bin/env bash
# Quick start 1: installs what is missing, builds, starts a local
# oneservice-central (the council's side) with a device key made for this
# kiosk, and runs the kiosk full screen on the bundled demo council. A request
# made on the kiosk travels to the central server and its status comes back.
# Stopping the kiosk stops the server. Extra arguments go to the kiosk
# (--windowed, --software-renderer, --quit-after SECONDS...).
#
# Data: $ONESERVICE_HOME (default ~/.local/share/oneservice-demo) holds the
# kiosk's outbox, the central server's store and the kiosk's config.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default --target oneservice-kiosk oneservice-central oneservice-sync
central=build/default/central/oneservice-central
kiosk=build/default/kiosk/oneservice-kiosk

home=${ONESERVICE_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/oneservice-demo}
port=${ONESERVICE_PORT:-8311}
mkdir -p "$home/kiosk" "$home/central"
config="$home/kiosk-config.json"
demo_pin=2468  # the operator PIN of the demo only: a real kiosk's config sets its own
if [[ ! -s "$config" ]]; then
  key=$($central key add --name "Demo kiosk" --channel kiosk --data "$home/central" 2>/dev/null)
  # The key stays in a file only this user can read.
  # tracking_url: the confirmation page's QR code opens central's own
  # tracking page for the reference the kiosk shows.
  (umask 077 && printf '{"data_dir": "%s", "server_url": "http://127.0.0.1:%s/open311/v2", "api_key": "%s", "operator_pin": "%s", "tracking_url": "http://127.0.0.1:%s/track/{reference}"}\n' \
      "$home/kiosk" "$port" "$key" "$demo_pin" "$port" >"$config")
else
  if ! grep -q '"operator_pin"' "$config"; then
    # A demo config made before the operator screen: give it the demo PIN.
    sed -i "s/^{/{\"operator_pin\": \"$demo_pin\", /" "$config"
  fi
  if ! grep -q '"tracking_url"' "$config"; then
    # A demo config made before central served tracking pages: point the QR code at them.
    sed -i "s|^{|{\"tracking_url\": \"http://127.0.0.1:$port/track/{reference}\", |" "$config"
  fi
fi

$central serve --listen "127.0.0.1:$port" --data "$home/central" \
  --report-url "https://wealdshire.example/report/{service_code}" 2>"$home/central.log" &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q "serving" "$home/central.log" && break; sleep 0.1; done
if ! kill -0 $server 2>/dev/null; then
  echo "The local council server did not start:" >&2
  cat "$home/central.log" >&2
  exit 1
fi
echo "Council server: http://127.0.0.1:$port/open311/v2/ (log: $home/central.log)" >&2
echo "Public pages: http://127.0.0.1:$port/track (the confirmation's QR code opens them)" >&2
echo "Operator screen: hold the top-left corner of the start page for 3 seconds, then PIN $demo_pin." >&2
echo "Try: $central case update 1 --status INVESTIGATING --note \"An inspector will visit.\" --data $home/central" >&2
"$kiosk" --config "$config" "$@"
