#pragma once
// One position as gpsd reported it, and what the reader knows right now.
// Plain structs with no libgps in them, so the rules (fix_rules.h) and the
// UI can use them without the library.
#include <cstdint>
#include <optional>

#include "shared/clock.h"

namespace oneservice::gps {

struct Fix {
  double lat = 0, lon = 0;
  // Horizontal uncertainty in metres as gpsd gives it (eph, else the larger
  // of epx and epy); unknown when the receiver gave no DOP or error figures,
  // and then the fix is never acceptable (fix_rules.h).
  std::optional<double> accuracy_m;
  int satellites_used = 0, satellites_seen = 0;
  // When the tablet received it. Not the receiver's own timestamp: a
  // receiver's clock can be wrong before its first full fix, and the age an
  // officer needs is "how long since the GPS last told us this".
  TimePoint at{};

  friend bool operator==(const Fix&, const Fix&) = default;
};

// NoGpsd: no gpsd to talk to (not installed, not running, gone away);
// Searching: gpsd answers but has no position (no receiver, or no fix yet);
// HasFix: a position, however poor (acceptance is fix_acceptable's call).
enum class GpsState { NoGpsd, Searching, HasFix };

struct GpsReading {
  GpsState state = GpsState::NoGpsd;
  std::optional<Fix> fix;  // set only in HasFix
  // Satellites in view while Searching too ("searching, 3 satellites seen").
  int satellites_seen = 0;

  friend bool operator==(const GpsReading&, const GpsReading&) = default;
};

}  // namespace oneservice::gps
