// Headless journeys through the real kiosk: taps and typing as SDL events,
// a screenshot at each step (build/<preset>/tests/kiosk/screenshots/), and
// the outbox checked at the end.
#include <SDL.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "drawn_text.h"
#include "kiosk/theme.h"
#include "kiosk_driver.h"
#include "shared/clock.h"
#include "support/temp_folder.h"
#include "sync/outbox.h"
#include "support/stored_request.h"

using namespace oneservice;
using oneservice::kiosk::Page;
using oneservice::kiosk::testing::KioskDriver;
using oneservice::kiosk::testing::clock_at;
using oneservice::kiosk::testing::fixed_clock;
using oneservice::kiosk::testing::kTestPin;
using oneservice::kiosk::testing::reach_pothole_location;
using oneservice::kiosk::testing::with_pin;

namespace {

class KioskJourney : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    driver_ = std::make_unique<KioskDriver>(data_.path(), std::string(ONESERVICE_SCREENSHOT_DIR) + "/" + info->name(),
                                            fixed_clock());
    driver_->start();
  }
  void TearDown() override { driver_.reset(); }

  test_support::TempFolder data_;
  std::unique_ptr<KioskDriver> driver_;
};

std::string single(const Answers& answers, const std::string& code) {
  const auto found = answers.find(code);
  if (found == answers.end()) return "<none>";
  const auto* text = std::get_if<std::string>(&found->second);
  return text ? *text : "<list>";
}

}  // namespace

