#pragma once
// The JSON documents Open311 GeoReport v2 defines, built from our model.
// Each has an XML twin through to_xml() with the root and item names below.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "central/records.h"
#include "shared/catalogue.h"

namespace oneservice::central::open311 {

struct Error {
  int code;  // the HTTP status, as Open311's examples do
  std::string description;  // fit to show a resident
};

// GET services: root "services", item "service".
nlohmann::json services_document(const Catalogue& catalogue);
// GET services/{code}: root "service_definition". Our extensions (summary,
// hint, shown_when, automated...) travel as extra fields: Open311 clients
// ignore what they do not know, our kiosks need them to ask the same way.
nlohmann::json definition_document(const Service& service);
// GET requests, GET requests/{id}: root "service_requests", item "request".
// Never holds contact details: GET requests is public. media_url is the
// first photo link; the extension media_urls lists them all (media_links).
nlohmann::json request_document(const CaseRecord& record, const Catalogue& catalogue, const std::string& media_base);
// GET servicerequestupdates: root "service_request_updates", item "request_update".
// Public fields only: never the private note, the author or the device.
nlohmann::json update_document(const CaseUpdate& update, const std::string& media_base);
// Every photo link of a case or an update: our own stored files first (under
// media_base), then the links the sender gave.
std::vector<std::string> media_links(const std::vector<MediaFile>& files, const std::vector<std::string>& urls,
                                     const std::string& media_base);
// Errors: root "errors", item "error".
nlohmann::json errors_document(const std::vector<Error>& errors);
// GET discovery: root "discovery".
nlohmann::json discovery_document(const Catalogue& catalogue, const std::string& base_url);

}  // namespace oneservice::central::open311
