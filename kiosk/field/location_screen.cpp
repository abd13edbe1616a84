// The report's location in the field: the GPS panel first (an officer is
// usually standing at the spot), then the kiosk's map and words for when
// the sky is blocked. Where the point came from is kept with the report.
#include "kiosk/field/field_screens.h"
#include "kiosk/field/gps_panel.h"
#include "kiosk/field/report_actions.h"

namespace oneservice::kiosk::field {

void draw_location(FieldScreen& screen) {
  auto& ui = screen.ui;
  auto& journey = screen.state.journey;
  const auto& rules = screen.journey_screen.rules;
  const auto* service = rules.catalogue.find_service(journey.service_code);
  if (!service) return;
  report_top(screen);
  ui::hint(ui, service->service_name);
  ui::heading(ui, service->location_question.empty() ? ui.tr("Where is it?") : service->location_question);
  for (const auto& error : journey.errors) ui::error_message(ui, error.message);
  gps_panel(screen, accuracy_needed(screen.settings, journey.service_code));
  if (journey.fields.lat && journey.location.source == LocationSource::Gps)
    ui::hint(ui, ui.tr("The pin is where the GPS put it. Tap the map to move it."));
  ImGui::Spacing();
  if (screens::draw_location_places(screen.journey_screen, *service)) {
    journey.location.source = LocationSource::Map;
    journey.location.accuracy_m.reset();
  }
  ImGui::Spacing();
  if (ui::primary_button(ui, ui.tr("Continue"), "Continue")) {
    if (!journey.fields.lat && !journey.fields.text.empty()) journey.location.source = LocationSource::Words;
    // Where the officer works: the engine keeps the open cases around it for "Is it one of these?".
    if (journey.fields.lat && journey.fields.lon) screen.desk.working_near(*journey.fields.lat, *journey.fields.lon);
    continue_page(journey, rules);
  }
  report_bottom(screen);
}

}  // namespace oneservice::kiosk::field
