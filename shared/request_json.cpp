#include "shared/request_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace oneservice {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw FormatError("The request cannot be read: " + where + " " + what);
}

std::string text_field(const json& object, const char* key, const std::string& where) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return {};
  if (!found->is_string()) fail(where + key, "must be text in quotes.");
  return found->get<std::string>();
}

std::optional<double> number_field(const json& object, const char* key, const std::string& where) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return std::nullopt;
  if (found->is_number()) return found->get<double>();
  // Form posts and hand-written files often quote coordinates.
  if (found->is_string()) {
    const auto text = found->get<std::string>();
    try {
      std::size_t used = 0;
      const double value = std::stod(text, &used);
      if (used == text.size() && std::isfinite(value)) return value;  // not "nan" or "inf"
    } catch (const std::exception&) {
    }
  }
  fail(where + key, "must be a number.");
}

const json* object_field(const json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return nullptr;
  if (!found->is_object()) fail(key, "must be an object.");
  return &*found;
}

Answers parse_answers(const json& node) {
  Answers answers;
  for (const auto& [code, value] : node.items()) {
    const auto where = "answers." + code;
    if (value.is_string()) {
      answers.emplace(code, value.get<std::string>());
    } else if (value.is_number()) {
      answers.emplace(code, value.dump());  // 12 -> "12": answers are text on the wire
    } else if (value.is_array()) {
      std::vector<std::string> items;
      for (const auto& item : value) {
        if (!item.is_string()) fail(where, "must be a list of text values.");
        items.push_back(item.get<std::string>());
      }
      answers.emplace(code, std::move(items));
    } else {
      fail(where, "must be text or a list of text values.");
    }
  }
  return answers;
}

}  // namespace

std::string request_to_json(const ServiceRequest& request) {
  json answers = json::object();
  for (const auto& [code, value] : request.answers) {
    if (const auto* text = std::get_if<std::string>(&value)) answers[code] = *text;
    else answers[code] = std::get<std::vector<std::string>>(value);
  }
  json location = json::object();
  if (request.location.lat) location["lat"] = *request.location.lat;
  if (request.location.lon) location["long"] = *request.location.lon;
  if (!request.location.address_string.empty())
    location["address_string"] = request.location.address_string;
  // Written only when said: older bodies stay byte for byte as they were.
  if (request.location.source) location["source"] = to_string(*request.location.source);
  if (request.location.accuracy_m) location["accuracy_m"] = *request.location.accuracy_m;
  json out = {
      {"client_id", request.client_id},
      {"service_code", request.service_code},
      {"catalogue_version", request.catalogue_version},
      {"answers", answers},
      {"location", location},
      {"description", request.description},
      {"channel", to_string(request.channel)},
      {"created_at", request.created_at},
  };
  // Written only when said, so a request made before these fields existed
  // has the same canonical body (exactly once) as it always had.
  if (request.reported_for) out["reported_for"] = to_string(*request.reported_for);
  if (request.assisted_via) out["assisted_via"] = to_string(*request.assisted_via);
  if (!request.language.empty()) out["language"] = request.language;
  if (!request.contact.empty()) {
    out["contact"] = {{"first_name", request.contact.first_name},
                      {"last_name", request.contact.last_name},
                      {"email", request.contact.email},
                      {"phone", request.contact.phone}};
  }
  // Replace rather than throw on bad UTF-8: nothing a resident typed may be
  // lost because of one odd byte; validation reports it separately.
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

ServiceRequest request_from_json(std::string_view json_text) {
  json root;
  try {
    root = json::parse(json_text);
  } catch (const json::parse_error& error) {
    // Only the position: the parser's own message quotes the text around the
    // fault, which may be what a resident typed, and this message is logged.
    std::size_t line = 1, column = 0;
    for (std::size_t i = 0; i < error.byte && i < json_text.size(); ++i) {
      column = json_text[i] == '\n' ? 0 : column + 1;
      line += json_text[i] == '\n' ? 1 : 0;
    }
    const bool encoding = std::string(error.what()).find("UTF-8") != std::string::npos;
    throw FormatError("The request is not valid JSON: the problem is at line " + std::to_string(line) +
                      ", column " + std::to_string(column) +
                      (encoding ? ". Text must be UTF-8: save the file as UTF-8."
                                : ". Check for a missing comma, quote or bracket."));
  } catch (const json::out_of_range&) {
    // A number too large for a double (1e400) escaped as a crash (found by
    // fuzz/request_json). Not the parser's words: they quote the number.
    throw FormatError("The request is not valid JSON: a number in it is too large.");
  }
  if (!root.is_object()) throw FormatError("The request must be a JSON object: {\"service_code\": ..., \"answers\": {...}}.");
  ServiceRequest request;
  request.client_id = text_field(root, "client_id", "");
  request.service_code = text_field(root, "service_code", "");
  request.catalogue_version = text_field(root, "catalogue_version", "");
  request.description = text_field(root, "description", "");
  request.created_at = text_field(root, "created_at", "");
  if (const auto* answers = object_field(root, "answers")) request.answers = parse_answers(*answers);
  if (const auto* location = object_field(root, "location")) {
    request.location.lat = number_field(*location, "lat", "location.");
    request.location.lon = number_field(*location, "long", "location.");
    request.location.address_string = text_field(*location, "address_string", "location.");
    const auto source = text_field(*location, "source", "location.");
    if (!source.empty()) {
      request.location.source = parse_location_source(source);
      if (!request.location.source) fail("location.source", "must be gps, photo, map or words.");
    }
    request.location.accuracy_m = number_field(*location, "accuracy_m", "location.");
  }
  if (const auto* contact = object_field(root, "contact")) {
    request.contact.first_name = text_field(*contact, "first_name", "contact.");
    request.contact.last_name = text_field(*contact, "last_name", "contact.");
    request.contact.email = text_field(*contact, "email", "contact.");
    request.contact.phone = text_field(*contact, "phone", "contact.");
  }
  const auto channel = text_field(root, "channel", "");
  if (!channel.empty()) {
    const auto parsed = parse_channel(channel);
    if (!parsed) fail("channel", std::string("must be ") + kChannelNames + ".");
    request.channel = *parsed;
  }
  const auto reported_for = text_field(root, "reported_for", "");
  if (!reported_for.empty()) {
    request.reported_for = parse_reported_for(reported_for);
    if (!request.reported_for) fail("reported_for", "must be resident or anonymous.");
  }
  const auto assisted_via = text_field(root, "assisted_via", "");
  if (!assisted_via.empty()) {
    request.assisted_via = parse_assisted_via(assisted_via);
    if (!request.assisted_via) fail("assisted_via", "must be phone or in_person.");
  }
  request.language = text_field(root, "language", "");
  if (!request.language.empty() && !valid_language_tag(request.language))
    fail("language", "must be a language tag such as cy or en.");
  return request;
}

}  // namespace oneservice
