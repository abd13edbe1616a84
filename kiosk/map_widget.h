#pragma once
// The map a resident taps to say where something is: the council's areas,
// roads and landmarks drawn with ImDrawList, the area under the pin
// highlighted, and large Zoom in / Zoom out buttons under it. A tap places
// the pin, a drag moves the map, two fingers pinch to zoom.
#include <optional>
#include <string>

#include "kiosk/map_view.h"
#include "kiosk/widgets.h"
#include "platform/pointer_input.h"
#include "shared/map_data.h"

namespace oneservice::kiosk::ui {

struct MapInput {
  const MapData& map;
  // The area to show as the pin's (the one that deals with it, or the
  // smallest area holding the pin); empty for none.
  std::string highlight_id;
  // The fingers on the screen, for pinching; null where there is no touch
  // screen (the buttons still zoom).
  const platform::TouchPoints* touches = nullptr;
  // Move the view to this place, closer in (a search result chosen).
  std::optional<LonLat> show;
  float height = 500;
};

// Draws the map full width at the cursor (recorded in the probe as "map")
// and the zoom buttons under it. view is fitted to the data on first use.
// Returns true when a tap placed the pin this frame.
bool map(Context& ui, const MapInput& input, MapView& view, std::optional<LonLat>& pin);

}  // namespace oneservice::kiosk::ui
