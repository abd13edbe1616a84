#include "db/sqlite.h"

#include <sqlite3.h>

#include <mutex>
#include <unordered_map>
#include <vector>

namespace oneservice::sqlite {
namespace {

// Prepared statements are kept per connection and reused: parsing the same
// SQL was a fifth of the server's time per create and a visible share of the
// device's queue drain. A connection is used by one thread at a time, but
// several connections on several threads share the cache, so it is guarded;
// the lock is held only to take or return one statement.
struct StatementCache {
  std::mutex lock;
  std::unordered_map<sqlite3*, std::unordered_map<std::string, std::vector<sqlite3_stmt*>>> idle;
};

StatementCache& cache() {
  static StatementCache instance;
  return instance;
}

sqlite3_stmt* take_cached(sqlite3* db, std::string_view sql) {
  auto& shared = cache();
  std::lock_guard<std::mutex> guard(shared.lock);
  const auto connection = shared.idle.find(db);
  if (connection == shared.idle.end()) return nullptr;
  const auto found = connection->second.find(std::string(sql));
  if (found == connection->second.end() || found->second.empty()) return nullptr;
  sqlite3_stmt* statement = found->second.back();
  found->second.pop_back();
  return statement;
}

[[noreturn]] void fail(sqlite3* db, int code) {
  // sqlite3_errmsg names tables, columns, constraints and trigger texts,
  // never bound values, so it may be logged.
  throw Failure(code, db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
}

void check_bound(sqlite3* db, int code) {
  if (code != SQLITE_OK) fail(db, code);
}

int flags_for(Access access) {
  switch (access) {
    case Access::ReadOnly: return SQLITE_OPEN_READONLY;
    case Access::ReadWrite: return SQLITE_OPEN_READWRITE;
    case Access::ReadWriteCreate: return SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  }
  return SQLITE_OPEN_READONLY;
}

}  // namespace

void DatabaseCloser::operator()(sqlite3* db) const noexcept {
  {
    auto& shared = cache();
    std::lock_guard<std::mutex> guard(shared.lock);
    if (const auto connection = shared.idle.find(db); connection != shared.idle.end()) {
      for (auto& [sql, statements] : connection->second)
        for (sqlite3_stmt* statement : statements) sqlite3_finalize(statement);
      shared.idle.erase(connection);
    }
  }
  // close_v2 defers the close if a statement is somehow still alive, rather
  // than failing and leaking the handle.
  sqlite3_close_v2(db);
}

Database open(const std::string& path, Access access) {
  sqlite3* raw = nullptr;
  const int code = sqlite3_open_v2(path.c_str(), &raw, flags_for(access) | SQLITE_OPEN_NOMUTEX, nullptr);
  Database db(raw);
  if (code != SQLITE_OK) {
    const int extended = raw ? sqlite3_extended_errcode(raw) : code;
    throw Failure(extended, sqlite3_errstr(extended));
  }
  sqlite3_extended_result_codes(db.get(), 1);
  return db;
}

void exec(sqlite3* db, const std::string& sql) {
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(db, sqlite3_extended_errcode(db));
}

void Statement::Finalizer::operator()(sqlite3_stmt* statement) const noexcept {
  if (!cacheable) {
    sqlite3_finalize(statement);
    return;
  }
  // Back to the cache, reset and unbound, for the next use of the same SQL.
  sqlite3_reset(statement);
  sqlite3_clear_bindings(statement);
  sqlite3* db = sqlite3_db_handle(statement);
  auto& shared = cache();
  std::lock_guard<std::mutex> guard(shared.lock);
  shared.idle[db][sqlite3_sql(statement)].push_back(statement);
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db), statement_(nullptr, Finalizer{false}) {
  if (sqlite3_stmt* cached = take_cached(db, sql)) {
    statement_ = std::unique_ptr<sqlite3_stmt, Finalizer>(cached, Finalizer{true});
    return;
  }
  sqlite3_stmt* raw = nullptr;
  const int code = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &raw, nullptr);
  if (code != SQLITE_OK) {
    sqlite3_finalize(raw);
    fail(db, sqlite3_extended_errcode(db));
  }
  // Only a statement whose text is exactly the lookup key can be found again.
  const bool cacheable = raw && std::string_view(sqlite3_sql(raw)) == sql;
  statement_ = std::unique_ptr<sqlite3_stmt, Finalizer>(raw, Finalizer{cacheable});
}

Statement& Statement::bind(int index, std::string_view text) {
  check_bound(db_, sqlite3_bind_text(statement_.get(), index, text.data(), static_cast<int>(text.size()),
                                     SQLITE_TRANSIENT));
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  check_bound(db_, sqlite3_bind_int64(statement_.get(), index, value));
  return *this;
}

Statement& Statement::bind(int index, double value) {
  check_bound(db_, sqlite3_bind_double(statement_.get(), index, value));
  return *this;
}

Statement& Statement::bind(int index, const std::optional<double>& value) {
  return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  check_bound(db_, sqlite3_bind_blob64(statement_.get(), index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
  return *this;
}

Statement& Statement::bind_null(int index) {
  check_bound(db_, sqlite3_bind_null(statement_.get(), index));
  return *this;
}

bool Statement::step() {
  const int code = sqlite3_step(statement_.get());
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  fail(db_, sqlite3_extended_errcode(db_));
}

void Statement::run() {
  while (step()) {
  }
}

std::string Statement::text(int column) const {
  const auto* bytes = sqlite3_column_text(statement_.get(), column);
  if (bytes == nullptr) return {};
  const int size = sqlite3_column_bytes(statement_.get(), column);
  return std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
}

std::string Statement::blob(int column) const {
  const auto* bytes = sqlite3_column_blob(statement_.get(), column);
  if (bytes == nullptr) return {};
  const int size = sqlite3_column_bytes(statement_.get(), column);
  return std::string(static_cast<const char*>(bytes), static_cast<std::size_t>(size));
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(statement_.get(), column); }

std::optional<double> Statement::real(int column) const {
  if (is_null(column)) return std::nullopt;
  return sqlite3_column_double(statement_.get(), column);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(statement_.get(), column) == SQLITE_NULL; }

std::optional<std::string> query_text(sqlite3* db, const std::string& sql) {
  Statement statement(db, sql);
  if (!statement.step() || statement.is_null(0)) return std::nullopt;
  return statement.text(0);
}

std::int64_t query_integer(sqlite3* db, const std::string& sql) {
  Statement statement(db, sql);
  return statement.step() ? statement.integer(0) : 0;
}

int changes(sqlite3* db) { return sqlite3_changes(db); }

std::int64_t last_insert_id(sqlite3* db) { return sqlite3_last_insert_rowid(db); }

bool in_autocommit(sqlite3* db) { return sqlite3_get_autocommit(db) != 0; }

// PRAGMAs and BEGIN/COMMIT run as cached statements, not through
// sqlite3_exec: exec compiles its SQL on every call, and the device's drain
// runs all four for each batch it writes (7% of its SQLite time).
ScopedPragma::ScopedPragma(sqlite3* db, std::string set, std::string restore)
    : db_(db), restore_(std::move(restore)) {
  Statement(db_, set).run();
}

ScopedPragma::~ScopedPragma() {
  try {
    Statement(db_, restore_).run();
  } catch (const Failure&) {
    // The PRAGMAs used this way fail only inside a transaction, and the
    // scope's own has ended by now; a connection opened later starts from
    // its store's own settings anyway.
  }
}

WriteTransaction::WriteTransaction(sqlite3* db) : db_(db) { Statement(db_, "BEGIN IMMEDIATE").run(); }

WriteTransaction::~WriteTransaction() {
  // After some errors SQLite has already rolled back; a second ROLLBACK then
  // fails harmlessly, so its result is not checked.
  if (open_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void WriteTransaction::commit() {
  Statement(db_, "COMMIT").run();
  open_ = false;
}

ReadSnapshot::ReadSnapshot(sqlite3* db) : db_(db) { Statement(db_, "BEGIN").run(); }

ReadSnapshot::~ReadSnapshot() { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }

}  // namespace oneservice::sqlite
