#include "shared/validation.h"

#include <cctype>
#include <chrono>
#include <cmath>
#include <optional>

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

// Used for answers and for the request's own fields alike.
constexpr const char* kBadEmail =
    gettext_noop("Enter an email address in the correct format, like name@example.com");
constexpr const char* kBadPhone = gettext_noop("Enter a telephone number, like 01632 960 001 or 07700 900 982");
constexpr const char* kPlainText = gettext_noop("{label} must only include letters, numbers, spaces and punctuation");

std::string too_long(const std::string& label, std::size_t limit, const Wording& w) {
  return format(say(w, gettext_noop("{label} must be {count} characters or less")),
                {{"label", label}, {"count", with_thousands(static_cast<long long>(limit))}});
}

bool is_list(const Attribute& a) {
  return a.datatype == Datatype::SingleValueList || a.datatype == Datatype::MultiValueList;
}

// The templates are marked for xgettext (scripts/update-translations.sh puts
// them in assets/po/oneservice.pot). Changing one's English makes a new
// msgid, shown in English until it is translated again.
std::string message_for(const Attribute& a, Problem problem, const Wording& w) {
  const std::string& label = a.label();
  switch (problem) {
    case Problem::Missing:
      // TRANSLATORS: {noun} is a question's error noun from the council's
      // catalogue, written to follow "Enter" or "Select" ("the depth of the
      // pothole in centimetres"); the Welsh catalogue writes it to follow
      // "Rhowch" or "Dewiswch", mutated as needed.
      return format(say(w, is_list(a) ? gettext_noop("Select {noun}") : gettext_noop("Enter {noun}")),
                    {{"noun", noun(a)}});
    // TRANSLATORS: {label} is a question's short label from the council's
    // catalogue ("Depth in centimetres"). Numbers come with thousands
    // separators already.
    case Problem::NotANumber: return format(say(w, gettext_noop("{label} must be a number")), {{"label", label}});
    case Problem::NotWholeNumber:
      return format(say(w, gettext_noop("{label} must be a whole number")), {{"label", label}});
    case Problem::OutOfRange:
      if (a.min && a.max)
        return format(say(w, gettext_noop("{label} must be between {min} and {max}")),
                      {{"label", label}, {"min", format_number(*a.min)}, {"max", format_number(*a.max)}});
      if (a.min)
        return format(say(w, gettext_noop("{label} must be {min} or more")),
                      {{"label", label}, {"min", format_number(*a.min)}});
      return format(say(w, gettext_noop("{label} must be {max} or less")),
                    {{"label", label}, {"max", format_number(a.max.value_or(0))}});
    case Problem::NotADate: return format(say(w, gettext_noop("{label} must be a real date")), {{"label", label}});
    case Problem::InTheFuture:
      return format(say(w, gettext_noop("{label} must be today or in the past")), {{"label", label}});
    case Problem::NotAnOption:
      return format(say(w, gettext_noop("Select {noun} from the choices given")), {{"noun", noun(a)}});
    case Problem::TooLong:
      return too_long(label, a.max_length.value_or(a.datatype == Datatype::Text ? kDescriptionMaxLength
                                                                                  : kStringDefaultMax),
                      w);
    case Problem::BadCharacters: return format(say(w, kPlainText), {{"label", label}});
    case Problem::BadEmail: return say(w, kBadEmail);
    case Problem::BadPhone: return say(w, kBadPhone);
    default: return format(say(w, gettext_noop("{label} cannot be used")), {{"label", label}});
  }
}

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

// The checks find the problem; message_for words it, once for every check.
std::optional<Problem> check_text(const Attribute& a, const std::string& text) {
  const bool multi_line = a.datatype == Datatype::Text;
  if (!is_valid_utf8(text) || has_control_characters(text) ||
      (!multi_line && text.find('\n') != std::string::npos))
    return Problem::BadCharacters;
  const auto limit = a.max_length.value_or(multi_line ? kDescriptionMaxLength : kStringDefaultMax);
  if (utf8_length(text) > limit) return Problem::TooLong;
  const auto value = trim(text);
  if (a.input == InputKind::Email && !looks_like_email(value)) return Problem::BadEmail;
  if (a.input == InputKind::Phone && !looks_like_phone(value)) return Problem::BadPhone;
  return std::nullopt;
}

std::optional<Problem> check_number(const Attribute& a, const std::string& text) {
  const auto value = parse_plain_number(trim(text));
  if (!value) return Problem::NotANumber;
  // std::trunc, not a cast to long long: "99999999999999999999" is whole, and
  // casting a double beyond long long's range is undefined behaviour.
  if (a.integer && std::trunc(*value) != *value) return Problem::NotWholeNumber;
  if ((a.min && *value < *a.min) || (a.max && *value > *a.max)) return Problem::OutOfRange;
  return std::nullopt;
}

std::optional<Problem> check_datetime(const Attribute& a, const std::string& text, TimePoint now) {
  const auto when = parse_iso8601(trim(text));
  if (!when) return Problem::NotADate;
  if (a.not_in_future && *when > now + kFutureTolerance) return Problem::InTheFuture;
  return std::nullopt;
}

std::optional<Problem> check_choices(const Attribute& a, const AnswerValue& value) {
  const auto chosen = answer_as_list(value);
  if (a.datatype == Datatype::SingleValueList && chosen.size() > 1) return Problem::NotAnOption;
  for (const auto& key : chosen)
    if (!a.find_value(key)) return Problem::NotAnOption;
  return std::nullopt;
}

