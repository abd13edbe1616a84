#pragma once
// The central store's owners for SQLite's C handles: a statement is always
// finalised and a transaction or savepoint never left open by an early
// return or an exception. Failures throw sqlite::Failure with the result
// code; CaseStore turns it into a CentralStoreError naming the file.
//
// These mirror sync/sqlite_handle.h on purpose (central/ must not depend on
// the device's sync library); the two can become one shared wrapper later.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace oneservice::central::sqlite {

class Failure : public std::runtime_error {
 public:
  Failure(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }  // extended result code

 private:
  int code_;
};

struct DatabaseCloser {
  void operator()(sqlite3* db) const noexcept;
};
using Database = std::unique_ptr<sqlite3, DatabaseCloser>;

// Opens (and with `create`, creates) a database file with extended result
// codes on. Throws Failure when SQLite cannot open it.
Database open(const std::string& path, bool create);

// Runs SQL without parameters (schema steps, PRAGMAs, BEGIN/COMMIT).
void exec(sqlite3* db, const std::string& sql);

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);

  // Parameters are numbered from 1, as in SQL's ?1, ?2...
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, const std::optional<double>& value);
  Statement& bind_null(int index);

  bool step();  // true when a row is ready; false when done
  void run();   // a statement that returns no rows

  std::string text(int column) const;
  std::int64_t integer(int column) const;
  std::optional<double> real(int column) const;  // nullopt for NULL
  bool is_null(int column) const;

 private:
  // Returns the statement to the connection's cache, or finalises it when
  // its SQL text differs from what it was looked up by (a trailing second
  // statement), which would never be found again.
  struct Finalizer {
    bool cacheable;
    void operator()(sqlite3_stmt* statement) const noexcept;
  };
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, Finalizer> statement_;
};

std::optional<std::string> query_text(sqlite3* db, const std::string& sql);
std::int64_t query_integer(sqlite3* db, const std::string& sql);

int changes(sqlite3* db);
std::int64_t last_insert_id(sqlite3* db);
// True when no transaction is open (SQLite may roll one back by itself after
// an I/O error or a full disk).
bool in_autocommit(sqlite3* db);

// BEGIN IMMEDIATE: the write lock is taken at once. Rolled back unless committed.
class WriteTransaction {
 public:
  explicit WriteTransaction(sqlite3* db);
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  ~WriteTransaction();
  void commit();

 private:
  sqlite3* db_;
  bool open_ = true;
};

// BEGIN (deferred) for reads: several SELECTs see one snapshot. Ends with a
// rollback, which for a reader only releases the snapshot.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(sqlite3* db);
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;
  ~ReadSnapshot();

 private:
  sqlite3* db_;
};

}  // namespace oneservice::central::sqlite
