#include "sync/queue_history.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace oneservice::sync {

std::vector<QueueSpan> Outbox::queue_spans(const std::string& since_utc) const {
  try {
    // ISO 8601 UTC stamps of one format order as their times do, so the
    // accepted_at index skips the long tail of requests delivered long ago.
    sqlite::Statement select(db_.get(),
                             "SELECT queued_at, accepted_at FROM requests WHERE queued_at <> '' "
                             "AND (accepted_at = '' OR accepted_at > ?1)");
    select.bind(1, since_utc);
    std::vector<QueueSpan> spans;
    while (select.step()) spans.push_back({select.text(0), select.text(1)});
    return spans;
  } catch (const sqlite::Failure& failure) {
    fail(failure, "while reading the queue's history");
  }
}

QueueHistory queue_history(const std::vector<QueueSpan>& spans, TimePoint now, int hours) {
  QueueHistory history;
  history.end = now;
  history.peaks.assign(static_cast<std::size_t>(std::max(hours, 0)), 0);
  const TimePoint start = now - std::chrono::hours(hours);
  // The count when the window opens, then each change to it inside.
  int waiting = 0;
  std::vector<std::pair<TimePoint, int>> changes;
  for (const auto& span : spans) {
    const auto queued = parse_iso8601(span.queued_at);
    if (!queued || *queued > now) continue;
    std::optional<TimePoint> accepted;
    if (!span.accepted_at.empty()) {
      accepted = parse_iso8601(span.accepted_at);
      if (!accepted || *accepted < *queued) continue;
      if (*accepted <= start) continue;  // gone before the window opened
    }
    if (*queued <= start) ++waiting;
    else changes.emplace_back(*queued, +1);
    if (accepted && *accepted <= now) changes.emplace_back(*accepted, -1);
  }
  // At the same second a departure sorts before an arrival (-1 < +1), so a
  // request accepted as another joins is not counted as a peak of two.
  std::sort(changes.begin(), changes.end());
  std::size_t next = 0;
  for (std::size_t hour = 0; hour < history.peaks.size(); ++hour) {
    const TimePoint hour_end = start + std::chrono::hours(hour + 1);
    int peak = waiting;
    for (; next < changes.size() && changes[next].first <= hour_end; ++next) {
      waiting += changes[next].second;
      peak = std::max(peak, waiting);
    }
    history.peaks[hour] = peak;
  }
  history.waiting_now = waiting;
  return history;
}

QueueHistory queue_history(const Outbox& outbox, TimePoint now, int hours) {
  return queue_history(outbox.queue_spans(format_utc(now - std::chrono::hours(hours))), now, hours);
}

}  // namespace oneservice::sync
