#include "central/store/provenance.h"

#include "central/store/cases.h"
#include "central/store/reports.h"

namespace oneservice::central::store {

void record_provenance(sqlite3* db, const std::string& service_request_id, const NewCase& new_case) {
  const auto id = parse_case_id(service_request_id);
  if (!id) throw CentralStoreError("A new case has no id to record who made it against.");
  const auto& request = new_case.request;
  sqlite::Statement update(db, "UPDATE cases SET staff_id = ?1, reported_for = ?2, assisted_via = ?3 WHERE id = ?4");
  if (new_case.staff_id > 0) update.bind(1, new_case.staff_id);
  else update.bind_null(1);
  update.bind(2, request.reported_for ? to_string(*request.reported_for) : "")
      .bind(3, request.assisted_via ? to_string(*request.assisted_via) : "")
      .bind(4, *id)
      .run();
}

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
