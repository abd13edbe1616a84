#pragma once
// The central store's file: its layout (migrations counted by PRAGMA
// user_version) and how each connection to it is set up.
#include <string>
#include <string_view>
#include <vector>

#include "db/sqlite.h"

namespace oneservice::central::store {

struct Migration {
  int version;
  std::string_view sql;
};

const std::vector<Migration>& migrations();
int latest_schema_version();

// The writer's connection: creates the file when missing, WAL,
// synchronous=FULL, foreign keys, busy timeout, then brings the layout up to
// date. Throws CentralStoreError naming the file (a newer layout than this
// server knows, a file that is not a database, a folder that cannot be written).
sqlite::Database open_writer(const std::string& path);

// A reader's connection to a file open_writer has prepared: the same
// settings, plus query_only so a bug cannot write around the writer thread.
sqlite::Database open_reader(const std::string& path);

constexpr int kBusyTimeoutMs = 5000;

}  // namespace oneservice::central::store
