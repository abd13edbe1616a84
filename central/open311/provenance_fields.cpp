#include "central/open311/provenance_fields.h"

#include <httplib.h>

#include "central/open311/staff_auth.h"
#include "central/staff_messages.h"

namespace oneservice::central::open311 {

void read_provenance_fields(const httplib::Request& req, ServiceRequest& request, std::vector<std::string>& problems) {
  if (const auto text = request_field(req, "reported_for"); !text.empty()) {
    request.reported_for = parse_reported_for(text);
    if (!request.reported_for) problems.push_back(staff_messages::kReportedForValues);
  }
  if (const auto text = request_field(req, "assisted_via"); !text.empty()) {
    request.assisted_via = parse_assisted_via(text);
    if (!request.assisted_via) problems.push_back(staff_messages::kAssistedViaValues);
  }
}

}  // namespace oneservice::central::open311
