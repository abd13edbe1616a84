#pragma once
// Small owners for SQLite's C handles, so an early return or an exception can
// never leak a statement or leave a transaction open. Failures throw
// SqliteFailure carrying the result code; the outbox turns it into a
// StoreError that names the file, which these wrappers do not know.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace oneservice::sync::sqlite {

class SqliteFailure : public std::runtime_error {
 public:
  SqliteFailure(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

struct DatabaseCloser {
  void operator()(sqlite3* db) const noexcept;
};
using Database = std::unique_ptr<sqlite3, DatabaseCloser>;

// Runs SQL without parameters (schema steps, PRAGMAs, BEGIN/COMMIT).
void exec(sqlite3* db, const std::string& sql);

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);

  // Parameters are numbered from 1, as in SQL's ?1, ?2...
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind_blob(int index, std::string_view bytes);
  Statement& bind_null(int index);

  // True when a row is ready to read; false when the statement is done.
  bool step();
  // Runs a statement that returns no rows.
  void run();

  std::string text(int column) const;
  std::string blob(int column) const;
  std::int64_t integer(int column) const;
  bool is_null(int column) const;

 private:
  // Returns the statement to its connection's cache, or finalises it when
  // it could never be found there again.
  struct Finalizer {
    bool cacheable;
    void operator()(sqlite3_stmt* statement) const noexcept;
  };
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, Finalizer> statement_;
};

// The first column of the first row of a query without parameters (PRAGMAs).
std::optional<std::string> query_text(sqlite3* db, const std::string& sql);
std::int64_t query_integer(sqlite3* db, const std::string& sql);

// Rows changed by the last INSERT, UPDATE or DELETE on this connection.
int changes(sqlite3* db);

// Runs `set` now and `restore` when the scope ends, whichever way it ends:
// for a PRAGMA that must not outlive the work it was changed for. Both are
// whole statements of our own ("PRAGMA synchronous = NORMAL"), since a
// PRAGMA takes no bound parameters.
class ScopedPragma {
 public:
  ScopedPragma(sqlite3* db, std::string set, std::string restore);
  ScopedPragma(const ScopedPragma&) = delete;
  ScopedPragma& operator=(const ScopedPragma&) = delete;
  ~ScopedPragma();

 private:
  sqlite3* db_;
  std::string restore_;
};

// BEGIN IMMEDIATE takes the write lock at once, so two processes that both
// read-then-write (enqueue's duplicate check) cannot interleave.
class Transaction {
 public:
  explicit Transaction(sqlite3* db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  void commit();

 private:
  sqlite3* db_;
  bool open_ = true;
};

}  // namespace oneservice::sync::sqlite
