#include "central/open311/provenance_fields.h"

#include "central/staff_messages.h"

namespace oneservice::central::open311 {

bool read_provenance_field(const std::string& name, const std::string& value, ServiceRequest& request,
                           std::vector<std::string>& problems) {
  if (name == "reported_for") {
    request.reported_for = parse_reported_for(value);
    if (!request.reported_for && !value.empty()) problems.push_back(staff_messages::kReportedForValues);
    return true;
  }
  if (name == "assisted_via") {
    request.assisted_via = parse_assisted_via(value);
    if (!request.assisted_via && !value.empty()) problems.push_back(staff_messages::kAssistedViaValues);
    return true;
  }
  return false;
}

}  // namespace oneservice::central::open311
