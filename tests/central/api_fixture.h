#pragma once
// A real Open311 server on a loopback port, in this process, with the demo
// council and a fresh store, and an HTTP client to talk to it.
#include <httplib.h>

#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "central/case_store.h"
#include "central/open311/api.h"
#include "shared/catalogue_json.h"
#include "shared/routing.h"

namespace oneservice::central::test {

class ApiServer {
 public:
  ApiServer();
  ~ApiServer();

  CaseStore& store() { return *store_; }
  const Catalogue& catalogue() const { return catalogue_; }
  const std::string& key() const { return key_; }  // a kiosk's device key
  int port() const { return port_; }

 private:
  std::filesystem::path folder_;
  Catalogue catalogue_;
  Boundaries boundaries_;
  std::unique_ptr<CaseStore> store_;
  std::unique_ptr<open311::Api> api_;
  httplib::Server server_;
  std::thread thread_;
  std::string key_;
  int port_ = 0;
};

// A form body with fields in this order, percent-encoded.
std::string form(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace oneservice::central::test