TEST_F(KioskJourney, PotholeFromStartToOutboxWithAnErrorCorrected) {
  auto& kiosk = *driver_;
  kiosk.screenshot("choose-service");
  ASSERT_TRUE(kiosk.shows("What do you want to do?"));

  ASSERT_TRUE(kiosk.tap("Report a pothole"));
  EXPECT_TRUE(kiosk.shows("Is the pothole in the road or on the pavement?"));
  ASSERT_TRUE(kiosk.tap("Continue"));  // nothing chosen yet
  EXPECT_TRUE(kiosk.shows("There is a problem"));
  EXPECT_TRUE(kiosk.shows("Select if the pothole is in the road or on the pavement"));
  kiosk.screenshot("pothole-error");
  ASSERT_TRUE(kiosk.tap("In the road"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  EXPECT_FALSE(kiosk.shows("There is a problem"));

  ASSERT_TRUE(kiosk.tap("About the size of a dinner plate"));

  ASSERT_TRUE(kiosk.tap("Continue"));

  ASSERT_TRUE(kiosk.fill("field:depth_cm", "deep"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  EXPECT_TRUE(kiosk.shows("Depth in centimetres must be a number"));
  EXPECT_EQ(kiosk.journey().fields.text, "deep") << "what the resident typed must stay";
  kiosk.screenshot("depth-error");
  // The summary's entry is a link to the question: it focuses the field.
  ASSERT_TRUE(kiosk.tap("error:depth_cm"));
  EXPECT_TRUE(kiosk.probe().find("key:backspace")) << "the keyboard is up for the field";
  ASSERT_TRUE(kiosk.tap("field:depth_cm"));
  for (int i = 0; i < 4; ++i) kiosk.press_key(SDL_SCANCODE_BACKSPACE);
  kiosk.type("7.5");
  ASSERT_TRUE(kiosk.tap("Continue"));
  EXPECT_FALSE(kiosk.shows("There is a problem"));

  EXPECT_TRUE(kiosk.shows("Anything else we should know? (optional)"));
  ASSERT_TRUE(kiosk.fill("field:more_details", "Near the bus stop – by the café"));
  kiosk.screenshot("more-details");
  ASSERT_TRUE(kiosk.tap("Continue"));

  EXPECT_TRUE(kiosk.shows("Where is the pothole?"));
  ASSERT_TRUE(kiosk.tap("Continue"));  // no location yet
  EXPECT_TRUE(kiosk.shows("There is a problem"));
  ASSERT_TRUE(kiosk.fill("field:location", "Outside 12 High Street, Ashcombe"));
  kiosk.screenshot("location");
  ASSERT_TRUE(kiosk.tap("Continue"));

  EXPECT_TRUE(kiosk.shows("Can the council contact you about this? (optional)"));
  ASSERT_TRUE(kiosk.fill("field:contact.email", "sam@"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  EXPECT_TRUE(kiosk.shows("Enter an email address in the correct format, like name@example.com"));
  EXPECT_EQ(kiosk.journey().fields.contact.email, "sam@") << "what the resident typed must stay";
  ASSERT_TRUE(kiosk.tap("field:contact.email"));
  kiosk.type("example.org");
  kiosk.screenshot("contact");
  ASSERT_TRUE(kiosk.tap("Continue"));

  ASSERT_EQ(kiosk.journey().page, Page::CheckAnswers);
  EXPECT_TRUE(kiosk.shows("In the road"));
  EXPECT_TRUE(kiosk.shows("7.5"));
  kiosk.screenshot("check-answers");
  ASSERT_TRUE(kiosk.tap("Send report"));

  ASSERT_EQ(kiosk.journey().page, Page::Confirmation);
  const std::string reference = kiosk.journey().reference;
  EXPECT_TRUE(kiosk.shows(reference));
  EXPECT_TRUE(kiosk.journey().answers.empty()) << "answers are forgotten once saved";
  kiosk.screenshot("confirmation");

  // The request is in the outbox, queued, with what was entered.
  const auto entry = kiosk.outbox().find_by_reference(reference);
  ASSERT_TRUE(entry.has_value());
  const auto stored = oneservice::sync::test::stored_request(kiosk.outbox(), *entry);
  EXPECT_EQ(entry->state, sync::RequestState::Queued);
  EXPECT_EQ(stored.service_code, "pothole");
  EXPECT_EQ(stored.channel, Channel::Kiosk);
  EXPECT_EQ(single(stored.answers, "road_or_pavement"), "road");
  EXPECT_EQ(single(stored.answers, "pothole_size"), "about_plate");
  EXPECT_EQ(single(stored.answers, "depth_cm"), "7.5");
  EXPECT_EQ(single(stored.answers, "more_details"), "Near the bus stop – by the café");
  EXPECT_EQ(stored.location.address_string, "Outside 12 High Street, Ashcombe");
  EXPECT_EQ(stored.contact.email, "sam@example.org");
  EXPECT_EQ(stored.created_at, "2026-11-22T12:00:00Z");

  ASSERT_TRUE(kiosk.tap("Finish"));
  EXPECT_EQ(kiosk.journey().page, Page::Attract);
  EXPECT_TRUE(kiosk.shows("Touch to start"));
  EXPECT_FALSE(kiosk.shows(reference));
}

TEST_F(KioskJourney, SpeedingTrafficConditionalQuestionAndChangeFromCheckPage) {
  auto& kiosk = *driver_;
  ASSERT_TRUE(kiosk.tap("Report speeding traffic"));
  EXPECT_TRUE(kiosk.shows("call 999"));
  kiosk.screenshot("information");
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("30mph"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("A road through a village or housing estate"));
  ASSERT_TRUE(kiosk.tap("Continue"));

  // 30mph through a village: the Community Speedwatch question appears.
  EXPECT_TRUE(kiosk.shows("Community Speedwatch"));
  kiosk.screenshot("speedwatch");
  ASSERT_TRUE(kiosk.tap("Yes"));
  ASSERT_TRUE(kiosk.tap("Continue"));

  ASSERT_TRUE(kiosk.tap("Morning rush hour"));
  ASSERT_TRUE(kiosk.tap("Evening rush hour"));
  kiosk.screenshot("time-of-day");
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.fill("field:vehicles_per_hour", "12.5"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  EXPECT_TRUE(kiosk.shows("Speeding vehicles in an hour must be a whole number"));
  ASSERT_TRUE(kiosk.tap("field:vehicles_per_hour"));
  for (int i = 0; i < 4; ++i) kiosk.press_key(SDL_SCANCODE_BACKSPACE);
  ASSERT_TRUE(kiosk.tap("Continue"));  // optional: left empty

  // A date in the future is refused, then corrected.
  ASSERT_TRUE(kiosk.fill("field:last_seen.Day", "20"));
  ASSERT_TRUE(kiosk.fill("field:last_seen.Month", "11"));
  ASSERT_TRUE(kiosk.fill("field:last_seen.Year", "2027"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  EXPECT_TRUE(kiosk.shows("Last seen must be today or in the past"));
  kiosk.screenshot("date-error");
  ASSERT_TRUE(kiosk.tap("field:last_seen.Year"));
  kiosk.press_key(SDL_SCANCODE_BACKSPACE);
  kiosk.type("6");
  ASSERT_TRUE(kiosk.fill("field:last_seen.Hour", "8"));
  ASSERT_TRUE(kiosk.fill("field:last_seen.Minute", "15"));
  ASSERT_TRUE(kiosk.tap("Continue"));

  ASSERT_TRUE(kiosk.fill("field:location", "Church Lane, Little Hembury"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("Continue"));  // no contact details
  ASSERT_EQ(kiosk.journey().page, Page::CheckAnswers);
  EXPECT_TRUE(kiosk.shows("Community Speedwatch"));
  EXPECT_TRUE(kiosk.shows("Not provided"));  // vehicles per hour
  kiosk.screenshot("check-answers");

  // Change the speed limit: the Speedwatch question no longer applies.
  ASSERT_TRUE(kiosk.tap("Change speed_limit"));
  EXPECT_TRUE(kiosk.shows("What is the speed limit on the road?"));
  ASSERT_TRUE(kiosk.tap("40mph"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_EQ(kiosk.journey().page, Page::CheckAnswers) << "Change returns to the check page";
  EXPECT_FALSE(kiosk.probe().find("Change speedwatch"));
  kiosk.screenshot("check-after-change");

  // And back to 30mph: the Speedwatch question is asked again before the check page.
  ASSERT_TRUE(kiosk.tap("Change speed_limit"));
  ASSERT_TRUE(kiosk.tap("30mph"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_EQ(kiosk.journey().page, Page::Question);
  EXPECT_EQ(kiosk.journey().question_code, "speedwatch");
  ASSERT_TRUE(kiosk.tap("No"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_EQ(kiosk.journey().page, Page::CheckAnswers);
  ASSERT_TRUE(kiosk.tap("Send report"));
  ASSERT_EQ(kiosk.journey().page, Page::Confirmation);

  const auto entry = kiosk.outbox().find_by_reference(kiosk.journey().reference);
  ASSERT_TRUE(entry.has_value());
  const auto stored = oneservice::sync::test::stored_request(kiosk.outbox(), *entry);
  const auto& answers = stored.answers;
  EXPECT_EQ(single(answers, "speed_limit"), "30");
  EXPECT_EQ(single(answers, "speedwatch"), "no");
  EXPECT_EQ(answers.count("vehicles_per_hour"), 0u);
  EXPECT_EQ(answers.count("danger_now"), 0u) << "information is not an answer";
  ASSERT_EQ(answers.count("time_of_day"), 1u);
  EXPECT_EQ(std::get<std::vector<std::string>>(answers.at("time_of_day")),
            (std::vector<std::string>{"morning_rush", "evening_rush"}));
  const auto last_seen = parse_iso8601(single(answers, "last_seen"));
  ASSERT_TRUE(last_seen.has_value());
  EXPECT_LT(*last_seen, *parse_iso8601("2026-11-21T00:00:00Z"));
  EXPECT_GT(*last_seen, *parse_iso8601("2026-11-19T12:00:00Z"));
}

TEST_F(KioskJourney, EveryControlIsAtLeast44PixelsSquare) {
  auto& kiosk = *driver_;
  kiosk.expect_touch_targets("choose service");
  ASSERT_TRUE(kiosk.tap("Report speeding traffic"));
  kiosk.expect_touch_targets("information");
  ASSERT_TRUE(kiosk.tap("Continue"));
  kiosk.expect_touch_targets("speed limit");
}

// The pages the journey above does not reach: the 44 px floor holds on
// every kind of page, with their errors showing where they have them.
TEST(KioskTouchTargets, EveryKindOfPageHas44PixelControls) {
  test_support::TempFolder folder;
  auto now = std::make_shared<TimePoint>(*parse_iso8601("2026-11-22T12:00:00Z"));
  KioskDriver kiosk(folder.path(), std::string(ONESERVICE_SCREENSHOT_DIR) + "/KioskTouchTargets", clock_at(now),
                    false, std::nullopt, "", with_pin());
  kiosk.expect_touch_targets("the attract page");
  ASSERT_TRUE(kiosk.tap("Start / Dechrau"));
  kiosk.expect_touch_targets("the language page");
  ASSERT_TRUE(kiosk.tap("English"));

  ASSERT_TRUE(kiosk.tap("Check progress"));
  kiosk.expect_touch_targets("tracking");
  ASSERT_TRUE(kiosk.fill("field:reference", "OS-AAAA-BBBB"));
  ASSERT_TRUE(kiosk.tap("Check"));
  kiosk.expect_touch_targets("tracking, reference not found");
  ASSERT_TRUE(kiosk.tap("Back"));

  ASSERT_TRUE(kiosk.press_and_hold(40, 40, std::chrono::seconds(3), *now));
  kiosk.expect_touch_targets("the PIN pad");
  for (const char digit : std::string(kTestPin)) ASSERT_TRUE(kiosk.tap(std::string("pin:") + digit));
  ASSERT_TRUE(kiosk.tap("Unlock"));
  ASSERT_TRUE(kiosk.shows("Kiosk operator"));
  kiosk.expect_touch_targets("the operator screen");
  ASSERT_TRUE(kiosk.tap("Back to the kiosk"));

  reach_pothole_location(kiosk);
  ASSERT_NE(kiosk.probe().find("Zoom in"), nullptr) << "the map and its buttons";
  kiosk.expect_touch_targets("the location page");
  ASSERT_TRUE(kiosk.tap("Continue"));
  kiosk.expect_touch_targets("the location page with an error");
  ASSERT_TRUE(kiosk.fill("field:place-search", "hemb"));
  kiosk.expect_touch_targets("the location page's search results");
  ASSERT_TRUE(kiosk.tap("place:Little Hembury Parish Council"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_EQ(kiosk.journey().page, Page::Contact);
  kiosk.expect_touch_targets("the contact page");
  ASSERT_TRUE(kiosk.fill("field:contact.email", "not an email"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  kiosk.expect_touch_targets("the contact page with an error");
}

namespace {

// A pothole report half-way: "12" typed on the depth question, not sent.
void type_pothole_depth(KioskDriver& kiosk) {
  kiosk.start();
  ASSERT_TRUE(kiosk.tap("Report a pothole"));
  ASSERT_TRUE(kiosk.tap("In the road"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("Smaller than a dinner plate"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.fill("field:depth_cm", "12"));
}

}  // namespace

TEST(KioskInactivity, AQuietKioskAsksThenForgetsEverything) {
  test_support::TempFolder folder;
  auto now = std::make_shared<TimePoint>(*parse_iso8601("2026-11-22T12:00:00Z"));
  {
    KioskDriver kiosk(folder.path(), std::string(ONESERVICE_SCREENSHOT_DIR) + "/KioskInactivity", clock_at(now));
    ASSERT_NO_FATAL_FAILURE(type_pothole_depth(kiosk));

    *now += std::chrono::seconds(60);
    kiosk.settle();
    EXPECT_FALSE(kiosk.shows("Do you need more time?")) << "a minute's pause is not idle";

    *now += std::chrono::seconds(35);  // 95 s without a touch
    kiosk.settle();
    EXPECT_TRUE(kiosk.shows("Do you need more time?"));
    EXPECT_TRUE(kiosk.shows("cleared in 25 seconds"));
    kiosk.expect_touch_targets("more time");
    kiosk.screenshot("more-time");
    ASSERT_TRUE(kiosk.tap("Yes, I need more time"));
    EXPECT_FALSE(kiosk.shows("Do you need more time?"));
    EXPECT_EQ(kiosk.journey().fields.text, "12") << "asking for time keeps everything";

    // The page's countdown is the truth: everything stays until it ends.
    *now += std::chrono::seconds(119);
    kiosk.settle();
    EXPECT_TRUE(kiosk.shows("cleared in 1 second."));
    EXPECT_EQ(kiosk.journey().page, Page::Question) << "119 s: not yet";
    EXPECT_EQ(kiosk.journey().fields.text, "12");
    EXPECT_FALSE(kiosk.journey().answers.empty());
    *now += std::chrono::seconds(1);
    kiosk.settle();
    EXPECT_EQ(kiosk.journey().page, Page::Attract);
    EXPECT_TRUE(kiosk.journey().answers.empty());
    EXPECT_TRUE(kiosk.journey().fields.text.empty());
    EXPECT_TRUE(kiosk.journey().client_id.empty());
    EXPECT_FALSE(kiosk.shows("12"));
    EXPECT_FALSE(kiosk.shows("Do you need more time?"));
    EXPECT_TRUE(kiosk.shows("Touch to start"));
    kiosk.screenshot("cleared");
    EXPECT_EQ(kiosk.outbox().counts().at(sync::RequestState::Queued), 0) << "nothing half-made was sent";
  }
}

TEST(KioskInactivity, FinishNowOnTheWarningForgetsEverythingAtOnce) {
  test_support::TempFolder folder;
  auto now = std::make_shared<TimePoint>(*parse_iso8601("2026-11-22T12:00:00Z"));
  KioskDriver kiosk(folder.path(), std::string(ONESERVICE_SCREENSHOT_DIR) + "/KioskInactivityFinishNow",
                    clock_at(now));
  ASSERT_NO_FATAL_FAILURE(type_pothole_depth(kiosk));

  *now += std::chrono::seconds(95);
  kiosk.settle();
  ASSERT_TRUE(kiosk.shows("Do you need more time?"));
  ASSERT_TRUE(kiosk.tap("No, finish now"));
  EXPECT_EQ(kiosk.journey().page, Page::Attract) << "no waiting for the countdown";
  EXPECT_TRUE(kiosk.journey().answers.empty());
  EXPECT_TRUE(kiosk.journey().fields.text.empty());
  EXPECT_FALSE(kiosk.shows("Do you need more time?"));
  EXPECT_TRUE(kiosk.shows("Touch to start"));
  kiosk.screenshot("finished-now");
}

// A mistake found on Continue is seen: typed with the on-screen keyboard
// up, the page is half a screen tall and scrolled down to Continue; after
// it the page comes back to "There is a problem" with the keyboard closed,
// and the question in error has GOV.UK's red bar down its left.
TEST_F(KioskJourney, AMistakeBringsTheSummaryIntoViewAndMarksTheQuestion) {
  auto& kiosk = *driver_;
  for (const char* label : {"Report speeding traffic", "Continue", "30mph", "Continue",
                            "A road through a village or housing estate", "Continue", "Yes", "Continue",
                            "Morning rush hour", "Continue"})
    ASSERT_TRUE(kiosk.tap(label)) << label;
  ASSERT_TRUE(kiosk.fill("field:vehicles_per_hour", "12.5"));
  ASSERT_NE(kiosk.probe().find("key:done"), nullptr) << "typed on the on-screen keyboard";
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_EQ(kiosk.journey().errors.size(), 1u);
  EXPECT_EQ(kiosk.probe().find("key:done"), nullptr) << "the keyboard closes: the page has the whole screen";
  const auto* summary = kiosk.probe().find("error:vehicles_per_hour");
  ASSERT_NE(summary, nullptr);
  EXPECT_GE(summary->y, 96.0f) << "below the header";
  EXPECT_LE(summary->y + summary->height, static_cast<float>(kiosk.height())) << "the summary's link is in view";
  bool title_shown = false;
  for (const auto& line : kiosk.drawn_lines()) title_shown = title_shown || line == "There is a problem";
  EXPECT_TRUE(title_shown) << "\"There is a problem\" is drawn on the screen, not only somewhere on the page";
  kiosk.screenshot("summary-in-view");

  // The bar runs down the left of the question, beside its field.
  ASSERT_TRUE(kiosk.reveal("field:vehicles_per_hour"));
  const auto* field = kiosk.probe().find("field:vehicles_per_hour");
  bool marked = false;
  for (const auto& bar : oneservice::kiosk::testing::filled_rects(*ImGui::GetDrawData(),
                                                                   oneservice::kiosk::theme::palette().error)) {
    const float width = bar.z - bar.x;
    marked = marked || (width >= 4 && width <= 6 && bar.z <= field->x && bar.y <= field->y &&
                        bar.w >= field->y + field->height);
  }
  EXPECT_TRUE(marked) << "a red bar left of the question's field";
  kiosk.screenshot("question-marked");

  ASSERT_TRUE(kiosk.tap("field:vehicles_per_hour"));
  for (int i = 0; i < 4; ++i) kiosk.press_key(SDL_SCANCODE_BACKSPACE);
  kiosk.type("12");
  ASSERT_TRUE(kiosk.tap("Continue"));
  EXPECT_EQ(kiosk.journey().question_code, "last_seen") << "corrected, it moves on";
}
