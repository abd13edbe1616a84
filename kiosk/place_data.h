#pragma once
// The council's boundary file as the kiosk uses it: Boundaries to decide who
// deals with a pinned place (the same routing code as the central server)
// and MapData to draw the map. Loaded once at startup; without it the kiosk
// still works and its location page asks for words only.
#include <optional>
#include <string>

#include "shared/map_data.h"
#include "shared/routing.h"

namespace oneservice::kiosk {

struct PlaceData {
  std::optional<Boundaries> boundaries;
  std::optional<MapData> map;
  std::string problem;  // why there is no map, for the operator; empty when loaded

  // The map can be offered only with both: a pin must get its routing.
  bool usable() const { return boundaries && map; }
};

// Never throws: a missing or broken file gives a PlaceData with a problem.
PlaceData load_place_data(const std::string& boundaries_path);

}  // namespace oneservice::kiosk
