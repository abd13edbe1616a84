#pragma once
// A pinned place in words a resident recognises: "Near All Saints Church,
// Little Hembury", from the nearest landmark or road and the area it is in.
// For the location page (under the map) and Check answers.
#include <string>
#include <vector>

#include "shared/map_data.h"
#include "shared/wording.h"
#include "shared/request.h"
#include "shared/routing.h"

namespace oneservice::kiosk {

// The short name a map shows: "Little Hembury Parish Council" -> "Little
// Hembury". Names without a council suffix are kept whole.
std::string area_label(const std::string& name);

// The areas holding the point, smallest first (parish, district, county).
std::vector<const Area*> areas_at(LonLat point, const Boundaries& boundaries);

// "Near A338, Little Hembury"; "In Little Hembury" with nothing named
// nearby; "A place on the map" with no data to name it. map and boundaries
// may be null (not loaded).
std::string describe_point(LonLat point, const MapData* map, const Boundaries* boundaries,
                           const Wording& wording);

// Check answers: the pinned point described, then the resident's words,
// one per line; "Not provided" when there is neither.
std::string describe_location(const Location& location, const MapData* map, const Boundaries* boundaries,
                              const Wording& wording);

}  // namespace oneservice::kiosk
