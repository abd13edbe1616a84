// MapData: the drawable part of the boundary file. The checks on positions
// and rings are the ones Boundaries makes (geojson_reading.cpp), so the map
// never shows a file the routing would refuse, or refuses one it accepts.
#include "shared/map_data.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "shared/geojson_reading.h"

namespace oneservice {
namespace {

using geojson::fail;
using geojson::feature_name;

using Lines = std::vector<std::vector<LonLat>>;

MapArea read_area(const geojson::Feature& feature) {
  const auto& properties = geojson::required_properties(feature, "Give every area an id, name and kind.");
  MapArea area;
  area.id = geojson::required_string(properties, "id", feature_name(feature.index));
  const auto where = feature_name(feature.index, area.id);
  area.name = geojson::required_string(properties, "name", where);
  area.kind = geojson::required_string(properties, "kind", where);
  for (auto& polygon : geojson::read_polygons(feature, where))
    for (auto& ring : polygon) area.rings.push_back(std::move(ring));
  return area;
}

// The id and name of a road or landmark: both optional, a line or a dot
// can be drawn without them.
template <typename Item>
std::string read_label(const geojson::Feature& feature, Item& item) {
  std::string where = feature_name(feature.index);
  if (!feature.properties) return where;
  item.id = geojson::optional_string(*feature.properties, "id", where);
  where = feature_name(feature.index, item.id);
  item.name = geojson::optional_string(*feature.properties, "name", where);
  return where;
}

MapRoad read_road(const geojson::Feature& feature) {
  MapRoad road;
  const auto where = read_label(feature, road);
  const auto& coordinates = geojson::required_coordinates(feature, where);
  if (feature.type == "LineString") {
    road.lines.push_back(geojson::read_positions(coordinates, where, 2));
    return road;
  }
  if (coordinates.empty()) fail(where + " has a MultiLineString with no lines.");
  for (std::size_t i = 0; i < coordinates.size(); ++i)
    road.lines.push_back(geojson::read_positions(coordinates[i], where + ", line " + std::to_string(i), 2));
  return road;
}

MapLandmark read_landmark(const geojson::Feature& feature) {
  MapLandmark landmark;
  const auto where = read_label(feature, landmark);
  if (!feature.coordinates) fail(where + " has a Point with no \"coordinates\".");
  landmark.point = geojson::read_position(*feature.coordinates, where);
  return landmark;
}

struct BoxBuilder {
  double west = std::numeric_limits<double>::infinity(), south = west;
  double east = -west, north = -west;

  void add(LonLat point) {
    west = std::min(west, point.lon);
    east = std::max(east, point.lon);
    south = std::min(south, point.lat);
    north = std::max(north, point.lat);
  }
  void add(const Lines& lines) {
    for (const auto& line : lines)
      for (const auto& point : line) add(point);
  }
  bool empty() const { return west > east; }
};

}  // namespace

const MapArea* MapData::find_area(const std::string& id) const {
  const auto found = std::find_if(areas.begin(), areas.end(), [&](const MapArea& area) { return area.id == id; });
  return found == areas.end() ? nullptr : &*found;
}

MapData parse_map_data(const std::string& geojson_text) {
  MapData map;
  geojson::for_each_feature(geojson_text, [&](const geojson::Feature& feature) {
    if (feature.type == "Polygon" || feature.type == "MultiPolygon") map.areas.push_back(read_area(feature));
    else if (feature.type == "LineString" || feature.type == "MultiLineString") map.roads.push_back(read_road(feature));
    else if (feature.type == "Point") map.landmarks.push_back(read_landmark(feature));
    // Other types (MultiPoint, GeometryCollection) are not drawn.
  });
  BoxBuilder box;
  for (const auto& area : map.areas) box.add(area.rings);
  for (const auto& road : map.roads) box.add(road.lines);
  for (const auto& landmark : map.landmarks) box.add(landmark.point);
  if (box.empty()) fail("there are no areas, roads or landmarks to draw a map from.");
  map.bounds = {box.west, box.south, box.east, box.north};
  return map;
}

MapData load_map_data(const std::string& path) { return geojson::parse_file(path, parse_map_data); }

LonLat area_centroid(const MapArea& area) {
  if (area.rings.empty() || area.rings.front().empty()) return {};
  // The shoelace formula, relative to the first position so that the
  // products stay small and exact enough.
  const auto& ring = area.rings.front();
  const LonLat origin = ring.front();
  double twice_area = 0, x = 0, y = 0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    const double x0 = ring[i].lon - origin.lon, y0 = ring[i].lat - origin.lat;
    const double x1 = ring[i + 1].lon - origin.lon, y1 = ring[i + 1].lat - origin.lat;
    const double cross = x0 * y1 - x1 * y0;
    twice_area += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  if (std::abs(twice_area) < 1e-15) return origin;
  return {origin.lon + x / (3 * twice_area), origin.lat + y / (3 * twice_area)};
}

}  // namespace oneservice
