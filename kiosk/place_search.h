#pragma once
// Finding a named place on the map from what the resident types: landmarks,
// roads, parishes and districts. Forgiving, because residents type on a
// touch screen: case and accents do not matter, and each word typed may be
// the start of a word in the name ("hemb" finds "Little Hembury").
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "shared/map_data.h"

namespace oneservice::kiosk {

struct PlaceMatch {
  std::string name;  // as the data spells it
  std::string kind;  // "landmark", "road", or the area's kind
  LonLat point;      // the landmark, a road's middle vertex, an area's centroid
};


// Places whose name has, for every word typed, a word starting with it. Best
// first: names where every word typed is a whole word, then landmarks, roads
// and the smaller areas before the larger, then by name. At most limit; none
// for a query with no words.
std::vector<PlaceMatch> search_places(const MapData& map, std::string_view query, std::size_t limit = 5);

}  // namespace oneservice::kiosk
