#pragma once
// A real central on a loopback port in this process, Open311 and the public
// pages together as `serve` installs them, with a set clock, the demo
// council and a fresh store; and helpers to make cases the way a kiosk does.
#include <httplib.h>

#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "central/case_store.h"
#include "central/i18n/translator.h"
#include "central/open311/api.h"
#include "central/public/site.h"
#include "shared/catalogue_json.h"
#include "shared/routing.h"
#include "support.h"

namespace oneservice::central::test {

using Fields = std::vector<std::pair<std::string, std::string>>;

// Personal data a resident gave that no public page, feed or file may show.
struct Personal {
  static constexpr const char* kFirstName = "Bronwen";
  static constexpr const char* kLastName = "Zebediah-Quill";
  static constexpr const char* kEmail = "bronwen.quill@residents.example";
  static constexpr const char* kPhone = "07700 900123";
  static constexpr const char* kAddress = "Outside 17 Larkspur Close";
  static constexpr const char* kDescription = "My neighbour Mr Quill tripped here";
  static constexpr const char* kAnswer = "Qzx private answer";
};

class PublicServer {
 public:
  explicit PublicServer(std::string report_url = "");
  ~PublicServer();

  CaseStore& store() { return *store_; }
  SetClock& clock() { return clock_; }
  const std::string& key() const { return key_; }
  int port() const { return port_; }
  httplib::Client client() const;
  // What the pages and the mailer read, as `serve` gives them.
  public_pages::Site site() const;

  // A pothole report as a kiosk sends it (Idempotency-Key = client_id),
  // full of personal data; returns the council's id.
  std::string report(const std::string& client_id, const std::string& language = "en", double lat = 51.2,
                     double lon = -1.82);
  // `case update` as the command line does it.
  void update(const std::string& id, CaseStatus status, const std::string& note);

 private:
  std::filesystem::path folder_;
  SetClock clock_;
  Catalogue catalogue_;
  Boundaries boundaries_;
  std::unique_ptr<CaseStore> store_;
  std::unique_ptr<i18n::Translators> translators_;
  std::unique_ptr<open311::Api> api_;
  httplib::Server server_;
  std::thread thread_;
  std::string key_;
  int port_ = 0;
};

std::string form_body(const Fields& fields);

// Every personal value of Personal found in text (empty: none).
std::vector<std::string> personal_data_in(const std::string& text);

}  // namespace oneservice::central::test
