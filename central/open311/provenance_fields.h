#pragma once
// The Open311 extension fields of POST requests that say who a report was
// made for on the assisted channel: reported_for=resident|anonymous and
// assisted_via=phone|in_person (plain fields, not attribute[...], so
// FixMyStreet and other clients that never send them are not affected).
#include <string>
#include <vector>

#include "shared/request.h"

namespace oneservice::central::open311 {

// Reads one posted field into the request if it is one of these, and says
// whether it was; an unknown value adds a message to `problems` (the report
// is refused saying which).
bool read_provenance_field(const std::string& name, const std::string& value, ServiceRequest& request,
                           std::vector<std::string>& problems);

}  // namespace oneservice::central::open311
