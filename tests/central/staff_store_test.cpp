// Staff accounts, sessions and offline PIN verifiers in the store
// (central/store/staff.h, pin_verifiers.h), with a clock the test sets.
#include <gtest/gtest.h>
#include <sodium.h>

#include <filesystem>
#include <functional>

#include "central/case_store.h"
#include "central/staff_messages.h"
#include "central/store/api_keys.h"
#include "central/store/password_hash.h"
#include "central/store/pin_verifiers.h"
#include "central/store/staff.h"
#include "support.h"

using namespace oneservice;
using namespace oneservice::central;
using test::RawDb;
using test::read_bytes;
using test::SetClock;
using test::TempFolder;

namespace {

constexpr const char* kSecret = "correct horse battery";

// A store with a field tablet, a kiosk and one officer, hashing with the
// smallest limits (the defaults are checked on their own below).
struct StaffStore {
  TempFolder folder;
  SetClock clock{"2026-11-20T08:00:00Z"};
  CaseStore store{folder.path(), clock.clock()};
  Device tablet, kiosk;
  StaffMember ann;

  StaffStore() {
    store.use_hash_limits(store::smallest_hash_limits(), store::smallest_hash_limits());
    store.add_key("Field tablet 3", "field", &tablet);
    store.add_key("Ashcombe Library kiosk", "kiosk", &kiosk);
    ann = store.add_staff("Ann Smith", StaffRole::Officer, "Highways North", kSecret);
  }

  SignInResult sign_in(const std::string& name, const std::string& secret, const Device& device,
                       const std::string& pin = {}) {
    return store.sign_in({device.id, device.channel, name, secret, pin});
  }

  // Every byte the store has written: the file and its write-ahead log.
  std::string file_bytes() const {
    return read_bytes(store.path()) + read_bytes(store.path() + "-wal");
  }
};

std::string message_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const CentralStoreError& error) {
    return error.what();
  }
  return "(no error)";
}

}  // namespace

TEST(CaseStoreStaff, AccountsAreAddedFoundAndListedByName) {
  StaffStore s;
  EXPECT_GT(s.ann.id, 0);
  const auto bob = s.store.add_staff("Bob Jones", StaffRole::Helper, "", "another long secret");
  const auto cat = s.store.add_staff("Cat Lee", StaffRole::Manager, "Contact centre", "a third long secret");
  const auto found = s.store.find_staff("ann smith");  // names match whatever their case
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, s.ann.id);
  EXPECT_EQ(found->name, "Ann Smith");
  EXPECT_EQ(found->role, StaffRole::Officer);
  EXPECT_EQ(found->team, "Highways North");
  EXPECT_EQ(found->disabled_at, "");
  EXPECT_FALSE(s.store.find_staff("Nobody"));
  EXPECT_FALSE(s.store.find_staff(""));

  const auto list = s.store.list_staff();
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].name, "Ann Smith");
  EXPECT_EQ(list[1].name, "Bob Jones");
  EXPECT_EQ(list[1].role, StaffRole::Helper);
  EXPECT_EQ(list[2].id, cat.id);
  EXPECT_EQ(list[2].role, StaffRole::Manager);
  EXPECT_NE(bob.id, cat.id);
}

