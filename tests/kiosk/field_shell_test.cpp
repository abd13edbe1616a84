// Field mode's shell through the real app (SDL's dummy driver, taps and
// typing as SDL events), its store a test double (field_tablet_double.h):
// the sign-in screens and their messages, the idle lock, what one officer
// leaves for the next (nothing), and the GPS panel's rules on screen.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <memory>

#include "field_steps.h"
#include "field_tablet_double.h"
#include "kiosk/field/photo_devices.h"
#include "kiosk_driver.h"
#include "support/temp_folder.h"

using namespace oneservice;
using namespace std::chrono_literals;
using oneservice::kiosk::testing::clock_at;
using oneservice::kiosk::testing::DriverExtras;
using oneservice::kiosk::testing::KioskDriver;
using oneservice::kiosk::testing::TabletDouble;
namespace field = oneservice::kiosk::field;

namespace {

class FieldShell : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    screenshots_ = std::string(ONESERVICE_SCREENSHOT_DIR) + "/" + info->name();
    tablet_.accounts["Ann Smith"] = {"k7m2q-x9prt-4hwzc-v3nja", "", "Highways North", 0, false};
    tablet_.accounts["Bob Jones"] = {"p3nfw-8kqzd-2mxvt-9hrce", "", "Highways South", 0, false};
  }

  KioskDriver& start(int width = 1280, int height = 800) {
    DriverExtras extras;
    extras.width = width;
    extras.height = height;
    extras.adjust = [this](kiosk::AppSetup& setup, kiosk::KioskServices&, sync::SyncEngine*, SDL_Renderer* renderer) {
      setup.mode = kiosk::AppMode::Field;
      setup.field.links = tablet_.links();
      setup.field.settings.lock_after = 5min;
      if (photos_for_test_) {  // no camera; a folder of the test's own files
        photos_ = std::make_unique<field::PhotoDevices>(renderer, "", import_dir_.path());
        setup.field.links.photo_devices = photos_.get();
      }
    };
    driver_ = std::make_unique<KioskDriver>(data_dir_.path(), screenshots_, clock_at(now_), false, std::nullopt, "",
                                            kiosk::OperatorSetup{}, extras);
    return *driver_;
  }

  void await_answer(KioskDriver& kiosk) { kiosk::testing::await_sign_in(kiosk); }

  void sign_in_online(KioskDriver& kiosk, const std::string& name, const std::string& secret, const std::string& pin) {
    kiosk::testing::sign_in_online(kiosk, name, secret, pin);
  }

  field::FieldView view() const { return driver_->app().field()->state().view; }

  void TearDown() override {
    photos_.reset();  // its textures before the renderer
    driver_.reset();
  }

  TabletDouble tablet_;
  test_support::TempFolder data_dir_, import_dir_;
  bool photos_for_test_ = false;
  std::shared_ptr<TimePoint> now_ = std::make_shared<TimePoint>(*parse_iso8601("2026-11-22T12:00:00Z"));
  std::string screenshots_;
  std::unique_ptr<KioskDriver> driver_;
  std::unique_ptr<field::PhotoDevices> photos_;
};

TEST_F(FieldShell, SignsInOnlineAndSaysWhatIsWrongWithoutShowingTheSecret) {
  auto& kiosk = start();
  ASSERT_EQ(view(), field::FieldView::SignIn);
  kiosk.screenshot("sign-in");
  kiosk.expect_touch_targets("online sign-in");

  ASSERT_TRUE(kiosk.tap("Sign in"));  // nothing typed: every box says what it needs
  EXPECT_TRUE(kiosk.shows("Enter your name"));
  EXPECT_TRUE(kiosk.shows("Enter your secret"));
  EXPECT_TRUE(kiosk.shows("Choose a PIN for signing in without a signal"));
  kiosk.screenshot("nothing-typed");

  sign_in_online(kiosk, "Ann Smith", "not-her-secret", "583920");
  EXPECT_TRUE(kiosk.shows("The name or secret is not right. Check both and try again."));
  EXPECT_FALSE(kiosk.shows("not-her-secret"));
  EXPECT_EQ(view(), field::FieldView::SignIn);
  kiosk.screenshot("wrong-secret");

  ASSERT_TRUE(kiosk.fill("field:secret", "k7m2q-x9prt-4hwzc-v3nja"));
  ASSERT_TRUE(kiosk.fill("field:pin", "583920"));
  ASSERT_TRUE(kiosk.fill("field:pin_again", "583920"));
  EXPECT_FALSE(kiosk.shows("k7m2q"));  // a secret shows as dots only
  EXPECT_FALSE(kiosk.shows("583920"));
  kiosk.screenshot("typed-as-dots");
  ASSERT_TRUE(kiosk.tap("Sign in"));
  await_answer(kiosk);
  EXPECT_EQ(view(), field::FieldView::Home);
  EXPECT_TRUE(kiosk.shows("Signed in as Ann Smith"));
  EXPECT_TRUE(kiosk.shows("Highways North"));
  kiosk.screenshot("home");
  kiosk.expect_touch_targets("home");
  EXPECT_GT(kiosk.expect_readable_text("home"), 0u);
  ASSERT_TRUE(kiosk.tap("High contrast"));  // sunlight
  EXPECT_GT(kiosk.expect_readable_text("home in high contrast"), 0u);
  kiosk.screenshot("home-high-contrast");
}

