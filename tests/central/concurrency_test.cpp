#include <gtest/gtest.h>

#include <chrono>
#include <latch>
#include <set>
#include <thread>
#include <vector>

#include "central/case_store.h"
#include "support.h"

using namespace oneservice;
using namespace oneservice::central;
using test::client_id_for;
using test::RawDb;
using test::sample_case;
using test::TempFolder;

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
  EXPECT_EQ(raw.integer("SELECT count(*) FROM case_updates"), 200);
  // Group commit: callers waiting together share one transaction.
  EXPECT_LT(store.commits(), static_cast<std::uint64_t>(kThreads * kPerThread));
  EXPECT_GT(store.commits(), 0u);
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

// Holding the database's write lock from outside stalls the writer on its
// first batch, so the creates sent meanwhile all land in the next batch.
// Within that one batch: the second of two identical creates sees the first,
// and a create that breaks a constraint is rolled back alone.
TEST(CaseStoreConcurrency, OneBatchHandlesDuplicatesAndAFailureApart) {
  TempFolder folder;
  CaseStore store(folder.path());
  RawDb raw(store.path());
  ASSERT_EQ(raw.exec("BEGIN IMMEDIATE"), SQLITE_OK);
  const auto before = store.commits();

  std::thread first([&] { store.create(sample_case(client_id_for(1))); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the writer takes it and waits for the lock

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
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // all four are queued
  ASSERT_EQ(raw.exec("COMMIT"), SQLITE_OK);
  first.join();
  for (auto& thread : batch) thread.join();

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
  EXPECT_EQ(raw.integer("SELECT count(*) FROM case_updates"), 3);
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
