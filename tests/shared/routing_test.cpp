// route(): the demo catalogue's rules and the demo council's boundaries give
// the body that deals with a request, and the words the resident sees.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <initializer_list>
#include <thread>

#include <nlohmann/json.hpp>

#include "shared/routing.h"
#include "test_support.h"

using namespace oneservice;
using namespace oneservice::testing;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

namespace {

// The README's example points.
constexpr double kLittleHemburyLon = -1.82, kLittleHemburyLat = 51.20;  // parish in Ashcombe
constexpr double kAshcombeTownLon = -1.75, kAshcombeTownLat = 51.05;    // unparished, Ashcombe
constexpr double kKingsfordTownLon = -1.45, kKingsfordTownLat = 51.20;  // unparished, Kingsford

Answers speeding(const std::string& limit, const std::string& road, const std::string& speedwatch) {
  Answers answers{{"speed_limit", limit}, {"road_type", road}};
  if (!speedwatch.empty()) answers["speedwatch"] = speedwatch;
  return answers;
}

RoutingDecision route_at(const std::string& service, const Answers& answers, double lon, double lat) {
  return route(demo_service(service), answers, lat, lon, demo_boundaries());
}

std::string id_of(const RoutingDecision& decision) { return decision.body ? decision.body->id : "(none)"; }

const char* kLittleHemburyNotice =
    "Little Hembury Parish Council will deal with this. Contact: Margaret Thornton, Parish Clerk, "
    "clerk@little-hembury-pc.example, 01632 960401.";
const char* kAshcombeNotice =
    "Ashcombe District Council will deal with this. Contact: Ashcombe Customer Services, "
    "customer.services@ashcombe.example, 01632 960100.";
const char* kCountyNotice =
    "Wealdshire County Council will deal with this. Contact: Wealdshire Customer Services, "
    "customer.services@wealdshire.example, 01632 960000.";

}  // namespace

TEST(Routing, SpeedwatchVillageIn30GoesToTheParishWithTheClerksContact) {
  const auto decision =
      route_at("speeding_traffic", speeding("30", "village", "yes"), kLittleHemburyLon, kLittleHemburyLat);
  EXPECT_EQ(decision.level, ResponsibleLevel::Parish);
  EXPECT_EQ(id_of(decision), "parish-little-hembury");
  EXPECT_EQ(decision.notice, kLittleHemburyNotice);
}

TEST(Routing, SpeedwatchIn20AlsoGoesToTheParish) {
  const auto decision = route_at("speeding_traffic", speeding("20", "village", "yes"), -1.70, 51.22);
  EXPECT_EQ(decision.level, ResponsibleLevel::Parish);
  EXPECT_EQ(id_of(decision), "parish-oakley-magna");
  EXPECT_THAT(decision.notice, StartsWith("Oakley Magna Parish Council will deal with this. Contact: David Okafor"));
}

TEST(Routing, SpeedwatchAnswersInAnUnparishedAreaGoToTheDistrict) {
  auto decision = route_at("speeding_traffic", speeding("30", "village", "yes"), kAshcombeTownLon, kAshcombeTownLat);
  EXPECT_EQ(decision.level, ResponsibleLevel::Parish);  // what the rule chose
  EXPECT_EQ(id_of(decision), "district-ashcombe");
  EXPECT_EQ(decision.notice, std::string("There is no parish council for this place, so ") + kAshcombeNotice);

  decision = route_at("speeding_traffic", speeding("30", "village", "yes"), kKingsfordTownLon, kKingsfordTownLat);
  EXPECT_EQ(id_of(decision), "district-kingsford");
  EXPECT_THAT(decision.notice,
              StartsWith("There is no parish council for this place, so Kingsford Borough Council will deal with this."));
}

TEST(Routing, OtherSpeedingAnswersGoToTheDistrict) {
  for (const auto& answers : {speeding("40", "village", ""), speeding("30", "main_road", ""),
                              speeding("30", "village", "no"), speeding("not_sure", "village", ""), Answers{}}) {
    const auto decision = route_at("speeding_traffic", answers, kLittleHemburyLon, kLittleHemburyLat);
    EXPECT_EQ(decision.level, ResponsibleLevel::District);
    EXPECT_EQ(id_of(decision), "district-ashcombe");
    EXPECT_EQ(decision.notice, kAshcombeNotice);
  }
}

