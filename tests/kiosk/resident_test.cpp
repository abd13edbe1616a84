// The resident's own choices and pages beyond the request itself: search,
// checking progress offline, text size and contrast, and that a finished
// visit leaves the next person the standard kiosk.
#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <memory>

#include "kiosk/theme.h"
#include "kiosk_driver.h"
#include "shared/clock.h"
#include "support/temp_folder.h"
#include "sync/outbox.h"

namespace oneservice::kiosk::testing {
namespace {

class Resident : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    driver_ = std::make_unique<KioskDriver>(data_.path(),
                                            std::string(ONESERVICE_SCREENSHOT_DIR) + "/Resident" + info->name(),
                                            fixed_clock());
  }
  void TearDown() override { driver_.reset(); }

  // Reports a missed bin, found by searching: the shortest real journey.
  std::string report_missed_bin() {
    auto& kiosk = *driver_;
    kiosk.start();
    EXPECT_TRUE(kiosk.fill("field:search", "bin"));
    EXPECT_TRUE(kiosk.tap("Report a missed bin collection"));
    EXPECT_TRUE(kiosk.tap("Recycling"));
    EXPECT_TRUE(kiosk.tap("Continue"));
    EXPECT_TRUE(kiosk.fill("field:collection_date.Day", "20"));
    EXPECT_TRUE(kiosk.fill("field:collection_date.Month", "11"));
    EXPECT_TRUE(kiosk.fill("field:collection_date.Year", "2026"));
    EXPECT_TRUE(kiosk.tap("Continue"));
    EXPECT_TRUE(kiosk.tap("Yes"));
    EXPECT_TRUE(kiosk.tap("Continue"));
    EXPECT_TRUE(kiosk.fill("field:location", "12 Mill Road, Ashcombe"));
    EXPECT_TRUE(kiosk.tap("Continue"));
    EXPECT_TRUE(kiosk.tap("Continue"));  // no contact details
    EXPECT_EQ(kiosk.journey().page, Page::CheckAnswers);
    EXPECT_TRUE(kiosk.tap("Send report"));
    EXPECT_EQ(kiosk.journey().page, Page::Confirmation);
    const auto reference = kiosk.journey().reference;
    kiosk.tap("Finish");
    return reference;
  }

  test_support::TempFolder data_;
  std::unique_ptr<KioskDriver> driver_;
};

TEST_F(Resident, StartsOnTheAttractScreenInBothLanguages) {
  auto& kiosk = *driver_;
  EXPECT_EQ(kiosk.journey().page, Page::Attract);
  EXPECT_TRUE(kiosk.shows("Report a problem or apply for a council service"));
  EXPECT_TRUE(kiosk.shows("Touch to start"));
  EXPECT_TRUE(kiosk.shows("Cyffyrddwch i ddechrau"));
  kiosk.screenshot("attract");
  kiosk.tap("Start / Dechrau");
  EXPECT_TRUE(kiosk.shows("Choose your language"));
  EXPECT_TRUE(kiosk.shows("Dewiswch eich iaith"));
  kiosk.screenshot("language");
  kiosk.tap("English");
  EXPECT_EQ(kiosk.journey().page, Page::ChooseService);
}

TEST_F(Resident, SearchByKeywordOffersTheMatchingServices) {
  auto& kiosk = *driver_;
  kiosk.start();
  ASSERT_TRUE(kiosk.fill("field:search", "rubbish"));
  EXPECT_TRUE(kiosk.shows("2 services match"));
  kiosk.screenshot("search");
  ASSERT_TRUE(kiosk.fill("field:search", " zzz"));
  EXPECT_TRUE(kiosk.shows("No services match your search"));
}

TEST_F(Resident, ChecksProgressOfARequestOfflineWithEitherReference) {
  const auto reference = report_missed_bin();
  ASSERT_FALSE(reference.empty());
  auto& kiosk = *driver_;
  kiosk.start();
  ASSERT_TRUE(kiosk.tap("Check progress"));
  // Typed as people do: lower case, with spaces.
  std::string typed;
  for (const char c : reference) typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  ASSERT_TRUE(kiosk.fill("field:reference", " " + typed + " "));
  ASSERT_TRUE(kiosk.tap("Check"));
  EXPECT_TRUE(kiosk.shows("Report a missed bin collection"));
  EXPECT_TRUE(kiosk.shows("saved on this kiosk"));
  EXPECT_TRUE(kiosk.shows("No updates yet."));
  EXPECT_FALSE(kiosk.shows("12 Mill Road")) << "a reference shows progress, never the answers";
  kiosk.screenshot("queued");

  // The worker delivered it and brought an update back while this page was
  // closed: the page reads it from the store, with no network.
  ASSERT_NO_FATAL_FAILURE(council_takes(
      kiosk.outbox(), reference, "WC-2026-000123",
      {{"u-1", "WC-2026-000123", "open", "2026-11-23T09:00:00Z", "A crew will collect it on Friday."}}));
  ASSERT_TRUE(kiosk.tap("Back"));
  ASSERT_TRUE(kiosk.tap("Check progress"));
  ASSERT_TRUE(kiosk.fill("field:reference", "WC-2026-000123"));
  ASSERT_TRUE(kiosk.tap("Check"));
  EXPECT_TRUE(kiosk.shows("The council has it."));
  EXPECT_TRUE(kiosk.shows("A crew will collect it on Friday."));
  kiosk.screenshot("with-update");

  ASSERT_TRUE(kiosk.fill("field:reference", "X"));
  ASSERT_TRUE(kiosk.tap("Check"));
  EXPECT_TRUE(kiosk.shows("No request with that reference was made at this kiosk"));
}

