#pragma once
// The device's durable outbox: every request the screen has called saved is
// in this SQLite file before the resident sees the confirmation, and stays
// there until the council has accepted it. Kiosks are switched off at the
// wall, so the file runs in WAL mode with synchronous=FULL.
//
// An Outbox is used from one thread at a time. Several processes may open
// the same file (the kiosk and oneservice-sync); SQLite's locks and the
// busy timeout keep them apart.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/sqlite.h"
#include "shared/catalogue.h"
#include "shared/clock.h"
#include "shared/request.h"
#include "sync/request_state.h"
#include "sync/store_error.h"

namespace oneservice::sync {

namespace detail {
struct OutboxAccess;  // sync/outbox_access.h
}

struct OutboxEntry {
  std::string client_id, local_ref;
  RequestState state = RequestState::Draft;
  // Only the service: a lookup (tracking, counts, the CLI's list) never reads
  // the request's answers and contact details into memory. The whole request
  // comes with a claim, the one place that sends it (ClaimedRequest).
  std::string service_code;
  int attempts = 0;
  std::string last_error;  // last error message (never personal data)
  std::string server_ref;  // council's service_request_id once accepted
  std::string created_at, updated_at;  // UTC ISO 8601
  std::string next_attempt_at;  // empty: as soon as possible
  std::string token;            // batch services: set while it resolves
  std::string staff;            // the member of staff it belongs to; empty: the kiosk's
};

// A photo that travels with its request.
struct MediaAttachment {
  std::string file_name;
  std::string content_type;  // image/jpeg, image/png...
  std::string bytes;
};

// One status change the council sent back (servicerequestupdates).
struct StatusUpdate {
  std::string update_id;
  std::string service_request_id;
  std::string status;  // OPEN, INVESTIGATING, FIXED...
  std::string updated_datetime;
  std::string description;
};

// When one request joined the queue and when the council accepted it
// (UTC ISO 8601; accepted_at empty while it waits). Times only, for the
// operator's queue chart (sync/queue_history.h).
struct QueueSpan {
  std::string queued_at, accepted_at;
};

enum class OpenMode { CreateIfMissing, MustExist };

// The connection's durability settings as SQLite reports them, for a
// diagnostics screen and for tests that must see them in force.
struct StoreSettings {
  std::string journal_mode;  // "wal"
  int synchronous = 0;       // 2 = FULL
  int busy_timeout_ms = 0;
  bool foreign_keys = false;
};

// For tests only: lets a test that runs as root (where file permissions do
// not stop writes) reach the read-only path the way a real read-only file
// does, through SQLite reporting the database as read-only.
struct OpenHooks {
  bool open_read_only = false;
};

class Outbox {
 public:
  // Throws StoreError with one clear message for a missing file (MustExist),
  // a folder that cannot be created or written, a read-only or damaged file,
  // or a file made by a newer oneservice. Never overwrites or deletes a file.
  static Outbox open(const std::string& path, OpenMode mode = OpenMode::CreateIfMissing);
  static Outbox open(const std::string& path, OpenMode mode, const OpenHooks& hooks);

  Outbox(Outbox&&) noexcept = default;
  Outbox& operator=(Outbox&&) noexcept = default;
  Outbox(const Outbox&) = delete;
  Outbox& operator=(const Outbox&) = delete;
  ~Outbox() = default;

  const std::string& path() const { return path_; }
  StoreSettings settings() const;

  // The clock that stamps created_at/updated_at; tests set it.
  void set_clock(Clock clock) { clock_ = std::move(clock); }

  // Stores a prepared request (client_id and created_at set) as queued and
  // returns its local reference. Calling it again with the same client id
  // and the same content returns the same reference and stores nothing, so
  // a double-tapped Send is harmless; different content throws StoreError.
  // Throws ReferenceClash when another client id already has the reference,
  // and std::invalid_argument when the request was not prepared.
  std::string enqueue(const ServiceRequest& request);
  // The same, with photos, stored in the same transaction. Throws
  // StoreError with a message for the resident when there are too many or
  // one is larger than kMaxPhotoBytes.
  std::string enqueue(const ServiceRequest& request, const std::vector<MediaAttachment>& media);

  // The operator's "send again": every needs_attention request back in the
  // queue, due now. Returns how many.
  int requeue_needs_attention();

  // Small key/value bookkeeping: the updates cursor, the last success.
  std::optional<std::string> sync_value(const std::string& key) const;
  void set_sync_value(const std::string& key, const std::string& value);

  // The status cache.
  // Ignores ones already held; returns how many were new.
  int store_updates(const std::vector<StatusUpdate>& updates);
  std::vector<StatusUpdate> updates_for(const std::string& service_request_id) const;  // oldest first

  std::optional<OutboxEntry> find(const std::string& client_id) const;
  std::optional<OutboxEntry> find_by_reference(const std::string& local_ref) const;
  // A resident checking progress may have either reference: this kiosk's
  // own or the council's.
  std::optional<OutboxEntry> find_for_tracking(const std::string& reference) const;
  std::vector<OutboxEntry> list(RequestState state) const;  // oldest first
  std::map<RequestState, int> counts() const;  // every state present

  // Every request that joined the queue and was not yet accepted at
  // since_utc (implemented in queue_history.cpp).
  std::vector<QueueSpan> queue_spans(const std::string& since_utc) const;

  void cache_catalogue(const std::string& changeset, const std::string& json_text);
  std::optional<std::string> cached_catalogue_json() const;
  // A version still held because a request not yet accepted refers to it.
  std::optional<std::string> catalogue_json(const std::string& changeset) const;

 private:
  // The push loop's side of the same store (sync/delivery_queue.h).
  friend class DeliveryQueue;
  // The other views over the same connection (drafts, staff, jobs...).
  friend struct detail::OutboxAccess;

  Outbox(std::string path, sqlite::Database db);

  // Photos travel in the report's own POST (the kiosk), or each after the
  // report, once it has its reference (an officer's, sync/staff_reports.h).
  enum class PhotoRoute { WithTheReport, AfterTheReport };
  std::string save(const ServiceRequest& request, const std::vector<MediaAttachment>& media,
                   const std::string& staff = {}, PhotoRoute route = PhotoRoute::WithTheReport);
  std::string now() const;
  std::optional<OutboxEntry> find_one(const char* where, const std::string& reference) const;
  [[noreturn]] void fail(const sqlite::Failure& failure, const std::string& doing) const;

  std::string path_;
  sqlite::Database db_;
  Clock clock_;
};

// The data folder's outbox file: DIR + "/outbox.sqlite3".
std::string outbox_path(const std::string& data_dir);

}  // namespace oneservice::sync
