#pragma once
// Schema step 2 (issue 12, interop): the one update write path.
//
// Cases gain a version (every change to the case moves it on, so a sender
// can say which state it started from), a flag for a manager with its reason,
// and the photo links a create sent (media_url, kept as a JSON array).
// Updates gain who sent them and how to recognise a resend: the device and
// its own update id (FixMyStreet's update_id, a device's UUID) are unique
// together when the id is not empty. An update that started from an older
// version is kept with applied = 0: in the history, never in the public feed,
// and it did not move the case. Updates stay append-only. Also: an index
// for nearby open cases, and the cases' supporters.
#include <string_view>

namespace oneservice::central::store {

inline constexpr std::string_view kVersion2Updates = R"sql(
ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE cases ADD COLUMN needs_review INTEGER NOT NULL DEFAULT 0 CHECK (needs_review IN (0, 1));
ALTER TABLE cases ADD COLUMN review_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN media_urls TEXT NOT NULL DEFAULT '[]';

ALTER TABLE case_updates ADD COLUMN device_id INTEGER REFERENCES devices (id);
ALTER TABLE case_updates ADD COLUMN client_update_id TEXT NOT NULL DEFAULT '';
ALTER TABLE case_updates ADD COLUMN canonical_body TEXT NOT NULL DEFAULT '';
ALTER TABLE case_updates ADD COLUMN private_note TEXT NOT NULL DEFAULT '';
ALTER TABLE case_updates ADD COLUMN staff_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_updates ADD COLUMN base_version INTEGER;
ALTER TABLE case_updates ADD COLUMN sent_at TEXT NOT NULL DEFAULT '';
ALTER TABLE case_updates ADD COLUMN author_name TEXT NOT NULL DEFAULT '';
ALTER TABLE case_updates ADD COLUMN author_email TEXT NOT NULL DEFAULT '';
ALTER TABLE case_updates ADD COLUMN media_urls TEXT NOT NULL DEFAULT '[]';
ALTER TABLE case_updates ADD COLUMN applied INTEGER NOT NULL DEFAULT 1 CHECK (applied IN (0, 1));

-- Exactly once: one update per (device, its own update id). The command line
-- and back office have no device (NULL), counted as 0.
CREATE UNIQUE INDEX case_updates_once ON case_updates (coalesce(device_id, 0), client_update_id)
  WHERE client_update_id <> '';

CREATE TABLE case_update_media (
  update_id INTEGER NOT NULL REFERENCES case_updates (update_id),
  position INTEGER NOT NULL,
  file_name TEXT NOT NULL CHECK (file_name <> ''),
  content_type TEXT NOT NULL,
  PRIMARY KEY (update_id, position)
) STRICT;

-- Nearby open cases ("is it one of these?"): open cases by place.
CREATE INDEX cases_open_by_place ON cases (is_open, lat, lon);

-- Supporters: a resident (through a device) adds themselves to an open case
-- instead of reporting it again; once per (device, its own client id).
CREATE TABLE case_supporters (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  device_id INTEGER NOT NULL REFERENCES devices (id),
  client_id TEXT NOT NULL CHECK (client_id <> ''),
  created_at TEXT NOT NULL,
  UNIQUE (device_id, client_id)
) STRICT;
CREATE INDEX case_supporters_by_case ON case_supporters (case_id);

-- A case created before this step has a "received" row for its creation.
-- Creating a case is not an update, so that row leaves the public feed: it
-- is marked once, here, with the append-only rule lifted for this one
-- statement inside the migration's transaction and then put back as it was.
DROP TRIGGER case_updates_append_only;
UPDATE case_updates SET applied = 0
  WHERE update_id IN (SELECT min(update_id) FROM case_updates GROUP BY case_id)
    AND description = 'Your request has been received.' AND status = 'OPEN';
CREATE TRIGGER case_updates_append_only BEFORE UPDATE ON case_updates
BEGIN
  SELECT RAISE(ABORT, 'case updates are never changed');
END;
)sql";

}  // namespace oneservice::central::store
