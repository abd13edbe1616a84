#pragma once
// The graffiti report tapped through the real kiosk from the services page
// to its confirmation (no contact details): the journeys that follow a
// request to the council share these steps.
#include <gtest/gtest.h>

#include "kiosk_driver.h"

namespace oneservice::kiosk::testing {

inline void tap_graffiti_report(KioskDriver& kiosk) {
  ASSERT_TRUE(kiosk.tap("Report graffiti"));
  ASSERT_TRUE(kiosk.tap("No"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("A bus shelter"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("Up to 1 square metre"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.fill("field:location", "Bus shelter opposite the library, Ashcombe"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("Continue"));  // no contact details
  ASSERT_TRUE(kiosk.tap("Send report"));
  ASSERT_EQ(kiosk.journey().page, Page::Confirmation);
}

}  // namespace oneservice::kiosk::testing
