#include "sync/migrations.h"

#include <sqlite3.h>

#include <optional>

#include "db/sqlite.h"
#include "sync/store_error.h"

namespace oneservice::sync {
namespace {

// Version 1. The triggers repeat the rules Outbox already checks, so that a
// bug in C++ or a hand-run UPDATE during support cannot change a request the
// screen has told a resident is sent, or lose one not yet delivered.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE requests (
  id INTEGER PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE,
  local_ref TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL
    CHECK (state IN ('draft', 'queued', 'sending', 'accepted', 'needs_attention')),
  service_code TEXT NOT NULL,
  catalogue_version TEXT NOT NULL,
  body TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error TEXT NOT NULL DEFAULT '',
  server_ref TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (state <> 'accepted' OR server_ref <> '')
) STRICT;

CREATE INDEX requests_by_state ON requests (state, id);

CREATE TRIGGER requests_insert_as_new BEFORE INSERT ON requests
WHEN NEW.state NOT IN ('draft', 'queued') OR NEW.attempts <> 0 OR NEW.server_ref <> ''
BEGIN
  SELECT RAISE(ABORT, 'a new request must start as draft or queued, never sent');
END;

CREATE TRIGGER requests_identity_fixed BEFORE UPDATE OF client_id, local_ref, created_at ON requests
WHEN NEW.client_id IS NOT OLD.client_id OR NEW.local_ref IS NOT OLD.local_ref
  OR NEW.created_at IS NOT OLD.created_at
BEGIN
  SELECT RAISE(ABORT, 'a request''s client id, reference and creation time never change');
END;

CREATE TRIGGER requests_read_only_after_draft
BEFORE UPDATE OF body, service_code, catalogue_version ON requests
WHEN OLD.state <> 'draft' AND (NEW.body IS NOT OLD.body OR NEW.service_code IS NOT OLD.service_code
  OR NEW.catalogue_version IS NOT OLD.catalogue_version)
BEGIN
  SELECT RAISE(ABORT, 'a request is read-only once it has left draft');
END;

CREATE TRIGGER requests_state_transitions BEFORE UPDATE OF state ON requests
WHEN NEW.state IS NOT OLD.state AND NOT (
     (OLD.state = 'draft' AND NEW.state = 'queued')
  OR (OLD.state = 'queued' AND NEW.state = 'sending')
  OR (OLD.state = 'sending' AND NEW.state IN ('accepted', 'needs_attention', 'queued')))
BEGIN
  SELECT RAISE(ABORT, 'this request state change is not allowed');
END;

CREATE TRIGGER requests_attempts_only_grow BEFORE UPDATE OF attempts ON requests
WHEN NEW.attempts < OLD.attempts
BEGIN
  SELECT RAISE(ABORT, 'a request''s attempt count never goes down');
END;

CREATE TRIGGER requests_kept_until_accepted BEFORE DELETE ON requests
WHEN OLD.state NOT IN ('draft', 'accepted')
BEGIN
  SELECT RAISE(ABORT, 'a request the council has not accepted cannot be deleted');
END;

CREATE TABLE catalogue_cache (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  changeset TEXT NOT NULL,
  body TEXT NOT NULL,
  cached_at TEXT NOT NULL
) STRICT;
)sql";

// Version 2: what delivery needs. When a request may next be tried
// (backoff survives a restart), the token of a batch service until it
// resolves, photos travelling with their request, catalogue versions kept
// while queued requests still refer to them, small sync bookkeeping (the
// updates cursor, the last success), and the status updates the council sent
// back, so "what happened to my request" works offline.
constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE requests ADD COLUMN next_attempt_at TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN token TEXT NOT NULL DEFAULT '';

CREATE INDEX requests_due ON requests (state, next_attempt_at, id);

