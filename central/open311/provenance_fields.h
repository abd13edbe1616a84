#pragma once
// The Open311 extension fields of POST requests that say who a report was
// made for on the assisted channel: reported_for=resident|anonymous and
// assisted_via=phone|in_person (plain fields, not attribute[...], so
// FixMyStreet and other clients that never send them are not affected).
#include <string>
#include <vector>

#include "shared/request.h"

namespace httplib {
struct Request;
}  // namespace httplib

namespace oneservice::central::open311 {

// Sets request.reported_for / assisted_via from the POST; an unknown value
// adds a message to `problems` (the report is refused saying which).
void read_provenance_fields(const httplib::Request& req, ServiceRequest& request, std::vector<std::string>& problems);

}  // namespace oneservice::central::open311
