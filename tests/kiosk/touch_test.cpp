// Touch only, as at a kiosk with no physical keyboard: typing on the
// on-screen keyboard (Welsh letters included) into real journeys, the keys
// each kind of field gets, and dragging a long page with a finger.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <memory>
#include <string>

#include "kiosk/on_screen_keyboard.h"
#include "kiosk_driver.h"
#include "support/temp_folder.h"

using namespace oneservice;
using oneservice::kiosk::Page;
using oneservice::kiosk::testing::KioskDriver;
using oneservice::kiosk::testing::clock_at;

namespace {

class Touch : public ::testing::Test {
 protected:
  Touch()
      : now_(std::make_shared<TimePoint>(*parse_iso8601("2026-11-22T12:00:00Z"))),
        kiosk_(data_.path(),
               std::string(ONESERVICE_SCREENSHOT_DIR) + "/" +
                   ::testing::UnitTest::GetInstance()->current_test_info()->name(),
               clock_at(now_)) {
    kiosk_.start();
  }

  // Taps each key in turn, failing the test at the first one not shown.
  void tap_keys(std::initializer_list<const char*> names) {
    for (const char* name : names) ASSERT_TRUE(kiosk_.tap(std::string("key:") + name));
  }

  // Through the pothole's first questions to its depth (a number).
  void reach_pothole_depth() {
    ASSERT_TRUE(kiosk_.tap("Report a pothole"));
    ASSERT_TRUE(kiosk_.tap("In the road"));
    ASSERT_TRUE(kiosk_.tap("Continue"));
    ASSERT_TRUE(kiosk_.tap("About the size of a dinner plate"));
    ASSERT_TRUE(kiosk_.tap("Continue"));
    ASSERT_EQ(kiosk_.journey().question_code, "depth_cm");
  }

  bool keyboard_shown() const { return kiosk_.probe().find("key:done") != nullptr; }

  // Every key drawn is large enough to hit with a finger.
  void expect_large_keys(const std::string& where) {
    int keys = 0;
    for (const auto& item : kiosk_.probe().items) {
      if (item.label.rfind("key:", 0) != 0) continue;
      ++keys;
      EXPECT_GE(item.width, 44.0f) << item.label << " on " << where;
      EXPECT_GE(item.height, 64.0f) << item.label << " on " << where;
    }
    EXPECT_GT(keys, 10) << where;
  }

  // The focused field is above the keyboard, not hidden under it.
  void expect_in_view(const std::string& field) {
    const auto* item = kiosk_.probe().find(field);
    const auto* key = kiosk_.probe().find("key:done");
    ASSERT_TRUE(item && key);
    EXPECT_GE(item->y, 96.0f) << field;
    float keyboard_top = key->y;
    for (const auto& control : kiosk_.probe().items)
      if (control.label.rfind("key:", 0) == 0) keyboard_top = std::min(keyboard_top, control.y);
    EXPECT_LE(item->y + item->height, keyboard_top) << field << " is under the keyboard";
  }

  test_support::TempFolder data_;
  std::shared_ptr<TimePoint> now_;
  KioskDriver kiosk_;
};

std::string answer(const Answers& answers, const std::string& code) {
  const auto found = answers.find(code);
  const auto* text = found == answers.end() ? nullptr : std::get_if<std::string>(&found->second);
  return text ? *text : "<none>";
}

}  // namespace

