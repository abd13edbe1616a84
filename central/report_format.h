#pragma once
// Reports for the council as JSON or CSV (RFC 4180 quoting).
#include <string>
#include <vector>

#include "central/records.h"

namespace oneservice::central {

std::string format_top_issues(const std::vector<TopIssueRow>& rows, const std::string& format);
std::string format_channels(const std::vector<ChannelRow>& rows, const std::string& format);
std::string csv_field(const std::string& text);

}  // namespace oneservice::central
