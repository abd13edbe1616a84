#include "sync/push.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <map>
#include <nlohmann/json.hpp>

#include "shared/identity.h"
#include "sync/open311_wire.h"

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
    : outbox_(outbox), server_(std::move(server)), options_(std::move(options)), clock_(std::move(clock)),
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
  // Whatever was in flight when the last process died goes back in the
  // queue first: the lock says no one else is sending it now.
  outbox_.recover_interrupted();
  std::map<std::uint64_t, std::string> in_flight;  // transfer tag -> client id
  std::uint64_t next_tag = 1;
  bool more_due = true;
  const auto report = [&] {
    progress.in_flight = static_cast<int>(in_flight.size());
    if (progress_callback) progress_callback(progress);
  };
  while (true) {
    const bool stopping = stop && stop->load();
    // Keep the pipe full: claim due requests up to the in-flight bound.
    while (!stopping && more_due && static_cast<int>(in_flight.size()) < options_.max_in_flight) {
      const auto due = outbox_.due_for_sending(format_utc(clock_.now()), options_.max_in_flight);
      if (due.empty()) {
        more_due = false;
        break;
      }
      bool claimed_any = false;
      for (const auto& entry : due) {
        if (static_cast<int>(in_flight.size()) >= options_.max_in_flight) break;
        // The claim is one UPDATE ... WHERE state = 'queued': it fails if
        // anything else took the request meanwhile.
        if (!outbox_.claim_for_sending(entry.client_id)) continue;
        claimed_any = true;
        ++progress.due;
        net::HttpRequest request;
        request.method = "POST";
        request.url = server_.endpoint("requests.json");
        request.headers.emplace_back("Idempotency-Key", entry.client_id);
        request.form = request_form(entry, outbox_.media_for(entry.client_id), server_.api_key);
        request.tag = next_tag++;
        in_flight[request.tag] = entry.client_id;
        transport_.submit(std::move(request));
      }
      if (!claimed_any) more_due = false;  // someone else holds them: do not spin
      report();
    }
    if (in_flight.empty()) break;
    for (const auto& response : transport_.poll(std::chrono::milliseconds(200))) {
      const auto found = in_flight.find(response.tag);
      if (found == in_flight.end()) continue;
      settle(response, found->second, progress);
      in_flight.erase(found);
      report();
    }
  }
  resolve_tokens(progress);
  progress.pending_token = static_cast<int>(outbox_.awaiting_token().size());
  report();
  return progress;
}

void Pusher::settle(const net::HttpResponse& response, const std::string& client_id, PushProgress& progress) {
  const auto now = clock_.now();
  const auto outcome = judge_create_response(response, now);
  switch (outcome.kind) {
    case Outcome::Kind::Accepted:
      outbox_.mark_accepted(client_id, outcome.reference);
      ++progress.accepted;
      outbox_.set_sync_value("last_success", format_utc(now));
      break;
    case Outcome::Kind::Token:
      outbox_.set_token(client_id, outcome.reference);
      ++progress.pending_token;
      outbox_.set_sync_value("last_success", format_utc(now));
      break;
    case Outcome::Kind::Permanent:
      outbox_.mark_needs_attention(client_id, outcome.message);
      ++progress.needs_attention;
      break;
    case Outcome::Kind::Transient: {
      const auto entry = outbox_.find(client_id);
      const int attempts = entry ? entry->attempts : 1;
      const auto delay = backoff_delay(options_.backoff, attempts, outcome.retry_after, random_);
      outbox_.retry_later(client_id, outcome.message, format_utc(now + std::chrono::ceil<std::chrono::seconds>(delay)));
      ++progress.retry_later;
      progress.last_error = outcome.message;
      break;
    }
  }
}

void Pusher::resolve_tokens(PushProgress& progress) {
  for (const auto& entry : outbox_.awaiting_token()) {
    net::HttpRequest request;
    request.url = server_.endpoint("tokens/" + net::url_encode(entry.token) + ".json");
    const auto response = transport_.perform(std::move(request));
    if (response.error != net::NetError::None || response.status != 200) continue;  // ask again next pass
    try {
      const auto doc = nlohmann::json::parse(response.body);
      const auto& first = doc.is_array() && !doc.empty() ? doc[0] : doc;
      if (!first.is_object() || !first.contains("service_request_id")) continue;
      const auto& id = first["service_request_id"];
      const std::string reference = id.is_string() ? id.get<std::string>() : id.dump();
      if (reference.empty() || reference == "null") continue;
      outbox_.mark_accepted(entry.client_id, reference);
      ++progress.accepted;
    } catch (const nlohmann::json::exception&) {
      continue;
    }
  }
}

}  // namespace oneservice::sync
