// prepare_request: fills what the device owns, tidies answers, validates.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "shared/identity.h"
#include "shared/prepare.h"
#include "test_support.h"

using namespace oneservice;
using namespace oneservice::testing;
using ::testing::HasSubstr;

namespace {

// What the resident gave, before the device adds anything.
ServiceRequest resident_request() {
  ServiceRequest r;
  r.service_code = "speeding_traffic";
  r.answers = {{"speed_limit", std::string("30")},
               {"road_type", std::string("village")},
               {"speedwatch", std::string("no")},
               {"time_of_day", std::vector<std::string>{"night"}},
               {"last_seen", std::string("2026-11-21")}};
  r.location.address_string = "Church Lane, Oakley Magna";
  return r;
}

bool is_v4(const std::string& id) {
  return is_uuid(id) && id[14] == '4' && std::string("89ab").find(id[19]) != std::string::npos;
}

}  // namespace

TEST(Prepare, FillsDeviceFields) {
  const auto prepared = prepare_request(demo_catalogue(), resident_request(), fixed_now(), Wording::english());
  for (const auto& e : prepared.errors) ADD_FAILURE() << e.field << ": " << e.message;
  EXPECT_TRUE(prepared.ok());
  EXPECT_TRUE(is_v4(prepared.request.client_id)) << prepared.request.client_id;
  EXPECT_EQ(prepared.request.created_at, "2026-11-22T14:03:00Z");
  EXPECT_EQ(prepared.request.catalogue_version, "2026-11-01T09:00:00Z");
  EXPECT_EQ(prepared.request.answers, resident_request().answers);
}

TEST(Prepare, EachCallMakesANewClientId) {
  const auto a = prepare_request(demo_catalogue(), resident_request(), fixed_now(), Wording::english());
  const auto b = prepare_request(demo_catalogue(), resident_request(), fixed_now(), Wording::english());
  EXPECT_NE(a.request.client_id, b.request.client_id);
}

TEST(Prepare, KeepsProvidedDeviceFields) {
  auto request = resident_request();
  request.client_id = "3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6f";
  request.created_at = "2026-11-22T09:15:00+01:00";
  request.catalogue_version = "2026-10-01T00:00:00Z";
  const auto prepared = prepare_request(demo_catalogue(), request, fixed_now(), Wording::english());
  EXPECT_TRUE(prepared.ok());
  EXPECT_EQ(prepared.request.client_id, "3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6f");
  EXPECT_EQ(prepared.request.created_at, "2026-11-22T09:15:00+01:00");
  EXPECT_EQ(prepared.request.catalogue_version, "2026-10-01T00:00:00Z");
}

TEST(Prepare, BadClientIdIsReported) {
  auto request = resident_request();
  request.client_id = "not-a-uuid";
  const auto prepared = prepare_request(demo_catalogue(), request, fixed_now(), Wording::english());
  EXPECT_FALSE(prepared.ok());
  const auto* error = find_error(prepared.errors, "client_id");
  ASSERT_NE(error, nullptr);
  EXPECT_THAT(error->message, HasSubstr("must be a UUID"));
  EXPECT_TRUE(reads_like_govuk(error->message));
  EXPECT_EQ(prepared.request.client_id, "not-a-uuid");  // never replaced silently
}

TEST(Prepare, BadCreatedAtIsReported) {
  auto request = resident_request();
  request.created_at = "2026-02-30T10:00:00Z";
  const auto prepared = prepare_request(demo_catalogue(), request, fixed_now(), Wording::english());
  ASSERT_EQ(prepared.errors.size(), 1u);
  EXPECT_EQ(prepared.errors[0].field, "created_at");
  EXPECT_EQ(prepared.errors[0].problem, Problem::NotADate);
  EXPECT_THAT(prepared.errors[0].message, HasSubstr("must be a real date and time"));
  EXPECT_TRUE(reads_like_govuk(prepared.errors[0].message));
}

TEST(Prepare, PrunesAnswersToQuestionsNoLongerAsked) {
  auto request = resident_request();
  request.answers["speed_limit"] = std::string("60");  // speedwatch is no longer asked
  request.answers["danger_now"] = std::string("yes");   // information only
  const auto prepared = prepare_request(demo_catalogue(), request, fixed_now(), Wording::english());
  EXPECT_TRUE(prepared.ok());
  EXPECT_EQ(prepared.request.answers.count("speedwatch"), 0u);
  EXPECT_EQ(prepared.request.answers.count("danger_now"), 0u);
  EXPECT_EQ(prepared.request.answers.count("speed_limit"), 1u);
}

