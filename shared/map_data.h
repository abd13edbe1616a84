#pragma once
// What the kiosk's map draws, read from the council's boundary file: the
// areas' rings by kind, the roads' lines, the landmarks' points and their
// names, as plain data with no geometry library. Deciding who deals with a
// point is Boundaries' job (routing.h), not this.
#include <string>
#include <vector>

#include "shared/format_error.h"

namespace oneservice {

struct LonLat {
  double lon = 0;
  double lat = 0;

  bool operator==(const LonLat&) const = default;
};

// West, south, east and north edges (WGS84 degrees).
struct LonLatBox {
  double west = 0, south = 0, east = 0, north = 0;

  bool contains(LonLat point) const {
    return point.lon >= west && point.lon <= east && point.lat >= south && point.lat <= north;
  }
  LonLat centre() const { return {(west + east) / 2, (south + north) / 2}; }
};

struct MapArea {
  std::string id;    // "parish-little-hembury"
  std::string name;  // "Little Hembury Parish Council"
  std::string kind;  // "county" | "district" | "parish"
  // Every ring of every polygon (outer boundaries and holes alike: the map
  // draws outlines), each closed (last position equals the first).
  std::vector<std::vector<LonLat>> rings;
};

struct MapRoad {
  std::string id;
  std::string name;  // "A338"; may be empty
  std::vector<std::vector<LonLat>> lines;  // a LineString is one line
};

struct MapLandmark {
  std::string id;
  std::string name;  // "Ashcombe Library"; may be empty
  LonLat point;
};

struct MapData {
  std::vector<MapArea> areas;  // in file order
  std::vector<MapRoad> roads;
  std::vector<MapLandmark> landmarks;
  LonLatBox bounds;  // of everything above

  const MapArea* find_area(const std::string& id) const;
};

// Reads a GeoJSON FeatureCollection: Polygon/MultiPolygon features are areas
// (properties id, name and kind required, as for Boundaries), LineString/
// MultiLineString features roads and Point features landmarks (name
// optional). Throws FormatError naming the feature on bad input, and when
// there is nothing to draw.
MapData parse_map_data(const std::string& geojson_text);
MapData load_map_data(const std::string& path);

// The area's centre of mass (of its first ring), a fair place for its label
// and a search result. The first position for a degenerate ring.
LonLat area_centroid(const MapArea& area);

}  // namespace oneservice
