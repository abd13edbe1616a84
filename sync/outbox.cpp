#include "sync/outbox.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <system_error>

#include "shared/format_error.h"
#include "shared/identity.h"
#include "shared/photo_limits.h"
#include "shared/request_json.h"
#include "sync/migrations.h"
#include "sync/outbox_rows.h"

namespace oneservice::sync {
namespace {

using detail::entry_from_row;
using detail::kEntryColumns;

namespace fs = std::filesystem;

constexpr int kBusyTimeoutMs = 5000;  // the Busy message says "5 seconds"

[[noreturn]] void refuse(StoreProblem problem, const std::string& path, std::string_view detail = {}) {
  throw StoreError(store_message(problem, path, detail));
}

fs::path folder_of(const fs::path& file) {
  return file.has_parent_path() ? file.parent_path() : fs::path(".");
}

bool writable(const fs::path& path) { return ::access(path.c_str(), W_OK) == 0; }

// Everything that can be told from the file system alone is checked before
// SQLite touches the file, because SQLite would otherwise quietly open a
// write-protected file read-only and fail only at the first save, long after
// the screen said the kiosk was ready.
void check_before_open(const std::string& path, OpenMode mode, bool& exists) {
  const fs::path file(path);
  const fs::path folder = folder_of(file);
  std::error_code error;
  const auto status = fs::status(file, error);
  exists = fs::exists(status);
  if (!exists && status.type() != fs::file_type::not_found)
    refuse(StoreProblem::NoPermission, path, error.message());

  if (exists) {
    if (!fs::is_regular_file(status)) refuse(StoreProblem::NotAFile, path);
    if (::access(file.c_str(), R_OK) != 0) refuse(StoreProblem::NoPermission, path, std::strerror(errno));
    if (!writable(file)) refuse(StoreProblem::ReadOnly, path);
    // WAL keeps -wal and -shm files beside the store: the folder must be writable too.
    if (!writable(folder)) refuse(StoreProblem::FolderNotWritable, path);
    return;
  }

  if (mode == OpenMode::MustExist) refuse(StoreProblem::Missing, path);
  const auto folder_status = fs::status(folder, error);
  if (fs::exists(folder_status)) {
    if (!fs::is_directory(folder_status))
      refuse(StoreProblem::FolderNotCreatable, path, "a file with that name is in the way");
  } else {
    fs::create_directories(folder, error);
    if (error) refuse(StoreProblem::FolderNotCreatable, path, error.message());
  }
  if (!writable(folder)) refuse(StoreProblem::FolderNotWritable, path);
}

RequestState state_from_column(const std::string& text, const std::string& path) {
  const auto state = parse_state(text);
  // The CHECK constraint makes this unreachable unless the file was edited.
  if (!state) refuse(StoreProblem::Damaged, path, "a request has an unknown state");
  return *state;
}

void require_prepared(const ServiceRequest& request) {
  if (request.client_id.empty() || request.created_at.empty())
    throw std::invalid_argument(
        "The request has no client id or creation time: run prepare_request before storing it.");
}

}  // namespace

namespace detail {

OutboxEntry entry_from_row(const sqlite::Statement& row, const std::string& path) {
  OutboxEntry entry;
  entry.client_id = row.text(0);
  entry.local_ref = row.text(1);
  entry.state = state_from_column(row.text(2), path);
  entry.service_code = row.text(3);
  entry.attempts = static_cast<int>(row.integer(4));
  entry.last_error = row.text(5);
  entry.server_ref = row.text(6);
  entry.created_at = row.text(7);
  entry.updated_at = row.text(8);
  entry.next_attempt_at = row.text(9);
  entry.token = row.text(10);
  entry.staff = row.text(11);
  return entry;
}

ServiceRequest request_from_body(const std::string& body, const std::string& path, const std::string& local_ref) {
  try {
    return request_from_json(body);
  } catch (const FormatError&) {
    // The FormatError may quote the body; only the reference is safe to show.
    throw StoreError(store_message(StoreProblem::Damaged, path, "request " + local_ref + " cannot be read"));
  }
}

}  // namespace detail

std::string outbox_path(const std::string& data_dir) { return data_dir + "/outbox.sqlite3"; }

Outbox::Outbox(std::string path, sqlite::Database db) : path_(std::move(path)), db_(std::move(db)) {}

Outbox Outbox::open(const std::string& path, OpenMode mode) { return open(path, mode, OpenHooks{}); }

namespace {

// SQLite gives every new page cache a bulk allocation of 20 pages up front,
// and it makes a page cache for every temporary b-tree: each UPDATE ...
// FROM, IN (SELECT ...) and RETURNING the sync engine runs. Touching those
// pages cost a third of a million page faults per 10,000 requests drained.
// With no bulk allocation, pages come from malloc as they are needed. This
// is process-wide, so it is set before SQLite first initialises; if
// something else in the process initialised SQLite already, the call is
// refused and nothing changes but speed.
void configure_sqlite_once() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_PAGECACHE, nullptr, 0, 0); });
}

}  // namespace

