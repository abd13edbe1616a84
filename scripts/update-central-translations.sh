#!/usr/bin/env bash
# Brings central's own translation template up to date with its sources and
# merges it into each language's PO file (domain oneservice-central: the
# public pages' and emails' words; the council's service and body names come
# from the council's own domain, see scripts/update-translations.sh). Then
# translate what msgmerge left empty or fuzzy: tests/central's
# CentralTranslations tests fail until every message is translated.
#
# Usage: scripts/update-central-translations.sh            update the .pot and the .po files
#        scripts/update-central-translations.sh --pot FILE  only write the template to FILE
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
folder=central/i18n/po

make_pot() {
  find central/public central/notify central/i18n -name '*.cpp' -o -name '*.h' 2>/dev/null | LC_ALL=C sort |
    xgettext --files-from=- --output="$1" --from-code=UTF-8 --language=C++ \
      --keyword= --keyword=tr --keyword=trn:1,2 --keyword=gettext_noop \
      --add-comments=TRANSLATORS: --add-location=file --package-name=oneservice-central \
      --msgid-bugs-address="the oneservice issue tracker"
}

if [[ "${1:-}" == "--pot" ]]; then
  make_pot "${2:?usage: $0 --pot FILE}"
  exit 0
fi
make_pot "$folder/oneservice-central.pot.new"
if [[ -f "$folder/oneservice-central.pot" ]] &&
   diff -q <(grep -v '^"POT-Creation-Date' "$folder/oneservice-central.pot.new") \
           <(grep -v '^"POT-Creation-Date' "$folder/oneservice-central.pot") >/dev/null; then
  rm -f "$folder/oneservice-central.pot.new"
else
  mv "$folder/oneservice-central.pot.new" "$folder/oneservice-central.pot"
  echo "updated $folder/oneservice-central.pot"
fi
for po in "$folder"/*.po; do
  [[ -e "$po" ]] || continue
  msgmerge --quiet --update --backup=none --previous "$po" "$folder/oneservice-central.pot"
done
