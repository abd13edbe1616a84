#pragma once
// The location page's GPS panel: the receiver's live accuracy, satellites
// and the fix's age; "Use this position" only when the fix is good enough
// for the service; "Average for 5 seconds" when it is not.
#include "kiosk/field/field_screens.h"

namespace oneservice::kiosk::field {

// A fix the report may take: its accuracy known and within `needed`
// metres, and fresh (a fix from a minute ago is where the officer was).
bool fix_usable(const GpsFix& fix, double needed, TimePoint now);
inline constexpr std::chrono::seconds kFixFreshFor{10};
inline constexpr std::chrono::seconds kAverageFor{5};

// The averaged position of the fixes gathered: the better half by accuracy
// (worse readings are dropped, as Survey123 does), their mean point, and
// the worst accuracy kept (the average is at least that good).
std::optional<GpsFix> average_fixes(const std::vector<GpsFix>& fixes);

// Draws the panel; true when the officer took a position (it is then in
// the journey's page fields, with its origin and accuracy).
bool gps_panel(FieldScreen& screen, double needed);

}  // namespace oneservice::kiosk::field
