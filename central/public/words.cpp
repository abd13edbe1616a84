#include "central/public/words.h"

#include <array>
#include <chrono>
#include <cstdio>

#include "shared/wording.h"

namespace oneservice::central::public_pages {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

// Every status has words; a new status without a row fails its test. The
// words are the kiosk's own (kiosk/progress_words.cpp), so a resident reads
// the same status on the kiosk, this page and the emails.
struct StatusWords {
  CaseStatus status;
  const char* words;
  const char* explained;
};

constexpr std::array<StatusWords, 13> kWords = {{
    {CaseStatus::Open, gettext_noop("Received by the council"),
     gettext_noop("The council has your request and will look at it soon.")},
    {CaseStatus::Investigating, gettext_noop("Being looked into"),
     gettext_noop("Someone at the council is finding out what needs to be done.")},
    {CaseStatus::InProgress, gettext_noop("Work in progress"), gettext_noop("The work to put this right has started.")},
    {CaseStatus::ActionScheduled, gettext_noop("Work has been planned"),
     gettext_noop("The council has booked the work to put this right.")},
    {CaseStatus::Fixed, gettext_noop("Fixed"), gettext_noop("The council says this has been put right.")},
    {CaseStatus::Duplicate, gettext_noop("Already reported by someone else"),
     gettext_noop("Someone else reported this too: the council is dealing with it under their report.")},
    {CaseStatus::NotCouncilsResponsibility, gettext_noop("Not something the council deals with"),
     gettext_noop("This is not something the council deals with. The update below says who does.")},
    {CaseStatus::NoFurtherAction, gettext_noop("Closed with no further action"),
     gettext_noop("The council looked at this and decided not to do any more.")},
    {CaseStatus::InternalReferral, gettext_noop("Passed to another team"),
     gettext_noop("The council has passed this to the team that deals with it.")},
    {CaseStatus::ForTriage, gettext_noop("Waiting to be checked"),
     gettext_noop("The council will check this and decide who deals with it.")},
    {CaseStatus::Cancelled, gettext_noop("Cancelled"), gettext_noop("This request was cancelled.")},
    {CaseStatus::Reopen, gettext_noop("Reopened"), gettext_noop("The council is looking at this again.")},
    {CaseStatus::Closed, gettext_noop("Closed"), gettext_noop("The council has finished dealing with this.")},
}};

const StatusWords& row_for(CaseStatus status) {
  for (const auto& row : kWords)
    if (row.status == status) return row;
  return kWords.front();
}

constexpr std::array<const char*, 12> kMonths = {
    gettext_noop("January"), gettext_noop("February"), gettext_noop("March"),     gettext_noop("April"),
    gettext_noop("May"),     gettext_noop("June"),     gettext_noop("July"),      gettext_noop("August"),
    gettext_noop("September"), gettext_noop("October"), gettext_noop("November"), gettext_noop("December")};

// 01:00 UTC on the last Sunday of the month.
TimePoint last_sunday_1am(int year, unsigned month) {
  const sys_days last = year_month_day{std::chrono::year{year} / std::chrono::month{month} / std::chrono::last};
  const auto weekday = std::chrono::weekday{last}.c_encoding();  // 0 = Sunday
  return TimePoint(sys_days(last - days(weekday))) + std::chrono::hours(1);
}

}  // namespace

std::string status_words(const i18n::Translator& t, CaseStatus status) { return t.tr(row_for(status).words); }

std::string status_explained(const i18n::Translator& t, CaseStatus status) {
  return t.tr(row_for(status).explained);
}

TimePoint uk_time(TimePoint utc) {
  const year_month_day date{std::chrono::floor<days>(utc)};
  const int year = static_cast<int>(date.year());
  const bool summer = utc >= last_sunday_1am(year, 3) && utc < last_sunday_1am(year, 10);
  return summer ? utc + std::chrono::hours(1) : utc;
}

std::string date_in_words(const i18n::Translator& t, const std::string& iso_utc) {
  const auto when = parse_iso8601(iso_utc);
  if (!when) return {};
  const year_month_day date{std::chrono::floor<days>(uk_time(*when))};
  return format(t.tr("{day} {month} {year}"),
                {{"day", std::to_string(static_cast<unsigned>(date.day()))},
                 {"month", t.tr(kMonths[static_cast<unsigned>(date.month()) - 1])},
                 {"year", std::to_string(static_cast<int>(date.year()))}});
}

std::string date_and_time_in_words(const i18n::Translator& t, const std::string& iso_utc) {
  const auto when = parse_iso8601(iso_utc);
  if (!when) return {};
  const auto local = uk_time(*when);
  const auto since_midnight = local - std::chrono::floor<days>(local);
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(since_midnight).count();
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", static_cast<int>(minutes / 60), static_cast<int>(minutes % 60));
  return format(t.tr("{date} at {time}"), {{"date", date_in_words(t, iso_utc)}, {"time", clock}});
}

}  // namespace oneservice::central::public_pages
