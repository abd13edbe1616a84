#pragma once
// What a report may say about who made it, judged against the device that
// sent it. One rule each; the messages are staff_messages'.
#include <optional>
#include <string>

#include "shared/request.h"

namespace oneservice::central {

// reported_for / assisted_via only from an assisted-channel device; an
// anonymous report carries no contact details (the helper was told not to
// keep them). nullopt when the request may be stored.
std::optional<std::string> provenance_problem(const ServiceRequest& request, const std::string& device_channel);

}  // namespace oneservice::central
