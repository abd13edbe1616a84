// The location page's map, driven headless as a resident would: tap a place,
// search for one, drag, zoom and pinch; who deals with the pinned place is
// shown before Continue; and the page still works without the map data.
#include <SDL.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>

#include "kiosk/map_view.h"
#include "kiosk/place_data.h"
#include "kiosk_driver.h"
#include "support/temp_folder.h"
#include "sync/outbox.h"
#include "support/stored_request.h"

using namespace oneservice;
using oneservice::kiosk::Page;
using oneservice::kiosk::testing::KioskDriver;

namespace {

// The README's test points.
constexpr LonLat kLittleHembury{-1.82, 51.20};

class KioskMap : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    screenshots_ = std::string(ONESERVICE_SCREENSHOT_DIR) + "/KioskMap." + info->name();
  }
  void TearDown() override {
    driver_.reset();
  }

  KioskDriver& start(const std::string& assets_dir = {}) {
    Clock clock;
    clock.now = [] { return *parse_iso8601("2026-11-22T12:00:00Z"); };
    driver_ = std::make_unique<KioskDriver>(data_dir_.file("kiosk"), screenshots_, clock, false, std::nullopt,
                                            assets_dir);
    driver_->start();
    return *driver_;
  }

  // Answers the pothole questions up to its location page.
  void reach_pothole_location() {
    kiosk::testing::reach_pothole_location(*driver_);
    ASSERT_TRUE(driver_->shows("Where is the pothole?"));
  }

  kiosk::ScreenRect map_rect() {
    const auto* item = driver_->probe().find("map");
    if (!item) return {};
    return {item->x, item->y, item->width, item->height};
  }

  kiosk::ScreenPoint on_screen(LonLat point) {
    return kiosk::to_screen(driver_->journey().fields.map_view, map_rect(), point);
  }

  test_support::TempFolder data_dir_;
  std::string screenshots_;
  std::unique_ptr<KioskDriver> driver_;
};

}  // namespace

TEST_F(KioskMap, TapLittleHemburyOnTheMapAndSendIt) {
  auto& kiosk = start();
  reach_pothole_location();
  kiosk.screenshot("location-page");
  ASSERT_TRUE(kiosk.reveal("map"));
  ASSERT_TRUE(kiosk.reveal("Zoom in"));  // the whole map and its buttons on screen
  kiosk.screenshot("map-before-tap");
  EXPECT_TRUE(kiosk.shows("No place marked on the map yet."));

  const auto target = on_screen(kLittleHembury);
  ASSERT_TRUE(map_rect().contains(target));
  kiosk.tap_at(static_cast<float>(target.x), static_cast<float>(target.y));
  const auto& fields = kiosk.journey().fields;
  ASSERT_TRUE(fields.lat && fields.lon);
  // A tap lands on a whole pixel: within two pixels of the point.
  const double pixel = 1 / fields.map_view.pixels_per_degree;
  EXPECT_NEAR(*fields.lat, kLittleHembury.lat, 2 * pixel);
  EXPECT_NEAR(*fields.lon, kLittleHembury.lon, 2 * pixel / fields.map_view.cos_latitude);

  EXPECT_TRUE(kiosk.shows("Near All Saints Church, Little Hembury"));
  EXPECT_TRUE(kiosk.shows("This place is in the area of:"));
  EXPECT_TRUE(kiosk.shows("\u2022 Little Hembury Parish Council"));
  EXPECT_TRUE(kiosk.shows("\u2022 Ashcombe District Council"));
  EXPECT_FALSE(kiosk.shows("\u2022 Wealdshire County Council")) << "the county, holding every place, is left out";
  // Potholes are the county's, wherever they are.
  EXPECT_TRUE(kiosk.shows("Wealdshire County Council will deal with this."));
  kiosk.screenshot("map-pinned-little-hembury");
  ASSERT_TRUE(kiosk.reveal("field:location"));
  kiosk.screenshot("who-deals-with-it");

  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_EQ(kiosk.journey().page, Page::Contact) << "a pin alone is enough";
  ASSERT_TRUE(kiosk.tap("Continue"));  // no contact details
  ASSERT_EQ(kiosk.journey().page, Page::CheckAnswers);
  EXPECT_TRUE(kiosk.shows("Near All Saints Church, Little Hembury"));
  ASSERT_TRUE(kiosk.reveal("Change location"));
  kiosk.screenshot("check-answers-pinned");
  ASSERT_TRUE(kiosk.tap("Send report"));
  ASSERT_EQ(kiosk.journey().page, Page::Confirmation);
  const auto entry = kiosk.outbox().find_by_reference(kiosk.journey().reference);
  ASSERT_TRUE(entry.has_value());
  const auto stored = oneservice::sync::test::stored_request(kiosk.outbox(), *entry);
  ASSERT_TRUE(stored.location.has_point());
  EXPECT_NEAR(*stored.location.lat, kLittleHembury.lat, 0.01);
  EXPECT_NEAR(*stored.location.lon, kLittleHembury.lon, 0.01);
  EXPECT_EQ(stored.location.address_string, "");
}

