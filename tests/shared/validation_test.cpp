// validate_answer / validate_answers / validate_request: every datatype,
// every Problem, and the exact GOV.UK-style words a resident reads.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>

#include "shared/validation.h"
#include "support/sample_request.h"
#include "test_support.h"

using namespace oneservice;
using namespace oneservice::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

std::vector<FieldError> check(const Attribute& attribute, const AnswerValue& value, TimePoint now = fixed_now()) {
  return validate_answer(attribute, &value, now, Wording::english());
}

std::vector<FieldError> check(const Attribute& attribute, const char* value) {
  return check(attribute, AnswerValue{std::string(value)});
}

std::vector<FieldError> check(const Attribute& attribute, const std::string& value) {
  return check(attribute, AnswerValue{value});
}

std::vector<FieldError> check_list(const Attribute& attribute, std::vector<std::string> items) {
  return check(attribute, AnswerValue{std::move(items)});
}

// The single message for one answer; "" when it passes, and a failure when
// there is more than one error.
std::string message(const std::vector<FieldError>& errors) {
  if (errors.empty()) return "";
  EXPECT_EQ(errors.size(), 1u);
  return errors.front().message;
}

Attribute make_attribute(Datatype datatype, std::string code = "thing") {
  Attribute a;
  a.code = std::move(code);
  a.datatype = datatype;
  a.required = true;
  a.order = 1;
  a.description = "What is the thing?";
  a.summary = "Thing";
  a.error_noun = "the thing";
  return a;
}

Attribute make_list(Datatype datatype) {
  auto a = make_attribute(datatype, "colour");
  a.summary = "Colour";
  a.error_noun = "a colour";
  a.values = {{"red", "Red"}, {"green", "Green"}, {"blue", "Blue"}};
  return a;
}

// The sample request (tests/support/sample_request.h) made a valid speeding
// report: its own answers are to pothole questions.
ServiceRequest valid_speeding_request() {
  auto r = test_support::sample_request();
  r.service_code = "speeding_traffic";
  r.answers = {{"speed_limit", std::string("30")},
               {"road_type", std::string("village")},
               {"speedwatch", std::string("yes")},
               {"time_of_day", std::vector<std::string>{"morning_rush", "evening_rush"}},
               {"vehicles_per_hour", std::string("40")},
               {"last_seen", std::string("2026-11-21")}};
  return r;
}

}  // namespace

// ---- string -------------------------------------------------------------

TEST(ValidationString, MissingSaysEnterTheNoun) {
  const auto a = make_attribute(Datatype::String);
  EXPECT_EQ(message(validate_answer(a, nullptr, fixed_now(), Wording::english())), "Enter the thing");
  EXPECT_EQ(message(check(a, "")), "Enter the thing");
  EXPECT_EQ(message(check(a, "  \t ")), "Enter the thing");
  EXPECT_EQ(check(a, "").front().problem, Problem::Missing);
  EXPECT_EQ(check(a, "").front().field, "thing");
}

TEST(ValidationString, MissingWithoutErrorNounUsesTheLabelInLowerCase) {
  auto a = make_attribute(Datatype::String);
  a.error_noun.clear();
  a.summary = "Street name";
  EXPECT_EQ(message(check(a, "")), "Enter street name");
}

TEST(ValidationString, OptionalAndEmptyIsFine) {
  auto a = make_attribute(Datatype::String);
  a.required = false;
  EXPECT_TRUE(validate_answer(a, nullptr, fixed_now(), Wording::english()).empty());
  EXPECT_TRUE(check(a, "").empty());
  EXPECT_TRUE(check(a, "   ").empty());
}

TEST(ValidationString, TooLongCountsCharactersAndUsesThousands) {
  auto a = make_attribute(Datatype::String);
  a.max_length = 1500;
  EXPECT_TRUE(check(a, repeat("ŵ", 1500)).empty());
  const auto errors = check(a, repeat("a", 1501));
  EXPECT_EQ(message(errors), "Thing must be 1,500 characters or less");
  EXPECT_EQ(errors.front().problem, Problem::TooLong);
}

TEST(ValidationString, DefaultLimitIs500) {
  const auto a = make_attribute(Datatype::String);
  EXPECT_TRUE(check(a, repeat("x", 500)).empty());
  EXPECT_EQ(message(check(a, repeat("x", 501))), "Thing must be 500 characters or less");
}

