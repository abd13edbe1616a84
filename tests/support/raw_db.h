#pragma once
// A plain SQLite connection outside the product's stores, for tests that
// check what is really in a file or tamper with it (drop a trigger, damage
// a row). Statements run as written: no cache, no transaction of its own.
#include <sqlite3.h>

#include <string>

namespace oneservice::test_support {

class RawDb {
 public:
  // Opens (or creates) the file read-write; throws std::runtime_error.
  explicit RawDb(const std::string& path);
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;
  ~RawDb();

  // Returns the SQLite result code; the message is kept in last_error().
  int exec(const std::string& sql);
  // The first column of the first row: "" (text) or -1 (integer) when there
  // is no row. Throws std::runtime_error when the SQL cannot be prepared.
  std::string text(const std::string& sql);
  long long integer(const std::string& sql);
  const std::string& last_error() const { return last_error_; }

 private:
  sqlite3* db_ = nullptr;
  std::string last_error_;
};

}  // namespace oneservice::test_support
