#pragma once
// The report figures counted from who made each case (schema step 3's
// columns on cases, written by create_case).
#include <string>
#include <vector>

#include "central/records.h"
#include "central/staff_records.h"
#include "db/sqlite.h"

namespace oneservice::central::store {

// Readers. `since` is in the stored form; `period` is day, week or month.
std::vector<StaffReportRow> count_by_staff(sqlite3* db, const std::string& since, const std::string& period);
std::vector<AssistedReportRow> count_assisted(sqlite3* db, const std::string& since, const std::string& period);

}  // namespace oneservice::central::store
