#pragma once
// The SQL behind staff accounts and their sessions (schema step 3). Writers
// run inside the group commit writer's transaction, readers on a pooled
// read connection. Nothing here hashes: slow Argon2id work is done by the
// caller before it reaches the single writer thread.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "central/records.h"
#include "db/sqlite.h"

namespace oneservice::central::store {

// A working shift with room to spare: an officer signs in once a day and is
// not thrown out mid-job; a session left on a lost tablet ends by the next
// day even if nobody disables anything.
inline constexpr int kSessionHours = 12;

// Limits checked before anything is hashed or stored; CentralStoreError with
// a staff_messages text otherwise.
void check_staff_name(const std::string& name);
void check_team(const std::string& team);
void check_secret(const std::string& secret);

// A secret for a new account or a reset: 100 random bits as 20 letters and
// digits with no look-alikes (0/o, 1/l/i), in groups of five with hyphens,
// e.g. "k7m2q-x9prt-4hwzc-v3nja": easy to read out and type once.
std::string new_staff_secret();

struct StaffRow {
  StaffMember member;
  std::string secret_hash;
};

// Writers. insert_staff throws CentralStoreError (kNameTaken) for a name in use.
StaffMember insert_staff(sqlite3* db, const std::string& name, StaffRole role, const std::string& team,
                         const std::string& secret_hash, const std::string& now);
// Both end the member's sessions and withdraw their PIN verifiers at once.
// false when there is no such (working, for disable) member.
bool disable_staff(sqlite3* db, const std::string& name, const std::string& now);
bool set_staff_secret(sqlite3* db, const std::string& name, const std::string& secret_hash, const std::string& now);
void insert_session(sqlite3* db, std::int64_t staff_id, std::int64_t device_id, const std::string& token_sha256,
                    const std::string& now, const std::string& expires_at);
// false when no session of that token is live on that device.
bool end_session(sqlite3* db, const std::string& token_sha256, std::int64_t device_id, const std::string& now);

// Readers.
std::vector<StaffMember> list_staff(sqlite3* db);
std::optional<StaffRow> find_staff_row(sqlite3* db, const std::string& name);
// A live session: issued to this device, not ended, not expired at `now`,
// its account working and the device's key not revoked.
std::optional<StaffSession> find_live_session(sqlite3* db, const std::string& token_sha256, std::int64_t device_id,
                                              const std::string& now);
// Whoever a session issued to this device belongs to, live or not: names the
// member of staff who made a report the device queued while signed in.
std::optional<StaffMember> session_owner(sqlite3* db, const std::string& token_sha256, std::int64_t device_id);

}  // namespace oneservice::central::store
