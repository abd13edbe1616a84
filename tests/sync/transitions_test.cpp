#include <gtest/gtest.h>

#include "shared/identity.h"
#include "support.h"
#include "sync/outbox.h"

using namespace oneservice;
using namespace oneservice::sync;
using test::client_id_for;
using test::RawDb;
using test::sample_request;
using test::TempFolder;

namespace {

class TransitionsTest : public ::testing::Test {
 protected:
  TempFolder folder;
  Outbox outbox = Outbox::open(outbox_path(folder.path()));

  // Puts a request in `state` by the allowed route.
  std::string request_in(RequestState state, int n = 1) {
    const auto id = client_id_for(n);
    if (state == RequestState::Draft) {
      outbox.save_draft(sample_request(id));
      return id;
    }
    outbox.enqueue(sample_request(id));
    if (state == RequestState::Queued) return id;
    EXPECT_TRUE(outbox.claim_for_sending(id));
    if (state == RequestState::Accepted) outbox.mark_accepted(id, "WS-1001");
    if (state == RequestState::NeedsAttention) outbox.mark_needs_attention(id, "service withdrawn");
    return id;
  }

  RequestState state_of(const std::string& id) { return outbox.find(id).value().state; }
};

}  // namespace

TEST_F(TransitionsTest, ASendThatFailsOnceThenSucceedsKeepsItsHistory) {
  const auto id = request_in(RequestState::Queued);
  ASSERT_TRUE(outbox.claim_for_sending(id));
  EXPECT_EQ(state_of(id), RequestState::Sending);
  EXPECT_EQ(outbox.find(id)->attempts, 1);

  outbox.return_to_queue(id, "no network");
  auto entry = outbox.find(id).value();
  EXPECT_EQ(entry.state, RequestState::Queued);
  EXPECT_EQ(entry.attempts, 1);
  EXPECT_EQ(entry.last_error, "no network");

  ASSERT_TRUE(outbox.claim_for_sending(id));
  outbox.mark_accepted(id, "WS-2026-0042");
  entry = outbox.find(id).value();
  EXPECT_EQ(entry.state, RequestState::Accepted);
  EXPECT_EQ(entry.attempts, 2);
  EXPECT_EQ(entry.server_ref, "WS-2026-0042");
  EXPECT_EQ(entry.last_error, "no network");
}

TEST_F(TransitionsTest, ARejectedSendNeedsAttention) {
  const auto id = request_in(RequestState::Sending);
  outbox.mark_needs_attention(id, "400: service_code pothole is not offered");
  const auto entry = outbox.find(id).value();
  EXPECT_EQ(entry.state, RequestState::NeedsAttention);
  EXPECT_EQ(entry.last_error, "400: service_code pothole is not offered");
  EXPECT_EQ(entry.server_ref, "");
}

TEST_F(TransitionsTest, ClaimIsFalseUnlessQueued) {
  EXPECT_FALSE(outbox.claim_for_sending(client_id_for(99)));
  const auto draft = request_in(RequestState::Draft, 1);
  const auto sending = request_in(RequestState::Sending, 2);
  const auto accepted = request_in(RequestState::Accepted, 3);
  EXPECT_FALSE(outbox.claim_for_sending(draft));
  EXPECT_FALSE(outbox.claim_for_sending(sending));
  EXPECT_FALSE(outbox.claim_for_sending(accepted));
  EXPECT_EQ(outbox.find(sending)->attempts, 1);
  EXPECT_EQ(state_of(draft), RequestState::Draft);
}

TEST_F(TransitionsTest, DisallowedMovesThrowAndChangeNothing) {
  const auto queued = request_in(RequestState::Queued, 1);
  EXPECT_THROW(outbox.mark_accepted(queued, "WS-1"), StoreError);
  EXPECT_THROW(outbox.mark_needs_attention(queued, "x"), StoreError);
  EXPECT_THROW(outbox.return_to_queue(queued, "x"), StoreError);
  EXPECT_THROW(outbox.queue_draft(queued), StoreError);
  EXPECT_EQ(state_of(queued), RequestState::Queued);
  EXPECT_EQ(outbox.find(queued)->last_error, "");

  const auto accepted = request_in(RequestState::Accepted, 2);
  try {
    outbox.return_to_queue(accepted, "again");
    FAIL() << "an accepted request went back to the queue";
  } catch (const StoreError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(local_reference(accepted)), std::string::npos) << message;
    EXPECT_NE(message.find("from accepted to queued"), std::string::npos) << message;
  }
  EXPECT_EQ(state_of(accepted), RequestState::Accepted);
  EXPECT_EQ(outbox.find(accepted)->server_ref, "WS-1001");

  const auto attention = request_in(RequestState::NeedsAttention, 3);
  EXPECT_THROW(outbox.mark_accepted(attention, "WS-2"), StoreError);
  EXPECT_THROW(outbox.queue_draft(client_id_for(404)), StoreError);
  EXPECT_THROW(outbox.mark_accepted(request_in(RequestState::Sending, 4), ""), std::invalid_argument);
}

