#include <gtest/gtest.h>

#include <chrono>
#include <latch>
#include <set>
#include <thread>
#include <vector>

#include "central/case_store.h"
#include "support.h"
#include "support/deadline.h"

using namespace oneservice;
using namespace oneservice::central;
using test::client_id_for;
using test::RawDb;
using test::sample_case;
using test::TempFolder;
using test_support::wait_until;

// 8 threads x 50 creates: threads t and t+4 send the same 50 client ids at
// the same moment, as a device retrying a POST whose reply was lost.
TEST(CaseStoreConcurrency, DuplicatePostsAtOnceMakeOneCaseEachAndShareCommits) {
  TempFolder folder;
  CaseStore store(folder.path());
  constexpr int kThreads = 8;
  constexpr int kPerThread = 50;
  std::vector<std::vector<CreateResult>> results(kThreads);
  std::vector<std::string> failures(kThreads);
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      try {
        for (int i = 0; i < kPerThread; ++i)
          results[t].push_back(store.create(sample_case(client_id_for((t % 4) * 1000 + i))));
      } catch (const std::exception& error) {
        failures[t] = error.what();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& failure : failures) ASSERT_EQ(failure, "");

  std::set<std::string> ids;
  for (int t = 0; t < 4; ++t) {
    for (int i = 0; i < kPerThread; ++i) {
      const auto& a = results[t][i];
      const auto& b = results[t + 4][i];
      EXPECT_EQ(a.service_request_id, b.service_request_id) << "thread " << t << " item " << i;
      EXPECT_NE(a.outcome, CreateOutcome::Conflict);
      EXPECT_NE(b.outcome, CreateOutcome::Conflict);
      // Exactly one of the pair made the case.
      EXPECT_EQ((a.outcome == CreateOutcome::Created) + (b.outcome == CreateOutcome::Created), 1);
      ids.insert(a.service_request_id);
    }
  }
  EXPECT_EQ(ids.size(), 200u);
  EXPECT_EQ(store.search({}).size(), 200u);
  RawDb raw(store.path());
  EXPECT_EQ(raw.integer("SELECT count(*) FROM cases"), 200);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM case_media"), 400);
}

// A store whose writer stalls on its first batch: the test holds the
// database's write lock from outside until it lets go (COMMIT).
class StalledWriter : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(raw.exec("BEGIN IMMEDIATE"), SQLITE_OK);
    before = store.commits();
  }

  TempFolder folder;
  CaseStore store{folder.path()};
  RawDb raw{store.path()};
  std::uint64_t before = 0;
};

// Every create sent while the writer is stalled waits in the queue. Once the
// lock is let go, the first batch commits and the next takes all the others:
// two commits for forty creates, however the threads were scheduled.
TEST_F(StalledWriter, CreatesWaitingTogetherShareOneCommit) {

  constexpr std::size_t kCreates = 40;
  std::vector<CreateOutcome> outcomes(kCreates, CreateOutcome::Conflict);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < kCreates; ++i)
    threads.emplace_back([&, i] {
      outcomes[i] = store.create(sample_case(client_id_for(static_cast<int>(i) + 1))).outcome;
    });
  const bool all_waiting = wait_until([&] { return store.writes_waiting() == kCreates; });
  ASSERT_EQ(raw.exec("COMMIT"), SQLITE_OK);
  for (auto& thread : threads) thread.join();
  ASSERT_TRUE(all_waiting) << "only " << store.writes_waiting() << " of " << kCreates << " creates were queued";

  EXPECT_LE(store.commits() - before, 2u) << "creates waiting together must share commits";
  EXPECT_GE(store.commits() - before, 1u);
  for (const auto outcome : outcomes) EXPECT_EQ(outcome, CreateOutcome::Created);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM cases"), static_cast<long long>(kCreates));
}

TEST(CaseStoreConcurrency, OneCreateAloneIsOneCommit) {
  TempFolder folder;
  CaseStore store(folder.path());
  const auto before = store.commits();
  store.create(sample_case(client_id_for(1)));
  EXPECT_EQ(store.commits(), before + 1);
  store.create(sample_case(client_id_for(1)));  // a duplicate still waits for its commit
  EXPECT_EQ(store.commits(), before + 2);
}

// With the writer stalled on a first create, the creates sent meanwhile all
// land in the next batch. Within that one batch: the second of two identical
// creates sees the first, and a create that breaks a constraint is rolled
// back alone.
TEST_F(StalledWriter, OneBatchHandlesDuplicatesAndAFailureApart) {

  std::thread first([&] { store.create(sample_case(client_id_for(1))); });
  // The writer has taken it into its first batch and waits for the lock.
  const bool first_taken = wait_until([&] { return store.writes_waiting() == 1 && store.writes_queued() == 0; });

  CreateResult twin_a, twin_b, other;
  std::string bad_error;
  std::vector<std::thread> batch;
  batch.emplace_back([&] { twin_a = store.create(sample_case(client_id_for(2))); });
  batch.emplace_back([&] { twin_b = store.create(sample_case(client_id_for(2))); });
  batch.emplace_back([&] {
    auto bad = sample_case(client_id_for(3));
    bad.device_id = 424242;  // no such device
    try {
      store.create(bad);
    } catch (const CentralStoreError& error) {
      bad_error = error.what();
    }
  });
  batch.emplace_back([&] { other = store.create(sample_case(client_id_for(4))); });
  const bool all_queued = wait_until([&] { return store.writes_queued() == 4; });
  ASSERT_EQ(raw.exec("COMMIT"), SQLITE_OK);
  first.join();
  for (auto& thread : batch) thread.join();
  ASSERT_TRUE(first_taken) << "the writer never took the first create";
  ASSERT_TRUE(all_queued) << "only " << store.writes_queued() << " of 4 creates were queued";

  EXPECT_EQ(store.commits(), before + 2) << "the four creates should share one commit";
  EXPECT_EQ(twin_a.service_request_id, twin_b.service_request_id);
  EXPECT_EQ((twin_a.outcome == CreateOutcome::Created) + (twin_b.outcome == CreateOutcome::Created), 1);
  EXPECT_EQ((twin_a.outcome == CreateOutcome::Duplicate) + (twin_b.outcome == CreateOutcome::Duplicate), 1);
  EXPECT_NE(bad_error.find("FOREIGN KEY"), std::string::npos) << bad_error;
  EXPECT_EQ(other.outcome, CreateOutcome::Created);
  ASSERT_TRUE(store.find(other.service_request_id));
  EXPECT_EQ(raw.integer("SELECT count(*) FROM cases"), 3);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM cases WHERE client_id = '" + client_id_for(3) + "'"), 0);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM case_media"), 6);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM case_updates"), 0);
}

TEST(CaseStoreConcurrency, ReadsRunWhileCreatesCommit) {
  TempFolder folder;
  CaseStore store(folder.path());
  store.create(sample_case(client_id_for(1)));
  std::atomic<bool> done{false};
  std::atomic<int> reads{0};
  std::string read_failure;
  std::thread reader([&] {
    try {
      while (!done) {
        const auto found = store.find("1");
        if (!found || found->media.size() != 2) throw std::runtime_error("case 1 read incomplete");
        store.search({});
        ++reads;
      }
    } catch (const std::exception& error) {
      read_failure = error.what();
    }
  });
  for (int n = 2; n <= 60; ++n) store.create(sample_case(client_id_for(n)));
  done = true;
  reader.join();
  EXPECT_EQ(read_failure, "");
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(store.search({}).size(), 60u);
}
