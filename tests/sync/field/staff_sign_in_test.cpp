// Staff on the tablet against the real central: an online sign-in keeps the
// session and PIN verifier; the PIN then works with no signal, five wrong
// ones lock it (also after the store is reopened) until an online sign-in;
// a PIN withdrawn at central goes at the next pull, and an expired one stops
// working; signing out ends the server session once no update needs it.
#include <gtest/gtest.h>

#include "field_support.h"
#include "sync/job_book.h"
#include "sync/staff_sign_in.h"
#include "sync/staff_store.h"
#include "sync/staff_wire.h"
#include "sync/sync_log.h"

using namespace oneservice;
using namespace oneservice::sync;
using namespace oneservice::sync::field_test;

namespace {

// A server nobody listens on: what the tablet meets with no signal.
ServerConfig no_signal(const FieldCentral& central) {
  auto server = central.server();
  server.base_url = "http://127.0.0.1:9/open311/v2";
  return server;
}

class StaffSignIn : public ::testing::Test {
 protected:
  void SetUp() override { secret = central.add_staff("Ann Smith"); }

  FieldCentral central;
  TempDir folder;
  std::string secret;
};

}  // namespace

TEST_F(StaffSignIn, OnlineThenByPinWithNoSignal) {
  {
    auto outbox = Outbox::open(outbox_path(folder.path()));
    const auto offline = sign_in_online(outbox, no_signal(central), "Ann Smith", secret, kPin);
    EXPECT_EQ(offline.outcome, SignInOutcome::NoConnection);
    EXPECT_EQ(sign_in_online(outbox, central.server(), "Ann Smith", "wrong-secret-123", kPin).outcome,
              SignInOutcome::WrongNameOrSecret);
    EXPECT_EQ(sign_in_online(outbox, central.server(), "Ann Smith", secret, "123456").outcome,
              SignInOutcome::PinNotAllowed);
    EXPECT_TRUE(offline_sign_ins(outbox).empty());

    const auto online = sign_in_online(outbox, central.server(), "ann smith", secret, kPin);
    ASSERT_EQ(online.outcome, SignInOutcome::SignedIn) << online.server_words;
    EXPECT_EQ(online.member.name, "Ann Smith");
    EXPECT_EQ(online.member.role, "officer");
    EXPECT_EQ(online.member.team, "Highways North");
    const auto kept = StaffStore(outbox).session("Ann Smith");
    ASSERT_TRUE(kept);
    EXPECT_TRUE(kept->live);
    // The token kept is one central knows: it opens this tablet's session.
    EXPECT_EQ(central.status_of("staff/sessions/current.json?api_key=" + central.key(), kept->token), 200);
  }
  // Reopened, as after a restart, and no network at all: the PIN alone.
  auto outbox = Outbox::open(outbox_path(folder.path()), OpenMode::MustExist);
  ASSERT_EQ(offline_sign_ins(outbox).size(), 1u);
  EXPECT_EQ(offline_sign_ins(outbox)[0].name, "Ann Smith");
  const auto wrong = sign_in_with_pin(outbox, "Ann Smith", "258037");
  EXPECT_EQ(wrong.outcome, SignInOutcome::WrongPin);
  EXPECT_EQ(wrong.pins_left, kMaxWrongPins - 1);
  const auto right = sign_in_with_pin(outbox, "Ann Smith", kPin);
  ASSERT_EQ(right.outcome, SignInOutcome::SignedIn);
  EXPECT_EQ(right.member.role, "officer");
  EXPECT_EQ(sign_in_with_pin(outbox, "Hal Evans", kPin).outcome, SignInOutcome::NoOfflineSignIn);
}

TEST_F(StaffSignIn, FiveWrongPinsLockItEvenAfterReopeningUntilAnOnlineSignIn) {
  {
    auto outbox = Outbox::open(outbox_path(folder.path()));
    sign_in(outbox, central.server(), "Ann Smith", secret);
    for (int i = 1; i <= 3; ++i) EXPECT_EQ(sign_in_with_pin(outbox, "Ann Smith", "999111").pins_left, kMaxWrongPins - i);
  }
  {
    // A restart does not give the guesses back.
    auto outbox = Outbox::open(outbox_path(folder.path()), OpenMode::MustExist);
    EXPECT_EQ(sign_in_with_pin(outbox, "Ann Smith", "999112").outcome, SignInOutcome::WrongPin);
    const auto fifth = sign_in_with_pin(outbox, "Ann Smith", "999113");
    EXPECT_EQ(fifth.outcome, SignInOutcome::PinLocked);
    EXPECT_EQ(fifth.pins_left, 0);
  }
  auto outbox = Outbox::open(outbox_path(folder.path()), OpenMode::MustExist);
  EXPECT_EQ(sign_in_with_pin(outbox, "Ann Smith", kPin).outcome, SignInOutcome::PinLocked) << "even the right PIN";
  EXPECT_TRUE(offline_sign_ins(outbox).empty());
  sign_in(outbox, central.server(), "Ann Smith", secret);
  EXPECT_EQ(sign_in_with_pin(outbox, "Ann Smith", kPin).outcome, SignInOutcome::SignedIn);
}

