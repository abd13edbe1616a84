#pragma once
// A member of staff as the tablet knows them, and what a sign-in came to.
// Plain structs: the UI reads them, sync/staff_sign_in.h makes them.
#include <string>

namespace oneservice::sync {

// Wrong PINs in a row that lock offline sign-in for a member until they
// sign in online.
inline constexpr int kMaxWrongPins = 5;

struct StaffMember {
  std::string name, role, team;  // as central spells them
};

enum class SignInOutcome {
  SignedIn,
  WrongNameOrSecret,  // central's 401 (it never says which)
  AccountDisabled,    // central's 403 for the account
  DeviceRefused,      // central's 403 for this device's key
  PinNotAllowed,      // central refused the PIN (its rules, or this key's channel)
  NoConnection,       // no signal, DNS, timeout: try the PIN
  ServerProblem,      // 5xx, an answer that cannot be read, or a verifier this tablet cannot afford
  WrongPin,           // pins_left says how many tries remain
  PinLocked,          // too many wrong PINs: sign in online
  NoOfflineSignIn,    // no PIN kept for that name on this tablet
  PinExpired,         // the PIN's 30 days are over: sign in online
};

struct SignInResult {
  SignInOutcome outcome = SignInOutcome::ServerProblem;
  StaffMember member;
  int pins_left = 0;
  std::string server_words;  // the council's own words when it refused
};

}  // namespace oneservice::sync
