#include "central/open311/officer_update.h"

#include <httplib.h>

#include "central/open311/form_request.h"
#include "central/open311/staff_auth.h"
#include "central/open311/update_fields.h"

namespace oneservice::central::open311 {

bool is_staff_update(const httplib::Request& req) { return !bearer_token(req).empty(); }

bool take_staff_fields(const CaseStore& store, const httplib::Request& req, httplib::Response& res,
                       const std::string& format, const Fields& fields, UpdateSubmission& submission) {
  const auto session = require_staff(store, with_form_fields(req, fields), res, format);
  if (!session) return false;
  submission.staff_id = session->staff.id;
  read_staff_fields(fields, submission);
  return true;
}

void add_staff_answer(const CaseStore& store, const UpdateResult& stored, nlohmann::json& item) {
  item["applied"] = stored.update.applied;
  const auto version = store.version_after_update(stored.update.update_id);
  item["version"] = version ? nlohmann::json(*version) : nlohmann::json("");
}

}  // namespace oneservice::central::open311
