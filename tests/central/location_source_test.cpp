// Where a report's point came from (location_source, location_accuracy_m:
// plain fields, like reported_for) is kept with the case, and never a
// reason to refuse one: FixMyStreet and older devices never send it, and a
// word or number central cannot read is left unsaid.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api_fixture.h"
#include "fixmystreet_wire.h"
#include "shared/request_json.h"

using namespace oneservice;
using namespace oneservice::central;
using nlohmann::json;

namespace {

class ReportLocationSource : public ::testing::Test {
 protected:
  // Posts a pothole with these extra fields; returns the case as stored.
  ServiceRequest report(const std::vector<std::pair<std::string, std::string>>& extra) {
    std::vector<std::pair<std::string, std::string>> fields = {
        {"api_key", server.key()}, {"service_code", "pothole"}, {"lat", "51.2"}, {"long", "-1.82"},
        {"attribute[road_or_pavement]", "road"}, {"attribute[pothole_size]", "about_plate"},
        {"attribute[depth_cm]", "7"}};
    fields.insert(fields.end(), extra.begin(), extra.end());
    const auto answer = test::post_urlencoded(server.port(), "/open311/v2/requests.json", fields);
    EXPECT_EQ(answer.status, 200) << answer.body;
    const auto id = json::parse(answer.body).at(0).value("service_request_id", "");
    const auto record = server.store().find(id);
    EXPECT_TRUE(record) << id;
    return record ? request_from_json(record->request_json) : ServiceRequest{};
  }

  test::ApiServer server;
};

}  // namespace

TEST_F(ReportLocationSource, AGpsPointAndItsAccuracyAreKeptWithTheCase) {
  const auto stored = report({{"location_source", "gps"}, {"location_accuracy_m", "6.5"}});
  ASSERT_TRUE(stored.location.source);
  EXPECT_EQ(*stored.location.source, oneservice::LocationSource::Gps);
  ASSERT_TRUE(stored.location.accuracy_m);
  EXPECT_DOUBLE_EQ(*stored.location.accuracy_m, 6.5);
  EXPECT_EQ(report({{"location_source", "map"}}).location.source, oneservice::LocationSource::Map);
}

TEST_F(ReportLocationSource, ReportsWithoutItAreStoredAsBefore) {
  const auto stored = report({});
  EXPECT_FALSE(stored.location.source);
  EXPECT_FALSE(stored.location.accuracy_m);
  EXPECT_EQ(request_to_json(stored).find("source"), std::string::npos) << "an old body keeps its bytes";
}

TEST_F(ReportLocationSource, WhatCentralCannotReadIsLeftUnsaidNotRefused) {
  const auto stored = report({{"location_source", "satellite"}, {"location_accuracy_m", "about ten"}});
  EXPECT_FALSE(stored.location.source);
  EXPECT_FALSE(stored.location.accuracy_m);
  EXPECT_FALSE(report({{"location_accuracy_m", "-3"}}).location.accuracy_m);
}
