#pragma once
// Waiting on another thread or process with a deadline: a test that waits
// says what for and fails when it does not come, instead of hanging until
// ctest gives up on it.
#include <chrono>
#include <functional>

namespace oneservice::test_support {

// Generous: these deadlines catch a hang, they do not measure speed.
inline constexpr std::chrono::seconds kWaitLimit{30};

// Calls `done` every few milliseconds until it returns true (true) or
// `limit` has passed (false).
bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds limit = kWaitLimit);

}  // namespace oneservice::test_support
