#pragma once
// The staff_members table: sessions and PIN verifiers kept on the tablet.
// Used by sign-in (sync/staff_sign_in.h) and by the sync engine's passes;
// the UI goes through staff_sign_in.h. A view over an open Outbox.
#include <optional>
#include <string>
#include <vector>

#include "sync/outbox.h"
#include "sync/staff_records.h"

namespace oneservice::sync {

struct StoredVerifier {
  std::int64_t id = 0;
  std::string verifier, fingerprint, expires_at;
};

struct StoredSession {
  StaffMember member;
  std::string token, expires_at;
  bool live = false;           // not expired by the tablet's clock, not refused by central, not ended
  bool session_ended = false;  // the DELETE was answered (or the session was gone already)
  bool sign_out_requested = false;
  std::string jobs_cursor;
  std::optional<StoredVerifier> verifier;
  int wrong_pins = 0;
};

// Every member's stored sign-in, by name (read-only: for who may use a PIN).
std::vector<StoredSession> read_sessions(const Outbox& outbox);

class StaffStore {
 public:
  explicit StaffStore(Outbox& outbox) : outbox_(&outbox) {}

  // After an online sign-in: the member's token (live), and the verifier if
  // one came (replacing theirs), wrong PINs cleared, any sign-out forgotten.
  void store_session(const StaffMember& member, const std::string& token, const std::string& expires_at,
                     const std::optional<StoredVerifier>& verifier);

  std::optional<StoredSession> session(const std::string& name) const;
  std::vector<StoredSession> sessions() const { return read_sessions(*outbox_); }

  // A PIN attempt counted before it is checked (returns the count now) and
  // forgotten again when it was right (which also calls off a sign-out
  // the engine has not carried out yet).
  int count_pin_attempt(const std::string& name);
  void pin_was_right(const std::string& name);

  void request_sign_out(const std::string& name);
  // Central answered the DELETE (or said the session was gone).
  void session_ended(const std::string& name);
  // Central said the token is no longer good (401): it waits for a sign-in.
  void token_refused(const std::string& name);
  // Once a signed-out member has nothing left to send, the token goes.
  void forget_ended_tokens();

  // Jobs of members who can no longer sign in on this tablet (no PIN in
  // force and no live session) leave it: nobody may see them here any more.
  // Their unsent work stays and is still sent.
  void forget_jobs_nobody_can_open();

  void set_jobs_cursor(const std::string& name, const std::string& cursor);

  // GET staff/verifiers: keep those listed with the same id and
  // fingerprint, withdraw the rest (all when `listed` is empty).
  void keep_only_verifiers(const std::vector<std::pair<std::int64_t, std::string>>& listed);

  // True while this member has updates waiting that need a live session.
  bool has_unsent_session_work(const std::string& name) const;

 private:
  Outbox* outbox_;
};

}  // namespace oneservice::sync