TEST(Routing, NoLocationGoesToTheCounty) {
  const auto decision = route(demo_service("speeding_traffic"), speeding("30", "village", "yes"), std::nullopt,
                              std::nullopt, demo_boundaries());
  EXPECT_EQ(decision.level, ResponsibleLevel::Parish);
  EXPECT_EQ(id_of(decision), "county-wealdshire");
  EXPECT_EQ(decision.notice, std::string("No location was given, so ") + kCountyNotice);

  // Half a location is no location.
  const auto half = route(demo_service("missed_bin"), {}, 51.2, std::nullopt, demo_boundaries());
  EXPECT_EQ(id_of(half), "county-wealdshire");
  EXPECT_THAT(half.notice, StartsWith("No location was given"));
}

TEST(Routing, PotholeGoesToTheCountyWherever) {
  for (const auto& [lon, lat] : std::vector<std::pair<double, double>>{
           {kLittleHemburyLon, kLittleHemburyLat}, {kAshcombeTownLon, kAshcombeTownLat}, {-1.40, 51.06}}) {
    const auto decision = route_at("pothole", {{"road_or_pavement", std::string("road")}}, lon, lat);
    EXPECT_EQ(decision.level, ResponsibleLevel::County);
    EXPECT_EQ(id_of(decision), "county-wealdshire");
    EXPECT_EQ(decision.notice, kCountyNotice);
  }
  // With no location the county is the answer anyway, so no "No location" words.
  const auto decision = route(demo_service("pothole"), {}, std::nullopt, std::nullopt, demo_boundaries());
  EXPECT_EQ(id_of(decision), "county-wealdshire");
  EXPECT_EQ(decision.notice, kCountyNotice);
}

TEST(Routing, DistrictServicesFollowTheDistrictBoundaries) {
  EXPECT_EQ(id_of(route_at("missed_bin", {}, -1.40, 51.06)), "district-millbrook");
  EXPECT_EQ(id_of(route_at("fly_tipping", {}, -1.52, 51.16)), "district-kingsford");
  EXPECT_EQ(id_of(route_at("graffiti", {}, -1.6, 51.2)), "district-ashcombe");  // on the shared border
}

TEST(Routing, OutsideTheCountyNobodyIsNamed) {
  const auto decision = route_at("speeding_traffic", speeding("30", "village", "yes"), -2.00, 51.10);
  EXPECT_EQ(decision.body, nullptr);
  EXPECT_EQ(decision.level, ResponsibleLevel::Parish);
  EXPECT_EQ(decision.notice,
            "This place is outside the area Wealdshire County Council covers. Contact the council for that place.");
}

TEST(Routing, ServiceWithNoLevelGoesToTheCounty) {
  Service service;
  service.service_code = "other";
  const auto decision = route(service, {}, kLittleHemburyLat, kLittleHemburyLon, demo_boundaries());
  EXPECT_EQ(decision.level, ResponsibleLevel::County);
  EXPECT_EQ(id_of(decision), "county-wealdshire");
}

TEST(Routing, FirstMatchingRuleWins) {
  Service service;
  service.responsible = ResponsibleLevel::County;
  service.routing = {RoutingRule{{Condition{"kind", {"a"}}}, ResponsibleLevel::Parish}, RoutingRule{{}, ResponsibleLevel::District},
                     RoutingRule{{}, ResponsibleLevel::County}};
  EXPECT_EQ(route(service, {{"kind", std::string("a")}}, kLittleHemburyLat, kLittleHemburyLon, demo_boundaries()).level,
            ResponsibleLevel::Parish);
  // The second rule has no conditions, so it always holds.
  EXPECT_EQ(route(service, {{"kind", std::string("b")}}, kLittleHemburyLat, kLittleHemburyLon, demo_boundaries()).level,
            ResponsibleLevel::District);
}

