// Every Open311 endpoint over loopback HTTP, in JSON and XML, and every
// error path: what a kiosk, the council website or FixMyStreet would see.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <set>
#include <thread>

#include "api_fixture.h"
#include "status_update.h"

using namespace oneservice;
using namespace oneservice::central;
using nlohmann::json;
using test::form;

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

Fields pothole(const std::string& key) {
  return {{"api_key", key},
          {"service_code", "pothole"},
          {"lat", "51.2"},
          {"long", "-1.82"},
          {"address_string", "Outside 12 High Street"},
          {"email", "resident@example.com"},
          {"first_name", "Ann"},
          {"description", "Deep hole by the bus stop"},
          {"attribute[road_or_pavement]", "road"},
          {"attribute[pothole_size]", "about_plate"},
          {"attribute[depth_cm]", "7"}};
}

Fields speeding(const std::string& key, const std::string& lat, const std::string& lon, const std::string& limit) {
  return {{"api_key", key},
          {"service_code", "speeding_traffic"},
          {"lat", lat},
          {"long", lon},
          {"attribute[speed_limit]", limit},
          {"attribute[road_type]", "village"},
          {"attribute[speedwatch]", "yes"},
          {"attribute[time_of_day][]", "morning_rush"},
          {"attribute[time_of_day][]", "night"},
          {"attribute[last_seen]", "2026-11-20T08:15:00Z"}};
}

// Where the server listens; each call makes its own client, as separate
// devices would (httplib clients are not copyable or shareable across threads).
struct Endpoint {
  int port;
  httplib::Client make() const {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(30);
    return client;
  }
};

struct Reply {
  int status = 0;
  std::string body;
  std::string content_type;
};

Reply post(const Endpoint& endpoint, const std::string& format, const Fields& fields,
           const std::string& idempotency_key = {}) {
  auto client = endpoint.make();
  httplib::Headers headers;
  if (!idempotency_key.empty()) headers.emplace("Idempotency-Key", idempotency_key);
  auto result = client.Post(("/open311/v2/requests." + format).c_str(), headers, form(fields),
                            "application/x-www-form-urlencoded");
  if (!result) return {0, "no answer: " + httplib::to_string(result.error()), ""};
  return {result->status, result->body, result->get_header_value("Content-Type")};
}

Reply get(const Endpoint& endpoint, const std::string& path, const httplib::Headers& headers = {}) {
  auto client = endpoint.make();
  auto result = client.Get(path.c_str(), headers);
  if (!result) return {};
  return {result->status, result->body, result->get_header_value("Content-Type")};
}

std::vector<std::string> json_errors(const Reply& reply) {
  std::vector<std::string> out;
  for (const auto& error : json::parse(reply.body)) {
    EXPECT_EQ(error.at("code").get<int>(), reply.status);
    out.push_back(error.at("description").get<std::string>());
  }
  return out;
}

std::vector<std::string> xml_errors(const Reply& reply) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(reply.body.c_str())) << reply.body;
  std::vector<std::string> out;
  for (auto error : doc.child("errors").children("error")) {
    EXPECT_EQ(error.child("code").text().as_int(), reply.status);
    out.push_back(error.child("description").text().get());
  }
  return out;
}

class Open311Api : public ::testing::Test {
 protected:
  test::ApiServer server;
  Endpoint client{server.port()};

  std::string create(const Fields& fields, const std::string& key = {}) {
    const auto reply = post(client, "json", fields, key);
    EXPECT_EQ(reply.status, 200) << reply.body;
    if (reply.status != 200) return {};
    return json::parse(reply.body).at(0).value("service_request_id", "");
  }
};

}  // namespace

TEST_F(Open311Api, DiscoveryInBothFormats) {
  const auto j = get(client, "/open311/v2/discovery.json");
  ASSERT_EQ(j.status, 200);
  EXPECT_NE(j.content_type.find("application/json"), std::string::npos);
  const auto doc = json::parse(j.body);
  EXPECT_EQ(doc.at("changeset"), server.catalogue().changeset);
  EXPECT_NE(doc.at("endpoints").at(0).at("url").get<std::string>().find("/open311/v2"), std::string::npos);

  const auto x = get(client, "/open311/v2/discovery.xml");
  ASSERT_EQ(x.status, 200);
  EXPECT_NE(x.content_type.find("text/xml"), std::string::npos);
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(x.body.c_str()));
  EXPECT_EQ(std::string(xml.child("discovery").child("changeset").text().get()), server.catalogue().changeset);
  EXPECT_EQ(std::string(xml.select_node("//endpoint/formats/format").node().text().get()), "text/xml");
}

