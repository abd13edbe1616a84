#pragma once
// Records of field officers' jobs (central/store/jobs.h): a case assigned to
// an officer, what assigning answers, and one page of an officer's jobs feed.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "central/records.h"

namespace oneservice::central {

enum class AssignOutcome {
  Assigned,         // assigned now (or moved from another officer): the version moved on
  AlreadyAssigned,  // to this officer already: nothing changed
  UnknownCase,
  NoSuchOfficer,    // no member of staff of that name
  NotAnOfficer,     // a helper or a manager: only officers take jobs
  OfficerDisabled,
  CaseClosed,       // a closed case is not a job; reopen it first
};

struct AssignResult {
  AssignOutcome outcome = AssignOutcome::UnknownCase;
  std::string service_request_id;
  std::string officer;      // the officer's name, when Assigned or AlreadyAssigned
  std::string assigned_at;  // UTC ISO
  std::int64_t version = 0;  // the case's version after it
};

enum class UnassignOutcome { Unassigned, NotAssigned, UnknownCase };

struct UnassignResult {
  UnassignOutcome outcome = UnassignOutcome::UnknownCase;
  std::string service_request_id;
  std::string officer;  // whom it was taken from, when Unassigned
  std::int64_t version = 0;
};

// One job as an officer's device gets it: the case as it is now and its
// whole history, private notes included (staff only).
struct Job {
  CaseRecord record;
  std::vector<CaseUpdate> history;  // oldest first, applied or not
  std::map<std::int64_t, std::string> staff_names;  // who made the updates that name a staff_id
  std::map<std::int64_t, std::int64_t> update_versions;  // update_id -> the case's version just after it
  std::string assigned_at;
};

// Why a case left an officer's list.
enum class RemovalReason { Reassigned, Unassigned, Closed };

struct JobRemoval {
  std::string service_request_id;
  RemovalReason reason = RemovalReason::Unassigned;
};

// What changed for one officer after a cursor. Each case is in it at most
// once, as it is now: in `jobs` when it is the officer's and open, else in
// `removed`. `cursor` is where to ask from next; `more` says a page limit
// left changes for the next ask. `full`: the jobs of this page and of the
// pages after it while `more` holds are the officer's whole list (asked
// from 0, or from a cursor this store never gave): the device drops any
// job not among them; no removals are sent then.
struct JobsPage {
  std::vector<Job> jobs;
  std::vector<JobRemoval> removed;
  std::int64_t cursor = 0;
  bool more = false;
  bool full = false;
};

// A flagged case for a manager.
struct FlaggedCase {
  CaseRecord record;
  std::string officer;  // whom it is assigned to; empty when nobody
};

std::string to_string(RemovalReason reason);  // "reassigned", "unassigned", "closed"

}  // namespace oneservice::central
