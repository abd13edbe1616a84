#include "kiosk/journey.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "shared/identity.h"
#include "shared/prepare.h"
#include "shared/text.h"

namespace oneservice::kiosk {
namespace {

constexpr const char* kLocationPage = "location";
constexpr const char* kContactPage = "contact";
constexpr const char* kPhotosPage = "photos";
// A scroll asked for lands a frame later, and the page grows when the
// keyboard closes: three frames see it through (as FieldFocus::reveal).
constexpr int kRevealFrames = 3;

// The pages of a service given the answers so far: its visible questions in
// order, then the location. Recomputed on every move, because an answer can
// show or hide a later question.
std::vector<std::string> page_codes(const Service& service, const Answers& answers) {
  std::vector<std::string> codes;
  for (const auto* attribute : visible_attributes(service, answers)) codes.push_back(attribute->code);
  codes.push_back(kLocationPage);
  return codes;
}

const Service& service_of(const Journey& journey, const JourneyContext& context) {
  const auto* service = context.catalogue.find_service(journey.service_code);
  // Only start_service sets service_code, and it checks the code exists.
  return *service;
}

void load_fields(Journey& journey, const Attribute* attribute) {
  journey.fields = PageFields{};
  journey.errors.clear();
  if (!attribute) {
    journey.fields.text = journey.location.address_string;
    journey.fields.lat = journey.location.lat;
    journey.fields.lon = journey.location.lon;
    return;
  }
  const auto found = journey.answers.find(attribute->code);
  if (found == journey.answers.end()) return;
  if (attribute->datatype == Datatype::SingleValueList || attribute->datatype == Datatype::MultiValueList) {
    journey.fields.chosen = answer_as_list(found->second);
  } else if (const auto* text = std::get_if<std::string>(&found->second)) {
    if (attribute->datatype == Datatype::Datetime) journey.fields.date = split_datetime(*text);
    else journey.fields.text = *text;
  }
}

void show_page(Journey& journey, const JourneyContext& context, const std::string& code) {
  if (code == kPhotosPage) {
    journey.page = Page::Photos;
    journey.question_code.clear();
    journey.fields = PageFields{};
    journey.errors.clear();
    return;
  }
  if (code == kContactPage) {
    journey.page = Page::Contact;
    journey.question_code.clear();
    journey.fields = PageFields{};
    journey.fields.contact = journey.contact;
    journey.errors.clear();
    return;
  }
  if (code == kLocationPage) {
    journey.page = Page::Location;
    journey.question_code.clear();
    load_fields(journey, nullptr);
    return;
  }
  journey.page = Page::Question;
  journey.question_code = code;
  load_fields(journey, service_of(journey, context).find_attribute(code));
}

void show_check_answers(Journey& journey) {
  journey.page = Page::CheckAnswers;
  journey.changing = false;
  journey.question_code.clear();
  journey.fields = PageFields{};
  journey.errors.clear();
}

// Puts what the page's controls hold into the answers; an empty control
// removes the answer, so "Not provided" shows for it.
void commit_fields(Journey& journey, const Attribute& attribute) {
  AnswerValue value;
  switch (attribute.datatype) {
    case Datatype::SingleValueList:
      value = journey.fields.chosen.empty() ? std::string() : journey.fields.chosen.front();
      break;
    case Datatype::MultiValueList:
      value = journey.fields.chosen;
      break;
    case Datatype::Datetime:
      value = compose_datetime(journey.fields.date);
      break;
    default:
      value = journey.fields.text;
  }
  if (answer_is_empty(value)) journey.answers.erase(attribute.code);
  else journey.answers[attribute.code] = std::move(value);
}

void continue_question(Journey& journey, const JourneyContext& context) {
  const auto& service = service_of(journey, context);
  const auto* attribute = service.find_attribute(journey.question_code);
  if (!attribute) return;
  if (attribute->variable) {
    commit_fields(journey, *attribute);
    const auto found = journey.answers.find(attribute->code);
    journey.errors = validate_answer(*attribute, found == journey.answers.end() ? nullptr : &found->second,
                                     context.clock.now(), context.wording);
    if (!journey.errors.empty()) return;
    // An answer that hides later questions takes their answers with it, so
    // a question that comes back is asked afresh and nothing stale is sent.
    journey.answers = prune_answers(service, journey.answers);
  }
  const auto codes = page_codes(service, journey.answers);
  auto at = std::find(codes.begin(), codes.end(), attribute->code);
  if (journey.changing) {
    // A changed answer may bring in a question not yet answered (say the
    // Community Speedwatch one): ask it, then go back to Check answers.
    for (auto next = at + 1; next != codes.end(); ++next) {
      const auto* later = service.find_attribute(*next);
      if (later && later->variable && later->required && !journey.answers.count(later->code)) {
        show_page(journey, context, *next);
        return;
      }
    }
    show_check_answers(journey);
    return;
  }
  show_page(journey, context, at == codes.end() ? kLocationPage : *(at + 1));
}

void commit_location(Journey& journey) {
  journey.location.address_string = journey.fields.text;
  journey.location.lat = journey.fields.lat;
  journey.location.lon = journey.fields.lon;
}

void continue_location(Journey& journey, const JourneyContext& context) {
  commit_location(journey);
  journey.errors.clear();
  for (const auto& error :
       validate_request(context.catalogue, build_request(journey, context), context.clock.now(), context.wording))
    if (error.field == "location") journey.errors.push_back(error);
  if (!journey.errors.empty()) return;
  if (journey.changing) show_check_answers(journey);
  else if (context.photos_page) show_page(journey, context, kPhotosPage);
  else if (context.contact_page) show_page(journey, context, kContactPage);
  else show_check_answers(journey);
}

// Photos are optional: the page only moves on.
void continue_photos(Journey& journey, const JourneyContext& context) {
  if (!journey.changing && context.contact_page) show_page(journey, context, kContactPage);
  else show_check_answers(journey);
}

// The page before Check answers (and before Contact), which depends on
// the pages this journey has.
std::string page_before_contact(const JourneyContext& context) {
  return context.photos_page ? kPhotosPage : kLocationPage;
}

void continue_contact(Journey& journey, const JourneyContext& context) {
  journey.contact = journey.fields.contact;
  journey.errors.clear();
  for (const auto& error :
       validate_request(context.catalogue, build_request(journey, context), context.clock.now(), context.wording))
    if (error.field.rfind("contact.", 0) == 0) journey.errors.push_back(error);
  if (journey.errors.empty()) show_check_answers(journey);
}

}  // namespace

void begin(Journey& journey) {
  if (journey.page == Page::Attract) journey.page = Page::Language;
}

void language_chosen(Journey& journey) {
  if (journey.page == Page::Language) journey.page = Page::ChooseService;
}

void open_tracking(Journey& journey) {
  if (journey.page != Page::ChooseService) return;
  journey.page = Page::Track;
  journey.fields = PageFields{};
  journey.track_reference.clear();
}

void look_up_reference(Journey& journey) {
  if (journey.page != Page::Track) return;
  // References are printed in capitals with a dash; people type them
  // however they read them.
  std::string reference;
  for (const char c : trim(journey.fields.text)) {
    if (c == ' ') continue;
    reference += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  journey.track_reference = reference;
  journey.reveal_frames = kRevealFrames;  // what was found, in view
}

void start_service(Journey& journey, const JourneyContext& context, const std::string& service_code) {
  const auto* service = context.catalogue.find_service(service_code);
  if (!service) return;
  journey = Journey{};
  journey.service_code = service_code;
  journey.client_id = make_uuid_v4();
  show_page(journey, context, page_codes(*service, journey.answers).front());
}

void continue_page(Journey& journey, const JourneyContext& context) {
  if (journey.page == Page::Question) continue_question(journey, context);
  else if (journey.page == Page::Location) continue_location(journey, context);
  else if (journey.page == Page::Contact) continue_contact(journey, context);
  else if (journey.page == Page::Photos) continue_photos(journey, context);
  // Still here with mistakes: "There is a problem" must be seen, wherever
  // the page was scrolled to reach Continue.
  journey.reveal_frames = journey.errors.empty() ? 0 : kRevealFrames;
}

void go_back(Journey& journey, const JourneyContext& context) {
  switch (journey.page) {
    case Page::Question:
    case Page::Location: {
      if (journey.changing) {  // Back from a change is a cancel
        show_check_answers(journey);
        return;
      }
      // Keep what was typed: going back is not throwing it away.
      const auto& service = service_of(journey, context);
      if (journey.page == Page::Location) commit_location(journey);
      else if (const auto* attribute = service.find_attribute(journey.question_code); attribute && attribute->variable)
        commit_fields(journey, *attribute);
      const auto codes = page_codes(service, journey.answers);
      const std::string current = journey.page == Page::Location ? kLocationPage : journey.question_code;
      const auto at = std::find(codes.begin(), codes.end(), current);
      if (at == codes.begin() || at == codes.end()) {
        // Back out of the service: what it held goes with it.
        journey = Journey{};
        journey.page = Page::ChooseService;
      } else {
        show_page(journey, context, *(at - 1));
      }
      return;
    }
    case Page::Contact:
      if (journey.changing) {
        show_check_answers(journey);
        return;
      }
      journey.contact = journey.fields.contact;  // kept, as on every page
      show_page(journey, context, page_before_contact(context));
      return;
    case Page::Photos:
      if (journey.changing) show_check_answers(journey);
      else show_page(journey, context, kLocationPage);
      return;
    case Page::CheckAnswers:
      show_page(journey, context, context.contact_page ? kContactPage : page_before_contact(context));
      return;
    case Page::Track:
      journey.page = Page::ChooseService;
      journey.fields = PageFields{};
      journey.track_reference.clear();
      return;
    case Page::ChooseService:
      journey = Journey{};
      journey.page = Page::Language;
      return;
    case Page::Language:
      journey = Journey{};
      return;
    default:
      return;
  }
}

void change_answer(Journey& journey, const JourneyContext& context, const std::string& code) {
  if (journey.page != Page::CheckAnswers) return;
  journey.changing = true;
  show_page(journey, context, code);
}

ServiceRequest build_request(const Journey& journey, const JourneyContext& context) {
  ServiceRequest request;
  request.client_id = journey.client_id;
  request.service_code = journey.service_code;
  request.catalogue_version = context.catalogue.changeset;
  request.answers = journey.answers;
  request.location = journey.location;
  request.location.address_string = trim(journey.location.address_string);
  request.contact = {trim(journey.contact.first_name), trim(journey.contact.last_name), trim(journey.contact.email),
                     trim(journey.contact.phone)};
  request.channel = context.channel;
  request.language = context.language;
  return request;
}

void send(Journey& journey, const JourneyContext& context, RequestDesk& desk) {
  if (journey.page != Page::CheckAnswers) return;
  journey.save_problem.clear();
  auto prepared =
      prepare_request(context.catalogue, build_request(journey, context), context.clock.now(), context.wording);
  journey.errors = prepared.errors;
  if (!prepared.ok()) return;
  const auto saved = desk.save(std::move(prepared.request));
  if (saved.reference.empty()) {
    journey.save_problem = saved.problem;
    return;
  }
  journey.reference = saved.reference;
  // Who will deal with it, worked out before the answers go.
  std::optional<RoutingDecision> routing;
  if (context.boundaries)
    routing = route(service_of(journey, context), journey.answers, journey.location.lat, journey.location.lon,
                    *context.boundaries);
  // Saved: forget the answers now, so nothing personal stays in memory
  // while the confirmation shows.
  const auto service_code = journey.service_code;
  const auto reference = journey.reference;
  journey = Journey{};
  journey.page = Page::Confirmation;
  journey.service_code = service_code;
  journey.reference = reference;
  journey.routing = std::move(routing);
}

void finish(Journey& journey) { journey = Journey{}; }

void keep_page(Journey& journey, const JourneyContext& context) {
  if (journey.page == Page::Location) {
    commit_location(journey);
  } else if (journey.page == Page::Contact) {
    journey.contact = journey.fields.contact;
  } else if (journey.page == Page::Question) {
    const auto* attribute = service_of(journey, context).find_attribute(journey.question_code);
    if (attribute && attribute->variable) commit_fields(journey, *attribute);
  }
}

void resume(Journey& journey, const JourneyContext& context, const ServiceRequest& request,
            std::vector<ReportPhoto> photos) {
  if (!context.catalogue.find_service(request.service_code)) return;
  journey = Journey{};
  journey.service_code = request.service_code;
  journey.client_id = request.client_id;  // the same request: a resend is never a second case
  journey.answers = prune_answers(service_of(journey, context), request.answers);
  journey.location = request.location;
  journey.contact = request.contact;
  journey.photos = std::move(photos);
  show_check_answers(journey);
}

std::string compose_datetime(const std::array<std::string, 5>& parts) {
  std::array<std::string, 5> p;
  bool any = false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    p[i] = trim(parts[i]);
    any = any || !p[i].empty();
  }
  if (!any) return {};
  const auto number = [](const std::string& text) -> int {
    if (text.empty() || text.size() > 4) return -1;
    for (const char c : text)
      if (c < '0' || c > '9') return -1;
    return std::stoi(text);
  };
  const int day = number(p[0]), month = number(p[1]), year = number(p[2]);
  const bool has_time = !p[3].empty() || !p[4].empty();
  const int hour = has_time ? number(p[3]) : 0;
  const int minute = p[4].empty() ? 0 : number(p[4]);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:00", year < 0 ? 0 : year, month < 0 ? 0 : month,
                day < 0 ? 0 : day, hour < 0 ? 99 : hour, minute < 0 ? 99 : minute);
  // Anything not a real date stays as typed-looking text so validation says
  // "must be a real date" instead of the kiosk guessing.
  if (day < 0 || month < 0 || year < 1000 || hour < 0 || minute < 0 || !parse_iso8601(buffer))
    return p[2] + "-" + p[1] + "-" + p[0] + (has_time ? "T" + p[3] + ":" + p[4] : "");
  // The resident typed local time; the answer is stored in UTC.
  std::tm local{};
  local.tm_year = year - 1900;
  local.tm_mon = month - 1;
  local.tm_mday = day;
  local.tm_hour = hour;
  local.tm_min = minute;
  local.tm_isdst = -1;
  const std::time_t when = std::mktime(&local);
  return format_utc(std::chrono::system_clock::from_time_t(when));
}

std::array<std::string, 5> split_datetime(const std::string& iso) {
  const auto when = parse_iso8601(iso);
  if (!when) return {};
  const std::time_t seconds = std::chrono::system_clock::to_time_t(*when);
  std::tm local{};
  localtime_r(&seconds, &local);
  return {std::to_string(local.tm_mday), std::to_string(local.tm_mon + 1), std::to_string(local.tm_year + 1900),
          std::to_string(local.tm_hour), local.tm_min < 10 ? "0" + std::to_string(local.tm_min) : std::to_string(local.tm_min)};
}

}  // namespace oneservice::kiosk
