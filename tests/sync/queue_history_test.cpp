// The operator's queue chart: when each request joined the queue and was
// accepted (stamped by the outbox), and the hourly peaks worked out from it.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "support.h"
#include "sync/delivery_queue.h"
#include "sync/outbox.h"
#include "sync/queue_history.h"

using namespace oneservice;
using namespace oneservice::sync;
using namespace std::chrono_literals;
using oneservice::sync::test::client_id_for;
using oneservice::sync::test::RawDb;
using oneservice::sync::test::sample_request;
using oneservice::sync::test::TempFolder;

namespace {

TimePoint at(const char* text) { return *parse_iso8601(text); }

// An outbox whose clock the test moves.
struct ClockedOutbox {
  explicit ClockedOutbox(const TempFolder& folder) : outbox(Outbox::open(outbox_path(folder.path()))) {
    outbox.set_clock(Clock{[now = now] { return *now; }});
  }
  void set(const char* text) { *now = at(text); }
  std::string queue(int n) { return outbox.enqueue(sample_request(client_id_for(n))); }
  void accept(int n) { settle(n, Settlement::Kind::Accepted, "council-" + std::to_string(n)); }
  void refuse(int n) { settle(n, Settlement::Kind::NeedsAttention, ""); }
  // The push loop claims every request due; the others go back in the queue
  // unanswered (which leaves their queued_at as it was).
  void settle(int n, Settlement::Kind kind, const std::string& reference) {
    std::vector<Settlement> results;
    for (const auto& id : test::claim_due(outbox))
      results.push_back(id == client_id_for(n) ? Settlement{id, kind, reference, "refused", ""}
                                               : Settlement{id, Settlement::Kind::RetryLater, "", "not now", ""});
    ASSERT_EQ(DeliveryQueue(outbox).settle_and_claim(results, "", 0).size(), 0u);
    ASSERT_EQ(outbox.find(client_id_for(n))->state,
              kind == Settlement::Kind::Accepted ? RequestState::Accepted : RequestState::NeedsAttention);
  }

  std::shared_ptr<TimePoint> now = std::make_shared<TimePoint>();
  Outbox outbox;
};

}  // namespace

TEST(QueueStamps, QueuingAndAcceptingAreStampedWithTheOutboxClock) {
  TempFolder folder;
  ClockedOutbox store(folder);
  store.set("2026-11-22T09:00:00Z");
  test::insert_draft(store.outbox.path(), client_id_for(1));
  store.set("2026-11-22T09:05:00Z");
  store.queue(2);
  {
    // No API queues a draft yet (the field-officer mode will): the stamp is
    // the schema's, from the update that queues it.
    RawDb raw(store.outbox.path());
    ASSERT_EQ(raw.exec("UPDATE requests SET state = 'queued', updated_at = '2026-11-22T09:10:00Z' "
                       "WHERE client_id = '" + client_id_for(1) + "'"),
              SQLITE_OK)
        << raw.last_error();
  }
  store.set("2026-11-22T09:30:00Z");
  store.accept(2);

  RawDb raw(store.outbox.path());
  const auto stamps = [&](int n) {
    return raw.text("SELECT queued_at || '/' || accepted_at FROM requests WHERE client_id = '" + client_id_for(n) + "'");
  };
  EXPECT_EQ(stamps(1), "2026-11-22T09:10:00Z/") << "a draft joins the queue when it is queued, not when begun";
  EXPECT_EQ(stamps(2), "2026-11-22T09:05:00Z/2026-11-22T09:30:00Z");
}

TEST(QueueHistory, CountsWhatWasWaitingInEachHourFromARealOutbox) {
  TempFolder folder;
  ClockedOutbox store(folder);
  // Queued and accepted the day before: never on the chart.
  store.set("2026-11-20T20:00:00Z");
  store.queue(1);
  store.set("2026-11-20T22:00:00Z");
  store.accept(1);
  // Waiting since before the window: every hour.
  store.set("2026-11-21T22:00:00Z");
  store.queue(2);
  // Waiting from 01:30 until accepted at 03:10.
  store.set("2026-11-22T01:30:00Z");
  store.queue(3);
  store.set("2026-11-22T03:10:00Z");
  store.accept(3);
  // Queued at 06:15.
  store.set("2026-11-22T06:15:00Z");
  store.queue(4);
  // Queued at 10:20, refused at 11:00: needing attention is still waiting.
  store.set("2026-11-22T10:20:00Z");
  store.queue(5);
  store.set("2026-11-22T11:00:00Z");
  store.refuse(5);

  const auto history = queue_history(store.outbox, at("2026-11-23T00:00:00Z"));
  const std::vector<int> expected = {1, 2, 2, 2, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3};
  EXPECT_EQ(history.peaks, expected);
  EXPECT_EQ(history.waiting_now, 3);
  EXPECT_EQ(history.end, at("2026-11-23T00:00:00Z"));
}

TEST(QueueHistory, AShortBurstInsideAnHourShowsAsThatHoursPeak) {
  const TimePoint now = at("2026-11-22T12:00:00Z");
  const std::vector<QueueSpan> spans = {
      {"2026-11-22T10:10:00Z", "2026-11-22T10:30:00Z"},
      {"2026-11-22T10:20:00Z", "2026-11-22T10:40:00Z"},
      // Accepted the second the next one joined: not two at once.
      {"2026-11-22T11:05:00Z", "2026-11-22T11:10:00Z"},
      {"2026-11-22T11:10:00Z", ""},
  };
  const auto history = queue_history(spans, now, 3);
  EXPECT_EQ(history.peaks, (std::vector<int>{0, 2, 1}));
  EXPECT_EQ(history.waiting_now, 1);
}

TEST(QueueHistory, UnreadableOrImpossibleStampsAreLeftOut) {
  const TimePoint now = at("2026-11-22T12:00:00Z");
  const std::vector<QueueSpan> spans = {
      {"not a time", ""},
      {"2026-11-22T11:30:00Z", "garbled"},
      {"2026-11-22T11:30:00Z", "2026-11-22T11:00:00Z"},  // accepted before it was queued
      {"2026-11-22T13:00:00Z", ""},                      // queued after now: a clock put back
      {"2026-11-22T11:45:00Z", "2026-11-22T14:00:00Z"},  // accepted after now: still waiting now
  };
  const auto history = queue_history(spans, now, 2);
  EXPECT_EQ(history.peaks, (std::vector<int>{0, 1}));
  EXPECT_EQ(history.waiting_now, 1);
}