TEST(Routing, NoticeHoldsNoneOfTheResidentsAnswers) {
  Answers answers = speeding("30", "village", "yes");
  answers["danger_now"] = std::string("Sam Resident, 7 Acacia Road");
  answers["vehicles_per_hour"] = std::string("12345");
  for (const auto& [lon, lat] : std::vector<std::pair<double, double>>{
           {kLittleHemburyLon, kLittleHemburyLat}, {kAshcombeTownLon, kAshcombeTownLat}, {-2.0, 51.1}}) {
    const auto decision = route_at("speeding_traffic", answers, lon, lat);
    EXPECT_THAT(decision.notice, Not(HasSubstr("Sam Resident")));
    EXPECT_THAT(decision.notice, Not(HasSubstr("Acacia")));
    EXPECT_THAT(decision.notice, Not(HasSubstr("12345")));
    for (const char* word : {"please", "invalid", "error", "fallback", "null"})
      EXPECT_THAT(lower(decision.notice), Not(HasSubstr(word))) << decision.notice;
  }
}

// Hand-made maps for the fallbacks the demo data cannot show.
namespace {

nlohmann::json square(const std::string& id, const std::string& kind, double x0, double y0, double x1, double y1,
                      const std::string& parent) {
  using nlohmann::json;
  json ring = json::array({json::array({x0, y0}), json::array({x1, y0}), json::array({x1, y1}),
                           json::array({x0, y1}), json::array({x0, y0})});
  json properties = {{"id", id}, {"name", id + " Council"}, {"kind", kind}, {"contact", nullptr}};
  properties["parent"] = parent.empty() ? json(nullptr) : json(parent);
  return {{"type", "Feature"},
          {"properties", properties},
          {"geometry", {{"type", "Polygon"}, {"coordinates", json::array({ring})}}}};
}

Boundaries map_of(std::initializer_list<nlohmann::json> features) {
  return Boundaries::from_geojson(
      nlohmann::json{{"type", "FeatureCollection"}, {"features", nlohmann::json::array_t(features)}}.dump());
}

}  // namespace

TEST(Routing, ParishOutsideItsDistrictPolygonStillReachesItsDistrict) {
  // The district polygon covers x 0..5; the parish at x 6..7 is outside it
  // (a gap in the data) but names the district as its parent.
  const auto boundaries = map_of({square("shire", "county", 0, 0, 10, 10, ""),
                                  square("district-d", "district", 0, 0, 5, 10, "shire"),
                                  square("parish-p", "parish", 6, 0, 7, 1, "district-d")});
  Service bins;
  bins.responsible = ResponsibleLevel::District;
  const auto decision = route(bins, {}, 0.5, 6.5, boundaries);
  EXPECT_EQ(id_of(decision), "district-d");
  EXPECT_EQ(decision.notice, "district-d Council will deal with this.");  // no contact: no "Contact:" sentence
}

TEST(Routing, NoParishAndNoDistrictGoesToTheCounty) {
  const auto boundaries = map_of({square("shire", "county", 0, 0, 10, 10, ""),
                                  square("district-d", "district", 0, 0, 5, 10, "shire")});
  Service speedwatch;
  speedwatch.responsible = ResponsibleLevel::Parish;
  const auto decision = route(speedwatch, {}, 5.0, 7.0, boundaries);
  EXPECT_EQ(id_of(decision), "shire");
  EXPECT_EQ(decision.notice, "There is no parish or district council for this place, so shire Council will deal with this.");
}

TEST(Routing, ManyThreadsRouteAsOne) {
  const auto& service = demo_service("speeding_traffic");
  const auto answers = speeding("30", "village", "yes");
  std::vector<std::pair<double, double>> points;
  for (int i = 0; i < 50; ++i)
    for (int j = 0; j < 40; ++j) points.emplace_back(50.85 + 0.5 * i / 50.0, -1.95 + 0.7 * j / 40.0);
  std::vector<std::string> expected;
  for (const auto& [lat, lon] : points) expected.push_back(route(service, answers, lat, lon, demo_boundaries()).notice);

  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (std::size_t i = 0; i < points.size(); ++i)
        if (route(service, answers, points[i].first, points[i].second, demo_boundaries()).notice != expected[i])
          ++mismatches[t];
    });
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}