TEST(ValidationString, DemoVehicleRegistrationLimit) {
  const auto& a = demo_attribute("parking_permit", "vehicle_registration");
  EXPECT_TRUE(check(a, "CU57 ABC").empty());
  EXPECT_EQ(message(check(a, "CU57 ABCD")), "Vehicle registration must be 8 characters or less");
  EXPECT_EQ(message(check(a, "")), "Enter the vehicle registration number");
}

TEST(ValidationString, ControlCharactersAndBrokenUtf8) {
  const auto a = make_attribute(Datatype::String);
  const std::string expected = "Thing must only include letters, numbers, spaces and punctuation";
  for (const std::string& bad : {std::string("a\x01"
                                            "b"),
                                std::string("del\x7F"), std::string("nul", 4), std::string("\xFF"),
                                std::string("caf\xC3"), std::string("\xC3\x28"), std::string("\xED\xA0\x80"),
                                std::string("\xC0\xAF"), std::string("two\nlines")}) {
    const auto errors = check(a, bad);
    EXPECT_EQ(message(errors), expected) << ::testing::PrintToString(bad);
    if (!errors.empty()) {
      EXPECT_EQ(errors.front().problem, Problem::BadCharacters);
    }
  }
  EXPECT_TRUE(check(a, "Tab\tis fine").empty());
  EXPECT_TRUE(check(a, "Ffordd Pen-y-bryn, Llanfair Caereinion — ŵ ŷ é 😀").empty());
}

TEST(ValidationString, Email) {
  const auto& a = demo_attribute("parking_permit", "email");
  const std::string expected = "Enter an email address in the correct format, like name@example.com";
  for (const char* good : {"name@example.com", "  first.last+tag@sub.example.co.uk ", "a@b.c"})
    EXPECT_TRUE(check(a, good).empty()) << good;
  for (const char* bad : {"name", "name@", "@example.com", "name@example", "name@example.", "name@.com",
                          "na me@example.com", "a@b@example.com", "name@exa mple.com"}) {
    const auto errors = check(a, bad);
    EXPECT_EQ(message(errors), expected) << bad;
    if (!errors.empty()) {
      EXPECT_EQ(errors.front().problem, Problem::BadEmail);
    }
  }
  EXPECT_EQ(message(check(a, "")), "Enter your email address");
  EXPECT_EQ(message(check(a, repeat("a", 190) + "@" + repeat("b", 10) + ".com")),
            "Email address must be 200 characters or less");
}

TEST(ValidationString, Phone) {
  const auto& a = demo_attribute("parking_permit", "phone");
  const std::string expected = "Enter a telephone number, like 01632 960 001 or 07700 900 982";
  // 10 to 15 digits: the bounds themselves are in, one either side is out.
  for (const char* good : {"01632 960 001", "07700900982", "+44 1632 960001", "(01632) 960-001", "0163296000",
                           "+44 1632 9600123", "123456789012345"})
    EXPECT_TRUE(check(a, good).empty()) << good;
  for (const char* bad : {"12345", "1234567", "960 0012", "01632 9600", "01632 96O 001", "call me", "0163296000#",
                          "1234567890123456"}) {
    const auto errors = check(a, bad);
    EXPECT_EQ(message(errors), expected) << bad;
    if (!errors.empty()) {
      EXPECT_EQ(errors.front().problem, Problem::BadPhone);
    }
  }
  EXPECT_TRUE(check(a, "").empty());  // optional
}

TEST(ValidationString, ListGivenToATextQuestion) {
  const auto a = make_attribute(Datatype::String);
  const auto errors = check_list(a, {"a", "b"});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors.front().problem, Problem::BadCharacters);
}

// ---- number -------------------------------------------------------------

TEST(ValidationNumber, DemoVehiclesPerHourMessages) {
  const auto& a = demo_attribute("speeding_traffic", "vehicles_per_hour");
  EXPECT_EQ(message(check(a, "2.5")), "Speeding vehicles in an hour must be a whole number");
  EXPECT_EQ(check(a, "2.5").front().problem, Problem::NotWholeNumber);
  EXPECT_EQ(message(check(a, "abc")), "Speeding vehicles in an hour must be a number");
  EXPECT_EQ(message(check(a, "0")), "Speeding vehicles in an hour must be between 1 and 1,000");
  EXPECT_EQ(message(check(a, "1001")), "Speeding vehicles in an hour must be between 1 and 1,000");
  EXPECT_EQ(check(a, "1001").front().problem, Problem::OutOfRange);
  EXPECT_TRUE(check(a, "").empty());  // optional
  for (const char* good : {"1", "1000", "1,000", " 40 ", "+7", "12.0"}) EXPECT_TRUE(check(a, good).empty()) << good;
}