TEST(CaseStoreStaff, NamesAreUniqueAndBadInputIsRefusedWithItsRule) {
  StaffStore s;
  namespace msg = staff_messages;
  EXPECT_EQ(message_of([&] { s.store.add_staff("ANN SMITH", StaffRole::Helper, "", "yet another secret"); }),
            msg::kNameTaken);
  EXPECT_EQ(message_of([&] { s.store.add_staff("", StaffRole::Helper, "", kSecret); }), msg::kNameRequired);
  EXPECT_EQ(message_of([&] { s.store.add_staff(" Ann", StaffRole::Helper, "", kSecret); }), msg::kNameNotText);
  EXPECT_EQ(message_of([&] { s.store.add_staff("Ann\nSmith", StaffRole::Helper, "", kSecret); }), msg::kNameNotText);
  EXPECT_EQ(message_of([&] { s.store.add_staff("Ann \xff", StaffRole::Helper, "", kSecret); }), msg::kNameNotText);
  EXPECT_EQ(message_of([&] { s.store.add_staff(std::string(101, 'a'), StaffRole::Helper, "", kSecret); }),
            msg::kNameTooLong);
  EXPECT_EQ(message_of([&] { s.store.add_staff("Dan", StaffRole::Helper, "", "short"); }), msg::kSecretTooShort);
  EXPECT_EQ(message_of([&] { s.store.add_staff("Dan", StaffRole::Helper, "", std::string(257, 'x')); }),
            msg::kSecretTooLong);
  EXPECT_EQ(message_of([&] { s.store.add_staff("Dan", StaffRole::Helper, "", "line one\nline two"); }),
            msg::kSecretNotText);
  EXPECT_EQ(message_of([&] { s.store.add_staff("Dan", StaffRole::Helper, "Team\t1", kSecret); }), msg::kTeamNotText);
  EXPECT_EQ(s.store.list_staff().size(), 1u) << "nothing refused was stored";
}

TEST(CaseStoreStaff, GeneratedSecretsAreLongRandomAndEasyToRead) {
  const auto first = store::new_staff_secret();
  EXPECT_EQ(first.size(), 23u);
  EXPECT_EQ(first.find_first_not_of("23456789abcdefghjkmnpqrstuvwxyz-"), std::string::npos) << first;
  EXPECT_EQ(first[5], '-');
  EXPECT_EQ(first[17], '-');
  EXPECT_NE(first, store::new_staff_secret());
  EXPECT_NO_THROW(store::check_secret(first));
}

TEST(CaseStoreStaff, SecretsAreStoredOnlyAsArgon2idWithTheServersDefaultLimits) {
  TempFolder folder;
  CaseStore store(folder.path());  // no test limits: what a council gets
  const std::string secret = "the default limits secret";
  store.add_staff("Ann Smith", StaffRole::Officer, "", secret);
  RawDb raw(store.path());
  const auto hash = raw.text("SELECT secret_hash FROM staff");
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0), 0u) << hash;
  const auto limits = store::argon2id_limits(hash);
  ASSERT_TRUE(limits);
  EXPECT_EQ(limits->opslimit, store::kSecretLimits.opslimit);
  EXPECT_EQ(limits->memlimit, store::kSecretLimits.memlimit);
  EXPECT_TRUE(store::argon2id_verify(hash, secret));
  EXPECT_FALSE(store::argon2id_verify(hash, secret + "x"));
  const auto bytes = read_bytes(store.path()) + read_bytes(store.path() + "-wal");
  EXPECT_EQ(bytes.find(secret), std::string::npos) << "the secret is never in the file in clear";
}

TEST(CaseStoreStaff, ASignInMakesASessionBoundToItsDevice) {
  StaffStore s;
  const auto result = s.sign_in("Ann Smith", kSecret, s.tablet);
  ASSERT_EQ(result.outcome, SignInOutcome::SignedIn);
  EXPECT_EQ(result.token.size(), 64u);
  EXPECT_EQ(result.session.staff.name, "Ann Smith");
  EXPECT_EQ(result.session.device_id, s.tablet.id);
  EXPECT_EQ(result.session.expires_at, "2026-11-20T20:00:00Z") << "12 hours";
  EXPECT_FALSE(result.verifier) << "no PIN, no verifier";

  const auto session = s.store.staff_session(result.token, s.tablet.id);
  ASSERT_TRUE(session);
  EXPECT_EQ(session->staff.id, s.ann.id);
  EXPECT_EQ(session->staff.role, StaffRole::Officer);
  EXPECT_EQ(session->staff.team, "Highways North");
  EXPECT_EQ(session->expires_at, "2026-11-20T20:00:00Z");
  EXPECT_FALSE(s.store.staff_session(result.token, s.kiosk.id)) << "another device cannot use it";
  EXPECT_FALSE(s.store.staff_session(result.token.substr(1), s.tablet.id));
  EXPECT_FALSE(s.store.staff_session("", s.tablet.id));

  RawDb raw(s.store.path());
  EXPECT_EQ(raw.text("SELECT token_sha256 FROM staff_sessions"), store::sha256_hex(result.token));
  EXPECT_EQ(s.file_bytes().find(result.token), std::string::npos) << "only the token's hash is stored";

  const auto again = s.sign_in("ann smith", kSecret, s.tablet);
  ASSERT_EQ(again.outcome, SignInOutcome::SignedIn);
  EXPECT_NE(again.token, result.token);
  EXPECT_TRUE(s.store.staff_session(result.token, s.tablet.id)) << "a second sign-in leaves the first alone";
}

