#include "kiosk/place_data.h"

#include <exception>

namespace oneservice::kiosk {

PlaceData load_place_data(const std::string& boundaries_path) {
  PlaceData places;
  try {
    places.boundaries.emplace(Boundaries::load_file(boundaries_path));
    places.map.emplace(load_map_data(boundaries_path));
  } catch (const std::exception& failure) {
    // FormatError names the file and the feature; GEOS failures say so.
    places.boundaries.reset();
    places.map.reset();
    places.problem = std::string("The map is off: ") + failure.what();
  }
  return places;
}

}  // namespace oneservice::kiosk
