#include <gtest/gtest.h>

#include "sync/request_state.h"

using namespace oneservice::sync;

TEST(RequestState, NamesRoundTrip) {
  EXPECT_EQ(to_string(RequestState::Draft), "draft");
  EXPECT_EQ(to_string(RequestState::Queued), "queued");
  EXPECT_EQ(to_string(RequestState::Sending), "sending");
  EXPECT_EQ(to_string(RequestState::Accepted), "accepted");
  EXPECT_EQ(to_string(RequestState::NeedsAttention), "needs_attention");
  for (const auto state : kAllStates) EXPECT_EQ(parse_state(to_string(state)), state);
}

TEST(RequestState, UnknownNamesAreRejected) {
  EXPECT_FALSE(parse_state(""));
  EXPECT_FALSE(parse_state("Queued"));
  EXPECT_FALSE(parse_state("needs attention"));
}

TEST(RequestState, OnlyTheSixMovesAreAllowed) {
  int allowed = 0;
  for (const auto from : kAllStates)
    for (const auto to : kAllStates) allowed += transition_allowed(from, to) ? 1 : 0;
  EXPECT_EQ(allowed, 6);
  EXPECT_TRUE(transition_allowed(RequestState::NeedsAttention, RequestState::Queued)) << "the operator's retry";
  EXPECT_FALSE(transition_allowed(RequestState::NeedsAttention, RequestState::Accepted));
  EXPECT_FALSE(transition_allowed(RequestState::Accepted, RequestState::Queued));
  EXPECT_TRUE(transition_allowed(RequestState::Draft, RequestState::Queued));
  EXPECT_TRUE(transition_allowed(RequestState::Queued, RequestState::Sending));
  EXPECT_TRUE(transition_allowed(RequestState::Sending, RequestState::Accepted));
  EXPECT_TRUE(transition_allowed(RequestState::Sending, RequestState::NeedsAttention));
  EXPECT_TRUE(transition_allowed(RequestState::Sending, RequestState::Queued));
}
