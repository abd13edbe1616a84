#pragma once
// An update from a member of staff's device over POST servicerequestupdates
// (an officer's update from the field): the same endpoint and write path as
// FixMyStreet's, plus "Authorization: Bearer <session>". A live session on
// the sending device is what lets private_note and base_version be read;
// the answer then also says whether the update was applied and the case's
// version just after it, the base for the device's next update of the case.
#include <nlohmann/json.hpp>
#include <string>

#include "central/case_store.h"
#include "central/intake/update_intake.h"
#include "central/open311/post_fields.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace oneservice::central::open311 {

// True when the request carries a Bearer token: it is then a staff update
// or nothing (a stale session is refused, never quietly made anonymous, so
// the private note is never dropped).
bool is_staff_update(const httplib::Request& req);

// For a staff update: checks the session (writing the 401/403 and returning
// false when it fails), then fills in the sender and the staff-only fields.
bool take_staff_fields(const CaseStore& store, const httplib::Request& req, httplib::Response& res,
                       const std::string& format, const Fields& fields, UpdateSubmission& submission);

// Adds "applied" and "version" to the answer's item for a staff update.
void add_staff_answer(const CaseStore& store, const UpdateResult& stored, nlohmann::json& item);

}  // namespace oneservice::central::open311
