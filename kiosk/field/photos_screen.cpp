// The report's photos: up to five, each removable. Taking and importing
// photos come with the tablet's camera and photo library (issue 13's
// device part); a report can be sent without any.
#include "kiosk/field/field_screens.h"
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
  const long count = static_cast<long>(journey.photos.size());
  ui::paragraph(ui, count == 0 ? ui.tr("No photos yet.")
                               : format(ui.trn("{count} photo of at most 5", "{count} photos of at most 5", count),
                                        {{"count", std::to_string(count)}}));
  for (std::size_t i = 0; i < journey.photos.size(); ++i) {
    ui::IdScope id("photo" + std::to_string(i));
    ui::paragraph(ui, format(ui.tr("Photo {number}"), {{"number", std::to_string(i + 1)}}));
    if (ui::secondary_button(ui, ui.tr("Remove"), "Remove photo " + std::to_string(i + 1))) {
      journey.photos.erase(journey.photos.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
  ImGui::Spacing();
  if (ui::primary_button(ui, ui.tr("Continue"), "Continue")) continue_page(journey, screen.journey_screen.rules);
  report_bottom(screen);
}

}  // namespace oneservice::kiosk::field
