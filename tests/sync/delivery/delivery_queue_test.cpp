// The push loop's queue (sync/delivery_queue.h) and the outbox's delivery
// bookkeeping, on a real file: which requests are due, backoff that survives
// reopening, tokens, recovery after a kill, the sync cursor, the status cache
// and photos.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "db/sqlite.h"
#include "delivery_support.h"
#include "shared/identity.h"
#include "shared/photo_limits.h"
#include "sync/delivery_queue.h"
#include "sync/store_error.h"

using namespace oneservice;
using namespace oneservice::sync;
using namespace oneservice::sync::delivery_test;

namespace {

ServiceRequest hand_made(int n) {
  ServiceRequest request;
  request.client_id = make_uuid_v4();
  request.service_code = "pothole";
  request.catalogue_version = "2026-11-01T09:00:00Z";
  request.answers = {{"depth_cm", std::to_string(n)}};
  request.location.lat = 51.2;
  request.location.lon = -1.82;
  request.created_at = "2026-11-22T14:03:00Z";
  return request;
}

class OutboxDelivery : public ::testing::Test {
 protected:
  OutboxDelivery() : outbox(Outbox::open(outbox_path(dir.path()))) {}

  std::string add(int n) {
    const auto request = hand_made(n);
    outbox.enqueue(request);
    return request.client_id;
  }

  std::vector<ClaimedRequest> claim(const std::string& now_utc, int limit = 10) {
    return queue.settle_and_claim({}, now_utc, limit);
  }
  void settle(const Settlement& settlement) { queue.settle_and_claim({settlement}, "", 0); }
  // Photos still held for a request, read from the file.
  std::int64_t photos_held(const std::string& client_id) {
    const auto db = sqlite::open(outbox.path(), sqlite::Access::ReadOnly);
    sqlite::Statement count(db.get(), "SELECT count(*) FROM request_media WHERE client_id = ?1");
    count.bind(1, client_id);
    return count.step() ? count.integer(0) : -1;
  }

  std::vector<std::string> ids_of(const std::vector<OutboxEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& entry : entries) out.push_back(entry.client_id);
    return out;
  }
  std::vector<std::string> ids_of(const std::vector<ClaimedRequest>& claimed) {
    std::vector<std::string> out;
    for (const auto& request : claimed) out.push_back(request.entry.client_id);
    return out;
  }

  TempDir dir;
  Outbox outbox;
  DeliveryQueue queue{outbox};
};

}  // namespace

// Lookups read only what they show, so a request whose stored body was
// damaged can still be tracked; the claim, which needs the body, says the
// store is damaged, naming the reference and never the content, and leaves
// the request queued.
TEST_F(OutboxDelivery, ADamagedBodyLeavesLookupsWorkingAndTheClaimNamesOnlyTheReference) {
  const auto a = add(1);
  {
    const auto db = sqlite::open(outbox.path(), sqlite::Access::ReadWrite);
    sqlite::exec(db.get(),
                 "DROP TRIGGER requests_read_only_after_draft;"
                 "UPDATE requests SET body = '{\"secret\": \"Bloggs' WHERE client_id = '" + a + "'");
  }
  const auto entry = outbox.find(a);
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->service_code, "pothole");
  EXPECT_EQ(entry->state, RequestState::Queued);
  ASSERT_TRUE(outbox.find_by_reference(entry->local_ref));

  try {
    claim("2026-11-22T14:00:00Z");
    ADD_FAILURE() << "a damaged body was claimed";
  } catch (const StoreError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("damaged"), std::string::npos) << message;
    EXPECT_NE(message.find(entry->local_ref), std::string::npos) << message;
    EXPECT_EQ(message.find("Bloggs"), std::string::npos) << message;
  }
  EXPECT_EQ(outbox.find(a)->state, RequestState::Queued) << "the failed claim was rolled back";
  EXPECT_EQ(outbox.find(a)->attempts, 0);
}

