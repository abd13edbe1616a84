#include "central/staff_report_format.h"

#include <nlohmann/json.hpp>

#include "central/report_format.h"

namespace oneservice::central {
namespace {

using nlohmann::json;

// Each row's values in column order; the last is the count.
std::string format_table(const std::vector<std::string>& columns, const std::vector<std::vector<json>>& rows,
                         const std::string& format) {
  if (format == "csv") {
    std::string out;
    for (std::size_t i = 0; i < columns.size(); ++i) out += (i ? "," : "") + columns[i];
    out += "\r\n";
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i)
        out += (i ? "," : "") + (row[i].is_string() ? csv_field(row[i].get<std::string>()) : row[i].dump());
      out += "\r\n";
    }
    return out;
  }
  json list = json::array();
  for (const auto& row : rows) {
    json item = json::object();
    for (std::size_t i = 0; i < columns.size(); ++i) item[columns[i]] = row[i];
    list.push_back(item);
  }
  return list.dump(2) + "\n";
}

}  // namespace

std::string format_staff_report(const std::vector<StaffReportRow>& rows, const std::string& format) {
  std::vector<std::vector<json>> table;
  for (const auto& row : rows) table.push_back({row.period, row.channel, row.staff_name, row.team, row.count});
  return format_table({"period", "channel", "staff", "team", "count"}, table, format);
}

std::string format_assisted_report(const std::vector<AssistedReportRow>& rows, const std::string& format) {
  std::vector<std::vector<json>> table;
  for (const auto& row : rows) table.push_back({row.period, row.reported_for, row.assisted_via, row.count});
  return format_table({"period", "reported_for", "assisted_via", "count"}, table, format);
}

}  // namespace oneservice::central
