// The routing notice in Welsh: shared/'s one wording through the kiosk's
// translations, for every reason a body is chosen, not only the plain one.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "i18n/welsh.h"
#include "shared/routing.h"
#include "shared/test_support.h"

using namespace oneservice;
using oneservice::i18n_testing::demo_catalogue;
using oneservice::i18n_testing::welsh;
using oneservice::testing::demo_boundaries;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

namespace {

Answers speeding() {
  return {{"speed_limit", std::string("30")}, {"road_type", std::string("village")},
          {"speedwatch", std::string("yes")}};
}

RoutingDecision route_at(const std::string& code, const Answers& answers, std::optional<double> lon,
                         std::optional<double> lat) {
  return route(*demo_catalogue().find_service(code), answers, lat, lon, demo_boundaries());
}

// What the kiosk shows (kiosk/routing_words.cpp): the one wording, through
// its translations.
std::string in_welsh(const RoutingDecision& decision) { return routing_notice(decision, welsh().wording()); }

}  // namespace

TEST(WelshRouting, EveryNoticeIsInWelsh) {
  const auto plain = route_at("pothole", {}, -1.82, 51.20);
  EXPECT_EQ(plain.fallback, RoutingFallback::None);
  EXPECT_THAT(in_welsh(plain), StartsWith("Wealdshire County Council fydd yn delio â hyn."));

  const auto no_location = route_at("missed_bin", {}, std::nullopt, std::nullopt);
  EXPECT_EQ(no_location.fallback, RoutingFallback::NoLocation);
  EXPECT_THAT(in_welsh(no_location), StartsWith("Ni roddwyd lleoliad, felly Wealdshire County Council fydd"));

  const auto no_parish = route_at("speeding_traffic", speeding(), -1.75, 51.05);  // unparished Ashcombe
  EXPECT_EQ(no_parish.fallback, RoutingFallback::MissingLevels);
  EXPECT_THAT(in_welsh(no_parish), StartsWith("Does dim cyngor plwyf ar gyfer y lle hwn, felly "));

  const auto outside = route_at("speeding_traffic", speeding(), -2.00, 51.10);
  EXPECT_EQ(outside.fallback, RoutingFallback::OutsideTheArea);
  EXPECT_EQ(in_welsh(outside),
            "Mae’r lle hwn y tu allan i’r ardal y mae Wealdshire County Council yn gofalu amdani. "
            "Cysylltwch â’r cyngor ar gyfer y lle hwnnw.");

  for (const auto* decision : {&plain, &no_location, &no_parish, &outside}) {
    const auto words = in_welsh(*decision);
    EXPECT_THAT(words, Not(HasSubstr("will deal with this"))) << words;
    EXPECT_THAT(words, Not(HasSubstr("Contact:"))) << words;
    EXPECT_NE(words, decision->notice);
  }
}

TEST(WelshRouting, EnglishIsTheNoticeTheServerRecords) {
  const auto decision = route_at("speeding_traffic", speeding(), -1.75, 51.05);
  EXPECT_EQ(routing_notice(decision, Wording::english()), decision.notice);  // the records keep English
  EXPECT_THAT(decision.notice, StartsWith("There is no parish council for this place, so "));
}
