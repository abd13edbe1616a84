#pragma once
// Schema step 5 (issue 16, public pages and notifications).
//
// The reference a resident was given: a device shows its own reference
// (shared/identity.h local_reference, "OS-5BCJ-N6Z1"), derived from the
// request's client id, before and after the council's id comes back; the
// resident reads that one on the kiosk, in the QR code and over the phone.
// The case keeps it, filled by SQL from the client id through the function
// oneservice_local_reference (schema.cpp registers it on the writer's
// connection), so every path that makes a case, and every case made before
// this step, has it. Not unique: it is 40 bits of a hash, and two devices'
// requests may one day share one; the tracking page then lists both.
//
// language: the language the resident used (the device's Accept-Language on
// POST requests), for the emails. 'en' for cases from before this step.
//
// Mail is queued by triggers in the transaction that makes the event, so
// an email is queued exactly once per event (UNIQUE (case_id, event)) and
// never lost, and no write path can forget it: a case created with an email
// address queues 'received'; every change of its status queues
// 'status:<version>' unless the resident stopped the emails. The mailer
// (central/notify) sends them later, outside any request's path.
//
// A resident's own requests: a one-time sign-in link is emailed to an
// address (resident_links; the store keeps the token's SHA-256, and the
// plain token only until its email is sent), and proving the address gives
// a session (resident_sessions, by SHA-256) that lists every case made with
// that address, matched without case through cases_by_email.
#include <string_view>

namespace oneservice::central::store {

inline constexpr std::string_view kVersion5Public = R"sql(
ALTER TABLE cases ADD COLUMN reference TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
UPDATE cases SET reference = oneservice_local_reference(client_id);
CREATE INDEX cases_by_reference ON cases (reference);

CREATE TRIGGER case_reference_kept AFTER INSERT ON cases WHEN new.reference = ''
BEGIN
  UPDATE cases SET reference = oneservice_local_reference(new.client_id) WHERE id = new.id;
END;

CREATE TABLE mail_subscriptions (
  case_id INTEGER PRIMARY KEY REFERENCES cases (id),
  address TEXT NOT NULL CHECK (address <> ''),
  stop_token TEXT NOT NULL UNIQUE CHECK (length(stop_token) = 32),
  stopped_at TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE mail_queue (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  event TEXT NOT NULL,
  status TEXT NOT NULL,
  note TEXT NOT NULL,
  queued_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  sent_at TEXT NOT NULL DEFAULT '',
  given_up_at TEXT NOT NULL DEFAULT '',
  last_error TEXT NOT NULL DEFAULT '',
  UNIQUE (case_id, event)
) STRICT;
CREATE INDEX mail_due ON mail_queue (next_attempt_at) WHERE sent_at = '' AND given_up_at = '';

CREATE INDEX cases_by_email ON cases (lower(json_extract(request_json, '$.contact.email')));

CREATE TABLE resident_links (
  id INTEGER PRIMARY KEY,
  token_sha256 TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
  address TEXT NOT NULL CHECK (address <> ''),
  language TEXT NOT NULL,
  requester_sha256 TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT NOT NULL DEFAULT '',
  mail_token TEXT NOT NULL DEFAULT '',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  sent_at TEXT NOT NULL DEFAULT '',
  given_up_at TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX resident_links_by_address ON resident_links (address, created_at);
CREATE INDEX resident_links_by_requester ON resident_links (requester_sha256, created_at);

CREATE TABLE resident_sessions (
  token_sha256 TEXT PRIMARY KEY CHECK (length(token_sha256) = 64),
  address TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ended_at TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TRIGGER mail_on_receipt AFTER INSERT ON cases
WHEN coalesce(json_extract(new.request_json, '$.contact.email'), '') <> ''
BEGIN
  INSERT INTO mail_subscriptions (case_id, address, stop_token)
    VALUES (new.id, json_extract(new.request_json, '$.contact.email'), lower(hex(randomblob(16))));
  INSERT INTO mail_queue (case_id, event, status, note, queued_at, next_attempt_at)
    VALUES (new.id, 'received', new.status, new.status_notes, new.requested_datetime, new.requested_datetime);
END;

CREATE TRIGGER mail_on_status AFTER UPDATE OF status ON cases
WHEN old.status <> new.status
  AND EXISTS (SELECT 1 FROM mail_subscriptions WHERE case_id = new.id AND stopped_at = '')
BEGIN
  INSERT OR IGNORE INTO mail_queue (case_id, event, status, note, queued_at, next_attempt_at)
    VALUES (new.id, 'status:' || new.version, new.status, new.status_notes, new.updated_datetime,
            new.updated_datetime);
END;
)sql";

}  // namespace oneservice::central::store
