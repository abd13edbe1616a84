#include "sync/open311_wire.h"

#include <nlohmann/json.hpp>

#include "shared/text.h"
#include "sync/backoff.h"

namespace oneservice::sync {
namespace {

using nlohmann::json;

std::string describe(net::NetError error) {
  switch (error) {
    case net::NetError::Dns: return "the council's server name could not be found (no network?)";
    case net::NetError::Connect: return "the council's server could not be reached";
    case net::NetError::Timeout: return "the council's server took too long to answer";
    case net::NetError::Reset: return "the connection broke before the answer arrived";
    case net::NetError::Tls: return "the council's server certificate is not trusted";
    default: return "the network failed";
  }
}

}  // namespace

std::string coordinate_text(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.7f", value);
  return buffer;
}

std::vector<net::FormPart> request_form(const ServiceRequest& r, const std::vector<MediaAttachment>& media,
                                        const std::string& api_key) {
  std::vector<net::FormPart> form;
  const auto field = [&](const std::string& name, const std::string& value) {
    if (!value.empty()) form.push_back({name, value, "", ""});
  };
  field("api_key", api_key);
  field("service_code", r.service_code);
  if (r.location.lat) field("lat", coordinate_text(*r.location.lat));
  if (r.location.lon) field("long", coordinate_text(*r.location.lon));
  field("address_string", r.location.address_string);
  // Plain fields, as reported_for is: an Open311 server that does not know
  // them ignores them, and central keeps them with the case.
  if (r.location.source) field("location_source", to_string(*r.location.source));
  if (r.location.accuracy_m) field("location_accuracy_m", coordinate_text(*r.location.accuracy_m));
  field("description", r.description);
  field("first_name", r.contact.first_name);
  field("last_name", r.contact.last_name);
  field("email", r.contact.email);
  field("phone", r.contact.phone);
  for (const auto& [code, value] : r.answers) {
    if (const auto* text = std::get_if<std::string>(&value)) {
      field("attribute[" + code + "]", *text);
    } else {
      for (const auto& item : std::get<std::vector<std::string>>(value)) field("attribute[" + code + "][]", item);
    }
  }
  field("attribute[client_request_id]", r.client_id);
  field("attribute[catalogue_version]", r.catalogue_version);
  field("attribute[created_at]", r.created_at);
  // The assisted channel's account of the report (an Open311 extension).
  if (r.reported_for) field("reported_for", to_string(*r.reported_for));
  if (r.assisted_via) field("assisted_via", to_string(*r.assisted_via));
  for (const auto& item : media) form.push_back({"media", item.bytes, item.file_name, item.content_type});
  return form;
}

std::string open311_error_text(const std::string& body) {
  try {
    const auto doc = json::parse(body);
    if (!doc.is_array()) return {};
    std::string out;
    for (const auto& error : doc) {
      if (!error.is_object() || !error.contains("description") || !error["description"].is_string()) continue;
      const auto text = trim(error["description"].get<std::string>());
      if (!text.empty()) out += (out.empty() ? "" : "; ") + text;
    }
    return out;
  } catch (const json::exception&) {
    return {};
  }
}

Outcome judge_failure(const net::HttpResponse& response, TimePoint now) {
  Outcome out;
  if (response.error != net::NetError::None) {
    out.kind = Outcome::Kind::Transient;
    out.message = describe(response.error);
    return out;
  }
  const auto retry = response.headers.find("retry-after");
  if (retry != response.headers.end()) out.retry_after = parse_retry_after(retry->second, now);
  const long status = response.status;
  if (status == 408 || status == 429 || (status >= 500 && status <= 599)) {
    out.kind = Outcome::Kind::Transient;
    out.message = "the council's server is busy or unavailable (HTTP " + std::to_string(status) + ")";
    return out;
  }
  const auto refusal = open311_error_text(response.body);
  // Only the council itself can refuse a request. A redirect (a library's
  // Wi-Fi login page, a move to https), a 401, or a 4xx without an Open311
  // errors document came from something in between, or from a setup
  // problem: the request is not at fault, so it waits in the queue.
  // (403 is this device's key, and 413 this request's size: both are real
  // refusals whoever words them.)
  const bool in_between = (status >= 300 && status < 400) || status == 401 ||
                          (refusal.empty() && status != 403 && status != 413);
  if (in_between) {
    out.kind = Outcome::Kind::Transient;
    out.message = "the council's server could not be reached properly (HTTP " + std::to_string(status) +
                  "); check the network and the server address";
    return out;
  }
  out.kind = Outcome::Kind::Permanent;
  out.message = refusal;
  if (out.message.empty())
    out.message = status == 403 ? "The council's server did not accept this device's key. Ask support for a new key."
                                : "The council's server refused the request (HTTP " + std::to_string(status) + ").";
  return out;
}

Outcome judge_create_response(const net::HttpResponse& response, TimePoint now) {
  const long status = response.status;
  if (response.error != net::NetError::None || status < 200 || status >= 300) return judge_failure(response, now);
  Outcome out;
  const auto retry = response.headers.find("retry-after");
  if (retry != response.headers.end()) out.retry_after = parse_retry_after(retry->second, now);
  json doc;
  try {
    doc = json::parse(response.body);
  } catch (const json::exception&) {
    // A 2xx whose body cannot be read was probably cut short on the way:
    // sending again is safe (the council deduplicates on our client id)
    // and will bring the reference back.
    out.kind = Outcome::Kind::Transient;
    out.message = "the council's answer could not be read";
    return out;
  }
  const json& first = doc.is_array() && !doc.empty() ? doc[0] : doc;
  const auto text = [&](const char* key) -> std::string {
    if (!first.is_object() || !first.contains(key)) return {};
    const auto& value = first[key];
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer()) return value.dump();
    return {};
  };
  if (const auto id = text("service_request_id"); !id.empty()) {
    out.kind = Outcome::Kind::Accepted;
    out.reference = id;
  } else if (const auto token = text("token"); !token.empty()) {
    out.kind = Outcome::Kind::Token;
    out.reference = token;
  } else {
    // Only an id or a token means "sent" (Open311 clients that took a bare
    // 200 as failure resubmitted forever; taking it as success loses the
    // request). A person must look.
    out.kind = Outcome::Kind::Permanent;
    out.message = "The council's server said it took the request but gave no reference. Ask support to check it.";
  }
  return out;
}

}  // namespace oneservice::sync
