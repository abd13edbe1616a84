// The field passes' order and the staff parts: sign-outs and verifiers.
// Photos, updates, jobs and nearby cases are in field_*.cpp beside this.
#include "sync/field_sync.h"

#include <nlohmann/json.hpp>

#include "sync/open311_wire.h"
#include "sync/staff_store.h"
#include "sync/staff_wire.h"

namespace oneservice::sync {

FieldSync::FieldSync(Outbox& outbox, ServerConfig server, net::TransportOptions transport, BackoffPolicy backoff,
                     Clock clock)
    : outbox_(outbox), server_(std::move(server)), backoff_(backoff), clock_(std::move(clock)), transport_([&] {
        transport.ca_bundle = server_.ca_bundle;
        transport.max_in_flight = 1;
        return transport;
      }()),
      random_(std::random_device{}()) {}

net::HttpResponse FieldSync::exchange(net::HttpRequest request, FieldPassResult& result) {
  auto response = transport_.perform(std::move(request));
  if (response.error == net::NetError::None) {
    result.reached = true;
  } else {
    result.unreachable = true;
    result.error = judge_failure(response, clock_.now()).message;
  }
  return response;
}

std::optional<std::string> FieldSync::note_status(const std::string& service_request_id, FieldPassResult& result) {
  if (const auto known = note_statuses_.find(service_request_id); known != note_statuses_.end()) return known->second;
  net::HttpRequest request;
  request.url = server_.endpoint("requests/" + net::url_encode(service_request_id) + ".json");
  const auto response = exchange(std::move(request), result);
  if (response.error != net::NetError::None || response.status != 200) return std::nullopt;
  try {
    const auto doc = nlohmann::json::parse(response.body);
    const auto& item = doc.is_array() && !doc.empty() ? doc[0] : doc;
    return note_statuses_[service_request_id] = item.value("status", "open") == "closed" ? "CLOSED" : "OPEN";
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

std::string FieldSync::retry_time(int attempts, std::optional<std::chrono::seconds> retry_after) {
  const auto delay = backoff_delay(backoff_, std::max(1, attempts), retry_after, random_);
  return format_utc(std::chrono::ceil<std::chrono::seconds>(clock_.now() + delay));
}

FieldPassResult FieldSync::push(const std::atomic<bool>* stop) {
  FieldPassResult result;
  note_statuses_.clear();  // a case may have closed since the last push
  // Photos first: they only follow reports already with the council, and
  // the updates after them may wait on a sign-in.
  if (push_report_photos(result, stop) && push_updates(result, stop)) end_sessions(result);
  StaffStore(outbox_).forget_ended_tokens();
  return result;
}

FieldPassResult FieldSync::pull(const std::atomic<bool>* stop) {
  FieldPassResult result;
  if (pull_verifiers(result) && pull_jobs(result, stop) && pull_thumbnails(result, stop)) pull_nearby(result);
  return result;
}

bool FieldSync::end_sessions(FieldPassResult& result) {
  StaffStore store(outbox_);
  for (const auto& session : store.sessions()) {
    if (!session.sign_out_requested || session.session_ended || session.token.empty()) continue;
    // Their updates need the session to be sent: it ends after them.
    if (store.has_unsent_session_work(session.member.name)) continue;
    net::HttpRequest request;
    request.method = "DELETE";
    request.url = server_.endpoint("staff/sessions/current.json") + "?api_key=" + net::url_encode(server_.api_key);
    request.headers.emplace_back("Authorization", "Bearer " + session.token);
    const auto response = exchange(std::move(request), result);
    if (response.error != net::NetError::None) return false;
    // 401: the session had ended already (expired, or the first DELETE's
    // answer was lost). Either way it is over.
    if (response.status == 200 || response.status == 401) {
      store.session_ended(session.member.name);
      ++result.sent;
    }
  }
  return true;
}

bool FieldSync::pull_verifiers(FieldPassResult& result) {
  net::HttpRequest request;
  request.url = server_.endpoint("staff/verifiers.json") + "?api_key=" + net::url_encode(server_.api_key);
  const auto response = exchange(std::move(request), result);
  if (response.error != net::NetError::None) return false;
  StaffStore store(outbox_);
  // A revoked key: this tablet may keep no PIN at all.
  if (response.status == 403) {
    store.keep_only_verifiers({});
    store.forget_jobs_nobody_can_open();
    return true;
  }
  if (response.status != 200) {
    result.error = "could not fetch the PIN list: HTTP " + std::to_string(response.status);
    return true;
  }
  try {
    store.keep_only_verifiers(read_verifier_list(response.body));
    store.forget_jobs_nobody_can_open();
  } catch (const std::exception&) {
    result.error = "the council's PIN list cannot be read";  // kept as they were
  }
  return true;
}

}  // namespace oneservice::sync