TEST(CaseStoreStaff, AWrongSecretAndAnUnknownNameAreTheSameOutcome) {
  StaffStore s;
  EXPECT_EQ(s.sign_in("Ann Smith", "not the secret at all", s.tablet).outcome, SignInOutcome::WrongNameOrSecret);
  EXPECT_EQ(s.sign_in("Nobody Here", kSecret, s.tablet).outcome, SignInOutcome::WrongNameOrSecret);
  EXPECT_EQ(s.sign_in("", kSecret, s.tablet).outcome, SignInOutcome::WrongNameOrSecret);
  const auto wrong = s.sign_in("Ann Smith", "not the secret at all", s.tablet);
  EXPECT_TRUE(wrong.token.empty());
  RawDb raw(s.store.path());
  EXPECT_EQ(raw.integer("SELECT count(*) FROM staff_sessions"), 0);
}

TEST(CaseStoreStaff, ASessionEndsAtItsExpiryAndAtSignOut) {
  StaffStore s;
  const auto first = s.sign_in("Ann Smith", kSecret, s.tablet);
  s.clock.set("2026-11-20T19:59:59Z");
  EXPECT_TRUE(s.store.staff_session(first.token, s.tablet.id));
  s.clock.set("2026-11-20T20:00:00Z");
  EXPECT_FALSE(s.store.staff_session(first.token, s.tablet.id));
  EXPECT_FALSE(s.store.sign_out(first.token, s.tablet.id)) << "an expired session is not live";

  const auto second = s.sign_in("Ann Smith", kSecret, s.tablet);
  EXPECT_FALSE(s.store.sign_out(second.token, s.kiosk.id)) << "only its own device signs it out";
  EXPECT_TRUE(s.store.sign_out(second.token, s.tablet.id));
  EXPECT_FALSE(s.store.staff_session(second.token, s.tablet.id));
  EXPECT_FALSE(s.store.sign_out(second.token, s.tablet.id));
}

TEST(CaseStoreStaff, DisablingAnAccountEndsItsSessionsAndVerifiersAtOnce) {
  StaffStore s;
  const auto signed_in = s.sign_in("Ann Smith", kSecret, s.tablet, "480213");
  ASSERT_EQ(signed_in.outcome, SignInOutcome::SignedIn);
  ASSERT_EQ(s.store.pin_verifiers(s.tablet.id).size(), 1u);
  s.clock.set("2026-11-20T09:00:00Z");
  EXPECT_TRUE(s.store.disable_staff("Ann Smith"));
  EXPECT_FALSE(s.store.disable_staff("Ann Smith")) << "already disabled";
  EXPECT_FALSE(s.store.disable_staff("Nobody"));
  EXPECT_FALSE(s.store.staff_session(signed_in.token, s.tablet.id));
  EXPECT_TRUE(s.store.pin_verifiers(s.tablet.id).empty());
  EXPECT_EQ(s.store.find_staff("Ann Smith")->disabled_at, "2026-11-20T09:00:00Z");
  RawDb raw(s.store.path());
  EXPECT_EQ(raw.text("SELECT ended_at FROM staff_sessions"), "2026-11-20T09:00:00Z");
  EXPECT_EQ(raw.text("SELECT withdrawn_at FROM pin_verifiers"), "2026-11-20T09:00:00Z");

  EXPECT_EQ(s.sign_in("Ann Smith", kSecret, s.tablet).outcome, SignInOutcome::Disabled);
  EXPECT_EQ(s.sign_in("Ann Smith", "not the secret at all", s.tablet).outcome, SignInOutcome::WrongNameOrSecret)
      << "only the right secret learns the account is disabled";
  EXPECT_FALSE(s.store.reset_staff_secret("Ann Smith", "a brand new secret"));
}

