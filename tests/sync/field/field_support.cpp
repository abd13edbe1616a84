#include "field_support.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <stdexcept>
#include <thread>

#include "central/jpeg_sample.h"
#include "shared/prepare.h"
#include "sync/catalogue_cache.h"
#include "sync/staff_sign_in.h"
#include "sync/sync_log.h"

namespace oneservice::sync::field_test {
namespace {

std::string first_line(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

httplib::Headers bearer(const std::string& token) {
  if (token.empty()) return {};
  return {{"Authorization", "Bearer " + token}};
}

}  // namespace

FieldCentral::FieldCentral() : data_(folder_.path() + "/central") {
  const auto result = central::test::run_central({"key", "add", "--name", "Field tablet 3", "--channel", "field",
                                                  "--data", data_});
  if (result.exit_code != 0) throw std::runtime_error("key add failed: " + result.err);
  key_ = first_line(result.out);
  process_ = std::make_unique<central::test::CentralProcess>(data_);
}

ServerConfig FieldCentral::server() const { return server_via(port()); }

ServerConfig FieldCentral::server_via(int proxy_port) const {
  return {"http://127.0.0.1:" + std::to_string(proxy_port) + "/open311/v2", key_, ""};
}

central::test::RunResult FieldCentral::run(std::vector<std::string> args) const {
  args.push_back("--data");
  args.push_back(data_);
  auto result = central::test::run_central(args);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return result;
}

std::string FieldCentral::add_staff(const std::string& name, const std::string& role) {
  return first_line(run({"staff", "add", "--name", name, "--role", role, "--team", "Highways North"}).out);
}

std::string FieldCentral::report_pothole(double lat, double lon, const std::vector<std::string>& jpegs) {
  httplib::Client client("127.0.0.1", port());
  client.set_read_timeout(10);
  httplib::MultipartFormDataItems items = {
      {"api_key", key_, "", ""},          {"service_code", "pothole", "", ""},
      {"lat", std::to_string(lat), "", ""}, {"long", std::to_string(lon), "", ""},
      {"description", "A deep hole by the kerb", "", ""},
      {"attribute[road_or_pavement]", "road", "", ""}, {"attribute[pothole_size]", "about_plate", "", ""},
      {"attribute[depth_cm]", "7", "", ""}};
  for (std::size_t i = 0; i < jpegs.size(); ++i)
    items.push_back({"media", jpegs[i], "photo" + std::to_string(i) + ".jpg", "image/jpeg"});
  const auto reply = client.Post("/open311/v2/requests.json", items);
  if (!reply || reply->status != 200) throw std::runtime_error("the test case was not made");
  return nlohmann::json::parse(reply->body).at(0).at("service_request_id").get<std::string>();
}

void FieldCentral::assign(const std::string& id, const std::string& officer) { run({"case", "assign", id, "--to", officer}); }

nlohmann::json FieldCentral::get(const std::string& path_and_query, const std::string& token) const {
  httplib::Client client("127.0.0.1", port());
  client.set_read_timeout(10);
  const auto reply = client.Get(("/open311/v2/" + path_and_query).c_str(), bearer(token));
  if (!reply || reply->status != 200) {
    ADD_FAILURE() << "GET " << path_and_query << ": " << (reply ? std::to_string(reply->status) + reply->body : "no answer");
    return nlohmann::json();
  }
  return nlohmann::json::parse(reply->body);
}

int FieldCentral::status_of(const std::string& path_and_query, const std::string& token) const {
  httplib::Client client("127.0.0.1", port());
  client.set_read_timeout(10);
  const auto reply = client.Get(("/open311/v2/" + path_and_query).c_str(), bearer(token));
  return reply ? reply->status : 0;
}

PushOptions fast_options() {
  PushOptions options;
  options.backoff.base = std::chrono::milliseconds(20);
  options.backoff.cap = std::chrono::milliseconds(200);
  options.backoff.retry_after_cap = std::chrono::seconds(1);
  options.transport.connect_timeout = std::chrono::milliseconds(1000);
  options.transport.total_timeout = std::chrono::seconds(5);
  options.transport.low_speed_time = std::chrono::seconds(2);
  return options;
}

FieldSync field_sync(Outbox& outbox, const ServerConfig& server) {
  const auto options = fast_options();
  return FieldSync(outbox, server, options.transport, options.backoff);
}

void sign_in(Outbox& outbox, const ServerConfig& server, const std::string& name, const std::string& secret) {
  const auto result = sign_in_online(outbox, server, name, secret, kPin);
  ASSERT_EQ(result.outcome, SignInOutcome::SignedIn) << result.server_words;
}

int drain(Outbox& outbox, const ServerConfig& server, const std::string& staff, std::chrono::seconds bound) {
  const auto deadline = std::chrono::steady_clock::now() + bound;
  Pusher pusher(outbox, server, fast_options());
  auto field = field_sync(outbox, server);
  int passes = 0;
  while (true) {
    pusher.push_due();
    field.push();
    ++passes;
    bool waiting = false;
    for (const auto& entry : sync_log(outbox, staff)) waiting = waiting || entry.state == "waiting";
    if (!waiting || std::chrono::steady_clock::now() >= deadline) return passes;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

Catalogue demo_catalogue(Outbox& outbox) {
  return load_catalogue(outbox, std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/catalogue.json");
}

ServiceRequest prepared_pothole(Outbox& outbox, int n) {
  ServiceRequest request;
  request.channel = Channel::Field;
  request.service_code = "pothole";
  request.answers = {{"road_or_pavement", std::string("road")}, {"pothole_size", std::string("about_plate")},
                     {"depth_cm", std::to_string(n % 90 + 1)}};
  request.location.lat = 51.2;
  request.location.lon = -1.82;
  auto prepared = prepare_request(demo_catalogue(outbox), request, std::chrono::system_clock::now(), Wording::english());
  if (!prepared.ok()) throw std::runtime_error("the test report is not valid: " + prepared.errors.front().message);
  return prepared.request;
}

std::string jpeg(int width, int height, int fill) {
  // The sample's noise is seeded alike each time: the size makes photos differ.
  return central::test::sample_jpeg(width + fill, height);
}

nlohmann::json job_at_central(const FieldCentral& central, const std::string& token, const std::string& id) {
  const auto page = central.get("staff/jobs.json?api_key=" + central.key() + "&since=0", token);
  const auto& doc = page.is_array() ? page.at(0) : page;
  for (const auto& job : doc.at("jobs"))
    if (job.at("service_request_id") == id) return job;
  return nlohmann::json();
}

}  // namespace oneservice::sync::field_test