TEST(ValidationNumber, NotANumber) {
  const auto a = make_attribute(Datatype::Number);
  for (const char* bad : {"abc", "1e3", "1E3", "0x10", "inf", "-inf", "nan", "Infinity", "-", "+", ".", "1.2.3",
                          "1 000", "12abc", "£5", "5%", ",5", "5,", "1,,000", "--1", "٣"}) {
    const auto errors = check(a, bad);
    EXPECT_EQ(message(errors), "Thing must be a number") << bad;
    if (!errors.empty()) {
      EXPECT_EQ(errors.front().problem, Problem::NotANumber);
    }
  }
  EXPECT_EQ(message(check_list(a, {"1", "2"})), "Thing must be a number");
}

TEST(ValidationNumber, EmptyIsMissingNotANumber) {
  const auto a = make_attribute(Datatype::Number);
  EXPECT_EQ(message(check(a, "")), "Enter the thing");
  EXPECT_EQ(message(check(a, "   ")), "Enter the thing");
  EXPECT_EQ(message(check(demo_attribute("pothole", "depth_cm"), "")), "Enter the depth of the pothole in centimetres");
}

TEST(ValidationNumber, PlainNumbersAccepted) {
  const auto a = make_attribute(Datatype::Number);
  for (const char* good : {"0", "-3", "+3", "2.5", ".5", "5.", "1,000", "1,000,000.25", "-1,234", "007"})
    EXPECT_TRUE(check(a, good).empty()) << good;
}

TEST(ValidationNumber, WholeNumber) {
  auto a = make_attribute(Datatype::Number);
  a.integer = true;
  EXPECT_TRUE(check(a, "12").empty());
  EXPECT_TRUE(check(a, "-12").empty());
  EXPECT_TRUE(check(a, "12.000").empty());
  EXPECT_EQ(message(check(a, "12.5")), "Thing must be a whole number");
  EXPECT_EQ(message(check(a, "0.1")), "Thing must be a whole number");
  // Whole numbers too big for a 64-bit integer are still whole numbers.
  EXPECT_TRUE(check(a, "99999999999999999999").empty());
  EXPECT_TRUE(check(a, "-99999999999999999999").empty());
}

TEST(ValidationNumber, RangeMessages) {
  auto a = make_attribute(Datatype::Number);
  a.min = 5;
  EXPECT_EQ(message(check(a, "4")), "Thing must be 5 or more");
  EXPECT_TRUE(check(a, "5").empty());
  a.min.reset();
  a.max = 10000;
  EXPECT_EQ(message(check(a, "10,001")), "Thing must be 10,000 or less");
  EXPECT_TRUE(check(a, "10,000").empty());
  a.min = 0.5;
  a.max = 2.5;
  EXPECT_EQ(message(check(a, "3")), "Thing must be between 0.5 and 2.5");
  EXPECT_EQ(message(check(a, "0.4")), "Thing must be between 0.5 and 2.5");
  EXPECT_TRUE(check(a, "2.5").empty());
  a.min = -10;
  a.max.reset();
  EXPECT_EQ(message(check(a, "-11")), "Thing must be -10 or more");
}

TEST(ValidationNumber, DemoDepthAllowsFractions) {
  const auto& a = demo_attribute("pothole", "depth_cm");
  EXPECT_TRUE(check(a, "2.5").empty());
  EXPECT_EQ(message(check(a, "100.5")), "Depth in centimetres must be between 1 and 100");
  EXPECT_EQ(message(check(demo_attribute("parking_permit", "number_of_permits"), "3")),
            "Number of permits must be between 1 and 2");
}

// ---- datetime -----------------------------------------------------------

TEST(ValidationDatetime, NotARealDate) {
  const auto& a = demo_attribute("speeding_traffic", "last_seen");
  for (const char* bad : {"2026-02-30", "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "yesterday",
                          "22/11/2026", "22 11 2026", "2026-11-22T25:00:00Z", "2026-11-22T10:60Z",
                          "2026-11-22T10:00:00+1", "2026-11-22 garbage"}) {
    const auto errors = check(a, bad);
    EXPECT_EQ(message(errors), "Last seen must be a real date") << bad;
    if (!errors.empty()) {
      EXPECT_EQ(errors.front().problem, Problem::NotADate);
    }
  }
  EXPECT_EQ(message(check(a, "")), "Enter the date you last saw it happen");
}

