#include "central/store/group_commit_writer.h"

#include <sqlite3.h>

#include <utility>

#include "central/records.h"

namespace oneservice::central::store {

GroupCommitWriter::GroupCommitWriter(sqlite::Database db, std::string path, std::size_t max_batch)
    : db_(std::move(db)), path_(std::move(path)), max_batch_(max_batch == 0 ? 1 : max_batch) {
  thread_ = std::thread([this] { run(); });
}

GroupCommitWriter::~GroupCommitWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void GroupCommitWriter::submit(const Work& work, const std::string& what) {
  Job job{&work, &what, {}, {}};
  auto done = job.done.get_future();
  {
    std::lock_guard lock(mutex_);
    if (stopping_) throw CentralStoreError("The case store " + path_ + " is closing; " + what + " was not done.");
    queue_.push_back(&job);
    ++waiting_;
  }
  wake_.notify_one();
  struct Answered {
    std::atomic<std::size_t>& waiting;
    ~Answered() { --waiting; }
  } answered{waiting_};
  done.get();  // rethrows the job's failure
}

std::size_t GroupCommitWriter::queued() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void GroupCommitWriter::run() {
  for (;;) {
    std::deque<Job*> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing is left to do
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    process(batch);
  }
}

void GroupCommitWriter::fail_all(std::deque<Job*>& batch, const std::string& detail) {
  for (Job* job : batch) {
    // A piece that had failed by itself keeps its own, more precise reason.
    if (!job->failure)
      job->failure = std::make_exception_ptr(
          CentralStoreError("The case store " + path_ + " could not save " + *job->what + ": " + detail));
    settle(*job);
  }
}

void GroupCommitWriter::process(std::deque<Job*>& batch) {
  sqlite3* db = db_.get();
  try {
    sqlite::exec(db, "BEGIN IMMEDIATE");
  } catch (const sqlite::Failure& failure) {
    fail_all(batch, failure.what());
    return;
  }

  for (Job* job : batch) {
    try {
      sqlite::exec(db, "SAVEPOINT item");
      (*job->work)(db);
      sqlite::exec(db, "RELEASE item");
    } catch (const sqlite::Failure& failure) {
      job->failure = std::make_exception_ptr(
          CentralStoreError("The case store " + path_ + " could not save " + *job->what + ": " + failure.what()));
    } catch (...) {
      job->failure = std::current_exception();
    }
    if (!job->failure) continue;
    // After an I/O error or a full disk SQLite may have rolled the whole
    // transaction back by itself: then nothing in this batch is saved.
    if (sqlite::in_autocommit(db)) {
      fail_all(batch, "the transaction was rolled back");
      return;
    }
    try {
      sqlite::exec(db, "ROLLBACK TO item");
      sqlite::exec(db, "RELEASE item");
    } catch (const sqlite::Failure& failure) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      fail_all(batch, failure.what());
      return;
    }
  }

  try {
    sqlite::exec(db, "COMMIT");
  } catch (const sqlite::Failure& failure) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    fail_all(batch, failure.what());
    return;
  }
  commits_.fetch_add(1);
  for (Job* job : batch) settle(*job);
}

void GroupCommitWriter::settle(Job& job) {
  // The caller's Job lives on its stack and goes the moment it wakes, so the
  // promise is moved out first: this thread then owns what it is finishing.
  auto done = std::move(job.done);
  auto failure = std::move(job.failure);
  if (failure)
    done.set_exception(failure);
  else
    done.set_value();
}

}  // namespace oneservice::central::store
