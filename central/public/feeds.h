#pragma once
// Atom feeds (RFC 4287) of public updates, as FixMyStreet's alerts offer:
// one case's, and an area's (its new reports of the last 30 days and their
// updates). Public fields only: the status, the council's public note and
// the dates.
#include <string>

#include "central/public/visit.h"

namespace oneservice::central::public_pages {

// `reference`: the council's id or the device's reference. 404 (an Atom
// feed saying so is no use to a reader) is a plain page in the visitor's
// language.
Answer case_feed(const Site& site, const Visit& visit, const std::string& reference);
Answer area_feed(const Site& site, const Visit& visit, const std::string& area_id);

}  // namespace oneservice::central::public_pages