TEST_F(Open311Api, ServicesListInBothFormatsWithETag) {
  const auto j = get(client, "/open311/v2/services.json");
  ASSERT_EQ(j.status, 200);
  const auto list = json::parse(j.body);
  ASSERT_EQ(list.size(), server.catalogue().services.size());
  EXPECT_EQ(list.at(0).at("service_code"), "pothole");
  EXPECT_EQ(list.at(0).at("metadata"), true);
  EXPECT_EQ(list.at(0).at("group"), "Roads and pavements");

  const auto x = get(client, "/open311/v2/services.xml");
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(x.body.c_str()));
  const auto services = xml.child("services").children("service");
  EXPECT_EQ(std::distance(services.begin(), services.end()), static_cast<long>(list.size()));
  EXPECT_EQ(std::string(xml.child("services").child("service").child("service_code").text().get()), "pothole");

  auto c = client.make();
  const auto first = c.Get("/open311/v2/services.json");
  ASSERT_TRUE(first);
  const auto etag = first->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(get(client, "/open311/v2/services.json", {{"If-None-Match", etag}}).status, 304);
  EXPECT_EQ(get(client, "/open311/v2/services.json", {{"If-None-Match", "\"old\""}}).status, 200);
}

TEST_F(Open311Api, ServiceDefinitionInBothFormats) {
  const auto j = get(client, "/open311/v2/services/speeding_traffic.json");
  ASSERT_EQ(j.status, 200);
  const auto doc = json::parse(j.body);
  EXPECT_EQ(doc.at("service_code"), "speeding_traffic");
  bool saw_condition = false;
  for (const auto& attribute : doc.at("attributes")) {
    if (attribute.at("code") == "speedwatch") {
      saw_condition = true;
      EXPECT_EQ(attribute.at("shown_when").at(0).at("code"), "speed_limit");
      EXPECT_EQ(attribute.at("datatype"), "singlevaluelist");
      EXPECT_EQ(attribute.at("values").size(), 2u);
    }
  }
  EXPECT_TRUE(saw_condition);

  const auto x = get(client, "/open311/v2/services/speeding_traffic.xml");
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(x.body.c_str()));
  const auto attribute = xml.select_node("/service_definition/attributes/attribute[code='speed_limit']").node();
  ASSERT_TRUE(attribute);
  EXPECT_EQ(std::string(attribute.child("variable").text().get()), "true");
  EXPECT_EQ(std::string(attribute.select_node("values/value[key='30']/name").node().text().get()), "30mph");
}

TEST_F(Open311Api, UnknownResourcesAre404InTheRequestedFormat) {
  const auto j = get(client, "/open311/v2/services/no_such_service.json");
  EXPECT_EQ(j.status, 404);
  EXPECT_EQ(json_errors(j).size(), 1u);
  const auto x = get(client, "/open311/v2/requests/999999.xml");
  EXPECT_EQ(x.status, 404);
  ASSERT_EQ(xml_errors(x).size(), 1u);
  EXPECT_EQ(xml_errors(x)[0], "There is no request with the reference 999999");
  EXPECT_EQ(get(client, "/open311/v2/tokens/nope.json").status, 404);
  EXPECT_EQ(get(client, "/open311/v2/nothing.json").status, 404);
  EXPECT_EQ(json_errors(get(client, "/open311/v2/nothing.json")).size(), 1u);
  EXPECT_EQ(get(client, "/open311/v2/services.csv").status, 404);
}

