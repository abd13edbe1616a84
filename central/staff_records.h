#pragma once
// Records of the staff side beyond the contract's three (records.h): what a
// sign-in answers, and the offline PIN verifiers a device holds.
#include <cstdint>
#include <optional>
#include <string>

#include "central/records.h"

namespace oneservice::central {

// An offline PIN verifier issued to one device for one member of staff.
struct PinVerifier {
  std::int64_t id = 0;
  StaffMember staff;
  // The Argon2id string of the PIN (crypto_pwhash_str: salt and limits
  // inside). Only in the sign-in answer: the store keeps its SHA-256 alone.
  std::string verifier;
  std::string fingerprint;  // lower-case hex SHA-256 of `verifier`
  std::string issued_at, expires_at;
};

struct SignIn {
  std::int64_t device_id = 0;  // the enrolled device it is made on (a working key)
  std::string device_channel;  // that key's channel: PINs only for staff tablets
  std::string name, secret;
  std::string pin;  // empty: no offline verifier asked for
};

enum class SignInOutcome {
  SignedIn,
  WrongNameOrSecret,  // the same for an unknown name: a caller never learns which
  Disabled,           // the right secret for an account that is disabled
  PinRefused,         // the PIN breaks a rule (kPinRules), or not on a staff tablet
};

struct SignInResult {
  SignInOutcome outcome = SignInOutcome::WrongNameOrSecret;
  std::string token;  // the session token, shown only now; set when SignedIn
  StaffSession session;
  std::optional<PinVerifier> verifier;  // when a PIN was sent
};

// A row of `report staff`: cases made by one member of staff (empty name:
// by nobody signed in) on one channel in one period.
struct StaffReportRow {
  std::string period, channel, staff_name, team;
  std::int64_t count = 0;
};

// A row of `report assisted`: the assisted channel's cases by whom they
// were reported for and how the resident reached the helper (empty: not said).
struct AssistedReportRow {
  std::string period, reported_for, assisted_via;
  std::int64_t count = 0;
};

}  // namespace oneservice::central
