#include <gtest/gtest.h>

#include "shared/identity.h"
#include "shared/request_json.h"
#include "support.h"
#include "sync/delivery_queue.h"
#include "sync/outbox.h"
#include "support/stored_request.h"

using namespace oneservice;
using namespace oneservice::sync;
using test::client_id_for;
using test::RawDb;
using test::sample_request;
using test::TempFolder;

namespace {

// A store of its own, with requests put in a state the product's way.
struct TransitionsTestStore {
  TempFolder folder;
  Outbox outbox = Outbox::open(outbox_path(folder.path()));

  // Puts a new request in `state` by the route the product takes: a draft
  // as the field-officer mode will write it, enqueue, the push loop's claim
  // and its settlements. A claim takes every request due, so a test makes
  // the requests it wants queued last.
  std::string request_in(RequestState state, int n = 1) {
    const auto id = client_id_for(n);
    if (state == RequestState::Draft) {
      test::insert_draft(outbox.path(), id);
      return id;
    }
    outbox.enqueue(sample_request(id));
    if (state == RequestState::Queued) return id;
    EXPECT_EQ(test::claim_due(outbox), std::vector<std::string>{id});
    if (state == RequestState::Accepted) test::settle(outbox, {id, Settlement::Kind::Accepted, "WS-1001", "", ""});
    if (state == RequestState::NeedsAttention)
      test::settle(outbox, {id, Settlement::Kind::NeedsAttention, "", "service withdrawn", ""});
    return id;
  }

  RequestState state_of(const std::string& id) { return outbox.find(id).value().state; }
};

class TransitionsTest : public ::testing::Test, protected TransitionsTestStore {};

}  // namespace

TEST_F(TransitionsTest, ASendThatFailsOnceThenSucceedsKeepsItsHistory) {
  const auto id = request_in(RequestState::Queued);
  ASSERT_EQ(test::claim_due(outbox), std::vector<std::string>{id});
  EXPECT_EQ(state_of(id), RequestState::Sending);
  EXPECT_EQ(outbox.find(id)->attempts, 1);

  test::settle(outbox, {id, Settlement::Kind::RetryLater, "", "no network", ""});
  auto entry = outbox.find(id).value();
  EXPECT_EQ(entry.state, RequestState::Queued);
  EXPECT_EQ(entry.attempts, 1);
  EXPECT_EQ(entry.last_error, "no network");

  ASSERT_EQ(test::claim_due(outbox), std::vector<std::string>{id});
  test::settle(outbox, {id, Settlement::Kind::Accepted, "WS-2026-0042", "", ""});
  entry = outbox.find(id).value();
  EXPECT_EQ(entry.state, RequestState::Accepted);
  EXPECT_EQ(entry.attempts, 2);
  EXPECT_EQ(entry.server_ref, "WS-2026-0042");
  EXPECT_EQ(entry.last_error, "no network");
}

TEST_F(TransitionsTest, ARejectedSendNeedsAttention) {
  const auto id = request_in(RequestState::Sending);
  test::settle(outbox, {id, Settlement::Kind::NeedsAttention, "", "400: service_code pothole is not offered", ""});
  const auto entry = outbox.find(id).value();
  EXPECT_EQ(entry.state, RequestState::NeedsAttention);
  EXPECT_EQ(entry.last_error, "400: service_code pothole is not offered");
  EXPECT_EQ(entry.server_ref, "");
}

TEST_F(TransitionsTest, OnlyQueuedRequestsAreClaimed) {
  const auto draft = request_in(RequestState::Draft, 1);
  const auto sending = request_in(RequestState::Sending, 2);
  const auto accepted = request_in(RequestState::Accepted, 3);
  const auto attention = request_in(RequestState::NeedsAttention, 4);
  EXPECT_TRUE(test::claim_due(outbox).empty());
  EXPECT_EQ(outbox.find(sending)->attempts, 1);
  EXPECT_EQ(state_of(draft), RequestState::Draft);
  EXPECT_EQ(state_of(attention), RequestState::NeedsAttention);
}

