#include "central/store/pin_verifiers.h"

#include "central/staff_role.h"

namespace oneservice::central::store {
namespace {

bool is_run(const std::string& digits, int step) {
  for (std::size_t i = 1; i < digits.size(); ++i)
    if (digits[i] - digits[i - 1] != step) return false;
  return true;
}

}  // namespace

bool is_acceptable_pin(const std::string& pin) {
  if (pin.size() < 6 || pin.size() > 8) return false;
  for (const char c : pin)
    if (c < '0' || c > '9') return false;
  return !is_run(pin, 0) && !is_run(pin, 1) && !is_run(pin, -1);
}

std::int64_t issue_verifier(sqlite3* db, std::int64_t staff_id, std::int64_t device_id,
                            const std::string& verifier_sha256, const std::string& now, const std::string& expires_at) {
  sqlite::Statement withdraw(db,
                             "UPDATE pin_verifiers SET withdrawn_at = ?1 "
                             "WHERE staff_id = ?2 AND device_id = ?3 AND withdrawn_at = ''");
  withdraw.bind(1, now).bind(2, staff_id).bind(3, device_id).run();
  sqlite::Statement insert(db,
                           "INSERT INTO pin_verifiers (staff_id, device_id, verifier_sha256, issued_at, expires_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.bind(1, staff_id).bind(2, device_id).bind(3, verifier_sha256).bind(4, now).bind(5, expires_at).run();
  return sqlite::last_insert_id(db);
}

std::vector<PinVerifier> verifiers_for_device(sqlite3* db, std::int64_t device_id, const std::string& now) {
  sqlite::Statement select(db,
                           "SELECT v.id, s.id, s.name, s.role, s.team, v.verifier_sha256, v.issued_at, v.expires_at "
                           "FROM pin_verifiers v JOIN staff s ON s.id = v.staff_id JOIN devices d ON d.id = v.device_id "
                           "WHERE v.device_id = ?1 AND v.withdrawn_at = '' AND v.expires_at > ?2 "
                           "AND s.disabled_at = '' AND d.revoked_at = '' ORDER BY s.name");
  select.bind(1, device_id).bind(2, now);
  std::vector<PinVerifier> out;
  while (select.step()) {
    PinVerifier verifier;
    verifier.id = select.integer(0);
    verifier.staff.id = select.integer(1);
    verifier.staff.name = select.text(2);
    verifier.staff.role = parse_staff_role(select.text(3)).value_or(StaffRole::Officer);
    verifier.staff.team = select.text(4);
    verifier.fingerprint = select.text(5);
    verifier.issued_at = select.text(6);
    verifier.expires_at = select.text(7);
    out.push_back(std::move(verifier));
  }
  return out;
}

}  // namespace oneservice::central::store
