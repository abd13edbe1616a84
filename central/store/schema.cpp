#include "central/store/schema.h"

#include <sqlite3.h>

#include "central/records.h"
#include "central/store/schema_v2_updates.h"
#include "central/store/schema_v3_staff.h"
#include "central/store/schema_v4_jobs.h"
#include "central/store/schema_v5_public.h"
#include "shared/identity.h"

namespace oneservice::central::store {
namespace {

// Version 1. Statuses are listed here as they were when the step was written:
// a migration never changes once released. lat/lon are NULL when the request
// had no point; token is NULL unless the service is a batch service.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE devices (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (name <> ''),
  channel TEXT NOT NULL CHECK (channel IN ('kiosk', 'field', 'assisted', 'web')),
  key_sha256 TEXT NOT NULL UNIQUE CHECK (length(key_sha256) = 64),
  created_at TEXT NOT NULL,
  revoked_at TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE CHECK (client_id <> ''),
  canonical_body TEXT NOT NULL,
  token TEXT UNIQUE,
  service_code TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('OPEN', 'INVESTIGATING', 'IN_PROGRESS', 'ACTION_SCHEDULED',
    'FIXED', 'DUPLICATE', 'NOT_COUNCILS_RESPONSIBILITY', 'NO_FURTHER_ACTION', 'INTERNAL_REFERRAL',
    'FOR_TRIAGE', 'CANCELLED', 'REOPEN', 'CLOSED')),
  is_open INTEGER NOT NULL CHECK (is_open IN (0, 1)),
  status_notes TEXT NOT NULL,
  agency_responsible TEXT NOT NULL,
  responsible_area_id TEXT NOT NULL,
  service_notice TEXT NOT NULL,
  requested_datetime TEXT NOT NULL,
  updated_datetime TEXT NOT NULL,
  device_created_at TEXT NOT NULL,
  address TEXT NOT NULL,
  lat REAL,
  lon REAL,
  description TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('kiosk', 'field', 'assisted', 'web')),
  device_id INTEGER REFERENCES devices (id),
  request_json TEXT NOT NULL
) STRICT;

CREATE INDEX cases_by_requested ON cases (requested_datetime, id);
CREATE INDEX cases_by_service ON cases (service_code, requested_datetime);

CREATE TABLE case_updates (
  update_id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  status TEXT NOT NULL,
  updated_datetime TEXT NOT NULL,
  description TEXT NOT NULL,
  media_url TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX case_updates_by_time ON case_updates (updated_datetime, update_id);
CREATE INDEX case_updates_by_case ON case_updates (case_id, update_id);

CREATE TABLE case_media (
  case_id INTEGER NOT NULL REFERENCES cases (id),
  position INTEGER NOT NULL,
  file_name TEXT NOT NULL CHECK (file_name <> ''),
  content_type TEXT NOT NULL,
  PRIMARY KEY (case_id, position)
) STRICT;

-- Updates are the case's public history: never rewritten or removed.
CREATE TRIGGER case_updates_append_only BEFORE UPDATE ON case_updates
BEGIN
  SELECT RAISE(ABORT, 'case updates are never changed');
END;
CREATE TRIGGER case_updates_kept BEFORE DELETE ON case_updates
BEGIN
  SELECT RAISE(ABORT, 'case updates are never deleted');
END;
)sql";

[[noreturn]] void refuse(const std::string& path, const std::string& detail) {
  throw CentralStoreError("The case store " + path + " cannot be used: " + detail);
}

// oneservice_local_reference(client_id): the reference the device showed
// for this request (schema step 5 fills cases.reference with it).
void local_reference_function(sqlite3_context* context, int, sqlite3_value** arguments) {
  const auto* text = sqlite3_value_text(arguments[0]);
  if (!text) return sqlite3_result_null(context);
  const auto reference = local_reference(reinterpret_cast<const char*>(text));
  sqlite3_result_text(context, reference.c_str(), static_cast<int>(reference.size()), SQLITE_TRANSIENT);
}

void configure(sqlite3* db) {
  if (sqlite3_create_function(db, "oneservice_local_reference", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                              local_reference_function, nullptr, nullptr) != SQLITE_OK)
    throw sqlite::Failure(SQLITE_ERROR, "cannot register oneservice_local_reference");
  sqlite::exec(db, "PRAGMA busy_timeout = " + std::to_string(kBusyTimeoutMs));
  // FULL syncs the log on every commit: a case the server answered 201 for
  // survives a power cut. Group commit, not this, is where speed comes from.
  sqlite::exec(db, "PRAGMA synchronous = FULL");
  sqlite::exec(db, "PRAGMA foreign_keys = ON");
}

void migrate(sqlite3* db, const std::string& path) {
  for (const auto& step : migrations()) {
    // Read the version under the write lock, so two processes opening the
    // same new file cannot both apply a step.
    sqlite::WriteTransaction transaction(db);
    const auto version = sqlite::query_integer(db, "PRAGMA user_version");
    if (version > latest_schema_version())
      refuse(path, "its layout is version " + std::to_string(version) + ", newer than this server knows (up to " +
                       std::to_string(latest_schema_version()) +
                       "). Run the newer server that wrote it, or restore a backup.");
    if (version >= step.version) continue;
    sqlite::exec(db, std::string(step.sql));
    sqlite::exec(db, "PRAGMA user_version = " + std::to_string(step.version));
    transaction.commit();
  }
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> steps = {
      {1, kVersion1},
      {2, kVersion2Updates},
      {3, kVersion3Staff},
      {4, kVersion4Jobs},
      {5, kVersion5Public},
  };
  return steps;
}

int latest_schema_version() { return migrations().back().version; }

sqlite::Database open_writer(const std::string& path) {
  try {
    auto db = sqlite::open(path, sqlite::Access::ReadWriteCreate);
    if (sqlite3_db_readonly(db.get(), "main") == 1) refuse(path, "the file is read-only");
    // The first read is where SQLite finds out a file is not a database.
    sqlite::query_integer(db.get(), "SELECT count(*) FROM sqlite_schema");
    configure(db.get());
    if (sqlite::query_text(db.get(), "PRAGMA journal_mode = WAL") != "wal")
      refuse(path, "this disk does not support the write-ahead log it needs");
    migrate(db.get(), path);
    return db;
  } catch (const sqlite::Failure& failure) {
    refuse(path, failure.what());
  }
}

sqlite::Database open_reader(const std::string& path) {
  try {
    auto db = sqlite::open(path, sqlite::Access::ReadWrite);
    configure(db.get());
    sqlite::exec(db.get(), "PRAGMA query_only = ON");
    return db;
  } catch (const sqlite::Failure& failure) {
    refuse(path, failure.what());
  }
}

}  // namespace oneservice::central::store
