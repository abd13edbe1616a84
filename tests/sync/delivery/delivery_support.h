#pragma once
// Helpers for the delivery tests: a temporary folder, the demo catalogue,
// valid pothole requests, a real oneservice-central with a device key, and
// reading what the central holds over plain HTTP (not through any proxy).
#include <chrono>
#include <memory>
#include <ostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "shared/catalogue.h"
#include "shared/request.h"
#include "support/central_process.h"
#include "support/temp_folder.h"
#include "sync/outbox.h"
#include "sync/push.h"

namespace oneservice::sync::delivery_test {

using TempDir = oneservice::test_support::TempFolder;  // tests/support/temp_folder.h

std::string demo_catalogue_path();
std::string read_text(const std::string& path);

// The demo catalogue through the device's cache (caches it on first use).
Catalogue demo_catalogue(Outbox& outbox);

// A prepared, valid pothole report (depth n % 90 + 1 cm, 51.2, -1.82).
ServiceRequest pothole_request(const Catalogue& catalogue, int n);
// A prepared, valid parking permit application (a batch service).
ServiceRequest parking_permit_request(const Catalogue& catalogue);

// Queues `count` pothole reports; returns their client ids in order.
std::vector<std::string> enqueue_potholes(Outbox& outbox, int count, int first_n = 0);

// Short backoff (20 ms .. 200 ms) and transport timeouts (total as given).
PushOptions fast_push_options(std::chrono::milliseconds total_timeout = std::chrono::seconds(2));

// Runs passes (sleeping ~50 ms between them) until nothing is queued or
// sending, or the bound is hit. Returns the number of passes run.
int push_until_settled(Outbox& outbox, Pusher& pusher, std::chrono::seconds bound = std::chrono::seconds(20),
                       const std::function<void(const PushProgress&)>& progress = {});

int count_in(const Outbox& outbox, RequestState state);

// A real oneservice-central with one kiosk key, in its own folder.
class Central {
 public:
  Central();
  const std::string& data_dir() const { return data_; }
  const std::string& key() const { return key_; }
  int port() const { return process_->port(); }
  std::string base_url() const;                  // direct, no proxy
  static std::string base_url_for(int port);     // e.g. a proxy's
  std::string add_key(const std::string& name);  // another key
  central::test::RunResult run(std::vector<std::string> args) const;  // adds --data

  // GET on the central directly; the parsed JSON body (fails the test on
  // anything but 200).
  nlohmann::json get(const std::string& path_and_query) const;
  // Every case the central holds (requests.json: the last 90 days).
  nlohmann::json all_cases() const;
  // POSTs a form body directly; returns {status, body}.
  std::pair<int, std::string> post_form(const std::string& body, const std::string& idempotency_key) const;

 private:
  TempDir folder_;
  std::string data_, key_;
  std::unique_ptr<central::test::CentralProcess> process_;
};

}  // namespace oneservice::sync::delivery_test

namespace oneservice::sync {
// Readable states in test failure messages.
inline void PrintTo(RequestState state, std::ostream* out) { *out << to_string(state); }
}  // namespace oneservice::sync
