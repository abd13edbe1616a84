#include "central/open311/jobs_api.h"

#include <httplib.h>

#include "central/job_messages.h"
#include "central/open311/job_documents.h"
#include "central/open311/media.h"
#include "central/open311/reply.h"
#include "central/open311/staff_auth.h"
#include "central/store/jobs.h"

namespace oneservice::central::open311 {
namespace {

namespace msg = job_messages;
constexpr const char* kFormats = "(json|xml)";

// A whole number of at most 18 digits; nullopt for anything else.
std::optional<std::int64_t> whole_number(const std::string& text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

int assign_status(AssignOutcome outcome) {
  switch (outcome) {
    case AssignOutcome::Assigned:
    case AssignOutcome::AlreadyAssigned: return 200;
    case AssignOutcome::UnknownCase:
    case AssignOutcome::NoSuchOfficer: return 404;
    case AssignOutcome::NotAnOfficer: return 400;
    case AssignOutcome::OfficerDisabled:
    case AssignOutcome::CaseClosed: return 409;
  }
  return 500;
}

}  // namespace

void JobsApi::install(httplib::Server& server, const std::string& v2) {
  server.Get(v2 + "staff/jobs\\." + kFormats,
             [this](const httplib::Request& req, httplib::Response& res) { jobs(req, res, req.matches[1]); });
  server.Post(v2 + "staff/assignments\\." + kFormats,
              [this](const httplib::Request& req, httplib::Response& res) { assign(req, res, req.matches[1]); });
  server.Delete(v2 + "staff/assignments/([^/]+)\\." + kFormats,
                [this](const httplib::Request& req, httplib::Response& res) {
                  unassign(req, res, req.matches[1], req.matches[2]);
                });
  server.Get(v2 + "staff/flags\\." + kFormats,
             [this](const httplib::Request& req, httplib::Response& res) { flags(req, res, req.matches[1]); });
  server.Delete(v2 + "staff/flags/([^/]+)\\." + kFormats, [this](const httplib::Request& req, httplib::Response& res) {
    clear_flag(req, res, req.matches[1], req.matches[2]);
  });
}

void JobsApi::jobs(const httplib::Request& req, httplib::Response& res, const std::string& format) const {
  const auto session = require_staff(store_, req, res, format, {StaffRole::Officer});
  if (!session) return;
  std::int64_t cursor = 0;
  if (const auto since = request_field(req, "since"); !since.empty()) {
    const auto parsed = whole_number(since);
    if (!parsed) return fail(res, format, 400, {msg::kBadCursor});
    cursor = *parsed;
  }
  std::size_t limit = store::kDefaultJobsPage;
  if (const auto text = request_field(req, "limit"); !text.empty()) {
    const auto parsed = whole_number(text);
    if (!parsed || *parsed < 1 || *parsed > static_cast<std::int64_t>(store::kMaxJobsPage))
      return fail(res, format, 400, {msg::kBadLimit});
    limit = static_cast<std::size_t>(*parsed);
  }
  const auto page = store_.jobs(session->staff.id, cursor, limit);
  reply(res, format, 200, jobs_page_document(page, catalogue_, public_base_url(req, https_) + "/media/"),
        "staff_jobs", "");
}

void JobsApi::assign(const httplib::Request& req, httplib::Response& res, const std::string& format) {
  const auto session = require_staff(store_, req, res, format, {StaffRole::Manager});
  if (!session) return;
  const auto id = request_field(req, "service_request_id");
  const auto officer = request_field(req, "officer");
  if (id.empty() || officer.empty()) return fail(res, format, 400, {msg::kAssignFieldsMissing});
  const auto result = store_.assign(id, officer, session->staff.id);
  const auto status = assign_status(result.outcome);
  if (status != 200) return fail(res, format, status, {msg::for_outcome(result.outcome)});
  reply(res, format, 200, assignment_document(result), "assignment", "");
}

void JobsApi::unassign(const httplib::Request& req, httplib::Response& res, const std::string& id,
                       const std::string& format) {
  const auto session = require_staff(store_, req, res, format, {StaffRole::Manager});
  if (!session) return;
  const auto result = store_.unassign(id);
  if (result.outcome == UnassignOutcome::UnknownCase) return fail(res, format, 404, {msg::kNoSuchCase});
  reply(res, format, 200, unassignment_document(result), "assignment", "");
}

void JobsApi::flags(const httplib::Request& req, httplib::Response& res, const std::string& format) const {
  if (!require_staff(store_, req, res, format, {StaffRole::Manager})) return;
  reply(res, format, 200, flagged_document(store_.flagged()), "flagged_cases", "case");
}

void JobsApi::clear_flag(const httplib::Request& req, httplib::Response& res, const std::string& id,
                         const std::string& format) {
  if (!require_staff(store_, req, res, format, {StaffRole::Manager})) return;
  if (!store_.find(id)) return fail(res, format, 404, {msg::kNoSuchCase});
  if (!store_.clear_flag(id)) return fail(res, format, 404, {msg::kNotFlagged});
  reply(res, format, 200, {{"service_request_id", id}, {"cleared", true}}, "flag", "");
}

}  // namespace oneservice::central::open311
