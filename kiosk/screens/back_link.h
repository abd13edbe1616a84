#pragma once
#include "kiosk/screens/screens.h"

namespace oneservice::kiosk::screens {

// "Back" at the top of every page after the first.
inline void back_link(ScreenContext& screen) {
  if (ui::secondary_button(screen.ui, screen.ui.tr("Back"), "Back")) go_back(screen.journey, screen.rules);
}

}  // namespace oneservice::kiosk::screens
