#pragma once
// Reading the council's boundary file (GeoJSON, RFC 7946): the checks both
// the routing index (boundaries.cpp) and the map (map_data.cpp) make, with
// the same messages, so a file one of them accepts the other reads too.
// Every failure throws FormatError("The boundaries are not usable: ...").
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/map_data.h"

namespace oneservice::geojson {

using json = nlohmann::json;

[[noreturn]] void fail(const std::string& what);

// "features[3]" or "features[3] (\"parish-wenford\")", for messages.
std::string feature_name(std::size_t index, const std::string& id = {});

std::string optional_string(const json& object, const char* key, const std::string& where);
// Also refuses an empty string.
std::string required_string(const json& object, const char* key, const std::string& where);

// One feature that has a geometry (features with "geometry": null are
// skipped: they have no place).
struct Feature {
  std::size_t index = 0;      // in the "features" list
  const json* properties;     // the object, or null when absent
  std::string type;           // the geometry's type: "Polygon", "Point"...
  const json* coordinates;    // null when the geometry has none
};

// Parses the text as a FeatureCollection and calls visit for each feature
// with a geometry, in order.
void for_each_feature(const std::string& text, const std::function<void(const Feature&)>& visit);

// The feature's "properties", failing with `purpose` ("Give every area an
// id, name and kind.") when there are none.
const json& required_properties(const Feature& feature, const std::string& purpose);

// The feature's "coordinates" array, failing when there is none.
const json& required_coordinates(const Feature& feature, const std::string& where);

LonLat read_position(const json& position, const std::string& where);
// A list of at least min_count positions.
std::vector<LonLat> read_positions(const json& list, const std::string& where, std::size_t min_count);
// A closed ring: at least 4 positions, the last the same as the first.
std::vector<LonLat> read_ring(const json& ring, const std::string& where);
// A Polygon's rings (outer first, then holes).
std::vector<std::vector<LonLat>> read_polygon(const json& polygon, const std::string& where);

// The polygons of a Polygon (one) or MultiPolygon feature.
std::vector<std::vector<std::vector<LonLat>>> read_polygons(const Feature& feature, const std::string& where);

// The file's whole text; FormatError when it cannot be read.
std::string read_file_text(const std::string& path);

// parse(text of the file), its FormatError messages prefixed with the path.
template <typename Parse>
auto parse_file(const std::string& path, Parse parse) {
  const std::string text = read_file_text(path);
  try {
    return parse(text);
  } catch (const FormatError& error) {
    throw FormatError(path + ": " + error.what());
  }
}

}  // namespace oneservice::geojson
