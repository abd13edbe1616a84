#!/usr/bin/env bash
# Brings the translation templates up to date with the sources and merges them
# into every language's PO file. Run it after adding or changing words a
# resident reads, then translate what msgmerge left empty or marked fuzzy (the
# tests fail until every message is translated).
#
#   assets/po/oneservice.pot            the kiosk's own words: tr("..."), trn("...", "...", n)
#                                       and gettext_noop("...") in kiosk/, the validation
#                                       templates in shared/validation.cpp and shared/prepare.cpp,
#                                       and the routing notice in shared/routing.cpp
#   assets/<council>/po/catalogue.pot   a council's catalogue strings, and its boundary data's bodies,
#                                       contact names and roles (oneservice-catalogue-strings)
#
# Usage: scripts/update-translations.sh [--tool PATH]   PATH: oneservice-catalogue-strings
#        scripts/update-translations.sh --kiosk-pot FILE   only write the kiosk template to FILE
# A new language: msginit --no-translator -l LANG -i assets/po/oneservice.pot -o assets/po/LANG.po
# (and the same for each council), then add its plural forms and translate.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# The kiosk's sources, and the shared/ files whose messages it shows.
kiosk_sources() {
  find kiosk -name '*.cpp' -o -name '*.h' | LC_ALL=C sort
  printf '%s\n' shared/validation.cpp shared/prepare.cpp shared/routing.cpp
}

make_kiosk_pot() {
  kiosk_sources | xgettext --files-from=- --output="$1" --from-code=UTF-8 --language=C++ \
    --keyword= --keyword=tr --keyword=trn:1,2 --keyword=gettext_noop \
    --add-comments=TRANSLATORS: --add-location=file --package-name=oneservice --msgid-bugs-address="the oneservice issue tracker"
}

# Replaces a template only when more than its creation date changed, so a run
# with nothing new leaves every file as it was.
install_pot() {
  local made=$1 pot=$2
  if [[ -f "$pot" ]] && diff -q <(grep -v '^"POT-Creation-Date' "$made") <(grep -v '^"POT-Creation-Date' "$pot") >/dev/null; then
    rm -f "$made"
  else
    mv "$made" "$pot"
    echo "updated $pot"
  fi
}

merge_into_po_files() {
  local pot=$1 folder=$2 po
  for po in "$folder"/*.po; do
    [[ -e "$po" ]] || continue
    msgmerge --quiet --update --backup=none --previous "$po" "$pot"
  done
}

find_tool() {
  local found
  found=$(ls -t build/*/kiosk/oneservice-catalogue-strings 2>/dev/null | head -n 1 || true)
  [[ -n "$found" ]] || {
    echo "oneservice-catalogue-strings not found: build it first" \
         "(cmake --build --preset default --target oneservice-catalogue-strings) or give --tool PATH" >&2
    exit 2
  }
  echo "$found"
}

tool=""
case "${1:-}" in
  --kiosk-pot)
    [[ -n "${2:-}" ]] || { echo "usage: $0 --kiosk-pot FILE" >&2; exit 2; }
    make_kiosk_pot "$2"
    exit 0 ;;
  --tool) tool=${2:?usage: $0 --tool PATH} ;;
  "") ;;
  *) echo "usage: $0 [--tool PATH] | --kiosk-pot FILE" >&2; exit 2 ;;
esac
[[ -n "$tool" ]] || tool=$(find_tool)

mkdir -p assets/po
make_kiosk_pot assets/po/oneservice.pot.new
install_pot assets/po/oneservice.pot.new assets/po/oneservice.pot
merge_into_po_files assets/po/oneservice.pot assets/po

for catalogue in assets/*/catalogue.json; do
  council=$(dirname "$catalogue")
  mkdir -p "$council/po"
  boundaries=()
  [[ -f "$council/boundaries.geojson" ]] && boundaries=("$council/boundaries.geojson")
  "$tool" "$catalogue" "${boundaries[@]}" > "$council/po/catalogue.pot.new"
  install_pot "$council/po/catalogue.pot.new" "$council/po/catalogue.pot"
  merge_into_po_files "$council/po/catalogue.pot" "$council/po"
done
