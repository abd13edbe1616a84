#pragma once
// What the field-mode suites share: a real oneservice-central with a field
// tablet's key, officers made with its own `staff add`, cases reported and
// assigned through its endpoints and command line, and a way to run the
// tablet's passes until its work is done.
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "shared/catalogue.h"
#include "support/central_process.h"
#include "support/temp_folder.h"
#include "sync/field_sync.h"
#include "sync/outbox.h"
#include "sync/push.h"
#include "sync/server_config.h"

namespace oneservice::sync::field_test {

using TempDir = oneservice::test_support::TempFolder;

inline constexpr const char* kPin = "258036";

class FieldCentral {
 public:
  FieldCentral();
  const std::string& key() const { return key_; }
  int port() const { return process_->port(); }
  ServerConfig server() const;                   // direct
  ServerConfig server_via(int proxy_port) const;  // through a proxy

  // A new account (role officer unless said); returns its secret.
  std::string add_staff(const std::string& name, const std::string& role = "officer");
  central::test::RunResult run(std::vector<std::string> args) const;  // adds --data, expects exit 0

  // A pothole reported with the tablet's key (and photos as multipart
  // parts); returns its service_request_id.
  std::string report_pothole(double lat, double lon, const std::vector<std::string>& jpegs = {});
  void assign(const std::string& id, const std::string& officer);

  // GET on central directly, with an optional Bearer token; the JSON body
  // (the test fails on anything but 200).
  nlohmann::json get(const std::string& path_and_query, const std::string& token = "") const;
  int status_of(const std::string& path_and_query, const std::string& token) const;

 private:
  TempDir folder_;
  std::string data_, key_;
  std::unique_ptr<central::test::CentralProcess> process_;
};

// Fast retries and timeouts for tests.
PushOptions fast_options();
FieldSync field_sync(Outbox& outbox, const ServerConfig& server);

// Signs in online with kPin; the test fails unless it worked.
void sign_in(Outbox& outbox, const ServerConfig& server, const std::string& name, const std::string& secret);

// Pushes reports, then the field passes, until nothing of that member's is
// waiting in the sync log or the bound passes. Returns passes run.
int drain(Outbox& outbox, const ServerConfig& server, const std::string& staff,
          std::chrono::seconds bound = std::chrono::seconds(20));

// The demo catalogue, through the store's cache.
Catalogue demo_catalogue(Outbox& outbox);
// A prepared, valid pothole report from the field (depth n % 90 + 1 cm).
ServiceRequest prepared_pothole(Outbox& outbox, int n = 7);

// A small real JPEG (a few kilobytes; `fill` changes its bytes).
std::string jpeg(int width = 64, int height = 48, int fill = 0);

// The job as central holds it for that officer now (from GET staff/jobs).
nlohmann::json job_at_central(const FieldCentral& central, const std::string& token, const std::string& id);

}  // namespace oneservice::sync::field_test
