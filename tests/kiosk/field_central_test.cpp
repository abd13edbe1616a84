// Field mode end to end: the real app driven headless through SDL events,
// its real store and sync worker (field passes on), and a real
// oneservice-central with a field tablet's key and officers made by its
// own `staff add`. Sign-in online, then with the PIN when the tablet has no
// signal, five wrong PINs locking it across a restart; a draft kept over a
// restart and sent with "Send all", arriving at central as the officer's.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <memory>

#include "field_steps.h"
#include "imaging/exif_sample.h"
#include "kiosk/field/field_links.h"
#include "kiosk/field/photo_devices.h"
#include "kiosk_driver.h"
#include "platform/gps/gps_reader.h"
#include "support/gpsfake_process.h"
#include "support/nmea_log.h"
#include "sync/field/field_support.h"
#include "sync/nearby_cases.h"

using namespace oneservice;
using namespace std::chrono_literals;
using oneservice::kiosk::testing::DriverExtras;
using oneservice::kiosk::testing::KioskDriver;
using oneservice::sync::field_test::FieldCentral;
namespace field = oneservice::kiosk::field;

namespace {

constexpr const char* kAnnsPin = "583920";

// The first "Open <reference>" button on the page (the drafts list).
struct ProbeItemFinder {
  explicit ProbeItemFinder(const KioskDriver& kiosk) {
    for (const auto& item : kiosk.probe().items)
      if (item.label.rfind("Open OS-", 0) == 0) {
        label = item.label;
        return;
      }
  }
  std::string label;
};

class FieldWithCentral : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    screenshots_ = std::string(ONESERVICE_SCREENSHOT_DIR) + "/" + info->name();
    ann_secret_ = central_.add_staff("Ann Smith");
  }

  // The tablet's app; `signal` false gives it a server nobody answers on.
  KioskDriver& start(bool signal = true, const std::string& shots = "") {
    photos_.reset();  // its textures go before the renderer they belong to
    driver_.reset();  // one app on the store at a time, as on a tablet
    server_ = central_.server();
    if (!signal) server_.base_url = "http://127.0.0.1:9/open311/v2";
    DriverExtras extras;
    extras.engine.field_mode = true;
    extras.engine.push = sync::field_test::fast_options();
    extras.engine.pull_interval = 1s;  // jobs and removals come within a second
    extras.engine.idle_interval = 1s;
    extras.adjust = [this](kiosk::AppSetup& setup, kiosk::KioskServices& services, sync::SyncEngine* engine,
                           SDL_Renderer* renderer) {
      setup.mode = kiosk::AppMode::Field;
      setup.channel = Channel::Field;
      setup.field.links = field::sync_links(
          {*services.outbox, data_dir_.path(), &server_, services.catalogue ? &*services.catalogue : nullptr, engine});
      // videotestsrc for the camera, and a folder of the test's own photos.
      photos_ = std::make_unique<field::PhotoDevices>(renderer, "videotestsrc is-live=true", import_dir_.path());
      setup.field.links.photo_devices = photos_.get();
      if (gps_) setup.field.links.gps = [this] { return gps_->latest(); };
    };
    driver_ = std::make_unique<KioskDriver>(data_dir_.path(), screenshots_ + shots, Clock{}, false, server_, "",
                                            kiosk::OperatorSetup{}, extras);
    return *driver_;
  }

  void TearDown() override {
    photos_.reset();
    driver_.reset();
    gps_.reset();
  }

  void await_answer(KioskDriver& kiosk) { kiosk::testing::await_sign_in(kiosk); }

  void sign_in_online(KioskDriver& kiosk) {
    if (view() == field::FieldView::Pin) {
      ASSERT_TRUE(kiosk.tap("Sign in online"));
    }
    kiosk::testing::sign_in_online(kiosk, "Ann Smith", ann_secret_, kAnnsPin);
    ASSERT_EQ(view(), field::FieldView::Home);
  }

  void enter_pin(KioskDriver& kiosk, const std::string& pin) { kiosk::testing::enter_pin(kiosk, pin); }

  // Ann signs in online and the engine brings her one job to the tablet.
  void receive_the_job() {
    auto& kiosk = start(true, "/1-online");
    sign_in_online(kiosk);
    ASSERT_TRUE(kiosk.wait_until([&] { return kiosk.draws("My jobs: 1"); }, 30s));
    kiosk.screenshot("home-with-a-job");
  }

  // New report -> a pothole's questions answered -> its location page.
  void pothole_to_location(KioskDriver& kiosk) {
    ASSERT_TRUE(kiosk.tap("New report"));
    kiosk::testing::reach_pothole_location(kiosk);
  }

  field::FieldView view() const { return driver_->app().field()->state().view; }

  FieldCentral central_;
  test_support::TempFolder data_dir_, import_dir_;
  sync::ServerConfig server_;
  std::string ann_secret_, screenshots_;
  std::unique_ptr<KioskDriver> driver_;
  std::unique_ptr<field::PhotoDevices> photos_;
  std::unique_ptr<gps::GpsReader> gps_;  // the app's GPS when a test starts one
};

