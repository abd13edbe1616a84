#include "sync/request_state.h"

namespace oneservice::sync {

std::string to_string(RequestState state) {
  switch (state) {
    case RequestState::Draft: return "draft";
    case RequestState::Queued: return "queued";
    case RequestState::Sending: return "sending";
    case RequestState::Accepted: return "accepted";
    case RequestState::NeedsAttention: return "needs_attention";
  }
  return "draft";
}

std::optional<RequestState> parse_state(std::string_view text) {
  for (const auto state : kAllStates)
    if (to_string(state) == text) return state;
  return std::nullopt;
}

bool transition_allowed(RequestState from, RequestState to) {
  for (const auto& allowed : kAllowedTransitions)
    if (allowed.from == from && allowed.to == to) return true;
  return false;
}

}  // namespace oneservice::sync
