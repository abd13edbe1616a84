#include "field_steps.h"

#include <gtest/gtest.h>

namespace oneservice::kiosk::testing {

void await_sign_in(KioskDriver& kiosk) {
  ASSERT_TRUE(kiosk.wait_until([&] { return !kiosk.app().field()->desk().signing_in(); }, std::chrono::seconds(30)));
  kiosk.settle();
}

void sign_in_online(KioskDriver& kiosk, const std::string& name, const std::string& secret, const std::string& pin) {
  ASSERT_TRUE(kiosk.fill("field:name", name));
  ASSERT_TRUE(kiosk.fill("field:secret", secret));
  ASSERT_TRUE(kiosk.fill("field:pin", pin));
  ASSERT_TRUE(kiosk.fill("field:pin_again", pin));
  ASSERT_TRUE(kiosk.tap("Sign in"));
  await_sign_in(kiosk);
}

void enter_pin(KioskDriver& kiosk, const std::string& pin) {
  ASSERT_TRUE(kiosk.fill("field:pin", pin));
  ASSERT_TRUE(kiosk.tap("Sign in"));
  await_sign_in(kiosk);
}

}  // namespace oneservice::kiosk::testing
