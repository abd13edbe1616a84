#pragma once
// Plain words for what the public pages and emails show: a case's status as
// a resident would say it, and dates in words ("3 December 2026",
// "3 Rhagfyr 2026") on the UK's clock.
#include <string>

#include "central/case_status.h"
#include "central/i18n/translator.h"
#include "shared/clock.h"

namespace oneservice::central::public_pages {

std::string status_words(const i18n::Translator& t, CaseStatus status);
// One sentence on what the status means for the resident.
std::string status_explained(const i18n::Translator& t, CaseStatus status);

// The UK's civil time for a UTC instant: GMT, or BST (UTC+1) from 01:00 UTC
// on the last Sunday of March to 01:00 UTC on the last Sunday of October.
TimePoint uk_time(TimePoint utc);

// "3 December 2026" in the translator's language; empty for text that is
// not an ISO 8601 time.
std::string date_in_words(const i18n::Translator& t, const std::string& iso_utc);
// "3 December 2026 at 14:05".
std::string date_and_time_in_words(const i18n::Translator& t, const std::string& iso_utc);

}  // namespace oneservice::central::public_pages
