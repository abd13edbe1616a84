// request_to_json / request_from_json: the shape the outbox and the sync tool
// share. A round trip must keep every field; a bad document must name the
// field that is wrong.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "shared/request_json.h"
#include "support/sample_request.h"

using namespace oneservice;
using ::testing::HasSubstr;
using nlohmann::json;

namespace {

// The sample request (tests/support/sample_request.h) with what is hardest
// to keep: quotes, a new line, Welsh and an emoji, an empty list, and
// coordinates with more digits than a float holds.
ServiceRequest full_request() {
  auto r = test_support::sample_request();
  r.answers["who_dumped"] = std::string("A white van, \"AB12 CDE\"\nseen twice");
  r.answers["empty_list"] = std::vector<std::string>{};
  r.location.lat = 51.0523456789;
  r.location.lon = -1.4612345678;
  r.description = "Bags and a mattress. Ŵyn ar y ffordd 😀";
  r.contact.first_name = "Siân";
  r.contact.last_name = "O'Brien";
  return r;
}

void expect_same(const ServiceRequest& a, const ServiceRequest& b) {
  EXPECT_EQ(a.client_id, b.client_id);
  EXPECT_EQ(a.service_code, b.service_code);
  EXPECT_EQ(a.catalogue_version, b.catalogue_version);
  EXPECT_EQ(a.answers, b.answers);
  EXPECT_EQ(a.location.lat, b.location.lat);
  EXPECT_EQ(a.location.lon, b.location.lon);
  EXPECT_EQ(a.location.address_string, b.location.address_string);
  EXPECT_EQ(a.description, b.description);
  EXPECT_EQ(a.contact.first_name, b.contact.first_name);
  EXPECT_EQ(a.contact.last_name, b.contact.last_name);
  EXPECT_EQ(a.contact.email, b.contact.email);
  EXPECT_EQ(a.contact.phone, b.contact.phone);
  EXPECT_EQ(a.channel, b.channel);
  EXPECT_EQ(a.created_at, b.created_at);
  EXPECT_EQ(a.reported_for, b.reported_for);
  EXPECT_EQ(a.assisted_via, b.assisted_via);
}

std::string error_for(const std::string& text) {
  try {
    request_from_json(text);
  } catch (const FormatError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(RequestChannel, NamesRoundTrip) {
  for (const auto channel : {Channel::Kiosk, Channel::Field, Channel::Assisted, Channel::Web})
    EXPECT_EQ(parse_channel(to_string(channel)), channel);
  EXPECT_EQ(to_string(Channel::Kiosk), "kiosk");
  EXPECT_EQ(to_string(Channel::Field), "field");
  EXPECT_EQ(to_string(Channel::Assisted), "assisted");
  EXPECT_EQ(to_string(Channel::Web), "web");
  EXPECT_EQ(parse_channel("bus"), std::nullopt);
  EXPECT_EQ(parse_channel("Kiosk"), std::nullopt);
  EXPECT_EQ(parse_channel(""), std::nullopt);
}

TEST(RequestModel, LocationAndContactEmptiness) {
  Location location;
  EXPECT_TRUE(location.empty());
  EXPECT_FALSE(location.has_point());
  location.lat = 51.0;
  EXPECT_FALSE(location.has_point());
  EXPECT_TRUE(location.empty());  // half a point is no place at all
  location.lon = -1.0;
  EXPECT_TRUE(location.has_point());
  Location address_only;
  address_only.address_string = "Town Hall";
  EXPECT_FALSE(address_only.empty());
  Contact contact;
  EXPECT_TRUE(contact.empty());
  contact.phone = "01632 960 001";
  EXPECT_FALSE(contact.empty());
}

TEST(RequestJson, RoundTripKeepsEveryField) {
  const auto original = full_request();
  expect_same(request_from_json(request_to_json(original)), original);
}

TEST(RequestJson, RoundTripOfAMinimalRequest) {
  ServiceRequest original;
  original.service_code = "graffiti";
  original.channel = Channel::Field;
  const auto back = request_from_json(request_to_json(original));
  expect_same(back, original);
  EXPECT_FALSE(back.location.lat.has_value());
  EXPECT_TRUE(back.contact.empty());
}

TEST(RequestJson, WritesTheDocumentedShape) {
  const auto document = json::parse(request_to_json(full_request()));
  EXPECT_EQ(document.at("client_id"), "3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6f");
  EXPECT_EQ(document.at("channel"), "assisted");
  EXPECT_TRUE(document.at("answers").at("time_of_day").is_array());
  EXPECT_TRUE(document.at("answers").at("pothole_size").is_string());
  EXPECT_TRUE(document.at("location").at("lat").is_number());
  EXPECT_DOUBLE_EQ(document.at("location").at("long").get<double>(), -1.4612345678);
  EXPECT_EQ(document.at("contact").at("last_name"), "O'Brien");
  EXPECT_EQ(document.at("created_at"), "2026-11-22T14:03:00Z");

  ServiceRequest bare;
  const auto bare_document = json::parse(request_to_json(bare));
  EXPECT_FALSE(bare_document.contains("contact"));
  EXPECT_TRUE(bare_document.at("location").empty());
}

TEST(RequestJson, AssistedProvenanceRoundTripsAndIsNamedWhenWrong) {
  auto original = full_request();
  original.reported_for = ReportedFor::Anonymous;
  original.assisted_via = AssistedVia::InPerson;
  const auto text = request_to_json(original);
  const auto document = json::parse(text);
  EXPECT_EQ(document.at("reported_for"), "anonymous");
  EXPECT_EQ(document.at("assisted_via"), "in_person");
  expect_same(request_from_json(text), original);
  original.reported_for = ReportedFor::Resident;
  original.assisted_via = AssistedVia::Phone;
  expect_same(request_from_json(request_to_json(original)), original);

  EXPECT_THAT(error_for(R"({"reported_for": "neighbour"})"), HasSubstr("reported_for must be resident or anonymous"));
  EXPECT_THAT(error_for(R"({"assisted_via": "email"})"), HasSubstr("assisted_via must be phone or in_person"));
  EXPECT_THAT(error_for(R"({"assisted_via": 1})"), HasSubstr("assisted_via must be text"));
}

// A body an older device wrote (no provenance) reads as "not said", and a
// request without it is written exactly as before: a resend made before the
// fields existed still matches its case's canonical body (exactly once).
TEST(RequestJson, BodiesWithoutProvenanceAreReadAndWrittenAsBefore) {
  const std::string older =
      R"({"answers":{},"catalogue_version":"","channel":"field","client_id":"","created_at":"",)"
      R"("description":"","location":{},"service_code":"graffiti"})";
  const auto request = request_from_json(older);
  EXPECT_FALSE(request.reported_for);
  EXPECT_FALSE(request.assisted_via);
  EXPECT_EQ(request_to_json(request), older);
}

TEST(RequestJson, TheResidentsLanguageRoundTripsOnlyWhenSaidAndMustBeATag) {
  auto original = full_request();
  EXPECT_FALSE(json::parse(request_to_json(original)).contains("language"));
  original.language = "cy";
  EXPECT_EQ(json::parse(request_to_json(original)).at("language"), "cy");
  EXPECT_EQ(request_from_json(request_to_json(original)).language, "cy");
  // It becomes a header: nothing that could end one or start another.
  EXPECT_THAT(error_for(R"({"language": "cy\r\nX-Other: 1"})"), HasSubstr("language must be a language tag"));
  EXPECT_THAT(error_for(R"({"language": "cy GB"})"), HasSubstr("language must be a language tag"));
  EXPECT_TRUE(valid_language_tag("en-GB"));
  EXPECT_FALSE(valid_language_tag(std::string(36, 'a')));
}

TEST(RequestProvenance, NamesRoundTrip) {
  for (const auto value : {ReportedFor::Resident, ReportedFor::Anonymous})
    EXPECT_EQ(parse_reported_for(to_string(value)), value);
  for (const auto value : {AssistedVia::Phone, AssistedVia::InPerson})
    EXPECT_EQ(parse_assisted_via(to_string(value)), value);
  EXPECT_EQ(parse_reported_for("Resident"), std::nullopt);
  EXPECT_EQ(parse_assisted_via("in person"), std::nullopt);
}

TEST(RequestJson, ReadsDeviceFieldsAsEmptyWhenAbsent) {
  const auto request = request_from_json(R"({"service_code": "pothole", "answers": {"depth_cm": "4"}})");
  EXPECT_EQ(request.service_code, "pothole");
  EXPECT_TRUE(request.client_id.empty());
  EXPECT_TRUE(request.catalogue_version.empty());
  EXPECT_TRUE(request.created_at.empty());
  EXPECT_EQ(request.channel, Channel::Kiosk);
  EXPECT_TRUE(request.location.empty());
  EXPECT_EQ(request.answers.at("depth_cm"), AnswerValue{std::string("4")});
}

TEST(RequestJson, NullsAreTakenAsAbsent) {
  const auto request = request_from_json(
      R"({"service_code": "pothole", "client_id": null, "answers": null, "location": {"lat": null, "address_string": "Town Hall"}, "contact": null})");
  EXPECT_TRUE(request.client_id.empty());
  EXPECT_TRUE(request.answers.empty());
  EXPECT_FALSE(request.location.lat.has_value());
  EXPECT_EQ(request.location.address_string, "Town Hall");
}

TEST(RequestJson, NumberAnswersBecomeText) {
  const auto request = request_from_json(R"({"answers": {"vehicles_per_hour": 12, "depth_cm": 2.5, "minus": -3}})");
  EXPECT_EQ(request.answers.at("vehicles_per_hour"), AnswerValue{std::string("12")});
  EXPECT_EQ(request.answers.at("depth_cm"), AnswerValue{std::string("2.5")});
  EXPECT_EQ(request.answers.at("minus"), AnswerValue{std::string("-3")});
}

TEST(RequestJson, QuotedCoordinatesAreAccepted) {
  const auto request = request_from_json(R"({"location": {"lat": "51.2", "long": "-1.82"}})");
  ASSERT_TRUE(request.location.has_point());
  EXPECT_DOUBLE_EQ(*request.location.lat, 51.2);
  EXPECT_DOUBLE_EQ(*request.location.lon, -1.82);
}

TEST(RequestJson, MalformedJson) {
  const auto message = error_for("{\"service_code\": \"pothole\",\n \"answers\": {\"a\": }}");
  EXPECT_THAT(message, HasSubstr("The request is not valid JSON"));
  EXPECT_THAT(message, HasSubstr("line 2"));
  EXPECT_THAT(error_for(""), HasSubstr("not valid JSON"));
  EXPECT_THAT(error_for("{\"a\": 1} trailing"), HasSubstr("not valid JSON"));
}

// Found by fuzz/request_json: 1e400 escaped as nlohmann's out_of_range; the
// message does not quote the number either.
TEST(RequestJson, NumberTooLargeIsNotJson) {
  const auto message = error_for(R"({"answers": {"count": 123456789e400}})");
  EXPECT_THAT(message, HasSubstr("not valid JSON: a number in it is too large"));
  EXPECT_EQ(message.find("123456789"), std::string::npos) << message;
}

TEST(RequestJson, MalformedJsonMessageDoesNotQuoteWhatWasTyped) {
  // The message may be logged: nothing a resident typed may appear in it.
  const auto message = error_for(R"({"description": "Mrs Jones at 4 Elm Row", "answers": {"a": }})");
  EXPECT_THAT(message, HasSubstr("not valid JSON"));
  EXPECT_EQ(message.find("Jones"), std::string::npos) << message;
  EXPECT_EQ(message.find("Elm Row"), std::string::npos) << message;
}

TEST(RequestJson, DocumentMustBeAnObject) {
  EXPECT_THAT(error_for("[]"), HasSubstr("must be a JSON object"));
  EXPECT_THAT(error_for("\"pothole\""), HasSubstr("must be a JSON object"));
}

TEST(RequestJson, WrongTypesNameTheField) {
  EXPECT_THAT(error_for(R"({"answers": ["a", "b"]})"), HasSubstr("answers must be an object"));
  EXPECT_THAT(error_for(R"({"channel": "bus"})"), HasSubstr("channel must be kiosk, field, assisted or web"));
  EXPECT_THAT(error_for(R"({"channel": 1})"), HasSubstr("channel must be text"));
  EXPECT_THAT(error_for(R"({"location": {"lat": "north", "long": 0}})"), HasSubstr("location.lat must be a number"));
  EXPECT_THAT(error_for(R"({"location": {"lat": 0, "long": true}})"), HasSubstr("location.long must be a number"));
  EXPECT_THAT(error_for(R"({"location": {"lat": "51.2north"}})"), HasSubstr("location.lat must be a number"));
  EXPECT_THAT(error_for(R"({"location": {"lat": ""}})"), HasSubstr("location.lat must be a number"));
  EXPECT_THAT(error_for(R"({"location": {"lat": "1e999"}})"), HasSubstr("location.lat must be a number"));
  EXPECT_THAT(error_for(R"({"location": {"address_string": 5}})"), HasSubstr("location.address_string must be text"));
  EXPECT_THAT(error_for(R"({"location": "High Street"})"), HasSubstr("location must be an object"));
  EXPECT_THAT(error_for(R"({"contact": "me"})"), HasSubstr("contact must be an object"));
  EXPECT_THAT(error_for(R"({"contact": {"email": ["a@b.c"]}})"), HasSubstr("contact.email must be text"));
  EXPECT_THAT(error_for(R"({"service_code": 7})"), HasSubstr("service_code must be text"));
  EXPECT_THAT(error_for(R"({"created_at": 1700000000})"), HasSubstr("created_at must be text"));
  EXPECT_THAT(error_for(R"({"answers": {"speed": true}})"), HasSubstr("answers.speed must be text or a list"));
  EXPECT_THAT(error_for(R"({"answers": {"speed": {"a": 1}}})"), HasSubstr("answers.speed must be text or a list"));
  EXPECT_THAT(error_for(R"({"answers": {"kinds": ["a", 2]}})"), HasSubstr("answers.kinds must be a list of text values"));
}

TEST(RequestJson, NonFiniteQuotedCoordinatesAreRefused) {
  EXPECT_THAT(error_for(R"({"location": {"lat": "nan", "long": 0}})"), HasSubstr("location.lat must be a number"));
  EXPECT_THAT(error_for(R"({"location": {"lat": 0, "long": "inf"}})"), HasSubstr("location.long must be a number"));
}

TEST(RequestJson, InvalidUtf8IsRejected) {
  const auto message = error_for("{\"description\": \"caf\xC3\x28\"}");
  EXPECT_THAT(message, HasSubstr("not valid JSON"));
  EXPECT_THAT(message, HasSubstr("UTF-8"));
  EXPECT_THAT(error_for("{\"answers\": {\"a\": \"\xFF\"}}"), HasSubstr("not valid JSON"));
  // A lone surrogate written as an escape is not a character either.
  EXPECT_THAT(error_for(R"({"description": "\ud800"})"), HasSubstr("not valid JSON"));
}

TEST(RequestJson, EscapedUnicodeIsDecoded) {
  const auto request = request_from_json(R"({"description": "\u0175 \ud83d\ude00"})");
  EXPECT_EQ(request.description, "ŵ 😀");
}

TEST(RequestJson, BrokenUtf8IsReplacedWhenWritten) {
  // Nothing a resident typed is lost for one odd byte: the writer replaces it
  // and the result is still readable JSON.
  ServiceRequest request;
  request.description = "caf\xC3";
  const auto text = request_to_json(request);
  const auto back = request_from_json(text);
  EXPECT_EQ(back.description, "caf\xEF\xBF\xBD");
}
