#pragma once
// `report staff` and `report assisted` as JSON or CSV, in the same shape as
// report_format.h's: a list of objects, or a CSV with a header row.
#include <string>
#include <vector>

#include "central/staff_records.h"

namespace oneservice::central {

// Columns: period, channel, staff (empty: nobody signed in), team, count.
std::string format_staff_report(const std::vector<StaffReportRow>& rows, const std::string& format);
// Columns: period, reported_for, assisted_via (empty: not said), count.
std::string format_assisted_report(const std::vector<AssistedReportRow>& rows, const std::string& format);

}  // namespace oneservice::central