TEST_F(FieldWithCentral, SignsInOnlineThenWithThePinWithNoSignalAndFiveWrongPinsLockIt) {
  {
    auto& kiosk = start(true, "/1-online");
    ASSERT_EQ(view(), field::FieldView::SignIn);  // nobody has a PIN on a new tablet
    ASSERT_TRUE(kiosk.fill("field:name", "Ann Smith"));
    ASSERT_TRUE(kiosk.fill("field:secret", "not-the-secret-at-all"));
    ASSERT_TRUE(kiosk.fill("field:pin", kAnnsPin));
    ASSERT_TRUE(kiosk.fill("field:pin_again", kAnnsPin));
    ASSERT_TRUE(kiosk.tap("Sign in"));
    await_answer(kiosk);
    EXPECT_TRUE(kiosk.shows("The name or secret is not right. Check both and try again."));
    kiosk.screenshot("central-refused");
    ASSERT_TRUE(kiosk.fill("field:secret", ann_secret_));
    ASSERT_TRUE(kiosk.fill("field:pin", "123456"));  // central's PIN rules: no runs
    ASSERT_TRUE(kiosk.fill("field:pin_again", "123456"));
    ASSERT_TRUE(kiosk.tap("Sign in"));
    await_answer(kiosk);
    EXPECT_TRUE(kiosk.shows("Choose a PIN of 6 to 8 digits, not one digit repeated and not a run like 123456."));
    kiosk.screenshot("pin-refused");
    // The name stays; the secret and PIN went with the answer.
    ASSERT_TRUE(kiosk.fill("field:secret", ann_secret_));
    ASSERT_TRUE(kiosk.fill("field:pin", kAnnsPin));
    ASSERT_TRUE(kiosk.fill("field:pin_again", kAnnsPin));
    ASSERT_TRUE(kiosk.tap("Sign in"));
    await_answer(kiosk);
    ASSERT_EQ(view(), field::FieldView::Home);
    EXPECT_TRUE(kiosk.shows("Signed in as Ann Smith"));
    EXPECT_TRUE(kiosk.shows("Highways North"));
    kiosk.screenshot("home");
    ASSERT_TRUE(kiosk.tap("Sign out"));
  }
  {
    auto& kiosk = start(false, "/2-no-signal");  // restarted, out of signal
    ASSERT_EQ(view(), field::FieldView::Pin);
    ASSERT_TRUE(kiosk.tap("Ann Smith"));
    enter_pin(kiosk, kAnnsPin);
    ASSERT_EQ(view(), field::FieldView::Home);
    kiosk.screenshot("home-by-pin");
    ASSERT_TRUE(kiosk.tap("Lock"));
    ASSERT_EQ(view(), field::FieldView::Pin);
    ASSERT_TRUE(kiosk.tap("Ann Smith"));
    for (int wrong = 1; wrong <= 2; ++wrong) enter_pin(kiosk, "90817" + std::to_string(wrong));
    EXPECT_TRUE(kiosk.shows("That PIN is not right. 3 more tries before the PIN is locked."));
    kiosk.screenshot("two-wrong");
  }
  {
    auto& kiosk = start(false, "/3-restarted");  // a restart gives no guesses back
    ASSERT_TRUE(kiosk.tap("Ann Smith"));
    for (int wrong = 3; wrong <= 5; ++wrong) enter_pin(kiosk, "90817" + std::to_string(wrong));
    EXPECT_TRUE(kiosk.shows("Too many wrong PINs."));
    kiosk.screenshot("locked");
  }
  {
    auto& kiosk = start(false, "/4-locked");
    EXPECT_EQ(view(), field::FieldView::SignIn) << "with no PIN to offer, the tablet asks for the secret";
    ASSERT_TRUE(kiosk.tap("Sign in with PIN"));
    EXPECT_EQ(kiosk.probe().find("Ann Smith"), nullptr) << "a locked PIN is not offered";
    EXPECT_TRUE(kiosk.shows("Nobody can sign in with a PIN on this tablet yet."));
    kiosk.screenshot("nobody");
  }
  auto& kiosk = start(true, "/5-online-again");
  sign_in_online(kiosk);  // only this unlocks it
  ASSERT_TRUE(kiosk.tap("Lock"));
  ASSERT_TRUE(kiosk.tap("Ann Smith"));
  enter_pin(kiosk, kAnnsPin);
  EXPECT_EQ(view(), field::FieldView::Home);
}

