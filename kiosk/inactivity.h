#pragma once
// A kiosk is shared: after a quiet spell it asks "Do you need more time?",
// and after a longer one it forgets everything the resident entered and
// returns to the start, so nothing personal is left for the next person.
// Plain state and a pure decision, driven by the app's clock (tests move it).
#include <chrono>

#include "shared/clock.h"

namespace oneservice::kiosk {

struct InactivityPolicy {
  std::chrono::seconds warn_after{90};
  std::chrono::seconds clear_after{120};
};

enum class InactivityStage { Active, Warning, Clear };

struct InactivityTimer {
  TimePoint last_activity{};

  void touch(TimePoint now) { last_activity = now; }
  InactivityStage stage(TimePoint now, const InactivityPolicy& policy) const;
  // Whole seconds left before everything is cleared (for the countdown).
  long seconds_left(TimePoint now, const InactivityPolicy& policy) const;
};

}  // namespace oneservice::kiosk
