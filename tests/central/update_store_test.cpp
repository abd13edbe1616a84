// The one update write path (CaseStore::add_update): applying, versions,
// exactly once per (device, client update id), concurrent duplicates, and
// the stale-version flag.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include "central/case_store.h"
#include "central/store/updates.h"
#include "status_update.h"
#include "support.h"

using namespace oneservice;
using namespace oneservice::central;
using test::client_id_for;
using test::RawDb;
using test::sample_case;
using test::SetClock;
using test::TempFolder;

namespace {

class CaseStoreUpdate : public ::testing::Test {
 protected:
  void SetUp() override {
    clock.set("2026-11-22T10:00:00Z");
    store.add_key("FixMyStreet", "web", &device);
    id = store.create(sample_case(client_id_for(1))).service_request_id;
    clock.set("2026-11-23T09:30:00Z");
  }

  NewUpdate from_device(const std::string& client_update_id, const std::string& note,
                        std::optional<CaseStatus> status = CaseStatus::Investigating) {
    NewUpdate update;
    update.service_request_id = id;
    update.device_id = device.id;
    update.client_update_id = client_update_id;
    update.canonical_body = "status=" + std::string(status ? to_string(*status) : "") + "&note=" + note;
    update.status = status;
    update.public_note = note;
    return update;
  }

  TempFolder folder;
  SetClock clock;
  CaseStore store{folder.path(), clock.clock()};
  Device device;
  std::string id;
};

}  // namespace

TEST_F(CaseStoreUpdate, AnUpdateMovesTheCaseItsVersionAndIsListed) {
  const auto result = store.add_update(test::status_update(id, CaseStatus::Fixed, "Repaired by the highways team."));
  ASSERT_EQ(result.outcome, UpdateOutcome::Added);
  const auto& update = result.update;
  EXPECT_GT(update.update_id, 0);
  EXPECT_EQ(update.service_request_id, id);
  EXPECT_EQ(update.status, CaseStatus::Fixed);
  EXPECT_EQ(update.updated_datetime, "2026-11-23T09:30:00Z");
  EXPECT_EQ(update.description, "Repaired by the highways team.");
  EXPECT_TRUE(update.applied);

  const auto record = store.find(id);
  EXPECT_EQ(record->status, CaseStatus::Fixed);
  EXPECT_EQ(record->status_notes, "Repaired by the highways team.");
  EXPECT_EQ(record->updated_datetime, "2026-11-23T09:30:00Z");
  EXPECT_EQ(record->requested_datetime, "2026-11-22T10:00:00Z");
  EXPECT_EQ(record->version, 2);
  CaseQuery closed;
  closed.status = "closed";
  EXPECT_EQ(store.search(closed).size(), 1u);

  clock.set("2026-11-24T08:00:00Z");
  store.add_update(test::status_update(id, CaseStatus::Reopen, "It has sunk again."));
  closed.status = "open";
  EXPECT_EQ(store.search(closed).size(), 1u);
  EXPECT_EQ(store.updates({}).size(), 2u);
  EXPECT_EQ(store.find(id)->version, 3);
}

TEST_F(CaseStoreUpdate, ANoteKeepsTheStatusAndAPrivateNoteStaysOutOfThePublicFields) {
  store.add_update(test::status_update(id, CaseStatus::Investigating, "An inspector will visit."));
  NewUpdate note;
  note.service_request_id = id;
  note.private_note = "Resident is elderly: knock loudly.";
  note.author_name = "Ann Example";
  note.author_email = "ann@example.com";
  const auto result = store.add_update(note);
  ASSERT_EQ(result.outcome, UpdateOutcome::Added);
  EXPECT_EQ(result.update.status, CaseStatus::Investigating);
  const auto record = store.find(id);
  EXPECT_EQ(record->status, CaseStatus::Investigating);
  EXPECT_EQ(record->status_notes, "An inspector will visit.") << "a private note leaves the public notes alone";
  EXPECT_EQ(record->version, 3);
  const auto history = store.history(id);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1].private_note, "Resident is elderly: knock loudly.");
  EXPECT_EQ(history[1].author_email, "ann@example.com");
  EXPECT_EQ(history[1].description, "");
}

TEST_F(CaseStoreUpdate, TheSameClientUpdateIdIsOneUpdate) {
  const auto first = store.add_update(from_device("fms-101", "An inspector will visit."));
  ASSERT_EQ(first.outcome, UpdateOutcome::Added);
  clock.set("2026-11-23T10:00:00Z");
  const auto again = store.add_update(from_device("fms-101", "An inspector will visit."));
  EXPECT_EQ(again.outcome, UpdateOutcome::Duplicate);
  EXPECT_EQ(again.update.update_id, first.update.update_id);
  EXPECT_EQ(again.update.updated_datetime, "2026-11-23T09:30:00Z") << "the first update, as it was";
  EXPECT_EQ(store.updates({}).size(), 1u);
  EXPECT_EQ(store.find(id)->version, 2);

  const auto other = store.add_update(from_device("fms-101", "Something else entirely."));
  EXPECT_EQ(other.outcome, UpdateOutcome::KeyReused);
  EXPECT_EQ(store.updates({}).size(), 1u);
  EXPECT_EQ(store.find(id)->status_notes, "An inspector will visit.");

  // Another device may use the same id of its own.
  Device other_device;
  store.add_key("Field tablet", "field", &other_device);
  auto theirs = from_device("fms-101", "An inspector will visit.");
  theirs.device_id = other_device.id;
  EXPECT_EQ(store.add_update(theirs).outcome, UpdateOutcome::Added);
  // No client update id: no resend protection, two updates.
  EXPECT_EQ(store.add_update(from_device("", "Note")).outcome, UpdateOutcome::Added);
  EXPECT_EQ(store.add_update(from_device("", "Note")).outcome, UpdateOutcome::Added);
  EXPECT_EQ(store.updates({}).size(), 4u);
}

