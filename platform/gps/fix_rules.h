#pragma once
// The officer's rules for a position: whether a fix is good enough to put a
// report there, how old it is, and averaging a few seconds of readings
// while standing still. No libgps here: these are tested on their own.
#include <chrono>
#include <deque>
#include <optional>

#include "platform/gps/fix.h"

namespace oneservice::gps {

// The threshold is the caller's (a service's own, else the field default of
// 10 m): a fix with no accuracy figure is never acceptable, since "unknown"
// must not pass for "good".
bool fix_acceptable(const Fix& fix, double threshold_m);

// Whole seconds since the fix was received; zero for a fix stamped in the
// future (a clock step), never negative.
std::chrono::seconds fix_age(const Fix& fix, TimePoint now);

// Averages a standing officer's readings over the last few seconds, as
// Survey123 does: readings without an accuracy are ignored, readings older
// than the window (counted back from the newest) fall out, and only the
// better half (by accuracy) is averaged, so one multipath jump does not pull
// the point. The average's accuracy is the worst of the readings it used:
// GPS errors a second apart are correlated, so averaging them is not
// claimed to make the point more accurate than its inputs.
class FixAverager {
 public:
  static constexpr std::chrono::seconds kDefaultWindow{5};
  explicit FixAverager(std::chrono::seconds window = kDefaultWindow) : window_(window) {}

  void add(const Fix& fix);
  std::optional<Fix> average() const;  // nullopt until a reading with an accuracy came
  int count() const { return static_cast<int>(readings_.size()); }  // readings in the window
  void clear() { readings_.clear(); }

 private:
  std::chrono::seconds window_;
  std::deque<Fix> readings_;  // oldest first, all with an accuracy
};

}  // namespace oneservice::gps