TEST_F(Open311Api, CreateThenReadBackWithoutPersonalDetails) {
  const auto reply = post(client, "xml", pothole(server.key()), "0b6e2f7c-3d1a-4c59-9f8e-2a7b6c5d4e3f");
  ASSERT_EQ(reply.status, 200) << reply.body;
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(reply.body.c_str()));
  const std::string id = xml.select_node("/service_requests/request/service_request_id").node().text().get();
  ASSERT_FALSE(id.empty());

  const auto j = get(client, "/open311/v2/requests/" + id + ".json");
  ASSERT_EQ(j.status, 200);
  const auto record = json::parse(j.body).at(0);
  EXPECT_EQ(record.at("service_code"), "pothole");
  EXPECT_EQ(record.at("status"), "open");
  EXPECT_EQ(record.at("extended_status"), "OPEN");
  EXPECT_EQ(record.at("agency_responsible"), "Wealdshire County Council");
  EXPECT_EQ(record.at("address"), "Outside 12 High Street");
  EXPECT_DOUBLE_EQ(record.at("lat").get<double>(), 51.2);
  EXPECT_EQ(record.at("channel"), "kiosk");
  const std::string requested = record.at("requested_datetime");
  EXPECT_EQ(requested.back(), 'Z') << "timestamps carry a zone";
  EXPECT_EQ(j.body.find("resident@example.com"), std::string::npos) << "GET requests is public";
  EXPECT_EQ(j.body.find("Ann"), std::string::npos);

  const auto stored = server.store().find(id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_NE(stored->request_json.find("resident@example.com"), std::string::npos) << "the council still has it";
  EXPECT_EQ(stored->device_name, "Ashcombe Library kiosk");

  const auto x = get(client, "/open311/v2/requests/" + id + ".xml");
  ASSERT_TRUE(xml.load_string(x.body.c_str()));
  EXPECT_EQ(std::string(xml.select_node("/service_requests/request/status").node().text().get()), "open");
}

TEST_F(Open311Api, MultiValueAnswersArriveAsAList) {
  const auto id = create(speeding(server.key(), "51.20", "-1.82", "30"), "6a1f3e2d-5c4b-4a39-8e7f-1d2c3b4a5968");
  const auto stored = server.store().find(id);
  ASSERT_TRUE(stored.has_value());
  const auto request = json::parse(stored->request_json);
  EXPECT_EQ(request.at("answers").at("time_of_day"), (json{"morning_rush", "night"}));
}

TEST_F(Open311Api, ApiKeyIsRequiredAndRevocable) {
  auto fields = pothole("");
  EXPECT_EQ(post(client, "json", fields).status, 403);
  fields[0].second = "not-a-key";
  const auto unknown = post(client, "xml", fields);
  EXPECT_EQ(unknown.status, 403);
  EXPECT_EQ(xml_errors(unknown).size(), 1u);

  Device device;
  const auto key = server.store().add_key("Field tablet 3", "field", &device);
  fields[0].second = key;
  const auto id = create(fields);
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(server.store().find(id)->channel, "field") << "the key's channel is recorded";
  ASSERT_TRUE(server.store().revoke_key(device.id));
  EXPECT_EQ(post(client, "json", fields).status, 403);
}

// The device's key says how a request came in: the case's channel and the
// request as stored agree on it, whatever the request claims.
TEST_F(Open311Api, TheKeysChannelIsTheOnlyOneStored) {
  for (const std::string channel : {"web", "field"}) {
    const auto key = server.store().add_key("A " + channel + " device", channel);
    auto fields = pothole(key);
    fields.emplace_back("channel", "kiosk");
    const auto id = create(fields);
    ASSERT_FALSE(id.empty());
    const auto record = server.store().find(id);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->channel, channel);
    EXPECT_EQ(json::parse(record->request_json).at("channel"), channel) << record->request_json;
  }
}

TEST_F(Open311Api, ValidationErrorsAreListedInGovUkWords) {
  Fields fields = {{"api_key", server.key()}, {"service_code", "pothole"}, {"attribute[depth_cm]", "deep"}};
  const auto j = post(client, "json", fields);
  EXPECT_EQ(j.status, 400);
  const auto messages = json_errors(j);
  const std::set<std::string> got(messages.begin(), messages.end());
  EXPECT_TRUE(got.count("Select if the pothole is in the road or on the pavement")) << j.body;
  EXPECT_TRUE(got.count("Depth in centimetres must be a number")) << j.body;
  EXPECT_TRUE(got.count("Enter where it is: an address, a place or a point on the map")) << j.body;
  const auto x = post(client, "xml", fields);
  EXPECT_EQ(x.status, 400);
  EXPECT_EQ(xml_errors(x).size(), messages.size());
  EXPECT_TRUE(server.store().search({}).empty()) << "nothing was stored";
}