TEST_F(OutboxDelivery, ClaimTakesWhatIsDueInOrderAndCountsTheAttempt) {
  const auto a = add(1), b = add(2), c = add(3);
  EXPECT_EQ(queue.next_attempt_time(), std::optional<std::string>("")) << "queued and due now";
  EXPECT_EQ(ids_of(claim("2026-11-22T14:00:00Z", 1)), std::vector<std::string>{a}) << "oldest first";
  EXPECT_EQ(ids_of(claim("2026-11-22T14:00:00Z", 1)), std::vector<std::string>{b});
  settle({b, Settlement::Kind::RetryLater, "", "the council's server took too long to answer", "2026-11-22T14:05:00Z"});
  settle({a, Settlement::Kind::RetryLater, "", "the connection broke before the answer arrived", "2026-11-22T14:06:00Z"});
  const auto entry = outbox.find(b);
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->state, RequestState::Queued);
  EXPECT_EQ(entry->next_attempt_at, "2026-11-22T14:05:00Z");
  EXPECT_EQ(entry->last_error, "the council's server took too long to answer");
  EXPECT_EQ(entry->attempts, 1);

  const auto first = claim("2026-11-22T14:05:00Z", 2);
  EXPECT_EQ(ids_of(first), (std::vector<std::string>{c, b})) << "never-tried first, then retries by due time";
  for (const auto& [claimed, media, request] : first) {
    EXPECT_EQ(claimed.state, RequestState::Sending);
    EXPECT_TRUE(media.empty());
    EXPECT_EQ(claimed.attempts, claimed.client_id == b ? 2 : 1) << "as claimed: this attempt counts";
    EXPECT_EQ(request.answers.size(), 1u) << "the request itself comes back readable, with the claim";
    EXPECT_EQ(request.client_id, claimed.client_id);
    EXPECT_EQ(outbox.find(claimed.client_id)->state, RequestState::Sending);
  }
  // The waiting one is the earliest next time, and not due before it.
  EXPECT_EQ(queue.next_attempt_time(), std::optional<std::string>("2026-11-22T14:06:00Z"));
  EXPECT_TRUE(claim("2026-11-22T14:05:59Z").empty()) << "a is not due yet";

  // The backoff survives closing and reopening the file.
  auto reopened = Outbox::open(outbox_path(dir.path()), OpenMode::MustExist);
  EXPECT_EQ(reopened.find(a)->next_attempt_at, "2026-11-22T14:06:00Z");
  EXPECT_TRUE(DeliveryQueue(reopened).settle_and_claim({}, "2026-11-22T14:05:59Z", 10).empty());
  const auto second = DeliveryQueue(reopened).settle_and_claim({}, "2026-11-22T14:06:00Z", 10);
  ASSERT_EQ(ids_of(second), std::vector<std::string>{a});
  EXPECT_EQ(second[0].entry.attempts, 2);
  EXPECT_EQ(second[0].entry.next_attempt_at, "2026-11-22T14:06:00Z");
  EXPECT_TRUE(claim("2026-11-22T15:00:00Z").empty()) << "nothing is claimed twice";
}

TEST_F(OutboxDelivery, AClaimedRequestComesWithItsOwnPhotosInTheOrderTaken) {
  const auto with_two = hand_made(1);
  outbox.enqueue(with_two, {{"first.jpg", "image/jpeg", "\xff\xd8\xff 1"}, {"second.png", "image/png", "\x89PNG 2"}});
  const auto without = add(2);
  const auto with_one = hand_made(3);
  outbox.enqueue(with_one, {{"only.jpg", "image/jpeg", "\xff\xd8\xff 3"}});

  const auto claimed = claim("2026-11-22T14:00:00Z");
  ASSERT_EQ(ids_of(claimed), (std::vector<std::string>{with_two.client_id, without, with_one.client_id}));
  ASSERT_EQ(claimed[0].media.size(), 2u);
  EXPECT_EQ(claimed[0].media[0].file_name, "first.jpg");
  EXPECT_EQ(claimed[0].media[0].bytes, "\xff\xd8\xff 1");
  EXPECT_EQ(claimed[0].media[1].file_name, "second.png");
  EXPECT_EQ(claimed[0].media[1].content_type, "image/png");
  EXPECT_TRUE(claimed[1].media.empty());
  ASSERT_EQ(claimed[2].media.size(), 1u);
  EXPECT_EQ(claimed[2].media[0].bytes, "\xff\xd8\xff 3") << "each request gets only its own photos";
}

