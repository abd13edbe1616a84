#pragma once
// Reading central's answers to the field passes: a page of staff/jobs, a
// job document, nearby open cases, an update's answer. Pure functions; each
// throws nlohmann::json::exception on a body it cannot read.
#include <optional>
#include <string>
#include <vector>

#include "sync/job_records.h"
#include "sync/nearby_cases.h"

namespace oneservice::sync {

struct JobRemoval {
  std::string service_request_id, reason;  // reassigned, unassigned, closed
};

struct JobsPage {
  std::string cursor;
  bool more = false, full = false;
  std::vector<std::pair<Job, std::string>> jobs;  // each with its document as text, as stored
  std::vector<JobRemoval> removals;
};

JobsPage read_jobs_page(const std::string& body);
Job read_job(const std::string& document);

std::vector<NearbyCase> read_nearby_cases(const std::string& body);

struct UpdateAnswer {
  bool applied = true;
  std::optional<int> version;  // the case's version just after it (staff answers)
};
UpdateAnswer read_update_answer(const std::string& body);

}  // namespace oneservice::sync
