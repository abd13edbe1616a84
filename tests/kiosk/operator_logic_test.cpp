// The operator's way in without a screen: the corner hold, the PIN check
// with its lockout, and the PIN setting in the config file.
#include <gtest/gtest.h>

#include <fstream>

#include "kiosk/operator/corner_press.h"
#include "kiosk/operator/pin_check.h"
#include "kiosk/options.h"
#include "support/temp_folder.h"

using namespace oneservice;
using namespace oneservice::kiosk;
using namespace std::chrono_literals;

namespace {

const TimePoint kStart = *parse_iso8601("2026-11-22T12:00:00Z");

}  // namespace

TEST(CornerPress, HeldStillInTheCornerForThreeSecondsItFiresOnce) {
  CornerPress corner;
  EXPECT_FALSE(corner.update(true, 30, 40, kStart));
  EXPECT_TRUE(corner.holding());
  EXPECT_FALSE(corner.update(true, 35, 42, kStart + 2999ms)) << "not yet";
  EXPECT_TRUE(corner.update(true, 35, 42, kStart + 3s));
  EXPECT_FALSE(corner.holding());
  EXPECT_FALSE(corner.update(true, 35, 42, kStart + 10s)) << "once per press";
  corner.update(false, 35, 42, kStart + 11s);
  EXPECT_FALSE(corner.update(true, 10, 10, kStart + 12s));
  EXPECT_TRUE(corner.update(true, 10, 10, kStart + 15s)) << "a new press can fire again";
}

TEST(CornerPress, LiftingOrLeavingTheCornerCancels) {
  CornerPress corner;
  corner.update(true, 30, 40, kStart);
  corner.update(false, 30, 40, kStart + 2s);
  EXPECT_FALSE(corner.update(true, 30, 40, kStart + 2500ms)) << "a new press starts counting again";
  EXPECT_FALSE(corner.update(true, 30, 40, kStart + 5s)) << "only 2.5 s since it began";

  CornerPress moved;
  moved.update(true, 30, 40, kStart);
  EXPECT_FALSE(moved.update(true, 200, 40, kStart + 1s));
  EXPECT_FALSE(moved.holding());
  EXPECT_FALSE(moved.update(true, 30, 40, kStart + 4s)) << "coming back does not resume the hold";
}

TEST(CornerPress, APressThatBeganElsewhereNeverCounts) {
  CornerPress corner;
  EXPECT_FALSE(corner.update(true, 600, 400, kStart));
  EXPECT_FALSE(corner.holding());
  EXPECT_FALSE(corner.update(true, 30, 40, kStart + 1s));
  EXPECT_FALSE(corner.update(true, 30, 40, kStart + 5s));
  EXPECT_FALSE(corner.update(true, -1e30f, -1e30f, kStart + 6s)) << "a pointer off the window";
}

TEST(PinCheck, FormatIsFourToEightDigits) {
  EXPECT_TRUE(is_valid_pin("4821"));
  EXPECT_TRUE(is_valid_pin("01234567"));
  EXPECT_FALSE(is_valid_pin("482"));
  EXPECT_FALSE(is_valid_pin("012345678"));
  EXPECT_FALSE(is_valid_pin("48a1"));
  EXPECT_FALSE(is_valid_pin(" 4821"));
  EXPECT_FALSE(is_valid_pin(""));
}

TEST(PinCheck, OnlyTheWholePinMatches) {
  EXPECT_TRUE(pins_match("4821", "4821"));
  EXPECT_FALSE(pins_match("482", "4821"));
  EXPECT_FALSE(pins_match("48210", "4821"));
  EXPECT_FALSE(pins_match("4820", "4821"));
  EXPECT_FALSE(pins_match("482100000", "48210000")) << "longer than any PIN";
  EXPECT_FALSE(pins_match("", "")) << "no PIN configured opens nothing";
}

