// Issue 16's promise end to end: the QR code on a kiosk's confirmation page,
// read back from the screen as a phone reads it, opens central's tracking
// page for that request, and the page shows the council's latest update.
#include <gtest/gtest.h>
#include <httplib.h>
#include <stb_image.h>

#include <filesystem>
#include <memory>

#include "graffiti_taps.h"
#include "kiosk_driver.h"
#include "support/central_process.h"
#include "support/qr_reading.h"
#include "support/temp_folder.h"

using namespace oneservice;
using oneservice::kiosk::Page;
using oneservice::kiosk::testing::KioskDriver;

namespace {

// The codes in a screenshot, as grey pixels (a phone's camera sees no colour
// that matters to a QR code).
std::vector<std::string> codes_in_png(const std::string& path) {
  int width = 0, height = 0, channels = 0;
  const std::unique_ptr<unsigned char, decltype(&stbi_image_free)> pixels(
      stbi_load(path.c_str(), &width, &height, &channels, 1), &stbi_image_free);
  if (!pixels) return {};
  const std::vector<unsigned char> grey(pixels.get(), pixels.get() + static_cast<std::size_t>(width) * height);
  return test_support::qr_codes_in(grey, width, height);
}

}  // namespace

TEST(KioskTrackingQr, TheConfirmationsCodeOpensTheTrackingPageWithTheLatestUpdate) {
  const test_support::TempFolder temp;
  const std::filesystem::path folder = temp.path();
  const auto central_data = (folder / "central").string();
  auto key = central::test::run_central({"key", "add", "--name", "kiosk", "--channel", "kiosk", "--data", central_data}).out;
  while (!key.empty() && key.back() == '\n') key.pop_back();
  ASSERT_FALSE(key.empty());
  central::test::CentralProcess server(central_data);
  const std::string site = "http://127.0.0.1:" + std::to_string(server.port());
  sync::ServerConfig config{site + "/open311/v2", key, ""};
  kiosk::testing::DriverExtras extras;
  extras.adjust = [&](kiosk::AppSetup& setup, auto&, auto*, auto*) {
    setup.settings.tracking_url = site + "/track/{reference}";  // as scripts/kiosk.sh configures the demo
  };
  KioskDriver kiosk((folder / "kiosk").string(), std::string(ONESERVICE_SCREENSHOT_DIR) + "/KioskTrackingQr", {},
                    false, config, {}, {}, extras);
  ASSERT_TRUE(kiosk.wait_until([&] { return kiosk.shows("Online"); }, std::chrono::seconds(20)));
  kiosk.start();
  ASSERT_NO_FATAL_FAILURE(kiosk::testing::tap_graffiti_report(kiosk));
  const auto reference = kiosk.journey().reference;
  ASSERT_TRUE(kiosk.wait_until([&] { return kiosk.shows("The council's reference is"); }, std::chrono::seconds(20)));
  ASSERT_TRUE(kiosk.reveal("qr:tracking")) << "the code is on the confirmation page";
  const auto codes = codes_in_png(kiosk.screenshot("confirmation-with-code"));
  ASSERT_EQ(codes, std::vector<std::string>{site + "/track/" + reference}) << "the code names this request's page";

  const auto entry = kiosk.outbox().find_by_reference(reference);
  ASSERT_TRUE(entry.has_value());
  const auto moved = central::test::run_central({"case", "update", entry->server_ref, "--status", "INVESTIGATING",
                                                 "--note", "An officer will look at the shelter on Tuesday.",
                                                 "--data", central_data});
  ASSERT_EQ(moved.exit_code, 0) << moved.err;

  httplib::Client phone("127.0.0.1", server.port());
  const auto page = phone.Get(codes.front().substr(site.size()));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find(reference), std::string::npos) << "the page names the reference the resident was given";
  EXPECT_NE(page->body.find("Being looked into"), std::string::npos) << "the latest status, in plain words";
  EXPECT_NE(page->body.find("An officer will look at the shelter on Tuesday."), std::string::npos)
      << "the council's latest note";
}
