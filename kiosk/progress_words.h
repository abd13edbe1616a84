#pragma once
// What Check progress says in plain words, in the resident's language: a
// council's status ("INVESTIGATING", or Open311's "open") as a phrase, and
// dates as people write them ("3 December 2026", "3 Rhagfyr 2026"), never
// codes or ISO dates.
#include <string>
#include <string_view>

#include "shared/clock.h"
#include "shared/wording.h"

namespace oneservice::kiosk {

// The msgid (English) of a status, matched without regard to case; a
// status the kiosk does not know is "Updated by the council", never its code.
const char* status_msgid(std::string_view status);

// The day of `when` on the kiosk's own calendar (its local time zone):
// "3 December 2026".
std::string date_in_words(TimePoint when, const Wording& wording);
// The same from a UTC ISO 8601 time; the text as given when it is not one.
std::string date_in_words(const std::string& iso, const Wording& wording);

}  // namespace oneservice::kiosk
