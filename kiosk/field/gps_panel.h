#pragma once
// The location page's GPS panel: the receiver's live accuracy, satellites
// and the fix's age; "Use this position" only when the fix is good enough
// for the service; "Average for 5 seconds" when it is not.
#include "kiosk/field/field_screens.h"

namespace oneservice::kiosk::field {

// A fix the report may take: acceptable by the officer's rule
// (gps::fix_acceptable) and fresh, since a fix from a minute ago is where
// the officer was, not where they are.
bool fix_usable(const GpsFix& fix, double needed, TimePoint now);
inline constexpr std::chrono::seconds kFixFreshFor{10};

// Draws the panel; true when the officer took a position (it is then in
// the journey's page fields, with its origin and accuracy).
bool gps_panel(FieldScreen& screen, double needed);

}  // namespace oneservice::kiosk::field
