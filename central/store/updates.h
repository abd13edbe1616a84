#pragma once
// The SQL behind a case's updates: the one write path (exactly once per
// device and client update id, the version check) and the public feed.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "central/records.h"
#include "db/sqlite.h"

namespace oneservice::central::store {

// Why a case is flagged when an update started from an older version; for
// a manager, with the two versions.
std::string stale_update_reason(std::int64_t base_version, std::int64_t case_version);

// The writer's step for one update. The single writer makes the resend
// check and the insert one step, so concurrent duplicates make one update.
// `now` is the server's receive time.
UpdateResult append_update(sqlite3* db, std::int64_t case_id, const NewUpdate& update, const std::string& now);

// The public feed: applied updates only, oldest first. Query dates are
// already normalised to the stored form.
std::vector<CaseUpdate> list_updates(sqlite3* db, const UpdateQuery& query);

// Every update of one case, applied or not, with the private fields: for
// staff, never for a public document.
std::vector<CaseUpdate> case_history(sqlite3* db, std::int64_t case_id);

}  // namespace oneservice::central::store
