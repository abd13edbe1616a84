#pragma once
// When to try a request again after a transient failure: exponential
// backoff with full jitter (a random wait between zero and the exponential
// bound, so many kiosks coming back online do not retry in step), never
// sooner than the server's Retry-After, never later than the cap.
#include <chrono>
#include <optional>
#include <random>
#include <string>

#include "shared/clock.h"

namespace oneservice::sync {

struct BackoffPolicy {
  std::chrono::milliseconds base{2000};
  std::chrono::milliseconds cap{std::chrono::minutes(15)};
  // A Retry-After longer than this is taken as this: a server asking for a
  // day's silence would otherwise strand a kiosk's queue.
  std::chrono::milliseconds retry_after_cap{std::chrono::hours(1)};
};

// attempt counts from 1 (the first retry).
std::chrono::milliseconds backoff_delay(const BackoffPolicy& policy, int attempt,
                                        std::optional<std::chrono::seconds> retry_after, std::mt19937_64& random);

// Retry-After as delta-seconds ("120") or an HTTP-date ("Wed, 21 Oct 2026
// 07:28:00 GMT"), relative to now. nullopt when absent or unreadable.
std::optional<std::chrono::seconds> parse_retry_after(const std::string& value, TimePoint now);

}  // namespace oneservice::sync