CREATE TABLE request_media (
  id INTEGER PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES requests (client_id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  bytes BLOB NOT NULL
) STRICT;

CREATE INDEX request_media_by_request ON request_media (client_id, id);

CREATE TABLE catalogue_versions (
  changeset TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  cached_at TEXT NOT NULL
) STRICT;

INSERT INTO catalogue_versions (changeset, body, cached_at)
  SELECT changeset, body, cached_at FROM catalogue_cache;

CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

INSERT INTO sync_state (key, value) SELECT 'catalogue_current', changeset FROM catalogue_cache;

DROP TABLE catalogue_cache;

CREATE TABLE status_updates (
  update_id TEXT PRIMARY KEY,
  service_request_id TEXT NOT NULL,
  status TEXT NOT NULL,
  updated_datetime TEXT NOT NULL,
  description TEXT NOT NULL
) STRICT;

CREATE INDEX status_updates_by_request ON status_updates (service_request_id, updated_datetime);
)sql";

// Version 3: a request needing attention can be put back in the queue by
// an operator (after the key or the catalogue was fixed); until now it was
// a dead end.
constexpr std::string_view kVersion3 = R"sql(
DROP TRIGGER requests_state_transitions;
CREATE TRIGGER requests_state_transitions BEFORE UPDATE OF state ON requests
WHEN NEW.state IS NOT OLD.state AND NOT (
     (OLD.state = 'draft' AND NEW.state = 'queued')
  OR (OLD.state = 'queued' AND NEW.state = 'sending')
  OR (OLD.state = 'sending' AND NEW.state IN ('accepted', 'needs_attention', 'queued'))
  OR (OLD.state = 'needs_attention' AND NEW.state = 'queued'))
BEGIN
  SELECT RAISE(ABORT, 'this request state change is not allowed');
END;
)sql";

// Version 4: when each request joined the queue and when the council
// accepted it, so the operator screen can chart the queue over the last day
// (created_at is when a draft began, updated_at moves on every change).
// Triggers stamp them from the row's own updated_at, which every state
// change sets from the outbox's clock, so every path that queues or accepts
// a request is covered, including a hand-run UPDATE during support. Rows
// from before this step get the closest stamps they have.
constexpr std::string_view kVersion4 = R"sql(
ALTER TABLE requests ADD COLUMN queued_at TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN accepted_at TEXT NOT NULL DEFAULT '';
UPDATE requests SET queued_at = created_at WHERE state <> 'draft';
UPDATE requests SET accepted_at = updated_at WHERE state = 'accepted';

CREATE INDEX requests_by_accepted_at ON requests (accepted_at);

CREATE TRIGGER requests_stamp_queued_on_insert AFTER INSERT ON requests
WHEN NEW.state = 'queued'
BEGIN
  UPDATE requests SET queued_at = NEW.updated_at WHERE id = NEW.id;
END;

CREATE TRIGGER requests_stamp_queued AFTER UPDATE OF state ON requests
WHEN OLD.state = 'draft' AND NEW.state = 'queued'
BEGIN
  UPDATE requests SET queued_at = NEW.updated_at WHERE id = NEW.id;
END;

CREATE TRIGGER requests_stamp_accepted AFTER UPDATE OF state ON requests
WHEN OLD.state <> 'accepted' AND NEW.state = 'accepted'
BEGIN
  UPDATE requests SET accepted_at = NEW.updated_at WHERE id = NEW.id;
END;
)sql";

// Version 5: the same table, rules and stamps, written without IN lists,
// because they cost the sync engine a sixth of its CPU while draining a
// queue. SQLite evaluates an IN list of more than two constants through a
// temporary b-tree that it builds afresh for every statement and every
// trigger run, and the CHECK on state and the transitions trigger run on
// every state change. A CHECK cannot be altered in place, so the table is
// rebuilt by SQLite's documented procedure (lang_altertable.html, "Making
// Other Kinds Of Table Schema Changes"): new table, copy, drop, rename,
// then its indexes and triggers again. migrate() turns foreign keys off
// around this step, or dropping the old table would cascade to the photos,
// and checks them before committing.
//
// The acceptance stamp is also set by the statement that accepts (as
// settle does); the trigger now only fills it in when a statement did not,
// instead of rewriting every accepted row a second time.
constexpr std::string_view kVersion5 = R"sql(
CREATE TABLE requests_v5 (
  id INTEGER PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE,
  local_ref TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL
    CHECK (state = 'draft' OR state = 'queued' OR state = 'sending' OR state = 'accepted'
           OR state = 'needs_attention'),
  service_code TEXT NOT NULL,
  catalogue_version TEXT NOT NULL,
  body TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error TEXT NOT NULL DEFAULT '',
  server_ref TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  next_attempt_at TEXT NOT NULL DEFAULT '',
  token TEXT NOT NULL DEFAULT '',
  queued_at TEXT NOT NULL DEFAULT '',
  accepted_at TEXT NOT NULL DEFAULT '',
  CHECK (state <> 'accepted' OR server_ref <> '')
) STRICT;

