#include "central/public/figures.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

#include "shared/wording.h"

namespace oneservice::central::public_pages {
namespace {

// The most cases any figure looks at: 30 days of a busy council, bounded.
constexpr std::size_t kMaxCases = 50000;

std::optional<double> median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const auto middle = values.size() / 2;
  return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

std::optional<double> days_between(const std::string& from, const std::string& to) {
  const auto a = parse_iso8601(from), b = parse_iso8601(to);
  if (!a || !b || *b < *a) return std::nullopt;
  return std::chrono::duration<double>(*b - *a).count() / 86400.0;
}

struct Tally {
  IssueRow row;
  std::vector<double> fix_days;
};

void sort_rows(std::vector<IssueRow>& rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const IssueRow& a, const IssueRow& b) {
    if (a.reported != b.reported) return a.reported > b.reported;
    if (a.service_code != b.service_code) return a.service_code < b.service_code;
    return a.area_name < b.area_name;
  });
}

PeriodFigures period(const Site& site, const std::vector<PublicCase>& cases, TimePoint now, int days) {
  PeriodFigures out;
  out.days = days;
  out.since = format_utc(now - std::chrono::hours(24 * days));
  std::map<std::pair<std::string, std::string>, Tally> by_area;
  std::map<std::string, Tally> by_service;
  std::vector<double> all_fix_days;
  for (const auto& each : cases) {
    if (each.requested_datetime < out.since) continue;
    const auto area = public_area(site, each.lat, each.lon, each.responsible_area_id);
    auto& area_tally = by_area[{each.service_code, area.id}];
    auto& service_tally = by_service[each.service_code];
    area_tally.row.service_code = service_tally.row.service_code = each.service_code;
    area_tally.row.area_id = area.id;
    area_tally.row.area_name = area.name;
    ++area_tally.row.reported;
    ++service_tally.row.reported;
    ++out.reported;
    if (each.status == CaseStatus::Fixed) {
      ++area_tally.row.fixed;
      ++service_tally.row.fixed;
      ++out.fixed;
      if (const auto d = days_between(each.requested_datetime, each.fixed_at)) {
        area_tally.fix_days.push_back(*d);
        service_tally.fix_days.push_back(*d);
        all_fix_days.push_back(*d);
      }
    }
  }
  out.median_days_to_fix = median(all_fix_days);
  for (auto& [key, tally] : by_area) {
    tally.row.median_days_to_fix = median(tally.fix_days);
    out.by_service_area.push_back(tally.row);
  }
  for (auto& [key, tally] : by_service) {
    tally.row.median_days_to_fix = median(tally.fix_days);
    out.by_service.push_back(tally.row);
  }
  sort_rows(out.by_service_area);
  sort_rows(out.by_service);
  return out;
}

}  // namespace

TopIssues top_issues(const Site& site, TimePoint now, const std::string& area_id) {
  TopIssues out;
  out.now = format_utc(now);
  auto cases = site.store.public_cases(format_utc(now - std::chrono::hours(24 * 30)), kMaxCases);
  cases.erase(std::remove_if(cases.begin(), cases.end(),
                             [&](const PublicCase& each) {
                               return !is_public_service(site, each.service_code) ||
                                      (!area_id.empty() &&
                                       public_area(site, each.lat, each.lon, each.responsible_area_id).id != area_id);
                             }),
              cases.end());
  out.week = period(site, cases, now, 7);
  out.month = period(site, cases, now, 30);
  out.recent = std::move(cases);
  return out;
}

std::string days_in_words(const i18n::Translator& t, double days) {
  if (days < 1) return t.tr("under a day");
  const long whole = std::lround(days);
  return format(t.trn("{count} day", "{count} days", whole), {{"count", std::to_string(whole)}});
}

}  // namespace oneservice::central::public_pages
