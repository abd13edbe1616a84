#include "kiosk/field/field_shell.h"

#include <imgui.h>

#include "kiosk/field/photo_devices.h"
#include "kiosk/field/report_actions.h"

namespace oneservice::kiosk::field {

FieldShell::FieldShell(FieldSetup setup, Clock clock)
    : desk_(std::move(setup.links), clock), settings_(std::move(setup.settings)), clock_(std::move(clock)) {
  state_.view = first_view();
  state_.last_touch = clock_.now();
}

void FieldShell::adapt_rules(JourneyContext& rules) {
  rules.channel = Channel::Field;
  rules.photos_page = true;
  rules.contact_page = false;
}

FieldView FieldShell::first_view() {
  // A tablet someone has signed in on offers their PIN first: the common
  // case in the field. Online sign-in is one tap away.
  if (!desk_.offline_officers().empty() || !desk_.can_sign_in_online()) return FieldView::Pin;
  return FieldView::SignIn;
}

void FieldShell::wipe(bool sign_out) {
  if (sign_out)
    desk_.sign_out();
  else
    desk_.lock();
  state_ = FieldState{};
  state_.view = first_view();
  state_.last_touch = clock_.now();
  wiped_ = true;
}

bool FieldShell::watch_idle(bool input) {
  const auto now = clock_.now();
  if (input || !desk_.officer()) state_.last_touch = now;
  if (desk_.officer() && now - state_.last_touch >= settings_.lock_after) wipe(false);
  const bool wiped = wiped_;
  wiped_ = false;
  return wiped;
}

void FieldShell::draw_top_bar(ui::Context& ui, Preferences& preferences) {
  const std::string contrast = preferences.high_contrast ? ui.tr("Standard colours") : ui.tr("High contrast");
  if (ui::secondary_button(ui, contrast, "High contrast")) preferences.high_contrast = !preferences.high_contrast;
  ImGui::SameLine();
  const bool welsh = preferences.language == "cy";
  if (ui::secondary_button(ui, ui::verbatim(welsh ? "English" : "Cymraeg"), "Language"))
    preferences.language = welsh ? "en" : "cy";
  if (desk_.officer()) {
    ImGui::SameLine();
    if (ui::secondary_button(ui, ui.tr("Lock"), "Lock")) wipe(false);
    ImGui::SameLine();
    if (ui::secondary_button(ui, ui.tr("Sign out"), "Sign out")) wipe(true);
  }
  ImGui::Separator();
}

void FieldShell::draw(ui::Context& ui, screens::ScreenContext& base, Preferences& preferences) {
  draw_top_bar(ui, preferences);
  screens::ScreenContext journey_screen{base.ui,      state_.journey, base.rules,   base.desk,     base.preferences,
                                        base.english, base.places,    base.touches, base.settings, {}};
  journey_screen.send = [&] {
    FieldScreen sending{ui, state_, desk_, settings_, journey_screen};
    send_report(sending);
  };
  FieldScreen report{ui, state_, desk_, settings_, journey_screen};
  const bool signed_in = desk_.officer().has_value();
  if (!signed_in && state_.view != FieldView::SignIn && state_.view != FieldView::Pin) state_.view = first_view();
  switch (state_.view) {
    case FieldView::SignIn:
      draw_sign_in(report);
      break;
    case FieldView::Pin:
      draw_pin_sign_in(report);
      break;
    case FieldView::Home:
      draw_home(report);
      break;
    case FieldView::ChooseService:
      draw_choose_service(report);
      break;
    case FieldView::Sent:
      draw_sent(report);
      break;
    case FieldView::Duplicates:
      draw_duplicates(report);
      break;
    case FieldView::Drafts:
      draw_drafts(report);
      break;
    case FieldView::Sync:
      draw_sync(report);
      break;
    case FieldView::Jobs:
      draw_jobs(report);
      break;
    case FieldView::Job:
      draw_job(report);
      break;
    case FieldView::Report:
      switch (state_.journey.page) {
        case Page::Question:
          screens::draw_question(journey_screen);
          if (state_.view == FieldView::Report && state_.journey.page != Page::ChooseService) report_bottom(report);
          break;
        case Page::Location:
          draw_location(report);
          break;
        case Page::Photos:
          draw_photos(report);
          break;
        case Page::CheckAnswers:
          screens::draw_check_answers(journey_screen);
          if (state_.view == FieldView::Report) report_bottom(report);
          break;
        default:
          state_.view = FieldView::ChooseService;
          break;  // the journey left its pages
      }
      break;
  }
  // The camera runs only while a page with photos shows.
  const bool on_photos = (state_.view == FieldView::Report && state_.journey.page == Page::Photos) ||
                         (state_.view == FieldView::Job && state_.job.adding_photos);
  if (!on_photos && desk_.photos()) desk_.photos()->stop_camera();
  if (!on_photos) {
    state_.photo_trouble.clear();
    state_.photo_notice = false;
    state_.choosing_import = false;
  }
}

}  // namespace oneservice::kiosk::field
