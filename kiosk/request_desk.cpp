#include "kiosk/request_desk.h"

#include <algorithm>
#include <chrono>

#include "shared/identity.h"
#include "sync/outbox.h"
#include "sync/queue_history.h"
#include "sync/sync_engine.h"

namespace oneservice::kiosk {
namespace {

// How many of the spans joined the queue in each of the `hours` before
// now, oldest first; an hour holds the times after its start up to its end
// (as sync::queue_history counts them).
std::vector<int> made_per_hour(const std::vector<sync::QueueSpan>& spans, TimePoint now, int hours) {
  std::vector<int> made(static_cast<std::size_t>(hours), 0);
  const TimePoint start = now - std::chrono::hours(hours);
  for (const auto& span : spans) {
    const auto queued = parse_iso8601(span.queued_at);
    if (!queued || *queued <= start || *queued > now) continue;
    const auto into = std::chrono::duration_cast<std::chrono::seconds>(*queued - start).count();
    const auto hour = static_cast<std::size_t>((into + 3599) / 3600 - 1);
    ++made[std::min(hour, made.size() - 1)];
  }
  return made;
}

Progress progress_of(sync::RequestState state) {
  switch (state) {
    case sync::RequestState::Accepted: return Progress::WithTheCouncil;
    case sync::RequestState::NeedsAttention: return Progress::NeedsStaff;
    default: return Progress::OnThisKiosk;
  }
}

TrackedRequest tracked_from(const sync::Outbox& outbox, const sync::OutboxEntry& entry) {
  TrackedRequest tracked;
  tracked.reference = entry.local_ref;
  tracked.service_code = entry.service_code;
  tracked.made_at = entry.created_at;
  tracked.council_reference = entry.server_ref;
  tracked.progress = progress_of(entry.state);
  if (!entry.server_ref.empty())
    for (auto& update : outbox.updates_for(entry.server_ref))
      tracked.updates.push_back({std::move(update.updated_datetime), std::move(update.status),
                                 std::move(update.description)});
  return tracked;
}

}  // namespace

RequestDesk::RequestDesk(DeskLinks links, Clock clock) : links_(std::move(links)), clock_(std::move(clock)) {}

SaveResult RequestDesk::save(ServiceRequest request) {
  SaveResult result;
  if (!links_.outbox) {
    result.problem = "The request store is not open.";
    return result;
  }
  try {
    try {
      result.reference = links_.outbox->enqueue(request);
    } catch (const sync::ReferenceClash&) {
      // Another request already has this short reference: a new id gives a
      // new one. Nothing was stored under the old id.
      request.client_id = make_uuid_v4();
      result.reference = links_.outbox->enqueue(request);
    }
  } catch (const sync::StoreError& error) {
    result.reference.clear();
    result.problem = error.what();
    return result;
  }
  if (links_.wake_sender) links_.wake_sender();
  return result;
}

bool RequestDesk::stale() const {
  if (!state_.read_at) return true;
  if (links_.sender_generation && links_.sender_generation() != state_.read_generation) return true;
  return clock_.now() - *state_.read_at >= recheck_every;
}

void RequestDesk::note_read() {
  state_.read_at = clock_.now();
  state_.read_generation = links_.sender_generation ? links_.sender_generation() : 0;
}

const std::string& RequestDesk::council_reference(const std::string& reference) {
  if (reference == state_.confirmed && !stale()) return state_.confirmed_council_reference;
  state_.confirmed = reference;
  note_read();
  if (!links_.outbox) return state_.confirmed_council_reference;
  try {
    const auto entry = links_.outbox->find_by_reference(reference);
    state_.confirmed_council_reference =
        entry && entry->state == sync::RequestState::Accepted ? entry->server_ref : std::string();
  } catch (const sync::StoreError&) {
    // Busy or unreadable just now: keep what was known, read again later.
  }
  return state_.confirmed_council_reference;
}

const std::optional<TrackedRequest>& RequestDesk::track(const std::string& reference) {
  if (reference == state_.tracked && state_.read_at) return state_.tracked_request;
  state_.tracked = reference;
  state_.tracked_request.reset();
  note_read();
  if (!links_.outbox || reference.empty()) return state_.tracked_request;
  try {
    if (const auto entry = links_.outbox->find_for_tracking(reference))
      state_.tracked_request = tracked_from(*links_.outbox, *entry);
  } catch (const sync::StoreError&) {
    // Unreadable just now: the page says nothing was found; Check again reads afresh.
  }
  return state_.tracked_request;
}

void RequestDesk::forget() { state_ = DeskState{}; }

SenderStatus RequestDesk::sender() const {
  SenderStatus status;
  if (!links_.sender) return status;
  const auto snapshot = links_.sender();
  status.configured = snapshot.configured;
  status.online = snapshot.online;
  status.busy = snapshot.busy;
  status.queued = snapshot.queued;
  status.sending = snapshot.sending;
  status.needs_attention = snapshot.needs_attention;
  status.last_success = snapshot.last_success;
  return status;
}

std::shared_ptr<const Catalogue> RequestDesk::new_catalogue(const std::string& current) const {
  if (!links_.pulled_catalogue) return nullptr;
  auto pulled = links_.pulled_catalogue();
  if (!pulled || pulled->changeset == current) return nullptr;
  return pulled;
}

QueueReading RequestDesk::read_queue(TimePoint now) const {
  QueueReading reading;
  if (!links_.outbox) return reading;
  try {
    constexpr int kHours = 24;
    const auto spans = links_.outbox->queue_spans(format_utc(now - std::chrono::hours(kHours)));
    const auto history = sync::queue_history(spans, now, kHours);
    reading.chart = QueueChart{made_per_hour(spans, now, kHours), history.peaks, history.waiting_now};
    const auto counts = links_.outbox->counts();
    const auto count = [&](sync::RequestState state) {
      const auto found = counts.find(state);
      return found == counts.end() ? 0 : found->second;
    };
    reading.counts = {count(sync::RequestState::Queued), count(sync::RequestState::Sending),
                      count(sync::RequestState::NeedsAttention)};
    reading.read = true;
  } catch (const sync::StoreError&) {
    // Busy or unreadable for a moment: the operator screen says so.
  }
  return reading;
}

}  // namespace oneservice::kiosk
