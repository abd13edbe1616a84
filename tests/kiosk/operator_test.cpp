// The operator screens through the real kiosk: a long press in the corner
// (on a clock the test moves, in the frame loop's own steps), the PIN pad,
// the operator screen with the queue, and the ways back out.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <memory>

#include "drawn_text.h"
#include "kiosk/theme.h"
#include "kiosk_driver.h"
#include "shared/clock.h"
#include "sync/delivery_queue.h"
#include "support/temp_folder.h"
#include "sync/outbox.h"

using namespace oneservice;
using namespace std::chrono_literals;
using oneservice::kiosk::OperatorSetup;
using oneservice::kiosk::testing::KioskDriver;
using oneservice::kiosk::testing::clock_at;

namespace {

class OperatorScreens : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    screenshots_ = std::string(ONESERVICE_SCREENSHOT_DIR) + "/" + info->name();
  }
  void TearDown() override {
    driver_.reset();
  }

  KioskDriver& start(const std::string& pin) {
    OperatorSetup setup;
    setup.pin = pin;
    setup.send_now = [this] { ++sends_; };
    setup.close_kiosk = [this] { ++closes_; };
    const Clock clock = clock_at(now_);
    driver_ = std::make_unique<KioskDriver>(data_dir_.path(), screenshots_, clock, false, std::nullopt, "", setup);
    driver_->outbox().set_clock(clock);
    return *driver_;
  }

  // A request queued `ago` before now; accepted `accepted_ago` before now if given.
  void queue_request(int n, std::chrono::minutes ago, std::optional<std::chrono::minutes> accepted_ago = {}) {
    const TimePoint now = *now_;
    auto& outbox = driver_->outbox();
    ServiceRequest request;
    request.client_id = "00000000-0000-4000-8000-00000000000" + std::to_string(n);
    request.service_code = "pothole";
    request.catalogue_version = "test";
    *now_ = now - ago;
    request.created_at = format_utc(*now_);
    outbox.enqueue(request);
    if (accepted_ago) {
      *now_ = now - *accepted_ago;
      // The push loop claims every request due; the others go back unanswered.
      sync::DeliveryQueue queue(outbox);
      std::vector<sync::Settlement> results;
      for (const auto& claimed : queue.settle_and_claim({}, "9999-12-31T23:59:59Z", 100)) {
        const auto& id = claimed.entry.client_id;
        results.push_back(id == request.client_id
                              ? sync::Settlement{id, sync::Settlement::Kind::Accepted, "council-" + std::to_string(n), "", ""}
                              : sync::Settlement{id, sync::Settlement::Kind::RetryLater, "", "not now", ""});
      }
      queue.settle_and_claim(results, "", 0);
      ASSERT_EQ(outbox.find(request.client_id)->state, sync::RequestState::Accepted);
    }
    *now_ = now;
  }

  void enter_pin(const std::string& digits) {
    for (const char digit : digits) ASSERT_TRUE(driver_->tap(std::string("pin:") + digit));
    ASSERT_TRUE(driver_->tap("Unlock"));
  }

  std::shared_ptr<TimePoint> now_ = std::make_shared<TimePoint>(*parse_iso8601("2026-11-22T12:00:00Z"));
  test_support::TempFolder data_dir_;
  std::string screenshots_;
  std::unique_ptr<KioskDriver> driver_;
  int sends_ = 0, closes_ = 0;
};

}  // namespace