TEST_F(FieldWithCentral, ADraftKeptOverARestartIsSentWithSendAll) {
  {
    auto& kiosk = start(true, "/1-drafts");
    sign_in_online(kiosk);
    pothole_to_location(kiosk);
    ASSERT_TRUE(kiosk.tap("map"));  // a point on the map: the report is complete
    kiosk.screenshot("location");
    ASSERT_TRUE(kiosk.tap("Save as draft"));
    EXPECT_TRUE(kiosk.shows("Saved as a draft."));
    ASSERT_TRUE(kiosk.tap("New report"));
    ASSERT_TRUE(kiosk.tap("Report a pothole"));
    ASSERT_TRUE(kiosk.tap("Save as draft"));  // nothing answered yet: incomplete
    EXPECT_TRUE(kiosk.draws("Drafts: 2"));
    kiosk.screenshot("two-drafts");
  }
  auto& kiosk = start(true, "/2-restarted");
  ASSERT_EQ(view(), field::FieldView::Pin);
  ASSERT_TRUE(kiosk.tap("Ann Smith"));
  enter_pin(kiosk, kAnnsPin);
  ASSERT_TRUE(kiosk.tap("Drafts"));
  EXPECT_TRUE(kiosk.shows("1 draft is not complete and cannot be sent yet."));
  const auto lines = kiosk.drawn_lines();
  kiosk.screenshot("drafts");
  kiosk.expect_touch_targets("drafts");
  // The incomplete one is listed first.
  std::size_t first_incomplete = lines.size(), first_open = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (first_incomplete == lines.size() && lines[i].find("Not complete yet") != std::string::npos)
      first_incomplete = i;
    if (first_open == lines.size() && lines[i].find("Open") == 0) first_open = i;
  }
  EXPECT_LT(first_incomplete, first_open);
  // The incomplete one opens where it can be finished: its Check answers.
  const ProbeItemFinder first_open_button{kiosk};
  ASSERT_FALSE(first_open_button.label.empty());
  ASSERT_TRUE(kiosk.tap(first_open_button.label));
  ASSERT_EQ(driver_->app().field()->state().journey.page, kiosk::Page::CheckAnswers);
  EXPECT_TRUE(driver_->app().field()->state().journey.answers.empty());
  EXPECT_TRUE(kiosk.shows("Not provided"));
  kiosk.screenshot("incomplete-resumed");
  ASSERT_TRUE(kiosk.tap("Save as draft"));  // kept as it was, for later
  ASSERT_TRUE(kiosk.tap("Drafts"));
  ASSERT_TRUE(kiosk.tap("Send all"));
  EXPECT_TRUE(kiosk.draws("1 report queued to send"));
  kiosk.screenshot("sent-all");
  ASSERT_TRUE(kiosk.tap("Back"));
  ASSERT_TRUE(kiosk.tap("Sync"));
  // The worker sends it; the page reads the log again whenever the worker moves.
  ASSERT_TRUE(kiosk.wait_until([&] { return kiosk.shows("Sent "); }, 30s));
  kiosk.screenshot("sync");
  const auto cases = central_.get("requests.json?api_key=" + central_.key());
  ASSERT_TRUE(cases.is_array());
  EXPECT_EQ(cases.size(), 1u);
}