TEST_F(OutboxDelivery, SettleAndClaimAppliesEveryKindInOneGo) {
  const auto when = std::chrono::sys_days{std::chrono::November / 22 / 2026} + std::chrono::hours(14);
  outbox.set_clock(Clock{[when] { return when; }});
  const auto accepted = hand_made(1);
  outbox.enqueue(accepted, {{"a.jpg", "image/jpeg", "\xff\xd8\xff"}});
  const auto refused = hand_made(2);
  outbox.enqueue(refused, {{"b.jpg", "image/jpeg", "\xff\xd8\xff"}});
  const auto token = add(3), later = add(4), waiting = add(5);
  ASSERT_EQ(claim("2026-11-22T14:00:00Z", 4).size(), 4u);

  const std::string not_utf8 = "bad byte \xff here";
  const auto claimed = queue.settle_and_claim(
      {{accepted.client_id, Settlement::Kind::Accepted, "1001", "", ""},
       {refused.client_id, Settlement::Kind::NeedsAttention, "", "service_code: unknown", ""},
       {token, Settlement::Kind::Token, "tok-3", "", ""},
       {later, Settlement::Kind::RetryLater, "", not_utf8, "2026-11-22T14:10:00Z"}},
      "2026-11-22T14:00:00Z", 10);
  EXPECT_EQ(ids_of(claimed), std::vector<std::string>{waiting}) << "claimed in the same transaction";

  const auto a = outbox.find(accepted.client_id);
  EXPECT_EQ(a->state, RequestState::Accepted);
  EXPECT_EQ(a->server_ref, "1001");
  EXPECT_EQ(photos_held(accepted.client_id), 0) << "the council has the photo";
  const auto r = outbox.find(refused.client_id);
  EXPECT_EQ(r->state, RequestState::NeedsAttention);
  EXPECT_EQ(r->last_error, "service_code: unknown");
  EXPECT_EQ(photos_held(refused.client_id), 1) << "kept until it is delivered";
  EXPECT_EQ(outbox.find(token)->token, "tok-3");
  EXPECT_EQ(outbox.find(token)->state, RequestState::Sending);
  const auto l = outbox.find(later);
  EXPECT_EQ(l->state, RequestState::Queued);
  EXPECT_EQ(l->next_attempt_at, "2026-11-22T14:10:00Z");
  EXPECT_EQ(l->last_error.substr(0, 9), "bad byte ") << "a server's broken text is kept, mended";
  EXPECT_EQ(outbox.sync_value("last_success"), std::optional<std::string>("2026-11-22T14:00:00Z"));
  // The operator's chart reads when each was accepted.
  const auto spans = outbox.queue_spans("2026-11-22T00:00:00Z");
  const auto span = std::find_if(spans.begin(), spans.end(), [&](const QueueSpan& s) {
    return s.accepted_at == "2026-11-22T14:00:00Z";
  });
  EXPECT_NE(span, spans.end()) << "the accepted request has its acceptance stamp";
}

TEST_F(OutboxDelivery, ARefusedSettlementClaimsNothingAndAppliesNothing) {
  const auto a = add(1);
  ASSERT_EQ(ids_of(claim("2026-11-22T14:00:00Z")), std::vector<std::string>{a});
  const auto b = add(2), c = add(3);
  try {
    queue.settle_and_claim({{a, Settlement::Kind::Accepted, "1001", "", ""},
                             {b, Settlement::Kind::Accepted, "1002", "", ""}},  // b was never sent
                            "2026-11-22T14:00:00Z", 10);
    ADD_FAILURE() << "a result was recorded for a request that is not being sent";
  } catch (const StoreError& error) {
    EXPECT_NE(std::string(error.what()).find(local_reference(b)), std::string::npos) << error.what();
  }
  EXPECT_EQ(outbox.find(a)->state, RequestState::Sending) << "a's result went with the refused batch";
  EXPECT_EQ(outbox.find(b)->state, RequestState::Queued);
  EXPECT_EQ(outbox.find(c)->state, RequestState::Queued) << "nothing was claimed";
  EXPECT_FALSE(outbox.sync_value("last_success").has_value());
}

