#pragma once
// One writer thread that owns the store's only write connection. Callers
// submit a piece of work and block; the thread takes everything queued at
// that moment (up to a cap), runs it in one BEGIN IMMEDIATE ... COMMIT with a
// SAVEPOINT around each piece, then wakes every caller. Many creates share
// one fsync; one piece failing (a constraint) rolls back only that piece.
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <thread>

#include "db/sqlite.h"

namespace oneservice::central::store {

class GroupCommitWriter {
 public:
  // Runs inside the batch's transaction, in queue order. It may throw: its
  // writes are then rolled back and the exception goes to its caller
  // (sqlite::Failure becomes CentralStoreError). Anything it returns through
  // captured state is valid only once submit() returns normally.
  using Work = std::function<void(sqlite3*)>;

  static constexpr std::size_t kDefaultMaxBatch = 512;

  GroupCommitWriter(sqlite::Database db, std::string path, std::size_t max_batch = kDefaultMaxBatch);
  ~GroupCommitWriter();  // finishes everything queued, then stops the thread
  GroupCommitWriter(const GroupCommitWriter&) = delete;
  GroupCommitWriter& operator=(const GroupCommitWriter&) = delete;

  // Blocks until the work is committed (returns) or has failed (throws).
  // `what` names the operation in error messages; ids and codes only.
  void submit(const Work& work, const std::string& what);

  std::uint64_t commits() const { return commits_.load(); }
  // Submitted and not yet answered (queued or in the batch being written).
  std::size_t waiting() const { return waiting_.load(); }
  // Submitted and not yet taken into a batch.
  std::size_t queued() const;

 private:
  struct Job {
    const Work* work;
    const std::string* what;
    std::promise<void> done;
    std::exception_ptr failure;
  };

  void run();
  void process(std::deque<Job*>& batch);
  static void settle(Job& job);
  void fail_all(std::deque<Job*>& batch, const std::string& detail);

  sqlite::Database db_;
  std::string path_;
  std::size_t max_batch_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job*> queue_;
  bool stopping_ = false;
  std::atomic<std::uint64_t> commits_{0};
  std::atomic<std::size_t> waiting_{0};
  std::thread thread_;
};

}  // namespace oneservice::central::store
