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
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "central/records.h"
#include "shared/clock.h"

namespace oneservice::central {

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
  // Newest first; with query.near, open cases nearest first.
  std::vector<CaseRecord> search(const CaseQuery& query) const;
  // The public feed: applied updates only (never a case's creation), oldest first.
  std::vector<CaseUpdate> updates(const UpdateQuery& query) const;
  // Every update of one case, applied or not, private fields included: for
  // staff only. Empty for an unknown case.
  std::vector<CaseUpdate> history(const std::string& service_request_id) const;

  // The one write path for every update (the command line, FixMyStreet's
  // POST servicerequestupdates, an officer's device). Blocks until durable;
  // thread-safe. Exactly once: the same (device_id, client_update_id) with
  // the same canonical_body is a Duplicate answering the first update, with
  // another body KeyReused; the single writer decides, so concurrent
  // duplicates make one update. An update whose base_version is older than
  // the case's version is kept but not applied, and flags the case (Flagged).
  // Every applied update moves the case's version on by one.
  UpdateResult add_update(const NewUpdate& update);

  // A resident adds themselves to an open case instead of reporting it
  // again. Exactly once per (device, client id), decided by the writer;
  // the same id on another case is KeyReused, a closed case Closed.
  // Throws CentralStoreError without a device or client id.
  SupportResult add_supporter(const NewSupporter& supporter);

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
  // Creates and updates submitted and not yet answered, and those of them
  // the writer has not yet taken into a batch. For tests and metrics.
  std::size_t writes_waiting() const;
  std::size_t writes_queued() const;
  std::string media_dir() const;  // DIR/media

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace oneservice::central