std::optional<Problem> find_problem(const Attribute& a, const AnswerValue* value, TimePoint now) {
  if (!a.variable || a.automated == Automation::ServerSet) return std::nullopt;
  if (!value || answer_is_empty(*value)) {
    // Hidden fields are the device's to fill; the resident cannot be asked.
    if (a.required && a.automated == Automation::None) return Problem::Missing;
    return std::nullopt;
  }
  if (is_list(a)) return check_choices(a, *value);
  const auto* text = std::get_if<std::string>(value);
  if (!text) return a.datatype == Datatype::Number ? Problem::NotANumber : Problem::BadCharacters;
  switch (a.datatype) {
    case Datatype::Number: return check_number(a, *text);
    case Datatype::Datetime: return check_datetime(a, *text, now);
    default: return check_text(a, *text);
  }
}

// The request's own text fields (location words, description, names): the
// same words as an answer's, with the field's name as the label.
void check_free_text(std::vector<FieldError>& errors, const char* field, const std::string& text,
                     const char* label, const char* characters_message, std::size_t limit, const Wording& w) {
  const auto shown_label = say(w, label);
  if (!is_valid_utf8(text) || has_control_characters(text))
    errors.push_back({field, Problem::BadCharacters, format(say(w, characters_message), {{"label", shown_label}})});
  else if (utf8_length(text) > limit)
    errors.push_back({field, Problem::TooLong, too_long(shown_label, limit, w)});
}

}  // namespace

std::vector<FieldError> validate_answer(const Attribute& a, const AnswerValue* value, TimePoint now,
                                        const Wording& wording) {
  const auto problem = find_problem(a, value, now);
  if (!problem) return {};
  return {{a.code, *problem, message_for(a, *problem, wording)}};
}

std::vector<FieldError> validate_answers(const Service& service, const Answers& answers, TimePoint now,
                                         const Wording& wording) {
  std::vector<FieldError> errors;
  // Judge what is asked against the answers that still count: a stale answer
  // to a question no longer asked must not make a later question appear.
  const auto counted = prune_answers(service, answers);
  for (const auto& attribute : service.attributes) {
    const bool asked = asks_resident(attribute, counted);
    if (!asked && attribute.automated != Automation::HiddenField) continue;
    const auto found = answers.find(attribute.code);
    auto found_errors =
        validate_answer(attribute, found == answers.end() ? nullptr : &found->second, now, wording);
    errors.insert(errors.end(), found_errors.begin(), found_errors.end());
  }
  return errors;
}

std::vector<FieldError> validate_request(const Catalogue& catalogue, const ServiceRequest& request,
                                         TimePoint now, const Wording& w, std::size_t description_max) {
  const auto* service = catalogue.find_service(request.service_code);
  if (!service)
    return {{"service_code", Problem::UnknownService,
             format(say(w, gettext_noop("Choose a service from the list: there is no service called \"{code}\"")),
                    {{"code", request.service_code}})}};
  std::vector<FieldError> errors;
  for (const auto& [code, value] : request.answers)
    if (!service->find_attribute(code))
      errors.push_back(
          {code, Problem::UnknownQuestion,
           // TRANSLATORS: {code} is an answer's code as sent; {service} the service's name.
           format(say(w, gettext_noop("Remove the answer to \"{code}\": {service} has no question with that code")),
                  {{"code", code}, {"service", service->service_name}})});
  auto answer_errors = validate_answers(*service, request.answers, now, w);
  errors.insert(errors.end(), answer_errors.begin(), answer_errors.end());

  const auto& location = request.location;
  if (location.empty()) {
    errors.push_back({"location", Problem::MissingLocation,
                      say(w, gettext_noop("Enter where it is: an address, a place or a point on the map"))});
  } else if (location.lat.has_value() != location.lon.has_value() ||
             (location.has_point() && (!std::isfinite(*location.lat) || !std::isfinite(*location.lon) ||
                                       *location.lat < -90 || *location.lat > 90 ||
                                       *location.lon < -180 || *location.lon > 180))) {
    errors.push_back(
        {"location", Problem::BadLocation,
         say(w, gettext_noop("Choose the place again: the map position is not a real latitude and longitude"))});
  }
  check_free_text(errors, "location", location.address_string, gettext_noop("Location"), kPlainText,
                  kStringDefaultMax, w);
  check_free_text(errors, "description", request.description, gettext_noop("Description"), kPlainText,
                  description_max, w);

  const auto& contact = request.contact;
  const std::pair<const char*, const std::string*> names[] = {
      {"contact.first_name", &contact.first_name}, {"contact.last_name", &contact.last_name}};
  for (const auto& [field, value] : names)
    check_free_text(errors, field, *value, gettext_noop("Name"),
                    gettext_noop("{label} must only include letters, spaces, hyphens and apostrophes"),
                    kContactFieldMax, w);
  if (!contact.email.empty() && !looks_like_email(trim(contact.email)))
    errors.push_back({"contact.email", Problem::BadEmail, say(w, kBadEmail)});
  if (!contact.phone.empty() && !looks_like_phone(trim(contact.phone)))
    errors.push_back({"contact.phone", Problem::BadPhone, say(w, kBadPhone)});
  return errors;
}

}  // namespace oneservice