TEST_F(OutboxDelivery, NoQueuedRequestMeansNoNextAttempt) {
  EXPECT_FALSE(queue.next_attempt_time().has_value());
  const auto a = add(1);
  ASSERT_EQ(claim("2026-11-22T14:00:00Z").size(), 1u);
  EXPECT_FALSE(queue.next_attempt_time().has_value()) << "sending is not waiting";
  settle({a, Settlement::Kind::Accepted, "1001", "", ""});
  EXPECT_FALSE(queue.next_attempt_time().has_value());
}

TEST_F(OutboxDelivery, ResultsOnlyForRequestsBeingSent) {
  const auto a = add(1);
  EXPECT_THROW(settle({a, Settlement::Kind::RetryLater, "", "x", "2026-11-22T14:05:00Z"}), StoreError)
      << "queued, not sending";
  ASSERT_EQ(claim("2026-11-22T14:00:00Z").size(), 1u);
  settle({a, Settlement::Kind::Accepted, "1001", "", ""});
  EXPECT_THROW(settle({a, Settlement::Kind::RetryLater, "", "x", "2026-11-22T14:05:00Z"}), StoreError)
      << "accepted is final";
  EXPECT_EQ(outbox.find(a)->state, RequestState::Accepted);
}

TEST_F(OutboxDelivery, TokenOnlyWhileSendingAndListedUntilResolved) {
  const auto a = add(1), b = add(2);
  try {
    settle({a, Settlement::Kind::Token, "tok-a", "", ""});
    ADD_FAILURE() << "a queued request cannot take a token";
  } catch (const StoreError& error) {
    EXPECT_NE(std::string(error.what()).find(local_reference(a)), std::string::npos) << error.what();
  }
  EXPECT_TRUE(outbox.find(a)->token.empty());
  ASSERT_EQ(claim("2026-11-22T14:00:00Z").size(), 2u);
  settle({a, Settlement::Kind::Token, "tok-a", "", ""});
  EXPECT_EQ(outbox.find(a)->token, "tok-a");
  EXPECT_EQ(outbox.find(a)->state, RequestState::Sending);
  EXPECT_EQ(ids_of(queue.awaiting_token()), std::vector<std::string>{a}) << "b is sending with no token";
  settle({a, Settlement::Kind::Accepted, "2002", "", ""});
  EXPECT_TRUE(queue.awaiting_token().empty());
  EXPECT_EQ(outbox.find(a)->token, "") << "a resolved token is forgotten";
  EXPECT_THROW(settle({a, Settlement::Kind::Token, "tok-again", "", ""}), StoreError) << "accepted";
  EXPECT_THROW(settle({make_uuid_v4(), Settlement::Kind::Token, "tok", "", ""}), StoreError) << "unknown request";
  EXPECT_EQ(outbox.find(b)->state, RequestState::Sending);
}

TEST_F(OutboxDelivery, RecoverInterruptedRequeuesInFlightButKeepsTokens) {
  const auto a = add(1), b = add(2), c = add(3);
  ASSERT_EQ(claim("2026-11-22T14:00:00Z").size(), 3u);
  const auto d = add(4);
  queue.settle_and_claim({{b, Settlement::Kind::Token, "tok-b", "", ""}, {c, Settlement::Kind::Accepted, "3003", "", ""}},
                         "", 0);
  // a was in flight when the process died (the file is reopened as after a restart).
  auto after = Outbox::open(outbox_path(dir.path()), OpenMode::MustExist);
  DeliveryQueue recovered(after);
  EXPECT_EQ(recovered.recover_interrupted(), 1);
  EXPECT_EQ(after.find(a)->state, RequestState::Queued);
  EXPECT_EQ(after.find(a)->next_attempt_at, "") << "due at once";
  EXPECT_EQ(after.find(a)->attempts, 1) << "attempts only grow";
  EXPECT_EQ(after.find(b)->state, RequestState::Sending) << "with the council: its token must be asked about";
  EXPECT_EQ(after.find(b)->token, "tok-b");
  EXPECT_EQ(after.find(c)->state, RequestState::Accepted);
  EXPECT_EQ(after.find(d)->state, RequestState::Queued);
  EXPECT_EQ(recovered.recover_interrupted(), 0) << "nothing left to recover";
  EXPECT_EQ(ids_of(recovered.settle_and_claim({}, "2026-11-22T14:00:00Z", 10)), (std::vector<std::string>{a, d}));
}

