// Every service in the demo catalogue, from the start page to the outbox,
// as a resident would go: choose it, answer each page, say where, skip the
// contact details, check and send. Each journey saves a screenshot per page.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "kiosk_driver.h"
#include "shared/catalogue_json.h"
#include "support/temp_folder.h"
#include "sync/outbox.h"
#include "support/stored_request.h"

namespace oneservice::kiosk::testing {
namespace {

// "Label" taps a control; "field:code=text" fills a field.
struct ServiceJourney {
  std::string service_code;
  std::string service_name;
  std::vector<std::string> steps;  // up to and including the location page
  std::vector<std::string> answered;  // codes the request must hold
};

// How gtest names a journey in its output.
void PrintTo(const ServiceJourney& journey, std::ostream* out) { *out << journey.service_code; }

const std::vector<ServiceJourney>& journeys() {
  static const std::vector<ServiceJourney> all = {
      {"pothole", "Report a pothole",
       {"In the road", "Continue", "Smaller than a dinner plate", "Continue", "field:depth_cm=5", "Continue",
        "Continue"},
       {"road_or_pavement", "pothole_size", "depth_cm"}},
      {"speeding_traffic", "Report speeding traffic",
       {"Continue", "30mph", "Continue", "A main road between towns", "Continue", "Daytime", "Continue", "Continue",
        "field:last_seen.Day=20", "field:last_seen.Month=11", "field:last_seen.Year=2026", "Continue"},
       {"speed_limit", "road_type", "time_of_day", "last_seen"}},
      {"missed_bin", "Report a missed bin collection",
       {"Garden waste", "Continue", "field:collection_date.Day=19", "field:collection_date.Month=11",
        "field:collection_date.Year=2026", "Continue", "No", "Continue"},
       {"which_bin", "collection_date", "bin_out_by_7am"}},
      {"fly_tipping", "Report fly-tipping",
       {"Furniture", "Tyres", "Continue", "A car boot load", "Continue", "field:date_seen.Day=21",
        "field:date_seen.Month=11", "field:date_seen.Year=2026", "Continue", "Continue"},
       {"waste_types", "amount", "date_seen"}},
      {"street_light", "Street light not working",
       {"field:light_number=SL-0412", "Continue", "It's flashing", "Continue"},
       {"light_number", "fault"}},
      {"graffiti", "Report graffiti",
       {"Yes", "Continue", "A road sign", "Continue", "Smaller than a sheet of A4 paper", "Continue"},
       {"offensive", "surface", "graffiti_size"}},
      {"parking_permit", "Apply for a resident parking permit",
       {"Zone B Millbrook", "Continue", "field:vehicle_registration=AB12 CDE", "Continue", "field:vehicle_make=Ford",
        "Continue", "field:number_of_permits=1", "Continue", "field:start_date.Day=22", "field:start_date.Month=11",
        "field:start_date.Year=2026", "Continue", "field:email=jo@example.org", "Continue", "Continue"},
       {"zone", "vehicle_registration", "vehicle_make", "number_of_permits", "start_date", "email"}},
  };
  return all;
}

class EveryService : public ::testing::TestWithParam<ServiceJourney> {};

TEST_P(EveryService, GoesFromTheStartPageToTheOutbox) {
  const auto& journey = GetParam();
  test_support::TempFolder data;
  KioskDriver kiosk(data.path(), std::string(ONESERVICE_SCREENSHOT_DIR) + "/EveryService/" + journey.service_code,
                    fixed_clock());
  const auto catalogue = load_catalogue_file(std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/catalogue.json");
  const auto* service = catalogue.find_service(journey.service_code);
  ASSERT_TRUE(service);

  kiosk.start();
  ASSERT_TRUE(kiosk.tap(journey.service_name));
  int page = 0;
  for (const auto& step : journey.steps) {
    if (step == "Continue") {
      kiosk.screenshot("page-" + std::to_string(++page));
      kiosk.expect_touch_targets("page " + std::to_string(page));  // every page: 44x44 px at least
    }
    if (step.rfind("field:", 0) == 0) {
      const auto equals = step.find('=');
      ASSERT_TRUE(kiosk.fill(step.substr(0, equals), step.substr(equals + 1))) << step;
    } else {
      ASSERT_TRUE(kiosk.tap(step)) << step;
    }
    ASSERT_TRUE(kiosk.journey().errors.empty())
        << step << ": " << kiosk.journey().errors.front().message << " on " << kiosk.journey().question_code;
  }
  ASSERT_EQ(kiosk.journey().page, Page::Location);
  ASSERT_TRUE(kiosk.fill("field:location", "Outside the library, Ashcombe"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_EQ(kiosk.journey().page, Page::Contact);
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_EQ(kiosk.journey().page, Page::CheckAnswers);
  kiosk.screenshot("check-answers");
  kiosk.expect_touch_targets("check answers");
  ASSERT_TRUE(kiosk.tap(service->submit_label));
  ASSERT_EQ(kiosk.journey().page, Page::Confirmation);
  EXPECT_TRUE(kiosk.reveal("qr:tracking")) << "a QR code for the council's tracking page";
  EXPECT_TRUE(kiosk.shows("will deal with this")) << "who deals with it";
  kiosk.screenshot("confirmation");
  kiosk.expect_touch_targets("confirmation");

  const auto entry = kiosk.outbox().find_by_reference(kiosk.journey().reference);
  ASSERT_TRUE(entry.has_value());
  const auto stored = oneservice::sync::test::stored_request(kiosk.outbox(), *entry);
  EXPECT_EQ(entry->state, sync::RequestState::Queued);
  EXPECT_EQ(stored.service_code, journey.service_code);
  for (const auto& code : journey.answered) EXPECT_EQ(stored.answers.count(code), 1u) << code;
  EXPECT_EQ(stored.location.address_string, "Outside the library, Ashcombe");
}

INSTANTIATE_TEST_SUITE_P(DemoCatalogue, EveryService, ::testing::ValuesIn(journeys()),
                         [](const auto& param_info) { return param_info.param.service_code; });

TEST(EveryServiceList, CoversTheWholeDemoCatalogue) {
  const auto catalogue = load_catalogue_file(std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/catalogue.json");
  ASSERT_EQ(catalogue.services.size(), journeys().size());
  for (const auto& service : catalogue.services) {
    bool found = false;
    for (const auto& journey : journeys()) found = found || journey.service_code == service.service_code;
    EXPECT_TRUE(found) << service.service_code << " has no end-to-end journey";
  }
}

}  // namespace
}  // namespace oneservice::kiosk::testing
