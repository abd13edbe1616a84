#include "shared/geojson_reading.h"

#include <cmath>
#include <fstream>
#include <sstream>

namespace oneservice::geojson {

void fail(const std::string& what) { throw FormatError("The boundaries are not usable: " + what); }

std::string feature_name(std::size_t index, const std::string& id) {
  std::string out = "features[" + std::to_string(index) + "]";
  if (!id.empty()) out += " (\"" + id + "\")";
  return out;
}

std::string optional_string(const json& object, const char* key, const std::string& where) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return {};
  if (!found->is_string()) fail(where + " has a \"" + key + "\" that is not text.");
  return found->get<std::string>();
}

std::string required_string(const json& object, const char* key, const std::string& where) {
  std::string value = optional_string(object, key, where);
  if (value.empty()) fail(where + " has no \"" + key + "\" in its properties. Give every area an " + key + ".");
  return value;
}

void for_each_feature(const std::string& text, const std::function<void(const Feature&)>& visit) {
  json document;
  try {
    document = json::parse(text);
  } catch (const json::exception& error) {
    // Not only parse_error: a number too large for a double (1e400) is an
    // out_of_range, which escaped as a crash (found by fuzz/boundaries).
    throw FormatError(std::string("The boundaries are not valid JSON: ") + error.what());
  }
  if (!document.is_object() || !document.contains("type") || document["type"] != "FeatureCollection")
    fail("the file is not a GeoJSON FeatureCollection (its \"type\" must be \"FeatureCollection\").");
  const auto features = document.find("features");
  if (features == document.end() || !features->is_array()) fail("the FeatureCollection has no \"features\" list.");

  for (std::size_t i = 0; i < features->size(); ++i) {
    const auto& feature = (*features)[i];
    if (!feature.is_object() || !feature.contains("type") || feature["type"] != "Feature")
      fail(feature_name(i) + " is not a GeoJSON Feature (its \"type\" must be \"Feature\").");
    const auto geometry = feature.find("geometry");
    if (geometry == feature.end()) fail(feature_name(i) + " has no \"geometry\". Use null for none.");
    if (geometry->is_null()) continue;
    if (!geometry->is_object() || !geometry->contains("type") || !(*geometry)["type"].is_string())
      fail(feature_name(i) + " has a \"geometry\" with no \"type\".");
    const auto properties = feature.find("properties");
    const auto coordinates = geometry->find("coordinates");
    visit(Feature{i, properties != feature.end() && properties->is_object() ? &*properties : nullptr,
                  (*geometry)["type"].get<std::string>(), coordinates != geometry->end() ? &*coordinates : nullptr});
  }
}

const json& required_properties(const Feature& feature, const std::string& purpose) {
  if (!feature.properties) fail(feature_name(feature.index) + " has no \"properties\". " + purpose);
  return *feature.properties;
}

const json& required_coordinates(const Feature& feature, const std::string& where) {
  if (!feature.coordinates || !feature.coordinates->is_array())
    fail(where + " has a " + feature.type + " with no \"coordinates\" list.");
  return *feature.coordinates;
}

LonLat read_position(const json& position, const std::string& where) {
  if (!position.is_array() || position.size() < 2 || !position[0].is_number() || !position[1].is_number())
    fail(where + " is not a [longitude, latitude] pair of numbers.");
  const LonLat out{position[0].get<double>(), position[1].get<double>()};
  if (!std::isfinite(out.lon) || !std::isfinite(out.lat) || out.lon < -180 || out.lon > 180 || out.lat < -90 ||
      out.lat > 90)
    fail(where + " is outside longitude -180 to 180 and latitude -90 to 90. Positions are [longitude, latitude].");
  return out;
}

std::vector<LonLat> read_positions(const json& list, const std::string& where, std::size_t min_count) {
  if (!list.is_array()) fail(where + " is not a list of positions.");
  if (list.size() < min_count)
    fail(where + " has " + std::to_string(list.size()) + " positions. It needs at least " +
         std::to_string(min_count) + ".");
  std::vector<LonLat> out;
  out.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i)
    out.push_back(read_position(list[i], where + ", position " + std::to_string(i)));
  return out;
}

std::vector<LonLat> read_ring(const json& ring, const std::string& where) {
  if (ring.is_array() && ring.size() < 4)
    fail(where + " has " + std::to_string(ring.size()) +
         " positions. A ring needs at least 4, the last the same as the first.");
  auto out = read_positions(ring, where, 4);
  if (out.front() != out.back()) fail(where + " does not end where it starts. Repeat the first position at the end.");
  return out;
}

std::vector<std::vector<LonLat>> read_polygon(const json& polygon, const std::string& where) {
  if (!polygon.is_array() || polygon.empty()) fail(where + " has no rings.");
  std::vector<std::vector<LonLat>> out;
  for (std::size_t i = 0; i < polygon.size(); ++i)
    out.push_back(read_ring(polygon[i], where + ", ring " + std::to_string(i)));
  return out;
}

std::vector<std::vector<std::vector<LonLat>>> read_polygons(const Feature& feature, const std::string& where) {
  const auto& coordinates = required_coordinates(feature, where);
  if (feature.type == "Polygon") return {read_polygon(coordinates, where)};
  if (coordinates.empty()) fail(where + " has a MultiPolygon with no polygons.");
  std::vector<std::vector<std::vector<LonLat>>> out;
  for (std::size_t i = 0; i < coordinates.size(); ++i)
    out.push_back(read_polygon(coordinates[i], where + ", polygon " + std::to_string(i)));
  return out;
}

std::string read_file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FormatError("Cannot open the boundaries file " + path + ". Check that it exists and can be read.");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace oneservice::geojson
