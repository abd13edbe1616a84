#include "central/case_status.h"

#include <array>

#include "shared/enum_words.h"

namespace oneservice::central {
namespace {

struct Row {
  CaseStatus value;
  std::string_view word;
  bool open;
};

// The one table of statuses: their words and whether each is open.
constexpr std::array<Row, 13> kStatuses = {{
    {CaseStatus::Open, "OPEN", true},
    {CaseStatus::Investigating, "INVESTIGATING", true},
    {CaseStatus::InProgress, "IN_PROGRESS", true},
    {CaseStatus::ActionScheduled, "ACTION_SCHEDULED", true},
    {CaseStatus::Fixed, "FIXED", false},
    {CaseStatus::Duplicate, "DUPLICATE", false},
    {CaseStatus::NotCouncilsResponsibility, "NOT_COUNCILS_RESPONSIBILITY", false},
    {CaseStatus::NoFurtherAction, "NO_FURTHER_ACTION", false},
    {CaseStatus::InternalReferral, "INTERNAL_REFERRAL", true},
    {CaseStatus::ForTriage, "FOR_TRIAGE", true},
    {CaseStatus::Cancelled, "CANCELLED", false},
    {CaseStatus::Reopen, "REOPEN", true},
    {CaseStatus::Closed, "CLOSED", false},
}};

}  // namespace

const std::vector<CaseStatus>& all_case_statuses() {
  static const std::vector<CaseStatus> all = [] {
    std::vector<CaseStatus> out;
    for (const auto& each : kStatuses) out.push_back(each.value);
    return out;
  }();
  return all;
}

std::string_view to_string(CaseStatus status) { return word_for(kStatuses, status); }

std::optional<CaseStatus> parse_case_status(std::string_view text) { return value_for(kStatuses, text); }

std::string case_status_names() {
  std::string out;
  for (std::size_t i = 0; i < kStatuses.size(); ++i) {
    if (i > 0) out += i + 1 == kStatuses.size() ? " or " : ", ";
    out += kStatuses[i].word;
  }
  return out;
}

bool is_open(CaseStatus status) {
  for (const auto& each : kStatuses)
    if (each.value == status) return each.open;
  return true;  // unreachable while every status has a row
}

}  // namespace oneservice::central
