// The real oneservice-central binary: its command line, and a kill -9 in
// the middle of a stream of creates losing nothing it acknowledged.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/central_process.h"
#include "support/deadline.h"
#include "shared/identity.h"

using namespace oneservice::central::test;
using nlohmann::json;

namespace {

class CentralBinary : public ::testing::Test {
 protected:
  void SetUp() override {
    folder = std::filesystem::temp_directory_path() /
             ("oneservice-central-bin-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    data = (folder / "data").string();
  }
  void TearDown() override { std::filesystem::remove_all(folder); }

  std::string add_key(const std::string& name, const std::string& channel) {
    const auto result = run_central({"key", "add", "--name", name, "--channel", channel, "--data", data});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::string key = result.out;
    while (!key.empty() && key.back() == '\n') key.pop_back();
    return key;
  }

  std::filesystem::path folder;
  std::string data;
};

std::string body_for(const std::string& api_key, int n) {
  return "api_key=" + api_key + "&service_code=pothole&lat=51.2&long=-1.82" +
         "&attribute%5Broad_or_pavement%5D=road&attribute%5Bpothole_size%5D=about_plate" +
         "&attribute%5Bdepth_cm%5D=" + std::to_string(n % 90 + 1);
}

}  // namespace

TEST_F(CentralBinary, KeysCanBeAddedListedAndRevoked) {
  const auto key = add_key("Ashcombe Library kiosk", "kiosk");
  EXPECT_GE(key.size(), 32u);
  const auto list = run_central({"key", "list", "--data", data});
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_NE(list.out.find("Ashcombe Library kiosk"), std::string::npos);
  EXPECT_EQ(list.out.find(key), std::string::npos) << "keys are never shown again";
  EXPECT_EQ(run_central({"key", "add", "--name", "x", "--channel", "bus", "--data", data}).exit_code, 2);
  EXPECT_EQ(run_central({"key", "revoke", "1", "--data", data}).exit_code, 0);
  EXPECT_EQ(run_central({"key", "revoke", "1", "--data", data}).exit_code, 1) << "already revoked";
  const auto after = run_central({"key", "list", "--data", data});
  EXPECT_NE(after.out.find("Z"), std::string::npos) << "the revoked time shows";
}

TEST_F(CentralBinary, CaseUpdateAndReports) {
  const auto key = add_key("Field tablet", "field");
  std::string id;
  {
    CentralProcess server(data);
    httplib::Client client("127.0.0.1", server.port());
    const auto reply = client.Post("/open311/v2/requests.json", body_for(key, 1), "application/x-www-form-urlencoded");
    ASSERT_TRUE(reply);
    ASSERT_EQ(reply->status, 200) << reply->body;
    id = json::parse(reply->body).at(0).at("service_request_id");
  }
  const auto update = run_central({"case", "update", id, "--status", "FIXED", "--note", "Filled today.", "--data", data});
  EXPECT_EQ(update.exit_code, 0) << update.err;
  EXPECT_EQ(run_central({"case", "update", id, "--status", "DONE", "--note", "x", "--data", data}).exit_code, 2);
  EXPECT_EQ(run_central({"case", "update", "424242", "--status", "FIXED", "--note", "x", "--data", data}).exit_code, 1);

  const auto top = run_central({"report", "top-issues", "--since", "2020-01-01", "--format", "json", "--data", data});
  ASSERT_EQ(top.exit_code, 0) << top.err;
  const auto rows = json::parse(top.out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows.at(0).at("service_code"), "pothole");
  EXPECT_EQ(rows.at(0).at("count"), 1);
  const auto channels = run_central({"report", "channels", "--format", "csv", "--period", "day", "--data", data});
  ASSERT_EQ(channels.exit_code, 0) << channels.err;
  EXPECT_EQ(channels.out.rfind("period,channel,count\r\n", 0), 0u) << channels.out;
  EXPECT_NE(channels.out.find(",field,1\r\n"), std::string::npos) << channels.out;
  EXPECT_EQ(run_central({"report", "channels", "--period", "fortnight", "--data", data}).exit_code, 2);
  EXPECT_EQ(run_central({"report", "everything", "--data", data}).exit_code, 2);
}

TEST_F(CentralBinary, KillMinus9LosesNothingAcknowledged) {
  const auto key = add_key("Kiosk", "kiosk");
  std::mutex lock;
  std::map<std::string, std::string> acknowledged;  // client id -> service_request_id
  std::vector<std::pair<std::string, std::string>> attempted;  // client id, body
  {
    CentralProcess server(data);
    std::atomic<bool> stop{false};
    std::vector<std::thread> senders;
    for (int t = 0; t < 4; ++t)
      senders.emplace_back([&, t] {
        httplib::Client client("127.0.0.1", server.port());
        client.set_read_timeout(5);
        for (int n = 0; !stop; ++n) {
          const auto client_id = oneservice::make_uuid_v4();
          const auto body = body_for(key, t * 1000 + n);
          {
            std::lock_guard<std::mutex> guard(lock);
            attempted.emplace_back(client_id, body);
          }
          const auto reply = client.Post("/open311/v2/requests.json", {{"Idempotency-Key", client_id}}, body,
                                         "application/x-www-form-urlencoded");
          if (!reply) break;  // the server is gone
          if (reply->status == 200) {
            std::lock_guard<std::mutex> guard(lock);
            acknowledged[client_id] = json::parse(reply->body).at(0).at("service_request_id");
          }
        }
      });
    // Let creates flow, then pull the plug while they are in flight.
    const bool flowed = oneservice::test_support::wait_until([&] {
      std::lock_guard<std::mutex> guard(lock);
      return acknowledged.size() >= 200;
    });
    server.kill_hard();
    stop = true;
    for (auto& sender : senders) sender.join();
    ASSERT_TRUE(flowed) << "only " << acknowledged.size() << " of 200 creates were acknowledged in "
                        << oneservice::test_support::kWaitLimit.count() << " seconds";
  }
  ASSERT_GE(acknowledged.size(), 200u);

  CentralProcess restarted(data);
  httplib::Client client("127.0.0.1", restarted.port());
  for (const auto& [client_id, id] : acknowledged) {
    const auto reply = client.Get(("/open311/v2/requests/" + id + ".json").c_str());
    ASSERT_TRUE(reply);
    ASSERT_EQ(reply->status, 200) << "acknowledged case " << id << " was lost";
    EXPECT_EQ(json::parse(reply->body).at(0).at("extended_status"), "OPEN");
  }
  // Sending everything again (as a device that never heard back would)
  // gives each acknowledged request its same case and creates the rest once.
  std::set<std::string> ids;
  for (const auto& [client_id, body] : attempted) {
    const auto reply = client.Post("/open311/v2/requests.json", {{"Idempotency-Key", client_id}}, body,
                                   "application/x-www-form-urlencoded");
    ASSERT_TRUE(reply);
    ASSERT_EQ(reply->status, 200) << reply->body;
    const std::string id = json::parse(reply->body).at(0).at("service_request_id");
    if (acknowledged.count(client_id)) {
      EXPECT_EQ(id, acknowledged[client_id]);
    }
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), attempted.size()) << "every request exactly once";
  const auto all = client.Get("/open311/v2/requests.json?service_code=pothole");
  ASSERT_TRUE(all);
  EXPECT_EQ(json::parse(all->body).size(), attempted.size()) << "and no case beyond them";
}

