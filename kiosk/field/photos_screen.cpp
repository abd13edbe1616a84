// The report's photos page: up to five, from the camera or a folder, each
// removable, and a photo's own position for the report. A report can be
// sent without any.
#include "kiosk/field/field_screens.h"
#include "kiosk/field/photo_picker.h"
#include "kiosk/field/report_actions.h"

namespace oneservice::kiosk::field {

void draw_photos(FieldScreen& screen) {
  auto& ui = screen.ui;
  auto& journey = screen.state.journey;
  const auto* service = screen.journey_screen.rules.catalogue.find_service(journey.service_code);
  if (!service) return;
  report_top(screen);
  ui::hint(ui, service->service_name);
  ui::heading(ui, ui.tr("Photos (optional)"));
  draw_photo_picker(screen, journey.photos, &journey.location);
  ImGui::Spacing();
  if (ui::primary_button(ui, ui.tr("Continue"), "Continue")) continue_page(journey, screen.journey_screen.rules);
  report_bottom(screen);
}

}  // namespace oneservice::kiosk::field
