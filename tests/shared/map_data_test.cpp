// MapData: the drawable features of the demo council's boundary file, and
// clear messages for files that cannot be drawn.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

#include <nlohmann/json.hpp>

#include "shared/map_data.h"

using namespace oneservice;
using json = nlohmann::json;

namespace {

const MapData& demo() {
  static const MapData map = load_map_data(std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/boundaries.geojson");
  return map;
}

json feature(json properties, json geometry) {
  return {{"type", "Feature"}, {"properties", std::move(properties)}, {"geometry", std::move(geometry)}};
}

json line(std::initializer_list<std::pair<double, double>> points) {
  json out = json::array();
  for (const auto& [lon, lat] : points) out.push_back({lon, lat});
  return out;
}

std::string collection(std::initializer_list<json> features) {
  return json{{"type", "FeatureCollection"}, {"features", json::array_t(features)}}.dump();
}

std::string error_of(const std::string& text) {
  try {
    parse_map_data(text);
  } catch (const FormatError& error) {
    return error.what();
  }
  return "(no error)";
}

}  // namespace

TEST(MapDataDemo, ReadsAreasRoadsAndLandmarksWithTheirNames) {
  const auto& map = demo();
  ASSERT_EQ(map.areas.size(), 14u);
  ASSERT_EQ(map.roads.size(), 4u);
  ASSERT_EQ(map.landmarks.size(), 5u);

  const MapArea* parish = map.find_area("parish-little-hembury");
  ASSERT_NE(parish, nullptr);
  EXPECT_EQ(parish->name, "Little Hembury Parish Council");
  EXPECT_EQ(parish->kind, "parish");
  ASSERT_EQ(parish->rings.size(), 1u);
  EXPECT_EQ(parish->rings.front().front(), parish->rings.front().back()) << "rings stay closed";
  EXPECT_EQ(map.find_area("road-a338"), nullptr) << "roads are not areas";

  EXPECT_EQ(map.roads.front().id, "road-a338");
  EXPECT_EQ(map.roads.front().name, "A338");
  ASSERT_EQ(map.roads.front().lines.size(), 1u);
  EXPECT_GE(map.roads.front().lines.front().size(), 2u);

  EXPECT_EQ(map.landmarks.front().name, "Ashcombe Library");
}

TEST(MapDataDemo, BoundsCoverTheCounty) {
  // The README: the county covers roughly lon -1.90 to -1.30, lat 50.90 to 51.30.
  const auto& bounds = demo().bounds;
  EXPECT_DOUBLE_EQ(bounds.west, -1.9);
  EXPECT_DOUBLE_EQ(bounds.east, -1.3);
  EXPECT_DOUBLE_EQ(bounds.south, 50.9);
  EXPECT_DOUBLE_EQ(bounds.north, 51.3);
  EXPECT_TRUE(bounds.contains({-1.82, 51.20}));
  EXPECT_FALSE(bounds.contains({-2.00, 51.10}));
}

TEST(MapDataDemo, AreaCentroidLiesInsideTheArea) {
  // The Little Hembury test point and the parish's centroid are both in its
  // north-west corner of the county.
  const LonLat centre = area_centroid(*demo().find_area("parish-little-hembury"));
  EXPECT_NEAR(centre.lon, -1.82, 0.08);
  EXPECT_NEAR(centre.lat, 51.20, 0.08);
}

TEST(MapDataShapes, CentroidOfASquareIsItsMiddle) {
  MapArea square;
  square.rings = {{{0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}}};
  const LonLat centre = area_centroid(square);
  EXPECT_DOUBLE_EQ(centre.lon, 1);
  EXPECT_DOUBLE_EQ(centre.lat, 1);
}

TEST(MapDataShapes, MultiPolygonsAndMultiLineStringsKeepEveryPart) {
  const auto square = [](double x) { return json::array({line({{x, 0}, {x + 1, 0}, {x + 1, 1}, {x, 1}, {x, 0}})}); };
  const auto map = parse_map_data(collection({
      feature({{"id", "a"}, {"name", "A"}, {"kind", "parish"}},
              {{"type", "MultiPolygon"}, {"coordinates", json::array({square(0), square(5)})}}),
      feature({{"name", "Ring road"}},
              {{"type", "MultiLineString"}, {"coordinates", {line({{0, 0}, {1, 1}}), line({{2, 2}, {3, 3}})}}}),
      feature(nullptr, {{"type", "Point"}, {"coordinates", {9, 4}}}),
      {{"type", "Feature"}, {"properties", {{"id", "nowhere"}}}, {"geometry", nullptr}},
  }));
  ASSERT_EQ(map.areas.size(), 1u);
  EXPECT_EQ(map.areas[0].rings.size(), 2u);
  ASSERT_EQ(map.roads.size(), 1u);
  EXPECT_EQ(map.roads[0].name, "Ring road");
  EXPECT_EQ(map.roads[0].lines.size(), 2u);
  ASSERT_EQ(map.landmarks.size(), 1u) << "a landmark with no properties is still a dot";
  EXPECT_EQ(map.landmarks[0].name, "");
  EXPECT_DOUBLE_EQ(map.bounds.west, 0);
  EXPECT_DOUBLE_EQ(map.bounds.east, 9);
  EXPECT_DOUBLE_EQ(map.bounds.north, 4);
}

// Found by fuzz/map_data: 1e400 escaped as nlohmann's out_of_range.
TEST(MapDataErrors, NumberTooLargeIsNotJson) {
  EXPECT_NE(error_of(R"({"type": "FeatureCollection", "features": [], "x": 77777777777777773e863})").find("not valid JSON"),
            std::string::npos);
}

TEST(MapDataErrors, NameTheFeatureAndSayWhatToDo) {
  EXPECT_NE(error_of("{").find("not valid JSON"), std::string::npos);
  EXPECT_NE(error_of(R"({"type": "Feature"})").find("not a GeoJSON FeatureCollection"), std::string::npos);

  auto message = error_of(collection({feature({{"name", "A338"}}, {{"type", "LineString"}, {"coordinates", line({{0, 0}})}})}));
  EXPECT_NE(message.find("features[0] has 1 positions. It needs at least 2."), std::string::npos) << message;

  message = error_of(collection({feature({{"id", "landmark-x"}}, {{"type", "Point"}, {"coordinates", {200, 0}}})}));
  EXPECT_NE(message.find("features[0] (\"landmark-x\") is outside longitude -180 to 180"), std::string::npos) << message;

  message = error_of(collection({feature({{"id", "p"}, {"kind", "parish"}},
                                         {{"type", "Polygon"}, {"coordinates", json::array({line({{0, 0}, {1, 0}, {1, 1}, {0, 0}})})}})}));
  EXPECT_NE(message.find("features[0] (\"p\") has no \"name\""), std::string::npos) << message;

  message = error_of(collection({feature({{"id", "p"}, {"name", "P"}, {"kind", "parish"}},
                                         {{"type", "Polygon"}, {"coordinates", json::array({line({{0, 0}, {1, 0}, {1, 1}, {0, 1}})})}})}));
  EXPECT_NE(message.find("ring 0 does not end where it starts"), std::string::npos) << message;

  message = error_of(collection({feature({{"id", 7}}, {{"type", "Point"}, {"coordinates", {0, 0}}})}));
  EXPECT_NE(message.find("features[0] has a \"id\" that is not text"), std::string::npos) << message;
}

TEST(MapDataErrors, NothingToDrawIsAnError) {
  const auto message = error_of(collection({}));
  EXPECT_NE(message.find("no areas, roads or landmarks"), std::string::npos) << message;
}

TEST(MapDataErrors, AMissingFileNamesThePath) {
  try {
    load_map_data("/nonexistent/boundaries.geojson");
    FAIL() << "expected a FormatError";
  } catch (const FormatError& error) {
    EXPECT_NE(std::string(error.what()).find("/nonexistent/boundaries.geojson"), std::string::npos) << error.what();
  }
}
