#pragma once
// Figures for the council's reports, counted in SQL over requested_datetime.
#include <string>
#include <vector>

#include "central/records.h"
#include "db/sqlite.h"

namespace oneservice::central::store {

// strftime pattern for "day", "week" or "month"; CentralStoreError otherwise.
std::string period_format(const std::string& period);

// `since` is already in the stored form, or empty for all time.
std::vector<TopIssueRow> count_top_issues(sqlite3* db, const std::string& since, const std::string& period);
std::vector<ChannelRow> count_channels(sqlite3* db, const std::string& since, const std::string& period);

}  // namespace oneservice::central::store
