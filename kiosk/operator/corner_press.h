#pragma once
// The way out for staff: a finger held still in the top-left corner for a
// few seconds opens the PIN pad. A resident tapping about never holds one
// spot that long, and the corner holds no control. Plain state and a pure
// decision fed once a frame, driven by the app's clock (tests move it).
#include <chrono>

#include "shared/clock.h"

namespace oneservice::kiosk {

struct CornerPressPolicy {
  float size = 120.0f;  // the square from the screen's top-left, in pixels
  std::chrono::milliseconds hold{3000};
};

struct CornerPress {
  // Up: no press. Holding: pressed in the corner since `since`. Spent: this
  // press began outside, left the corner or has already fired; nothing
  // happens until the finger lifts.
  enum class Phase { Up, Holding, Spent };
  Phase phase = Phase::Up;
  TimePoint since{};

  // One frame's pointer. Returns true once per press: on the frame the
  // hold completes.
  bool update(bool down, float x, float y, TimePoint now, const CornerPressPolicy& policy = {});
  bool holding() const { return phase == Phase::Holding; }
};

}  // namespace oneservice::kiosk
