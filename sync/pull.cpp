#include "sync/pull.h"

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "shared/catalogue_json.h"
#include "shared/format_error.h"
#include "sync/open311_answers.h"

namespace oneservice::sync {
namespace {

using nlohmann::json;

// How many request ids go into one updates query (URLs stay short).
constexpr std::size_t kIdsPerQuery = 100;
// The most updates oneservice-central returns at once; a page this full
// may have been cut short.
constexpr std::size_t kServerPageLimit = 1000;
constexpr auto kCursorOverlap = std::chrono::minutes(10);

std::string failure_of(const net::HttpResponse& response, const std::string& what) {
  if (response.error != net::NetError::None) return "could not fetch " + what + ": " + response.error_message;
  return "could not fetch " + what + ": HTTP " + std::to_string(response.status);
}

}  // namespace

Puller::Puller(Outbox& outbox, ServerConfig server, net::TransportOptions transport, Clock clock)
    : outbox_(outbox), server_(std::move(server)), clock_(std::move(clock)), transport_([&] {
        transport.ca_bundle = server_.ca_bundle;
        return transport;
      }()) {}

CataloguePull Puller::pull_catalogue() {
  CataloguePull result;
  net::HttpRequest discovery_request;
  discovery_request.url = server_.endpoint("discovery.json");
  const auto discovery = transport_.perform(discovery_request);
  if (discovery.error != net::NetError::None || discovery.status != 200) {
    result.error = failure_of(discovery, "discovery");
    return result;
  }
  json cached;
  try {
    result.changeset = read_discovery_changeset(discovery.body);
    if (const auto text = outbox_.cached_catalogue_json()) cached = json::parse(*text);
    if (cached.is_object() && cached.value("changeset", "") == result.changeset) return result;  // up to date
  } catch (const json::exception&) {
    result.error = "the council's discovery document cannot be read";
    return result;
  }

  net::HttpRequest services_request;
  services_request.url = server_.endpoint("services.json");
  if (const auto etag = outbox_.sync_value("services_etag"); etag && cached.is_object())
    services_request.headers.emplace_back("If-None-Match", *etag);
  const auto services = transport_.perform(services_request);
  // A 304 says only that the list is the same: the definitions, usually why
  // the changeset moved, are fetched again either way.
  const bool list_unchanged = services.error == net::NetError::None && services.status == 304 &&
                              cached.is_object() && cached.contains("services");
  if (!list_unchanged && (services.error != net::NetError::None || services.status != 200)) {
    result.error = failure_of(services, "the service list");
    return result;
  }
  try {
    json document = {{"changeset", result.changeset}, {"services", json::array()}};
    // Council details are ours, not Open311's: keep what the device has.
    if (cached.is_object() && cached.contains("council")) document["council"] = cached["council"];
    json list = list_unchanged ? cached["services"] : json::parse(services.body);
    for (auto service : list) {
      const std::string code = prepare_service(service);
      if (service.value("metadata", false)) {
        net::HttpRequest definition_request;
        definition_request.url = server_.endpoint("services/" + net::url_encode(code) + ".json");
        const auto definition = transport_.perform(definition_request);
        if (definition.error != net::NetError::None || definition.status != 200) {
          result.error = failure_of(definition, "the questions of " + code);
          return result;
        }
        add_definition(service, definition.body);
      }
      document["services"].push_back(service);
    }
    const std::string text = document.dump();
    // Parsed before it is cached: what the kiosk could not use is refused,
    // and the kiosk takes this very catalogue without reading it back.
    auto parsed = std::make_shared<const Catalogue>(parse_catalogue(text));
    outbox_.cache_catalogue(result.changeset, text);
    result.catalogue = std::move(parsed);
    const auto etag = services.headers.find("etag");
    if (!list_unchanged && etag != services.headers.end()) outbox_.set_sync_value("services_etag", etag->second);
    result.changed = true;
  } catch (const json::exception&) {
    result.error = "the council's catalogue cannot be read";
  } catch (const FormatError& error) {
    result.error = error.what();
  }
  return result;
}

UpdatesPull Puller::pull_updates() {
  UpdatesPull result;
  // Requests with nothing in the status cache yet (accepted since the last
  // pull, perhaps by another process) are asked about from the beginning;
  // the rest from the cursor, less an overlap for updates stamped a moment
  // before they were committed. Repeats are ignored as already held.
  std::vector<std::string> fresh, known;
  for (const auto& entry : outbox_.list(RequestState::Accepted))
    (outbox_.updates_for(entry.server_ref).empty() ? fresh : known).push_back(entry.server_ref);
  const auto cursor = outbox_.sync_value("updates_cursor").value_or("");
  std::string since;
  if (const auto when = parse_iso8601(cursor)) since = format_utc(*when - kCursorOverlap);
  std::string newest = cursor;
  std::optional<std::string> truncated_at;  // a full page: do not move the cursor past it
  std::vector<StatusUpdate> received;
  const auto ask = [&](const std::vector<std::string>& ids, const std::string& start_date) -> bool {
    for (std::size_t start = 0; start < ids.size(); start += kIdsPerQuery) {
      std::string list;
      for (std::size_t i = start; i < std::min(ids.size(), start + kIdsPerQuery); ++i)
        list += (list.empty() ? "" : ",") + ids[i];
      net::HttpRequest request;
      request.url = server_.endpoint("servicerequestupdates.json") + "?service_request_id=" + net::url_encode(list) +
                    (start_date.empty() ? "" : "&start_date=" + net::url_encode(start_date));
      const auto response = transport_.perform(request);
      if (response.error != net::NetError::None || response.status != 200) {
        result.error = failure_of(response, "status updates");
        return false;  // the cursor stays: nothing is skipped
      }
      try {
        auto page = read_status_updates(response.body);
        std::string page_newest;
        for (const auto& update : page) page_newest = std::max(page_newest, update.updated_datetime);
        const auto page_size = page.size();
        received.insert(received.end(), std::make_move_iterator(page.begin()), std::make_move_iterator(page.end()));
        newest = std::max(newest, page_newest);
        if (page_size >= kServerPageLimit && (!truncated_at || page_newest < *truncated_at)) truncated_at = page_newest;
      } catch (const json::exception&) {
        result.error = "the council's status updates cannot be read";
        return false;
      }
    }
    return true;
  };
  if (!ask(fresh, "") || !ask(known, since)) return result;
  const int stored = outbox_.store_updates(received);
  const auto next_cursor = truncated_at ? std::min(*truncated_at, newest) : newest;
  if (next_cursor != cursor) outbox_.set_sync_value("updates_cursor", next_cursor);
  result.received = stored;  // the overlap brings some back: count only new ones
  return result;
}

}  // namespace oneservice::sync
