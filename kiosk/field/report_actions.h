#pragma once
// What every page of a field report has around the kiosk's page: Back at
// the top with the error summary, and "Save as draft" at the bottom.
#include "kiosk/field/field_screens.h"

namespace oneservice::kiosk::field {

void report_top(FieldScreen& screen);
void report_bottom(FieldScreen& screen);

}  // namespace oneservice::kiosk::field
