#!/usr/bin/env bash
# The public pages in a real browser (issue 16): starts a real
# oneservice-central in a temporary folder with cases full of personal data,
# then drives Debian's headless Chromium with puppeteer-core
# (tests/browser/public_pages.mjs): axe-core on every page (WCAG 2.2 A and
# AA), screenshots at 100%, 200% zoom and phone size, no sideways scrolling,
# no personal data on any page, feed or file, and a Welsh error on each kind
# of page. npm packages come from tests/browser/package-lock.json (npm ci;
# never `npm install puppeteer`, which downloads a browser of its own).
#
# Usage: scripts/browser-tests.sh CENTRAL_BINARY SCREENSHOT_DIR
# Exit 77 (ctest: skipped) when Chromium or npm is missing.
set -euo pipefail
central=${1:?usage: $0 CENTRAL_BINARY SCREENSHOT_DIR}
shots=${2:?usage: $0 CENTRAL_BINARY SCREENSHOT_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
browser_dir="$root/tests/browser"
chromium=${ONESERVICE_CHROMIUM:-/usr/bin/chromium}
for tool in "$chromium" node npm curl /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (scripts/install-deps.sh installs it)"; exit 77; }
done

# Packages: installed once from the lock file, again when it changes.
stamp="$browser_dir/node_modules/.package-lock.json"
if [[ ! -f "$stamp" || "$browser_dir/package-lock.json" -nt "$stamp" ]]; then
  (cd "$browser_dir" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
fi

work=$(mktemp -d)
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

key=$("$central" key add --name "Browser test kiosk" --channel kiosk --data "$work/data" 2>/dev/null)
"$central" serve --listen 127.0.0.1:0 --data "$work/data" \
  --report-url "https://wealdshire.example/report/{service_code}" 2>"$work/central.log" &
server=$!
port=""
for _ in $(seq 100); do
  port=$(sed -n 's|.*on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/central.log" | head -n 1)
  [[ -n "$port" ]] && break
  sleep 0.1
done
[[ -n "$port" ]] || { echo "central did not start:"; cat "$work/central.log"; exit 1; }
base="http://127.0.0.1:$port"

# The fixture full of personal data (the node script checks for every value).
personal_first=Bronwen personal_last=Zebediah-Quill personal_email=bronwen.quill@residents.example
personal_phone="07700 900123" personal_address="Outside 17 Larkspur Close"
personal_description="My neighbour Mr Quill tripped here" personal_answer="Qzx private answer"
report() {  # client_id lat long language
  curl -sS --fail -H "Idempotency-Key: $1" -H "Accept-Language: $4" "$base/open311/v2/requests.json" \
    --data-urlencode "api_key=$key" --data-urlencode service_code=pothole \
    --data-urlencode "lat=$2" --data-urlencode "long=$3" \
    --data-urlencode "address_string=$personal_address" --data-urlencode "email=$personal_email" \
    --data-urlencode "first_name=$personal_first" --data-urlencode "last_name=$personal_last" \
    --data-urlencode "phone=$personal_phone" --data-urlencode "description=$personal_description" \
    --data-urlencode "attribute[road_or_pavement]=road" --data-urlencode "attribute[pothole_size]=about_plate" \
    --data-urlencode "attribute[depth_cm]=7" --data-urlencode "attribute[more_details]=$personal_answer" \
    | sed -n 's/.*"service_request_id":"\([0-9]*\)".*/\1/p'
}
first=$(report 6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f 51.2 -1.82 cy)
report 00000000-0000-4000-8000-000000000002 51.1 -1.75 en >/dev/null
report 00000000-0000-4000-8000-000000000003 51.01 -1.46 en >/dev/null
"$central" case update "$first" --status INVESTIGATING --note "An inspector will visit this week." \
  --private-note "Resident Bronwen Zebediah-Quill rang twice" --data "$work/data" >/dev/null
"$central" case update "$first" --status FIXED --note "Filled and sealed." --data "$work/data" >/dev/null
# Read-only looks into the store (Python's own sqlite3), for what only an email would carry.
query() { /usr/bin/python3 -c 'import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
print(db.execute(sys.argv[2]).fetchone()[0])' "$work/data/central.sqlite3" "$1"; }
reference=$(query "SELECT reference FROM cases WHERE id = $first")
token=$(query "SELECT stop_token FROM mail_subscriptions WHERE case_id = $first")

mkdir -p "$shots"
export ONESERVICE_DATABASE="$work/data/central.sqlite3" ONESERVICE_BASE="$base" ONESERVICE_REFERENCE="$reference" ONESERVICE_CASE="$first" \
  ONESERVICE_STOP_TOKEN="$token" ONESERVICE_SHOTS="$shots" ONESERVICE_CHROMIUM="$chromium" \
  ONESERVICE_PERSONAL="$personal_first|$personal_last|$personal_email|$personal_phone|$personal_address|$personal_description|$personal_answer|Larkspur|Quill"
node "$browser_dir/public_pages.mjs"