TEST(ValidationDatetime, AcceptedFormats) {
  const auto& a = demo_attribute("speeding_traffic", "last_seen");
  for (const char* good : {"2026-11-20", "2024-02-29", "2026-11-22T13:00:00Z", "2026-11-22T13:00Z",
                           "2026-11-22T13:00:00.250Z", "2026-11-22T14:30:00+01:00", "2026-11-22T08:00:00-05:00",
                           "2026-11-22T13:00:00", "2026-11-22 13:00", " 2026-11-20 "})
    EXPECT_TRUE(check(a, good).empty()) << good;
}

TEST(ValidationDatetime, FutureRefusedWhenNotInFuture) {
  const auto& a = demo_attribute("speeding_traffic", "last_seen");  // now is 2026-11-22T14:03:00Z
  EXPECT_TRUE(check(a, "2026-11-22").empty());
  EXPECT_TRUE(check(a, "2026-11-22T14:03:00Z").empty());
  EXPECT_TRUE(check(a, "2026-11-22T14:10:00Z").empty());  // within a slow clock's tolerance
  for (const char* future : {"2026-11-23", "2026-11-22T15:00:00Z", "2027-01-01", "2026-11-22T16:00:00+01:00"}) {
    const auto errors = check(a, future);
    EXPECT_EQ(message(errors), "Last seen must be today or in the past") << future;
    if (!errors.empty()) {
      EXPECT_EQ(errors.front().problem, Problem::InTheFuture);
    }
  }
  // The same answer is fine once "now" has moved on.
  EXPECT_TRUE(check(a, AnswerValue{std::string("2026-11-23")}, fixed_now() + std::chrono::hours(48)).empty());
}

TEST(ValidationDatetime, FutureAllowedOtherwise) {
  const auto& a = demo_attribute("parking_permit", "start_date");
  EXPECT_FALSE(a.not_in_future);
  EXPECT_TRUE(check(a, "2027-06-01").empty());
  EXPECT_EQ(message(check(a, "2027-06-31")), "Start date must be a real date");
}

// ---- text ---------------------------------------------------------------

TEST(ValidationText, LimitIsInCharactersNotBytes) {
  const auto& a = demo_attribute("pothole", "more_details");
  const auto at_limit = repeat("ŵ", 4000);
  ASSERT_EQ(at_limit.size(), 8000u);
  EXPECT_TRUE(check(a, at_limit).empty());
  const auto errors = check(a, at_limit + "ŵ");
  EXPECT_EQ(message(errors), "More details must be 4,000 characters or less");
  if (!errors.empty()) {
    EXPECT_EQ(errors.front().problem, Problem::TooLong);
  }
}

TEST(ValidationText, DefaultLimitIs4000) {
  auto a = make_attribute(Datatype::Text);
  EXPECT_TRUE(check(a, repeat("a", 4000)).empty());
  EXPECT_EQ(message(check(a, repeat("a", 4001))), "Thing must be 4,000 characters or less");
}

TEST(ValidationText, NewlinesAllowedControlCharactersNot) {
  const auto a = make_attribute(Datatype::Text);
  EXPECT_TRUE(check(a, "First line\nSecond line\r\n\tIndented").empty());
  EXPECT_EQ(message(check(a, "bell\a")), "Thing must only include letters, numbers, spaces and punctuation");
  EXPECT_EQ(message(check(a, "\xF8\x88\x80\x80\x80")), "Thing must only include letters, numbers, spaces and punctuation");
  EXPECT_EQ(message(check(a, "")), "Enter the thing");
}

// ---- lists --------------------------------------------------------------

TEST(ValidationSingleList, Messages) {
  const auto a = make_list(Datatype::SingleValueList);
  EXPECT_TRUE(check(a, "red").empty());
  EXPECT_TRUE(check_list(a, {"green"}).empty());
  EXPECT_EQ(message(check(a, "")), "Select a colour");
  EXPECT_EQ(message(check_list(a, {})), "Select a colour");
  EXPECT_EQ(check(a, "").front().problem, Problem::Missing);
  EXPECT_EQ(message(check(a, "purple")), "Select a colour from the choices given");
  EXPECT_EQ(message(check(a, "Red")), "Select a colour from the choices given");
  EXPECT_EQ(check(a, "purple").front().problem, Problem::NotAnOption);
  EXPECT_EQ(message(check_list(a, {"red", "blue"})), "Select a colour from the choices given");
  EXPECT_EQ(message(check_list(a, {"red", "red"})), "Select a colour from the choices given");
}

