#include "shared/clock.h"

#include <cstdio>
#include <ctime>

namespace oneservice {
namespace {

bool read_digits(std::string_view text, std::size_t at, std::size_t count, int& out) {
  if (at + count > text.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

}  // namespace

std::string format_utc(TimePoint when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return buffer;
}

std::optional<TimePoint> parse_iso8601(std::string_view text) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!read_digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' ||
      !read_digits(text, 5, 2, month) || text[7] != '-' || !read_digits(text, 8, 2, day))
    return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
  std::size_t at = 10;
  int offset_minutes = 0;
  if (at < text.size()) {
    if (text[at] != 'T' && text[at] != ' ') return std::nullopt;
    if (!read_digits(text, at + 1, 2, hour) || text.size() < at + 6 || text[at + 3] != ':' ||
        !read_digits(text, at + 4, 2, minute))
      return std::nullopt;
    at += 6;
    if (at < text.size() && text[at] == ':') {
      if (!read_digits(text, at + 1, 2, second)) return std::nullopt;
      at += 3;
      if (at < text.size() && text[at] == '.') {  // fractions are accepted, not kept
        ++at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
      }
    }
    if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    if (at < text.size()) {
      if (text[at] == 'Z' && at + 1 == text.size()) {
        at += 1;
      } else if ((text[at] == '+' || text[at] == '-') && text.size() == at + 6 && text[at + 3] == ':') {
        int zone_hours = 0, zone_minutes = 0;
        if (!read_digits(text, at + 1, 2, zone_hours) || !read_digits(text, at + 4, 2, zone_minutes) ||
            zone_hours > 14 || zone_minutes > 59)
          return std::nullopt;
        offset_minutes = (zone_hours * 60 + zone_minutes) * (text[at] == '-' ? -1 : 1);
        at += 6;
      } else {
        return std::nullopt;
      }
    }
  }
  if (at != text.size()) return std::nullopt;
  std::tm parts{};
  parts.tm_year = year - 1900;
  parts.tm_mon = month - 1;
  parts.tm_mday = day;
  parts.tm_hour = hour;
  parts.tm_min = minute;
  parts.tm_sec = second;
  const std::time_t utc = timegm(&parts) - offset_minutes * 60;
  return std::chrono::system_clock::from_time_t(utc);
}

}  // namespace oneservice
