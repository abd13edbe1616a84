#include "delivery_support.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "shared/prepare.h"
#include "sync/catalogue_cache.h"

namespace oneservice::sync::delivery_test {


std::string demo_catalogue_path() { return std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/catalogue.json"; }

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

Catalogue demo_catalogue(Outbox& outbox) { return load_catalogue(outbox, demo_catalogue_path()); }

namespace {

ServiceRequest prepared_or_throw(const Catalogue& catalogue, ServiceRequest request) {
  auto prepared = prepare_request(catalogue, std::move(request), std::chrono::system_clock::now(), Wording::english());
  if (!prepared.ok()) {
    std::string text;
    for (const auto& error : prepared.errors) text += error.field + ": " + error.message + "\n";
    throw std::runtime_error("the test request is not valid:\n" + text);
  }
  return prepared.request;
}

}  // namespace

ServiceRequest pothole_request(const Catalogue& catalogue, int n) {
  ServiceRequest request;
  request.service_code = "pothole";
  request.answers = {{"road_or_pavement", std::string("road")},
                     {"pothole_size", std::string("about_plate")},
                     {"depth_cm", std::to_string(n % 90 + 1)}};
  request.location.lat = 51.2;
  request.location.lon = -1.82;
  return prepared_or_throw(catalogue, std::move(request));
}

ServiceRequest parking_permit_request(const Catalogue& catalogue) {
  ServiceRequest request;
  request.service_code = "parking_permit";
  request.answers = {{"zone", std::string("zone_a")},
                     {"vehicle_registration", std::string("CU57 ABC")},
                     {"vehicle_make", std::string("Ford")},
                     {"number_of_permits", std::string("1")},
                     {"start_date", std::string("2026-12-01")},
                     {"email", std::string("resident@example.org")}};
  request.location.lat = 51.2;
  request.location.lon = -1.82;
  request.location.address_string = "1 High Street, Ashcombe";
  return prepared_or_throw(catalogue, std::move(request));
}

std::vector<std::string> enqueue_potholes(Outbox& outbox, int count, int first_n) {
  const auto catalogue = demo_catalogue(outbox);
  std::vector<std::string> ids;
  for (int n = first_n; n < first_n + count; ++n) {
    const auto request = pothole_request(catalogue, n);
    outbox.enqueue(request);
    ids.push_back(request.client_id);
  }
  return ids;
}

PushOptions fast_push_options(std::chrono::milliseconds total_timeout) {
  PushOptions options;
  options.max_in_flight = 4;
  options.backoff.base = std::chrono::milliseconds(20);
  options.backoff.cap = std::chrono::milliseconds(200);
  options.backoff.retry_after_cap = std::chrono::seconds(5);
  options.transport.connect_timeout = std::chrono::milliseconds(1000);
  options.transport.total_timeout = total_timeout;
  options.transport.low_speed_time = std::chrono::seconds(2);
  return options;
}

int count_in(const Outbox& outbox, RequestState state) { return outbox.counts().at(state); }

int push_until_settled(Outbox& outbox, Pusher& pusher, std::chrono::seconds bound,
                       const std::function<void(const PushProgress&)>& progress) {
  const auto deadline = std::chrono::steady_clock::now() + bound;
  int passes = 0;
  while (true) {
    pusher.push_due(progress);
    ++passes;
    if (count_in(outbox, RequestState::Queued) + count_in(outbox, RequestState::Sending) == 0) break;
    if (std::chrono::steady_clock::now() >= deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return passes;
}

Central::Central() : data_(folder_.path() + "/central") {
  const auto result = run({"key", "add", "--name", "t", "--channel", "kiosk"});
  if (result.exit_code != 0) throw std::runtime_error("key add failed: " + result.err);
  key_ = result.out;
  while (!key_.empty() && (key_.back() == '\n' || key_.back() == '\r')) key_.pop_back();
  process_ = std::make_unique<central::test::CentralProcess>(data_);
}

std::string Central::base_url() const { return base_url_for(port()); }

std::string Central::base_url_for(int port) { return "http://127.0.0.1:" + std::to_string(port) + "/open311/v2"; }

std::string Central::add_key(const std::string& name) {
  const auto result = run({"key", "add", "--name", name, "--channel", "kiosk"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::string key = result.out;
  while (!key.empty() && key.back() == '\n') key.pop_back();
  return key;
}

central::test::RunResult Central::run(std::vector<std::string> args) const {
  args.push_back("--data");
  args.push_back(data_);
  return central::test::run_central(args);
}

nlohmann::json Central::get(const std::string& path_and_query) const {
  httplib::Client client("127.0.0.1", port());
  client.set_read_timeout(10);
  const auto reply = client.Get(("/open311/v2/" + path_and_query).c_str());
  if (!reply) {
    ADD_FAILURE() << "no answer from the central for " << path_and_query;
    return nlohmann::json();
  }
  if (reply->status != 200) {
    ADD_FAILURE() << "HTTP " << reply->status << " for " << path_and_query << ": " << reply->body;
    return nlohmann::json();
  }
  return nlohmann::json::parse(reply->body);
}

nlohmann::json Central::all_cases() const { return get("requests.json"); }

std::pair<int, std::string> Central::post_form(const std::string& body, const std::string& idempotency_key) const {
  httplib::Client client("127.0.0.1", port());
  client.set_read_timeout(10);
  const auto reply = client.Post("/open311/v2/requests.json", {{"Idempotency-Key", idempotency_key}}, body,
                                 "application/x-www-form-urlencoded");
  if (!reply) return {0, ""};
  return {reply->status, reply->body};
}

}  // namespace oneservice::sync::delivery_test
