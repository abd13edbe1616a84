#pragma once
// The figures behind the top-issues page, the open data and the weekly
// digest, worked out once from the store's public cases: the most reported
// problems in the last 7 and 30 days by service and area, how many of them
// are fixed and how fast. One function, so the page and the digest never
// disagree.
#include <optional>
#include <string>
#include <vector>

#include "central/public/visit.h"
#include "shared/clock.h"

namespace oneservice::central::public_pages {

struct IssueRow {
  std::string service_code;
  std::string area_id, area_name;  // English, as the boundary data has them; empty: no place
  int reported = 0;
  int fixed = 0;
  std::optional<double> median_days_to_fix;  // over the fixed ones
};

struct PeriodFigures {
  int days = 7;            // the last `days` days up to now
  std::string since;       // UTC ISO
  int reported = 0;
  int fixed = 0;
  std::optional<double> median_days_to_fix;
  std::vector<IssueRow> by_service;       // most reported first
  std::vector<IssueRow> by_service_area;  // most reported first
};

struct TopIssues {
  std::string now;  // UTC ISO
  PeriodFigures week, month;
  std::vector<PublicCase> recent;  // public services only, newest first, the last 30 days
};

// Public services only (is_public_service). With an area id: only the
// cases in that area (public_area), for "what is being reported near you".
TopIssues top_issues(const Site& site, TimePoint now, const std::string& area_id = "");

// "under a day", "1 day", "3 days" (Welsh plural forms through trn).
std::string days_in_words(const i18n::Translator& t, double days);

}  // namespace oneservice::central::public_pages