TEST_F(Touch, WelshLettersTypedOnTheScreenKeyboardBecomeTheAnswer) {
  ASSERT_NO_FATAL_FAILURE(reach_pothole_depth());

  // A number: the number pad.
  EXPECT_FALSE(keyboard_shown()) << "no keyboard before a field is tapped";
  ASSERT_TRUE(kiosk_.tap("field:depth_cm"));
  ASSERT_TRUE(keyboard_shown());
  EXPECT_FALSE(kiosk_.probe().find("key:q"));
  expect_in_view("field:depth_cm");
  expect_large_keys("number pad");
  tap_keys({"7", ".", "5"});
  EXPECT_EQ(kiosk_.journey().fields.text, "7.5");
  kiosk_.screenshot("number-pad");
  ASSERT_TRUE(kiosk_.tap("Continue"));  // above the keyboard, scrolled to
  ASSERT_EQ(kiosk_.journey().question_code, "more_details");
  EXPECT_FALSE(keyboard_shown()) << "the keyboard goes with its field";

  // Words: letters, a one-shot shift, the accents page, backspace.
  ASSERT_TRUE(kiosk_.tap("field:more_details"));
  expect_in_view("field:more_details");
  expect_large_keys("letters");
  EXPECT_FALSE(kiosk_.probe().find("key:T"));
  tap_keys({"shift", "T"});
  EXPECT_TRUE(kiosk_.probe().find("key:t")) << "shift lasts one letter";
  tap_keys({"accents"});
  expect_large_keys("accents");
  kiosk_.screenshot("accents");
  tap_keys({"ŷ", "space", "letters", "d", "accents", "ŵ", "letters", "r", "x", "backspace"});
  EXPECT_EQ(kiosk_.journey().fields.text, "Tŷ dŵr");
  tap_keys({"accents", "shift"});
  kiosk_.screenshot("accents-shift");
  tap_keys({"Ŵ"});
  EXPECT_EQ(kiosk_.journey().fields.text, "Tŷ dŵrŴ");
  EXPECT_TRUE(kiosk_.probe().find("key:ŵ")) << "shift lasts one letter on the accents page too";
  tap_keys({"backspace"});
  EXPECT_EQ(kiosk_.journey().fields.text, "Tŷ dŵr") << "backspace takes the whole Ŵ";
  tap_keys({"symbols"});
  expect_large_keys("symbols");
  tap_keys({"letters"});
  EXPECT_TRUE(kiosk_.shows("Tŷ dŵr"));
  kiosk_.screenshot("letters");
  tap_keys({"done"});
  EXPECT_FALSE(keyboard_shown());
  kiosk_.screenshot("keyboard-put-away");

  ASSERT_TRUE(kiosk_.tap("Continue"));
  ASSERT_EQ(kiosk_.journey().page, Page::Location);
  EXPECT_EQ(answer(kiosk_.journey().answers, "more_details"), "Tŷ dŵr");
  EXPECT_EQ(answer(kiosk_.journey().answers, "depth_cm"), "7.5");
}

TEST_F(Touch, EmailAndPhoneFieldsGetTheirOwnKeys) {
  ASSERT_TRUE(kiosk_.tap("Apply for a resident parking permit"));
  ASSERT_TRUE(kiosk_.tap("Zone A Ashcombe town centre"));
  ASSERT_TRUE(kiosk_.tap("Continue"));
  ASSERT_TRUE(kiosk_.fill("field:vehicle_registration", "CU57 ABC"));  // a helper's real keyboard
  ASSERT_TRUE(kiosk_.tap("Continue"));
  ASSERT_TRUE(kiosk_.fill("field:vehicle_make", "Ford"));
  ASSERT_TRUE(kiosk_.tap("Continue"));
  ASSERT_TRUE(kiosk_.tap("field:number_of_permits"));
  tap_keys({"1"});
  ASSERT_TRUE(kiosk_.tap("Continue"));
  ASSERT_TRUE(kiosk_.tap("field:start_date.Day"));
  EXPECT_FALSE(kiosk_.probe().find("key:q")) << "date parts are numbers";
  tap_keys({"1"});
  ASSERT_TRUE(kiosk_.tap("field:start_date.Month"));
  tap_keys({"1", "2"});
  ASSERT_TRUE(kiosk_.tap("field:start_date.Year"));
  tap_keys({"2", "0", "2", "6"});
  ASSERT_TRUE(kiosk_.tap("Continue"));
  ASSERT_EQ(kiosk_.journey().question_code, "email") << (kiosk_.journey().errors.empty() ? "" : kiosk_.journey().errors[0].message);

  ASSERT_TRUE(kiosk_.tap("field:email"));
  EXPECT_TRUE(kiosk_.probe().find("key:@"));
  EXPECT_TRUE(kiosk_.probe().find("key:."));
  EXPECT_FALSE(kiosk_.probe().find("key:space"));
  expect_large_keys("email");
  tap_keys({"j", "o", "@", "e", "x", ".co.uk"});
  EXPECT_EQ(kiosk_.journey().fields.text, "jo@ex.co.uk");
  kiosk_.screenshot("email");
  ASSERT_TRUE(kiosk_.tap("Continue"));
  EXPECT_EQ(answer(kiosk_.journey().answers, "email"), "jo@ex.co.uk");

  ASSERT_TRUE(kiosk_.tap("field:phone"));
  EXPECT_TRUE(kiosk_.probe().find("key:+"));
  EXPECT_FALSE(kiosk_.probe().find("key:q"));
  tap_keys({"0", "7", "7", "0", "0", "space", "9", "0"});
  EXPECT_EQ(kiosk_.journey().fields.text, "07700 90");
  kiosk_.screenshot("phone");
}