Outbox Outbox::open(const std::string& path, OpenMode mode, const OpenHooks& hooks) {
  configure_sqlite_once();
  bool exists = false;
  check_before_open(path, mode, exists);

  // Only ask SQLite to create when we found no file: if one appears in the
  // meantime it is opened, never replaced.
  const auto access = hooks.open_read_only ? sqlite::Access::ReadOnly
                      : exists            ? sqlite::Access::ReadWrite
                                          : sqlite::Access::ReadWriteCreate;
  sqlite::Database db;
  try {
    db = sqlite::open(path, access);
  } catch (const sqlite::Failure& failure) {
    refuse(problem_for_sqlite_code(failure.code()), path, failure.what());
  }
  sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
  if (sqlite3_db_readonly(db.get(), "main") == 1) refuse(StoreProblem::ReadOnly, path);

  try {
    // The first read is where SQLite finds out a file is not a database.
    sqlite::query_integer(db.get(), "SELECT count(*) FROM sqlite_schema");
    const auto check = sqlite::query_text(db.get(), "PRAGMA quick_check");
    if (check != "ok") refuse(StoreProblem::Damaged, path, "it fails SQLite's integrity check");

    const auto journal = sqlite::query_text(db.get(), "PRAGMA journal_mode=WAL");
    if (journal != "wal")
      refuse(StoreProblem::IoFailure, path, "this disk does not support the write-ahead log it needs");
    // FULL syncs the log on every commit: a request the screen called saved
    // survives the kiosk being switched off at the wall.
    sqlite::exec(db.get(), "PRAGMA synchronous=FULL");
    sqlite::exec(db.get(), "PRAGMA foreign_keys=ON");

    // Take and drop the write lock now, so a store that cannot be written is
    // reported at start-up rather than when a resident presses Send.
    sqlite::WriteTransaction probe(db.get());
  } catch (const sqlite::Failure& failure) {
    refuse(problem_for_sqlite_code(failure.code()), path, failure.what());
  }

  migrate(db.get(), path);
  return Outbox(path, std::move(db));
}

StoreSettings Outbox::settings() const {
  try {
    StoreSettings out;
    out.journal_mode = sqlite::query_text(db_.get(), "PRAGMA journal_mode").value_or("");
    out.synchronous = static_cast<int>(sqlite::query_integer(db_.get(), "PRAGMA synchronous"));
    out.busy_timeout_ms = static_cast<int>(sqlite::query_integer(db_.get(), "PRAGMA busy_timeout"));
    out.foreign_keys = sqlite::query_integer(db_.get(), "PRAGMA foreign_keys") == 1;
    return out;
  } catch (const sqlite::Failure& failure) {
    fail(failure, "while reading its settings");
  }
}

std::string Outbox::now() const { return format_utc(clock_.now()); }

void Outbox::fail(const sqlite::Failure& failure, const std::string& doing) const {
  refuse(problem_for_sqlite_code(failure.code()), path_, doing + ": " + failure.what());
}

std::string Outbox::enqueue(const ServiceRequest& request) { return save(request, {}); }

namespace detail {

void check_photo_limits(const std::vector<MediaAttachment>& media) {
  // Checked here too, so a resident hears at once, not after a failed send.
  if (media.size() > kMaxPhotos) throw StoreError(std::string(kTooManyPhotosMessage) + ".");
  for (const auto& item : media)
    if (item.bytes.size() > kMaxPhotoBytes)
      throw StoreError("The photo " + item.file_name + " is too large. " + kPhotoTooLargeMessage + ".");
}

}  // namespace detail

std::string Outbox::enqueue(const ServiceRequest& request, const std::vector<MediaAttachment>& media) {
  detail::check_photo_limits(media);
  return save(request, media);
}

