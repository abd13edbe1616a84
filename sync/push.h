#pragma once
// Delivers the outbox to the council: every queued request that is due is
// POSTed (several at once, over kept-open connections), and the answer
// decides its fate: accepted with the council's reference; needs_attention
// with the council's own words when refused (never retried by itself); or
// back in the queue with a backoff when the network or server failed.
//
// Only one process pushes a data folder at a time (push_lock), so a request
// is never in flight twice.
#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <string>

#include "shared/clock.h"
#include "sync/backoff.h"
#include "sync/net/http_transport.h"
#include "sync/delivery_queue.h"
#include "sync/outbox.h"
#include "sync/server_config.h"

namespace oneservice::sync {

struct PushOptions {
  int max_in_flight = 4;
  BackoffPolicy backoff;
  net::TransportOptions transport;
};

struct PushProgress {
  int due = 0;              // requests found due in this pass
  int accepted = 0;
  int pending_token = 0;    // with the council, reference not yet known
  int needs_attention = 0;
  int retry_later = 0;
  int in_flight = 0;        // handed to the network: on the wire or next in line
  std::string last_error;   // the latest transient reason
};

// An exclusive lock on DIR/push.lock (flock), released by the destructor.
class PushLock {
 public:
  explicit PushLock(const std::string& data_dir);
  ~PushLock();
  PushLock(const PushLock&) = delete;
  PushLock& operator=(const PushLock&) = delete;
  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

class Pusher {
 public:
  Pusher(Outbox& outbox, ServerConfig server, PushOptions options = {}, Clock clock = {});

  // One pass: sends what is due now, then asks about pending tokens.
  // Requests waiting out a backoff stay queued for a later pass. The caller
  // must hold the PushLock. `stop` (optional) ends the pass early, leaving
  // unsent requests queued.
  PushProgress push_due(const std::function<void(const PushProgress&)>& progress = {},
                        const std::atomic<bool>* stop = nullptr);

  // Wakes a pass waiting on the network (from another thread).
  void wakeup() { transport_.wakeup(); }

 private:
  // What the loop keeps of a request on its way.
  struct Sent {
    std::string client_id;
    int attempts = 0;  // as claimed: counting this attempt
  };

  Settlement judge(const net::HttpResponse& response, const Sent& entry, PushProgress& progress);
  void resolve_tokens(PushProgress& progress);

  // An officer's report goes with their session token, live or not: an
  // ended token still names them at central. Empty: sent without one.
  std::string token_for(const std::string& staff);

  Outbox& outbox_;
  DeliveryQueue queue_;
  std::map<std::string, std::string> tokens_;  // this pass's, by member
  ServerConfig server_;
  PushOptions options_;
  Clock clock_;
  net::HttpTransport transport_;
  std::mt19937_64 random_;
};

}  // namespace oneservice::sync
