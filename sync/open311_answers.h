#pragma once
// Reading what the council's Open311 server answers the device's pulls
// (discovery, services, definitions, status updates, tokens). Pure
// functions: the puller and pusher move bytes, these read them, so they can
// be tested and fuzzed without a server. Each throws nlohmann::json::exception
// on a body it cannot read; the caller says what could not be fetched.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sync/outbox.h"

namespace oneservice::sync {

// discovery.json's "changeset".
std::string read_discovery_changeset(const std::string& body);

// One service from services.json made ready for the catalogue document:
// attributes dropped (the definition brings them), keywords as a list
// (Open311 sends them comma-separated). Returns its service_code.
std::string prepare_service(nlohmann::json& service);

// services/<code>.json: its fields (attributes...) added to the service,
// never its service_code.
void add_definition(nlohmann::json& service, const std::string& body);

// servicerequestupdates.json: one StatusUpdate per item.
std::vector<StatusUpdate> read_status_updates(const std::string& body);

// tokens/<token>.json: the service_request_id once the council has one,
// empty while it is still pending.
std::string read_token_answer(const std::string& body);

}  // namespace oneservice::sync
