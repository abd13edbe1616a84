#pragma once
// Who made each case (schema step 3's columns on cases) and the report
// figures counted from them.
#include <string>
#include <vector>

#include "central/records.h"
#include "central/staff_records.h"
#include "db/sqlite.h"

namespace oneservice::central::store {

// Writer, in the create's transaction, for a case just created: its member
// of staff and, on the assisted channel, whom it was reported for and how.
void record_provenance(sqlite3* db, const std::string& service_request_id, const NewCase& new_case);

// Readers. `since` is in the stored form; `period` is day, week or month.
std::vector<StaffReportRow> count_by_staff(sqlite3* db, const std::string& since, const std::string& period);
std::vector<AssistedReportRow> count_assisted(sqlite3* db, const std::string& since, const std::string& period);

}  // namespace oneservice::central::store
