#pragma once
// The operator's chart of the queue over the last day: for each hour, the
// most requests waiting to reach the council at any moment in it. Waiting
// means queued and not yet accepted (queued, being sent or needing
// attention). Worked out from when each request joined the queue and when
// it was accepted; counts only, nothing about any request's content.
#include <vector>

#include "shared/clock.h"
#include "sync/outbox.h"

namespace oneservice::sync {

struct QueueHistory {
  TimePoint end{};         // when the last hour ends: "now"
  std::vector<int> peaks;  // one per hour, oldest first
  int waiting_now = 0;
};

// From the stored spans. A stamp that cannot be read, a request queued
// after `now` (a clock put back) or accepted before it was queued is left
// out rather than guessed at.
QueueHistory queue_history(const std::vector<QueueSpan>& spans, TimePoint now, int hours = 24);

// The same, read from the outbox. Throws StoreError as the outbox does.
QueueHistory queue_history(const Outbox& outbox, TimePoint now, int hours = 24);

}  // namespace oneservice::sync
