#include "support/raw_db.h"

#include <stdexcept>

namespace oneservice::test_support {
namespace {

// A prepared statement finalized however the caller leaves.
struct Prepared {
  Prepared(sqlite3* db, const std::string& sql) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string(sqlite3_errmsg(db)) + ": " + sql);
  }
  ~Prepared() { sqlite3_finalize(statement); }
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;
  bool row() { return sqlite3_step(statement) == SQLITE_ROW; }
  sqlite3_stmt* statement = nullptr;
};

}  // namespace

RawDb::RawDb(const std::string& path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    sqlite3_close_v2(db_);
    throw std::runtime_error("cannot open " + path);
  }
  sqlite3_busy_timeout(db_, 5000);  // the store under test may hold a lock for a moment
}

RawDb::~RawDb() { sqlite3_close_v2(db_); }

int RawDb::exec(const std::string& sql) {
  char* message = nullptr;
  const int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
  last_error_ = message ? message : "";
  sqlite3_free(message);
  return code;
}

std::string RawDb::text(const std::string& sql) {
  Prepared select(db_, sql);
  if (!select.row() || !sqlite3_column_text(select.statement, 0)) return "";
  return reinterpret_cast<const char*>(sqlite3_column_text(select.statement, 0));
}

long long RawDb::integer(const std::string& sql) {
  Prepared select(db_, sql);
  return select.row() ? sqlite3_column_int64(select.statement, 0) : -1;
}

}  // namespace oneservice::test_support
