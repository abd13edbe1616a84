// Offline sign-in: choose who you are from the officers who signed in
// online on this tablet, then your PIN. After five wrong PINs that
// officer's PIN is locked (the store keeps the count) until they sign in
// online again.
#include <algorithm>

#include "kiosk/field/field_screens.h"
#include "kiosk/field/sign_in_messages.h"
#include "kiosk/text_field.h"

namespace oneservice::kiosk::field {
namespace {

void take_answer(FieldScreen& screen) {
  const auto answer = screen.desk.poll_sign_in();
  if (!answer) return;
  auto& form = screen.state.pin;
  form.pin.clear();
  if (answer->outcome == SignInOutcome::SignedIn) {
    form = PinForm{};
    screen.state.view = FieldView::Home;
    return;
  }
  form.errors = {{"pin", Problem::Missing, sign_in_problem(screen.ui, *answer)}};
  form.reveal_frames = 3;
}

}  // namespace

void draw_pin_sign_in(FieldScreen& screen) {
  auto& form = screen.state.pin;
  take_answer(screen);
  ui::reveal_here(screen.ui, form.reveal_frames);
  ui::error_summary(screen.ui, form.errors);
  ui::heading(screen.ui, screen.ui.tr("Sign in with your PIN"));
  const auto& officers = screen.desk.offline_officers();
  if (officers.empty()) {
    ui::paragraph(screen.ui, screen.ui.tr("Nobody can sign in with a PIN on this tablet yet. Sign in with your name "
                                          "and secret when the tablet has a signal."));
  } else {
    {
      ui::FontScope font(screen.ui.fonts.heading);
      ui::paragraph(screen.ui, screen.ui.tr("Who are you?"));
    }
    for (const auto& officer : officers)
      if (ui::choice(screen.ui, officer.name, form.name == officer.name, true)) {
        form.name = officer.name;
        form.errors.clear();
      }
    if (!form.name.empty()) {
      ui::ErrorBorderScope marked(!form.errors.empty());
      {
        ui::FontScope font(screen.ui.fonts.heading);
        ui::paragraph(screen.ui, screen.ui.tr("PIN"));
      }
      for (const auto& error : form.errors) ui::error_message(screen.ui, error.message);
      ui::text_field(screen.ui, "field:pin", &form.pin, false, std::min(ImGui::GetContentRegionAvail().x, 400.0f),
                     ui::FieldKind::Pin);
    }
    ImGui::Spacing();
    if (screen.desk.signing_in()) {
      ui::paragraph(screen.ui, screen.ui.tr("Checking your PIN…"));
    } else if (!form.name.empty() && ui::primary_button(screen.ui, screen.ui.tr("Sign in"), "Sign in")) {
      if (form.pin.empty()) {
        form.errors = {{"pin", Problem::Missing, screen.ui.tr("Enter your PIN")}};
        form.reveal_frames = 3;
      } else
        screen.desk.start_sign_in_with_pin(form.name, form.pin);
    }
  }
  ImGui::Spacing();
  if (screen.desk.can_sign_in_online() && !screen.desk.signing_in() &&
      ui::secondary_button(screen.ui, screen.ui.tr("Sign in with your name and secret"), "Sign in online")) {
    form = PinForm{};
    screen.state.view = FieldView::SignIn;
  }
}

}  // namespace oneservice::kiosk::field
