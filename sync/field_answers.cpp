#include "sync/field_answers.h"

#include <nlohmann/json.hpp>

namespace oneservice::sync {
namespace {

using nlohmann::json;

std::string text(const json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return {};
  if (found->is_number()) return found->dump();
  if (found->is_boolean()) return found->get<bool>() ? "true" : "false";
  return found->get<std::string>();
}

// Central writes "" for an unknown coordinate or version.
std::optional<double> number(const json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || !found->is_number()) return std::nullopt;
  return found->get<double>();
}

std::optional<int> whole(const json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end()) return std::nullopt;
  if (found->is_number_integer()) return found->get<int>();
  if (found->is_string() && !found->get<std::string>().empty()) return std::stoi(found->get<std::string>());
  return std::nullopt;
}

bool flag(const json& object, const char* key, bool otherwise) {
  const auto found = object.find(key);
  if (found == object.end() || !found->is_boolean()) return otherwise;
  return found->get<bool>();
}

const json& list(const json& object, const char* key) {
  static const json empty = json::array();
  const auto found = object.find(key);
  if (found == object.end() || !found->is_array()) return empty;
  return *found;
}

Job job_from(const json& doc) {
  if (!doc.is_object()) throw json::type_error::create(302, "a job must be an object", &doc);
  Job job;
  job.service_request_id = text(doc, "service_request_id");
  job.version = whole(doc, "version").value_or(0);
  job.status = text(doc, "status");
  job.service_code = text(doc, "service_code");
  job.service_name = text(doc, "service_name");
  job.description = text(doc, "description");
  job.address = text(doc, "address");
  job.lat = number(doc, "lat");
  job.lon = number(doc, "long");
  job.requested_at = text(doc, "requested_datetime");
  job.updated_at = text(doc, "updated_datetime");
  job.assigned_at = text(doc, "assigned_at");
  job.agency_responsible = text(doc, "agency_responsible");
  for (const auto& a : list(doc, "answers")) {
    JobAnswer answer{text(a, "code"), text(a, "question"), {}};
    for (const auto& v : list(a, "values")) answer.values.emplace_back(text(v, "key"), text(v, "name"));
    job.answers.push_back(std::move(answer));
  }
  for (const auto& p : list(doc, "photos"))
    job.photos.push_back({text(p, "url"), text(p, "thumbnail_url"), text(p, "content_type"), {}, {}});
  for (const auto& u : list(doc, "updates")) {
    JobHistoryEntry entry;
    entry.update_id = text(u, "update_id");
    entry.version = whole(u, "version");
    entry.status = text(u, "status");
    entry.updated_datetime = text(u, "updated_datetime");
    entry.sent_at = text(u, "sent_at");
    entry.description = text(u, "description");
    entry.private_note = text(u, "private_note");
    entry.applied = flag(u, "applied", true);
    entry.staff = text(u, "staff");
    job.updates.push_back(std::move(entry));
  }
  if (job.service_request_id.empty()) throw json::other_error::create(501, "a job without an id", &doc);
  return job;
}

}  // namespace

Job read_job(const std::string& document) { return job_from(json::parse(document)); }

JobsPage read_jobs_page(const std::string& body) {
  const auto parsed = json::parse(body);
  const json& doc = parsed.is_array() && !parsed.empty() ? parsed[0] : parsed;
  if (!doc.is_object()) throw json::type_error::create(302, "a jobs page must be an object", &doc);
  JobsPage page;
  page.cursor = text(doc, "cursor");
  page.more = flag(doc, "more", false);
  page.full = flag(doc, "full", false);
  for (const auto& job : list(doc, "jobs")) page.jobs.emplace_back(job_from(job), job.dump());
  for (const auto& removal : list(doc, "removals"))
    page.removals.push_back({text(removal, "service_request_id"), text(removal, "reason")});
  return page;
}

std::vector<NearbyCase> read_nearby_cases(const std::string& body) {
  const auto doc = json::parse(body);
  if (!doc.is_array()) throw json::type_error::create(302, "expected a list of requests", &doc);
  std::vector<NearbyCase> out;
  for (const auto& item : doc) {
    const auto lat = number(item, "lat");
    const auto lon = number(item, "long");
    if (!lat || !lon) continue;  // a case known only by its address cannot be placed
    NearbyCase c;
    c.service_request_id = text(item, "service_request_id");
    c.service_code = text(item, "service_code");
    c.status = text(item, "extended_status");
    if (c.status.empty()) c.status = text(item, "status");
    c.description = text(item, "description");
    c.requested_at = text(item, "requested_datetime");
    c.lat = *lat;
    c.lon = *lon;
    c.distance_m = number(item, "distance").value_or(0);
    c.supporters = whole(item, "supporters").value_or(0);
    out.push_back(std::move(c));
  }
  return out;
}

UpdateAnswer read_update_answer(const std::string& body) {
  const auto parsed = json::parse(body);
  const json& item = parsed.is_array() && !parsed.empty() ? parsed[0] : parsed;
  if (!item.is_object() || text(item, "update_id").empty())
    throw json::other_error::create(501, "an update answer without an update_id", &item);
  UpdateAnswer out;
  out.applied = flag(item, "applied", true) && !flag(item, "needs_review", false);
  out.version = whole(item, "version");
  return out;
}

}  // namespace oneservice::sync