INSERT INTO requests_v5 (id, client_id, local_ref, state, service_code, catalogue_version, body, attempts,
                         last_error, server_ref, created_at, updated_at, next_attempt_at, token, queued_at,
                         accepted_at)
  SELECT id, client_id, local_ref, state, service_code, catalogue_version, body, attempts, last_error,
         server_ref, created_at, updated_at, next_attempt_at, token, queued_at, accepted_at
  FROM requests;

DROP TABLE requests;
ALTER TABLE requests_v5 RENAME TO requests;

CREATE INDEX requests_by_state ON requests (state, id);
CREATE INDEX requests_due ON requests (state, next_attempt_at, id);
CREATE INDEX requests_by_accepted_at ON requests (accepted_at);

CREATE TRIGGER requests_insert_as_new BEFORE INSERT ON requests
WHEN NOT (NEW.state = 'draft' OR NEW.state = 'queued') OR NEW.attempts <> 0 OR NEW.server_ref <> ''
BEGIN
  SELECT RAISE(ABORT, 'a new request must start as draft or queued, never sent');
END;

CREATE TRIGGER requests_identity_fixed BEFORE UPDATE OF client_id, local_ref, created_at ON requests
WHEN NEW.client_id IS NOT OLD.client_id OR NEW.local_ref IS NOT OLD.local_ref
  OR NEW.created_at IS NOT OLD.created_at
BEGIN
  SELECT RAISE(ABORT, 'a request''s client id, reference and creation time never change');
END;

CREATE TRIGGER requests_read_only_after_draft
BEFORE UPDATE OF body, service_code, catalogue_version ON requests
WHEN OLD.state <> 'draft' AND (NEW.body IS NOT OLD.body OR NEW.service_code IS NOT OLD.service_code
  OR NEW.catalogue_version IS NOT OLD.catalogue_version)
BEGIN
  SELECT RAISE(ABORT, 'a request is read-only once it has left draft');
END;

CREATE TRIGGER requests_state_transitions BEFORE UPDATE OF state ON requests
WHEN NEW.state IS NOT OLD.state AND NOT (
     (OLD.state = 'draft' AND NEW.state = 'queued')
  OR (OLD.state = 'queued' AND NEW.state = 'sending')
  OR (OLD.state = 'sending' AND (NEW.state = 'accepted' OR NEW.state = 'needs_attention' OR NEW.state = 'queued'))
  OR (OLD.state = 'needs_attention' AND NEW.state = 'queued'))
BEGIN
  SELECT RAISE(ABORT, 'this request state change is not allowed');
END;

CREATE TRIGGER requests_attempts_only_grow BEFORE UPDATE OF attempts ON requests
WHEN NEW.attempts < OLD.attempts
BEGIN
  SELECT RAISE(ABORT, 'a request''s attempt count never goes down');
END;

CREATE TRIGGER requests_kept_until_accepted BEFORE DELETE ON requests
WHEN NOT (OLD.state = 'draft' OR OLD.state = 'accepted')
BEGIN
  SELECT RAISE(ABORT, 'a request the council has not accepted cannot be deleted');
END;

CREATE TRIGGER requests_stamp_queued_on_insert AFTER INSERT ON requests
WHEN NEW.state = 'queued'
BEGIN
  UPDATE requests SET queued_at = NEW.updated_at WHERE id = NEW.id;
END;

CREATE TRIGGER requests_stamp_queued AFTER UPDATE OF state ON requests
WHEN OLD.state = 'draft' AND NEW.state = 'queued'
BEGIN
  UPDATE requests SET queued_at = NEW.updated_at WHERE id = NEW.id;
END;

CREATE TRIGGER requests_stamp_accepted AFTER UPDATE OF state ON requests
WHEN OLD.state <> 'accepted' AND NEW.state = 'accepted' AND NEW.accepted_at = ''
BEGIN
  UPDATE requests SET accepted_at = NEW.updated_at WHERE id = NEW.id;
