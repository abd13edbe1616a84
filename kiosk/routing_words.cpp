#include "kiosk/routing_words.h"

#include <optional>

#include "kiosk/catalogue_translation.h"
#include "kiosk/translator.h"

namespace oneservice::kiosk {

std::string routing_notice(const ui::Context& ui, const RoutingDecision& decision) {
  if (!ui.translator) return oneservice::routing_notice(decision, Wording::english());
  // The same decision, pointing at the areas in the resident's language.
  RoutingDecision shown = decision;
  std::optional<Area> body, county;
  if (decision.body) shown.body = &body.emplace(translated(*decision.body, *ui.translator));
  if (decision.county) shown.county = &county.emplace(translated(*decision.county, *ui.translator));
  return oneservice::routing_notice(shown, ui.translator->wording());
}

std::string body_name(const ui::Context& ui, const Area& area) {
  return ui.translator ? ui.translator->catalogue(area.name) : area.name;
}

void draw_area_list(ui::Context& ui, const std::vector<const Area*>& areas) {
  if (areas.empty()) return;
  ui::paragraph(ui, ui.tr("This place is in the area of:"));
  for (const Area* area : areas)
    if (area->kind != "county" || area == areas.front()) ui::paragraph(ui, "\u2022 " + body_name(ui, *area));
}

}  // namespace oneservice::kiosk