TEST_F(FieldWithCentral, AReportWithACameraPhotoAndAnImportedOneTakesThePhotosPosition) {
  std::ofstream(import_dir_.path() + "/by-the-kerb.jpg", std::ios::binary)
      << imaging::test::photo_with_exif(800, 600, {1, 51.2101, -1.8302, true});
  auto& kiosk = start();
  sign_in_online(kiosk);
  pothole_to_location(kiosk);
  ASSERT_TRUE(kiosk.fill("field:location", "By the bus shelter"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_EQ(driver_->app().field()->state().journey.page, kiosk::Page::Photos);
  ASSERT_TRUE(kiosk.wait_until([&] { return kiosk.probe().find("Take photo") != nullptr; }, 20s))
      << "videotestsrc's preview never showed";
  kiosk.settle();
  kiosk.screenshot("camera-preview");
  kiosk.expect_touch_targets("photos with the camera");
  ASSERT_TRUE(kiosk.tap("Take photo"));
  ASSERT_EQ(driver_->app().field()->state().journey.photos.size(), 1u);
  const auto* thumbnail = kiosk.probe().find("thumbnail 1");
  ASSERT_NE(thumbnail, nullptr);
  const auto& still = driver_->app().field()->state().journey.photos[0];
  // Drawn in the still's own shape, small.
  EXPECT_NEAR(thumbnail->width / thumbnail->height, static_cast<float>(still.width) / static_cast<float>(still.height),
              0.05f)
      << still.width << "x" << still.height << " drawn " << thumbnail->width << "x" << thumbnail->height;
  EXPECT_LE(std::max(thumbnail->width, thumbnail->height), 240.0f);
  EXPECT_EQ(kiosk.probe().find("Use position 1"), nullptr) << "the camera's still has no position of its own";
  ASSERT_TRUE(kiosk.tap("Import from a folder"));
  kiosk.screenshot("import-list");
  ASSERT_TRUE(kiosk.tap("import:by-the-kerb.jpg"));
  const auto& journey = driver_->app().field()->state().journey;
  ASSERT_EQ(journey.photos.size(), 2u);
  EXPECT_LE(std::max(journey.photos[1].width, journey.photos[1].height), 2048);
  ASSERT_TRUE(kiosk.tap("Use position 2"));
  EXPECT_TRUE(kiosk.shows("The report's location is now where the photo was taken."));
  ASSERT_TRUE(journey.location.lat.has_value());
  EXPECT_NEAR(*journey.location.lat, 51.2101, 1e-4);
  EXPECT_EQ(journey.location.source, LocationSource::Photo);
  kiosk.screenshot("two-photos");
  ASSERT_TRUE(kiosk.tap("Continue"));
  EXPECT_TRUE(kiosk.shows("2 photos"));
  kiosk.screenshot("check");
  ASSERT_TRUE(kiosk.tap("Send report"));
  ASSERT_EQ(view(), field::FieldView::Sent);
  // At central: the case, at the photo's position, with both photos after it.
  nlohmann::json cases;
  ASSERT_TRUE(kiosk.wait_until(
      [&] {
        cases = central_.get("requests.json?api_key=" + central_.key());
        return cases.is_array() && cases.size() == 1 && cases[0].contains("media_url");
      },
      30s));
  EXPECT_NEAR(cases[0].at("lat").get<double>(), 51.2101, 1e-4);
}

// A real gpsd (gpsfake) replaying an officer standing by a pothole in
// Little Hembury with a clear sky: the panel offers the fix, and the report
// reaches central at it.
TEST_F(FieldWithCentral, AReportAtAGpsFixFromGpsd) {
  std::vector<test_support::NmeaEpoch> standing(30, {51.2101, -1.8302, 1, 9, 12, 0.4});
  const std::string log = data_dir_.path() + "/standing.nmea";
  std::ofstream(log, std::ios::binary) << test_support::nmea_log(standing);
  const std::string port = test_support::free_loopback_port();
  test_support::TempFolder gpsd_folder;
  test_support::GpsFake gpsfake(log, port, gpsd_folder.path());
  gps_ = std::make_unique<gps::GpsReader>("127.0.0.1", port);
  gps_->start();
  auto& kiosk = start();
  sign_in_online(kiosk);
  pothole_to_location(kiosk);
  ASSERT_TRUE(kiosk.wait_until([&] { return kiosk.probe().find("Use this position") != nullptr; }, 30s))
      << "gpsd's fix was never offered";
  // gpsd's first fix can come before its sky view: the counts follow.
  EXPECT_TRUE(kiosk.wait_until([&] { return kiosk.shows("Satellites: 9 used of 12 seen"); }, 10s));
  kiosk.settle();
  kiosk.screenshot("gpsd-fix");
  ASSERT_TRUE(kiosk.tap("Use this position"));
  const auto& journey = driver_->app().field()->state().journey;
  ASSERT_TRUE(journey.fields.lat.has_value());
  EXPECT_NEAR(*journey.fields.lat, 51.2101, 1e-5);
  EXPECT_EQ(journey.location.source, LocationSource::Gps);
  ASSERT_TRUE(journey.location.accuracy_m.has_value());
  EXPECT_LE(*journey.location.accuracy_m, 10.0);
  kiosk.screenshot("fix-taken");
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("Continue"));  // no photos
  ASSERT_TRUE(kiosk.tap("Send report"));
  ASSERT_EQ(view(), field::FieldView::Sent);
  nlohmann::json cases;
  ASSERT_TRUE(kiosk.wait_until(
      [&] {
        cases = central_.get("requests.json?api_key=" + central_.key());
        return cases.is_array() && cases.size() == 1;
      },
      30s));
  EXPECT_NEAR(cases[0].at("lat").get<double>(), 51.2101, 1e-4);
  EXPECT_NEAR(cases[0].at("long").get<double>(), -1.8302, 1e-4);
}

// A job given to Ann reaches the tablet; updated with no signal, the update
// waits, and goes when the signal is back; the case then taken off her list
// leaves it, with a notice on Home.
TEST_F(FieldWithCentral, AJobUpdatedOfflineIsSentLaterAndAnUnassignedJobLeavesTheList) {
  const std::string id = central_.report_pothole(51.2101, -1.8302);
  std::ofstream(import_dir_.path() + "/coned-off.jpg", std::ios::binary)
      << imaging::test::photo_with_exif(640, 480, {1, std::nullopt, std::nullopt, true});
  central_.assign(id, "Ann Smith");
  receive_the_job();
  {
    auto& kiosk = start(false, "/2-no-signal");
    ASSERT_TRUE(kiosk.tap("Ann Smith"));
    enter_pin(kiosk, kAnnsPin);
    ASSERT_TRUE(kiosk.tap("My jobs"));
    kiosk.screenshot("jobs");
    kiosk.expect_touch_targets("my jobs");
    ASSERT_TRUE(kiosk.tap("Open job " + id));
    EXPECT_TRUE(kiosk.shows("A deep hole by the kerb"));
    kiosk.screenshot("job");
    ASSERT_TRUE(kiosk.tap("Work in progress"));
    ASSERT_TRUE(kiosk.fill("field:public_note", "Coned off, repair booked"));
    ASSERT_TRUE(kiosk.fill("field:private_note", "Needs the big van"));
    ASSERT_TRUE(kiosk.tap("Add photos"));
    // The camera's preview arrives a moment later and pushes the buttons
    // under it down: a tap before it lands where the button was.
    ASSERT_TRUE(kiosk.wait_until([&] { return kiosk.probe().find("camera preview") != nullptr; }, 20s));
    kiosk.settle();
    ASSERT_TRUE(kiosk.tap("Import from a folder"));
    ASSERT_TRUE(kiosk.tap("import:coned-off.jpg"));
    EXPECT_NE(kiosk.probe().find("thumbnail 1"), nullptr);
    kiosk.screenshot("update-with-a-photo");
    ASSERT_TRUE(kiosk.tap("Send update"));
    EXPECT_TRUE(kiosk.shows("Update saved. It is sent when the tablet has a signal."));
    ASSERT_TRUE(kiosk.reveal("Send update"));
    EXPECT_TRUE(kiosk.shows("Your update: Work in progress"));
    kiosk.screenshot("update-waiting");
  }
  auto& kiosk = start(true, "/3-signal-back");
  ASSERT_TRUE(kiosk.tap("Ann Smith"));
  enter_pin(kiosk, kAnnsPin);
  // Central has it applied: the job's own status moved.
  nlohmann::json job;
  ASSERT_TRUE(kiosk.wait_until(
      [&] {
        const auto jobs = central_.get("requests/" + id + ".json?api_key=" + central_.key() + "&extensions=true");
        job = jobs.is_array() && !jobs.empty() ? jobs[0] : nlohmann::json();
        return job.dump().find("IN_PROGRESS") != std::string::npos;
      },
      30s))
      << job.dump();
  ASSERT_TRUE(kiosk.tap("My jobs"));
  ASSERT_TRUE(kiosk.tap("Open job " + id));
  ASSERT_TRUE(kiosk.reveal("Send update"));
  EXPECT_TRUE(kiosk.wait_until([&] { return kiosk.shows("Sent "); }, 30s));
  kiosk.screenshot("update-sent");
  ASSERT_TRUE(kiosk.tap("Back"));
  ASSERT_TRUE(kiosk.tap("Back"));
  central_.run({"case", "unassign", id});
  ASSERT_TRUE(kiosk.wait_until([&] { return kiosk.draws("My jobs: 0"); }, 30s));
  EXPECT_TRUE(kiosk.shows("The case " + id + " was taken off your list."));
  kiosk.screenshot("job-taken-away");
  ASSERT_TRUE(kiosk.tap("Dismiss " + id));
  EXPECT_FALSE(kiosk.shows("was taken off your list"));
}

// A pothole already reported 30 m away: before Ann's report goes, the
// tablet asks "Is it one of these?", and her notes and photo join that
// case (a supporter and an update at central) instead of a second case.
TEST_F(FieldWithCentral, ADuplicateNearbyIsFoundAndJoined) {
  std::ofstream(import_dir_.path() + "/kerb.jpg", std::ios::binary)
      << imaging::test::photo_with_exif(640, 480, {1, std::nullopt, std::nullopt, true});
  auto& kiosk = start();
  sign_in_online(kiosk);
  pothole_to_location(kiosk);
  ASSERT_TRUE(kiosk.tap("map"));
  const auto& fields = driver_->app().field()->state().journey.fields;
  ASSERT_TRUE(fields.lat && fields.lon);
  const double lat = *fields.lat, lon = *fields.lon;
  // Someone reported one 33 m north of where Ann's pin went (0.0003 degrees of latitude).
  const std::string existing = central_.report_pothole(lat + 0.0003, lon);
  ASSERT_TRUE(kiosk.tap("Continue"));
  // The engine fills the nearby cache around where Ann works.
  ASSERT_TRUE(kiosk.wait_until(
      [&] { return !sync::NearbyCases(kiosk.outbox()).open_cases_near("pothole", lat, lon).empty(); }, 30s));
  ASSERT_TRUE(kiosk.wait_until([&] { return kiosk.probe().find("camera preview") != nullptr; }, 20s))
      << "the preview moves the buttons when it comes: wait for it";
  kiosk.settle();
  ASSERT_TRUE(kiosk.tap("Import from a folder"));
  ASSERT_TRUE(kiosk.tap("import:kerb.jpg"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("Send report"));
  ASSERT_EQ(view(), field::FieldView::Duplicates);
  EXPECT_TRUE(kiosk.shows("Is it one of these?"));
  EXPECT_TRUE(kiosk.shows("33 m away"));
  EXPECT_TRUE(kiosk.shows("A deep hole by the kerb"));
  kiosk.screenshot("is-it-one-of-these");
  kiosk.expect_touch_targets("duplicates");
  ASSERT_TRUE(kiosk.tap("Join " + existing));
  ASSERT_EQ(view(), field::FieldView::Sent);
  EXPECT_TRUE(kiosk.shows("Added to the case"));
  kiosk.screenshot("joined");
  nlohmann::json cases;
  ASSERT_TRUE(kiosk.wait_until(
      [&] {
        cases = central_.get("requests.json?api_key=" + central_.key());
        return cases.is_array() && cases.size() == 1 && cases[0].value("supporters", 0) == 1 &&
               cases[0].value("status_notes", "").find("Depth in centimetres: 6") != std::string::npos;
      },
      30s))
      << "joined with her notes and as a supporter, not a second case: " << cases.dump();
}

// Ann updates a job with no signal while the office moves the case on:
// central keeps her update without applying it, and the job says so.
TEST_F(FieldWithCentral, AConflictIsShownOnTheJob) {
  const std::string id = central_.report_pothole(51.2101, -1.8302);
  central_.assign(id, "Ann Smith");
  receive_the_job();
  {
    auto& kiosk = start(false, "/2-no-signal");
    ASSERT_TRUE(kiosk.tap("Ann Smith"));
    enter_pin(kiosk, kAnnsPin);
    ASSERT_TRUE(kiosk.tap("My jobs"));
    ASSERT_TRUE(kiosk.tap("Open job " + id));
    ASSERT_TRUE(kiosk.tap("Fixed"));
    ASSERT_TRUE(kiosk.tap("Send update"));
    EXPECT_TRUE(kiosk.shows("Update saved."));
  }
  // Meanwhile the office changed the case: Ann's update now starts from an old version.
  central_.run({"case", "update", id, "--status", "ACTION_SCHEDULED", "--note", "Booked for Tuesday"});
  auto& kiosk = start(true, "/3-signal-back");
  ASSERT_TRUE(kiosk.tap("Ann Smith"));
  enter_pin(kiosk, kAnnsPin);
  ASSERT_TRUE(kiosk.tap("My jobs"));
  ASSERT_TRUE(kiosk.tap("Open job " + id));
  ASSERT_TRUE(
      kiosk.wait_until([&] { return kiosk.shows("Someone else changed this case before your update arrived."); }, 30s));
  kiosk.screenshot("conflict-on-the-job");
  ASSERT_TRUE(kiosk.reveal("Send update"));
  EXPECT_TRUE(kiosk.shows("Kept by the council but not applied: someone changed the case first."));
  kiosk.screenshot("conflict-in-history");
}

}  // namespace
