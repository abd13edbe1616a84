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
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "central/job_records.h"
#include "central/public_records.h"
#include "central/records.h"
#include "central/staff_records.h"
#include "central/store/password_hash.h"
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

  // Staff accounts (central/store/staff.h). Secrets are hashed with Argon2id
  // before they reach the writer thread and never stored in clear. add and
  // reset throw CentralStoreError (a staff_messages text) for a bad name,
  // team or secret, or a name already in use.
  StaffMember add_staff(const std::string& name, StaffRole role, const std::string& team, const std::string& secret);
  std::vector<StaffMember> list_staff() const;  // by name, disabled ones too
  std::optional<StaffMember> find_staff(const std::string& name) const;
  // Both end the member's sessions and withdraw their PIN verifiers at once;
  // false when there is no working account of that name.
  bool disable_staff(const std::string& name);
  bool reset_staff_secret(const std::string& name, const std::string& secret);

  // Sessions: the token is 256 random bits, returned once, stored as its
  // SHA-256, bound to the device it was made on, kSessionHours long.
  SignInResult sign_in(const SignIn& attempt);
  // null when unknown, expired, signed out, made on another device, the
  // account disabled or the device key revoked.
  std::optional<StaffSession> staff_session(const std::string& token, std::int64_t device_id) const;
  bool sign_out(const std::string& token, std::int64_t device_id);  // false: no live session
  // Who a session issued to this device belongs to, live or not: the member
  // of staff behind a report the device queued while they were signed in.
  std::optional<StaffMember> session_owner(const std::string& token, std::int64_t device_id) const;
  // The offline PIN verifiers in force on a device (fingerprints, no verifier).
  std::vector<PinVerifier> pin_verifiers(std::int64_t device_id) const;
  // Tests only: cheaper Argon2id limits for secrets and PINs hashed from now
  // on. Without this call a store uses store::kSecretLimits and kPinLimits.
  void use_hash_limits(store::HashLimits secret, store::HashLimits pin);

  // Counts since a UTC ISO date/time (inclusive), grouped by period:
  // "day" (2026-11-22), "week" (2026-W47) or "month" (2026-11).
  std::vector<TopIssueRow> top_issues(const std::string& since, const std::string& period) const;
  std::vector<ChannelRow> channels(const std::string& since, const std::string& period) const;
  // Cases by channel and member of staff (empty name: nobody signed in), and
  // the assisted channel's by reported_for and assisted_via (empty: not said).
  std::vector<StaffReportRow> staff_report(const std::string& since, const std::string& period) const;
  std::vector<AssistedReportRow> assisted_report(const std::string& since, const std::string& period) const;

  // Field officers' jobs (central/store/jobs.h). Assigning refuses an
  // unknown case or officer, a helper or manager, a disabled account and a
  // closed case (the outcome says which); assigning or unassigning moves
  // the case's version on. `by_staff_id` 0: the command line.
  AssignResult assign(const std::string& service_request_id, const std::string& officer, std::int64_t by_staff_id = 0);
  UnassignResult unassign(const std::string& service_request_id);
  // An officer's jobs changed after `cursor` (0: the whole list), at most
  // `limit` cases, read in one snapshot.
  JobsPage jobs(std::int64_t staff_id, std::int64_t cursor, std::size_t limit) const;
  // Cases an update that started from an older version flagged, oldest
  // first; clearing is a manager's "seen": false when not flagged or unknown.
  std::vector<FlaggedCase> flagged() const;
  bool clear_flag(const std::string& service_request_id);
  // The case's version just after this update was stored: the base for the
  // sender's next update of the case when the update was applied.
  std::optional<std::int64_t> version_after_update(std::int64_t update_id) const;

  // The public face (issue 16). A device's reference ("OS-5BCJ-N6Z1", any
  // case) finds every case made with it; usually one.
  std::vector<CaseRecord> find_by_reference(const std::string& reference) const;
  // Cases requested at or after `since` (UTC ISO), newest first, without
  // anything personal: the figures of the top-issues page and open data.
  std::vector<PublicCase> public_cases(const std::string& since, std::size_t limit) const;

  // The mail queue the store's triggers fill (schema step 5): emails due
  // now, oldest first; then each one's outcome. A failure is tried again
  // after `retry_in`, or never again when give_up.
  std::vector<QueuedMail> due_mail(std::size_t limit) const;
  void mail_sent(std::int64_t mail_id);
  void mail_failed(std::int64_t mail_id, const std::string& error, std::chrono::seconds retry_in, bool give_up);
  // The unsubscribe link's token: stops that case's emails (those queued
  // too). mail_stop_state only looks.
  StopResult stop_mail(const std::string& token);
  StopResult mail_stop_state(const std::string& token) const;

  // A resident's own requests, whatever the channel: a one-time link
  // emailed to an address (rate limited per address and per requester,
  // store/residents.h), then a session for that address. Addresses are
  // matched without case. The plain link token is returned only in the
  // email's queue entry, the session token only here.
  LinkOutcome request_sign_in_link(const SignInLinkRequest& request);
  std::vector<SignInMail> due_sign_in_mail(std::size_t limit) const;
  void sign_in_mail_done(std::int64_t id, bool sent, std::chrono::seconds retry_in, bool give_up);
  // nullopt: unknown, used or expired.
  std::optional<ResidentSession> sign_in_with_link(const std::string& token);
  std::optional<std::string> resident_address(const std::string& session_token) const;
  void sign_out_resident(const std::string& session_token);
  std::vector<CaseRecord> cases_for_address(const std::string& address) const;

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
