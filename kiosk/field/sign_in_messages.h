#pragma once
// Each sign-in outcome in the officer's words, for both sign-in screens.
#include <string>

#include "kiosk/field/field_desk.h"
#include "kiosk/widgets.h"

namespace oneservice::kiosk::field {

// Empty for SignedIn. The council's own words, when it sent some, are shown
// after ours by the screen (they may be in English only).
std::string sign_in_problem(ui::Context& ui, const SignInAnswer& answer);

}  // namespace oneservice::kiosk::field
