#pragma once
// The one door between the kiosk's screens and its storage. It saves a
// request and wakes the sync worker, looks a request up once per page (not
// once per frame), and hands over a catalogue the worker has pulled, parsed
// already. Screens see only the plain structs below, never the store, its
// exceptions or the worker: a store that cannot be read just now is a
// lookup that found nothing yet, and a failed save comes back as words.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "shared/catalogue.h"
#include "shared/clock.h"
#include "shared/request.h"

namespace oneservice::sync {
class Outbox;
struct SyncSnapshot;
}  // namespace oneservice::sync

namespace oneservice::kiosk {

// Where a saved request stands, in the kiosk's words.
enum class Progress { OnThisKiosk, WithTheCouncil, NeedsStaff };

// One status change the council sent back.
struct ProgressUpdate {
  std::string date;    // UTC ISO 8601
  std::string status;  // the council's word: open, closed...
  std::string description;
};

// What the tracking page shows for a reference: never the answers or
// contact details, only what anyone holding the reference may see.
struct TrackedRequest {
  std::string reference, service_code;
  std::string made_at;            // UTC ISO 8601
  std::string council_reference;  // empty until the council accepted it
  Progress progress = Progress::OnThisKiosk;
  std::vector<ProgressUpdate> updates;  // oldest first
};

struct SaveResult {
  std::string reference;  // empty when it was not saved
  std::string problem;    // why not, for staff (never what the resident typed)
};

// The background sender, for the header and the operator: counts and times.
struct SenderStatus {
  bool configured = false;  // a server and key are set
  bool online = false, busy = false;
  int queued = 0, sending = 0, needs_attention = 0;
  std::string last_success;  // UTC ISO 8601, empty if never
};

// The operator's chart, one entry an hour, oldest first: the requests made
// in each hour, and the most waiting at any moment in it. A request the
// council takes within the second it was made never counts as waiting, so
// a quiet day shows in `made`.
struct QueueChart {
  std::vector<int> made;
  std::vector<int> peaks;
  int waiting_now = 0;
};

struct WaitingCounts {
  int queued = 0, sending = 0, needs_attention = 0;
};

struct QueueReading {
  bool read = false;  // false: the store could not be read just now
  std::optional<QueueChart> chart;
  WaitingCounts counts;
};

// What the kiosk's owner connects the desk to; every part may be missing.
struct DeskLinks {
  sync::Outbox* outbox = nullptr;  // null when the store could not open
  // The background worker: its state, its change counter, "send now", and
  // the last catalogue it pulled (null until it pulls a new one). Empty
  // when the kiosk has no server.
  std::function<sync::SyncSnapshot()> sender;
  std::function<std::uint64_t()> sender_generation;
  std::function<void()> wake_sender;
  std::function<std::shared_ptr<const Catalogue>()> pulled_catalogue;
};

// The desk's memory of the page's lookups (plain data).
struct DeskState {
  // The confirmation page: the reference shown and the council's reference
  // for it, once the worker has delivered it.
  std::string confirmed;
  std::string confirmed_council_reference;
  // The tracking page: the reference looked up and what was found.
  std::string tracked;
  std::optional<TrackedRequest> tracked_request;
  // When those were read, and the worker's change counter then.
  std::optional<TimePoint> read_at;
  std::uint64_t read_generation = 0;
};

class RequestDesk {
 public:
  RequestDesk(DeskLinks links, Clock clock);

  // False when the store did not open: the kiosk cannot take requests.
  bool open() const { return links_.outbox != nullptr; }

  // Saves the request (a new client id if its reference clashes with
  // another's) and wakes the sender so it need not wait for its timer.
  SaveResult save(ServiceRequest request);

  // The council's reference for a request just saved: read when the
  // reference is new, then again only when the worker reports a change or
  // `recheck_every` has passed (another process may send it too).
  const std::string& council_reference(const std::string& reference);

  // The tracking page's request, read once per reference asked for.
  const std::optional<TrackedRequest>& track(const std::string& reference);

  // Forgets what was read: the next page reads afresh.
  void forget();

  // The sender's state; configured is false without a worker.
  SenderStatus sender() const;

  // A catalogue the worker pulled whose changeset is not `current`; null
  // when there is none.
  std::shared_ptr<const Catalogue> new_catalogue(const std::string& current) const;

  // For the operator: counts and the last day's queue, read from the store.
  QueueReading read_queue(TimePoint now) const;

  static constexpr std::chrono::seconds recheck_every{5};

 private:
  bool stale() const;
  void note_read();

  DeskLinks links_;
  Clock clock_;
  DeskState state_;
};

}  // namespace oneservice::kiosk