std::string Outbox::save(const ServiceRequest& request, const std::vector<MediaAttachment>& media,
                         const std::string& staff, PhotoRoute route) {
  require_prepared(request);
  const auto reference = local_reference(request.client_id);
  const auto body = request_to_json(request);
  const auto stamp = now();
  try {
    sqlite::WriteTransaction transaction(db_.get());
    sqlite::Statement existing(db_.get(), "SELECT body, staff, state FROM requests WHERE client_id = ?1");
    existing.bind(1, request.client_id);
    if (existing.step()) {
      // A repeat of the same Send (a double tap, a retry after a crash
      // between saving and showing the confirmation) is not an error.
      if (existing.text(0) == body && existing.text(1) == staff && existing.text(2) != "draft") return reference;
      throw StoreError("Request " + reference + " is already in the request store " + path_ +
                       " with different content. A new request needs a new client id.");
    }

    sqlite::Statement clash(db_.get(), "SELECT 1 FROM requests WHERE local_ref = ?1");
    clash.bind(1, reference);
    if (clash.step())
      throw ReferenceClash("The reference " + reference + " is already used by another request in the request store " +
                           path_ + ". Nothing was stored: make a new client id and try again.");

    sqlite::Statement insert(db_.get(),
                             "INSERT INTO requests (client_id, local_ref, state, service_code, catalogue_version, "
                             "body, created_at, updated_at, staff) VALUES (?1, ?2, 'queued', ?3, ?4, ?5, ?6, ?6, ?7)");
    insert.bind(1, request.client_id)
        .bind(2, reference)
        .bind(3, request.service_code)
        .bind(4, request.catalogue_version)
        .bind(5, body)
        .bind(6, stamp)
        .bind(7, staff)
        .run();
    for (const auto& item : media) {
      // Photos sent after the report each get their own update id now, so
      // each is sent exactly once however often the link drops.
      const bool after = route == PhotoRoute::AfterTheReport;
      sqlite::Statement attach(
          db_.get(), after ? "INSERT INTO report_photos (client_id, file_name, content_type, bytes, update_id) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)"
                           : "INSERT INTO request_media (client_id, file_name, content_type, bytes) "
                             "VALUES (?1, ?2, ?3, ?4)");
      attach.bind(1, request.client_id).bind(2, item.file_name).bind(3, item.content_type);
      attach.bind_blob(4, item.bytes);
      if (after) attach.bind(5, make_uuid_v4());
      attach.run();
    }
    transaction.commit();
    return reference;
  } catch (const sqlite::Failure& failure) {
    fail(failure, "while saving request " + reference);
  }
}

int Outbox::requeue_needs_attention() {
  try {
    sqlite::Statement requeue(db_.get(),
                              "UPDATE requests SET state = 'queued', next_attempt_at = '', updated_at = ?1 "
                              "WHERE state = 'needs_attention'");
    requeue.bind(1, now()).run();
    return sqlite::changes(db_.get());
  } catch (const sqlite::Failure& failure) {
    fail(failure, "while putting requests back in the queue");
  }
}

std::optional<OutboxEntry> Outbox::find(const std::string& client_id) const {
  try {
    sqlite::Statement select(db_.get(),
                             "SELECT " + std::string(kEntryColumns) + " FROM requests WHERE client_id = ?1");
    select.bind(1, client_id);
    if (!select.step()) return std::nullopt;
    return entry_from_row(select, path_);
  } catch (const sqlite::Failure& failure) {
    fail(failure, "while reading a request");
  }
}

std::optional<OutboxEntry> Outbox::find_one(const char* where, const std::string& reference) const {
  try {
    sqlite::Statement select(db_.get(), "SELECT " + std::string(kEntryColumns) + " FROM requests WHERE " + where);
    select.bind(1, reference);
    if (!select.step()) return std::nullopt;
    return entry_from_row(select, path_);
  } catch (const sqlite::Failure& failure) {
    fail(failure, "while reading request " + reference);
  }
}

std::optional<OutboxEntry> Outbox::find_by_reference(const std::string& local_ref) const {
  return find_one("local_ref = ?1", local_ref);
}

std::optional<OutboxEntry> Outbox::find_for_tracking(const std::string& reference) const {
  if (reference.empty()) return std::nullopt;  // unaccepted requests have an empty server_ref
  return find_one("local_ref = ?1 OR server_ref = ?1 ORDER BY id LIMIT 1", reference);
}

std::vector<OutboxEntry> Outbox::list(RequestState state) const {
  try {
    sqlite::Statement select(db_.get(), "SELECT " + std::string(kEntryColumns) +
                                            " FROM requests WHERE state = ?1 ORDER BY id");
    select.bind(1, to_string(state));
    std::vector<OutboxEntry> entries;
    while (select.step()) entries.push_back(entry_from_row(select, path_));
    return entries;
  } catch (const sqlite::Failure& failure) {
    fail(failure, "while listing " + to_string(state) + " requests");
  }
}

std::map<RequestState, int> Outbox::counts() const {
  std::map<RequestState, int> out;
  for (const auto state : kAllStates) out[state] = 0;
  try {
    sqlite::Statement select(db_.get(), "SELECT state, count(*) FROM requests GROUP BY state");
    while (select.step()) out[state_from_column(select.text(0), path_)] = static_cast<int>(select.integer(1));
    return out;
  } catch (const sqlite::Failure& failure) {
    fail(failure, "while counting requests");
  }
}

}  // namespace oneservice::sync