// Check progress as a resident finds it: the reference typed on its own
// keys (one tap a character, no shift, no page changes), and what Check
// finds on the screen at once, the keyboard gone, in plain words: the
// status as words, dates as words, the council's note as its own.
TEST_F(Resident, CheckProgressTakesATapACharacterAndShowsTheResultInPlainWords) {
  const auto reference = report_missed_bin();
  ASSERT_FALSE(reference.empty());
  auto& kiosk = *driver_;
  ASSERT_NO_FATAL_FAILURE(council_takes(
      kiosk.outbox(), reference, "WC-2026-000123",
      {{"u-1", "WC-2026-000123", "OPEN", "2026-11-22T12:00:00Z", ""},
       {"u-2", "WC-2026-000123", "INVESTIGATING", "2026-12-03T12:00:00Z", "A crew will look on Friday."}}));

  kiosk.start();
  ASSERT_TRUE(kiosk.tap("Check progress"));
  ASSERT_TRUE(kiosk.tap("field:reference"));
  EXPECT_EQ(kiosk.probe().find("key:shift"), nullptr) << "capitals without shift";
  EXPECT_EQ(kiosk.probe().find("key:symbols"), nullptr) << "digits without a page change";
  kiosk.screenshot("reference-keys");
  int taps = 0;
  for (const char c : reference) {
    ASSERT_TRUE(kiosk.tap(std::string("key:") + c));
    ++taps;
  }
  EXPECT_EQ(taps, static_cast<int>(reference.size())) << "one tap a character";
  EXPECT_EQ(kiosk.journey().fields.text, reference);
  ASSERT_TRUE(kiosk.tap("Check"));

  EXPECT_EQ(kiosk.probe().find("key:done"), nullptr) << "the keyboard goes: the result has the screen";
  const auto shown = kiosk.drawn_lines();
  const auto on_screen = [&](const std::string& text) {
    return std::find(shown.begin(), shown.end(), text) != shown.end();
  };
  EXPECT_TRUE(on_screen("Report a missed bin collection")) << "the result is in view, not below the fold";
  EXPECT_TRUE(on_screen(reference));
  EXPECT_TRUE(on_screen("The council has it."));
  kiosk.screenshot("result-in-view");
  EXPECT_TRUE(kiosk.shows("Being looked into"));
  EXPECT_TRUE(kiosk.shows("Received by the council"));
  EXPECT_TRUE(kiosk.shows("3 December 2026"));
  EXPECT_TRUE(kiosk.shows("The council wrote:"));
  EXPECT_TRUE(kiosk.shows("A crew will look on Friday."));
  for (const auto& line : kiosk.read_page()) {
    EXPECT_EQ(line.find("INVESTIGATING"), std::string::npos) << line;
    EXPECT_EQ(line.find("OPEN"), std::string::npos) << line;
    EXPECT_EQ(line.find("2026-1"), std::string::npos) << "an ISO date: " << line;
  }
  kiosk.screenshot("updates");
}

