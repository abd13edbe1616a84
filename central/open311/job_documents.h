#pragma once
// The documents of the staff jobs endpoints (central/open311/jobs_api.h),
// JSON with XML twins through to_xml(): an officer's job with everything
// needed to work on it offline, the feed page around it, and a manager's
// answers about assignments and flags. Private notes appear only here:
// these documents go to signed-in staff alone.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "central/job_records.h"
#include "shared/catalogue.h"

namespace oneservice::central::open311 {

// GET staff/jobs: root "staff_jobs".
nlohmann::json jobs_page_document(const JobsPage& page, const Catalogue& catalogue, const std::string& media_base);
nlohmann::json job_document(const Job& job, const Catalogue& catalogue, const std::string& media_base);
// POST staff/assignments, DELETE staff/assignments/{id}: root "assignment".
nlohmann::json assignment_document(const AssignResult& result);
nlohmann::json unassignment_document(const UnassignResult& result);
// GET staff/flags: root "flagged_cases", item "case".
nlohmann::json flagged_document(const std::vector<FlaggedCase>& cases);

}  // namespace oneservice::central::open311
