#pragma once
// The resident's way through one request, as plain data and functions with
// no ImGui in them: which page is showing, what has been answered, what the
// current page holds before Continue, and the errors to show. The screens
// draw this state and call these functions; tests can drive them directly.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/map_view.h"
#include "kiosk/report_photo.h"
#include "kiosk/request_desk.h"
#include "shared/catalogue.h"
#include "shared/clock.h"
#include "shared/request.h"
#include "shared/routing.h"
#include "shared/validation.h"

namespace oneservice::kiosk {

// Attract (the idle screen) -> Language -> ChooseService -> a Question
// per page -> Location -> Contact -> CheckAnswers -> Confirmation; Track
// (check a request's progress) opens from ChooseService.
// Field mode adds Photos after Location and leaves Contact out
// (JourneyContext says which).
enum class Page { Attract, Language, ChooseService, Question, Location, Photos, Contact, CheckAnswers, Confirmation, Track };

// What the current page's controls hold until Continue commits it, so Back
// and a failed Continue never lose what was typed.
struct PageFields {
  std::string text;
  std::array<std::string, 5> date{};  // day, month, year, hour, minute
  std::vector<std::string> chosen;    // list keys
  std::optional<double> lat, lon;     // Location page: the point on the map
  Contact contact;                    // Contact page
  MapView map_view;                   // Location page: where the map looks
  std::string place_search;           // Location page: the search box
};

struct Journey {
  Page page = Page::Attract;
  std::string service_code;
  std::string client_id;  // made when the service is chosen: a resend is the same request
  std::string question_code;  // the Question page's attribute
  Answers answers;
  Location location;  // words, a point on the map, or both (field mode: and where the point came from)
  std::vector<ReportPhoto> photos;  // field mode's Photos page
  Contact contact;    // optional: how the council can send updates
  std::string track_reference;  // Track page: the reference looked up
  bool changing = false;  // came from Check answers: return there
  PageFields fields;
  std::vector<FieldError> errors;
  // Frames left to bring what the resident's last press put on the page
  // into view (the error summary after Continue, what Check found): the
  // screen scrolls to it and the keyboard closes (ui::reveal_here).
  int reveal_frames = 0;
  std::string reference;  // set on Confirmation
  std::optional<RoutingDecision> routing;  // set on Confirmation: who deals with it
  std::string save_problem;  // the store refused the request: shown on Check answers
};

// The data a journey needs from outside.
struct JourneyContext {
  const Catalogue& catalogue;
  Clock clock;
  Channel channel = Channel::Kiosk;
  // Words validation messages in the resident's language
  // (Translator::wording()). Required: a context without it does not compile.
  Wording wording;
  // The council's areas, to say on the confirmation who will deal with the
  // request (the same routing as the central server). Null: not said.
  const Boundaries* boundaries = nullptr;
  // Which pages the journey has besides the questions and the location.
  bool photos_page = false;  // field mode: photos after the location
  bool contact_page = true;  // the kiosk: the resident's optional contact details
  // The language the resident is using ("cy"), kept with the request so the
  // council writes to them in it.
  std::string language{};
};

// Attract -> Language; Language -> ChooseService (the App keeps the
// language itself, with the other preferences).
void begin(Journey& journey);
void language_chosen(Journey& journey);
// ChooseService -> Track, and the Track page's "Check" (looks up fields.text).
void open_tracking(Journey& journey);
void look_up_reference(Journey& journey);
void start_service(Journey& journey, const JourneyContext& context, const std::string& service_code);
// Commits and checks the current page; moves on when it is right.
void continue_page(Journey& journey, const JourneyContext& context);
void go_back(Journey& journey, const JourneyContext& context);
// From Check answers: edit one answer ("location", "contact" for those pages).
void change_answer(Journey& journey, const JourneyContext& context, const std::string& code);
// Check answers -> the desk saves it. On success the journey shows the
// confirmation; on failure Check answers says so and keeps every answer.
void send(Journey& journey, const JourneyContext& context, RequestDesk& desk);
// Forgets everything the resident entered and returns to the start.
void finish(Journey& journey);
// Keeps what the current page's controls hold, unchecked (a draft saved
// half-way through a page keeps what was typed there).
void keep_page(Journey& journey, const JourneyContext& context);
// A saved request taken up again: its answers, location and photos, shown
// on Check answers, where each can be changed.
void resume(Journey& journey, const JourneyContext& context, const ServiceRequest& request,
            std::vector<ReportPhoto> photos);

// The request as it stands (for Check answers and send).
ServiceRequest build_request(const Journey& journey, const JourneyContext& context);

// Date entry: the five boxes <-> the ISO 8601 answer (UTC). Boxes that do
// not make a real date give a string that validation reports as such.
std::string compose_datetime(const std::array<std::string, 5>& parts);
std::array<std::string, 5> split_datetime(const std::string& iso);

}  // namespace oneservice::kiosk
