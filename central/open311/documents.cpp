#include "central/open311/documents.h"

#include <cmath>

#include "shared/catalogue_json.h"

namespace oneservice::central::open311 {
namespace {

using nlohmann::json;

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

json conditions(const std::vector<Condition>& list) {
  json out = json::array();
  for (const auto& condition : list) out.push_back({{"code", condition.code}, {"any_of", condition.any_of}});
  return out;
}

json attribute_document(const Attribute& a) {
  json values = json::array();
  for (const auto& option : a.values) values.push_back({{"key", option.key}, {"name", option.name}});
  json out = {{"variable", a.variable},
              {"code", a.code},
              {"datatype", to_string(a.datatype)},
              {"required", a.required},
              {"datatype_description", a.datatype_description},
              {"order", a.order},
              {"description", a.description},
              {"values", values}};
  if (!a.summary.empty()) out["summary"] = a.summary;
  if (!a.error_noun.empty()) out["error_noun"] = a.error_noun;
  if (!a.hint.empty()) out["hint"] = a.hint;
  if (a.automated == Automation::ServerSet) out["automated"] = "server_set";
  if (a.automated == Automation::HiddenField) out["automated"] = "hidden_field";
  if (a.input == InputKind::Email) out["input"] = "email";
  if (a.input == InputKind::Phone) out["input"] = "phone";
  if (a.input == InputKind::Postcode) out["input"] = "postcode";
  if (!a.shown_when.empty()) out["shown_when"] = conditions(a.shown_when);
  if (a.min) out["min"] = *a.min;
  if (a.max) out["max"] = *a.max;
  if (a.integer) out["integer"] = true;
  if (a.max_length) out["max_length"] = *a.max_length;
  if (a.not_in_future) out["not_in_future"] = true;
  return out;
}

}  // namespace

std::vector<std::string> media_links(const std::vector<MediaFile>& files, const std::vector<std::string>& urls,
                                     const std::string& media_base) {
  std::vector<std::string> out;
  for (const auto& file : files) out.push_back(media_base + file.file_name);
  out.insert(out.end(), urls.begin(), urls.end());
  return out;
}

json services_document(const Catalogue& catalogue) {
  json out = json::array();
  for (const auto& s : catalogue.services)
    out.push_back({{"service_code", s.service_code},
                   {"service_name", s.service_name},
                   {"description", s.description},
                   {"metadata", s.metadata},
                   {"type", to_string(s.type)},
                   {"keywords", join(s.keywords)},
                   {"group", s.group}});
  return out;
}

json definition_document(const Service& service) {
  json attributes = json::array();
  for (const auto& attribute : service.attributes) attributes.push_back(attribute_document(attribute));
  json out = {{"service_code", service.service_code}, {"attributes", attributes}};
  // The service-level extensions, so a device can rebuild the whole
  // catalogue from Open311 endpoints alone.
  if (service.responsible) out["responsible"] = to_string(*service.responsible);
  if (!service.routing.empty()) {
    json rules = json::array();
    for (const auto& rule : service.routing) rules.push_back({{"when", conditions(rule.when)}, {"responsible", to_string(rule.responsible)}});
    out["routing"] = rules;
  }
  if (!service.location_question.empty()) out["location_question"] = service.location_question;
  if (!service.location_hint.empty()) out["location_hint"] = service.location_hint;
  if (!service.submit_label.empty()) out["submit_label"] = service.submit_label;
  if (!service.next_steps.empty()) out["next_steps"] = service.next_steps;
  return out;
}

json request_document(const CaseRecord& r, const Catalogue& catalogue, const std::string& media_base) {
  const auto* service = catalogue.find_service(r.service_code);
  const auto links = media_links(r.media, r.media_urls, media_base);
  json out = {{"service_request_id", r.service_request_id},
              {"status", is_open(r.status) ? "open" : "closed"},
              {"extended_status", std::string(to_string(r.status))},
              {"status_notes", r.status_notes},
              {"service_name", service ? service->service_name : r.service_code},
              {"service_code", r.service_code},
              {"description", r.description},
              {"agency_responsible", r.agency_responsible},
              {"service_notice", r.service_notice},
              {"requested_datetime", r.requested_datetime},
              {"updated_datetime", r.updated_datetime},
              {"expected_datetime", ""},
              {"address", r.address},
              {"address_id", ""},
              {"zipcode", ""},
              {"lat", r.lat ? json(*r.lat) : json("")},
              {"long", r.lon ? json(*r.lon) : json("")},
              {"media_url", links.empty() ? "" : links.front()},
              {"media_urls", links},
              {"channel", r.channel}};
  out["supporters"] = r.supporters;
  if (r.distance_m) out["distance"] = static_cast<std::int64_t>(std::lround(*r.distance_m));
  if (!r.token.empty()) out["token"] = r.token;
  return out;
}

json update_document(const CaseUpdate& u, const std::string& media_base) {
  const auto links = media_links(u.media, u.media_urls, media_base);
  return {{"update_id", std::to_string(u.update_id)},
          {"service_request_id", u.service_request_id},
          {"status", std::string(to_string(u.status))},
          {"updated_datetime", u.updated_datetime},
          {"description", u.description},
          {"media_url", links.empty() ? "" : links.front()}};
}

json errors_document(const std::vector<Error>& errors) {
  json out = json::array();
  for (const auto& error : errors) out.push_back({{"code", error.code}, {"description", error.description}});
  return out;
}

json discovery_document(const Catalogue& catalogue, const std::string& base_url) {
  return {{"changeset", catalogue.changeset},
          {"contact", catalogue.council_name},
          {"key_service", "Ask the council for a device key: oneservice-central key add"},
          {"endpoints",
           json::array({{{"specification", "http://wiki.open311.org/GeoReport_v2"},
                         {"url", base_url + "/open311/v2"},
                         {"changeset", catalogue.changeset},
                         {"type", "production"},
                         {"formats", json::array({"text/xml", "application/json"})}}})}};
}

}  // namespace oneservice::central::open311
