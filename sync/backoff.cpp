#include "sync/backoff.h"

#include <algorithm>
#include <ctime>

namespace oneservice::sync {

std::chrono::milliseconds backoff_delay(const BackoffPolicy& policy, int attempt,
                                        std::optional<std::chrono::seconds> retry_after, std::mt19937_64& random) {
  // base * 2^(attempt-1), computed without overflow: stop doubling at the cap.
  auto bound = policy.base;
  for (int i = 1; i < attempt && bound < policy.cap; ++i) bound *= 2;
  bound = std::min(bound, policy.cap);
  std::uniform_int_distribution<long long> pick(0, bound.count());
  auto delay = std::chrono::milliseconds(pick(random));
  if (retry_after) {
    const auto asked = std::min<std::chrono::milliseconds>(*retry_after, policy.retry_after_cap);
    delay = std::max(delay, asked);
  }
  return delay;
}

std::optional<std::chrono::seconds> parse_retry_after(const std::string& value, TimePoint now) {
  // Longer than any cap: a wait this long is "a very long time", whatever was written.
  constexpr long long kLongest = 999999999;
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 9) return std::chrono::seconds(kLongest);
    return std::chrono::seconds(std::stoll(value));
  }
  std::tm parts{};
  const char* end = strptime(value.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &parts);
  if (!end || *end != '\0') return std::nullopt;
  // Compared as time_t first: system_clock counts nanoseconds, and a year
  // before 1678 or after 2261 overflows it (found by fuzz/retry_after).
  const std::time_t when = timegm(&parts);
  const std::time_t at = std::chrono::system_clock::to_time_t(now);
  if (when <= at) return std::chrono::seconds(0);
  if (when - at > kLongest) return std::chrono::seconds(kLongest);
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::from_time_t(when) - now);
}

}  // namespace oneservice::sync
