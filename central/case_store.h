#pragma once
// The central workflow's durable store: cases (one per service request),
// their public updates, device API keys, and the figures behind reports.
//
// Durability: a create returns only after its transaction is committed with
// synchronous=FULL in WAL mode, so a 2xx the server sends is on disk. Speed
// comes from group commit: one writer thread takes every create waiting at
// that moment and commits them in one transaction (one fsync for many), not
// from loosening synchronous.
//
// Exactly once: a create carries the device's client id. The same id with the
// same content returns the existing case (Duplicate); the same id with other
// content is refused (Conflict). The single writer makes this hold under
// concurrent duplicate POSTs, including two in the same batch.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "shared/clock.h"
#include "shared/request.h"

namespace oneservice::central {

class CentralStoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The Open311 statuses with the UK extension; "open"/"closed" in Open311's
// own sense are derived (is_open_status).
inline const std::vector<std::string>& case_statuses() {
  static const std::vector<std::string> statuses = {
      "OPEN",      "INVESTIGATING", "IN_PROGRESS",       "ACTION_SCHEDULED",  "FIXED",
      "DUPLICATE", "NOT_COUNCILS_RESPONSIBILITY", "NO_FURTHER_ACTION", "INTERNAL_REFERRAL",
      "FOR_TRIAGE", "CANCELLED",   "REOPEN",            "CLOSED"};
  return statuses;
}
bool is_known_status(const std::string& status);
// FIXED, DUPLICATE, NOT_COUNCILS_RESPONSIBILITY, NO_FURTHER_ACTION, CANCELLED
// and CLOSED are closed; the rest are open.
bool is_open_status(const std::string& status);

struct Device {
  std::int64_t id = 0;
  std::string name;     // "Ashcombe Library kiosk 1"
  std::string channel;  // kiosk | field | assisted | web
  std::string created_at;
  std::string revoked_at;  // empty while the key works
};

struct MediaFile {
  std::string file_name;     // stored name under the media folder, e.g. "12-1.jpg"
  std::string content_type;  // image/jpeg ...
};

struct NewCase {
  ServiceRequest request;      // validated by the caller with shared/ rules
  std::string canonical_body;  // what identifies "the same content" for idempotency
  std::int64_t device_id = 0;
  std::string channel;         // from the device's key
  std::string agency_responsible;  // routing decision: body name
  std::string responsible_area_id;
  std::string service_notice;
  bool batch = false;          // Open311 "batch" service: answer with a token
  std::vector<MediaFile> media;
};

enum class CreateOutcome { Created, Duplicate, Conflict };

struct CreateResult {
  CreateOutcome outcome = CreateOutcome::Created;
  std::string service_request_id;  // set for Created and Duplicate
  std::string token;               // set for batch services
};

struct CaseRecord {
  std::string service_request_id;
  std::string client_id;
  std::string token;
  std::string service_code;
  std::string status;  // one of case_statuses()
  std::string status_notes;  // the latest update's public note
  std::string agency_responsible;
  std::string responsible_area_id;
  std::string service_notice;
  std::string requested_datetime;  // UTC ISO 8601 with Z
  std::string updated_datetime;
  std::string address;
  std::optional<double> lat, lon;
  std::string description;
  std::string channel;
  std::string device_name;
  std::vector<MediaFile> media;
  std::string request_json;  // the request as received (shared/request_json)
};

struct CaseUpdate {
  std::int64_t update_id = 0;
  std::string service_request_id;
  std::string status;
  std::string updated_datetime;
  std::string description;  // public note
  std::string media_url;    // empty when none
};

struct CaseQuery {
  std::vector<std::string> ids;  // when set, the other filters are ignored (Open311)
  std::string service_code;      // may be a comma list
  std::string start_date, end_date;  // inclusive bounds on requested_datetime (UTC ISO)
  std::string status;                // "open" | "closed" | "" (Open311 sense)
  std::size_t limit = 1000;
};

struct UpdateQuery {
  std::string start_date, end_date;  // on updated_datetime
  std::vector<std::string> service_request_ids;  // optional filter
  std::size_t limit = 1000;
};

struct TopIssueRow {
  std::string service_code, area_id, period;
  std::int64_t count = 0;
};
struct ChannelRow {
  std::string period, channel;
  std::int64_t count = 0;
};

class CaseStore {
 public:
  // Opens or creates DIR/central.sqlite3 (migrations by PRAGMA user_version,
  // WAL, synchronous=FULL) and starts the writer thread.
  explicit CaseStore(const std::string& data_dir);
  // The same with a set clock (receive and update times), for tests. The
  // clock is called from the writer thread and callers' threads.
  CaseStore(const std::string& data_dir, Clock clock);
  ~CaseStore();  // drains the writer, then stops it
  CaseStore(const CaseStore&) = delete;
  CaseStore& operator=(const CaseStore&) = delete;

  // Blocks until the case is durable (or was already there). Thread-safe.
  CreateResult create(const NewCase& new_case);

  std::optional<CaseRecord> find(const std::string& service_request_id) const;
  std::optional<std::string> resolve_token(const std::string& token) const;
  // A resend's fast answer, before any validation: the outcome create()
  // would give for this client id and content if a case already has the id
  // (Duplicate with its id and token, or Conflict); nullopt when none has.
  // So a device that never heard the answer to its first send gets its
  // reference back even if the catalogue or its key changed since.
  std::optional<CreateResult> existing(const std::string& client_id, const std::string& canonical_body) const;
  std::vector<CaseRecord> search(const CaseQuery& query) const;  // newest first
  std::vector<CaseUpdate> updates(const UpdateQuery& query) const;  // oldest first

  // An officer moves a case: a new update with the time and a public note.
  // Throws CentralStoreError for an unknown case or status.
  CaseUpdate add_update(const std::string& service_request_id, const std::string& status,
                        const std::string& note);

  // Keys are stored as SHA-256 hashes; the plain key is returned once.
  std::string add_key(const std::string& name, const std::string& channel, Device* created = nullptr);
  std::vector<Device> list_keys() const;
  bool revoke_key(std::int64_t device_id);  // false when unknown or already revoked
  std::optional<Device> authenticate(const std::string& plain_key) const;  // null: unknown or revoked

  // Counts since a UTC ISO date/time (inclusive), grouped by period:
  // "day" (2026-11-22), "week" (2026-W47) or "month" (2026-11).
  std::vector<TopIssueRow> top_issues(const std::string& since, const std::string& period) const;
  std::vector<ChannelRow> channels(const std::string& since, const std::string& period) const;

  const std::string& path() const;
  // Transactions the writer thread has committed since open: fewer than the
  // creates when group commit batches them. For tests and metrics.
  std::uint64_t commits() const;
  std::string media_dir() const;  // DIR/media

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace oneservice::central
