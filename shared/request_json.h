#pragma once
// The request's JSON shape, shared by `oneservice-sync enqueue`, the outbox
// and (later) the wire:
// {"client_id": "...", "service_code": "...", "catalogue_version": "...",
//  "answers": {"code": "value" or ["v1", "v2"]},
//  "location": {"lat": 0, "long": 0, "address_string": "..."},
//  "description": "...", "contact": {...}, "channel": "kiosk",
//  "created_at": "2026-11-22T14:03:00Z",
//  "reported_for": "resident" | "anonymous", "assisted_via": "phone" | "in_person"}
// The last two only when said (the assisted channel); older bodies have
// neither and read as before.
#include <string>
#include <string_view>

#include "shared/format_error.h"
#include "shared/request.h"

namespace oneservice {

std::string request_to_json(const ServiceRequest& request);

// Reads a request. Fields the device fills (client_id, catalogue_version,
// created_at) may be absent and stay empty; see complete_request(). Throws
// FormatError naming the field for malformed JSON or a field of the wrong type.
ServiceRequest request_from_json(std::string_view json_text);

}  // namespace oneservice
