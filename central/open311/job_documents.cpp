#include "central/open311/job_documents.h"

#include <algorithm>

namespace oneservice::central::open311 {
namespace {

using nlohmann::json;

json photos(const std::vector<MediaFile>& media, const std::string& media_base) {
  json out = json::array();
  for (const auto& file : media)
    out.push_back({{"url", media_base + file.file_name},
                   {"thumbnail_url", media_base + file.file_name + "?size=thumb"},
                   {"content_type", file.content_type}});
  return out;
}

std::string answer_text(const json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

json answer_values(const json& given, const Attribute* attribute) {
  json out = json::array();
  const auto add = [&](const json& value) {
    const auto key = answer_text(value);
    const auto* option = attribute ? attribute->find_value(key) : nullptr;
    out.push_back({{"key", key}, {"name", option ? option->name : key}});
  };
  if (given.is_array())
    for (const auto& value : given) add(value);
  else
    add(given);
  return out;
}

// The answers in the service's question order, each with its question and
// the chosen options' names; answers to questions the catalogue no longer
// has come last, with no question.
json answers(const CaseRecord& record, const Catalogue& catalogue) {
  json out = json::array();
  const auto request = json::parse(record.request_json, nullptr, false);
  if (!request.is_object() || !request.contains("answers") || !request.at("answers").is_object()) return out;
  const auto& given = request.at("answers");
  const auto* service = catalogue.find_service(record.service_code);
  std::vector<std::string> done;
  if (service)
    for (const auto& attribute : service->attributes) {
      if (!given.contains(attribute.code)) continue;
      out.push_back({{"code", attribute.code},
                     {"question", attribute.description},
                     {"values", answer_values(given.at(attribute.code), &attribute)}});
      done.push_back(attribute.code);
    }
  for (const auto& [code, value] : given.items())
    if (std::find(done.begin(), done.end(), code) == done.end())
      out.push_back({{"code", code}, {"question", ""}, {"values", answer_values(value, nullptr)}});
  return out;
}

json history_entry(const CaseUpdate& update, const Job& job, const std::string& media_base) {
  const auto author = job.staff_names.find(update.staff_id);
  const auto version = job.update_versions.find(update.update_id);
  return {{"update_id", std::to_string(update.update_id)},
          {"version", version == job.update_versions.end() ? json("") : json(version->second)},
          {"status", std::string(to_string(update.status))},
          {"updated_datetime", update.updated_datetime},
          {"sent_at", update.sent_at},
          {"description", update.description},
          {"private_note", update.private_note},
          {"applied", update.applied},
          {"staff", author == job.staff_names.end() ? "" : author->second},
          {"photos", photos(update.media, media_base)},
          {"media_urls", update.media_urls}};
}

}  // namespace

json job_document(const Job& job, const Catalogue& catalogue, const std::string& media_base) {
  const auto& r = job.record;
  const auto* service = catalogue.find_service(r.service_code);
  json history = json::array();
  for (const auto& update : job.history) history.push_back(history_entry(update, job, media_base));
  return {{"service_request_id", r.service_request_id},
          {"version", r.version},
          {"status", std::string(to_string(r.status))},
          {"service_code", r.service_code},
          {"service_name", service ? service->service_name : r.service_code},
          {"description", r.description},
          {"address", r.address},
          {"lat", r.lat ? json(*r.lat) : json("")},
          {"long", r.lon ? json(*r.lon) : json("")},
          {"requested_datetime", r.requested_datetime},
          {"updated_datetime", r.updated_datetime},
          {"assigned_at", job.assigned_at},
          {"agency_responsible", r.agency_responsible},
          {"answers", answers(r, catalogue)},
          {"photos", photos(r.media, media_base)},
          {"media_urls", r.media_urls},
          {"updates", history}};
}

json jobs_page_document(const JobsPage& page, const Catalogue& catalogue, const std::string& media_base) {
  json jobs = json::array();
  for (const auto& job : page.jobs) jobs.push_back(job_document(job, catalogue, media_base));
  json removals = json::array();
  for (const auto& removal : page.removed)
    removals.push_back({{"service_request_id", removal.service_request_id}, {"reason", to_string(removal.reason)}});
  // The cursor is text: a device keeps it as given and sends it back.
  return {{"cursor", std::to_string(page.cursor)},
          {"more", page.more},
          {"full", page.full},
          {"jobs", jobs},
          {"removals", removals}};
}

json assignment_document(const AssignResult& result) {
  return {{"service_request_id", result.service_request_id},
          {"officer", result.officer},
          {"assigned_at", result.assigned_at},
          {"version", result.version},
          {"changed", result.outcome == AssignOutcome::Assigned}};
}

json unassignment_document(const UnassignResult& result) {
  return {{"service_request_id", result.service_request_id},
          {"officer", ""},
          {"version", result.version},
          {"changed", result.outcome == UnassignOutcome::Unassigned}};
}

json flagged_document(const std::vector<FlaggedCase>& cases) {
  json out = json::array();
  for (const auto& flagged : cases)
    out.push_back({{"service_request_id", flagged.record.service_request_id},
                   {"version", flagged.record.version},
                   {"status", std::string(to_string(flagged.record.status))},
                   {"review_reason", flagged.record.review_reason},
                   {"officer", flagged.officer},
                   {"updated_datetime", flagged.record.updated_datetime}});
  return out;
}

}  // namespace oneservice::central::open311
