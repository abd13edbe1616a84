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

// The only moves the outbox allows: draft -> queued, queued -> sending,
// sending -> accepted | needs_attention | queued. The schema's trigger holds
// the same list, so a bug here cannot move a request either.
bool transition_allowed(RequestState from, RequestState to);

}  // namespace oneservice::sync
