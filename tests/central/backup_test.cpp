// `oneservice-central backup` on a store whose server is busy writing: the
// copy opens, holds every case acknowledged before the backup began, and
// its photos; and it refuses clearly what it cannot do.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "deploy_support.h"
#include "support/central_process.h"
#include "support/deadline.h"
#include "support/temp_folder.h"
#include "shared/identity.h"

using namespace oneservice::central::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const char* const kForm = "application/x-www-form-urlencoded";

std::string case_id(const httplib::Result& reply) {
  return reply && reply->status == 200 ? json::parse(reply->body).at(0).at("service_request_id").get<std::string>() : "";
}

}  // namespace

TEST(CentralBackup, CopiesARunningStoreWithEveryAcknowledgedCaseAndPhoto) {
  oneservice::test_support::TempFolder folder;
  const auto data = folder.file("data");
  const auto key = add_device_key(data);
  const auto backup = folder.file("backups/central.sqlite3");
  fs::create_directories(folder.file("backups"));
  const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR-rest-of-a-tiny-image", 32);

  std::mutex lock;
  // id -> (client id, body), for creates acknowledged before the backup began
  std::map<std::string, std::pair<std::string, std::string>> acknowledged;
  std::string photo_case;
  RunResult result;
  {
    CentralProcess server(data);
    httplib::Client client("127.0.0.1", server.port());
    httplib::MultipartFormDataItems items;
    items.push_back({"api_key", key, "", ""});
    for (const auto* field : {"service_code=pothole", "lat=51.2", "long=-1.82", "attribute[road_or_pavement]=road",
                              "attribute[pothole_size]=about_plate", "attribute[depth_cm]=5"}) {
      const std::string pair = field;
      items.push_back({pair.substr(0, pair.find('=')), pair.substr(pair.find('=') + 1), "", ""});
    }
    items.push_back({"media", png, "hole.png", "image/png"});
    photo_case = case_id(client.Post("/open311/v2/requests.json", items));
    ASSERT_FALSE(photo_case.empty());

    // Four devices keep creating while the backup runs.
    std::atomic<bool> stop{false}, backing_up{false};
    std::atomic<int> during{0};
    std::vector<std::thread> devices;
    for (int t = 0; t < 4; ++t)
      devices.emplace_back([&, t] {
        httplib::Client device("127.0.0.1", server.port());
        for (int n = 0; !stop; ++n) {
          const auto client_id = oneservice::make_uuid_v4();
          const auto body = pothole_form(key, t * 1000 + n);
          const auto id =
              case_id(device.Post("/open311/v2/requests.json", {{"Idempotency-Key", client_id}}, body, kForm));
          if (id.empty()) continue;
          if (backing_up) {
            ++during;
            continue;
          }
          std::lock_guard<std::mutex> guard(lock);
          acknowledged[id] = {client_id, body};
        }
      });
    const bool flowed = oneservice::test_support::wait_until([&] {
      std::lock_guard<std::mutex> guard(lock);
      return acknowledged.size() >= 100;
    });
    {
      // Whatever is acknowledged from here on may or may not be in the copy.
      std::lock_guard<std::mutex> guard(lock);
      backing_up = true;
    }
    result = run_central({"backup", "--data", data, "--to", backup});
    oneservice::test_support::wait_until([&] { return during >= 20; });
    stop = true;
    for (auto& device : devices) device.join();
    ASSERT_TRUE(flowed) << "creates did not flow before the backup";
    EXPECT_GE(during.load(), 20) << "creates must go on while the backup runs, or this test shows nothing";
  }
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("1 new"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(backup + "-wal")) << "a backup is one file";

  // Restore as README says: the copy becomes a fresh store's database, its
  // photos the store's media folder.
  const auto restored = folder.file("restored");
  fs::create_directories(restored);
  fs::copy_file(backup, restored + "/central.sqlite3");
  fs::copy(backup + ".media", restored + "/media", fs::copy_options::recursive);
  CentralProcess server(restored);
  httplib::Client client("127.0.0.1", server.port());
  for (const auto& [id, sent] : acknowledged) {
    const auto reply = client.Get("/open311/v2/requests/" + id + ".json");
    ASSERT_TRUE(reply);
    ASSERT_EQ(reply->status, 200) << "acknowledged case " << id << " is missing from the backup";
  }
  const auto record = json::parse(client.Get("/open311/v2/requests/" + photo_case + ".json")->body).at(0);
  const std::string media_url = record.at("media_url");
  const auto photo = client.Get(media_url.substr(media_url.find("/media/")));
  ASSERT_TRUE(photo);
  EXPECT_EQ(photo->status, 200);
  EXPECT_EQ(photo->body, png) << "the photo came with its case";
  // A resend of an acknowledged request to the restored store is the same case.
  const auto& [first_id, first_sent] = *acknowledged.begin();
  EXPECT_EQ(case_id(client.Post("/open311/v2/requests.json", {{"Idempotency-Key", first_sent.first}},
                                first_sent.second, kForm)),
            first_id);

  // A second backup copies only photos it does not have.
  const auto again = run_central({"backup", "--data", data, "--to", backup});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("0 new, 1 already there"), std::string::npos) << again.err;
}

TEST(CentralBackup, RefusesWithoutAStoreOrATarget) {
  oneservice::test_support::TempFolder folder;
  const auto none = run_central({"backup", "--data", folder.file("nothing"), "--to", folder.file("copy.sqlite3")});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("no store"), std::string::npos) << none.err;
  EXPECT_FALSE(fs::exists(folder.file("copy.sqlite3")));
  EXPECT_EQ(run_central({"backup", "--data", folder.path()}).exit_code, 2) << "--to is needed";
  add_device_key(folder.file("data"));
  const auto unwritable = run_central({"backup", "--data", folder.file("data"), "--to", "/nonexistent/copy.sqlite3"});
  EXPECT_EQ(unwritable.exit_code, 2);
  EXPECT_NE(unwritable.err.find("/nonexistent/copy.sqlite3"), std::string::npos) << unwritable.err;
}
