#include "kiosk/field/report_actions.h"

#include "kiosk/answer_display.h"
#include "kiosk/theme.h"
#include "shared/prepare.h"

namespace oneservice::kiosk::field {
namespace {

// The report as the store keeps it: the journey's request, with the
// tablet's channel (the engine sends it with the officer's sign-in).
ServiceRequest report_request(FieldScreen& screen) {
  return build_request(screen.state.journey, screen.journey_screen.rules);
}

}  // namespace

void go_home(FieldScreen& screen, const char* notice) {
  auto& state = screen.state;
  state.journey = Journey{};
  state.averaging = GpsAveraging{};
  state.save_problem.clear();
  state.sent_reference.clear();
  state.joined = false;
  state.nearby.clear();
  state.last_batch.reset();
  state.notice = notice;
  state.view = FieldView::Home;
  screen.desk.forget();
}

void report_top(FieldScreen& screen) {
  auto& journey = screen.state.journey;
  if (ui::secondary_button(screen.ui, screen.ui.tr("Back"), "Back")) {
    go_back(journey, screen.journey_screen.rules);
    // Back from the first question leaves the report: the journey says so
    // by going to its start page.
    if (journey.page == Page::ChooseService || journey.page == Page::Language) {
      journey = Journey{};
      screen.state.view = FieldView::ChooseService;
    }
  }
  ui::reveal_here(screen.ui, journey.reveal_frames);
  ui::error_summary(screen.ui, journey.errors);
}

void report_bottom(FieldScreen& screen) {
  ImGui::Spacing();
  if (!screen.state.save_problem.empty()) {
    ui::error_message(screen.ui, screen.ui.tr("The tablet could not save this report. It is still on the screen: try "
                                              "again, or tell your manager if it keeps happening."));
    ui::hint(screen.ui, screen.state.save_problem);
  }
  if (ui::secondary_button(screen.ui, screen.ui.tr("Save as draft"), "Save as draft")) save_as_draft(screen);
}

void save_as_draft(FieldScreen& screen) {
  auto& journey = screen.state.journey;
  keep_page(journey, screen.journey_screen.rules);
  std::string problem;
  const auto id = screen.desk.save_draft(report_request(screen), journey.photos, problem);
  if (id.empty()) {
    screen.state.save_problem = problem;
    return;
  }
  go_home(screen, gettext_noop("Saved as a draft. Find it under Drafts."));
}

void send_report(FieldScreen& screen, bool ask_about_duplicates) {
  auto& journey = screen.state.journey;
  const auto& rules = screen.journey_screen.rules;
  auto prepared = prepare_request(rules.catalogue, report_request(screen), rules.clock.now(), rules.wording);
  journey.errors = prepared.errors;
  if (!prepared.ok()) return;
  const auto& location = prepared.request.location;
  if (ask_about_duplicates && location.has_point()) {
    auto nearby = screen.desk.cases_near(prepared.request.service_code, *location.lat, *location.lon);
    if (!nearby.empty()) {
      screen.state.nearby = std::move(nearby);
      screen.state.view = FieldView::Duplicates;
      return;
    }
  }
  std::string problem;
  const auto reference = screen.desk.queue_report(prepared.request, journey.photos, problem);
  if (reference.empty()) {
    screen.state.save_problem = problem;
    screen.state.view = FieldView::Report;
    return;
  }
  go_home(screen);
  screen.state.sent_reference = reference;
  screen.state.view = FieldView::Sent;
}

void join_case(FieldScreen& screen, const std::string& case_id) {
  auto& journey = screen.state.journey;
  const auto& rules = screen.journey_screen.rules;
  // The officer's notes: each answer as Check answers shows it.
  std::string notes;
  if (const auto* service = rules.catalogue.find_service(journey.service_code))
    for (const auto* attribute : visible_attributes(*service, journey.answers)) {
      if (!attribute->variable) continue;
      const auto found = journey.answers.find(attribute->code);
      if (found == journey.answers.end()) continue;
      notes += (notes.empty() ? "" : "\n") + attribute->label() + ": " +
               display_answer(*attribute, &found->second, rules.wording);
    }
  if (!journey.location.address_string.empty()) notes += (notes.empty() ? "" : "\n") + journey.location.address_string;
  std::string problem;
  screen.desk.queue_join(case_id, {"", notes, "", journey.photos}, problem);
  if (!problem.empty()) {
    screen.state.save_problem = problem;
    return;
  }
  go_home(screen);
  screen.state.sent_reference = case_id;
  screen.state.joined = true;
  screen.state.view = FieldView::Sent;
}

void resume_draft(FieldScreen& screen, const std::string& client_id) {
  auto draft = screen.desk.load_draft(client_id);
  if (!draft) return;
  auto& journey = screen.state.journey;
  resume(journey, screen.journey_screen.rules, draft->request, std::move(draft->photos));
  if (journey.page == Page::CheckAnswers) screen.state.view = FieldView::Report;
}

}  // namespace oneservice::kiosk::field
