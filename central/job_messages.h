#pragma once
// Every message about officers' jobs a person can see (the command line and
// the staff endpoints), in one place for the translator. None holds a name
// or anything else someone typed.
#include "central/job_records.h"

namespace oneservice::central::job_messages {

inline constexpr const char* kNoSuchCase = "There is no case with that id.";
inline constexpr const char* kNoSuchOfficer = "There is no member of staff with that name.";
inline constexpr const char* kNotAnOfficer = "Only a field officer can be given a job.";
inline constexpr const char* kOfficerDisabled = "That officer's account is no longer active.";
inline constexpr const char* kCaseClosed = "A closed case cannot be assigned: reopen it first.";
inline constexpr const char* kNotAssigned = "That case is not assigned to anyone.";
inline constexpr const char* kNotFlagged = "That case is not flagged for review.";
inline constexpr const char* kAssignFieldsMissing = "Assigning needs service_request_id and officer";
inline constexpr const char* kBadCursor = "since must be a cursor this server gave: a whole number, or 0 for every job";
inline constexpr const char* kBadLimit = "limit must be a whole number from 1 to 500";
inline constexpr const char* kAssignUsage = "use: case assign ID --to NAME";
inline constexpr const char* kCaseIdNeeded = "this needs the case's id";

// The message for every outcome but Assigned and AlreadyAssigned.
const char* for_outcome(AssignOutcome outcome);

}  // namespace oneservice::central::job_messages
