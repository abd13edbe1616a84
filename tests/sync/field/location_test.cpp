// Where a point came from: in the request's JSON only when said (an older
// body keeps its bytes, so exactly-once still matches it), and on the wire
// as plain fields central keeps (tests/central/location_source_test.cpp).
#include <gtest/gtest.h>

#include "shared/request_json.h"
#include "sync/open311_wire.h"

using namespace oneservice;

TEST(LocationJson, WrittenOnlyWhenSaidAndReadBack) {
  const std::string old_body =
      R"({"answers":{},"catalogue_version":"v1","channel":"kiosk","client_id":"c","created_at":"2026-12-01T10:00:00Z",)"
      R"("description":"","location":{"lat":51.2,"long":-1.82},"service_code":"pothole"})";
  EXPECT_EQ(request_to_json(request_from_json(old_body)), old_body);

  auto request = request_from_json(old_body);
  request.location.source = LocationSource::Photo;
  request.location.accuracy_m = 12.5;
  const auto body = request_to_json(request);
  const auto back = request_from_json(body);
  EXPECT_EQ(back.location.source, LocationSource::Photo);
  EXPECT_EQ(back.location.accuracy_m, 12.5);
  EXPECT_THROW(request_from_json(R"({"location":{"source":"satellite"}})"), FormatError);
}

TEST(LocationJson, SentAsPlainFieldsOnlyWhenSaid) {
  ServiceRequest request;
  request.service_code = "pothole";
  request.location.lat = 51.2;
  request.location.lon = -1.82;
  const auto has = [](const std::vector<sync::net::FormPart>& form, const std::string& name) -> std::string {
    for (const auto& part : form)
      if (part.name == name) return part.value;
    return "(absent)";
  };
  EXPECT_EQ(has(sync::request_form(request, {}, "k"), "location_source"), "(absent)");
  request.location.source = LocationSource::Gps;
  request.location.accuracy_m = 6;
  const auto form = sync::request_form(request, {}, "k");
  EXPECT_EQ(has(form, "location_source"), "gps");
  EXPECT_EQ(has(form, "location_accuracy_m"), "6.0000000");
}