TEST_F(OutboxDelivery, SyncValuesRoundTripAndPersist) {
  EXPECT_FALSE(outbox.sync_value("updates_cursor").has_value());
  outbox.set_sync_value("updates_cursor", "2026-11-22T14:03:00Z");
  outbox.set_sync_value("last_success", "2026-11-22T14:04:00Z");
  outbox.set_sync_value("updates_cursor", "2026-11-23T08:00:00Z");
  outbox.set_sync_value("empty", "");
  auto reopened = Outbox::open(outbox_path(dir.path()), OpenMode::MustExist);
  EXPECT_EQ(reopened.sync_value("updates_cursor"), std::optional<std::string>("2026-11-23T08:00:00Z"));
  EXPECT_EQ(reopened.sync_value("last_success"), std::optional<std::string>("2026-11-22T14:04:00Z"));
  EXPECT_EQ(reopened.sync_value("empty"), std::optional<std::string>(""));
  EXPECT_FALSE(reopened.sync_value("other").has_value());
}

TEST_F(OutboxDelivery, StoreUpdatesIgnoresDuplicatesAndOrdersByTime) {
  const int first = outbox.store_updates({{"12", "1001", "INVESTIGATING", "2026-11-23T09:00:00Z", "An inspector will visit."},
                        {"10", "1001", "OPEN", "2026-11-22T14:03:00Z", ""},
                        {"11", "1002", "OPEN", "2026-11-22T15:00:00Z", ""}});
  // The same updates again (an inclusive cursor asks for them again), one changed text, one new.
  const int second = outbox.store_updates({{"10", "1001", "OPEN", "2026-11-22T14:03:00Z", ""},
                        {"12", "1001", "INVESTIGATING", "2026-11-23T09:00:00Z", "changed text must not replace"},
                        {"13", "1001", "FIXED", "2026-11-24T10:00:00Z", "Filled."}});
  EXPECT_EQ(first, 3);
  EXPECT_EQ(second, 1) << "only update 13 was new";
  const auto updates = outbox.updates_for("1001");
  ASSERT_EQ(updates.size(), 3u);
  EXPECT_EQ(updates[0].update_id, "10");
  EXPECT_EQ(updates[0].status, "OPEN");
  EXPECT_EQ(updates[1].update_id, "12");
  EXPECT_EQ(updates[1].status, "INVESTIGATING");
  EXPECT_EQ(updates[1].description, "An inspector will visit.");
  EXPECT_EQ(updates[2].status, "FIXED");
  EXPECT_EQ(updates[2].service_request_id, "1001");
  EXPECT_EQ(outbox.updates_for("1002").size(), 1u);
  EXPECT_TRUE(outbox.updates_for("9999").empty());
}

TEST_F(OutboxDelivery, EnqueueWithPhotosStoresAndReturnsThem) {
  const auto request = hand_made(1);
  const std::string jpeg("\xff\xd8\xff\xe0\0\0JFIF", 10);
  const std::vector<MediaAttachment> media = {{"a.jpg", "image/jpeg", jpeg},
                                              {"b.png", "image/png", std::string(1000, 'p')}};
  outbox.enqueue(request, media);
  auto reopened = Outbox::open(outbox_path(dir.path()), OpenMode::MustExist);
  const auto claimed = DeliveryQueue(reopened).settle_and_claim({}, "2026-11-22T14:00:00Z", 10);
  ASSERT_EQ(claimed.size(), 1u);
  const auto& stored = claimed[0].media;
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].file_name, "a.jpg");
  EXPECT_EQ(stored[0].content_type, "image/jpeg");
  EXPECT_EQ(stored[0].bytes, jpeg);
  EXPECT_EQ(stored[1].file_name, "b.png");
  EXPECT_EQ(stored[1].bytes.size(), 1000u);
}

