#pragma once
// Read connections for CaseStore's const methods. WAL lets them read while
// the writer commits; each is used by one thread at a time, borrowed from a
// mutex-guarded pool and given back when the Lease ends.
#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

#include "db/sqlite.h"

namespace oneservice::central::store {

class ReadPool {
 public:
  explicit ReadPool(std::string path, std::size_t max_idle = 8);
  ReadPool(const ReadPool&) = delete;
  ReadPool& operator=(const ReadPool&) = delete;

  class Lease {
   public:
    Lease(ReadPool& pool, sqlite::Database db) : pool_(&pool), db_(std::move(db)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_->give_back(std::move(db_)); }
    sqlite3* get() const { return db_.get(); }

   private:
    ReadPool* pool_;
    sqlite::Database db_;
  };

  // An idle connection, or a new one when none is idle.
  Lease borrow();

 private:
  void give_back(sqlite::Database db);

  std::string path_;
  std::size_t max_idle_;
  std::mutex mutex_;
  std::vector<sqlite::Database> idle_;
};

}  // namespace oneservice::central::store