TEST_F(KioskMap, SearchAPlaceMovesTheMapAndPinsIt) {
  auto& kiosk = start();
  reach_pothole_location();
  ASSERT_TRUE(kiosk.fill("field:place-search", "hemb"));
  EXPECT_TRUE(kiosk.probe().find("place:All Saints Church, Little Hembury"));
  ASSERT_TRUE(kiosk.probe().find("place:Little Hembury Parish Council"));
  kiosk.screenshot("search-results");
  const double whole_area = kiosk.journey().fields.map_view.pixels_per_degree;

  ASSERT_TRUE(kiosk.tap("place:Little Hembury Parish Council"));
  const auto& fields = kiosk.journey().fields;
  ASSERT_TRUE(fields.lat && fields.lon);
  EXPECT_TRUE(fields.place_search.empty()) << "the results make way for the map";
  EXPECT_FALSE(kiosk.probe().find("place:Little Hembury Parish Council"));
  EXPECT_GT(fields.map_view.pixels_per_degree, whole_area) << "the map shows the place closer";
  EXPECT_NEAR(fields.map_view.centre.lat, *fields.lat, 1e-9);
  EXPECT_TRUE(kiosk.shows("\u2022 Little Hembury Parish Council"));
  ASSERT_TRUE(kiosk.reveal("Zoom in"));
  kiosk.screenshot("search-pinned");

  // The resident adds words for the exact spot; both are kept.
  ASSERT_TRUE(kiosk.fill("field:location", "By the church gate"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("Continue"));  // no contact details
  ASSERT_EQ(kiosk.journey().page, Page::CheckAnswers);
  EXPECT_TRUE(kiosk.shows("Near All Saints Church, Little Hembury\nBy the church gate"));
  ASSERT_TRUE(kiosk.reveal("Change location"));
  kiosk.screenshot("check-answers-pin-and-words");
}

TEST_F(KioskMap, NoMatchSaysSo) {
  auto& kiosk = start();
  reach_pothole_location();
  ASSERT_TRUE(kiosk.fill("field:place-search", "zzz"));
  EXPECT_TRUE(kiosk.shows("No places found with that name."));
}

TEST_F(KioskMap, DragMovesTheMapWithoutPinningAndButtonsZoom) {
  auto& kiosk = start();
  reach_pothole_location();
  ASSERT_TRUE(kiosk.reveal("Zoom in"));
  ASSERT_TRUE(kiosk.reveal("map"));
  for (const char* button : {"Zoom in", "Zoom out"}) {
    const auto* item = kiosk.probe().find(button);
    ASSERT_TRUE(item);
    EXPECT_GE(item->width, 44);
    EXPECT_GE(item->height, 44);
  }
  const double whole_area = kiosk.journey().fields.map_view.pixels_per_degree;
  ASSERT_TRUE(kiosk.tap("Zoom in"));
  ASSERT_TRUE(kiosk.tap("Zoom in"));
  EXPECT_DOUBLE_EQ(kiosk.journey().fields.map_view.pixels_per_degree, whole_area * 4);

  const auto place = on_screen(kLittleHembury);
  const auto rect = map_rect();
  const auto middle = rect.centre();
  kiosk.drag(static_cast<float>(middle.x), static_cast<float>(middle.y), static_cast<float>(middle.x + 120),
             static_cast<float>(middle.y + 60));
  EXPECT_FALSE(kiosk.journey().fields.lat) << "a drag is not a tap";
  const auto moved = on_screen(kLittleHembury);
  EXPECT_NEAR(moved.x, place.x + 120, 1.0);
  EXPECT_NEAR(moved.y, place.y + 60, 1.0);

  ASSERT_TRUE(kiosk.tap("Zoom out"));
  EXPECT_DOUBLE_EQ(kiosk.journey().fields.map_view.pixels_per_degree, whole_area * 2);
}

TEST_F(KioskMap, PinchZoomsAboutTheFingers) {
  auto& kiosk = start();
  reach_pothole_location();
  ASSERT_TRUE(kiosk.reveal("Zoom in"));
  ASSERT_TRUE(kiosk.reveal("map"));
  const double whole_area = kiosk.journey().fields.map_view.pixels_per_degree;
  const auto middle = map_rect().centre();
  const float x = static_cast<float>(middle.x), y = static_cast<float>(middle.y);
  const LonLat between = kiosk::to_lon_lat(kiosk.journey().fields.map_view, map_rect(), middle);
  kiosk.pinch(x - 50, y, x + 50, y, x - 150, y, x + 150, y);
  EXPECT_NEAR(kiosk.journey().fields.map_view.pixels_per_degree, whole_area * 3, whole_area * 0.01);
  const auto still = on_screen(between);
  EXPECT_NEAR(still.x, middle.x, 1.0);
  EXPECT_NEAR(still.y, middle.y, 1.0);
  EXPECT_FALSE(kiosk.journey().fields.lat) << "a pinch places no pin";
  kiosk.screenshot("after-pinch");
}

TEST_F(KioskMap, WithoutBoundaryDataThePageAsksForWords) {
  // A council folder with a catalogue and no boundaries file.
  const auto assets = std::filesystem::path(data_dir_.file("assets"));
  std::filesystem::create_directories(assets / "demo-council");
  std::filesystem::copy_file(std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/catalogue.json",
                             assets / "demo-council" / "catalogue.json");
  auto& kiosk = start(assets.string());
  reach_pothole_location();
  EXPECT_FALSE(kiosk.probe().find("map"));
  EXPECT_FALSE(kiosk.probe().find("field:place-search"));
  kiosk.screenshot("words-only");
  ASSERT_TRUE(kiosk.tap("Continue"));
  EXPECT_TRUE(kiosk.shows("There is a problem")) << "neither pin nor words";
  ASSERT_TRUE(kiosk.fill("field:location", "Outside 12 High Street, Ashcombe"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("Continue"));  // no contact details
  ASSERT_EQ(kiosk.journey().page, Page::CheckAnswers);
  EXPECT_TRUE(kiosk.shows("Outside 12 High Street, Ashcombe"));
}

TEST_F(KioskMap, ContinueWithNeitherPinNorWordsShowsTheError) {
  auto& kiosk = start();
  reach_pothole_location();
  ASSERT_TRUE(kiosk.tap("Continue"));
  EXPECT_TRUE(kiosk.shows("There is a problem"));
  EXPECT_TRUE(kiosk.shows("Enter where it is: an address, a place or a point on the map"));
  EXPECT_EQ(kiosk.journey().page, Page::Location);
}

TEST(PlaceData, ABrokenOrMissingFileGivesAProblemNotAMap) {
  const auto missing = kiosk::load_place_data("/nonexistent/boundaries.geojson");
  EXPECT_FALSE(missing.usable());
  EXPECT_NE(missing.problem.find("/nonexistent/boundaries.geojson"), std::string::npos) << missing.problem;

  test_support::TempFolder folder;
  const auto file = folder.file("broken.geojson");
  {
    std::ofstream out(file);
    out << R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": []}}]})";
  }
  const auto broken = kiosk::load_place_data(file);
  EXPECT_FALSE(broken.boundaries || broken.map) << "nothing half-loaded";
  EXPECT_NE(broken.problem.find("The map is off"), std::string::npos) << broken.problem;

  const auto demo = kiosk::load_place_data(std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/boundaries.geojson");
  EXPECT_TRUE(demo.usable()) << demo.problem;
}
