#pragma once
// Reads the fields of an Open311 POST requests (form-encoded or multipart)
// into a ServiceRequest: lat, long, address_string, description, contact
// fields, attribute[code]=v (repeated: every value) and attribute[code][]=v,
// media_url (once or repeated), and the assisted channel's reported_for and
// assisted_via (provenance_fields.h).
#include <map>
#include <string>
#include <vector>

#include "shared/request.h"

namespace oneservice::central::open311 {

using Fields = std::multimap<std::string, std::string>;

// Attributes a device sends about the request itself, not answers to the
// service's questions.
inline constexpr const char* kClientRequestId = "client_request_id";
inline constexpr const char* kCatalogueVersion = "catalogue_version";
inline constexpr const char* kCreatedAt = "created_at";

struct PostedRequest {
  ServiceRequest request;  // client_id from attribute[client_request_id] when given
  std::string api_key;
  std::vector<std::string> media_urls;  // in the order sent; checked by the intake
  std::vector<std::string> problems;  // messages for a resident; empty when readable
};

PostedRequest read_post_fields(const Fields& fields);

}  // namespace oneservice::central::open311
