// New report: the council's services by group, as on the kiosk, with the
// way back to Home instead of the kiosk's search and tracking.
#include "kiosk/field/field_screens.h"

namespace oneservice::kiosk::field {

void draw_choose_service(FieldScreen& screen) {
  auto& ui = screen.ui;
  if (ui::secondary_button(ui, ui.tr("Back"), "Back")) go_home(screen);
  ui::heading(ui, ui.tr("What are you reporting?"));
  const auto& rules = screen.journey_screen.rules;
  for (const auto& group : rules.catalogue.groups()) {
    {
      ui::FontScope font(ui.fonts.heading);
      ImGui::Spacing();
      ui::paragraph(ui, group);
    }
    for (const auto& service : rules.catalogue.services) {
      if (service.group != group) continue;
      // Tests and the probe know a service by its English name in any language.
      const auto* english = screen.journey_screen.english.find_service(service.service_code);
      if (!ui::secondary_button(ui, service.service_name, english ? english->service_name : service.service_name))
        continue;
      start_service(screen.state.journey, rules, service.service_code);
      screen.state.averaging = GpsAveraging{};
      screen.state.view = FieldView::Report;
    }
  }
}

}  // namespace oneservice::kiosk::field
