#include "central/intake/provenance_rules.h"

#include "central/staff_messages.h"

namespace oneservice::central {

std::optional<std::string> provenance_problem(const ServiceRequest& request, const std::string& device_channel) {
  if ((request.reported_for || request.assisted_via) && device_channel != "assisted")
    return staff_messages::kProvenanceOnlyAssisted;
  if (request.reported_for == ReportedFor::Anonymous && !request.contact.empty())
    return staff_messages::kAnonymousWithContact;
  return std::nullopt;
}

}  // namespace oneservice::central
