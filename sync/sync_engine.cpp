#include "sync/sync_engine.h"

#include <algorithm>
#include <optional>

#include "sync/delivery_queue.h"
#include "sync/field_sync.h"
#include "sync/pull.h"

namespace oneservice::sync {

SyncEngine::SyncEngine(std::string data_dir, ServerConfig server, EngineOptions options, Clock clock)
    : data_dir_(std::move(data_dir)), server_(std::move(server)), options_(std::move(options)), clock_(std::move(clock)) {
  snapshot_.configured = !server_.base_url.empty() && !server_.api_key.empty();
}

SyncEngine::~SyncEngine() {
  {
    std::lock_guard<std::mutex> guard(lock_);
    stopping_ = true;
    // A pass waiting on the network stops at once; requests it had in
    // flight stay "sending" and go back to the queue at the next start.
    if (active_pusher_) active_pusher_->wakeup();
  }
  stop_flag_ = true;
  wakeup_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void SyncEngine::start() {
  if (!snapshot_.configured || worker_.joinable()) return;
  worker_ = std::thread([this] { run(); });
}

void SyncEngine::wake() {
  {
    std::lock_guard<std::mutex> guard(lock_);
    woken_ = true;
  }
  wakeup_.notify_all();
}

void SyncEngine::send_now() {
  {
    std::lock_guard<std::mutex> guard(lock_);
    woken_ = true;
    pull_requested_ = true;
  }
  wakeup_.notify_all();
}

SyncSnapshot SyncEngine::snapshot() const {
  std::lock_guard<std::mutex> guard(lock_);
  return snapshot_;
}

std::shared_ptr<const Catalogue> SyncEngine::pulled_catalogue() const {
  std::lock_guard<std::mutex> guard(lock_);
  return pulled_catalogue_;
}

void SyncEngine::publish(const std::function<void(SyncSnapshot&)>& change) {
  {
    std::lock_guard<std::mutex> guard(lock_);
    change(snapshot_);
  }
  ++generation_;
}

void SyncEngine::run() {
  // One connection for the worker's whole life, opened on its own thread:
  // opening checks the file's integrity, which is for start-up, not for
  // every pass.
  std::optional<Outbox> outbox;
  try {
    outbox.emplace(Outbox::open(outbox_path(data_dir_), OpenMode::CreateIfMissing));
  } catch (const StoreError& failure) {
    publish([&](SyncSnapshot& s) { s.last_error = failure.what(); });
    return;
  }
  auto last_pull = std::chrono::steady_clock::time_point{};
  while (true) {
    bool pull = false;
    {
      std::unique_lock<std::mutex> guard(lock_);
      if (stopping_) return;
      pull = pull_requested_ || std::chrono::steady_clock::now() - last_pull >= options_.pull_interval;
      pull_requested_ = false;
      woken_ = false;
    }
    pass(*outbox, pull);
    if (pull) last_pull = std::chrono::steady_clock::now();

    // Sleep until woken, or the next backoff expires, or the idle interval.
    auto sleep = std::chrono::duration_cast<std::chrono::milliseconds>(options_.idle_interval);
    try {
      if (const auto next = DeliveryQueue(*outbox).next_attempt_time(); next && !next->empty()) {
        if (const auto when = parse_iso8601(*next)) {
          const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(*when - clock_.now());
          sleep = std::clamp(wait, std::chrono::milliseconds(200), sleep);
        }
      } else if (next) {
        // Queued and due now, but this pass did not send it (another
        // process holds the push lock): look again shortly, not in a spin.
        sleep = std::chrono::milliseconds(1000);
      }
    } catch (const StoreError&) {
    }
    std::unique_lock<std::mutex> guard(lock_);
    wakeup_.wait_for(guard, sleep, [this] { return woken_ || stopping_; });
    if (stopping_) return;
  }
}

namespace {

void note(const FieldPassResult& result, std::optional<bool>& online, std::string& error) {
  if (result.reached) online = true;
  else if (result.unreachable) online = false;
  if (!result.error.empty()) error = result.error;
}

}  // namespace

void SyncEngine::pass(Outbox& outbox, bool pull) {
  publish([](SyncSnapshot& s) { s.busy = true; });
  std::string error;
  // Online is what the last real exchange with the server said; a pass with
  // nothing to send and nothing to pull leaves it as it was.
  std::optional<bool> online;
  try {
    PushLock push_lock(data_dir_);
    if (push_lock.held()) {
      Pusher pusher(outbox, server_, options_.push, clock_);
      {
        std::lock_guard<std::mutex> guard(lock_);
        active_pusher_ = &pusher;
      }
      const auto progress = pusher.push_due(
          [this](const PushProgress& p) { publish([&](SyncSnapshot& s) { s.progress = p; }); }, &stop_flag_);
      {
        std::lock_guard<std::mutex> guard(lock_);
        active_pusher_ = nullptr;
      }
      if (progress.accepted + progress.pending_token + progress.needs_attention > 0) online = true;
      else if (progress.retry_later > 0) online = false;
      if (!progress.last_error.empty()) error = progress.last_error;
      if (options_.field_mode && !stop_flag_) {
        // Under the same lock: photos and updates are never in flight twice either.
        FieldSync field(outbox, server_, options_.push.transport, options_.push.backoff, clock_);
        note(field.push(&stop_flag_), online, error);
        if (pull && !stop_flag_) note(field.pull(&stop_flag_), online, error);
      }
    }
    if (pull && !stop_flag_) {
      Puller puller(outbox, server_, options_.push.transport, clock_);
      const auto catalogue = puller.pull_catalogue();
      const auto updates = stop_flag_ ? UpdatesPull{} : puller.pull_updates();
      online = catalogue.error.empty();
      if (!catalogue.error.empty()) error = catalogue.error;
      if (!updates.error.empty()) error = updates.error;
      // A pull that worked is an exchange with the council as much as an
      // accepted push: staff reading "last successful sync" judge the link.
      if (catalogue.error.empty() && updates.error.empty())
        outbox.set_sync_value("last_success", format_utc(clock_.now()));
      if (catalogue.catalogue) {
        std::lock_guard<std::mutex> guard(lock_);
        pulled_catalogue_ = catalogue.catalogue;
      }
      if (!catalogue.changeset.empty())
        publish([&](SyncSnapshot& s) { s.catalogue_changeset = catalogue.changeset; });
    }
    const auto counts = outbox.counts();
    const auto last = outbox.sync_value("last_success").value_or("");
    publish([&](SyncSnapshot& s) {
      s.queued = counts.at(RequestState::Queued);
      s.sending = counts.at(RequestState::Sending);
      s.needs_attention = counts.at(RequestState::NeedsAttention);
      s.accepted = counts.at(RequestState::Accepted);
      s.last_success = last;
    });
  } catch (const std::exception& failure) {
    error = failure.what();
  }
  publish([&](SyncSnapshot& s) {
    s.busy = false;
    if (online) s.online = *online;
    s.last_error = error;
  });
}

}  // namespace oneservice::sync
