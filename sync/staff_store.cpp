#include "sync/staff_store.h"

#include "sync/outbox_access.h"

namespace oneservice::sync {
namespace {

using detail::OutboxAccess;

constexpr std::string_view kColumns =
    "name, role, team, token, token_expires_at, token_live, session_ended, sign_out_requested, verifier_id, "
    "verifier, fingerprint, verifier_expires_at, wrong_pins, jobs_cursor";

StoredSession session_from_row(const sqlite::Statement& row, const std::string& now) {
  StoredSession out;
  out.member = {row.text(0), row.text(1), row.text(2)};
  out.token = row.text(3);
  out.expires_at = row.text(4);
  out.session_ended = row.integer(6) == 1;
  out.sign_out_requested = row.integer(7) == 1;
  // ISO 8601 UTC strings of one format order as their times do.
  out.live = !out.token.empty() && row.integer(5) == 1 && !out.session_ended && out.expires_at > now;
  if (!row.is_null(8) && !row.text(9).empty())
    out.verifier = StoredVerifier{row.integer(8), row.text(9), row.text(10), row.text(11)};
  out.wrong_pins = static_cast<int>(row.integer(12));
  out.jobs_cursor = row.text(13);
  return out;
}

}  // namespace

void StaffStore::store_session(const StaffMember& member, const std::string& token, const std::string& expires_at,
                               const std::optional<StoredVerifier>& verifier) {
  auto* db = OutboxAccess::db(*outbox_);
  try {
    sqlite::WriteTransaction transaction(db);
    sqlite::Statement upsert(db,
                             "INSERT INTO staff_members (name, role, team, token, token_expires_at, token_live, "
                             "signed_in_at) VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6) "
                             "ON CONFLICT (name) DO UPDATE SET name = excluded.name, role = excluded.role, "
                             "team = excluded.team, token = excluded.token, "
                             "token_expires_at = excluded.token_expires_at, token_live = 1, session_ended = 0, "
                             "sign_out_requested = 0, wrong_pins = 0, signed_in_at = excluded.signed_in_at");
    upsert.bind(1, member.name).bind(2, member.role).bind(3, member.team).bind(4, token).bind(5, expires_at);
    upsert.bind(6, OutboxAccess::now(*outbox_)).run();
    if (verifier) {
      sqlite::Statement keep(db,
                             "UPDATE staff_members SET verifier_id = ?2, verifier = ?3, fingerprint = ?4, "
                             "verifier_expires_at = ?5 WHERE name = ?1");
      keep.bind(1, member.name).bind(2, verifier->id).bind(3, verifier->verifier).bind(4, verifier->fingerprint);
      keep.bind(5, verifier->expires_at).run();
    }
    transaction.commit();
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while keeping a sign-in");
  }
}

std::optional<StoredSession> StaffStore::session(const std::string& name) const {
  try {
    sqlite::Statement select(OutboxAccess::db(*outbox_),
                             "SELECT " + std::string(kColumns) + " FROM staff_members WHERE name = ?1");
    select.bind(1, name);
    if (!select.step()) return std::nullopt;
    return session_from_row(select, OutboxAccess::now(*outbox_));
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while reading a sign-in");
  }
}

std::vector<StoredSession> read_sessions(const Outbox& outbox) {
  try {
    sqlite::Statement select(OutboxAccess::db(outbox),
                             "SELECT " + std::string(kColumns) + " FROM staff_members ORDER BY name");
    std::vector<StoredSession> out;
    const auto now = OutboxAccess::now(outbox);
    while (select.step()) out.push_back(session_from_row(select, now));
    return out;
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(outbox, failure, "while reading sign-ins");
  }
}

int StaffStore::count_pin_attempt(const std::string& name) {
  try {
    // Committed FULL before the PIN is checked: a kill mid-check still counts.
    sqlite::Statement count(OutboxAccess::db(*outbox_),
                            "UPDATE staff_members SET wrong_pins = wrong_pins + 1 WHERE name = ?1 RETURNING wrong_pins");
    count.bind(1, name);
    return count.step() ? static_cast<int>(count.integer(0)) : 0;
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while counting a PIN attempt");
  }
}

namespace {

void run_for(Outbox& outbox, const char* sql, const std::string& name, const char* doing) {
  try {
    sqlite::Statement statement(OutboxAccess::db(outbox), sql);
    statement.bind(1, name).run();
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(outbox, failure, doing);
  }
}

}  // namespace

void StaffStore::pin_was_right(const std::string& name) {
  // Back on the tablet: a sign-out not yet carried out is called off.
  run_for(*outbox_, "UPDATE staff_members SET wrong_pins = 0, sign_out_requested = 0 WHERE name = ?1", name,
          "while recording a sign-in");
}

void StaffStore::request_sign_out(const std::string& name) {
  run_for(*outbox_, "UPDATE staff_members SET sign_out_requested = 1 WHERE name = ?1", name,
          "while recording a sign-out");
}

void StaffStore::session_ended(const std::string& name) {
  run_for(*outbox_, "UPDATE staff_members SET session_ended = 1, token_live = 0 WHERE name = ?1", name,
          "while recording a sign-out");
}

void StaffStore::token_refused(const std::string& name) {
  run_for(*outbox_, "UPDATE staff_members SET token_live = 0 WHERE name = ?1", name,
          "while recording an ended sign-in");
}

void StaffStore::forget_ended_tokens() {
  try {
    // A report still queued carries the token to name its officer, so the
    // token stays until none is left; then nothing on the tablet needs it.
    sqlite::exec(OutboxAccess::db(*outbox_),
                 "UPDATE staff_members SET token = '' WHERE session_ended = 1 AND token <> '' AND NOT EXISTS ("
                 "SELECT 1 FROM requests WHERE requests.staff = staff_members.name "
                 "AND (state = 'queued' OR state = 'sending'))");
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while forgetting ended sign-ins");
  }
}

void StaffStore::forget_jobs_nobody_can_open() {
  try {
    sqlite::Statement forget(OutboxAccess::db(*outbox_),
                             "DELETE FROM jobs WHERE staff IN (SELECT name FROM staff_members WHERE "
                             "(verifier = '' OR verifier_expires_at <= ?1 OR wrong_pins >= ?2) AND "
                             "(token = '' OR token_live = 0 OR session_ended = 1 OR token_expires_at <= ?1))");
    forget.bind(1, OutboxAccess::now(*outbox_)).bind(2, static_cast<std::int64_t>(kMaxWrongPins)).run();
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while forgetting jobs");
  }
}

void StaffStore::set_jobs_cursor(const std::string& name, const std::string& cursor) {
  try {
    sqlite::Statement update(OutboxAccess::db(*outbox_), "UPDATE staff_members SET jobs_cursor = ?2 WHERE name = ?1");
    update.bind(1, name).bind(2, cursor).run();
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while keeping the jobs cursor");
  }
}

void StaffStore::keep_only_verifiers(const std::vector<std::pair<std::int64_t, std::string>>& listed) {
  auto* db = OutboxAccess::db(*outbox_);
  try {
    sqlite::WriteTransaction transaction(db);
    sqlite::exec(db, "CREATE TEMP TABLE IF NOT EXISTS listed_verifiers (id INTEGER, fingerprint TEXT)");
    sqlite::exec(db, "DELETE FROM temp.listed_verifiers");
    for (const auto& [id, fingerprint] : listed) {
      sqlite::Statement insert(db, "INSERT INTO temp.listed_verifiers (id, fingerprint) VALUES (?1, ?2)");
      insert.bind(1, id).bind(2, fingerprint).run();
    }
    sqlite::exec(db,
                 "UPDATE staff_members SET verifier_id = NULL, verifier = '', fingerprint = '', "
                 "verifier_expires_at = '' WHERE verifier <> '' AND NOT EXISTS (SELECT 1 FROM temp.listed_verifiers l "
                 "WHERE l.id = staff_members.verifier_id AND l.fingerprint = staff_members.fingerprint)");
    transaction.commit();
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while withdrawing PINs");
  }
}

bool StaffStore::has_unsent_session_work(const std::string& name) const {
  try {
    sqlite::Statement select(OutboxAccess::db(*outbox_),
                             "SELECT EXISTS (SELECT 1 FROM job_updates WHERE staff = ?1 AND kind = 'update' "
                             "AND (state = 'waiting' OR state = 'sending'))");
    select.bind(1, name);
    return select.step() && select.integer(0) == 1;
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while looking for unsent work");
  }
}

}  // namespace oneservice::sync
