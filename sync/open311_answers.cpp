#include "sync/open311_answers.h"

namespace oneservice::sync {
namespace {

using nlohmann::json;

json keywords_list(const json& value) {
  json out = json::array();
  if (value.is_array()) return value;
  if (!value.is_string()) return out;
  std::string item;
  for (const char c : value.get<std::string>() + ",") {
    if (c == ',') {
      if (!item.empty()) out.push_back(item);
      item.clear();
    } else if (c != ' ' || !item.empty()) {
      item += c;
    }
  }
  return out;
}

}  // namespace

std::string read_discovery_changeset(const std::string& body) {
  return json::parse(body).at("changeset").get<std::string>();
}

std::string prepare_service(json& service) {
  service.erase("attributes");
  const std::string code = service.at("service_code").get<std::string>();
  service["keywords"] = keywords_list(service.value("keywords", json()));
  return code;
}

void add_definition(json& service, const std::string& body) {
  // Named, not a temporary: items() refers to the document, and a
  // temporary in a range-for initialiser's call chain dies before the loop.
  const auto definition = json::parse(body);
  for (const auto& [key, value] : definition.items())
    if (key != "service_code") service[key] = value;
}

std::vector<StatusUpdate> read_status_updates(const std::string& body) {
  const auto page = json::parse(body);
  std::vector<StatusUpdate> out;
  for (const auto& item : page) {
    StatusUpdate update;
    update.update_id = item.at("update_id").is_string() ? item["update_id"].get<std::string>() : item["update_id"].dump();
    update.service_request_id = item.at("service_request_id").get<std::string>();
    update.status = item.value("status", "");
    update.updated_datetime = item.value("updated_datetime", "");
    update.description = item.value("description", "");
    out.push_back(std::move(update));
  }
  return out;
}

std::string read_token_answer(const std::string& body) {
  const auto doc = json::parse(body);
  const auto& first = doc.is_array() && !doc.empty() ? doc[0] : doc;
  if (!first.is_object() || !first.contains("service_request_id")) return {};
  const auto& id = first["service_request_id"];
  const std::string reference = id.is_string() ? id.get<std::string>() : id.dump();
  return reference == "null" ? std::string() : reference;
}

}  // namespace oneservice::sync