TEST_F(Touch, DraggingALongPageScrollsItAndDoesNotPressTheButtonUnderTheFinger) {
  // The start page is longer than the screen; the drag starts on Back.
  const auto* pothole = kiosk_.probe().find("Report a pothole");
  const auto* back = kiosk_.probe().find("Back");
  ASSERT_TRUE(pothole && back);
  const float x = back->centre_x(), start = back->centre_y(), pothole_was = pothole->y;
  kiosk_.drag(x, start, x, start - 250);
  EXPECT_EQ(kiosk_.journey().page, Page::ChooseService) << "a drag is not a tap";
  EXPECT_TRUE(kiosk_.journey().service_code.empty());
  ASSERT_TRUE(kiosk_.probe().find("Report a pothole"));
  const float moved = pothole_was - kiosk_.probe().find("Report a pothole")->y;
  EXPECT_GT(moved, 200.0f) << "the page follows the finger";
  EXPECT_LE(moved, 250.0f);
  kiosk_.screenshot("dragged-up");

  // Back down, starting on a service's button, now in view.
  pothole = kiosk_.probe().find("Report a pothole");
  ASSERT_LT(pothole->y + pothole->height, static_cast<float>(kiosk_.height()));
  kiosk_.drag(pothole->centre_x(), pothole->centre_y(), pothole->centre_x(), pothole->centre_y() + 250);
  EXPECT_EQ(kiosk_.journey().page, Page::ChooseService);
  EXPECT_NEAR(kiosk_.probe().find("Report a pothole")->y, pothole_was, 1.0f) << "back at the top";

  // Up again so the pothole button is on screen for the last part.
  kiosk_.drag(x, start, x, start - 250);
  // A finger that wobbles a little still taps.
  pothole = kiosk_.probe().find("Report a pothole");
  kiosk_.drag(pothole->centre_x(), pothole->centre_y(), pothole->centre_x() + 4, pothole->centre_y() + 6);
  EXPECT_EQ(kiosk_.journey().page, Page::Question);
  EXPECT_EQ(kiosk_.journey().service_code, "pothole");
}

TEST_F(Touch, ClearingAfterTwoMinutesForgetsTheTypingAndPutsTheKeyboardAway) {
  ASSERT_NO_FATAL_FAILURE(reach_pothole_depth());
  ASSERT_TRUE(kiosk_.tap("field:depth_cm"));
  tap_keys({"4", "2"});
  ASSERT_EQ(kiosk_.journey().fields.text, "42");

  *now_ += std::chrono::seconds(121);
  kiosk_.settle();
  EXPECT_EQ(kiosk_.journey().page, Page::Attract);
  EXPECT_TRUE(kiosk_.journey().fields.text.empty());
  EXPECT_FALSE(keyboard_shown());
  EXPECT_FALSE(kiosk_.shows("42"));
}

TEST_F(Touch, TheFontHasEveryCharacterOnTheKeys) {
  using namespace oneservice::kiosk::ui;
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  for (const auto kind : {FieldKind::Text, FieldKind::Email, FieldKind::Number, FieldKind::Phone})
    for (const auto page : {KeyboardPage::Letters, KeyboardPage::Symbols, KeyboardPage::Accents})
      for (const bool shift : {false, true})
        for (const auto& row : keyboard_rows(page, kind, shift))
          for (const auto& key : row)
            for (const char* c = key.caption.c_str(); *c;) {
              unsigned int code = 0;
              const int length = ImTextCharFromUtf8(&code, c, nullptr);
              for (const ImFont* font : atlas.Fonts)
                EXPECT_TRUE(font->FindGlyphNoFallback(static_cast<ImWchar>(code))) << key.caption;
              c += length;
            }
}
