#pragma once
// Time as the service rules see it. Everything that depends on "now"
// (created_at, "not in the future", the kiosk's inactivity timer) takes a
// Clock so tests can set the time instead of waiting for it.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace oneservice {

using TimePoint = std::chrono::system_clock::time_point;

struct Clock {
  std::function<TimePoint()> now = [] { return std::chrono::system_clock::now(); };
};

// "2026-11-22T14:03:00Z": UTC, second precision.
std::string format_utc(TimePoint when);

// ISO 8601 date-time with a zone ("Z" or "+01:00"), or a date-time with no
// zone taken as UTC, or a plain date (midnight UTC). Rejects impossible dates
// such as 31 February. Returns nullopt on anything else.
std::optional<TimePoint> parse_iso8601(std::string_view text);

}  // namespace oneservice
