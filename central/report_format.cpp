#include "central/report_format.h"

#include <nlohmann/json.hpp>

namespace oneservice::central {

std::string csv_field(const std::string& text) {
  // Quote what could break a row, and what a spreadsheet would run as a
  // formula (a leading = + - @).
  const bool formula = !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@');
  if (text.find_first_of(",\"\r\n") == std::string::npos && !formula) return text;
  std::string out = formula ? "\"'" : "\"";
  for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string format_top_issues(const std::vector<TopIssueRow>& rows, const std::string& format) {
  if (format == "csv") {
    std::string out = "period,service_code,area_id,count\r\n";
    for (const auto& row : rows)
      out += csv_field(row.period) + "," + csv_field(row.service_code) + "," + csv_field(row.area_id) + "," +
             std::to_string(row.count) + "\r\n";
    return out;
  }
  nlohmann::json list = nlohmann::json::array();
  for (const auto& row : rows)
    list.push_back({{"period", row.period}, {"service_code", row.service_code}, {"area_id", row.area_id}, {"count", row.count}});
  return list.dump(2) + "\n";
}

std::string format_channels(const std::vector<ChannelRow>& rows, const std::string& format) {
  if (format == "csv") {
    std::string out = "period,channel,count\r\n";
    for (const auto& row : rows)
      out += csv_field(row.period) + "," + csv_field(row.channel) + "," + std::to_string(row.count) + "\r\n";
    return out;
  }
  nlohmann::json list = nlohmann::json::array();
  for (const auto& row : rows) list.push_back({{"period", row.period}, {"channel", row.channel}, {"count", row.count}});
  return list.dump(2) + "\n";
}

}  // namespace oneservice::central