TEST(CaseStoreStaff, EvenASessionTheAccountCheckMissedDiesWithTheAccount) {
  StaffStore s;
  const auto signed_in = s.sign_in("Ann Smith", kSecret, s.tablet);
  RawDb raw(s.store.path());
  // As if the session had been made after the disable was written.
  ASSERT_EQ(raw.exec("UPDATE staff SET disabled_at = '2026-11-20T08:30:00Z'"), SQLITE_OK);
  EXPECT_FALSE(s.store.staff_session(signed_in.token, s.tablet.id));
}

TEST(CaseStoreStaff, RevokingTheDeviceKeyEndsItsSessionsAndVerifiers) {
  StaffStore s;
  const auto on_tablet = s.sign_in("Ann Smith", kSecret, s.tablet, "480213");
  Device other;
  s.store.add_key("Field tablet 4", "field", &other);
  const auto on_other = s.sign_in("Ann Smith", kSecret, other, "480213");
  ASSERT_TRUE(s.store.revoke_key(s.tablet.id));
  EXPECT_FALSE(s.store.staff_session(on_tablet.token, s.tablet.id));
  EXPECT_TRUE(s.store.pin_verifiers(s.tablet.id).empty());
  EXPECT_TRUE(s.store.staff_session(on_other.token, other.id)) << "other devices keep theirs";
  EXPECT_EQ(s.store.pin_verifiers(other.id).size(), 1u);
}

TEST(CaseStoreStaff, ANewSecretReplacesTheOldAndEndsItsSessions) {
  StaffStore s;
  const auto before = s.sign_in("Ann Smith", kSecret, s.tablet, "480213");
  EXPECT_TRUE(s.store.reset_staff_secret("ann smith", "the replacement secret"));
  EXPECT_FALSE(s.store.staff_session(before.token, s.tablet.id));
  EXPECT_TRUE(s.store.pin_verifiers(s.tablet.id).empty());
  EXPECT_EQ(s.sign_in("Ann Smith", kSecret, s.tablet).outcome, SignInOutcome::WrongNameOrSecret);
  EXPECT_EQ(s.sign_in("Ann Smith", "the replacement secret", s.tablet).outcome, SignInOutcome::SignedIn);
  EXPECT_FALSE(s.store.reset_staff_secret("Nobody", "the replacement secret"));
  EXPECT_THROW(s.store.reset_staff_secret("Ann Smith", "short"), CentralStoreError);
}

TEST(CaseStoreStaff, APinVerifierChecksTheRightPinWithLibsodiumAlone) {
  StaffStore s;
  s.store.use_hash_limits(store::smallest_hash_limits(), store::kPinLimits);  // the tablet's real cost
  const auto result = s.sign_in("Ann Smith", kSecret, s.tablet, "480213");
  ASSERT_EQ(result.outcome, SignInOutcome::SignedIn);
  ASSERT_TRUE(result.verifier);
  const auto& verifier = result.verifier->verifier;
  // What the tablet does, with nothing of ours: libsodium reads the salt and
  // limits from the string.
  ASSERT_EQ(sodium_init() >= 0, true);
  EXPECT_EQ(crypto_pwhash_str_verify(verifier.c_str(), "480213", 6), 0);
  EXPECT_NE(crypto_pwhash_str_verify(verifier.c_str(), "480214", 6), 0);
  EXPECT_NE(crypto_pwhash_str_verify(verifier.c_str(), "", 0), 0);
  EXPECT_EQ(verifier.rfind("$argon2id$v=19$m=32768,t=2,p=1$", 0), 0u) << verifier;
  EXPECT_EQ(result.verifier->fingerprint, store::sha256_hex(verifier));
  EXPECT_EQ(result.verifier->issued_at, "2026-11-20T08:00:00Z");
  EXPECT_EQ(result.verifier->expires_at, "2026-12-20T08:00:00Z") << "30 days";

  const auto bytes = s.file_bytes();
  EXPECT_EQ(bytes.find(verifier), std::string::npos) << "the server keeps no verifier to guess PINs against";
  EXPECT_EQ(bytes.find(verifier.substr(verifier.rfind('$') + 1)), std::string::npos);
  EXPECT_EQ(bytes.find("480213"), std::string::npos);
  RawDb raw(s.store.path());
  EXPECT_EQ(raw.text("SELECT verifier_sha256 FROM pin_verifiers"), result.verifier->fingerprint);
}