TEST(PinCheck, FiveWrongPinsLockForAMinuteEvenTheRightOne) {
  PinGuard guard;
  for (int attempt = 1; attempt <= 4; ++attempt)
    EXPECT_EQ(guard.check("0000", "4821", kStart + std::chrono::seconds(attempt)), PinResult::Refused) << attempt;
  EXPECT_EQ(guard.check("0000", "4821", kStart + 5s), PinResult::LockedOut);
  EXPECT_TRUE(guard.locked(kStart + 5s));
  EXPECT_EQ(guard.seconds_locked(kStart + 5s), 60);
  EXPECT_EQ(guard.check("4821", "4821", kStart + 64s), PinResult::LockedOut) << "not checked while locked";
  EXPECT_EQ(guard.seconds_locked(kStart + 64s), 1);
  EXPECT_FALSE(guard.locked(kStart + 65s));
  EXPECT_EQ(guard.check("4821", "4821", kStart + 65s), PinResult::Accepted);
}

TEST(PinCheck, TheRightPinStartsTheCountAgain) {
  PinGuard guard;
  for (int attempt = 0; attempt < 4; ++attempt) guard.check("1111", "4821", kStart);
  EXPECT_EQ(guard.check("4821", "4821", kStart), PinResult::Accepted);
  for (int attempt = 0; attempt < 4; ++attempt) EXPECT_EQ(guard.check("1111", "4821", kStart), PinResult::Refused);
}

namespace {

ParsedOptions with_config(const test_support::TempFolder& folder, const std::string& json) {
  const auto path = folder.file("kiosk.json");
  std::ofstream(path) << json;
  return parse_options({"--config", path});
}

}  // namespace

TEST(OperatorPinSetting, DigitsAsTextAreTaken) {
  test_support::TempFolder folder;
  const auto parsed = with_config(folder, R"({"operator_pin": "04821"})");
  EXPECT_EQ(parsed.error, "");
  EXPECT_EQ(parsed.options.operator_pin, "04821");
  EXPECT_EQ(with_config(folder, "{}").options.operator_pin, "") << "none set: the screen stays shut";
}

TEST(OperatorPinSetting, AnythingElseIsRefusedWithoutQuotingIt) {
  test_support::TempFolder folder;
  for (const std::string pin : {R"("48x21")", R"("482")", R"("123456789")", "4821", R"("")"}) {
    const auto parsed = with_config(folder, R"({"operator_pin": )" + pin + "}");
    EXPECT_NE(parsed.error.find("operator_pin must be 4 to 8 digits written as text"), std::string::npos)
        << pin << ": " << parsed.error;
    const std::string value = pin.front() == '"' ? pin.substr(1, pin.size() - 2) : pin;
    const std::string after_path = parsed.error.substr(parsed.error.find(", operator_pin"));
    if (!value.empty()) {
      EXPECT_EQ(after_path.find(value), std::string::npos) << parsed.error;
    }
  }
}

TEST(TimeoutSettings, WholeSecondsAreTaken) {
  test_support::TempFolder folder;
  const auto parsed = with_config(folder, R"({"warn_after_seconds": 60, "clear_after_seconds": 90.0})");
  EXPECT_EQ(parsed.error, "");
  EXPECT_EQ(parsed.options.warn_after_seconds, 60);
  EXPECT_EQ(parsed.options.clear_after_seconds, 90);
}

// Found by fuzz/kiosk_config: 1e300 was undefined behaviour (a float cast to
// int) and 4294967386 wrapped round to 90, a timeout nobody wrote.
TEST(TimeoutSettings, NumbersNoTimeoutCanHoldAreRefused) {
  test_support::TempFolder folder;
  for (const std::string seconds : {"1e300", "4294967386", "-1e300", "2147483648", "90.5", R"("90")", "null"}) {
    const auto parsed = with_config(folder, R"({"warn_after_seconds": 60, "clear_after_seconds": )" + seconds + "}");
    EXPECT_NE(parsed.error.find("clear_after_seconds must be a whole number of seconds"), std::string::npos)
        << seconds << ": " << parsed.error;
  }
}

TEST(RendererSetting, UnsetLeavesTheChoiceToTheKioskAndEitherValueForcesIt) {
  test_support::TempFolder folder;
  EXPECT_FALSE(with_config(folder, "{}").options.software_renderer.has_value())
      << "no setting: chosen from the machine (platform/renderer_choice.h)";
  EXPECT_EQ(with_config(folder, R"({"software_renderer": false})").options.software_renderer, false);
  EXPECT_EQ(with_config(folder, R"({"software_renderer": true})").options.software_renderer, true);
  EXPECT_EQ(parse_options({"--software-renderer"}).options.software_renderer, true);
}
