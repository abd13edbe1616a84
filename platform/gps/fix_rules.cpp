#include "platform/gps/fix_rules.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace oneservice::gps {

bool fix_acceptable(const Fix& fix, double threshold_m) {
  return fix.accuracy_m && std::isfinite(*fix.accuracy_m) && *fix.accuracy_m >= 0 && *fix.accuracy_m <= threshold_m;
}

std::chrono::seconds fix_age(const Fix& fix, TimePoint now) {
  if (now <= fix.at) return std::chrono::seconds{0};
  return std::chrono::duration_cast<std::chrono::seconds>(now - fix.at);
}

void FixAverager::add(const Fix& fix) {
  if (!fix.accuracy_m || !std::isfinite(*fix.accuracy_m) || !std::isfinite(fix.lat) || !std::isfinite(fix.lon))
    return;
  readings_.push_back(fix);
  // Counted back from the newest reading rather than from "now", so the
  // window does not empty itself while the officer waits on a lost signal.
  TimePoint newest = readings_.front().at;
  for (const auto& reading : readings_) newest = std::max(newest, reading.at);
  std::erase_if(readings_, [&](const Fix& reading) { return newest - reading.at > window_; });
}

std::optional<Fix> FixAverager::average() const {
  if (readings_.empty()) return std::nullopt;
  std::vector<const Fix*> best;
  for (const auto& reading : readings_) best.push_back(&reading);
  std::stable_sort(best.begin(), best.end(), [](const Fix* a, const Fix* b) { return *a->accuracy_m < *b->accuracy_m; });
  best.resize((best.size() + 1) / 2);

  Fix mean;
  const Fix* newest = best.front();
  for (const Fix* reading : best) {
    mean.lat += reading->lat;
    mean.lon += reading->lon;
    mean.accuracy_m = std::max(mean.accuracy_m.value_or(0.0), *reading->accuracy_m);
    if (reading->at > newest->at) newest = reading;
  }
  // A plain mean of degrees: readings a few metres apart, never across the
  // antimeridian in a UK council's area.
  mean.lat /= static_cast<double>(best.size());
  mean.lon /= static_cast<double>(best.size());
  mean.satellites_used = newest->satellites_used;
  mean.satellites_seen = newest->satellites_seen;
  mean.at = newest->at;
  return mean;
}

}  // namespace oneservice::gps
