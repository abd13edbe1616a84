#include "kiosk/operator/pin_check.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <array>

namespace oneservice::kiosk {
namespace {

// The length, then the digits, zero-padded: equal buffers mean equal PINs,
// and comparing them takes the same time whatever either holds.
std::array<unsigned char, kMaxPinLength + 1> padded(std::string_view pin) {
  std::array<unsigned char, kMaxPinLength + 1> out{};
  const std::size_t length = std::min(pin.size(), kMaxPinLength);
  out[0] = static_cast<unsigned char>(pin.size() > kMaxPinLength ? 0xFF : length);
  std::copy_n(pin.begin(), length, out.begin() + 1);
  return out;
}

}  // namespace

bool is_valid_pin(std::string_view text) {
  return text.size() >= kMinPinLength && text.size() <= kMaxPinLength &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool pins_match(std::string_view entered, std::string_view configured) {
  if (!is_valid_pin(configured)) return false;  // no PIN set: nothing opens the screen
  const auto a = padded(entered);
  const auto b = padded(configured);
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

PinResult PinGuard::check(std::string_view entered, std::string_view configured, TimePoint now,
                          const PinPolicy& policy) {
  if (locked(now)) return PinResult::LockedOut;
  if (pins_match(entered, configured)) {
    failures = 0;
    return PinResult::Accepted;
  }
  if (++failures < policy.tries) return PinResult::Refused;
  failures = 0;
  locked_until = now + policy.lockout;
  return PinResult::LockedOut;
}

long PinGuard::seconds_locked(TimePoint now) const {
  const auto left = std::chrono::ceil<std::chrono::seconds>(locked_until - now);
  return std::max<long>(0, static_cast<long>(left.count()));
}

}  // namespace oneservice::kiosk