TEST_F(Resident, LargerTextIsBakedFontsAndTheLayoutStaysOnScreen) {
  auto& kiosk = *driver_;
  kiosk.start();
  const float standard = ImGui::GetIO().Fonts->Fonts[0]->FontSize;
  ASSERT_TRUE(kiosk.tap("Text size 200%"));
  EXPECT_EQ(kiosk.preferences().text_size, TextSize::Largest);
  EXPECT_FLOAT_EQ(ImGui::GetIO().Fonts->Fonts[0]->FontSize, standard * 2) << "a font baked at the size";
  EXPECT_FLOAT_EQ(ImGui::GetIO().FontGlobalScale, 1.0f) << "never scaled (blurry)";
  kiosk.screenshot("text-200");
  // Nothing runs off the right of the screen: labels wrap instead.
  for (const auto& item : kiosk.probe().items) {
    EXPECT_LE(item.x + item.width, static_cast<float>(kiosk.width())) << item.label;
    EXPECT_GE(item.height, 44.0f) << item.label;
  }
  ASSERT_TRUE(kiosk.tap("Report a pothole"));
  kiosk.screenshot("question-200");
  for (const auto& item : kiosk.probe().items) EXPECT_LE(item.x + item.width, static_cast<float>(kiosk.width())) << item.label;

  ASSERT_TRUE(kiosk.tap("Finish"));
  EXPECT_EQ(kiosk.preferences().text_size, TextSize::Standard) << "the next person starts at 100%";
  EXPECT_FLOAT_EQ(ImGui::GetIO().Fonts->Fonts[0]->FontSize, standard);
}

TEST_F(Resident, HighContrastSwitchesThePaletteUntilTheVisitEnds) {
  auto& kiosk = *driver_;
  kiosk.start();
  ASSERT_TRUE(kiosk.tap("High contrast"));
  EXPECT_TRUE(theme::high_contrast());
  kiosk.screenshot("high-contrast");
  ASSERT_TRUE(kiosk.tap("Finish"));
  EXPECT_FALSE(theme::high_contrast());
}

// The shared kiosk after two minutes alone: nothing the last person entered
// or chose remains, in the journey, on the screen, or in the look.
TEST(ResidentLeaves, AfterTwoMinutesNothingEnteredRemainsAnywhere) {
  test_support::TempFolder folder;
  auto now = std::make_shared<TimePoint>(*parse_iso8601("2026-11-22T12:00:00Z"));
  {
    KioskDriver kiosk(folder.path(), std::string(ONESERVICE_SCREENSHOT_DIR) + "/ResidentLeaves", clock_at(now));
    const float standard_font = ImGui::GetIO().Fonts->Fonts[0]->FontSize;
    kiosk.start("cy");
    ASSERT_TRUE(kiosk.tap("Text size 150%"));
    ASSERT_TRUE(kiosk.tap("High contrast"));
    ASSERT_TRUE(kiosk.tap("Rhoi gwybod am graffiti"));
    ASSERT_TRUE(kiosk.tap("Ie"));
    ASSERT_TRUE(kiosk.tap("Continue"));
    ASSERT_TRUE(kiosk.tap("Cysgodfan bws"));
    ASSERT_TRUE(kiosk.tap("Continue"));
    ASSERT_TRUE(kiosk.tap("Hyd at 1 metr sgwâr"));
    ASSERT_TRUE(kiosk.tap("Continue"));
    ASSERT_TRUE(kiosk.fill("field:location", "Zebedee Lane shelter"));
    ASSERT_TRUE(kiosk.tap("Continue"));
    ASSERT_TRUE(kiosk.fill("field:contact.first_name", "Zebedee"));
    ASSERT_TRUE(kiosk.fill("field:contact.email", "zebedee@example.org"));
    kiosk.screenshot("before");

    *now += std::chrono::seconds(121);
    kiosk.settle();
    kiosk.screenshot("after");
    const auto& journey = kiosk.journey();
    EXPECT_EQ(journey.page, Page::Attract);
    EXPECT_TRUE(journey.service_code.empty());
    EXPECT_TRUE(journey.client_id.empty());
    EXPECT_TRUE(journey.answers.empty());
    EXPECT_TRUE(journey.location.empty());
    EXPECT_TRUE(journey.contact.empty());
    EXPECT_TRUE(journey.fields.text.empty());
    EXPECT_TRUE(journey.fields.contact.empty());
    EXPECT_FALSE(journey.fields.lat.has_value());
    EXPECT_TRUE(journey.errors.empty());
    for (const auto& text : kiosk.probe().texts) EXPECT_EQ(text.find("Zebedee"), std::string::npos) << text;
    for (const auto& item : kiosk.probe().items) EXPECT_EQ(item.label.find("Zebedee"), std::string::npos);
    EXPECT_EQ(kiosk.preferences(), Preferences{}) << "language, size and colours back to the start";
    EXPECT_FALSE(theme::high_contrast());
    EXPECT_FLOAT_EQ(ImGui::GetIO().Fonts->Fonts[0]->FontSize, standard_font);
    EXPECT_FALSE(kiosk.probe().find("key:a")) << "the keyboard is put away";
    EXPECT_EQ(kiosk.outbox().counts().count(sync::RequestState::Queued) ? kiosk.outbox().counts().at(sync::RequestState::Queued) : 0, 0);
  }
}

}  // namespace
}  // namespace oneservice::kiosk::testing