TEST_F(FieldShell, PinSignInOfflineLocksAfterFiveWrongPins) {
  tablet_.accounts["Ann Smith"].pin = "583920";
  tablet_.accounts["Ann Smith"].has_pin = true;
  tablet_.reachable = false;
  auto& kiosk = start();
  ASSERT_EQ(view(), field::FieldView::Pin);  // someone has a PIN here: offered first
  ASSERT_TRUE(kiosk.tap("Ann Smith"));
  kiosk.screenshot("pin-chosen");
  kiosk.expect_touch_targets("PIN sign-in");
  for (int wrong = 1; wrong <= 4; ++wrong) {
    ASSERT_TRUE(kiosk.fill("field:pin", "111" + std::to_string(wrong) + "11"));
    ASSERT_TRUE(kiosk.tap("Sign in"));
    await_answer(kiosk);
    const int left = 5 - wrong;
    EXPECT_TRUE(kiosk.shows("That PIN is not right. " + std::to_string(left) +
                            (left == 1 ? " more try" : " more tries") + " before the PIN is locked."))
        << wrong;
    if (wrong == 1) kiosk.screenshot("wrong-pin");
  }
  ASSERT_TRUE(kiosk.fill("field:pin", "999999"));
  ASSERT_TRUE(kiosk.tap("Sign in"));
  await_answer(kiosk);
  EXPECT_TRUE(kiosk.shows("Too many wrong PINs. Sign in with your name and secret when the tablet has a signal."));
  kiosk.screenshot("locked");
  // The right PIN now does nothing: only an online sign-in unlocks it.
  ASSERT_TRUE(kiosk.fill("field:pin", "583920"));
  ASSERT_TRUE(kiosk.tap("Sign in"));
  await_answer(kiosk);
  EXPECT_EQ(view(), field::FieldView::Pin);
  EXPECT_TRUE(kiosk.shows("Too many wrong PINs."));
}

