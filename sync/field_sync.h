#pragma once
// The sync engine's field passes (EngineOptions::field_mode), run by the
// worker after the push of reports and under the same push lock:
//
// push: photos of accepted officers' reports, one POST servicerequestupdates
//   each with its own update id (exactly once per photo; a report never
//   waits for its photos); officers' updates and joins, one after another
//   per case (each update's base_version chained from the version central
//   answered for the one before); sign-outs (DELETE staff/sessions/current)
//   of members with no update left needing their session.
// pull: GET staff/verifiers (keep the listed, drop the rest; 403: drop all),
//   GET staff/jobs per member with a live session (cursor per member, full
//   lists and removals, notices for jobs taken away with unsent work), the
//   jobs' thumbnails, and the cache of open cases around the officer's area.
//
// Each request goes one at a time over one kept-open connection; a network
// failure ends the pass (no signal: the next pass tries again).
#include <atomic>
#include <map>
#include <optional>
#include <random>
#include <string>

#include "shared/clock.h"
#include "sync/backoff.h"
#include "sync/net/http_transport.h"
#include "sync/outbox.h"
#include "sync/server_config.h"

namespace oneservice::sync {

struct FieldPassResult {
  int sent = 0;            // photos, updates, joins and sign-outs done
  bool reached = false;    // an answer came from the council
  bool unreachable = false;  // a request found no network
  std::string error;       // the latest problem, for the operator (nothing personal)
};

class FieldSync {
 public:
  FieldSync(Outbox& outbox, ServerConfig server, net::TransportOptions transport, BackoffPolicy backoff,
            Clock clock = {});

  FieldPassResult push(const std::atomic<bool>* stop = nullptr);
  FieldPassResult pull(const std::atomic<bool>* stop = nullptr);

 private:
  // Each returns false when the network failed, so the pass stops.
  bool push_report_photos(FieldPassResult& result, const std::atomic<bool>* stop);
  bool push_updates(FieldPassResult& result, const std::atomic<bool>* stop);
  bool end_sessions(FieldPassResult& result);
  bool pull_verifiers(FieldPassResult& result);
  bool pull_jobs(FieldPassResult& result, const std::atomic<bool>* stop);
  bool pull_thumbnails(FieldPassResult& result, const std::atomic<bool>* stop);
  bool pull_nearby(FieldPassResult& result);

  // The status that makes an update a note on the case as it is now: OPEN
  // on an open case, CLOSED on a closed one (either way the case keeps its
  // own status; OPEN on a closed case would reopen it). Fixed by the caller
  // at the first attempt, since it is part of what makes a resend the same
  // update. nullopt: not known now (no signal, or central could not say).
  std::optional<std::string> note_status(const std::string& service_request_id, FieldPassResult& result);

  // One request, its answer noted in result (reached / unreachable).
  net::HttpResponse exchange(net::HttpRequest request, FieldPassResult& result);
  std::string retry_time(int attempts, std::optional<std::chrono::seconds> retry_after);

  Outbox& outbox_;
  std::map<std::string, std::string> note_statuses_;  // this push's, by case: one look per report
  ServerConfig server_;
  BackoffPolicy backoff_;
  Clock clock_;
  net::HttpTransport transport_;
  std::mt19937_64 random_;
};

}  // namespace oneservice::sync