TEST_F(TransitionsTest, AnOperatorCanPutRefusedRequestsBackInTheQueue) {
  const auto attention = request_in(RequestState::NeedsAttention, 5);
  const auto accepted = request_in(RequestState::Accepted, 6);
  EXPECT_EQ(outbox.requeue_needs_attention(), 1);
  EXPECT_EQ(state_of(attention), RequestState::Queued);
  EXPECT_EQ(outbox.find(attention)->next_attempt_at, "") << "due at once";
  EXPECT_EQ(state_of(accepted), RequestState::Accepted);
  EXPECT_EQ(outbox.requeue_needs_attention(), 0);
}

TEST_F(TransitionsTest, QueuedRequestIsReadOnlyInSqlToo) {
  const auto id = request_in(RequestState::Queued);
  const auto before = outbox.find(id)->request.description;
  RawDb raw(outbox.path());
  EXPECT_EQ(raw.exec("UPDATE requests SET body = '{}' WHERE client_id = '" + id + "'"), SQLITE_CONSTRAINT);
  EXPECT_NE(raw.last_error().find("read-only"), std::string::npos) << raw.last_error();
  EXPECT_EQ(raw.exec("UPDATE requests SET service_code = 'graffiti' WHERE client_id = '" + id + "'"),
            SQLITE_CONSTRAINT);
  EXPECT_EQ(raw.exec("UPDATE requests SET local_ref = 'OS-AAAA-AAAA' WHERE client_id = '" + id + "'"),
            SQLITE_CONSTRAINT);
  EXPECT_EQ(raw.exec("DELETE FROM requests WHERE client_id = '" + id + "'"), SQLITE_CONSTRAINT);
  EXPECT_EQ(outbox.find(id)->request.description, before);
  EXPECT_EQ(raw.text("SELECT service_code FROM requests"), "pothole");
}

TEST_F(TransitionsTest, DraftBodyCanBeChangedInSql) {
  // The read-only trigger must bite on sent requests only, or drafts could never be edited.
  const auto id = request_in(RequestState::Draft);
  RawDb raw(outbox.path());
  EXPECT_EQ(raw.exec("UPDATE requests SET body = '{\"service_code\": \"pothole\"}' WHERE client_id = '" + id + "'"),
            SQLITE_OK)
      << raw.last_error();
}

TEST_F(TransitionsTest, SqlRefusesNewRowsThatClaimToBeSent) {
  RawDb raw(outbox.path());
  EXPECT_EQ(raw.exec("INSERT INTO requests (client_id, local_ref, state, service_code, catalogue_version, body, "
                     "created_at, updated_at) VALUES ('x', 'y', 'accepted', 'pothole', 'v', '{}', 't', 't')"),
            SQLITE_CONSTRAINT);
  EXPECT_EQ(raw.exec("INSERT INTO requests (client_id, local_ref, state, service_code, catalogue_version, body, "
                     "created_at, updated_at) VALUES ('x', 'y', 'lost', 'pothole', 'v', '{}', 't', 't')"),
            SQLITE_CONSTRAINT);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM requests"), 0);
}

TEST_F(TransitionsTest, SqlTriggerAllowsExactlyTheMovesTheCodeAllows) {
  int n = 0;
  for (const auto from : kAllStates) {
    for (const auto to : kAllStates) {
      if (from == to) continue;
      const auto id = request_in(from, ++n);
      RawDb raw(outbox.path());
      // Give an accepted row its server reference so only the trigger decides.
      const int code = raw.exec("UPDATE requests SET state = '" + to_string(to) +
                                "', server_ref = 'WS-9' WHERE client_id = '" + id + "'");
      EXPECT_EQ(code == SQLITE_OK, transition_allowed(from, to))
          << to_string(from) << " -> " << to_string(to) << ": " << raw.last_error();
    }
  }
}
