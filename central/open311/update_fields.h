#pragma once
// Reads the fields of a POST servicerequestupdates, as FixMyStreet's client
// sends them (perllib/Open311.pm): api_key, service_request_id, update_id,
// status, description, updated_datetime, first_name, last_name, email,
// phone, media_url (once or repeated). jurisdiction_id, service_code, title,
// email_alerts_requested, account_id and attribute[...] are accepted and not
// used.
#include "central/intake/update_intake.h"
#include "central/open311/post_fields.h"

namespace oneservice::central::open311 {

// Field names of the staff-only hook (read only by read_staff_fields).
inline constexpr const char* kPrivateNoteField = "private_note";
inline constexpr const char* kBaseVersionField = "base_version";

UpdateSubmission read_update_fields(const Fields& fields);

// The staff hook: only for a sender whose staff session the caller has
// checked (it sets submission.staff_id first). Reads private_note and
// base_version; a base_version that is not a whole number is a problem.
void read_staff_fields(const Fields& fields, UpdateSubmission& submission);

}  // namespace oneservice::central::open311
