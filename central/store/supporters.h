#pragma once
// The SQL behind a case's supporters: residents who add themselves to an
// open case instead of reporting it again, once per (device, client id).
#include <cstdint>
#include <string>

#include "central/records.h"
#include "db/sqlite.h"

namespace oneservice::central::store {

// The writer's step: the single writer makes the check and the insert one
// step, so concurrent resends count once.
SupportResult add_supporter(sqlite3* db, std::int64_t case_id, const NewSupporter& supporter, const std::string& now);

}  // namespace oneservice::central::store
