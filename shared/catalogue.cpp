#include "shared/catalogue.h"

#include <algorithm>

#include "shared/enum_words.h"

namespace oneservice {

namespace {

struct TypeWord {
  ServiceType value;
  std::string_view word;
};
constexpr TypeWord kServiceTypes[] = {
    {ServiceType::Realtime, "realtime"}, {ServiceType::Batch, "batch"}, {ServiceType::Blackbox, "blackbox"}};

struct LevelWord {
  ResponsibleLevel value;
  std::string_view word;
};
constexpr LevelWord kLevels[] = {
    {ResponsibleLevel::County, "county"}, {ResponsibleLevel::District, "district"}, {ResponsibleLevel::Parish, "parish"}};

}  // namespace

std::string to_string(ServiceType type) { return std::string(word_for(kServiceTypes, type)); }
std::optional<ServiceType> parse_service_type(std::string_view text) { return value_for(kServiceTypes, text); }
std::string to_string(ResponsibleLevel level) { return std::string(word_for(kLevels, level)); }
std::optional<ResponsibleLevel> parse_responsible_level(std::string_view text) { return value_for(kLevels, text); }

const ValueOption* Attribute::find_value(const std::string& key) const {
  for (const auto& option : values)
    if (option.key == key) return &option;
  return nullptr;
}

const Attribute* Service::find_attribute(const std::string& code) const {
  for (const auto& attribute : attributes)
    if (attribute.code == code) return &attribute;
  return nullptr;
}

const Service* Catalogue::find_service(const std::string& code) const {
  for (const auto& service : services)
    if (service.service_code == code) return &service;
  return nullptr;
}

std::vector<std::string> Catalogue::groups() const {
  std::vector<std::string> out;
  for (const auto& service : services)
    if (std::find(out.begin(), out.end(), service.group) == out.end()) out.push_back(service.group);
  return out;
}

bool conditions_hold(const std::vector<Condition>& conditions, const Answers& answers) {
  for (const auto& condition : conditions) {
    const auto found = answers.find(condition.code);
    if (found == answers.end()) return false;
    const auto chosen = answer_as_list(found->second);
    const bool any = std::any_of(chosen.begin(), chosen.end(), [&](const std::string& value) {
      return std::find(condition.any_of.begin(), condition.any_of.end(), value) !=
             condition.any_of.end();
    });
    if (!any) return false;
  }
  return true;
}

std::vector<const Attribute*> visible_attributes(const Service& service, const Answers& answers) {
  std::vector<const Attribute*> out;
  for (const auto& attribute : service.attributes) {
    if (attribute.automated != Automation::None) continue;
    if (!conditions_hold(attribute.shown_when, answers)) continue;
    out.push_back(&attribute);
  }
  return out;
}

bool asks_resident(const Attribute& attribute, const Answers& answers) {
  return attribute.variable && attribute.automated == Automation::None &&
         conditions_hold(attribute.shown_when, answers);
}

Answers prune_answers(const Service& service, const Answers& answers) {
  // Walk in question order, judging each condition against the answers kept
  // so far: conditions only look backwards, so a dropped answer correctly
  // hides every question that depended on it.
  Answers kept;
  for (const auto& attribute : service.attributes) {
    const auto found = answers.find(attribute.code);
    if (found == answers.end()) continue;
    const bool device_field = attribute.automated == Automation::HiddenField;
    if (device_field || asks_resident(attribute, kept)) kept.emplace(found->first, found->second);
  }
  return kept;
}

}  // namespace oneservice