TEST_F(FieldShell, TwoOfficersOnOneTabletSeeNothingOfEachOthers) {
  auto& kiosk = start();
  sign_in_online(kiosk, "Ann Smith", "k7m2q-x9prt-4hwzc-v3nja", "583920");
  ASSERT_EQ(view(), field::FieldView::Home);
  ASSERT_TRUE(kiosk.tap("New report"));
  ASSERT_TRUE(kiosk.tap("Report a pothole"));
  ASSERT_TRUE(kiosk.tap("In the road"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("Smaller than a dinner plate"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.fill("field:depth_cm", "7"));
  kiosk.screenshot("ann-mid-report");
  ASSERT_TRUE(kiosk.tap("Save as draft"));
  EXPECT_TRUE(kiosk.shows("Saved as a draft."));
  EXPECT_TRUE(kiosk.draws("Drafts: 1"));
  ASSERT_EQ(tablet_.drafts.size(), 1u);
  EXPECT_EQ(tablet_.drafts.begin()->second.second.request.answers.count("depth_cm"), 1u)
      << "what was typed on the page saved goes with the draft";
  ASSERT_TRUE(kiosk.tap("Sign out"));
  EXPECT_EQ(tablet_.sign_outs, 1);
  EXPECT_EQ(view(), field::FieldView::Pin);  // she may sign in here again with her PIN
  EXPECT_FALSE(kiosk.shows("Signed in as Ann Smith"));
  EXPECT_FALSE(kiosk.draws("Drafts: 1"));
  kiosk.screenshot("after-ann");

  ASSERT_TRUE(kiosk.tap("Sign in online"));
  sign_in_online(kiosk, "Bob Jones", "p3nfw-8kqzd-2mxvt-9hrce", "749301");
  ASSERT_EQ(view(), field::FieldView::Home);
  EXPECT_TRUE(kiosk.shows("Signed in as Bob Jones"));
  EXPECT_TRUE(kiosk.draws("Drafts: 0"));
  EXPECT_FALSE(kiosk.shows("Ann Smith"));
  EXPECT_FALSE(kiosk.shows("Saved as a draft."));
  ASSERT_TRUE(kiosk.tap("Drafts"));
  EXPECT_TRUE(kiosk.shows("You have no drafts."));
  kiosk.screenshot("bob-drafts");
  ASSERT_TRUE(kiosk.tap("Back"));
  ASSERT_TRUE(kiosk.tap("New report"));
  ASSERT_TRUE(kiosk.tap("Report a pothole"));
  EXPECT_TRUE(kiosk.app().field()->state().journey.answers.empty());
}

TEST_F(FieldShell, LocksItselfAfterFiveMinutesUntouchedAndForgetsTheReport) {
  auto& kiosk = start();
  sign_in_online(kiosk, "Ann Smith", "k7m2q-x9prt-4hwzc-v3nja", "583920");
  ASSERT_TRUE(kiosk.tap("New report"));
  ASSERT_TRUE(kiosk.tap("Report a pothole"));
  ASSERT_TRUE(kiosk.tap("In the road"));
  *now_ += 4min + 59s;
  kiosk.loop_turn();
  EXPECT_EQ(view(), field::FieldView::Report) << "still in use a second before the lock";
  *now_ += 1s;
  kiosk.loop_turn();
  kiosk.settle();
  EXPECT_EQ(view(), field::FieldView::Pin);
  EXPECT_FALSE(kiosk.app().field()->desk().officer().has_value());
  EXPECT_TRUE(kiosk.app().field()->state().journey.answers.empty());
  EXPECT_FALSE(kiosk.shows("pothole"));
  kiosk.screenshot("locked-by-itself");
}

TEST_F(FieldShell, OffersTheGpsFixOnlyWithinTheServicesAccuracy) {
  tablet_.gps =
      field::GpsReading{field::GpsState::HasFix, field::GpsFix{51.2101, -1.8302, 23.0, 5, 11, *now_ - 1s}, 11};
  auto& kiosk = start(1920, 1200);
  sign_in_online(kiosk, "Ann Smith", "k7m2q-x9prt-4hwzc-v3nja", "583920");
  ASSERT_TRUE(kiosk.tap("New report"));
  kiosk::testing::reach_pothole_location(kiosk);
  EXPECT_TRUE(kiosk.shows("Accuracy: 23 m"));
  EXPECT_TRUE(kiosk.shows("Satellites: 5 used of 11 seen"));
  EXPECT_TRUE(kiosk.shows("Fix taken 1 second ago"));
  EXPECT_EQ(kiosk.probe().find("Use this position"), nullptr);
  EXPECT_TRUE(kiosk.shows("This report needs a position accurate to 10 m or better."));
  kiosk.screenshot("poor-fix-1920");
  kiosk.expect_touch_targets("location with a poor fix");

  tablet_.gps->fix = field::GpsFix{51.2101, -1.8302, 4.0, 9, 12, *now_};
  kiosk.loop_turn();
  kiosk.settle();
  ASSERT_TRUE(kiosk.tap("Use this position"));
  const auto& journey = kiosk.app().field()->state().journey;
  ASSERT_TRUE(journey.fields.lat.has_value());
  EXPECT_DOUBLE_EQ(*journey.fields.lat, 51.2101);
  EXPECT_EQ(journey.location.source, LocationSource::Gps);
  EXPECT_EQ(journey.location.accuracy_m, 4.0);
  kiosk.screenshot("fix-taken-1920");
  ASSERT_TRUE(kiosk.tap("Continue"));
  EXPECT_EQ(kiosk.app().field()->state().journey.page, kiosk::Page::Photos);
  kiosk.screenshot("photos");
  ASSERT_TRUE(kiosk.tap("Continue"));
  EXPECT_EQ(kiosk.app().field()->state().journey.page, kiosk::Page::CheckAnswers);
  EXPECT_FALSE(kiosk.shows("Contact details")) << "an officer's report has no resident's contact page";
  kiosk.screenshot("check");
  ASSERT_TRUE(kiosk.tap("Send report"));
  EXPECT_EQ(view(), field::FieldView::Sent);
  ASSERT_EQ(tablet_.queued.size(), 1u);
  EXPECT_EQ(tablet_.queued[0].first, "Ann Smith");
  EXPECT_EQ(tablet_.queued[0].second.channel, Channel::Field);
  EXPECT_EQ(tablet_.queued[0].second.location.source, LocationSource::Gps);
  kiosk.screenshot("sent");
}

// Welsh on every kind of field page, mistakes included: the sign-in's empty
// boxes and wrong secret, a wrong PIN, a location left out, a file that is
// not a photo. Every word read back from what the frame drew.
TEST_F(FieldShell, SaysEachMistakeInWelshOnEveryKindOfPage) {
  tablet_.accounts["Ann Smith"].pin = "583920";
  tablet_.accounts["Ann Smith"].has_pin = true;
  std::ofstream(import_dir_.path() + "/nodyn.jpg") << "nid llun yw hwn";
  photos_for_test_ = true;
  auto& kiosk = start();
  ASSERT_TRUE(kiosk.tap("Language"));
  ASSERT_TRUE(kiosk.draws("Mewngofnodi gyda’ch PIN"));
  ASSERT_TRUE(kiosk.tap("Ann Smith"));
  ASSERT_TRUE(kiosk.fill("field:pin", "111111"));
  ASSERT_TRUE(kiosk.tap("Sign in"));
  await_answer(kiosk);
  EXPECT_TRUE(kiosk.shows("Nid yw’r PIN yn gywir. 4 cynnig arall cyn i’r PIN gael ei gloi."));
  EXPECT_TRUE(kiosk.draws("Mae problem"));
  kiosk.screenshot("pin-wrong-cy");

  ASSERT_TRUE(kiosk.tap("Sign in online"));
  ASSERT_TRUE(kiosk.tap("Sign in"));
  EXPECT_TRUE(kiosk.draws("Rhowch eich enw"));
  EXPECT_TRUE(kiosk.draws("Rhowch eich cyfrinair"));
  EXPECT_TRUE(kiosk.draws("Dewiswch PIN ar gyfer mewngofnodi heb signal"));
  kiosk.screenshot("sign-in-empty-cy");
  ASSERT_TRUE(kiosk.fill("field:name", "Ann Smith"));
  ASSERT_TRUE(kiosk.fill("field:secret", "anghywir-anghywir"));
  ASSERT_TRUE(kiosk.fill("field:pin", "583920"));
  ASSERT_TRUE(kiosk.fill("field:pin_again", "58392"));
  ASSERT_TRUE(kiosk.tap("Sign in"));
  EXPECT_TRUE(kiosk.draws("Rhowch yr un PIN eto"));
  ASSERT_TRUE(kiosk.fill("field:pin_again", "0"));  // what was typed stays: finished, it matches
  ASSERT_TRUE(kiosk.tap("Sign in"));
  await_answer(kiosk);
  EXPECT_TRUE(kiosk.shows("Nid yw’r enw neu’r cyfrinair yn gywir."));
  kiosk.screenshot("sign-in-wrong-cy");
  ASSERT_TRUE(kiosk.fill("field:secret", "k7m2q-x9prt-4hwzc-v3nja"));
  ASSERT_TRUE(kiosk.fill("field:pin", "583920"));
  ASSERT_TRUE(kiosk.fill("field:pin_again", "583920"));
  ASSERT_TRUE(kiosk.tap("Sign in"));
  await_answer(kiosk);
  ASSERT_EQ(view(), field::FieldView::Home);
  EXPECT_TRUE(kiosk.draws("Adroddiad newydd"));
  EXPECT_TRUE(kiosk.draws("Drafftiau: 0"));
  kiosk.screenshot("home-cy");

  ASSERT_TRUE(kiosk.tap("New report"));
  ASSERT_TRUE(kiosk.tap("Report a pothole"));
  ASSERT_TRUE(kiosk.tap("Yn y ffordd"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("Llai na phlât cinio"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.fill("field:depth_cm", "6"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("Continue"));  // nowhere given
  EXPECT_TRUE(kiosk.shows("Rhowch ble mae: cyfeiriad, lle neu bwynt ar y map"));
  EXPECT_TRUE(kiosk.shows("Nid yw GPS y dabled hon yn ateb."));
  kiosk.screenshot("location-missing-cy");
  ASSERT_TRUE(kiosk.fill("field:location", "Ger yr arhosfan bws"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_EQ(kiosk.app().field()->state().journey.page, kiosk::Page::Photos);
  ASSERT_TRUE(kiosk.tap("Import from a folder"));
  ASSERT_TRUE(kiosk.tap("import:nodyn.jpg"));
  EXPECT_TRUE(kiosk.shows("Nid yw’r ffeil honno’n llun y gall y dabled ei ddarllen."));
  EXPECT_TRUE(kiosk.app().field()->state().journey.photos.empty());
  kiosk.screenshot("photos-not-a-photo-cy");
  ASSERT_TRUE(kiosk.tap("Continue"));
  EXPECT_TRUE(kiosk.shows("Lluniau"));
  ASSERT_TRUE(kiosk.reveal("Save as draft"));
  EXPECT_TRUE(kiosk.draws("Cadw fel drafft"));
  kiosk.screenshot("check-cy");
}

}  // namespace
