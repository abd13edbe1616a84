// Nearby open cases (GET requests with lat, long, radius) and supporters
// (POST requests/{id}/supporters), over loopback HTTP in JSON and XML.
#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>

#include "api_fixture.h"
#include "central/open311/messages.h"
#include "fixmystreet_wire.h"
#include "status_update.h"

using namespace oneservice;
using namespace oneservice::central;
using nlohmann::json;
using test::Params;

namespace {

class NearbyAndSupporters : public ::testing::Test {
 protected:
  std::string pothole_at(const std::string& lat, const std::string& lon) {
    const auto answer = test::post_urlencoded(
        server.port(), "/open311/v2/requests.json",
        {{"api_key", server.key()}, {"service_code", "pothole"}, {"lat", lat}, {"long", lon},
         {"description", "Hole"}, {"attribute[road_or_pavement]", "road"},
         {"attribute[pothole_size]", "about_plate"}, {"attribute[depth_cm]", "7"}});
    EXPECT_EQ(answer.status, 200) << answer.body;
    return json::parse(answer.body).at(0).value("service_request_id", "");
  }

  json get_json(const std::string& path) {
    const auto answer = test::get_path(server.port(), path);
    EXPECT_EQ(answer.status, 200) << path << ": " << answer.body;
    return json::parse(answer.body, nullptr, false);
  }

  test::WireAnswer support(const std::string& id, const std::string& client_id, const std::string& format = "json") {
    return test::post_urlencoded(server.port(), "/open311/v2/requests/" + id + "/supporters." + format,
                                 {{"api_key", server.key()}, {"client_id", client_id}});
  }

  test::ApiServer server;
};

std::vector<std::string> ids_of(const json& list) {
  std::vector<std::string> out;
  for (const auto& item : list) out.push_back(item.at("service_request_id"));
  return out;
}

}  // namespace

TEST_F(NearbyAndSupporters, OpenCasesNearAPointComeNearestFirst) {
  const auto here = pothole_at("51.2000", "-1.8200");
  const auto north_100m = pothole_at("51.2009", "-1.8200");
  const auto east_50m = pothole_at("51.2000", "-1.8193");
  const auto far = pothole_at("51.2100", "-1.8200");  // about 1.1 km
  const auto fixed = pothole_at("51.2001", "-1.8200");
  server.store().add_update(test::status_update(fixed, CaseStatus::Fixed, "Filled."));

  auto list = get_json("/open311/v2/requests.json?lat=51.2000&long=-1.8200&radius=200");
  EXPECT_EQ(ids_of(list), (std::vector<std::string>{here, east_50m, north_100m})) << list.dump();
  EXPECT_EQ(list[0].at("distance"), 0);
  EXPECT_NEAR(list[1].at("distance").get<double>(), 49, 2);
  EXPECT_NEAR(list[2].at("distance").get<double>(), 100, 2);

  list = get_json("/open311/v2/requests.json?lat=51.2000&long=-1.8200&radius=2000");
  EXPECT_EQ(ids_of(list), (std::vector<std::string>{here, east_50m, north_100m, far})) << "never the closed case";
  list = get_json("/open311/v2/requests.json?lat=51.2000&long=-1.8200");
  EXPECT_EQ(list.size(), 3u) << "200 m unless asked";
  EXPECT_TRUE(get_json("/open311/v2/requests.json?lat=51.2&long=-1.82&radius=2000&service_code=fly_tipping").empty());
  EXPECT_EQ(get_json("/open311/v2/requests.json?lat=51.2&long=-1.82&service_code=pothole").size(), 3u);

  const auto xml = test::get_path(server.port(), "/open311/v2/requests.xml?lat=51.2&long=-1.82&radius=60").body;
  EXPECT_EQ(test::fms_read(xml, "service_requests", "request", "service_request_id"), here);
}

TEST_F(NearbyAndSupporters, BadPointsAndRadiiAreRefusedInBothFormats) {
  for (const auto* query : {"lat=51.2", "long=-1.82", "lat=north&long=-1.82", "lat=91&long=0", "lat=0&long=181"}) {
    const auto answer = test::get_path(server.port(), std::string("/open311/v2/requests.xml?") + query);
    EXPECT_EQ(answer.status, 400) << query;
    EXPECT_EQ(test::fms_errors(answer.body), std::vector<std::string>{std::string("400: ") + open311::kNearbyNeedsPoint})
        << query;
  }
  for (const auto* radius : {"0", "2001", "far", "-5"}) {
    const auto answer = test::get_path(server.port(), std::string("/open311/v2/requests.json?lat=51.2&long=-1.82&radius=") + radius);
    EXPECT_EQ(answer.status, 400) << radius;
    EXPECT_EQ(json::parse(answer.body).at(0).at("description"), open311::kNearbyBadRadius);
  }
}

TEST_F(NearbyAndSupporters, ADeviceSupportsACaseOnceAndTheCountIsShown) {
  const auto id = pothole_at("51.2", "-1.82");
  auto answer = support(id, "s-1", "xml");
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(test::fms_read(answer.body, "service_requests", "request", "supporters"), "1");
  answer = support(id, "s-1");  // a resend
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(json::parse(answer.body).at(0).at("supporters"), 1);
  ASSERT_EQ(support(id, "s-2").status, 200);
  EXPECT_EQ(get_json("/open311/v2/requests/" + id + ".json").at(0).at("supporters"), 2);

  // Concurrent resends of a third count once.
  std::vector<std::thread> senders;
  std::atomic<int> ok{0};
  for (int n = 0; n < 8; ++n)
    senders.emplace_back([&] {
      if (support(id, "s-3").status == 200) ++ok;
    });
  for (auto& sender : senders) sender.join();
  EXPECT_EQ(ok.load(), 8);
  EXPECT_EQ(server.store().find(id)->supporters, 3);
}

TEST_F(NearbyAndSupporters, SupporterErrorsInBothFormats) {
  const auto id = pothole_at("51.2", "-1.82");
  const auto other = pothole_at("51.2001", "-1.82");
  ASSERT_EQ(support(id, "s-1").status, 200);
  const auto closed = pothole_at("51.2002", "-1.82");
  server.store().add_update(test::status_update(closed, CaseStatus::Fixed, "Filled."));
  for (const auto* format : {"json", "xml"}) {
    const std::string f(format);
    auto bad_key = test::post_urlencoded(server.port(), "/open311/v2/requests/" + id + "/supporters." + f,
                                         {{"api_key", "nope"}, {"client_id", "x"}});
    EXPECT_EQ(bad_key.status, 403);
    auto no_id = test::post_urlencoded(server.port(), "/open311/v2/requests/" + id + "/supporters." + f,
                                       {{"api_key", server.key()}});
    EXPECT_EQ(no_id.status, 400);
    EXPECT_NE(no_id.body.find(open311::kSupporterNeedsClientId), std::string::npos) << no_id.body;
    const auto reused = support(other, "s-1", f);
    EXPECT_EQ(reused.status, 400);
    EXPECT_NE(reused.body.find(open311::kSupporterIdReused), std::string::npos) << reused.body;
    const auto shut = support(closed, "s-9", f);
    EXPECT_EQ(shut.status, 400);
    EXPECT_NE(shut.body.find(open311::kSupporterCaseClosed), std::string::npos) << shut.body;
    EXPECT_EQ(support("424242", "s-10", f).status, 404);
  }
  EXPECT_EQ(server.store().find(other)->supporters, 0);
  EXPECT_EQ(server.store().find(id)->supporters, 1);
}
