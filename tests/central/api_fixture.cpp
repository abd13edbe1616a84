#include "api_fixture.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <stdexcept>

#include "central/listen_socket.h"
#include "support/deadline.h"

namespace oneservice::central::test {

namespace {
std::string assets(const std::string& file) { return std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/" + file; }
}  // namespace

ApiServer::ApiServer()
    : folder_(std::filesystem::temp_directory_path() /
              ("oneservice-api-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name())),
      catalogue_(load_catalogue_file(assets("catalogue.json"))),
      boundaries_(Boundaries::load_file(assets("boundaries.geojson"))) {
  std::filesystem::remove_all(folder_);
  std::filesystem::create_directories(folder_);
  store_ = std::make_unique<CaseStore>(folder_.string());
  key_ = store_->add_key("Ashcombe Library kiosk", "kiosk");
  api_ = std::make_unique<open311::Api>(*store_, catalogue_, boundaries_, open311::ApiOptions{});
  server_.new_task_queue = [] { return new httplib::ThreadPool(32); };
  api_->install(server_);
  port_ = bind_server(server_, "127.0.0.1", 0);
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  if (!test_support::wait_until([this] { return server_.is_running(); })) {
    server_.stop();
    thread_.join();
    throw std::runtime_error("The test's Open311 server did not start listening within 30 seconds");
  }
}

ApiServer::~ApiServer() {
  server_.stop();
  thread_.join();
  api_.reset();
  store_.reset();
  std::filesystem::remove_all(folder_);
}

std::string form(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += httplib::detail::encode_query_param(name) + "=" + httplib::detail::encode_query_param(value);
  }
  return body;
}

}  // namespace oneservice::central::test
