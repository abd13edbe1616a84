#pragma once
// Offline PIN verifiers (schema step 3): which (member of staff, device)
// pairs hold one, never the verifier itself (only its SHA-256).
#include <cstdint>
#include <string>
#include <vector>

#include "central/staff_records.h"
#include "db/sqlite.h"

namespace oneservice::central::store {

// A verifier lets an officer sign in offline for this long after the online
// sign-in that issued it: long enough for a fortnight's leave or a week in
// villages with no signal, short enough that a tablet left in a drawer stops
// accepting the PIN without anyone withdrawing it.
inline constexpr int kVerifierDays = 30;

// 6 to 8 digits, not one digit repeated ("000000") and not a run up or down
// ("123456", "87654321"). A verifier leaves the server, so a PIN can be
// guessed against it offline: 6 digits at kPinLimits' cost is about two days
// of one server core for the million guesses, where 4 digits would fall in
// half an hour.
bool is_acceptable_pin(const std::string& pin);

// Writer: withdraws the member's earlier verifier for this device, then
// records the new one. Returns its id.
std::int64_t issue_verifier(sqlite3* db, std::int64_t staff_id, std::int64_t device_id,
                            const std::string& verifier_sha256, const std::string& now, const std::string& expires_at);

// Reader: the verifiers in force on this device at `now` (not withdrawn, not
// expired, the account working, the key not revoked), by staff name. The
// `verifier` field is empty: the server does not have it.
std::vector<PinVerifier> verifiers_for_device(sqlite3* db, std::int64_t device_id, const std::string& now);

}  // namespace oneservice::central::store
