// Where it is: search for a named place or tap the map to pin it, see who
// will deal with it there (decided here, offline, by the routing the central
// server runs), and add words for the exact spot. Without the council's map
// data the page asks for words only.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/location_description.h"
#include "kiosk/map_widget.h"
#include "kiosk/place_search.h"
#include "kiosk/routing_words.h"
#include "kiosk/search_text.h"
#include "kiosk/screens/back_link.h"
#include "kiosk/screens/screens.h"

namespace oneservice::kiosk::screens {
namespace {

// The search box and its results. Returns the place chosen, if one was.
std::optional<LonLat> place_search(ScreenContext& screen, const MapData& map, float width) {
  auto& fields = screen.journey.fields;
  {
    ui::FontScope font(screen.ui.fonts.heading);
    ui::paragraph(screen.ui, screen.ui.tr("Search for a place"));
  }
  ui::hint(screen.ui, screen.ui.tr("For example a village, a road or a landmark."));
  ui::text_field(screen.ui, "field:place-search", &fields.place_search, false, width);
  const auto matches = search_places(map, fields.place_search);
  if (!search_words(fields.place_search).empty() && matches.empty())
    ui::paragraph(screen.ui, screen.ui.tr("No places found with that name. Try another name, or find the place on the map."));
  for (const auto& match : matches) {
    // An area is a body, named as the council translates it; a landmark or
    // road keeps its name.
    const std::string shown = match.kind == "landmark" || match.kind == "road" || !screen.ui.translator
                                  ? match.name
                                  : screen.ui.translator->catalogue(match.name);
    if (!ui::secondary_button(screen.ui, shown, "place:" + match.name)) continue;
    fields.place_search.clear();
    return match.point;
  }
  return std::nullopt;
}

// The area to highlight: the one that deals with it, unless that is the
// whole county; then the smallest area holding the pin.
std::string highlight_for(const RoutingDecision& decision, const std::vector<const Area*>& areas) {
  if (decision.body && decision.body->kind != "county") return decision.body->id;
  return areas.empty() ? std::string{} : areas.front()->id;
}

void map_and_decision(ScreenContext& screen, const Service& service, const PlaceData& places,
                      std::optional<LonLat> show) {
  auto& fields = screen.journey.fields;
  std::optional<LonLat> pin;
  if (fields.lat && fields.lon) pin = LonLat{*fields.lon, *fields.lat};
  std::optional<RoutingDecision> decision;
  std::vector<const Area*> areas;
  if (pin) {
    decision = route(service, screen.journey.answers, pin->lat, pin->lon, *places.boundaries);
    areas = areas_at(*pin, *places.boundaries);
  }

  ImGui::Spacing();
  ui::hint(screen.ui, screen.ui.tr("Tap the map to put a pin on the place. Drag the map to move it."));
  ui::MapInput input{*places.map, decision ? highlight_for(*decision, areas) : std::string{}, screen.touches, show};
  if (ui::map(screen.ui, input, fields.map_view, pin) && pin) {
    fields.lat = pin->lat;
    fields.lon = pin->lon;
  }
  if (!pin) {
    ui::paragraph(screen.ui, screen.ui.tr("No place marked on the map yet."));
    return;
  }
  {
    ui::FontScope font(screen.ui.fonts.heading);
    ui::paragraph(screen.ui, describe_point(*pin, &*places.map, &*places.boundaries, screen.rules.wording));
  }
  draw_area_list(screen.ui, areas);
  if (decision) ui::paragraph(screen.ui, routing_notice(screen.ui, *decision));
}

}  // namespace

bool draw_location_places(ScreenContext& screen, const Service& service) {
  auto& journey = screen.journey;
  const float width = ImGui::GetContentRegionAvail().x;
  const auto before_lat = journey.fields.lat, before_lon = journey.fields.lon;
  if (screen.places && screen.places->usable()) {
    const auto chosen = place_search(screen, *screen.places->map, width);
    if (chosen) {
      journey.fields.lat = chosen->lat;
      journey.fields.lon = chosen->lon;
    }
    map_and_decision(screen, service, *screen.places, chosen);
    ImGui::Spacing();
    ui::FontScope font(screen.ui.fonts.heading);
    ui::paragraph(screen.ui, screen.ui.tr("Describe the exact spot (optional)"));
  }
  ui::text_field(screen.ui, "field:location", &journey.fields.text, false, width);
  return journey.fields.lat != before_lat || journey.fields.lon != before_lon;
}

void draw_location(ScreenContext& screen) {
  auto& journey = screen.journey;
  const auto* service = screen.rules.catalogue.find_service(journey.service_code);
  if (!service) return;
  back_link(screen);
  ui::reveal_here(screen.ui, journey.reveal_frames);
  ui::error_summary(screen.ui, journey.errors);
  ui::hint(screen.ui, service->service_name);
  ui::heading(screen.ui, service->location_question.empty() ? screen.ui.tr("Where is it?") : service->location_question);
  ui::hint(screen.ui, service->location_hint);
  for (const auto& error : journey.errors) ui::error_message(screen.ui, error.message);
  draw_location_places(screen, *service);
  ImGui::Spacing();
  if (ui::primary_button(screen.ui, screen.ui.tr("Continue"), "Continue")) continue_page(journey, screen.rules);
}

}  // namespace oneservice::kiosk::screens