END;
)sql";

// Version 6: requests_by_state (state, id) goes. requests_due (state,
// next_attempt_at, id) starts with the same column, so every lookup by
// state can use it instead, and each change of state (two per request
// delivered) had to update both. A list by state now sorts its rows by id,
// which costs little next to reading them.
constexpr std::string_view kVersion6 = R"sql(
DROP INDEX requests_by_state;
)sql";


// Version 7: field mode (issue 13). Everything here that belongs to a
// member of staff carries their name (`staff`, compared ignoring ASCII case
// as central compares names), and every query the UI makes filters on it.
//
// staff_members: one row per member who signed in online on this tablet:
// the session token their queued work is sent with, and the offline PIN
// verifier (an Argon2id string; the PIN cannot be read from it, only
// guessed at the hash's cost), the wrong-PIN count that locks it, and the
// jobs cursor. A sign-out waits in sign_out_requested until the server
// session is ended.
//
// report_photos: an officer's report's photos, each sent after the report
// as its own update (one update id each, so exactly once per photo), with
// the status it is sent with, fixed at its first attempt.
// job_updates: updates, joins (an update and a supporter) on cases; their
// photos in job_update_media. jobs, job_thumbnails: the officer's jobs as
// central last sent them. job_notices: what the tablet noticed (a job taken
// away). nearby_cases: the cache of open cases near the officer's area.
constexpr std::string_view kVersion7 = R"sql(
ALTER TABLE requests ADD COLUMN staff TEXT NOT NULL DEFAULT '' COLLATE NOCASE;
CREATE INDEX requests_by_staff ON requests (staff, state) WHERE staff <> '';

CREATE TABLE staff_members (
  name TEXT PRIMARY KEY COLLATE NOCASE,
  role TEXT NOT NULL,
  team TEXT NOT NULL,
  token TEXT NOT NULL DEFAULT '',
  token_expires_at TEXT NOT NULL DEFAULT '',
  token_live INTEGER NOT NULL DEFAULT 0 CHECK (token_live IN (0, 1)),
  session_ended INTEGER NOT NULL DEFAULT 0 CHECK (session_ended IN (0, 1)),
  sign_out_requested INTEGER NOT NULL DEFAULT 0 CHECK (sign_out_requested IN (0, 1)),
  verifier_id INTEGER,
  verifier TEXT NOT NULL DEFAULT '',
  fingerprint TEXT NOT NULL DEFAULT '',
  verifier_expires_at TEXT NOT NULL DEFAULT '',
  wrong_pins INTEGER NOT NULL DEFAULT 0 CHECK (wrong_pins >= 0),
  jobs_cursor TEXT NOT NULL DEFAULT '',
  signed_in_at TEXT NOT NULL
) STRICT;

