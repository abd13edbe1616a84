#pragma once
// Schema step 4 (issue 12, jobs): a case assigned to a field officer, and
// the change log an officer's device reads its jobs from.
//
// The log is filled by triggers only, so no writer elsewhere (updates,
// status moves, flags, whatever comes later) has to remember to: an
// assignment made, moved or ended writes a row for each officer concerned,
// and any change to an assigned case or a new entry in its history writes a
// row for the officer it is assigned to. A row says only "look at this case
// again"; the feed sends the case as it is now (a job, or taken away), so a
// device asking again never gets a stale version and never misses one.
// AUTOINCREMENT: a sequence number is never used twice, even after rows are
// pruned, so a device's cursor keeps its meaning.
#include <string_view>

namespace oneservice::central::store {

inline constexpr std::string_view kVersion4Jobs = R"sql(
CREATE TABLE assignments (
  case_id INTEGER PRIMARY KEY REFERENCES cases (id),
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  assigned_by INTEGER REFERENCES staff (id),  -- NULL: the command line
  assigned_at TEXT NOT NULL
) STRICT;
CREATE INDEX assignments_by_staff ON assignments (staff_id);

CREATE TABLE job_changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  staff_id INTEGER NOT NULL,
  case_id INTEGER NOT NULL
) STRICT;
CREATE INDEX job_changes_by_staff ON job_changes (staff_id, seq);

CREATE TRIGGER job_assigned AFTER INSERT ON assignments
BEGIN
  INSERT INTO job_changes (staff_id, case_id) VALUES (new.staff_id, new.case_id);
END;

-- Reassigned: the officer it was taken from hears of it too.
CREATE TRIGGER job_reassigned AFTER UPDATE ON assignments
BEGIN
  INSERT INTO job_changes (staff_id, case_id) SELECT old.staff_id, old.case_id WHERE old.staff_id <> new.staff_id;
  INSERT INTO job_changes (staff_id, case_id) VALUES (new.staff_id, new.case_id);
END;

CREATE TRIGGER job_unassigned AFTER DELETE ON assignments
BEGIN
  INSERT INTO job_changes (staff_id, case_id) VALUES (old.staff_id, old.case_id);
END;

-- Any change to an assigned case: status, notes, version, flag.
CREATE TRIGGER job_case_changed AFTER UPDATE ON cases
BEGIN
  INSERT INTO job_changes (staff_id, case_id) SELECT staff_id, case_id FROM assignments WHERE case_id = new.id;
END;

-- The case's version just after each update was stored (for a kept but
-- unapplied one, the version it was not applied to). An officer's device
-- sends its next update for the case from this version: any change by
-- anyone else since shows as a newer version and flags that update.
-- Updates made before this step have no row.
CREATE TABLE update_versions (
  update_id INTEGER PRIMARY KEY REFERENCES case_updates (update_id),
  version INTEGER NOT NULL
) STRICT;

CREATE TRIGGER update_version_kept AFTER INSERT ON case_updates
BEGIN
  INSERT INTO update_versions (update_id, version) SELECT new.update_id, version FROM cases WHERE id = new.case_id;
END;

-- A new entry in its history, applied or not (a stale update changes no
-- column of the case it is kept for).
CREATE TRIGGER job_case_updated AFTER INSERT ON case_updates
BEGIN
  INSERT INTO job_changes (staff_id, case_id) SELECT staff_id, case_id FROM assignments WHERE case_id = new.case_id;
END;
)sql";

}  // namespace oneservice::central::store
