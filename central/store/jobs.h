#pragma once
// The SQL behind field officers' jobs (schema step 4): assigning a case,
// an officer's feed of jobs changed since a cursor, and the cases flagged
// for a manager. Writers run inside the group commit writer's transaction;
// readers on a pooled read connection inside one snapshot.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "central/job_records.h"
#include "db/sqlite.h"

namespace oneservice::central::store {

inline constexpr std::size_t kDefaultJobsPage = 100;
inline constexpr std::size_t kMaxJobsPage = 500;

// Writers. An assignment or its end moves the case's version on by one.
// `by_staff_id` 0: the command line.
AssignResult assign_case(sqlite3* db, std::int64_t case_id, const std::string& officer, std::int64_t by_staff_id,
                         const std::string& now);
UnassignResult unassign_case(sqlite3* db, std::int64_t case_id);
// false when the case is unknown or not flagged. Not a change to the case's
// content, so its version stays: an officer working from it is not flagged
// again for it.
bool clear_case_flag(sqlite3* db, std::int64_t case_id);

// Readers. `after` 0, or a cursor the log has not reached (a store restored
// from a backup): the officer's whole list (JobsPage's `full`).
JobsPage jobs_after(sqlite3* db, std::int64_t staff_id, std::int64_t after, std::size_t limit);
std::vector<FlaggedCase> flagged_cases(sqlite3* db);
// The case's version just after the update was stored; nullopt for an
// update older than schema step 4 or unknown.
std::optional<std::int64_t> version_after_update(sqlite3* db, std::int64_t update_id);

}  // namespace oneservice::central::store
