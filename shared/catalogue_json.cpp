#include "shared/catalogue_json.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "shared/text.h"

namespace oneservice {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw FormatError("The catalogue is not usable: " + where + " " + what);
}

std::string get_string(const json& object, const char* key, const std::string& where,
                       bool required = false) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) {
    if (required) fail(where, std::string("has no \"") + key + "\".");
    return {};
  }
  if (!found->is_string()) fail(where + "." + key, "must be text.");
  const auto value = found->get<std::string>();
  if (!is_valid_utf8(value)) fail(where + "." + key, "is not valid UTF-8.");
  return value;
}

bool get_bool(const json& object, const char* key, const std::string& where, bool fallback) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return fallback;
  if (!found->is_boolean()) fail(where + "." + key, "must be true or false.");
  return found->get<bool>();
}

std::optional<double> get_number(const json& object, const char* key, const std::string& where) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return std::nullopt;
  if (!found->is_number()) fail(where + "." + key, "must be a number.");
  return found->get<double>();
}

// A position or a length: a whole number an int holds. Casting the double
// instead was undefined behaviour for 1e300 (found by fuzz/catalogue_json)
// and quietly took 2.5 as 2.
std::optional<int> get_whole_number(const json& object, const char* key, const std::string& where) {
  const auto number = get_number(object, key, where);
  if (!number) return std::nullopt;
  if (!(*number >= std::numeric_limits<int>::min() && *number <= std::numeric_limits<int>::max()) ||
      std::trunc(*number) != *number)
    fail(where + "." + key, "must be a whole number.");
  return static_cast<int>(*number);
}

const json& get_array(const json& object, const char* key, const std::string& where) {
  static const json empty = json::array();
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return empty;
  if (!found->is_array()) fail(where + "." + key, "must be a list.");
  return *found;
}

Datatype parse_datatype(const std::string& text, const std::string& where) {
  if (text == "string") return Datatype::String;
  if (text == "number") return Datatype::Number;
  if (text == "datetime") return Datatype::Datetime;
  if (text == "text") return Datatype::Text;
  if (text == "singlevaluelist") return Datatype::SingleValueList;
  if (text == "multivaluelist") return Datatype::MultiValueList;
  fail(where, "has datatype \"" + text +
                  "\"; use string, number, datetime, text, singlevaluelist or multivaluelist.");
}

std::vector<Condition> parse_conditions(const json& list, const std::string& where) {
  std::vector<Condition> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto here = where + "[" + std::to_string(i) + "]";
    if (!list[i].is_object()) fail(here, "must be an object with code and any_of.");
    Condition condition;
    condition.code = get_string(list[i], "code", here, true);
    for (const auto& value : get_array(list[i], "any_of", here)) {
      if (!value.is_string()) fail(here + ".any_of", "must list text values.");
      condition.any_of.push_back(value.get<std::string>());
    }
    out.push_back(std::move(condition));
  }
  return out;
}

Attribute parse_attribute(const json& node, const std::string& where) {
  if (!node.is_object()) fail(where, "must be an object.");
  Attribute a;
  a.variable = get_bool(node, "variable", where, true);
  a.code = get_string(node, "code", where, true);
  a.datatype = parse_datatype(get_string(node, "datatype", where, true), where);
  a.required = get_bool(node, "required", where, false);
  if (const auto order = get_whole_number(node, "order", where)) a.order = *order;
  a.description = get_string(node, "description", where, true);
  a.datatype_description = get_string(node, "datatype_description", where);
  for (const auto& value : get_array(node, "values", where)) {
    if (!value.is_object()) fail(where + ".values", "must hold {key, name} objects.");
    ValueOption option;
    // Open311 servers send keys as numbers as often as text.
    const auto key = value.find("key");
    if (key == value.end()) fail(where + ".values", "has a value with no key.");
    option.key = key->is_string() ? key->get<std::string>() : key->dump();
    option.name = get_string(value, "name", where + ".values", true);
    a.values.push_back(std::move(option));
  }
  a.summary = get_string(node, "summary", where);
  a.error_noun = get_string(node, "error_noun", where);
  a.hint = get_string(node, "hint", where);
  const auto automated = get_string(node, "automated", where);
  if (automated == "server_set") a.automated = Automation::ServerSet;
  else if (automated == "hidden_field") a.automated = Automation::HiddenField;
  else if (!automated.empty()) fail(where + ".automated", "must be server_set or hidden_field.");
  const auto input = get_string(node, "input", where);
  if (input == "email") a.input = InputKind::Email;
  else if (input == "phone") a.input = InputKind::Phone;
  else if (input == "postcode") a.input = InputKind::Postcode;
  else if (!input.empty() && input != "text") fail(where + ".input", "must be text, email, phone or postcode.");
  a.shown_when = parse_conditions(get_array(node, "shown_when", where), where + ".shown_when");
  a.min = get_number(node, "min", where);
  a.max = get_number(node, "max", where);
  a.integer = get_bool(node, "integer", where, false);
  if (const auto length = get_whole_number(node, "max_length", where)) {
    if (*length < 1) fail(where + ".max_length", "must be 1 or more.");
    a.max_length = static_cast<std::size_t>(*length);
  }
  a.not_in_future = get_bool(node, "not_in_future", where, false);
  const bool is_list = a.datatype == Datatype::SingleValueList || a.datatype == Datatype::MultiValueList;
  if (is_list && a.variable && a.values.empty()) fail(where, "is a list question with no values.");
  return a;
}

