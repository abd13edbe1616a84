#pragma once
// The council's catalogue in the resident's language. The catalogue's own
// English strings are the msgids of the council's translation domain
// (assets/<council>/po/<language>.po), so a catalogue the server changes
// still shows, in English, whatever is new until it is translated.
#include <string>
#include <vector>

#include "kiosk/translator.h"
#include "shared/catalogue.h"
#include "shared/routing.h"

namespace oneservice::kiosk {

// One string of a catalogue that a resident reads (or searches with).
struct CatalogueText {
  std::string text;   // the English
  std::string where;  // its owner: "council", "pothole", "pothole.depth_cm", "pothole.road_or_pavement.road"
  std::string field;  // "service_name", "error_noun", "keyword", "name"...
};

// Every such string in catalogue order, empty ones left out and repeats
// listed each time. Attributes a resident never sees (hidden, server set)
// are included: their labels can still reach a resident in a message.
std::vector<CatalogueText> catalogue_texts(const Catalogue& catalogue);

// A copy with each of those strings translated. Codes, keys, the changeset,
// conditions and routing stay as they are, so a request is the same in any
// language. Keywords become the translated ones followed by the English
// ones, so a search finds a service by either.
Catalogue translated(const Catalogue& english, const Translator& translator);

// The words of the council's boundary data a resident reads: each body's
// name ("Little Hembury Parish Council") and its contact's name and role
// ("Parish Clerk"), in the council's translation domain with the catalogue
// (a person's name is given as it is). Areas in the data's order.
std::vector<CatalogueText> area_texts(const Boundaries& boundaries);

// An area with those words translated; its id, kind, email and phone stay.
Area translated(const Area& english, const Translator& translator);

}  // namespace oneservice::kiosk