TEST(ValidationSingleList, DemoMessages) {
  const auto& a = demo_attribute("pothole", "road_or_pavement");
  EXPECT_EQ(message(check(a, "")), "Select if the pothole is in the road or on the pavement");
  EXPECT_EQ(message(check(a, "river")),
            "Select if the pothole is in the road or on the pavement from the choices given");
  EXPECT_TRUE(check(a, "cycle_path").empty());
  EXPECT_EQ(message(check(demo_attribute("speeding_traffic", "speed_limit"), "")), "Select the speed limit");
}

TEST(ValidationMultiList, Messages) {
  const auto& a = demo_attribute("speeding_traffic", "time_of_day");
  EXPECT_TRUE(check_list(a, {"night", "weekends"}).empty());
  EXPECT_TRUE(check_list(a, {"daytime"}).empty());
  EXPECT_TRUE(check(a, "daytime").empty());
  EXPECT_EQ(message(check_list(a, {})), "Select when the speeding happens");
  EXPECT_EQ(message(check_list(a, {" "})), "Select when the speeding happens");
  EXPECT_EQ(message(validate_answer(a, nullptr, fixed_now(), Wording::english())), "Select when the speeding happens");
  const auto errors = check_list(a, {"night", "lunchtime"});
  EXPECT_EQ(message(errors), "Select when the speeding happens from the choices given");
  if (!errors.empty()) {
    EXPECT_EQ(errors.front().problem, Problem::NotAnOption);
  }
}

// ---- not asked ----------------------------------------------------------

TEST(ValidationAnswer, InformationOnlyAndServerSetAreNeverChecked) {
  auto info = make_attribute(Datatype::Number);
  info.variable = false;
  EXPECT_TRUE(check(info, "abc").empty());
  EXPECT_TRUE(validate_answer(info, nullptr, fixed_now(), Wording::english()).empty());
  auto server = make_attribute(Datatype::Number);
  server.automated = Automation::ServerSet;
  EXPECT_TRUE(check(server, "abc").empty());
  EXPECT_TRUE(validate_answer(server, nullptr, fixed_now(), Wording::english()).empty());
}

TEST(ValidationAnswer, HiddenFieldsAreCheckedButNeverMissing) {
  auto hidden = make_attribute(Datatype::Number);
  hidden.automated = Automation::HiddenField;
  EXPECT_TRUE(validate_answer(hidden, nullptr, fixed_now(), Wording::english()).empty());
  EXPECT_TRUE(check(hidden, "").empty());
  EXPECT_EQ(message(check(hidden, "abc")), "Thing must be a number");
}

// ---- validate_answers ---------------------------------------------------

TEST(ValidationAnswers, ReportsAskedQuestionsInOrder) {
  const auto& service = demo_service("speeding_traffic");
  auto errors = validate_answers(service, {}, fixed_now(), Wording::english());
  std::vector<std::string> fields;
  for (const auto& e : errors) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"speed_limit", "road_type", "time_of_day", "last_seen"}));

  errors = validate_answers(service, {{"speed_limit", std::string("20")}, {"road_type", std::string("village")}},
                            fixed_now(), Wording::english());
  fields.clear();
  for (const auto& e : errors) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"speedwatch", "time_of_day", "last_seen"}));
  EXPECT_EQ(errors.front().message, "Select if you would like to join or support a Community Speedwatch group");
}

TEST(ValidationAnswers, AnswersToQuestionsNotAskedAreNotChecked) {
  const auto& service = demo_service("speeding_traffic");
  const Answers answers = {{"speed_limit", std::string("60")},
                           {"road_type", std::string("village")},
                           {"speedwatch", std::string("perhaps")},
                           {"time_of_day", std::vector<std::string>{"night"}},
                           {"last_seen", std::string("2026-11-01")}};
  EXPECT_TRUE(validate_answers(service, answers, fixed_now(), Wording::english()).empty());
}