TEST_F(Open311Api, BadInputIsRefusedAndChangesNothing) {
  auto unknown = pothole(server.key());
  unknown[1].second = "no_such_service";
  EXPECT_EQ(post(client, "json", unknown).status, 400);

  auto long_description = pothole(server.key());
  // The central limit (central/intake/limits.h), not the device's 4,000.
  long_description[7].second = std::string(20001, 'a');
  const auto too_long = post(client, "json", long_description);
  EXPECT_EQ(too_long.status, 400);
  EXPECT_EQ(json_errors(too_long).at(0), "Description must be 20,000 characters or less");

  auto broken = pothole(server.key());
  broken[7].second = "caf\xC3\x28";
  EXPECT_EQ(post(client, "json", broken).status, 400);

  auto bad_point = pothole(server.key());
  bad_point[2].second = "north";
  EXPECT_EQ(post(client, "json", bad_point).status, 400);

  auto c = client.make();
  const auto malformed = c.Post("/open311/v2/requests.json", "%%%&&&==", "application/x-www-form-urlencoded");
  ASSERT_TRUE(malformed);
  EXPECT_EQ(malformed->status, 403) << "no api_key in a body that cannot be read";
  EXPECT_TRUE(server.store().search({}).empty());
}

TEST_F(Open311Api, SameIdempotencyKeySameContentGivesTheSameCase) {
  const std::string key = "9c8b7a6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
  const auto first = create(pothole(server.key()), key);
  const auto second = create(pothole(server.key()), key);
  EXPECT_EQ(first, second);
  EXPECT_EQ(server.store().search({}).size(), 1u);

  // The key may also come as attribute[client_request_id].
  auto with_attribute = pothole(server.key());
  with_attribute.emplace_back("attribute[client_request_id]", key);
  EXPECT_EQ(create(with_attribute), first);

  auto different = pothole(server.key());
  different[10].second = "9";
  const auto conflict = post(client, "json", different, key);
  EXPECT_EQ(conflict.status, 400);
  EXPECT_NE(json_errors(conflict).at(0).find("Idempotency-Key"), std::string::npos);

  auto mismatch = pothole(server.key());
  mismatch.emplace_back("attribute[client_request_id]", "1c8b7a6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d");
  EXPECT_EQ(post(client, "json", mismatch, key).status, 400);
  EXPECT_EQ(server.store().search({}).size(), 1u);
}

TEST_F(Open311Api, ConcurrentDuplicatePostsMakeOneCase) {
  const std::string key = "2d4f6a8b-1c3e-4a5b-8d7f-9e0a1b2c3d4e";
  std::vector<std::thread> threads;
  std::vector<std::string> ids(16);
  std::vector<Reply> replies(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i)
    threads.emplace_back([&, i] {
      replies[i] = post(client, "json", pothole(server.key()), key);
      if (replies[i].status == 200) ids[i] = json::parse(replies[i].body).at(0).value("service_request_id", "");
    });
  for (auto& thread : threads) thread.join();
  for (const auto& reply : replies) EXPECT_EQ(reply.status, 200) << reply.body;
  for (const auto& id : ids) EXPECT_EQ(id, ids[0]);
  EXPECT_FALSE(ids[0].empty());
  EXPECT_EQ(server.store().search({}).size(), 1u);
}

TEST_F(Open311Api, BatchServicesAnswerWithATokenThatResolves) {
  Fields permit = {{"api_key", server.key()},
                   {"service_code", "parking_permit"},
                   {"address_string", "4 Elm Row, Ashcombe"},
                   {"attribute[zone]", "zone_a"},
                   {"attribute[vehicle_registration]", "AB12 CDE"},
                   {"attribute[vehicle_make]", "Ford"},
                   {"attribute[number_of_permits]", "1"},
                   {"attribute[start_date]", "2026-12-01"},
                   {"attribute[email]", "resident@example.com"}};
  const auto reply = post(client, "json", permit, "7e6d5c4b-3a29-4817-9f6e-5d4c3b2a1908");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto created = json::parse(reply.body).at(0);
  ASSERT_TRUE(created.contains("token"));
  EXPECT_FALSE(created.contains("service_request_id"));
  const std::string token = created.at("token");
  const auto resolved = get(client, "/open311/v2/tokens/" + token + ".json");
  ASSERT_EQ(resolved.status, 200);
  const std::string id = json::parse(resolved.body).at(0).at("service_request_id");
  EXPECT_EQ(get(client, "/open311/v2/requests/" + id + ".json").status, 200);
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(get(client, "/open311/v2/tokens/" + token + ".xml").body.c_str()));
  EXPECT_EQ(std::string(xml.select_node("//request/service_request_id").node().text().get()), id);
}

