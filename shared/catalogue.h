#pragma once
// The Open311 GeoReport v2 service catalogue (GET services and GET
// services/{code}) plus the extensions the council needs; README lists them.
// Plain data: loading lives in catalogue_json.h, rules in validation.h.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/answers.h"

namespace oneservice {

enum class Datatype { String, Number, Datetime, Text, SingleValueList, MultiValueList };

// Open311 UK extension ("automated"): server_set attributes are filled by the
// back end and never shown or sent; hidden_field ones are carried, not shown.
enum class Automation { None, ServerSet, HiddenField };

// Input hint for string questions, so a screen keyboard can offer @ and . for
// email, digits for phone numbers, and validation can check the shape.
enum class InputKind { Text, Email, Phone, Postcode };

// Open311 service types: a realtime service answers a request with its
// service_request_id, a batch one with a token; blackbox gives no updates.
enum class ServiceType { Realtime, Batch, Blackbox };
std::string to_string(ServiceType type);
std::optional<ServiceType> parse_service_type(std::string_view text);  // "realtime" ...

// The tier of local government that deals with a request.
enum class ResponsibleLevel { County, District, Parish };
std::string to_string(ResponsibleLevel level);
std::optional<ResponsibleLevel> parse_responsible_level(std::string_view text);  // "county" ...

struct ValueOption {
  std::string key;
  std::string name;
};

// "Shown only when an earlier answer is one of these keys."
struct Condition {
  std::string code;
  std::vector<std::string> any_of;
};

struct Attribute {
  bool variable = true;  // false: information only, never answered
  std::string code;
  Datatype datatype = Datatype::String;
  bool required = false;
  int order = 0;
  std::string description;  // the question, as shown
  std::string datatype_description;
  std::vector<ValueOption> values;

  // Extensions.
  std::string summary;     // short label: check-answers row, error messages
  std::string error_noun;  // completes "Enter ..." / "Select ..."
  std::string hint;
  Automation automated = Automation::None;
  InputKind input = InputKind::Text;
  std::vector<Condition> shown_when;  // all must hold
  std::optional<double> min;
  std::optional<double> max;
  bool integer = false;
  std::optional<std::size_t> max_length;  // in characters, not bytes
  bool not_in_future = false;

  // The label used in messages and on the check page.
  const std::string& label() const { return summary.empty() ? description : summary; }
  const ValueOption* find_value(const std::string& key) const;
};

struct RoutingRule {
  std::vector<Condition> when;
  ResponsibleLevel responsible = ResponsibleLevel::County;
};

struct Service {
  std::string service_code;
  std::string service_name;
  std::string description;
  std::string group;
  std::vector<std::string> keywords;
  bool metadata = false;
  ServiceType type = ServiceType::Realtime;
  std::vector<Attribute> attributes;  // sorted by order

  // Extensions.
  std::optional<ResponsibleLevel> responsible;  // none: the county
  std::vector<RoutingRule> routing;
  std::string location_question;
  std::string location_hint;
  std::string submit_label;
  std::string next_steps;

  const Attribute* find_attribute(const std::string& code) const;
};

struct Catalogue {
  std::string changeset;  // Open311 discovery changeset: the catalogue version
  std::string council_name;
  std::string tracking_url;  // "{reference}" is replaced
  std::vector<Service> services;

  const Service* find_service(const std::string& code) const;
  std::vector<std::string> groups() const;  // in first-seen order
};

// Whether every condition holds for these answers.
bool conditions_hold(const std::vector<Condition>& conditions, const Answers& answers);

// Attributes a resident sees and answers: variable, not automated, and whose
// shown_when holds given the answers so far. Information-only attributes are
// included (they are shown) when their conditions hold.
std::vector<const Attribute*> visible_attributes(const Service& service, const Answers& answers);

// Whether this attribute takes an answer from the resident right now.
bool asks_resident(const Attribute& attribute, const Answers& answers);

// Removes answers the resident must not send: to unknown codes, to
// information-only or server_set attributes, and to questions whose
// conditions no longer hold (an earlier answer was changed). Hidden fields
// are kept: the device fills them.
Answers prune_answers(const Service& service, const Answers& answers);

}  // namespace oneservice
