// Describing a pinned place for the resident: the nearest named thing and
// the area, on the demo council's data.
#include <gtest/gtest.h>

#include <string>

#include "kiosk/location_description.h"

using namespace oneservice;
using namespace oneservice::kiosk;

namespace {

std::string boundaries_path() { return std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/boundaries.geojson"; }

const MapData& map() {
  static const MapData data = load_map_data(boundaries_path());
  return data;
}

const Boundaries& boundaries() {
  static const Boundaries data = Boundaries::load_file(boundaries_path());
  return data;
}

Location pinned(double lon, double lat, std::string words = {}) {
  Location location;
  location.lon = lon;
  location.lat = lat;
  location.address_string = std::move(words);
  return location;
}

}  // namespace

TEST(LocationDescription, AreaLabelDropsTheCouncilSuffix) {
  EXPECT_EQ(area_label("Little Hembury Parish Council"), "Little Hembury");
  EXPECT_EQ(area_label("Kingsford Borough Council"), "Kingsford");
  EXPECT_EQ(area_label("Wealdshire County Council"), "Wealdshire");
  EXPECT_EQ(area_label("Parish Council"), "Parish Council") << "nothing would be left";
  EXPECT_EQ(area_label("Hollowmere"), "Hollowmere");
}

TEST(LocationDescription, AreasAtAPointSmallestFirst) {
  const auto areas = areas_at({-1.82, 51.20}, boundaries());
  ASSERT_EQ(areas.size(), 3u);
  EXPECT_EQ(areas[0]->id, "parish-little-hembury");
  EXPECT_EQ(areas[1]->id, "district-ashcombe");
  EXPECT_EQ(areas[2]->id, "county-wealdshire");
  EXPECT_EQ(areas_at({-1.75, 51.05}, boundaries()).front()->id, "district-ashcombe") << "unparished";
  EXPECT_TRUE(areas_at({-2.00, 51.10}, boundaries()).empty());
}

TEST(LocationDescription, NearTheClosestLandmarkOrRoad) {
  // 250 m from All Saints Church: its name already says the parish.
  EXPECT_EQ(describe_point({-1.82, 51.20}, &map(), &boundaries(), Wording::english()), "Near All Saints Church, Little Hembury");
  // On the A3057 with no landmark near: the road, then the area.
  const std::string text = describe_point({-1.45, 51.10}, &map(), &boundaries(), Wording::english());
  EXPECT_EQ(text.rfind("Near A3057, ", 0), 0u) << text;
  EXPECT_EQ(text.find("Council"), std::string::npos) << "the area's short name: " << text;
}

TEST(LocationDescription, NothingNamedNearbySaysTheArea) {
  // The Oakley Magna test point is kilometres from every road and landmark.
  EXPECT_EQ(describe_point({-1.70, 51.22}, &map(), &boundaries(), Wording::english()), "In Oakley Magna");
  EXPECT_EQ(describe_point({-1.82, 51.20}, nullptr, &boundaries(), Wording::english()), "In Little Hembury");
  EXPECT_EQ(describe_point({-1.82, 51.20}, nullptr, nullptr, Wording::english()), "A place on the map");
  EXPECT_EQ(describe_point({-2.00, 51.10}, nullptr, &boundaries(), Wording::english()), "A place on the map") << "outside the county";
}

TEST(LocationDescription, CheckAnswersShowsThePointThenTheWords) {
  EXPECT_EQ(describe_location(pinned(-1.82, 51.20, "  By the bus stop "), nullptr, &boundaries(), Wording::english()),
            "In Little Hembury\nBy the bus stop");
  Location words_only;
  words_only.address_string = "Outside 12 High Street";
  EXPECT_EQ(describe_location(words_only, &map(), &boundaries(), Wording::english()), "Outside 12 High Street");
  EXPECT_EQ(describe_location(Location{}, &map(), &boundaries(), Wording::english()), "Not provided");
}
