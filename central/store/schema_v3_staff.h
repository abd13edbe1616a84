#pragma once
// Schema step 3: staff accounts, their sessions on enrolled devices, the
// offline PIN verifiers issued to those devices, and who made each case.
//
// What is never stored: a secret, a PIN, a session token or a verifier in
// clear. Secrets are Argon2id strings (crypto_pwhash_str); session tokens are
// 256 random bits, so their SHA-256 is enough; of a verifier (itself an
// Argon2id string of the PIN) only its SHA-256 is kept, to name it in the
// device's list, so a stolen database gives nothing to guess PINs against.
#include <string_view>

namespace oneservice::central::store {

constexpr std::string_view kVersion3Staff = R"sql(
CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
  role TEXT NOT NULL CHECK (role IN ('officer', 'helper', 'manager')),
  team TEXT NOT NULL DEFAULT '',
  secret_hash TEXT NOT NULL CHECK (secret_hash LIKE '$argon2id$%'),
  created_at TEXT NOT NULL,
  secret_set_at TEXT NOT NULL,
  disabled_at TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE staff_sessions (
  id INTEGER PRIMARY KEY,
  token_sha256 TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  device_id INTEGER NOT NULL REFERENCES devices (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ended_at TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id, ended_at);

CREATE TABLE pin_verifiers (
  id INTEGER PRIMARY KEY,
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  device_id INTEGER NOT NULL REFERENCES devices (id),
  verifier_sha256 TEXT NOT NULL CHECK (length(verifier_sha256) = 64),
  issued_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  withdrawn_at TEXT NOT NULL DEFAULT ''
) STRICT;
-- One verifier in force per officer and device: a new one withdraws the old.
CREATE UNIQUE INDEX pin_verifiers_in_force ON pin_verifiers (staff_id, device_id) WHERE withdrawn_at = '';
CREATE INDEX pin_verifiers_by_device ON pin_verifiers (device_id, withdrawn_at);

-- Who made each case, beside the device and channel step 1 keeps. Empty
-- text: not said (every case before this step, and channels other than
-- assisted).
ALTER TABLE cases ADD COLUMN staff_id INTEGER REFERENCES staff (id);
ALTER TABLE cases ADD COLUMN reported_for TEXT NOT NULL DEFAULT ''
  CHECK (reported_for IN ('', 'resident', 'anonymous'));
ALTER TABLE cases ADD COLUMN assisted_via TEXT NOT NULL DEFAULT ''
  CHECK (assisted_via IN ('', 'phone', 'in_person'));
)sql";

}  // namespace oneservice::central::store
