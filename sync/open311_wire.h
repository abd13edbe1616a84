#pragma once
// A queued request as Open311 GeoReport v2 wants it, and what the server's
// answer means for it. Pure functions: the sync engine moves bytes, these
// decide.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "shared/clock.h"
#include "sync/net/http_transport.h"
#include "sync/outbox.h"

namespace oneservice::sync {

// A coordinate (or accuracy) as the wire carries it: seven decimals, about a
// centimetre.
std::string coordinate_text(double value);

// POST requests fields: api_key, service_code, lat/long, address_string,
// description, contact, attribute[code] or attribute[code][] per answer, and
// the device's own attributes: client_request_id, catalogue_version,
// created_at. Photos become multipart "media" parts.
std::vector<net::FormPart> request_form(const ServiceRequest& request, const std::vector<MediaAttachment>& media,
                                        const std::string& api_key);

struct Outcome {
  enum class Kind {
    Accepted,   // 2xx with a service_request_id
    Token,      // 2xx with a token (batch service): pending until it resolves
    Permanent,  // the council refused it: needs a person, never retried by itself
    Transient,  // the network or the server is having a bad moment: retry later
  };
  Kind kind = Kind::Transient;
  std::string reference;  // service_request_id or token
  std::string message;    // for Permanent: the server's own words; for Transient: why
  std::optional<std::chrono::seconds> retry_after;
};

// Judges an answer that is not a 2xx (or no answer at all): Transient or
// Permanent, by the rules below; shared by every kind of POST.
Outcome judge_failure(const net::HttpResponse& response, TimePoint now);

// Judges the answer to a POST requests.json.
Outcome judge_create_response(const net::HttpResponse& response, TimePoint now);

// The error descriptions of an Open311 errors document, joined; empty when
// the body is not one.
std::string open311_error_text(const std::string& body);

}  // namespace oneservice::sync
