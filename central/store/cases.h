#pragma once
// The SQL behind cases and their updates. Writers run inside the group
// commit writer's transaction; readers on a pooled read connection.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "central/records.h"
#include "db/sqlite.h"

namespace oneservice::central::store {

// A new case's status_notes. Creating a case is not an update: no update
// row is written for it, so the public feed carries changes only.
inline constexpr const char* kReceivedNote = "Your request has been received.";

// "12" -> 12; nullopt for anything that is not a case id as this store
// writes them (a positive decimal without sign or leading zeros).
std::optional<std::int64_t> parse_case_id(const std::string& text);

// The writer's step for one create: finds an existing case with the same
// client id (Duplicate or Conflict) or inserts the case and its media rows
// (no update: creating a case is not one). `received` is the server's receive time.
CreateResult create_case(sqlite3* db, const NewCase& new_case, const std::string& received);

std::optional<CaseRecord> load_case(sqlite3* db, std::int64_t case_id);
std::optional<std::string> case_for_token(sqlite3* db, const std::string& token);
// Every case with this device reference ("OS-5BCJ-N6Z1"), oldest first.
std::vector<CaseRecord> cases_with_reference(sqlite3* db, const std::string& reference);
// Query dates are already normalised to the stored form ("...T..:..:..Z").
std::vector<CaseRecord> search_cases(sqlite3* db, const CaseQuery& query);

}  // namespace oneservice::central::store