TEST(Prepare, PrunesServerSetAnswers) {
  ServiceRequest request;
  request.service_code = "fly_tipping";
  request.answers = {{"waste_types", std::vector<std::string>{"tyres"}},
                     {"amount", std::string("car_boot")},
                     {"date_seen", std::string("2026-11-20")},
                     {"enforcement_case", std::string("EC-99")}};
  request.location.lat = 51.06;
  request.location.lon = -1.40;
  const auto prepared = prepare_request(demo_catalogue(), request, fixed_now(), Wording::english());
  EXPECT_TRUE(prepared.ok());
  EXPECT_EQ(prepared.request.answers.count("enforcement_case"), 0u);
  EXPECT_EQ(prepared.request.answers.size(), 3u);
}

TEST(Prepare, UnknownAnswerCodesAreReportedNotDropped) {
  auto request = resident_request();
  request.answers["colour"] = std::string("red");
  const auto prepared = prepare_request(demo_catalogue(), request, fixed_now(), Wording::english());
  EXPECT_FALSE(prepared.ok());
  ASSERT_NE(find_error(prepared.errors, "colour"), nullptr);
  EXPECT_EQ(find_error(prepared.errors, "colour")->problem, Problem::UnknownQuestion);
  EXPECT_EQ(prepared.request.answers.count("colour"), 1u);
}

TEST(Prepare, TrimsSingleAnswersOnly) {
  auto request = resident_request();
  request.answers["speed_limit"] = std::string("  30\t");
  request.answers["road_type"] = std::string("\nvillage ");
  request.answers["vehicles_per_hour"] = std::string(" 25 ");
  const auto prepared = prepare_request(demo_catalogue(), request, fixed_now(), Wording::english());
  for (const auto& e : prepared.errors) ADD_FAILURE() << e.field << ": " << e.message;
  EXPECT_EQ(prepared.request.answers.at("speed_limit"), AnswerValue{std::string("30")});
  EXPECT_EQ(prepared.request.answers.at("road_type"), AnswerValue{std::string("village")});
  EXPECT_EQ(prepared.request.answers.at("vehicles_per_hour"), AnswerValue{std::string("25")});
  // Trimming happens before deciding what was asked: speedwatch stays.
  EXPECT_EQ(prepared.request.answers.at("speedwatch"), AnswerValue{std::string("no")});
  EXPECT_EQ(prepared.request.answers.at("time_of_day"), AnswerValue{std::vector<std::string>{"night"}});
}

TEST(Prepare, LeavesWhatTheResidentTypedOtherwise) {
  auto request = resident_request();
  request.description = "  Leading spaces kept\n";
  request.contact.first_name = "Siân";
  const auto prepared = prepare_request(demo_catalogue(), request, fixed_now(), Wording::english());
  EXPECT_TRUE(prepared.ok());
  EXPECT_EQ(prepared.request.description, "  Leading spaces kept\n");
  EXPECT_EQ(prepared.request.contact.first_name, "Siân");
  EXPECT_EQ(prepared.request.location.address_string, "Church Lane, Oakley Magna");
}

TEST(Prepare, ValidationErrorsAreReturned) {
  auto request = resident_request();
  request.answers.erase("last_seen");
  request.location = {};
  const auto prepared = prepare_request(demo_catalogue(), request, fixed_now(), Wording::english());
  EXPECT_FALSE(prepared.ok());
  EXPECT_EQ(problems_of(prepared.errors), (std::vector<Problem>{Problem::Missing, Problem::MissingLocation}));
  // The device fields are still filled, so the draft can be kept.
  EXPECT_TRUE(is_uuid(prepared.request.client_id));
  EXPECT_FALSE(prepared.request.created_at.empty());
}

TEST(Prepare, UnknownService) {
  auto request = resident_request();
  request.service_code = "dragons";
  const auto prepared = prepare_request(demo_catalogue(), request, fixed_now(), Wording::english());
  ASSERT_EQ(prepared.errors.size(), 1u);
  EXPECT_EQ(prepared.errors[0].problem, Problem::UnknownService);
  EXPECT_EQ(prepared.request.answers, resident_request().answers);
}

TEST(Prepare, UsesTheGivenNowForTheFutureCheck) {
  auto request = resident_request();
  request.answers["last_seen"] = std::string("2026-11-25");
  EXPECT_FALSE(prepare_request(demo_catalogue(), request, fixed_now(), Wording::english()).ok());
  const auto later = fixed_now() + std::chrono::hours(24 * 5);
  const auto prepared = prepare_request(demo_catalogue(), request, later, Wording::english());
  EXPECT_TRUE(prepared.ok());
  EXPECT_EQ(prepared.request.created_at, "2026-11-27T14:03:00Z");
}