CREATE TABLE report_photos (
  id INTEGER PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES requests (client_id) ON DELETE CASCADE,
  update_id TEXT NOT NULL UNIQUE,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  bytes BLOB,
  status TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'waiting'
    CHECK (state = 'waiting' OR state = 'sent' OR state = 'needs_attention'),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL DEFAULT '',
  last_error TEXT NOT NULL DEFAULT '',
  sent_at TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX report_photos_by_request ON report_photos (client_id, id);

CREATE TABLE jobs (
  staff TEXT NOT NULL COLLATE NOCASE,
  service_request_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  document TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (staff, service_request_id)
) STRICT;

CREATE TABLE job_thumbnails (
  staff TEXT NOT NULL COLLATE NOCASE,
  service_request_id TEXT NOT NULL,
  url TEXT NOT NULL,
  content_type TEXT NOT NULL DEFAULT '',
  bytes BLOB,
  PRIMARY KEY (staff, service_request_id, url),
  FOREIGN KEY (staff, service_request_id) REFERENCES jobs (staff, service_request_id) ON DELETE CASCADE
) STRICT;

CREATE TABLE job_updates (
  id INTEGER PRIMARY KEY,
  update_id TEXT NOT NULL UNIQUE,
  staff TEXT NOT NULL COLLATE NOCASE,
  service_request_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind = 'update' OR kind = 'join'),
  status TEXT NOT NULL,
  public_note TEXT NOT NULL,
  private_note TEXT NOT NULL,
  device_time TEXT NOT NULL,
  base_version INTEGER,
  state TEXT NOT NULL DEFAULT 'waiting'
    CHECK (state = 'waiting' OR state = 'sending' OR state = 'sent' OR state = 'conflict'
           OR state = 'needs_attention'),
  supporter_sent INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL DEFAULT '',
  last_error TEXT NOT NULL DEFAULT '',
  council_words TEXT NOT NULL DEFAULT '',
  sent_version INTEGER,
  answered_version INTEGER,
  queued_at TEXT NOT NULL,
  sent_at TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX job_updates_by_case ON job_updates (staff, service_request_id, id);

CREATE TRIGGER job_updates_kept_until_sent BEFORE DELETE ON job_updates
WHEN OLD.state = 'waiting' OR OLD.state = 'sending'
BEGIN
  SELECT RAISE(ABORT, 'an update not yet sent cannot be deleted');
END;

CREATE TABLE job_update_media (
  id INTEGER PRIMARY KEY,
  update_id TEXT NOT NULL REFERENCES job_updates (update_id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  bytes BLOB NOT NULL
) STRICT;
CREATE INDEX job_update_media_by_update ON job_update_media (update_id, id);

CREATE TABLE job_notices (
  id INTEGER PRIMARY KEY,
  staff TEXT NOT NULL COLLATE NOCASE,
  service_request_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL,
  had_unsent_work INTEGER NOT NULL,
  dismissed INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX job_notices_by_staff ON job_notices (staff, dismissed, id);

CREATE TABLE nearby_cases (
  service_request_id TEXT PRIMARY KEY,
  service_code TEXT NOT NULL,
  status TEXT NOT NULL,
  description TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  supporters INTEGER NOT NULL,
  fetched_at TEXT NOT NULL
) STRICT;
)sql";

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> steps = {
      {1, kVersion1},
      {2, kVersion2},
      {3, kVersion3},
      {4, kVersion4},
      {5, kVersion5, Migration::ForeignKeys::OffDuringStep},
      {6, kVersion6},
      {7, kVersion7},
  };
  return steps;
}

int latest_schema_version() { return migrations().back().version; }

void migrate(sqlite3* db, const std::string& path) {
  try {
    for (const auto& step : migrations()) {
      // PRAGMA foreign_keys is a no-op inside a transaction, so a step that
      // rebuilds a table turns them off before its transaction begins.
      std::optional<sqlite::ScopedPragma> keys_off;
      if (step.foreign_keys == Migration::ForeignKeys::OffDuringStep)
        keys_off.emplace(db, "PRAGMA foreign_keys = OFF", "PRAGMA foreign_keys = ON");
      // Read the version under the write lock: another process opening the
      // same file at the same moment must not apply a step twice.
      sqlite::WriteTransaction transaction(db);
      const auto version = sqlite::query_integer(db, "PRAGMA user_version");
      if (version > latest_schema_version()) {
        throw StoreError(store_message(
            StoreProblem::NewerVersion, path,
            "schema version " + std::to_string(version) + "; this version knows up to " +
                std::to_string(latest_schema_version())));
      }
      if (version >= step.version) continue;
      sqlite::exec(db, std::string(step.sql));
      if (keys_off && sqlite::query_text(db, "PRAGMA foreign_key_check"))
        throw StoreError(store_message(StoreProblem::Damaged, path, "a photo belongs to no request"));
      // PRAGMA takes no bound parameters; the number is our own constant.
      sqlite::exec(db, "PRAGMA user_version = " + std::to_string(step.version));
      transaction.commit();
    }
  } catch (const sqlite::Failure& failure) {
    // A plain SQL error here means the file already holds tables that clash
    // with ours: someone else's database, not a damaged one.
    const auto problem = (failure.code() & 0xFF) == SQLITE_ERROR ? StoreProblem::Unrecognised
                                                      : problem_for_sqlite_code(failure.code());
    throw StoreError(store_message(problem, path,
                                   "while updating its layout: " + std::string(failure.what())));
  }
}

}  // namespace oneservice::sync