TEST(ValidationAnswers, QuestionsHiddenByAChangedAnswerAreNotDemanded) {
  // c is shown when b is yes, b when a is yes. With a changed to no, b is not
  // asked, so c is not asked either, even though the stale b still says yes.
  Service service;
  service.service_code = "chain";
  auto a = make_list(Datatype::SingleValueList);
  a.code = "a";
  a.values = {{"yes", "Yes"}, {"no", "No"}};
  auto b = a;
  b.code = "b";
  b.order = 2;
  b.shown_when = {{"a", {"yes"}}};
  auto c = make_attribute(Datatype::String, "c");
  c.order = 3;
  c.shown_when = {{"b", {"yes"}}};
  service.attributes = {a, b, c};
  EXPECT_EQ(problems_of(validate_answers(service, {{"a", std::string("yes")}, {"b", std::string("yes")}}, fixed_now(), Wording::english())),
            (std::vector<Problem>{Problem::Missing}));
  EXPECT_TRUE(validate_answers(service, {{"a", std::string("no")}, {"b", std::string("yes")}}, fixed_now(), Wording::english()).empty());
}

// ---- validate_request ---------------------------------------------------

TEST(ValidationRequest, ValidFullRequestPasses) {
  const auto errors = validate_request(demo_catalogue(), valid_speeding_request(), fixed_now(), Wording::english());
  for (const auto& e : errors) ADD_FAILURE() << e.field << ": " << e.message;
}

TEST(ValidationRequest, AddressOnlyOrPointOnlyIsEnough) {
  auto request = valid_speeding_request();
  request.location.lat.reset();
  request.location.lon.reset();
  EXPECT_TRUE(validate_request(demo_catalogue(), request, fixed_now(), Wording::english()).empty());
  request = valid_speeding_request();
  request.location.address_string.clear();
  EXPECT_TRUE(validate_request(demo_catalogue(), request, fixed_now(), Wording::english()).empty());
}

TEST(ValidationRequest, UnknownService) {
  auto request = valid_speeding_request();
  request.service_code = "potholes";
  const auto errors = validate_request(demo_catalogue(), request, fixed_now(), Wording::english());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "service_code");
  EXPECT_EQ(errors[0].problem, Problem::UnknownService);
  EXPECT_EQ(errors[0].message, "Choose a service from the list: there is no service called \"potholes\"");
}

TEST(ValidationRequest, UnknownAnswerCode) {
  auto request = valid_speeding_request();
  request.answers["colour"] = std::string("red");
  const auto errors = validate_request(demo_catalogue(), request, fixed_now(), Wording::english());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "colour");
  EXPECT_EQ(errors[0].problem, Problem::UnknownQuestion);
  EXPECT_EQ(errors[0].message, "Remove the answer to \"colour\": Report speeding traffic has no question with that code");
}

TEST(ValidationRequest, AnswerErrorsAreIncluded) {
  auto request = valid_speeding_request();
  request.answers["vehicles_per_hour"] = std::string("lots");
  request.answers.erase("last_seen");
  const auto errors = validate_request(demo_catalogue(), request, fixed_now(), Wording::english());
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].message, "Speeding vehicles in an hour must be a number");
  EXPECT_EQ(errors[1].message, "Enter the date you last saw it happen");
}

TEST(ValidationRequest, MissingLocation) {
  auto request = valid_speeding_request();
  request.location = {};
  const auto errors = validate_request(demo_catalogue(), request, fixed_now(), Wording::english());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "location");
  EXPECT_EQ(errors[0].problem, Problem::MissingLocation);
  EXPECT_EQ(errors[0].message, "Enter where it is: an address, a place or a point on the map");
}

TEST(ValidationRequest, HalfAPointAloneIsMissing) {
  auto request = valid_speeding_request();
  request.location = {};
  request.location.lat = 51.2;
  const auto errors = validate_request(demo_catalogue(), request, fixed_now(), Wording::english());
  EXPECT_EQ(problems_of(errors), (std::vector<Problem>{Problem::MissingLocation}));
}

TEST(ValidationRequest, BadLatitudeOrLongitude) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<std::pair<std::optional<double>, std::optional<double>>> bad = {
      {90.001, 0.0}, {-91.0, 0.0}, {0.0, 180.5}, {0.0, -181.0}, {51.2, std::nullopt},
      {std::nullopt, -1.8}, {nan, -1.8}, {51.2, nan}, {inf, 0.0}, {0.0, -inf}};
  for (const auto& [lat, lon] : bad) {
    auto request = valid_speeding_request();
    request.location.lat = lat;
    request.location.lon = lon;
    const auto errors = validate_request(demo_catalogue(), request, fixed_now(), Wording::english());
    ASSERT_EQ(errors.size(), 1u) << lat.value_or(-999) << "," << lon.value_or(-999);
    EXPECT_EQ(errors[0].field, "location");
    EXPECT_EQ(errors[0].problem, Problem::BadLocation);
    EXPECT_EQ(errors[0].message, "Choose the place again: the map position is not a real latitude and longitude");
  }
  for (const auto& [lat, lon] : std::vector<std::pair<double, double>>{{90, 180}, {-90, -180}, {0, 0}}) {
    auto request = valid_speeding_request();
    request.location.lat = lat;
    request.location.lon = lon;
    EXPECT_TRUE(validate_request(demo_catalogue(), request, fixed_now(), Wording::english()).empty()) << lat << "," << lon;
  }
}