TEST_F(OperatorScreens, ALongPressAndThePinOpenTheOperatorScreen) {
  auto& kiosk = start("4821");
  queue_request(1, 20h);
  queue_request(2, 6h, 4h);
  queue_request(3, 50min);
  ASSERT_TRUE(kiosk.shows("Touch to start"));
  EXPECT_FALSE(kiosk.loop_turn()) << "the idle start page draws nothing";

  kiosk.press_and_hold(40, 40, 1s, *now_);
  EXPECT_FALSE(kiosk.shows("Enter the operator PIN")) << "a short press does nothing";
  EXPECT_FALSE(kiosk.loop_turn()) << "and once lifted the loop sleeps again";
  EXPECT_TRUE(kiosk.press_and_hold(40, 40, 3s, *now_)) << "the loop ticks while the corner is held";
  ASSERT_TRUE(kiosk.shows("Enter the operator PIN"));
  EXPECT_FALSE(kiosk.shows("Touch to start")) << "the PIN pad replaces the page";
  kiosk.screenshot("pin-pad");

  for (const char digit : std::string("1234")) ASSERT_TRUE(kiosk.tap(std::string("pin:") + digit));
  EXPECT_TRUE(kiosk.shows("PIN entry: \u2022\u2022\u2022\u2022"));
  EXPECT_FALSE(kiosk.shows("1234")) << "digits are only ever shown as dots";
  kiosk.screenshot("pin-typed");
  ASSERT_TRUE(kiosk.tap("Unlock"));
  EXPECT_TRUE(kiosk.shows("That PIN is not right. 4 more tries before a wait."));
  EXPECT_FALSE(kiosk.shows("Kiosk operator"));
  kiosk.screenshot("pin-wrong");

  enter_pin("4821");
  ASSERT_TRUE(kiosk.shows("Kiosk operator"));
  EXPECT_TRUE(kiosk.shows("Queued: 2"));
  EXPECT_TRUE(kiosk.shows("Need attention: 0"));
  EXPECT_TRUE(kiosk.shows("Waiting now: 2"));
  EXPECT_TRUE(kiosk.shows("Requests, last 24 hours"));
  EXPECT_TRUE(kiosk.shows("24 hours ago"));
  kiosk.screenshot("operator");

  ASSERT_TRUE(kiosk.tap("Send now"));
  EXPECT_EQ(sends_, 1);
  EXPECT_TRUE(kiosk.shows("Sending started."));
  kiosk.screenshot("send-now");

  queue_request(4, 0min);
  *now_ += 30s;
  EXPECT_TRUE(kiosk.loop_turn());
  EXPECT_TRUE(kiosk.shows("Waiting now: 2")) << "the outbox is read once a minute, not every frame";
  *now_ += 31s;
  EXPECT_TRUE(kiosk.loop_turn());
  EXPECT_TRUE(kiosk.shows("Waiting now: 3"));
  EXPECT_TRUE(kiosk.shows("Queued: 3"));

  ASSERT_TRUE(kiosk.tap("Back to the kiosk"));
  EXPECT_TRUE(kiosk.shows("Touch to start"));
  EXPECT_FALSE(kiosk.needs_clock_ticks());
  EXPECT_EQ(closes_, 0);
}

TEST_F(OperatorScreens, HoldingAnywhereElseOrWithoutAPinDoesNothing) {
  auto& kiosk = start("");
  EXPECT_FALSE(kiosk.press_and_hold(40, 40, 4s, *now_)) << "no PIN configured: nothing to open";
  EXPECT_FALSE(kiosk.shows("Enter the operator PIN"));
  driver_.reset();

  auto& with_pin = start("4821");
  EXPECT_FALSE(with_pin.press_and_hold(640, 40, 4s, *now_)) << "the middle of the header";
  EXPECT_FALSE(with_pin.shows("Enter the operator PIN"));
  EXPECT_FALSE(with_pin.press_and_hold(640, 400, 4s, *now_)) << "the page: a touch that starts, however long";
  EXPECT_FALSE(with_pin.shows("Enter the operator PIN"));
}

