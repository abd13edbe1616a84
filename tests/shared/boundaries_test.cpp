// Boundaries: reading GeoJSON, point-in-area lookups on the demo council and
// on small hand-made maps, borders, bad input, and many threads at once.
#include <gtest/gtest.h>

#include <cmath>
#include <initializer_list>
#include <limits>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/routing.h"

using namespace oneservice;
using json = nlohmann::json;

namespace {

std::string demo_boundaries_path() { return std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/boundaries.geojson"; }

const Boundaries& demo() {
  static const Boundaries boundaries = Boundaries::load_file(demo_boundaries_path());
  return boundaries;
}

std::string id_at(const Boundaries& boundaries, double lon, double lat, const std::string& kind) {
  const Area* area = boundaries.area_at(lat, lon, kind);
  return area ? area->id : std::string("(none)");
}

json ring(double x0, double y0, double x1, double y1) {
  return json::array({json::array({x0, y0}), json::array({x1, y0}), json::array({x1, y1}),
                      json::array({x0, y1}), json::array({x0, y0})});
}

json area_feature(const std::string& id, const std::string& kind, json geometry, const std::string& parent = "") {
  json properties = {{"id", id}, {"name", id + " Council"}, {"kind", kind}, {"contact", nullptr}};
  properties["parent"] = parent.empty() ? json(nullptr) : json(parent);
  return {{"type", "Feature"}, {"properties", properties}, {"geometry", geometry}};
}

json square(const std::string& id, const std::string& kind, double x0, double y0, double x1, double y1,
            const std::string& parent = "") {
  return area_feature(id, kind, {{"type", "Polygon"}, {"coordinates", json::array({ring(x0, y0, x1, y1)})}}, parent);
}

// A list, not a json initializer: {feature} alone would be the feature itself.
std::string collection(std::initializer_list<json> features) {
  return json{{"type", "FeatureCollection"}, {"features", json::array_t(features)}}.dump();
}

// The FormatError message for this GeoJSON, or "(no error)".
std::string error_of(const std::string& text) {
  try {
    Boundaries::from_geojson(text);
  } catch (const FormatError& error) {
    return error.what();
  }
  return "(no error)";
}

}  // namespace

TEST(BoundariesDemo, LoadsTheAreasAndIgnoresRoadsAndLandmarks) {
  const auto& areas = demo().areas();
  ASSERT_EQ(areas.size(), 14u);  // 1 county, 3 districts, 10 parishes
  EXPECT_EQ(areas.front().id, "county-wealdshire");
  EXPECT_EQ(areas.front().kind, "county");
  EXPECT_EQ(areas.front().parent, "");
  EXPECT_EQ(demo().find("road-a338"), nullptr);
  EXPECT_EQ(demo().find("landmark-ashcombe-library"), nullptr);
  EXPECT_EQ(demo().find("nowhere"), nullptr);

  const Area* parish = demo().find("parish-little-hembury");
  ASSERT_NE(parish, nullptr);
  EXPECT_EQ(parish->name, "Little Hembury Parish Council");
  EXPECT_EQ(parish->kind, "parish");
  EXPECT_EQ(parish->parent, "district-ashcombe");
  EXPECT_EQ(parish->contact.name, "Margaret Thornton");
  EXPECT_EQ(parish->contact.role, "Parish Clerk");
  EXPECT_EQ(parish->contact.email, "clerk@little-hembury-pc.example");
  EXPECT_EQ(parish->contact.phone, "01632 960401");
}

TEST(BoundariesDemo, ReadmePointsInParishes) {
  struct Case {
    double lon, lat;
    const char* parish;
    const char* district;
  };
  for (const Case& c : {Case{-1.82, 51.20, "parish-little-hembury", "district-ashcombe"},
                        Case{-1.70, 51.22, "parish-oakley-magna", "district-ashcombe"},
                        Case{-1.40, 51.06, "parish-saltmarsh-st-mary", "district-millbrook"},
                        Case{-1.52, 51.16, "parish-chalkbourne", "district-kingsford"}}) {
    SCOPED_TRACE(c.parish);
    EXPECT_EQ(id_at(demo(), c.lon, c.lat, "parish"), c.parish);
    EXPECT_EQ(id_at(demo(), c.lon, c.lat, "district"), c.district);
    EXPECT_EQ(id_at(demo(), c.lon, c.lat, "county"), "county-wealdshire");
  }
}

TEST(BoundariesDemo, ReadmePointsInUnparishedAreas) {
  struct Case {
    double lon, lat;
    const char* district;
  };
  for (const Case& c : {Case{-1.75, 51.05, "district-ashcombe"}, Case{-1.65, 51.12, "district-ashcombe"},
                        Case{-1.46, 51.00, "district-millbrook"}, Case{-1.45, 51.20, "district-kingsford"}}) {
    SCOPED_TRACE(c.district);
    EXPECT_EQ(id_at(demo(), c.lon, c.lat, "parish"), "(none)");
    EXPECT_EQ(id_at(demo(), c.lon, c.lat, "district"), c.district);
    EXPECT_EQ(id_at(demo(), c.lon, c.lat, "county"), "county-wealdshire");
  }
}

TEST(BoundariesDemo, PointsOutsideTheCountyHaveNoArea) {
  for (const auto& [lon, lat] : std::vector<std::pair<double, double>>{{-2.00, 51.10}, {-1.20, 51.00}, {-1.60, 51.35}}) {
    for (const char* kind : {"county", "district", "parish"})
      EXPECT_EQ(demo().area_at(lat, lon, kind), nullptr) << lon << ", " << lat << " " << kind;
  }
}

TEST(BoundariesDemo, UnknownKindAndNonFiniteCoordinatesHaveNoArea) {
  EXPECT_EQ(demo().area_at(51.20, -1.82, "ward"), nullptr);
  EXPECT_EQ(demo().area_at(51.20, -1.82, "road"), nullptr);  // roads are not areas
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(demo().area_at(nan, -1.82, "county"), nullptr);
  EXPECT_EQ(demo().area_at(51.20, inf, "county"), nullptr);
}

TEST(BoundariesDemo, OuterEdgeOfTheCountyCountsAsInside) {
  // x = -1.9 is the county's (and Ashcombe's) west edge; (-1.9, 50.9) a corner.
  EXPECT_EQ(id_at(demo(), -1.9, 51.0, "county"), "county-wealdshire");
  EXPECT_EQ(id_at(demo(), -1.9, 51.0, "district"), "district-ashcombe");
  EXPECT_EQ(id_at(demo(), -1.9, 50.9, "county"), "county-wealdshire");
  EXPECT_EQ(id_at(demo(), -1.6, 51.3, "county"), "county-wealdshire");  // vertex on the north edge
  // A hair outside is outside.
  EXPECT_EQ(id_at(demo(), -1.9000001, 51.0, "county"), "(none)");
  EXPECT_EQ(id_at(demo(), -1.6, 51.3000001, "county"), "(none)");
}

TEST(BoundariesDemo, SharedDistrictBorderGoesToTheSmallestId) {
  // x = -1.6 from lat 51.1 to 51.3 is shared by Ashcombe and Kingsford.
  EXPECT_EQ(id_at(demo(), -1.6, 51.2, "district"), "district-ashcombe");
  // (-1.6, 51.1) is a corner of all three districts.
  EXPECT_EQ(id_at(demo(), -1.6, 51.1, "district"), "district-ashcombe");
  // (-1.45, 51.12) is shared by Kingsford and Millbrook.
  EXPECT_EQ(id_at(demo(), -1.45, 51.12, "district"), "district-kingsford");
  // Just either side of the shared edge goes to that side's district.
  EXPECT_EQ(id_at(demo(), -1.6000001, 51.2, "district"), "district-ashcombe");
  EXPECT_EQ(id_at(demo(), -1.5999999, 51.2, "district"), "district-kingsford");
}

TEST(BoundariesDemo, ParishBorderWithUnparishedLandIsInTheParish) {
  // (-1.772, 51.2) is a vertex of Little Hembury's boundary.
  EXPECT_EQ(id_at(demo(), -1.772, 51.2, "parish"), "parish-little-hembury");
  EXPECT_EQ(id_at(demo(), -1.7719999, 51.2, "parish"), "(none)");
}

TEST(BoundariesDemo, AreaPointersSurviveAMove) {
  auto boundaries = Boundaries::load_file(demo_boundaries_path());
  const Area* before = boundaries.find("parish-wenford");
  Boundaries moved = std::move(boundaries);
  EXPECT_EQ(moved.find("parish-wenford"), before);
  EXPECT_EQ(moved.area_at(51.20, -1.82, "parish"), moved.find("parish-little-hembury"));
}

TEST(BoundariesBorder, TwoSquaresSharingAnEdgeGiveTheSmallestIdWhateverTheOrder) {
  // "parish-b" on the left, "parish-a" on the right; they share x = 1.
  const json left = square("parish-b", "parish", 0, 0, 1, 1);
  const json right = square("parish-a", "parish", 1, 0, 2, 1);
  for (const auto& text : {collection({left, right}), collection({right, left})}) {
    const auto boundaries = Boundaries::from_geojson(text);
    EXPECT_EQ(id_at(boundaries, 1.0, 0.5, "parish"), "parish-a");  // edge midpoint
    EXPECT_EQ(id_at(boundaries, 1.0, 0.0, "parish"), "parish-a");  // shared corner
    EXPECT_EQ(id_at(boundaries, 1.0, 1.0, "parish"), "parish-a");
    EXPECT_EQ(id_at(boundaries, 0.5, 0.5, "parish"), "parish-b");
    EXPECT_EQ(id_at(boundaries, 0.0, 0.5, "parish"), "parish-b");  // outer edge of b alone
    EXPECT_EQ(id_at(boundaries, 1.5, 0.5, "parish"), "parish-a");
    EXPECT_EQ(id_at(boundaries, 2.0, 1.0, "parish"), "parish-a");  // outer corner
    EXPECT_EQ(id_at(boundaries, 2.5, 0.5, "parish"), "(none)");
  }
}

TEST(BoundariesShapes, MultiPolygonWithAHole) {
  // Two squares; the first has a hole in its middle.
  json coordinates = json::array({json::array({ring(0, 0, 3, 3), ring(1, 1, 2, 2)}), json::array({ring(5, 5, 6, 6)})});
  const auto boundaries = Boundaries::from_geojson(
      collection({area_feature("parish-x", "parish", {{"type", "MultiPolygon"}, {"coordinates", coordinates}})}));
  EXPECT_EQ(id_at(boundaries, 0.5, 0.5, "parish"), "parish-x");
  EXPECT_EQ(id_at(boundaries, 1.5, 1.5, "parish"), "(none)");     // in the hole
  EXPECT_EQ(id_at(boundaries, 1.0, 1.5, "parish"), "parish-x");   // on the hole's edge
  EXPECT_EQ(id_at(boundaries, 5.5, 5.5, "parish"), "parish-x");   // second polygon
  EXPECT_EQ(id_at(boundaries, 4.0, 4.0, "parish"), "(none)");     // between them
}

TEST(BoundariesShapes, FeaturesWithoutGeometryOrWithOtherTypesAreIgnored) {
  json road = {{"type", "Feature"},
               {"properties", {{"id", "road-1"}, {"kind", "road"}, {"contact", nullptr}}},
               {"geometry", {{"type", "LineString"}, {"coordinates", {{0, 0}, {1, 1}}}}}};
  json point = {{"type", "Feature"}, {"properties", nullptr}, {"geometry", {{"type", "Point"}, {"coordinates", {0, 0}}}}};
  json nowhere = {{"type", "Feature"}, {"properties", {{"id", "x"}}}, {"geometry", nullptr}};
  const auto boundaries = Boundaries::from_geojson(collection({road, point, nowhere, square("c", "county", 0, 0, 1, 1)}));
  ASSERT_EQ(boundaries.areas().size(), 1u);
  EXPECT_EQ(boundaries.areas()[0].id, "c");
  EXPECT_EQ(boundaries.areas()[0].contact.email, "");
}

TEST(BoundariesErrors, NotJson) {
  const auto message = error_of("{\"type\": \"FeatureCollection\", ");
  EXPECT_NE(message.find("not valid JSON"), std::string::npos) << message;
}

// Found by fuzz/boundaries: a number too large for a double is nlohmann's
// out_of_range, not a parse_error, and escaped the FormatError promise.
TEST(BoundariesErrors, NumberTooLargeIsNotJson) {
  const auto message = error_of(R"({"type": "FeatureCollection", "features": [1e400]})");
  EXPECT_NE(message.find("not valid JSON"), std::string::npos) << message;
}

TEST(BoundariesErrors, NotAFeatureCollection) {
  EXPECT_NE(error_of(R"({"type": "Feature"})").find("not a GeoJSON FeatureCollection"), std::string::npos);
  EXPECT_NE(error_of("[]").find("not a GeoJSON FeatureCollection"), std::string::npos);
  EXPECT_NE(error_of(R"({"type": "FeatureCollection"})").find("no \"features\" list"), std::string::npos);
  EXPECT_NE(error_of(R"({"type": "FeatureCollection", "features": [3]})").find("features[0] is not a GeoJSON Feature"),
            std::string::npos);
}

TEST(BoundariesErrors, RingWithTooFewPositionsNamesTheFeature) {
  json feature = square("parish-x", "parish", 0, 0, 1, 1);
  feature["geometry"]["coordinates"] = json::array({json::array({{0, 0}, {1, 0}, {0, 0}})});
  const auto message = error_of(collection({square("c", "county", 0, 0, 9, 9), feature}));
  EXPECT_NE(message.find("features[1] (\"parish-x\"), ring 0 has 3 positions"), std::string::npos) << message;
  EXPECT_NE(message.find("at least 4"), std::string::npos) << message;
}

TEST(BoundariesErrors, RingThatDoesNotClose) {
  json feature = square("parish-x", "parish", 0, 0, 1, 1);
  feature["geometry"]["coordinates"][0][4] = json::array({0.0, 0.5});
  const auto message = error_of(collection({feature}));
  EXPECT_NE(message.find("features[0] (\"parish-x\"), ring 0 does not end where it starts"), std::string::npos)
      << message;
}

TEST(BoundariesErrors, PositionThatIsNotAPairOfNumbers) {
  json feature = square("parish-x", "parish", 0, 0, 1, 1);
  feature["geometry"]["coordinates"][0][2] = json::array({"1", 1});
  auto message = error_of(collection({feature}));
  EXPECT_NE(message.find("features[0] (\"parish-x\"), ring 0, position 2 is not a [longitude, latitude] pair"),
            std::string::npos)
      << message;
  feature["geometry"]["coordinates"][0][2] = json::array({1, 95});
  message = error_of(collection({feature}));
  EXPECT_NE(message.find("position 2 is outside longitude -180 to 180 and latitude -90 to 90"), std::string::npos)
      << message;
}

TEST(BoundariesErrors, MissingIdNameOrKind) {
  json no_id = square("x", "parish", 0, 0, 1, 1);
  no_id["properties"].erase("id");
  auto message = error_of(collection({square("c", "county", 0, 0, 9, 9), no_id}));
  EXPECT_NE(message.find("features[1] has no \"id\""), std::string::npos) << message;

  json no_kind = square("parish-x", "parish", 0, 0, 1, 1);
  no_kind["properties"].erase("kind");
  message = error_of(collection({no_kind}));
  EXPECT_NE(message.find("features[0] (\"parish-x\") has no \"kind\""), std::string::npos) << message;

  json empty_kind = square("parish-x", "parish", 0, 0, 1, 1);
  empty_kind["properties"]["kind"] = "";
  message = error_of(collection({empty_kind}));
  EXPECT_NE(message.find("features[0] (\"parish-x\") has no \"kind\""), std::string::npos) << message;

  json no_name = square("parish-x", "parish", 0, 0, 1, 1);
  no_name["properties"].erase("name");
  message = error_of(collection({no_name}));
  EXPECT_NE(message.find("features[0] (\"parish-x\") has no \"name\""), std::string::npos) << message;

  json no_properties = square("parish-x", "parish", 0, 0, 1, 1);
  no_properties.erase("properties");
  message = error_of(collection({no_properties}));
  EXPECT_NE(message.find("features[0] has no \"properties\""), std::string::npos) << message;
}

TEST(BoundariesErrors, DuplicateIdsNameBothFeatures) {
  const auto message = error_of(collection({square("parish-x", "parish", 0, 0, 1, 1), square("c", "county", 0, 0, 9, 9),
                                            square("parish-x", "parish", 2, 2, 3, 3)}));
  EXPECT_NE(message.find("features[2] (\"parish-x\") has the same id as features[0]"), std::string::npos) << message;
}

TEST(BoundariesErrors, ParentThatIsNotAnArea) {
  auto message = error_of(collection({square("parish-x", "parish", 0, 0, 1, 1, "district-gone")}));
  EXPECT_NE(message.find("features[0] (\"parish-x\") has parent \"district-gone\", which is not an area"),
            std::string::npos)
      << message;
  message = error_of(collection({square("a", "district", 0, 0, 1, 1, "b"), square("b", "district", 0, 0, 1, 1, "a")}));
  EXPECT_NE(message.find("features[0] (\"a\") is inside itself through its parents"), std::string::npos) << message;
}

TEST(BoundariesErrors, SelfCrossingPolygon) {
  json bowtie = square("parish-x", "parish", 0, 0, 1, 1);
  bowtie["geometry"]["coordinates"] = json::array({json::array({{0, 0}, {1, 1}, {1, 0}, {0, 1}, {0, 0}})});
  const auto message = error_of(collection({bowtie}));
  EXPECT_NE(message.find("features[0] (\"parish-x\") is not a valid polygon"), std::string::npos) << message;
  EXPECT_NE(message.find("Self-intersection"), std::string::npos) << message;
}

TEST(BoundariesErrors, BadContactAndGeometry) {
  json feature = square("parish-x", "parish", 0, 0, 1, 1);
  feature["properties"]["contact"] = "clerk";
  auto message = error_of(collection({feature}));
  EXPECT_NE(message.find("features[0] (\"parish-x\") has a \"contact\" that is not an object"), std::string::npos)
      << message;

  json no_geometry = square("parish-x", "parish", 0, 0, 1, 1);
  no_geometry.erase("geometry");
  message = error_of(collection({no_geometry}));
  EXPECT_NE(message.find("features[0] has no \"geometry\""), std::string::npos) << message;

  json no_coordinates = square("parish-x", "parish", 0, 0, 1, 1);
  no_coordinates["geometry"].erase("coordinates");
  message = error_of(collection({no_coordinates}));
  EXPECT_NE(message.find("features[0] (\"parish-x\") has a Polygon with no \"coordinates\""), std::string::npos)
      << message;
}

TEST(BoundariesErrors, MissingFileNamesThePath) {
  try {
    Boundaries::load_file("/nonexistent/boundaries.geojson");
    FAIL() << "expected FormatError";
  } catch (const FormatError& error) {
    EXPECT_NE(std::string(error.what()).find("/nonexistent/boundaries.geojson"), std::string::npos) << error.what();
  }
}

TEST(BoundariesConcurrency, ManyThreadsGetTheSameAnswersAsOne) {
  const auto& boundaries = demo();
  constexpr std::size_t kLookups = 2000;
  constexpr int kThreads = 4;
  const std::vector<std::string> kinds = {"county", "district", "parish"};

  // Points over the county's box and a little beyond; each lookup's kind
  // cycles so all three trees are used.
  std::mt19937 random(20261122);
  std::uniform_real_distribution<double> lon(-1.95, -1.25);
  std::uniform_real_distribution<double> lat(50.85, 51.35);
  std::vector<std::pair<double, double>> points;
  for (std::size_t i = 0; i < kLookups; ++i) points.emplace_back(lat(random), lon(random));

  std::vector<const Area*> expected;
  for (std::size_t i = 0; i < kLookups; ++i)
    expected.push_back(boundaries.area_at(points[i].first, points[i].second, kinds[i % 3]));
  std::size_t found = 0;
  for (const Area* area : expected) found += area != nullptr;
  ASSERT_GT(found, kLookups / 3);  // the points do hit areas

  std::vector<std::size_t> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t n = 0; n < kLookups; ++n) {
        const std::size_t i = (n + static_cast<std::size_t>(t) * 500) % kLookups;  // threads start at different places
        if (boundaries.area_at(points[i].first, points[i].second, kinds[i % 3]) != expected[i]) ++mismatches[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0u) << "thread " << t;
}
