#pragma once
// The kiosk's background sync worker. It owns its own connection to the
// outbox file and its own network transport, on its own thread; the UI
// thread only reads a snapshot and pokes it (a new request, "send now"), so
// the screen never waits on the network.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "shared/catalogue.h"
#include "shared/clock.h"
#include "sync/push.h"
#include "sync/server_config.h"

namespace oneservice::sync {

struct SyncSnapshot {
  bool configured = false;  // a server and key are set
  bool online = false;      // the last exchange with the server worked
  bool busy = false;        // a pass is running
  int queued = 0, sending = 0, needs_attention = 0, accepted = 0;
  std::string last_success;  // UTC ISO 8601, empty if never
  std::string last_error;    // the latest problem, for the operator
  PushProgress progress;     // of the pass running now, or the last one
  std::string catalogue_changeset;
};

struct EngineOptions {
  std::chrono::seconds pull_interval{60};   // catalogue and updates
  std::chrono::seconds idle_interval{30};   // longest sleep between passes
  PushOptions push;
  // Field mode (a tablet): the same passes, plus staff sessions, verifiers,
  // jobs and their thumbnails, job updates and joins, photos sent after
  // their reports, and the cache of open cases nearby (sync/field_sync.h).
  // Off for the kiosk, which behaves exactly as before.
  bool field_mode = false;
};

class SyncEngine {
 public:
  // data_dir holds outbox.sqlite3 and push.lock.
  SyncEngine(std::string data_dir, ServerConfig server, EngineOptions options = {}, Clock clock = {});
  ~SyncEngine();  // stops the worker; unsent requests stay queued
  SyncEngine(const SyncEngine&) = delete;
  SyncEngine& operator=(const SyncEngine&) = delete;

  void start();
  // A request was queued, or the network came back: try now.
  void wake();
  // The operator's "send now": a full pass including pulls, now.
  void send_now();

  SyncSnapshot snapshot() const;
  // The last catalogue a pull brought that differed from the cached one,
  // parsed; null until there is one. The kiosk takes it between journeys.
  std::shared_ptr<const Catalogue> pulled_catalogue() const;
  // Increases whenever the snapshot changes; the UI redraws when it moves.
  std::uint64_t generation() const { return generation_.load(); }

 private:
  void run();
  void pass(Outbox& outbox, bool pull);
  void publish(const std::function<void(SyncSnapshot&)>& change);

  std::string data_dir_;
  ServerConfig server_;
  EngineOptions options_;
  Clock clock_;
  mutable std::mutex lock_;
  std::condition_variable wakeup_;
  bool woken_ = false;
  bool pull_requested_ = true;
  bool stopping_ = false;
  std::atomic<bool> stop_flag_{false};
  Pusher* active_pusher_ = nullptr;  // guarded by lock_: woken to stop a pass
  SyncSnapshot snapshot_;
  std::shared_ptr<const Catalogue> pulled_catalogue_;  // guarded by lock_
  std::atomic<std::uint64_t> generation_{0};
  std::thread worker_;
};

}  // namespace oneservice::sync
