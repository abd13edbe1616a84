#include "sync/push.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "shared/identity.h"
#include "sync/open311_answers.h"
#include "sync/open311_wire.h"
#include "sync/staff_store.h"

namespace oneservice::sync {

PushLock::PushLock(const std::string& data_dir) {
  const std::string path = data_dir + "/push.lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd_);
    fd_ = -1;
  }
}

PushLock::~PushLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

Pusher::Pusher(Outbox& outbox, ServerConfig server, PushOptions options, Clock clock)
    : outbox_(outbox), queue_(outbox), server_(std::move(server)), options_(std::move(options)), clock_(std::move(clock)),
      transport_([&] {
        auto transport = options_.transport;
        transport.max_in_flight = options_.max_in_flight;
        transport.ca_bundle = server_.ca_bundle;
        return transport;
      }()),
      random_(std::random_device{}()) {}

PushProgress Pusher::push_due(const std::function<void(const PushProgress&)>& progress_callback,
                              const std::atomic<bool>* stop) {
  PushProgress progress;
  tokens_.clear();  // a sign-in since the last pass brings a new one
  // Whatever was in flight when the last process died goes back in the
  // queue first: the lock says no one else is sending it now.
  queue_.recover_interrupted();
  std::map<std::uint64_t, Sent> in_flight;  // transfer tag -> request
  std::uint64_t next_tag = 1;
  bool more_due = true;
  const auto report = [&] {
    progress.in_flight = static_cast<int>(in_flight.size());
    if (progress_callback) progress_callback(progress);
  };
  // Each turn of the loop writes once: the results that came back and the
  // next claims share a transaction (SQLite's cost is per statement and
  // per commit far more than per row).
  //
  // Twice the wire's bound is claimed and handed to the transport, which
  // keeps max_in_flight on the wire and starts a waiting request as soon as
  // it sees one finish. With only max_in_flight claimed, every slot that
  // finished stayed empty until this loop had written its results, and the
  // council waited for the device.
  const int claim_bound = 2 * options_.max_in_flight;
  std::vector<Settlement> settled;
  while (true) {
    // Stopping: what was handed over goes back in the queue, due at once
    // (the council deduplicates the resend if it had already taken it).
    // The transport drops it first, so none is still on its way when a
    // later pass claims it again.
    if (stop && stop->load()) {
      transport_.abandon();
      for (const auto& [tag, entry] : in_flight)
        settled.push_back({entry.client_id, Settlement::Kind::RetryLater, "", "stopped before the answer came", ""});
      queue_.settle_and_claim(settled, format_utc(clock_.now()), 0);
      if (!in_flight.empty()) return progress;
      break;
    }
    // Keep the pipe full. The claim is UPDATE ... WHERE state = 'queued': a
    // request anything else took meanwhile is not claimed twice.
    const int room = more_due ? claim_bound - static_cast<int>(in_flight.size()) : 0;
    auto claimed = queue_.settle_and_claim(settled, format_utc(clock_.now()), room);
    if (room > 0 && claimed.empty()) more_due = false;  // none due, or someone else holds them: do not spin
    for (auto& [entry, media, content] : claimed) {
      ++progress.due;
      net::HttpRequest request;
      request.method = "POST";
      request.url = server_.endpoint("requests.json");
      request.headers.emplace_back("Idempotency-Key", entry.client_id);
      // The resident's language, for the council's emails to them.
      if (!content.language.empty()) request.headers.emplace_back("Accept-Language", content.language);
      if (!entry.staff.empty())
        if (const auto token = token_for(entry.staff); !token.empty())
          request.headers.emplace_back("Authorization", "Bearer " + token);
      request.form = request_form(content, media, server_.api_key);
      request.tag = next_tag++;
      in_flight.emplace(request.tag, Sent{entry.client_id, entry.attempts});
      transport_.submit(std::move(request));
    }
    if (!settled.empty() || !claimed.empty()) report();
    settled.clear();
    if (in_flight.empty()) break;
    // Results are written a batch at a time (half the wire's bound, or all
    // that are out when fewer are: poll() caps it), since each write costs
    // far more than the rows in it; the transport refills the wire from the
    // requests it holds while this waits.
    const auto batch = static_cast<std::size_t>(std::max(1, options_.max_in_flight / 2));
    for (const auto& response : transport_.poll(std::chrono::milliseconds(200), batch)) {
      const auto found = in_flight.find(response.tag);
      if (found == in_flight.end()) continue;
      settled.push_back(judge(response, found->second, progress));
      in_flight.erase(found);
    }
  }
  resolve_tokens(progress);
  progress.pending_token = static_cast<int>(queue_.awaiting_token().size());
  report();
  return progress;
}

std::string Pusher::token_for(const std::string& staff) {
  const auto found = tokens_.find(staff);
  if (found != tokens_.end()) return found->second;
  const auto session = StaffStore(outbox_).session(staff);
  return tokens_[staff] = session ? session->token : std::string();
}

Settlement Pusher::judge(const net::HttpResponse& response, const Sent& entry, PushProgress& progress) {
  const auto now = clock_.now();
  const auto outcome = judge_create_response(response, now);
  Settlement settlement;
  settlement.client_id = entry.client_id;
  switch (outcome.kind) {
    case Outcome::Kind::Accepted:
      settlement.kind = Settlement::Kind::Accepted;
      settlement.reference = outcome.reference;
      ++progress.accepted;
      break;
    case Outcome::Kind::Token:
      settlement.kind = Settlement::Kind::Token;
      settlement.reference = outcome.reference;
      ++progress.pending_token;
      break;
    case Outcome::Kind::Permanent:
      settlement.kind = Settlement::Kind::NeedsAttention;
      settlement.message = outcome.message;
      ++progress.needs_attention;
      break;
    case Outcome::Kind::Transient: {
      // entry.attempts is as claimed: it counts this attempt.
      const auto delay = backoff_delay(options_.backoff, entry.attempts, outcome.retry_after, random_);
      settlement.kind = Settlement::Kind::RetryLater;
      settlement.message = outcome.message;
      // Stored to the second: round the moment itself up, or a Retry-After
      // answered late in a second would be retried up to a second too soon.
      settlement.next_attempt_at = format_utc(std::chrono::ceil<std::chrono::seconds>(now + delay));
      ++progress.retry_later;
      progress.last_error = outcome.message;
      break;
    }
  }
  return settlement;
}

void Pusher::resolve_tokens(PushProgress& progress) {
  std::vector<Settlement> resolved;
  for (const auto& entry : queue_.awaiting_token()) {
    net::HttpRequest request;
    request.url = server_.endpoint("tokens/" + net::url_encode(entry.token) + ".json");
    const auto response = transport_.perform(std::move(request));
    if (response.error != net::NetError::None || response.status != 200) continue;  // ask again next pass
    try {
      const std::string reference = read_token_answer(response.body);
      if (reference.empty()) continue;
      resolved.push_back({entry.client_id, Settlement::Kind::Accepted, reference, "", ""});
      ++progress.accepted;
    } catch (const nlohmann::json::exception&) {
      continue;
    }
  }
  queue_.settle_and_claim(resolved, format_utc(clock_.now()), 0);
}

}  // namespace oneservice::sync
