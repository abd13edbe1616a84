#pragma once
// The operator PIN: its format, a comparison that takes the same time
// whatever the digits, and a lockout after repeated wrong tries so the PIN
// cannot be found by working through the numbers at the kiosk.
#include <chrono>
#include <string_view>

#include "shared/clock.h"

namespace oneservice::kiosk {

inline constexpr std::size_t kMinPinLength = 4;
inline constexpr std::size_t kMaxPinLength = 8;

// 4 to 8 ASCII digits.
bool is_valid_pin(std::string_view text);

// Compares without an early exit on the first wrong digit or on a length
// difference (OpenSSL's CRYPTO_memcmp over fixed-size buffers).
bool pins_match(std::string_view entered, std::string_view configured);

struct PinPolicy {
  int tries = 5;                     // wrong PINs in a row before a lockout
  std::chrono::seconds lockout{60};  // no PIN is checked during it
};

enum class PinResult { Accepted, Refused, LockedOut };

struct PinGuard {
  int failures = 0;  // wrong PINs since the last right one or lockout
  TimePoint locked_until{};

  // An empty configured PIN never matches. A wrong PIN that uses up the
  // tries starts the lockout and answers LockedOut.
  PinResult check(std::string_view entered, std::string_view configured, TimePoint now,
                  const PinPolicy& policy = {});
  bool locked(TimePoint now) const { return now < locked_until; }
  // Whole seconds of lockout left, for the countdown.
  long seconds_locked(TimePoint now) const;
};

}  // namespace oneservice::kiosk
