#pragma once
// The one sample request every suite starts from (the outbox, the central
// store, the JSON and validation rules), so a change to ServiceRequest is
// made to one fixture, not four.
#include <string>

#include "shared/request.h"

namespace oneservice::test_support {

inline constexpr const char* kSampleClientId = "3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6f";

// A prepared pothole report with every kind of field filled: text answers, a
// list answer, a point and an address, contact details, a non-default
// channel (assisted), client id and creation time. The list answer is to a
// question potholes do not have: stores keep what they are given and leave
// validation to prepare_request. A test that needs another service changes
// the fields it is about.
ServiceRequest sample_request(const std::string& client_id = kSampleClientId);

// "00000000-0000-4000-8000-000000000042" for 42: a UUID per n, so tests can
// make many requests.
std::string client_id_for(int n);

}  // namespace oneservice::test_support