TEST_F(TransitionsTest, ResultsForRequestsNotBeingSentAreRefusedAndChangeNothing) {
  const auto accepted = request_in(RequestState::Accepted, 2);
  const auto attention = request_in(RequestState::NeedsAttention, 3);
  const auto sending = request_in(RequestState::Sending, 4);
  const auto queued = request_in(RequestState::Queued, 1);
  for (const auto kind : {Settlement::Kind::Accepted, Settlement::Kind::Token, Settlement::Kind::NeedsAttention,
                          Settlement::Kind::RetryLater})
    EXPECT_THROW(test::settle(outbox, {queued, kind, "WS-1", "x", ""}), StoreError);
  EXPECT_EQ(state_of(queued), RequestState::Queued);
  EXPECT_EQ(outbox.find(queued)->last_error, "");

  try {
    test::settle(outbox, {accepted, Settlement::Kind::RetryLater, "", "again", ""});
    FAIL() << "an accepted request went back to the queue";
  } catch (const StoreError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(local_reference(accepted)), std::string::npos) << message;
    EXPECT_NE(message.find("is not being sent"), std::string::npos) << message;
  }
  EXPECT_EQ(state_of(accepted), RequestState::Accepted);
  EXPECT_EQ(outbox.find(accepted)->server_ref, "WS-1001");

  EXPECT_THROW(test::settle(outbox, {attention, Settlement::Kind::Accepted, "WS-2", "", ""}), StoreError);
  EXPECT_THROW(test::settle(outbox, {client_id_for(404), Settlement::Kind::Accepted, "WS-2", "", ""}), StoreError);
  EXPECT_EQ(state_of(attention), RequestState::NeedsAttention);
  EXPECT_THROW(test::settle(outbox, {sending, Settlement::Kind::Accepted, "", "", ""}), std::invalid_argument)
      << "accepted needs the council's reference";
  EXPECT_EQ(state_of(sending), RequestState::Sending);
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

// Every state a request reaches after draft, each column that says what was
// asked: the trigger must refuse a change to any of them, or a request could
// be rewritten after the resident was told it was saved (or after the
// council accepted it).
TEST(TransitionsSql, ARequestIsReadOnlyInEveryStateAfterDraft) {
  const std::vector<std::pair<std::string, std::string>> columns = {
      {"body", "'{}'"}, {"service_code", "'graffiti'"}, {"catalogue_version", "'2030-01-01T00:00:00Z'"}};
  for (const auto state : {RequestState::Queued, RequestState::Sending, RequestState::Accepted,
                           RequestState::NeedsAttention}) {
    TransitionsTestStore store;
    const auto id = store.request_in(state);
    const auto before = store.outbox.find(id).value();
    RawDb raw(store.outbox.path());
    for (const auto& [column, value] : columns) {
      EXPECT_EQ(raw.exec("UPDATE requests SET " + column + " = " + value + " WHERE client_id = '" + id + "'"),
                SQLITE_CONSTRAINT)
          << column << " of a " << to_string(state) << " request was changed";
      EXPECT_NE(raw.last_error().find("read-only"), std::string::npos) << raw.last_error();
    }
    EXPECT_EQ(raw.exec("UPDATE requests SET local_ref = 'OS-AAAA-AAAA' WHERE client_id = '" + id + "'"),
              SQLITE_CONSTRAINT);
    const auto after = store.outbox.find(id).value();
    EXPECT_EQ(request_to_json(oneservice::sync::test::stored_request(store.outbox, after)),
              request_to_json(oneservice::sync::test::stored_request(store.outbox, before)))
        << to_string(state);
    EXPECT_EQ(raw.text("SELECT service_code || ' ' || catalogue_version FROM requests"),
              "pothole 2026-11-01T09:00:00Z");
    if (state != RequestState::Accepted) {
      EXPECT_EQ(raw.exec("DELETE FROM requests WHERE client_id = '" + id + "'"), SQLITE_CONSTRAINT)
          << "a " << to_string(state) << " request was deleted";
    }
  }
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

// request_state.cpp's table is the one statement of which moves are allowed;
// the schema's trigger (a frozen migration step) must agree with it exactly.
// Every (from, to) pair is tried on a real store, each in a fresh one.
TEST(TransitionsSql, TheTriggerAllowsExactlyTheMovesInTheTable) {
  int allowed = 0;
  for (const auto from : kAllStates) {
    for (const auto to : kAllStates) {
      if (from == to) continue;
      TransitionsTestStore store;
      const auto id = store.request_in(from);
      RawDb raw(store.outbox.path());
      // Give an accepted row its server reference so only the trigger decides.
      const int code = raw.exec("UPDATE requests SET state = '" + to_string(to) +
                                "', server_ref = 'WS-9' WHERE client_id = '" + id + "'");
      EXPECT_EQ(code == SQLITE_OK, transition_allowed(from, to))
          << to_string(from) << " -> " << to_string(to) << ": " << raw.last_error();
      if (code != SQLITE_OK) {
        EXPECT_NE(raw.last_error().find("not allowed"), std::string::npos) << raw.last_error();
      }
      EXPECT_EQ(store.outbox.find(id)->state, code == SQLITE_OK ? to : from);
      allowed += code == SQLITE_OK ? 1 : 0;
    }
  }
  EXPECT_EQ(allowed, static_cast<int>(kAllowedTransitions.size()));
}
