#pragma once
// Steps field mode's journeys share, as an officer takes them.
#include <string>

#include "kiosk_driver.h"

namespace oneservice::kiosk::testing {

// Waits for the desk's sign-in thread to answer (a bound, not a measure),
// then lets the page settle.
void await_sign_in(KioskDriver& kiosk);

// Fills the online sign-in's four boxes (the PIN twice), taps Sign in and
// waits for the answer.
void sign_in_online(KioskDriver& kiosk, const std::string& name, const std::string& secret, const std::string& pin);

// Types the PIN on the PIN page (an officer already chosen), taps Sign in
// and waits for the answer.
void enter_pin(KioskDriver& kiosk, const std::string& pin);

}  // namespace oneservice::kiosk::testing
