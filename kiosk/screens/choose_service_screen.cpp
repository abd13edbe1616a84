// Start page: a search by keyword, then every service under its group as a
// large full-width button, and a way to check on a request made before.
#include "kiosk/screens/back_link.h"
#include "kiosk/screens/screens.h"
#include "kiosk/service_search.h"

namespace oneservice::kiosk::screens {
namespace {

void service_button(ScreenContext& screen, const Service& service) {
  if (ui::secondary_button(screen.ui, service.service_name))
    start_service(screen.journey, screen.rules, service.service_code);
}

void draw_search(ScreenContext& screen) {
  auto& query = screen.journey.fields.text;
  {
    ui::FontScope font(screen.ui.fonts.heading);
    ui::paragraph(screen.ui, screen.ui.tr("Search"));
  }
  ui::hint(screen.ui, screen.ui.tr("Type a word, for example bin, light or parking"));
  ui::text_field(screen.ui, "field:search", &query, false, ImGui::GetContentRegionAvail().x);
  if (query.empty()) return;
  const auto found = search_services(screen.rules.catalogue, screen.english, query);
  if (found.empty()) {
    ui::paragraph(screen.ui, screen.ui.tr("No services match your search. Try another word, or choose from the list below."));
    return;
  }
  ui::paragraph(screen.ui, format(screen.ui.trn("{count} service matches", "{count} services match",
                                                  static_cast<long>(found.size())),
                                    {{"count", std::to_string(found.size())}}));
  ui::IdScope id("results");
  for (const auto* service : found) service_button(screen, *service);
}

}  // namespace

void draw_choose_service(ScreenContext& screen) {
  back_link(screen);
  ui::heading(screen.ui, screen.ui.tr("What do you want to do?"));
  ui::hint(screen.ui, screen.ui.tr("Choose one. You can go back at any time."));
  draw_search(screen);
  const auto& catalogue = screen.rules.catalogue;
  for (const auto& group : catalogue.groups()) {
    {
      ui::FontScope font(screen.ui.fonts.heading);
      ImGui::Spacing();
      ui::paragraph(screen.ui, group);
    }
    for (const auto& service : catalogue.services)
      if (service.group == group) service_button(screen, service);
  }
  ImGui::Spacing();
  {
    ui::FontScope font(screen.ui.fonts.heading);
    ui::paragraph(screen.ui, screen.ui.tr("Already made a request?"));
  }
  if (ui::secondary_button(screen.ui, screen.ui.tr("Check progress with your reference"), "Check progress"))
    open_tracking(screen.journey);
}

}  // namespace oneservice::kiosk::screens