TEST_F(OperatorScreens, TheScreenClosesItselfAndCloseTheKioskQuits) {
  auto& kiosk = start("4821");
  ASSERT_TRUE(kiosk.press_and_hold(40, 40, 3s, *now_));
  enter_pin("4821");
  ASSERT_TRUE(kiosk.shows("Kiosk operator"));
  *now_ += 179s;
  EXPECT_TRUE(kiosk.loop_turn());
  EXPECT_TRUE(kiosk.shows("Kiosk operator")) << "not yet";
  *now_ += 2s;
  EXPECT_TRUE(kiosk.loop_turn());
  kiosk.settle();
  EXPECT_TRUE(kiosk.shows("Touch to start")) << "left alone for 3 minutes, it closes";

  ASSERT_TRUE(kiosk.press_and_hold(40, 40, 3s, *now_));
  ASSERT_TRUE(kiosk.tap("Cancel"));
  EXPECT_TRUE(kiosk.shows("Touch to start"));
  ASSERT_TRUE(kiosk.press_and_hold(40, 40, 3s, *now_));
  enter_pin("4821");
  ASSERT_TRUE(kiosk.tap("Close the kiosk"));
  EXPECT_EQ(closes_, 1);
}

TEST_F(OperatorScreens, FiveWrongPinsLockThePadEvenAfterCancel) {
  auto& kiosk = start("4821");
  ASSERT_TRUE(kiosk.press_and_hold(40, 40, 3s, *now_));
  for (int attempt = 0; attempt < 4; ++attempt) enter_pin("0000");
  ASSERT_TRUE(kiosk.tap("Cancel"));
  ASSERT_TRUE(kiosk.press_and_hold(40, 40, 3s, *now_));
  enter_pin("0000");
  EXPECT_TRUE(kiosk.shows("Too many wrong PINs. Try again in 60 seconds."));
  EXPECT_EQ(kiosk.probe().find("pin:4"), nullptr) << "no keys while locked";
  kiosk.screenshot("locked");
  *now_ += 60s;
  EXPECT_TRUE(kiosk.loop_turn());
  kiosk.settle();
  enter_pin("4821");
  EXPECT_TRUE(kiosk.shows("Kiosk operator"));
}

TEST_F(OperatorScreens, OpenedFromTheWelshStartPageItSpeaksWelsh) {
  auto& kiosk = start("4821");
  kiosk.start("cy");
  queue_request(1, std::chrono::minutes(30));
  ASSERT_TRUE(kiosk.press_and_hold(40, 40, 3s, *now_));
  EXPECT_TRUE(kiosk.shows("Rhowch PIN y gweithredwr"));
  enter_pin("4821");
  EXPECT_TRUE(kiosk.shows("Gweithredwr y ciosg"));
  EXPECT_TRUE(kiosk.shows("Yn y ciw: 1"));
  EXPECT_TRUE(kiosk.shows("Yn aros nawr: 1"));
  EXPECT_FALSE(kiosk.shows("Kiosk operator"));
  kiosk.screenshot("operator-in-welsh");
}

// A quiet day: two requests, each taken by the council within the second
// it was made (as a kiosk online does), show on the chart as made.
TEST_F(OperatorScreens, ADayWithAFewRequestsShowsOnTheChart) {
  auto& kiosk = start("4821");
  queue_request(1, 3h, 3h);
  queue_request(2, 90min, 90min);
  ASSERT_TRUE(kiosk.press_and_hold(40, 40, 3s, *now_));
  enter_pin("4821");
  ASSERT_TRUE(kiosk.shows("Kiosk operator"));
  EXPECT_TRUE(kiosk.shows("Made in the hour"));
  EXPECT_TRUE(kiosk.shows("Waiting now: 0"));
  // The chart is right of the counts and "Send now" (also filled in the primary colour).
  const auto* send_now = kiosk.probe().find("Send now");
  ASSERT_NE(send_now, nullptr);
  int bars = 0;
  for (const auto& rect : kiosk::testing::filled_rects(*ImGui::GetDrawData(), kiosk::theme::palette().primary))
    if (rect.x > send_now->x + send_now->width && rect.w - rect.y > 40) ++bars;  // not the key's square
  EXPECT_EQ(bars, 2) << "one bar for each hour a request was made in";
  kiosk.screenshot("quiet-day");
}
