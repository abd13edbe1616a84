#pragma once
// A case's status: the Open311 statuses with the UK extension, written as
// upper-case words on the wire, in the store and on the command line, and
// parsed from them there (nowhere else). Open311's own "open"/"closed" is
// derived (is_open).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oneservice::central {

enum class CaseStatus {
  Open,
  Investigating,
  InProgress,
  ActionScheduled,
  Fixed,
  Duplicate,
  NotCouncilsResponsibility,
  NoFurtherAction,
  InternalReferral,
  ForTriage,
  Cancelled,
  Reopen,
  Closed,
};

const std::vector<CaseStatus>& all_case_statuses();
std::string_view to_string(CaseStatus status);  // "OPEN", "IN_PROGRESS", ...
std::optional<CaseStatus> parse_case_status(std::string_view text);  // exact words only
// "OPEN, INVESTIGATING, ... or CLOSED": for the message about an unknown one.
std::string case_status_names();
// FIXED, DUPLICATE, NOT_COUNCILS_RESPONSIBILITY, NO_FURTHER_ACTION, CANCELLED
// and CLOSED are closed; the rest are open.
bool is_open(CaseStatus status);

}  // namespace oneservice::central