// Conditions may only look at earlier questions: the kiosk asks in order, so
// a condition on a later answer could never be decided when it is needed.
void check_conditions(const Service& service, const std::vector<Condition>& conditions,
                      int order, const std::string& where) {
  for (const auto& condition : conditions) {
    const auto* target = service.find_attribute(condition.code);
    if (!target) fail(where, "refers to \"" + condition.code + "\", which is not a question of this service.");
    if (target->order >= order) fail(where, "refers to \"" + condition.code + "\", which is not asked earlier.");
    for (const auto& key : condition.any_of)
      if (!target->values.empty() && !target->find_value(key))
        fail(where, "refers to \"" + key + "\", which is not a value of \"" + condition.code + "\".");
  }
}

ResponsibleLevel responsible_level(const std::string& text, const std::string& where) {
  const auto level = parse_responsible_level(text);
  if (!level) fail(where, "must be county, district or parish.");
  return *level;
}

Service parse_service(const json& node, const std::string& where) {
  if (!node.is_object()) fail(where, "must be an object.");
  Service s;
  s.service_code = get_string(node, "service_code", where, true);
  const auto here = "service \"" + s.service_code + "\"";
  s.service_name = get_string(node, "service_name", here, true);
  s.description = get_string(node, "description", here);
  s.group = get_string(node, "group", here);
  for (const auto& keyword : get_array(node, "keywords", here))
    if (keyword.is_string()) s.keywords.push_back(keyword.get<std::string>());
  s.metadata = get_bool(node, "metadata", here, false);
  if (const auto type = get_string(node, "type", here); !type.empty()) {
    const auto parsed = parse_service_type(type);
    if (!parsed) fail(here + ".type", "must be realtime, batch or blackbox.");
    s.type = *parsed;
  }
  if (const auto level = get_string(node, "responsible", here); !level.empty())
    s.responsible = responsible_level(level, here + ".responsible");
  s.location_question = get_string(node, "location_question", here);
  s.location_hint = get_string(node, "location_hint", here);
  s.submit_label = get_string(node, "submit_label", here);
  s.next_steps = get_string(node, "next_steps", here);
  const auto& attributes = get_array(node, "attributes", here);
  std::set<std::string> codes;
  for (std::size_t i = 0; i < attributes.size(); ++i) {
    auto attribute = parse_attribute(attributes[i], here + ".attributes[" + std::to_string(i) + "]");
    if (!codes.insert(attribute.code).second)
      fail(here, "has two questions with the code \"" + attribute.code + "\".");
    s.attributes.push_back(std::move(attribute));
  }
  std::stable_sort(s.attributes.begin(), s.attributes.end(),
                   [](const Attribute& a, const Attribute& b) { return a.order < b.order; });
  for (const auto& attribute : s.attributes)
    check_conditions(s, attribute.shown_when, attribute.order,
                     here + " question \"" + attribute.code + "\" shown_when");
  const auto& rules = get_array(node, "routing", here);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto rule_where = here + ".routing[" + std::to_string(i) + "]";
    if (!rules[i].is_object()) fail(rule_where, "must be an object.");
    RoutingRule rule;
    rule.when = parse_conditions(get_array(rules[i], "when", rule_where), rule_where + ".when");
    rule.responsible = responsible_level(get_string(rules[i], "responsible", rule_where, true),
                                         rule_where + ".responsible");
    check_conditions(s, rule.when, 1 << 30, rule_where);
    s.routing.push_back(std::move(rule));
  }
  return s;
}

}  // namespace

std::string to_string(Datatype datatype) {
  switch (datatype) {
    case Datatype::String: return "string";
    case Datatype::Number: return "number";
    case Datatype::Datetime: return "datetime";
    case Datatype::Text: return "text";
    case Datatype::SingleValueList: return "singlevaluelist";
    case Datatype::MultiValueList: return "multivaluelist";
  }
  return "string";
}

Catalogue parse_catalogue(std::string_view json_text) {
  json root;
  try {
    root = json::parse(json_text);
  } catch (const json::exception& error) {
    // Not only parse_error: a number too large for a double (1e400) is an
    // out_of_range, which escaped as a crash (found by fuzz/catalogue_json).
    throw FormatError(std::string("The catalogue is not valid JSON: ") + error.what());
  }
  if (!root.is_object()) fail("document", "must be a JSON object.");
  Catalogue catalogue;
  catalogue.changeset = get_string(root, "changeset", "document", true);
  if (const auto council = root.find("council"); council != root.end() && council->is_object()) {
    catalogue.council_name = get_string(*council, "name", "council");
    catalogue.tracking_url = get_string(*council, "tracking_url", "council");
  }
  const auto& services = get_array(root, "services", "document");
  std::set<std::string> codes;
  for (std::size_t i = 0; i < services.size(); ++i) {
    auto service = parse_service(services[i], "services[" + std::to_string(i) + "]");
    if (!codes.insert(service.service_code).second)
      fail("document", "has two services with the code \"" + service.service_code + "\".");
    catalogue.services.push_back(std::move(service));
  }
  if (catalogue.services.empty()) fail("document", "has no services.");
  return catalogue;
}

Catalogue load_catalogue_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FormatError("Cannot open the catalogue file " + path + ". Check that it exists and can be read.");
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return parse_catalogue(text.str());
  } catch (const FormatError& error) {
    throw FormatError(path + ": " + error.what());
  }
}

}  // namespace oneservice
