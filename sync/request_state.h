#pragma once
// Where a request is on its way from the screen to the council. The names are
// stored as text in the outbox (and checked there), so they never change.
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace oneservice::sync {

enum class RequestState { Draft, Queued, Sending, Accepted, NeedsAttention };

inline constexpr std::array<RequestState, 5> kAllStates = {
    RequestState::Draft, RequestState::Queued, RequestState::Sending, RequestState::Accepted,
    RequestState::NeedsAttention};

// "draft", "queued", "sending", "accepted", "needs_attention".
std::string to_string(RequestState state);
std::optional<RequestState> parse_state(std::string_view text);

struct Transition {
  RequestState from, to;
};

// The only moves a request makes, and the one statement of them: the
// schema's trigger (sync/migrations.cpp) holds the same list, and
// tests/sync/transitions_test.cpp tries every pair against a real store to
// keep the two equal.
inline constexpr std::array<Transition, 6> kAllowedTransitions = {{
    {RequestState::Draft, RequestState::Queued},           // a draft is sent
    {RequestState::Queued, RequestState::Sending},         // the push loop claims it
    {RequestState::Sending, RequestState::Accepted},       // the council took it
    {RequestState::Sending, RequestState::NeedsAttention}, // the council refused it
    {RequestState::Sending, RequestState::Queued},         // try again later
    {RequestState::NeedsAttention, RequestState::Queued},  // the operator sends it again
}};

bool transition_allowed(RequestState from, RequestState to);

}  // namespace oneservice::sync