TEST(CaseStoreStaff, VerifiersArePerDeviceAndANewPinReplacesTheOld) {
  StaffStore s;
  Device other;
  s.store.add_key("Field tablet 4", "field", &other);
  const auto first = s.sign_in("Ann Smith", kSecret, s.tablet, "480213");
  const auto second = s.sign_in("Ann Smith", kSecret, s.tablet, "915372");
  const auto listed = s.store.pin_verifiers(s.tablet.id);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].id, second.verifier->id);
  EXPECT_EQ(listed[0].fingerprint, second.verifier->fingerprint);
  EXPECT_EQ(listed[0].staff.name, "Ann Smith");
  EXPECT_EQ(listed[0].verifier, "") << "the server does not have it to send";
  EXPECT_NE(first.verifier->id, second.verifier->id);
  EXPECT_TRUE(s.store.pin_verifiers(other.id).empty()) << "a verifier never leaves for another device";

  s.clock.set("2026-12-20T07:59:59Z");
  EXPECT_EQ(s.store.pin_verifiers(s.tablet.id).size(), 1u);
  s.clock.set("2026-12-20T08:00:00Z");
  EXPECT_TRUE(s.store.pin_verifiers(s.tablet.id).empty()) << "expired after 30 days";
}

TEST(CaseStoreStaff, PinsFollowTheirRulesAndStayOffPublicDevices) {
  for (const auto* pin : {"480213", "9051", "1357924", "24681357"})
    EXPECT_EQ(store::is_acceptable_pin(pin), std::string(pin).size() >= 6) << pin;
  for (const auto* pin : {"12345", "123456789", "000000", "123456", "87654321", "12a456", "48 213", ""})
    EXPECT_FALSE(store::is_acceptable_pin(pin)) << pin;
  StaffStore s;
  EXPECT_EQ(s.sign_in("Ann Smith", kSecret, s.tablet, "123456").outcome, SignInOutcome::PinRefused);
  EXPECT_EQ(s.sign_in("Ann Smith", kSecret, s.kiosk, "480213").outcome, SignInOutcome::PinRefused);
  EXPECT_EQ(s.sign_in("Ann Smith", "not the secret at all", s.tablet, "123456").outcome,
            SignInOutcome::WrongNameOrSecret)
      << "the secret is judged first: a PIN's rules say nothing about the account";
  RawDb raw(s.store.path());
  EXPECT_EQ(raw.integer("SELECT count(*) FROM staff_sessions"), 0) << "a refused PIN makes no session";
  EXPECT_EQ(raw.integer("SELECT count(*) FROM pin_verifiers"), 0);
}

TEST(CaseStoreStaff, ASessionsOwnerIsKnownAfterItEndsButOnlyOnItsDevice) {
  StaffStore s;
  const auto result = s.sign_in("Ann Smith", kSecret, s.tablet);
  s.clock.set("2026-11-21T08:00:00Z");
  ASSERT_FALSE(s.store.staff_session(result.token, s.tablet.id));
  const auto owner = s.store.session_owner(result.token, s.tablet.id);
  ASSERT_TRUE(owner);
  EXPECT_EQ(owner->id, s.ann.id);
  EXPECT_FALSE(s.store.session_owner(result.token, s.kiosk.id));
  EXPECT_FALSE(s.store.session_owner("", s.tablet.id));
}
