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
  switch (from) {
    case RequestState::Draft: return to == RequestState::Queued;
    case RequestState::Queued: return to == RequestState::Sending;
    case RequestState::Sending:
      return to == RequestState::Accepted || to == RequestState::NeedsAttention ||
             to == RequestState::Queued;
    // An operator may send a refused request again once the cause is fixed.
    case RequestState::NeedsAttention: return to == RequestState::Queued;
    case RequestState::Accepted: return false;
  }
  return false;
}

}  // namespace oneservice::sync
