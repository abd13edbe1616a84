#include "public_fixture.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "central/listen_socket.h"
#include "central/public/site.h"
#include "support/deadline.h"

namespace oneservice::central::test {

namespace {
std::string assets(const std::string& file) { return std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/" + file; }
}  // namespace

PublicServer::PublicServer(std::string report_url)
    : folder_(std::filesystem::temp_directory_path() /
              ("oneservice-public-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name())),
      clock_("2026-11-22T14:05:00Z"),
      catalogue_(load_catalogue_file(assets("catalogue.json"))),
      boundaries_(Boundaries::load_file(assets("boundaries.geojson"))) {
  std::filesystem::remove_all(folder_);
  std::filesystem::create_directories(folder_);
  store_ = std::make_unique<CaseStore>(folder_.string(), clock_.clock());
  key_ = store_->add_key("Ashcombe Library kiosk", "kiosk");
  translators_ = std::make_unique<i18n::Translators>(ONESERVICE_LOCALE_DIR, "demo-council");
  api_ = std::make_unique<open311::Api>(*store_, catalogue_, boundaries_, open311::ApiOptions{}, clock_.clock());
  server_.new_task_queue = [] { return new httplib::ThreadPool(8); };
  api_->install(server_);
  public_pages::install_public_pages(server_, {*store_, catalogue_, boundaries_, *translators_,
                                               {std::move(report_url), "", false, ""}, clock_.clock()});
  port_ = bind_server(server_, "127.0.0.1", 0);
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  if (!test_support::wait_until([this] { return server_.is_running(); })) {
    server_.stop();
    thread_.join();
    throw std::runtime_error("The test's central did not start listening within 30 seconds");
  }
}

PublicServer::~PublicServer() {
  server_.stop();
  thread_.join();
  api_.reset();
  store_.reset();
  std::filesystem::remove_all(folder_);
}

httplib::Client PublicServer::client() const {
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(30);
  return client;
}

public_pages::Site PublicServer::site() const {
  return {*store_, catalogue_, boundaries_, *translators_, {"", "", false, ""}, clock_.clock()};
}

std::string form_body(const Fields& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += httplib::detail::encode_query_param(name) + "=" + httplib::detail::encode_query_param(value);
  }
  return body;
}

std::string PublicServer::report(const std::string& client_id, const std::string& language, double lat, double lon) {
  const Fields fields = {{"api_key", key_},
                         {"service_code", "pothole"},
                         {"lat", std::to_string(lat)},
                         {"long", std::to_string(lon)},
                         {"address_string", Personal::kAddress},
                         {"email", Personal::kEmail},
                         {"first_name", Personal::kFirstName},
                         {"last_name", Personal::kLastName},
                         {"phone", Personal::kPhone},
                         {"description", Personal::kDescription},
                         {"attribute[road_or_pavement]", "road"},
                         {"attribute[pothole_size]", "about_plate"},
                         {"attribute[depth_cm]", "7"},
                         {"attribute[more_details]", Personal::kAnswer}};
  auto http = client();
  const httplib::Headers headers = {{"Idempotency-Key", client_id}, {"Accept-Language", language}};
  const auto res = http.Post("/open311/v2/requests.json", headers, form_body(fields), "application/x-www-form-urlencoded");
  if (!res || res->status != 200) throw std::runtime_error("the report was refused: " + (res ? res->body : "no answer"));
  const auto id = nlohmann::json::parse(res->body).at(0).at("service_request_id").get<std::string>();
  return id;
}

void PublicServer::update(const std::string& id, CaseStatus status, const std::string& note) {
  NewUpdate update;
  update.service_request_id = id;
  update.status = status;
  update.public_note = note;
  update.private_note = "Private: resident is Bronwen";
  if (store_->add_update(update).outcome != UpdateOutcome::Added) throw std::runtime_error("update refused");
}

std::vector<std::string> personal_data_in(const std::string& text) {
  std::vector<std::string> found;
  for (const char* value : {Personal::kFirstName, Personal::kLastName, Personal::kEmail, Personal::kPhone,
                            Personal::kAddress, Personal::kDescription, Personal::kAnswer, "Larkspur", "Quill"})
    if (text.find(value) != std::string::npos) found.emplace_back(value);
  return found;
}

}  // namespace oneservice::central::test
