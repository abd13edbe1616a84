#include "central/store/staff.h"

#include <sodium.h>

#include "central/staff_messages.h"
#include "central/staff_role.h"
#include "central/store/password_hash.h"
#include "shared/text.h"

namespace oneservice::central::store {
namespace {

namespace msg = staff_messages;

constexpr std::size_t kMaxNameLength = 100;
constexpr std::size_t kMinSecretLength = 12;
constexpr std::size_t kMaxSecretLength = 256;

bool has_control_character(const std::string& text) {
  for (const unsigned char c : text)
    if (c < 0x20 || c == 0x7F) return true;
  return false;
}

constexpr const char* kMemberColumns = "s.id, s.name, s.role, s.team, s.disabled_at";

StaffMember member_from_row(const sqlite::Statement& row, int first = 0) {
  StaffMember member;
  member.id = row.integer(first);
  member.name = row.text(first + 1);
  member.role = parse_staff_role(row.text(first + 2)).value_or(StaffRole::Officer);
  member.team = row.text(first + 3);
  member.disabled_at = row.text(first + 4);
  return member;
}

// Ends every live session of a member and withdraws their PIN verifiers.
void end_everything_of(sqlite3* db, std::int64_t staff_id, const std::string& now) {
  sqlite::Statement sessions(db, "UPDATE staff_sessions SET ended_at = ?1 WHERE staff_id = ?2 AND ended_at = ''");
  sessions.bind(1, now).bind(2, staff_id).run();
  sqlite::Statement verifiers(db,
                              "UPDATE pin_verifiers SET withdrawn_at = ?1 WHERE staff_id = ?2 AND withdrawn_at = ''");
  verifiers.bind(1, now).bind(2, staff_id).run();
}

std::optional<std::int64_t> staff_id_of(sqlite3* db, const std::string& name, bool working_only) {
  sqlite::Statement select(db, working_only ? "SELECT id FROM staff WHERE name = ?1 AND disabled_at = ''"
                                            : "SELECT id FROM staff WHERE name = ?1");
  select.bind(1, name);
  if (!select.step()) return std::nullopt;
  return select.integer(0);
}

}  // namespace

void check_staff_name(const std::string& name) {
  if (name.empty()) throw CentralStoreError(msg::kNameRequired);
  if (name.size() > kMaxNameLength) throw CentralStoreError(msg::kNameTooLong);
  if (!is_valid_utf8(name) || has_control_character(name) || trim(name) != name)
    throw CentralStoreError(msg::kNameNotText);
}

void check_team(const std::string& team) {
  if (team.size() > kMaxNameLength || !is_valid_utf8(team) || has_control_character(team))
    throw CentralStoreError(msg::kTeamNotText);
}

void check_secret(const std::string& secret) {
  if (secret.size() < kMinSecretLength) throw CentralStoreError(msg::kSecretTooShort);
  if (secret.size() > kMaxSecretLength) throw CentralStoreError(msg::kSecretTooLong);
  if (!is_valid_utf8(secret) || has_control_character(secret)) throw CentralStoreError(msg::kSecretNotText);
}

std::string new_staff_secret() {
  start_sodium();
  static constexpr char kAlphabet[] = "23456789abcdefghjkmnpqrstuvwxyz";  // 31 symbols: no 0, 1, i, l, o
  constexpr std::uint32_t kSymbols = sizeof kAlphabet - 1;
  std::string secret;
  for (int i = 0; i < 20; ++i) {
    if (i > 0 && i % 5 == 0) secret += '-';
    secret += kAlphabet[randombytes_uniform(kSymbols)];  // uniform: no modulo bias
  }
  return secret;  // 20 x log2(31) = 99 bits
}

StaffMember insert_staff(sqlite3* db, const std::string& name, StaffRole role, const std::string& team,
                         const std::string& secret_hash, const std::string& now) {
  if (staff_id_of(db, name, false)) throw CentralStoreError(msg::kNameTaken);
  sqlite::Statement insert(db,
                           "INSERT INTO staff (name, role, team, secret_hash, created_at, secret_set_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?5)");
  insert.bind(1, name).bind(2, to_string(role)).bind(3, team).bind(4, secret_hash).bind(5, now).run();
  StaffMember member;
  member.id = sqlite::last_insert_id(db);
  member.name = name;
  member.role = role;
  member.team = team;
  return member;
}

bool disable_staff(sqlite3* db, const std::string& name, const std::string& now) {
  const auto id = staff_id_of(db, name, true);
  if (!id) return false;
  sqlite::Statement disable(db, "UPDATE staff SET disabled_at = ?1 WHERE id = ?2");
  disable.bind(1, now).bind(2, *id).run();
  end_everything_of(db, *id, now);
  return true;
}

bool set_staff_secret(sqlite3* db, const std::string& name, const std::string& secret_hash, const std::string& now) {
  const auto id = staff_id_of(db, name, true);
  if (!id) return false;
  sqlite::Statement update(db, "UPDATE staff SET secret_hash = ?1, secret_set_at = ?2 WHERE id = ?3");
  update.bind(1, secret_hash).bind(2, now).bind(3, *id).run();
  end_everything_of(db, *id, now);
  return true;
}

void insert_session(sqlite3* db, std::int64_t staff_id, std::int64_t device_id, const std::string& token_sha256,
                    const std::string& now, const std::string& expires_at) {
  sqlite::Statement insert(db,
                           "INSERT INTO staff_sessions (token_sha256, staff_id, device_id, created_at, expires_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.bind(1, token_sha256).bind(2, staff_id).bind(3, device_id).bind(4, now).bind(5, expires_at).run();
}

bool end_session(sqlite3* db, const std::string& token_sha256, std::int64_t device_id, const std::string& now) {
  sqlite::Statement end(db,
                        "UPDATE staff_sessions SET ended_at = ?1 "
                        "WHERE token_sha256 = ?2 AND device_id = ?3 AND ended_at = '' AND expires_at > ?1");
  end.bind(1, now).bind(2, token_sha256).bind(3, device_id).run();
  return sqlite::changes(db) == 1;
}

std::vector<StaffMember> list_staff(sqlite3* db) {
  sqlite::Statement select(db, std::string("SELECT ") + kMemberColumns + " FROM staff s ORDER BY s.name");
  std::vector<StaffMember> out;
  while (select.step()) out.push_back(member_from_row(select));
  return out;
}

std::optional<StaffRow> find_staff_row(sqlite3* db, const std::string& name) {
  sqlite::Statement select(db, std::string("SELECT ") + kMemberColumns + ", s.secret_hash FROM staff s WHERE s.name = ?1");
  select.bind(1, name);
  if (!select.step()) return std::nullopt;
  return StaffRow{member_from_row(select), select.text(5)};
}

std::optional<StaffSession> find_live_session(sqlite3* db, const std::string& token_sha256, std::int64_t device_id,
                                              const std::string& now) {
  // The account and the key are checked here, at every use, so disabling
  // one or revoking the other ends the session at once.
  sqlite::Statement select(db, std::string("SELECT ") + kMemberColumns +
                                   ", x.device_id, x.expires_at FROM staff_sessions x "
                                   "JOIN staff s ON s.id = x.staff_id JOIN devices d ON d.id = x.device_id "
                                   "WHERE x.token_sha256 = ?1 AND x.device_id = ?2 AND x.ended_at = '' "
                                   "AND x.expires_at > ?3 AND s.disabled_at = '' AND d.revoked_at = ''");
  select.bind(1, token_sha256).bind(2, device_id).bind(3, now);
  if (!select.step()) return std::nullopt;
  StaffSession session;
  session.staff = member_from_row(select);
  session.device_id = select.integer(5);
  session.expires_at = select.text(6);
  return session;
}

std::optional<StaffMember> session_owner(sqlite3* db, const std::string& token_sha256, std::int64_t device_id) {
  sqlite::Statement select(db, std::string("SELECT ") + kMemberColumns +
                                   " FROM staff_sessions x JOIN staff s ON s.id = x.staff_id "
                                   "WHERE x.token_sha256 = ?1 AND x.device_id = ?2");
  select.bind(1, token_sha256).bind(2, device_id);
  if (!select.step()) return std::nullopt;
  return member_from_row(select);
}

}  // namespace oneservice::central::store
