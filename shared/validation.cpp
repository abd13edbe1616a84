#include "shared/validation.h"

#include <cctype>
#include <chrono>
#include <cmath>

#include "shared/text.h"

namespace oneservice {
namespace {

// A device clock a few minutes slow would otherwise refuse "just now".
constexpr auto kFutureTolerance = std::chrono::minutes(10);
constexpr std::size_t kStringDefaultMax = 500;
constexpr std::size_t kContactFieldMax = 200;

std::string lower_first(std::string text) {
  if (!text.empty() && std::isupper(static_cast<unsigned char>(text[0])))
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

std::string noun(const Attribute& a) {
  return a.error_noun.empty() ? lower_first(a.label()) : a.error_noun;
}

bool is_list(const Attribute& a) {
  return a.datatype == Datatype::SingleValueList || a.datatype == Datatype::MultiValueList;
}

std::string message_for(const Attribute& a, Problem problem) {
  const std::string& label = a.label();
  switch (problem) {
    case Problem::Missing: return (is_list(a) ? "Select " : "Enter ") + noun(a);
    case Problem::NotANumber: return label + " must be a number";
    case Problem::NotWholeNumber: return label + " must be a whole number";
    case Problem::OutOfRange:
      if (a.min && a.max)
        return label + " must be between " + format_number(*a.min) + " and " + format_number(*a.max);
      if (a.min) return label + " must be " + format_number(*a.min) + " or more";
      return label + " must be " + format_number(a.max.value_or(0)) + " or less";
    case Problem::NotADate: return label + " must be a real date";
    case Problem::InTheFuture: return label + " must be today or in the past";
    case Problem::NotAnOption: return "Select " + noun(a) + " from the choices given";
    case Problem::TooLong:
      return label + " must be " +
             with_thousands(static_cast<long long>(
                 a.max_length.value_or(a.datatype == Datatype::Text ? kDescriptionMaxLength : kStringDefaultMax))) +
             " characters or less";
    case Problem::BadCharacters: return label + " must only include letters, numbers, spaces and punctuation";
    case Problem::BadEmail: return "Enter an email address in the correct format, like name@example.com";
    case Problem::BadPhone: return "Enter a telephone number, like 01632 960 001 or 07700 900 982";
    default: return label + " cannot be used";
  }
}

FieldError error(const Attribute& a, Problem problem) { return {a.code, problem, message_for(a, problem)}; }

// Digits with at most one point and an optional sign; commas between digits
// are allowed ("1,000") because people type them. Rejects "1e3", "0x10",
// "inf": strtod would take those, a resident never means them.
std::optional<double> parse_plain_number(const std::string& raw) {
  std::string text;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == ',' && i > 0 && i + 1 < raw.size() && std::isdigit(static_cast<unsigned char>(raw[i - 1])) &&
        std::isdigit(static_cast<unsigned char>(raw[i + 1])))
      continue;
    text += c;
  }
  std::size_t at = 0;
  if (at < text.size() && (text[at] == '-' || text[at] == '+')) ++at;
  bool digits = false, point = false;
  for (; at < text.size(); ++at) {
    if (std::isdigit(static_cast<unsigned char>(text[at]))) digits = true;
    else if (text[at] == '.' && !point) point = true;
    else return std::nullopt;
  }
  if (!digits || text.size() > 30) return std::nullopt;
  return std::stod(text);
}

bool looks_like_email(const std::string& text) {
  const auto at = text.find('@');
  if (at == std::string::npos || at == 0 || text.find('@', at + 1) != std::string::npos) return false;
  const auto domain = text.substr(at + 1);
  const auto dot = domain.find('.');
  if (dot == std::string::npos || dot == 0 || domain.back() == '.') return false;
  for (const char c : text)
    if (std::isspace(static_cast<unsigned char>(c))) return false;
  return text.size() <= 254;
}

bool looks_like_phone(const std::string& text) {
  int digits = 0;
  for (const char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
    else if (c != ' ' && c != '+' && c != '(' && c != ')' && c != '-') return false;
  }
  return digits >= 10 && digits <= 15;
}

std::vector<FieldError> check_text(const Attribute& a, const std::string& text) {
  const bool multi_line = a.datatype == Datatype::Text;
  if (!is_valid_utf8(text) || has_control_characters(text) ||
      (!multi_line && text.find('\n') != std::string::npos))
    return {error(a, Problem::BadCharacters)};
  const auto limit = a.max_length.value_or(multi_line ? kDescriptionMaxLength : kStringDefaultMax);
  if (utf8_length(text) > limit) return {error(a, Problem::TooLong)};
  const auto value = trim(text);
  if (a.input == InputKind::Email && !looks_like_email(value)) return {error(a, Problem::BadEmail)};
  if (a.input == InputKind::Phone && !looks_like_phone(value)) return {error(a, Problem::BadPhone)};
  return {};
}

std::vector<FieldError> check_number(const Attribute& a, const std::string& text) {
  const auto value = parse_plain_number(trim(text));
  if (!value) return {error(a, Problem::NotANumber)};
  // std::trunc, not a cast to long long: "99999999999999999999" is whole, and
  // casting a double beyond long long's range is undefined behaviour.
  if (a.integer && std::trunc(*value) != *value)
    return {error(a, Problem::NotWholeNumber)};
  if ((a.min && *value < *a.min) || (a.max && *value > *a.max)) return {error(a, Problem::OutOfRange)};
  return {};
}

std::vector<FieldError> check_datetime(const Attribute& a, const std::string& text, TimePoint now) {
  const auto when = parse_iso8601(trim(text));
  if (!when) return {error(a, Problem::NotADate)};
  if (a.not_in_future && *when > now + kFutureTolerance) return {error(a, Problem::InTheFuture)};
  return {};
}

std::vector<FieldError> check_choices(const Attribute& a, const AnswerValue& value) {
  const auto chosen = answer_as_list(value);
  if (a.datatype == Datatype::SingleValueList && chosen.size() > 1) return {error(a, Problem::NotAnOption)};
  for (const auto& key : chosen)
    if (!a.find_value(key)) return {error(a, Problem::NotAnOption)};
  return {};
}

}  // namespace

