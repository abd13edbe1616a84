#pragma once
// The outbox schema, as numbered steps. PRAGMA user_version holds the last
// step applied; each step runs in its own transaction, so a power cut leaves
// the file at one version or the next, never between.
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace oneservice::sync {

struct Migration {
  // A step that rebuilds a table runs with foreign keys off, so that
  // dropping the old table does not cascade; they are checked before it
  // commits.
  enum class ForeignKeys { On, OffDuringStep };
  int version;            // user_version after this step
  std::string_view sql;   // may hold several statements
  ForeignKeys foreign_keys = ForeignKeys::On;
};

// In order, versions 1, 2, 3... Append only: a shipped step never changes,
// because kiosks in the field have already applied it.
const std::vector<Migration>& migrations();

int latest_schema_version();

// Brings the database at `path` up to latest_schema_version(). Throws
// StoreError when the file was made by a newer oneservice (it is left
// untouched) or when a step fails.
void migrate(sqlite3* db, const std::string& path);

}  // namespace oneservice::sync