TEST(ValidationRequest, AddressText) {
  auto request = valid_speeding_request();
  request.location.address_string = repeat("ŵ", 500);
  EXPECT_TRUE(validate_request(demo_catalogue(), request, fixed_now(), Wording::english()).empty());
  request.location.address_string += "x";
  auto errors = validate_request(demo_catalogue(), request, fixed_now(), Wording::english());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].problem, Problem::TooLong);
  EXPECT_EQ(errors[0].message, "Location must be 500 characters or less");
  request.location.address_string = "High St\x1B";
  errors = validate_request(demo_catalogue(), request, fixed_now(), Wording::english());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].problem, Problem::BadCharacters);
  EXPECT_EQ(errors[0].message, "Location must only include letters, numbers, spaces and punctuation");
}

TEST(ValidationRequest, DescriptionLimit) {
  auto request = valid_speeding_request();
  request.description = repeat("ŵ", kDescriptionMaxLength);
  EXPECT_TRUE(validate_request(demo_catalogue(), request, fixed_now(), Wording::english()).empty());
  request.description = repeat("a", kDescriptionMaxLength + 1);
  auto errors = validate_request(demo_catalogue(), request, fixed_now(), Wording::english());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "description");
  EXPECT_EQ(errors[0].problem, Problem::TooLong);
  EXPECT_EQ(errors[0].message, "Description must be 4,000 characters or less");
  request.description = "Broken \xE2\x82";
  errors = validate_request(demo_catalogue(), request, fixed_now(), Wording::english());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].problem, Problem::BadCharacters);
  EXPECT_EQ(errors[0].message, "Description must only include letters, numbers, spaces and punctuation");
}

TEST(ValidationRequest, ContactDetails) {
  auto request = valid_speeding_request();
  request.contact = {};
  EXPECT_TRUE(validate_request(demo_catalogue(), request, fixed_now(), Wording::english()).empty());

  request = valid_speeding_request();
  request.contact.email = "sian at example dot com";
  request.contact.phone = "ring me";
  const auto errors = validate_request(demo_catalogue(), request, fixed_now(), Wording::english());
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "contact.email");
  EXPECT_EQ(errors[0].problem, Problem::BadEmail);
  EXPECT_EQ(errors[0].message, "Enter an email address in the correct format, like name@example.com");
  EXPECT_EQ(errors[1].field, "contact.phone");
  EXPECT_EQ(errors[1].problem, Problem::BadPhone);
  EXPECT_EQ(errors[1].message, "Enter a telephone number, like 01632 960 001 or 07700 900 982");

  // A local number without its area code is not enough to call back.
  request = valid_speeding_request();
  request.contact.phone = "960 0012";
  ASSERT_EQ(validate_request(demo_catalogue(), request, fixed_now(), Wording::english()).size(), 1u);
  EXPECT_EQ(validate_request(demo_catalogue(), request, fixed_now(), Wording::english()).front().problem,
            Problem::BadPhone);

  request = valid_speeding_request();
  request.contact.email = "  sian@example.com ";
  EXPECT_TRUE(validate_request(demo_catalogue(), request, fixed_now(), Wording::english()).empty());
}

TEST(ValidationRequest, ContactNames) {
  auto request = valid_speeding_request();
  request.contact.first_name = repeat("ŵ", 200);
  EXPECT_TRUE(validate_request(demo_catalogue(), request, fixed_now(), Wording::english()).empty());
  request.contact.first_name += "x";
  request.contact.last_name = "Jones\x01";
  const auto errors = validate_request(demo_catalogue(), request, fixed_now(), Wording::english());
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "contact.first_name");
  EXPECT_EQ(errors[0].message, "Name must be 200 characters or less");
  EXPECT_EQ(errors[1].field, "contact.last_name");
  EXPECT_EQ(errors[1].problem, Problem::BadCharacters);
}

// ---- the words ----------------------------------------------------------

