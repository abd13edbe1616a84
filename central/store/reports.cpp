#include "central/store/reports.h"

namespace oneservice::central::store {

std::string period_format(const std::string& period) {
  // %W counts weeks from the year's first Monday (00-53), as 2026-W47.
  if (period == "day") return "%Y-%m-%d";
  if (period == "week") return "%Y-W%W";
  if (period == "month") return "%Y-%m";
  throw CentralStoreError("Unknown report period \"" + period.substr(0, 16) +
                          "\": use day, week or month.");
}

std::vector<TopIssueRow> count_top_issues(sqlite3* db, const std::string& since, const std::string& period) {
  sqlite::Statement select(db,
                           "SELECT service_code, responsible_area_id, strftime(?1, requested_datetime) AS period, "
                           "count(*) AS n FROM cases WHERE requested_datetime >= ?2 "
                           "GROUP BY period, service_code, responsible_area_id "
                           "ORDER BY period, n DESC, service_code, responsible_area_id");
  select.bind(1, period_format(period)).bind(2, since);
  std::vector<TopIssueRow> rows;
  while (select.step()) rows.push_back({select.text(0), select.text(1), select.text(2), select.integer(3)});
  return rows;
}

std::vector<ChannelRow> count_channels(sqlite3* db, const std::string& since, const std::string& period) {
  sqlite::Statement select(db,
                           "SELECT strftime(?1, requested_datetime) AS period, channel, count(*) FROM cases "
                           "WHERE requested_datetime >= ?2 GROUP BY period, channel ORDER BY period, channel");
  select.bind(1, period_format(period)).bind(2, since);
  std::vector<ChannelRow> rows;
  while (select.step()) rows.push_back({select.text(0), select.text(1), select.integer(2)});
  return rows;
}

}  // namespace oneservice::central::store