TEST_F(OutboxDelivery, TooManyPhotosAreRefusedAndNothingIsStored) {
  const auto request = hand_made(1);
  const std::vector<MediaAttachment> six(6, MediaAttachment{"x.jpg", "image/jpeg", "\xff\xd8\xff"});
  try {
    outbox.enqueue(request, six);
    ADD_FAILURE() << "six photos were taken";
  } catch (const StoreError& error) {
    EXPECT_NE(std::string(error.what()).find("5 photos"), std::string::npos) << error.what();
  }
  EXPECT_FALSE(outbox.find(request.client_id).has_value());
  EXPECT_EQ(photos_held(request.client_id), 0);
  // Exactly five is fine.
  const std::vector<MediaAttachment> five(5, MediaAttachment{"x.jpg", "image/jpeg", "\xff\xd8\xff"});
  EXPECT_NO_THROW(outbox.enqueue(request, five));
  EXPECT_EQ(photos_held(request.client_id), 5);
}

TEST_F(OutboxDelivery, TooBigPhotoIsRefusedAndNothingIsStored) {
  const auto request = hand_made(1);
  const std::vector<MediaAttachment> media = {{"small.jpg", "image/jpeg", "\xff\xd8\xff"},
                                              {"huge.jpg", "image/jpeg", std::string(kMaxPhotoBytes + 1, 'x')}};
  try {
    outbox.enqueue(request, media);
    ADD_FAILURE() << "a photo over 5 MB was taken";
  } catch (const StoreError& error) {
    const std::string text = error.what();
    EXPECT_NE(text.find("huge.jpg"), std::string::npos) << text;
    EXPECT_NE(text.find("5 MB"), std::string::npos) << text;
  }
  EXPECT_FALSE(outbox.find(request.client_id).has_value());
  EXPECT_EQ(photos_held(request.client_id), 0);
  EXPECT_EQ(outbox.counts().at(RequestState::Queued), 0);
  // Exactly the limit is fine.
  const std::vector<MediaAttachment> at_limit = {{"limit.jpg", "image/jpeg", std::string(kMaxPhotoBytes, 'x')}};
  EXPECT_NO_THROW(outbox.enqueue(request, at_limit));
  const auto claimed = claim("2026-11-22T14:00:00Z");
  ASSERT_EQ(claimed.size(), 1u);
  ASSERT_EQ(claimed[0].media.size(), 1u);
  EXPECT_EQ(claimed[0].media[0].bytes.size(), kMaxPhotoBytes);
}

// Delivery bookkeeping commits with synchronous=NORMAL (a lost claim is only
// a resend); saving a request must still commit with FULL afterwards, on the
// same connection, whichever way the bookkeeping ended.
TEST_F(OutboxDelivery, SavingCommitsWithFullSyncAfterRelaxedBookkeeping) {
  ASSERT_EQ(outbox.settings().synchronous, 2);  // FULL
  const auto a = add(1);
  ASSERT_EQ(claim("2026-11-22T14:00:00Z").size(), 1u);
  EXPECT_EQ(outbox.settings().synchronous, 2) << "after a claim";
  settle({a, Settlement::Kind::Accepted, "1001", "", ""});
  EXPECT_EQ(outbox.settings().synchronous, 2) << "after a settlement";
  EXPECT_THROW(settle({a, Settlement::Kind::Accepted, "1001", "", ""}), StoreError);
  EXPECT_EQ(outbox.settings().synchronous, 2) << "after a refused settlement";
  EXPECT_EQ(queue.recover_interrupted(), 0);
  EXPECT_EQ(outbox.settings().synchronous, 2) << "after recovery";
  add(2);
  EXPECT_EQ(outbox.settings().synchronous, 2) << "a save leaves it as it found it";
}
