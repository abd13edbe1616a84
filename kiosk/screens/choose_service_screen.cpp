// Start page: every service, under its group, as a large full-width button.
#include "kiosk/screens/screens.h"

namespace oneservice::kiosk::screens {

void draw_choose_service(ScreenContext& screen) {
  ui::heading(screen.ui, "What do you want to do?");
  ui::hint(screen.ui, "Choose one. You can go back at any time.");
  const auto& catalogue = screen.rules.catalogue;
  for (const auto& group : catalogue.groups()) {
    {
      ui::FontScope font(screen.ui.fonts.heading);
      ImGui::Spacing();
      ImGui::TextUnformatted(group.c_str());
      screen.ui.probe.texts.push_back(group);
    }
    for (const auto& service : catalogue.services) {
      if (service.group != group) continue;
      if (ui::secondary_button(screen.ui, service.service_name))
        start_service(screen.journey, screen.rules, service.service_code);
    }
  }
}

}  // namespace oneservice::kiosk::screens
