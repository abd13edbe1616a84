#include "central/store/sqlite.h"

#include <sqlite3.h>

#include <mutex>
#include <unordered_map>
#include <vector>

namespace oneservice::central::sqlite {
namespace {

// Prepared statements are kept per connection and reused: parsing SQL was a
// fifth of the server's time per create. A connection is used by one thread
// at a time (the writer's, or one checked out of the read pool), but the
// cache is shared, so it is guarded; the lock is held only to take or return
// a statement.
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
  // sqlite3_errmsg names tables, columns and constraints, never bound values.
  throw Failure(code, db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
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
  sqlite3_close_v2(db);
}

Database open(const std::string& path, bool create) {
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  const int code = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database db(raw);
  if (code != SQLITE_OK) {
    const int extended = raw ? sqlite3_extended_errcode(raw) : code;
    throw Failure(extended, sqlite3_errstr(extended));
  }
  sqlite3_extended_result_codes(db.get(), 1);
  return db;
}

void exec(sqlite3* db, const std::string& sql) {
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
    fail(db, sqlite3_extended_errcode(db));
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
  const bool cacheable = raw && std::string_view(sqlite3_sql(raw)) == sql;
  statement_ = std::unique_ptr<sqlite3_stmt, Finalizer>(raw, Finalizer{cacheable});
}

Statement& Statement::bind(int index, std::string_view text) {
  const int code = sqlite3_bind_text(statement_.get(), index, text.data(), static_cast<int>(text.size()),
                                     SQLITE_TRANSIENT);
  if (code != SQLITE_OK) fail(db_, code);
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  const int code = sqlite3_bind_int64(statement_.get(), index, value);
  if (code != SQLITE_OK) fail(db_, code);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  const int code = sqlite3_bind_double(statement_.get(), index, value);
  if (code != SQLITE_OK) fail(db_, code);
  return *this;
}

Statement& Statement::bind(int index, const std::optional<double>& value) {
  return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind_null(int index) {
  const int code = sqlite3_bind_null(statement_.get(), index);
  if (code != SQLITE_OK) fail(db_, code);
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

WriteTransaction::WriteTransaction(sqlite3* db) : db_(db) { exec(db_, "BEGIN IMMEDIATE"); }

WriteTransaction::~WriteTransaction() {
  // After some errors SQLite has already rolled back; a second ROLLBACK then
  // fails harmlessly, so its result is not checked.
  if (open_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void WriteTransaction::commit() {
  exec(db_, "COMMIT");
  open_ = false;
}

ReadSnapshot::ReadSnapshot(sqlite3* db) : db_(db) { exec(db_, "BEGIN"); }

ReadSnapshot::~ReadSnapshot() { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }

}  // namespace oneservice::central::sqlite
