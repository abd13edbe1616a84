#include "kiosk/inactivity.h"

#include <algorithm>

namespace oneservice::kiosk {

InactivityStage InactivityTimer::stage(TimePoint now, const InactivityPolicy& policy) const {
  const auto quiet = now - last_activity;
  if (quiet >= policy.clear_after) return InactivityStage::Clear;
  if (quiet >= policy.warn_after) return InactivityStage::Warning;
  return InactivityStage::Active;
}

long InactivityTimer::seconds_left(TimePoint now, const InactivityPolicy& policy) const {
  const auto left = std::chrono::ceil<std::chrono::seconds>(last_activity + policy.clear_after - now);
  return std::max<long>(0, static_cast<long>(left.count()));
}

}  // namespace oneservice::kiosk
