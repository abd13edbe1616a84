#pragma once
// Field mode's screens, one file each (kiosk/field/*_screen.cpp). A screen
// draws from FieldState and acts through the FieldDesk; the report's own
// pages are the kiosk's journey screens (kiosk/screens/), reached through
// `journey_screen`.
#include <string>

#include "kiosk/field/field_desk.h"
#include "kiosk/field/field_settings.h"
#include "kiosk/field/field_state.h"
#include "kiosk/screens/screens.h"

namespace oneservice::kiosk::field {

struct FieldScreen {
  ui::Context& ui;
  FieldState& state;
  FieldDesk& desk;
  const FieldSettings& settings;
  screens::ScreenContext& journey_screen;  // the journey, its rules and the map
};

void draw_sign_in(FieldScreen& screen);
void draw_pin_sign_in(FieldScreen& screen);
void draw_home(FieldScreen& screen);
void draw_choose_service(FieldScreen& screen);
void draw_location(FieldScreen& screen);
void draw_photos(FieldScreen& screen);
void draw_sent(FieldScreen& screen);
void draw_drafts(FieldScreen& screen);
void draw_sync(FieldScreen& screen);
void draw_jobs(FieldScreen& screen);
void draw_job(FieldScreen& screen);
void draw_duplicates(FieldScreen& screen);

// Actions more than one screen takes (kiosk/field/report_actions.cpp).
// The report as it stands, saved as one of the officer's drafts; Home then
// says so. A store that refuses keeps the report on screen and says why.
void save_as_draft(FieldScreen& screen);
// Check answers' send: checked by the shared rules, then (when open cases
// of the service are near and `ask_about_duplicates`) "Is it one of
// these?", else queued for the officer.
void send_report(FieldScreen& screen, bool ask_about_duplicates = true);
// "Add my photos and notes to this one": the report's answers as notes,
// and its photos, on that case instead of a new one.
void join_case(FieldScreen& screen, const std::string& case_id);
// A draft taken up again, on its Check answers page.
void resume_draft(FieldScreen& screen, const std::string& client_id);
// Home, with the report and everything read for it gone.
void go_home(FieldScreen& screen, const char* notice = nullptr);

}  // namespace oneservice::kiosk::field