TEST_F(StaffSignIn, APinWithdrawnAtCentralIsGoneAfterThePull) {
  auto outbox = Outbox::open(outbox_path(folder.path()));
  const auto bob_secret = central.add_staff("Bob Jones");
  sign_in(outbox, central.server(), "Ann Smith", secret);
  sign_in(outbox, central.server(), "Bob Jones", bob_secret);
  field_sync(outbox, central.server()).pull();
  EXPECT_EQ(offline_sign_ins(outbox).size(), 2u) << "both are still in force";

  central.run({"staff", "reset", "Ann Smith"});  // withdraws her PINs
  field_sync(outbox, central.server()).pull();
  const auto left = offline_sign_ins(outbox);
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].name, "Bob Jones");
  EXPECT_EQ(sign_in_with_pin(outbox, "Ann Smith", kPin).outcome, SignInOutcome::NoOfflineSignIn);

  central.run({"key", "revoke", "1"});  // the tablet's key: central answers 403, so none may stay
  field_sync(outbox, central.server()).pull();
  EXPECT_TRUE(offline_sign_ins(outbox).empty());
  EXPECT_EQ(sign_in_with_pin(outbox, "Bob Jones", kPin).outcome, SignInOutcome::NoOfflineSignIn);
}

TEST_F(StaffSignIn, APinExpiresAfterItsThirtyDaysAndAnUpdateWaitsForASignInWhenTheSessionHasEnded) {
  auto outbox = Outbox::open(outbox_path(folder.path()));
  sign_in(outbox, central.server(), "Ann Smith", secret);
  const auto signed_in = std::chrono::system_clock::now();
  outbox.set_clock({[&] { return signed_in + std::chrono::hours(13); }});
  // Past the session's 12 hours: still a PIN, but nothing needing the session goes.
  EXPECT_EQ(sign_in_with_pin(outbox, "Ann Smith", kPin).outcome, SignInOutcome::SignedIn);
  EXPECT_FALSE(StaffStore(outbox).session("Ann Smith")->live);
  outbox.set_clock({[&] { return signed_in + std::chrono::hours(24 * 31); }});
  EXPECT_EQ(sign_in_with_pin(outbox, "Ann Smith", kPin).outcome, SignInOutcome::PinExpired);
  EXPECT_TRUE(offline_sign_ins(outbox).empty());
}

TEST_F(StaffSignIn, SignOutEndsTheSessionOnlyOnceTheUpdatesNeedingItAreSent) {
  const auto id = central.report_pothole(51.2, -1.82);
  central.assign(id, "Ann Smith");
  auto outbox = Outbox::open(outbox_path(folder.path()));
  sign_in(outbox, central.server(), "Ann Smith", secret);
  const auto token = StaffStore(outbox).session("Ann Smith")->token;
  auto field = field_sync(outbox, central.server());
  field.pull();
  JobBook(outbox).queue_job_update("Ann Smith", id, {"IN_PROGRESS", "On my way", "", {}});
  sign_out(outbox, "Ann Smith");

  // With no signal nothing happens; the update still waits for her session.
  field_sync(outbox, no_signal(central)).push();
  EXPECT_EQ(central.status_of("staff/sessions/current.json?api_key=" + central.key(), token), 200);

  drain(outbox, central.server(), "Ann Smith");  // the update goes first, then the DELETE
  const auto updates = JobBook(outbox).updates_of("Ann Smith", id);
  ASSERT_EQ(updates.size(), 1u);
  EXPECT_EQ(updates[0].state, UpdateState::Sent);
  EXPECT_EQ(central.status_of("staff/sessions/current.json?api_key=" + central.key(), token), 401);
  EXPECT_TRUE(StaffStore(outbox).session("Ann Smith")->token.empty()) << "nothing left needs it";
  // Her PIN still opens the tablet, so her jobs stay for offline work...
  field.pull();
  EXPECT_EQ(JobBook(outbox).jobs_of("Ann Smith").size(), 1u);
  // ...until it is withdrawn: then nobody can open them here.
  central.run({"staff", "disable", "Ann Smith"});
  field.pull();
  EXPECT_TRUE(offline_sign_ins(outbox).empty());
  EXPECT_TRUE(JobBook(outbox).jobs_of("Ann Smith").empty());
}

// A verifier whose own limits ask more than a tablet can give is refused
// before libsodium is asked (it would take seconds, or more memory than
// there is), and central's limits are read from the string itself.
TEST(StaffPin, AVerifierAskingTooMuchOfTheTabletIsNotUsed) {
  const auto limits = argon2id_limits("$argon2id$v=19$m=32768,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g");
  ASSERT_TRUE(limits);
  EXPECT_EQ(limits->opslimit, 2u);
  EXPECT_EQ(limits->memlimit, 32u * 1024 * 1024);
  EXPECT_FALSE(argon2id_limits("$2y$10$bcryptisnotargon"));

  TempDir folder;
  auto outbox = Outbox::open(outbox_path(folder.path()));
  const auto far_future = "2999-01-01T00:00:00Z";
  StaffStore(outbox).store_session({"Ann Smith", "officer", ""}, "t", far_future,
                                   StoredVerifier{1, "$argon2id$v=19$m=4194304,t=2,p=1$c2FsdA$aGFzaA", "f", far_future});
  EXPECT_EQ(sign_in_with_pin(outbox, "Ann Smith", kPin).outcome, SignInOutcome::NoOfflineSignIn);
  EXPECT_EQ(StaffStore(outbox).session("Ann Smith")->wrong_pins, 0) << "not even counted as a try";
}
