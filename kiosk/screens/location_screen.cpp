// Where it is. A place in words for now; tapping a map comes later.
#include "kiosk/screens/back_link.h"
#include "kiosk/screens/screens.h"

namespace oneservice::kiosk::screens {

void draw_location(ScreenContext& screen) {
  auto& journey = screen.journey;
  const auto* service = screen.rules.catalogue.find_service(journey.service_code);
  if (!service) return;
  back_link(screen);
  ui::error_summary(screen.ui, journey.errors);
  ui::hint(screen.ui, service->service_name);
  ui::heading(screen.ui, service->location_question.empty() ? "Where is it?" : service->location_question);
  ui::hint(screen.ui, service->location_hint);
  for (const auto& error : journey.errors) ui::error_message(screen.ui, error.message);
  ui::text_field(screen.ui, "field:location", &journey.fields.text, false, ImGui::GetContentRegionAvail().x);
  ImGui::Spacing();
  if (ui::primary_button(screen.ui, "Continue")) continue_page(journey, screen.rules);
}

}  // namespace oneservice::kiosk::screens
