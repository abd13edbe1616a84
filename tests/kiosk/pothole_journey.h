#pragma once
// The kiosk tests' sample journey: the demo council's pothole report
// answered page by page up to Check answers (no contact details).
#include "kiosk/journey.h"

namespace oneservice::kiosk::testing {

inline void answer_pothole(Journey& journey, const JourneyContext& context) {
  start_service(journey, context, "pothole");
  journey.fields.chosen = {"road"};
  continue_page(journey, context);
  journey.fields.chosen = {"bigger_than_plate"};
  continue_page(journey, context);
  journey.fields.text = "12";
  continue_page(journey, context);
  continue_page(journey, context);  // more details: optional
  journey.fields.text = "Outside the library";
  continue_page(journey, context);
  continue_page(journey, context);  // contact details: optional
}

}  // namespace oneservice::kiosk::testing
