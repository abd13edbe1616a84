#include "kiosk/operator/corner_press.h"

namespace oneservice::kiosk {

bool CornerPress::update(bool down, float x, float y, TimePoint now, const CornerPressPolicy& policy) {
  const bool in_corner = x >= 0 && y >= 0 && x < policy.size && y < policy.size;
  if (!down) {
    phase = Phase::Up;
    return false;
  }
  switch (phase) {
    case Phase::Up:
      phase = in_corner ? Phase::Holding : Phase::Spent;
      since = now;
      return false;
    case Phase::Holding:
      if (!in_corner) {
        phase = Phase::Spent;
        return false;
      }
      if (now - since < policy.hold) return false;
      phase = Phase::Spent;
      return true;
    case Phase::Spent:
      return false;
  }
  return false;
}

}  // namespace oneservice::kiosk