std::vector<FieldError> validate_answer(const Attribute& a, const AnswerValue* value, TimePoint now) {
  if (!a.variable || a.automated == Automation::ServerSet) return {};
  if (!value || answer_is_empty(*value)) {
    // Hidden fields are the device's to fill; the resident cannot be asked.
    if (a.required && a.automated == Automation::None) return {error(a, Problem::Missing)};
    return {};
  }
  if (is_list(a)) return check_choices(a, *value);
  const auto* text = std::get_if<std::string>(value);
  if (!text) return {error(a, a.datatype == Datatype::Number ? Problem::NotANumber : Problem::BadCharacters)};
  switch (a.datatype) {
    case Datatype::Number: return check_number(a, *text);
    case Datatype::Datetime: return check_datetime(a, *text, now);
    default: return check_text(a, *text);
  }
}

std::vector<FieldError> validate_answers(const Service& service, const Answers& answers, TimePoint now) {
  std::vector<FieldError> errors;
  // Judge what is asked against the answers that still count: a stale answer
  // to a question no longer asked must not make a later question appear.
  const auto counted = prune_answers(service, answers);
  for (const auto& attribute : service.attributes) {
    const bool asked = asks_resident(attribute, counted);
    if (!asked && attribute.automated != Automation::HiddenField) continue;
    const auto found = answers.find(attribute.code);
    auto found_errors = validate_answer(attribute, found == answers.end() ? nullptr : &found->second, now);
    errors.insert(errors.end(), found_errors.begin(), found_errors.end());
  }
  return errors;
}

std::vector<FieldError> validate_request(const Catalogue& catalogue, const ServiceRequest& request,
                                         TimePoint now) {
  const auto* service = catalogue.find_service(request.service_code);
  if (!service)
    return {{"service_code", Problem::UnknownService,
             "Choose a service from the list: there is no service called \"" + request.service_code + "\""}};
  std::vector<FieldError> errors;
  for (const auto& [code, value] : request.answers)
    if (!service->find_attribute(code))
      errors.push_back({code, Problem::UnknownQuestion,
                        "Remove the answer to \"" + code + "\": " + service->service_name +
                            " has no question with that code"});
  auto answer_errors = validate_answers(*service, request.answers, now);
  errors.insert(errors.end(), answer_errors.begin(), answer_errors.end());

  const auto& location = request.location;
  if (location.empty()) {
    errors.push_back({"location", Problem::MissingLocation, "Enter where it is: an address, a place or a point on the map"});
  } else if (location.lat.has_value() != location.lon.has_value() ||
             (location.has_point() && (!std::isfinite(*location.lat) || !std::isfinite(*location.lon) ||
                                       *location.lat < -90 || *location.lat > 90 ||
                                       *location.lon < -180 || *location.lon > 180))) {
    errors.push_back({"location", Problem::BadLocation,
                      "Choose the place again: the map position is not a real latitude and longitude"});
  }
  if (!is_valid_utf8(location.address_string) || has_control_characters(location.address_string))
    errors.push_back({"location", Problem::BadCharacters,
                      "Location must only include letters, numbers, spaces and punctuation"});
  else if (utf8_length(location.address_string) > kStringDefaultMax)
    errors.push_back({"location", Problem::TooLong, "Location must be 500 characters or less"});

  if (!is_valid_utf8(request.description) || has_control_characters(request.description))
    errors.push_back({"description", Problem::BadCharacters,
                      "Description must only include letters, numbers, spaces and punctuation"});
  else if (utf8_length(request.description) > kDescriptionMaxLength)
    errors.push_back({"description", Problem::TooLong, "Description must be 4,000 characters or less"});

  const auto& contact = request.contact;
  const std::pair<const char*, const std::string*> names[] = {
      {"contact.first_name", &contact.first_name}, {"contact.last_name", &contact.last_name}};
  for (const auto& [field, value] : names) {
    if (!is_valid_utf8(*value) || has_control_characters(*value))
      errors.push_back({field, Problem::BadCharacters, "Name must only include letters, spaces, hyphens and apostrophes"});
    else if (utf8_length(*value) > kContactFieldMax)
      errors.push_back({field, Problem::TooLong, "Name must be 200 characters or less"});
  }
  if (!contact.email.empty() && !looks_like_email(trim(contact.email)))
    errors.push_back({"contact.email", Problem::BadEmail,
                      "Enter an email address in the correct format, like name@example.com"});
  if (!contact.phone.empty() && !looks_like_phone(trim(contact.phone)))
    errors.push_back({"contact.phone", Problem::BadPhone,
                      "Enter a telephone number, like 01632 960 001 or 07700 900 982"});
  return errors;
}

}  // namespace oneservice
