#include "central/store/provenance.h"

#include "central/store/reports.h"

namespace oneservice::central::store {

std::vector<StaffReportRow> count_by_staff(sqlite3* db, const std::string& since, const std::string& period) {
  sqlite::Statement select(db,
                           "SELECT strftime(?1, c.requested_datetime) AS period, c.channel, "
                           "coalesce(s.name, '') AS staff_name, coalesce(s.team, ''), count(*) FROM cases c "
                           "LEFT JOIN staff s ON s.id = c.staff_id WHERE c.requested_datetime >= ?2 "
                           "GROUP BY period, c.channel, c.staff_id ORDER BY period, c.channel, staff_name");
  select.bind(1, period_format(period)).bind(2, since);
  std::vector<StaffReportRow> rows;
  while (select.step())
    rows.push_back({select.text(0), select.text(1), select.text(2), select.text(3), select.integer(4)});
  return rows;
}

std::vector<AssistedReportRow> count_assisted(sqlite3* db, const std::string& since, const std::string& period) {
  sqlite::Statement select(db,
                           "SELECT strftime(?1, requested_datetime) AS period, reported_for, assisted_via, count(*) "
                           "FROM cases WHERE channel = 'assisted' AND requested_datetime >= ?2 "
                           "GROUP BY period, reported_for, assisted_via ORDER BY period, reported_for, assisted_via");
  select.bind(1, period_format(period)).bind(2, since);
  std::vector<AssistedReportRow> rows;
  while (select.step()) rows.push_back({select.text(0), select.text(1), select.text(2), select.integer(3)});
  return rows;
}

}  // namespace oneservice::central::store