TEST_F(Open311Api, PhotosTravelAsMultipartAndAreServedBack) {
  const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR-rest-of-a-tiny-image", 32);
  httplib::MultipartFormDataItems items;
  for (const auto& [name, value] : pothole(server.key())) items.push_back({name, value, "", ""});
  items.push_back({"media", png, "hole.png", "image/png"});
  auto c = client.make();
  c.set_default_headers({{"Idempotency-Key", "5b4a3928-1706-4f5e-9d3c-2b1a09f8e7d6"}});
  const auto reply = c.Post("/open311/v2/requests.json", items);
  ASSERT_TRUE(reply);
  ASSERT_EQ(reply->status, 200) << reply->body;
  const std::string id = json::parse(reply->body).at(0).at("service_request_id");
  const auto record = json::parse(get(client, "/open311/v2/requests/" + id + ".json").body).at(0);
  const std::string media_url = record.at("media_url");
  ASSERT_NE(media_url.find("/media/"), std::string::npos);
  const auto photo = get(client, media_url.substr(media_url.find("/media/")));
  EXPECT_EQ(photo.status, 200);
  EXPECT_EQ(photo.body, png);
  EXPECT_EQ(photo.content_type, "image/png");

  auto not_image = items;
  not_image.back() = {"media", "MZ this is a program", "hole.png", "image/png"};
  c.set_default_headers({});
  const auto refused = c.Post("/open311/v2/requests.json", not_image);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  EXPECT_NE(refused->body.find("JPEG, PNG, GIF or WebP"), std::string::npos);

  auto too_big = items;
  too_big.back() = {"media", png + std::string(5 * 1024 * 1024, 'x'), "big.png", "image/png"};
  const auto big = c.Post("/open311/v2/requests.json", too_big);
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 400);
  EXPECT_EQ(get(client, "/media/..%2Fcentral.sqlite3").status, 404);
  EXPECT_EQ(server.store().search({}).size(), 1u);
}

TEST_F(Open311Api, SearchFiltersAndWindow) {
  const auto pothole_id = create(pothole(server.key()));
  const auto speeding_id = create(speeding(server.key(), "51.20", "-1.82", "40"));
  server.store().add_update(test::status_update(speeding_id, CaseStatus::Fixed, "Speed checks done."));

  const auto all = json::parse(get(client, "/open311/v2/requests.json").body);
  EXPECT_EQ(all.size(), 2u);
  const auto potholes = json::parse(get(client, "/open311/v2/requests.json?service_code=pothole").body);
  ASSERT_EQ(potholes.size(), 1u);
  EXPECT_EQ(potholes.at(0).at("service_request_id"), pothole_id);
  const auto closed = json::parse(get(client, "/open311/v2/requests.json?status=closed").body);
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed.at(0).at("service_request_id"), speeding_id);
  EXPECT_EQ(closed.at(0).at("status_notes"), "Speed checks done.");
  const auto by_id =
      json::parse(get(client, "/open311/v2/requests.json?service_request_id=" + pothole_id + "," + speeding_id).body);
  EXPECT_EQ(by_id.size(), 2u);
  EXPECT_EQ(get(client, "/open311/v2/requests.json?status=maybe").status, 400);
  EXPECT_EQ(get(client, "/open311/v2/requests.json?start_date=yesterday").status, 400);
  EXPECT_EQ(get(client, "/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z").status,
            400);
  const auto old = json::parse(
      get(client, "/open311/v2/requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z").body);
  EXPECT_TRUE(old.empty());
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(get(client, "/open311/v2/requests.xml?service_code=pothole").body.c_str()));
  EXPECT_EQ(std::string(xml.select_node("/service_requests/request/service_request_id").node().text().get()),
            pothole_id);
}