// Provokes every message the rules can give, over every attribute of the demo
// catalogue and a set of hand-made ones, and checks each reads as GOV.UK
// asks: no "invalid", "required", "please" or "oops", a capital first letter,
// no closing full stop.
TEST(ValidationMessages, NoMessageBlamesOrPleads) {
  std::set<Problem> seen;
  int messages = 0;
  auto judge = [&](const std::vector<FieldError>& errors, const std::string& where) {
    for (const auto& e : errors) {
      seen.insert(e.problem);
      ++messages;
      EXPECT_TRUE(reads_like_govuk(e.message)) << where;
      EXPECT_FALSE(e.field.empty()) << where;
    }
  };
  const std::vector<AnswerValue> inputs = {
      std::string(""), std::string("abc"), std::string("1e3"), std::string("2.5"), std::string("-5"),
      std::string("99999"), std::string("0"), std::string("2026-02-30"), std::string("2099-01-01"),
      std::string("\x01"), std::string("\xFF"), std::string("a\nb"), repeat("x", 5000), std::string("x@"),
      std::vector<std::string>{}, std::vector<std::string>{"nope"}, std::vector<std::string>{"a", "b"}};
  for (const auto& service : demo_catalogue().services) {
    for (const auto& attribute : service.attributes) {
      for (const auto& input : inputs) judge(check(attribute, input), service.service_code + "." + attribute.code);
      judge(validate_answer(attribute, nullptr, fixed_now(), Wording::english()), service.service_code + "." + attribute.code);
      if (!attribute.values.empty())
        judge(check(attribute, AnswerValue{std::vector<std::string>{attribute.values[0].key, attribute.values.back().key}}),
              attribute.code);
    }
    judge(validate_answers(service, {}, fixed_now(), Wording::english()), service.service_code);
  }

  // Hand-made attributes with no summary or error noun fall back to the
  // question itself, and must still read well.
  for (const auto datatype : {Datatype::String, Datatype::Number, Datatype::Datetime, Datatype::Text,
                              Datatype::SingleValueList, Datatype::MultiValueList}) {
    auto a = make_list(datatype);
    a.summary.clear();
    a.error_noun.clear();
    a.min = 1;
    a.integer = true;
    a.not_in_future = true;
    for (const auto& input : inputs) judge(check(a, input), "hand-made " + to_string(datatype));
    a.input = InputKind::Phone;
    judge(check(a, "12"), "phone");
  }

  auto request = valid_speeding_request();
  request.answers["colour"] = std::string("red");
  request.location = {};
  request.description = repeat("a", 4001);
  request.contact = {"\x01", repeat("b", 201), "bad", "bad"};
  judge(validate_request(demo_catalogue(), request, fixed_now(), Wording::english()), "request");
  request.location.lat = 100.0;
  request.location.address_string = "\x02";
  request.description = "\xFF";
  judge(validate_request(demo_catalogue(), request, fixed_now(), Wording::english()), "request");
  request.location.address_string = repeat("a", 501);
  judge(validate_request(demo_catalogue(), request, fixed_now(), Wording::english()), "request");
  request.service_code = "nope";
  judge(validate_request(demo_catalogue(), request, fixed_now(), Wording::english()), "request");

  EXPECT_GT(messages, 200);
  for (const auto problem :
       {Problem::Missing, Problem::NotANumber, Problem::NotWholeNumber, Problem::OutOfRange, Problem::NotADate,
        Problem::InTheFuture, Problem::NotAnOption, Problem::TooLong, Problem::BadCharacters, Problem::BadEmail,
        Problem::BadPhone, Problem::UnknownQuestion, Problem::UnknownService, Problem::MissingLocation,
        Problem::BadLocation})
    EXPECT_TRUE(seen.count(problem)) << "never provoked problem " << static_cast<int>(problem);
}

TEST(ValidationMessages, CheckerCatchesBadWords) {
  // The judge itself must be able to fail.
  EXPECT_FALSE(reads_like_govuk("Invalid date"));
  EXPECT_FALSE(reads_like_govuk("Date is REQUIRED"));
  EXPECT_FALSE(reads_like_govuk("Please enter a date"));
  EXPECT_FALSE(reads_like_govuk("Oops, something broke"));
  EXPECT_FALSE(reads_like_govuk("enter a date"));
  EXPECT_FALSE(reads_like_govuk("Enter a date."));
  EXPECT_FALSE(reads_like_govuk(""));
  EXPECT_TRUE(reads_like_govuk("Enter a date"));
}
