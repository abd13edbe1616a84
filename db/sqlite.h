#pragma once
// Owners for SQLite's C handles, shared by the device's outbox and the central
// server's store: a statement is always finalised (or returned to its
// connection's cache), and a transaction never left open by an early return or
// an exception. Failures throw sqlite::Failure carrying SQLite's extended
// result code; each store turns it into its own error naming its file, which
// these wrappers do not know.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace oneservice::sqlite {

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

enum class Access { ReadOnly, ReadWrite, ReadWriteCreate };

// Opens a database file with extended result codes on. A connection is used
// by one thread at a time (SQLite's multi-thread mode). Throws Failure, with
// SQLite's reason, when the file cannot be opened.
Database open(const std::string& path, Access access);

// Runs SQL without parameters, possibly several statements (schema steps).
void exec(sqlite3* db, const std::string& sql);

// A prepared statement, taken from its connection's cache when the same SQL
// was run before on that connection and returned to it, reset and unbound,
// when this object ends.
class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);

  // Parameters are numbered from 1, as in SQL's ?1, ?2...
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, const std::optional<double>& value);  // NULL for nullopt
  Statement& bind_blob(int index, std::string_view bytes);
  Statement& bind_null(int index);

  bool step();  // true when a row is ready to read; false when done
  void run();   // a statement that returns no rows

  std::string text(int column) const;
  std::string blob(int column) const;
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

// The first column of the first row of a query without parameters (PRAGMAs).
std::optional<std::string> query_text(sqlite3* db, const std::string& sql);
std::int64_t query_integer(sqlite3* db, const std::string& sql);

// Rows changed by the last INSERT, UPDATE or DELETE on this connection.
int changes(sqlite3* db);
std::int64_t last_insert_id(sqlite3* db);
// True when no transaction is open (SQLite may roll one back by itself after
// an I/O error or a full disk).
bool in_autocommit(sqlite3* db);

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

// BEGIN IMMEDIATE takes the write lock at once, so two connections that both
// read-then-write cannot interleave. Rolled back unless committed.
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

}  // namespace oneservice::sqlite