TEST_F(CentralBinary, ServesHttpsWithTheGivenCertificate) {
  const auto cert = (folder / "cert.pem").string();
  const auto key = (folder / "key.pem").string();
  const auto command = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
                       "-addext subjectAltName=IP:127.0.0.1 -keyout " + key + " -out " + cert + " 2>/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0) << "openssl could not make a test certificate";
  CentralProcess server(data, {"--tls-cert", cert, "--tls-key", key});

  httplib::SSLClient verified("127.0.0.1", server.port());
  verified.set_ca_cert_path(cert.c_str());
  verified.enable_server_certificate_verification(true);
  const auto reply = verified.Get("/open311/v2/discovery.json");
  ASSERT_TRUE(reply) << httplib::to_string(reply.error());
  EXPECT_EQ(reply->status, 200);
  EXPECT_NE(json::parse(reply->body).at("endpoints").at(0).at("url").get<std::string>().rfind("https://", 0),
            std::string::npos);

  httplib::SSLClient untrusting("127.0.0.1", server.port());
  untrusting.enable_server_certificate_verification(true);
  EXPECT_FALSE(untrusting.Get("/open311/v2/discovery.json")) << "an unknown certificate is refused";

  httplib::Client plain("127.0.0.1", server.port());
  plain.set_read_timeout(2);
  const auto refused = plain.Get("/open311/v2/discovery.json");
  EXPECT_TRUE(!refused || refused->status != 200) << "plain HTTP gets nothing from an HTTPS server";
}

TEST_F(CentralBinary, RefusesHalfATlsSetupAndABadListenAddress) {
  EXPECT_EQ(run_central({"serve", "--tls-cert", "x.pem", "--data", data}).exit_code, 2);
  EXPECT_EQ(run_central({"serve", "--listen", "nowhere", "--data", data}).exit_code, 2);
  const auto missing = run_central({"serve", "--tls-cert", "/nonexistent/c.pem", "--tls-key", "/nonexistent/k.pem",
                                    "--listen", "127.0.0.1:0", "--data", data});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("/nonexistent/c.pem"), std::string::npos) << missing.err;
  EXPECT_EQ(run_central({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(run_central({"--help"}).exit_code, 0);
}