TEST_F(CaseStoreUpdate, ConcurrentDuplicatesMakeOneUpdate) {
  constexpr int kThreads = 16;
  std::vector<UpdateResult> results(kThreads);
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int n = 0; n < kThreads; ++n)
    threads.emplace_back([&, n] {
      ++ready;
      while (ready.load() < kThreads) std::this_thread::yield();
      results[static_cast<std::size_t>(n)] = store.add_update(from_device("fms-7", "Same words"));
    });
  for (auto& thread : threads) thread.join();
  int added = 0;
  std::set<std::int64_t> ids;
  for (const auto& result : results) {
    if (result.outcome == UpdateOutcome::Added) ++added;
    else EXPECT_EQ(result.outcome, UpdateOutcome::Duplicate);
    ids.insert(result.update.update_id);
  }
  EXPECT_EQ(added, 1);
  EXPECT_EQ(ids.size(), 1u) << "every sender hears the same update";
  EXPECT_EQ(store.updates({}).size(), 1u);
  EXPECT_EQ(store.find(id)->version, 2);
  RawDb raw(store.path());
  EXPECT_EQ(raw.integer("SELECT count(*) FROM case_updates WHERE client_update_id = 'fms-7'"), 1);
}

TEST_F(CaseStoreUpdate, AnUpdateFromAnOlderVersionIsKeptFlaggedAndNotApplied) {
  ASSERT_EQ(store.add_update(test::status_update(id, CaseStatus::Investigating, "Looking.")).outcome,
            UpdateOutcome::Added);  // version 2
  auto stale = from_device("officer-1", "Fixed it.", CaseStatus::Fixed);
  stale.base_version = 1;
  stale.private_note = "Used cold mix.";
  const auto result = store.add_update(stale);
  ASSERT_EQ(result.outcome, UpdateOutcome::Flagged);
  EXPECT_FALSE(result.update.applied);
  EXPECT_EQ(result.update.base_version, 1);
  const auto record = store.find(id);
  EXPECT_EQ(record->status, CaseStatus::Investigating) << "never silently overwritten";
  EXPECT_EQ(record->status_notes, "Looking.");
  EXPECT_EQ(record->version, 2);
  EXPECT_TRUE(record->needs_review);
  EXPECT_EQ(record->review_reason, store::stale_update_reason(1, 2));
  EXPECT_EQ(store.updates({}).size(), 1u) << "not in the public feed";
  const auto history = store.history(id);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1].private_note, "Used cold mix.");
  // A resend of it is the same flagged update, not a second one.
  EXPECT_EQ(store.add_update(stale).outcome, UpdateOutcome::Duplicate);
  EXPECT_EQ(store.history(id).size(), 2u);
  // Sent from the current version: applied.
  auto fresh = from_device("officer-2", "Fixed it.", CaseStatus::Fixed);
  fresh.base_version = 2;
  EXPECT_EQ(store.add_update(fresh).outcome, UpdateOutcome::Added);
  EXPECT_EQ(store.find(id)->status, CaseStatus::Fixed);
}

TEST_F(CaseStoreUpdate, UnknownCasesAreRefusedAndNothingIsStored) {
  auto update = test::status_update("999", CaseStatus::Fixed, "note");
  EXPECT_EQ(store.add_update(update).outcome, UpdateOutcome::UnknownCase);
  update.service_request_id = "not-an-id";
  EXPECT_EQ(store.add_update(update).outcome, UpdateOutcome::UnknownCase);
  EXPECT_EQ(store.find(id)->status, CaseStatus::Open);
  EXPECT_TRUE(store.updates({}).empty());
}

TEST_F(CaseStoreUpdate, LinksAndFilesTravelWithTheUpdate) {
  auto update = from_device("fms-9", "Photo of the repair");
  update.media_urls = {"https://fms.example/photo/9.0.full.jpeg", "https://fms.example/photo/9.1.full.jpeg"};
  update.media = {{"u-1.jpg", "image/jpeg"}};
  const auto result = store.add_update(update);
  ASSERT_EQ(result.outcome, UpdateOutcome::Added);
  EXPECT_EQ(result.update.media_urls, update.media_urls);
  ASSERT_EQ(result.update.media.size(), 1u);
  EXPECT_EQ(result.update.media[0].file_name, "u-1.jpg");
  const auto feed = store.updates({});
  ASSERT_EQ(feed.size(), 1u);
  EXPECT_EQ(feed[0].media_urls.size(), 2u);
}
