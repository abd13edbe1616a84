#pragma once
// Field mode around the kiosk's journey: an officer signs in (online, or
// with a PIN when there is no signal), makes reports with the same
// questions, validation and routing as the kiosk, keeps drafts and sees
// what the tablet has sent. The App draws this in place of the kiosk's
// pages when the config says "mode": "field".
//
// One officer at a time: locking (by hand or after lock_after minutes
// untouched) and signing out replace the whole FieldState and make the
// desk forget its reads, so the next officer finds nothing of theirs.
#include "kiosk/field/field_desk.h"
#include "kiosk/field/field_screens.h"
#include "kiosk/field/field_state.h"
#include "kiosk/preferences.h"

namespace oneservice::kiosk::field {

struct FieldSetup {
  FieldLinks links;
  FieldSettings settings;
};

class FieldShell {
 public:
  FieldShell(FieldSetup setup, Clock clock);

  // The field pages, inside the App's page column. `base` holds the
  // journey's rules (the shown catalogue, the wording, the map); the shell
  // puts its own journey and send in.
  void draw(ui::Context& ui, screens::ScreenContext& base, Preferences& preferences);
  // Called every frame with whether a person touched the screen; locks the
  // tablet after lock_after untouched. True when it locked this frame (the
  // App then drops its keyboard and focus too).
  bool watch_idle(bool input);
  // The frame loop keeps drawing: the idle lock's clock, a sign-in answer
  // to wait for, the GPS panel's live reading.
  bool needs_clock_ticks() const { return desk_.officer().has_value() || desk_.signing_in(); }

  const FieldState& state() const { return state_; }
  const FieldDesk& desk() const { return desk_; }
  // The journey's rules for field reports: photos, no resident's contact.
  static void adapt_rules(JourneyContext& rules);

 private:
  void draw_top_bar(ui::Context& ui, Preferences& preferences);
  // Forgets the officer: everything of theirs leaves memory and screen.
  void wipe(bool sign_out);
  FieldView first_view();

  FieldDesk desk_;
  FieldSettings settings_;
  Clock clock_;
  FieldState state_;
  bool wiped_ = false;  // since the last watch_idle
};

}  // namespace oneservice::kiosk::field
