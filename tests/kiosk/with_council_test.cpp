// The kiosk with its background sender and a real oneservice-central: a
// request made by tapping travels to the council, and the council's
// reference comes back to the confirmation page.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "graffiti_taps.h"
#include "kiosk_driver.h"
#include "support/central_process.h"
#include "support/temp_folder.h"

using namespace oneservice;
using oneservice::kiosk::Page;
using oneservice::kiosk::testing::KioskDriver;

TEST(KioskWithCouncil, ARequestTravelsToTheCouncilAndItsReferenceComesBack) {
  const test_support::TempFolder temp;
  const std::filesystem::path folder = temp.path();
  const auto central_data = (folder / "central").string();
  auto key = central::test::run_central({"key", "add", "--name", "kiosk", "--channel", "kiosk", "--data", central_data}).out;
  while (!key.empty() && key.back() == '\n') key.pop_back();
  ASSERT_FALSE(key.empty());
  {
    central::test::CentralProcess server(central_data);
    sync::ServerConfig config{"http://127.0.0.1:" + std::to_string(server.port()) + "/open311/v2", key, ""};
    KioskDriver kiosk((folder / "kiosk").string(), std::string(ONESERVICE_SCREENSHOT_DIR) + "/KioskWithCouncil", {},
                      false, config);
    ASSERT_TRUE(kiosk.wait_until([&] { return kiosk.shows("Online"); }, std::chrono::seconds(20)))
        << "the header says the kiosk reached the council";
    kiosk.start();
    ASSERT_NO_FATAL_FAILURE(kiosk::testing::tap_graffiti_report(kiosk));
    const auto reference = kiosk.journey().reference;
    ASSERT_TRUE(kiosk.wait_until([&] { return kiosk.shows("The council's reference is"); }, std::chrono::seconds(20)))
        << "the council's reference came back";
    kiosk.screenshot("confirmation-with-council-reference");
    const auto entry = kiosk.outbox().find_by_reference(reference);
    ASSERT_TRUE(entry.has_value());
    EXPECT_EQ(entry->state, sync::RequestState::Accepted);
    EXPECT_TRUE(kiosk.shows("The council's reference is " + entry->server_ref + "."));
  }
}

TEST(KioskWithCouncil, ANewCatalogueFromTheCouncilIsTakenUpOnTheStartPage) {
  const test_support::TempFolder temp;
  const std::filesystem::path folder = temp.path();
  // The council's catalogue: the demo one, renamed service, newer changeset.
  const auto assets = folder / "assets";
  std::filesystem::create_directories(assets);
  std::filesystem::copy(std::string(ONESERVICE_ASSETS_DIR) + "/demo-council", assets / "demo-council");
  {
    std::ifstream in(assets / "demo-council" / "catalogue.json");
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto replace = [&](const std::string& from, const std::string& to) {
      const auto at = text.find(from);
      ASSERT_NE(at, std::string::npos) << from;
      text.replace(at, from.size(), to);
    };
    replace("\"changeset\": \"2026-11-01T09:00:00Z\"", "\"changeset\": \"2027-01-04T09:00:00Z\"");
    replace("\"Report graffiti\"", "\"Report graffiti or fly-posting\"");
    std::ofstream(assets / "demo-council" / "catalogue.json", std::ios::trunc) << text;
  }
  const auto central_data = (folder / "central").string();
  auto key = central::test::run_central({"key", "add", "--name", "kiosk", "--channel", "kiosk", "--data", central_data}).out;
  while (!key.empty() && key.back() == '\n') key.pop_back();
  {
    central::test::CentralProcess server(central_data, {"--assets", assets.string()});
    sync::ServerConfig config{"http://127.0.0.1:" + std::to_string(server.port()) + "/open311/v2", key, ""};
    KioskDriver kiosk((folder / "kiosk").string(), std::string(ONESERVICE_SCREENSHOT_DIR) + "/KioskNewCatalogue", {},
                      false, config);
    // It starts on the bundled catalogue; the worker may already have
    // pulled by the first frame, so only the outcome is checked.
    kiosk.start();
    ASSERT_TRUE(kiosk.wait_until([&] { return kiosk.probe().find("Report graffiti or fly-posting") != nullptr; },
                                 std::chrono::seconds(20)))
        << "the council's new catalogue is shown on the start page";
    kiosk.screenshot("new-catalogue");
    EXPECT_FALSE(kiosk.probe().find("Report graffiti"));
  }
}
