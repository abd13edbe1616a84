#include "central/store/read_pool.h"

#include "central/store/schema.h"

namespace oneservice::central::store {

ReadPool::ReadPool(std::string path, std::size_t max_idle) : path_(std::move(path)), max_idle_(max_idle) {}

ReadPool::Lease ReadPool::borrow() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto db = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(db));
    }
  }
  return Lease(*this, open_reader(path_));  // opened outside the lock
}

void ReadPool::give_back(sqlite::Database db) {
  if (!db) return;
  std::lock_guard lock(mutex_);
  // Beyond max_idle the connection is closed (db goes out of scope).
  if (idle_.size() < max_idle_) idle_.push_back(std::move(db));
}

}  // namespace oneservice::central::store
