#include "kiosk/progress_words.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <ctime>
#include <utility>

namespace oneservice::kiosk {
namespace {

bool same_word(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// Open311's two statuses and the UK extension a council's system may send
// (FixMyStreet's words), each as a resident would say it.
constexpr std::array<std::pair<std::string_view, const char*>, 13> kStatuses = {{
    {"OPEN", gettext_noop("Received by the council")},
    {"INVESTIGATING", gettext_noop("Being looked into")},
    {"IN_PROGRESS", gettext_noop("Work in progress")},
    {"ACTION_SCHEDULED", gettext_noop("Work has been planned")},
    {"FIXED", gettext_noop("Fixed")},
    {"DUPLICATE", gettext_noop("Already reported by someone else")},
    {"NOT_COUNCILS_RESPONSIBILITY", gettext_noop("Not something the council deals with")},
    {"NO_FURTHER_ACTION", gettext_noop("Closed with no further action")},
    {"INTERNAL_REFERRAL", gettext_noop("Passed to another team")},
    {"FOR_TRIAGE", gettext_noop("Waiting to be checked")},
    {"CANCELLED", gettext_noop("Cancelled")},
    {"REOPEN", gettext_noop("Reopened")},
    {"CLOSED", gettext_noop("Closed")},
}};

}  // namespace

const char* status_msgid(std::string_view status) {
  for (const auto& [code, words] : kStatuses)
    if (same_word(code, status)) return words;
  return gettext_noop("Updated by the council");
}

std::string date_in_words(TimePoint when, const Wording& wording) {
  static const char* const months[] = {
      gettext_noop("January"), gettext_noop("February"), gettext_noop("March"),     gettext_noop("April"),
      gettext_noop("May"),     gettext_noop("June"),     gettext_noop("July"),      gettext_noop("August"),
      gettext_noop("September"), gettext_noop("October"), gettext_noop("November"), gettext_noop("December")};
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm local{};
  localtime_r(&seconds, &local);
  return format(say(wording, gettext_noop("{day} {month} {year}")),
                {{"day", std::to_string(local.tm_mday)},
                 {"month", say(wording, months[local.tm_mon])},
                 {"year", std::to_string(local.tm_year + 1900)}});
}

std::string date_in_words(const std::string& iso, const Wording& wording) {
  const auto when = parse_iso8601(iso);
  return when ? date_in_words(*when, wording) : iso;
}

}  // namespace oneservice::kiosk
