#pragma once
// Which catalogue the device runs on. The outbox keeps the last catalogue
// document it was given, so a kiosk that has been offline since its last
// update still shows the services it last knew, and the catalogue_version a
// request carries is one the device really had.
#include <string>

#include "shared/catalogue.h"
#include "sync/outbox.h"

namespace oneservice::sync {

// The cached catalogue when there is one, unless the bundled file (e.g.
// assets/demo-council/catalogue.json) has a newer changeset: then, as when
// there is no cache, the bundled one is cached and returned.
//
// A cached document that no longer parses raises FormatError rather than
// being replaced from the bundled file: the bundled file may be older than
// what the council last sent, and swapping catalogues silently would let a
// kiosk offer services the council has withdrawn. Support decides.
//
// Throws oneservice::FormatError (bundled file missing or unreadable, cache
// unreadable) or StoreError.
Catalogue load_catalogue(Outbox& outbox, const std::string& bundled_catalogue_path);

}  // namespace oneservice::sync