TEST_F(Open311Api, UpdatesAreListedInBothFormats) {
  const auto id = create(pothole(server.key()));
  server.store().add_update(test::status_update(id, CaseStatus::Investigating, "An inspector will visit."));
  server.store().add_update(test::status_update(id, CaseStatus::ActionScheduled, "Repair booked for Tuesday."));
  // Changes only: creating the case is not an update.
  const auto list = json::parse(get(client, "/open311/v2/servicerequestupdates.json").body);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list.at(0).at("status"), "INVESTIGATING");
  EXPECT_EQ(list.at(1).at("description"), "Repair booked for Tuesday.");
  EXPECT_EQ(list.at(1).at("service_request_id"), id);
  EXPECT_EQ(list.at(1).at("updated_datetime").get<std::string>().back(), 'Z');
  const auto none = json::parse(
      get(client, "/open311/v2/servicerequestupdates.json?start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z")
          .body);
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(get(client, "/open311/v2/servicerequestupdates.json?start_date=soon").status, 400);
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(get(client, "/open311/v2/servicerequestupdates.xml").body.c_str()));
  const auto updates = xml.child("service_request_updates").children("request_update");
  EXPECT_EQ(std::distance(updates.begin(), updates.end()), 2);
  const auto record = json::parse(get(client, "/open311/v2/requests/" + id + ".json").body).at(0);
  EXPECT_EQ(record.at("extended_status"), "ACTION_SCHEDULED");
}

TEST_F(Open311Api, SpeedingReportsAreRoutedByAnswersAndPlace) {
  // 30mph village road with a Speedwatch volunteer, inside Little Hembury.
  auto reply = post(client, "json", speeding(server.key(), "51.20", "-1.82", "30"));
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto created = json::parse(reply.body).at(0);
  EXPECT_NE(created.at("service_notice").get<std::string>().find("Little Hembury Parish Council"), std::string::npos);
  EXPECT_NE(created.at("service_notice").get<std::string>().find("Margaret Thornton"), std::string::npos);
  auto record = server.store().find(created.at("service_request_id"));
  EXPECT_EQ(record->agency_responsible, "Little Hembury Parish Council");
  EXPECT_EQ(record->responsible_area_id, "parish-little-hembury");

  // Same answers in Ashcombe town, which has no parish council.
  reply = post(client, "json", speeding(server.key(), "51.05", "-1.75", "30"));
  created = json::parse(reply.body).at(0);
  EXPECT_EQ(server.store().find(created.at("service_request_id"))->agency_responsible, "Ashcombe District Council");

  // 40mph: the district, even inside a parish.
  reply = post(client, "json", speeding(server.key(), "51.20", "-1.82", "40"));
  created = json::parse(reply.body).at(0);
  EXPECT_EQ(server.store().find(created.at("service_request_id"))->agency_responsible, "Ashcombe District Council");
}

TEST_F(Open311Api, AConflictingResendCannotReplaceACasesPhoto) {
  const std::string first_png("\x89PNG\r\n\x1A\n-first-photo", 20);
  const std::string other_png("\x89PNG\r\n\x1A\n-other-photo", 20);
  const std::string key = "4c3b2a19-0817-4e6d-9c5b-4a3928171605";
  const auto send = [&](const Fields& fields, const std::string& photo) {
    httplib::MultipartFormDataItems items;
    for (const auto& [name, value] : fields) items.push_back({name, value, "", ""});
    items.push_back({"media", photo, "photo.png", "image/png"});
    auto c = client.make();
    c.set_default_headers({{"Idempotency-Key", key}});
    return c.Post("/open311/v2/requests.json", items);
  };
  const auto created = send(pothole(server.key()), first_png);
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 200) << created->body;
  const std::string id = json::parse(created->body).at(0).at("service_request_id");
  const std::string media_url = json::parse(get(client, "/open311/v2/requests/" + id + ".json").body).at(0).at("media_url");
  EXPECT_EQ(media_url.find(key), std::string::npos) << "public photo names reveal nothing of the request";

  auto different = pothole(server.key());
  different[10].second = "42";
  const auto conflict = send(different, other_png);
  ASSERT_TRUE(conflict);
  EXPECT_EQ(conflict->status, 400);
  const auto resend = send(pothole(server.key()), other_png);
  ASSERT_TRUE(resend);
  EXPECT_EQ(resend->status, 200);
  EXPECT_EQ(json::parse(resend->body).at(0).at("service_request_id"), id);

  EXPECT_EQ(get(client, media_url.substr(media_url.find("/media/"))).body, first_png) << "the case's photo is untouched";
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(server.store().media_dir())) ++files;
  EXPECT_EQ(files, 1u) << "photos of refused or repeated sends are not left behind";
}
