// Online sign-in: name, secret, and a new PIN for the times the tablet has
// no signal. The secret and PIN show as dots and are forgotten as soon as
// the council has answered.
#include <algorithm>

#include "kiosk/field/field_screens.h"
#include "kiosk/field/sign_in_messages.h"
#include "kiosk/text_field.h"

namespace oneservice::kiosk::field {
namespace {

void labelled_field(FieldScreen& screen, const std::string& label, const std::string& hint, const char* code,
                    std::string* value, ui::FieldKind kind) {
  const auto& errors = screen.state.sign_in.errors;
  ui::ErrorBorderScope marked(
      std::any_of(errors.begin(), errors.end(), [&](const FieldError& error) { return error.field == code; }));
  {
    ui::FontScope font(screen.ui.fonts.heading);
    ui::paragraph(screen.ui, label);
  }
  ui::hint(screen.ui, hint);
  for (const auto& error : errors)
    if (error.field == code) ui::error_message(screen.ui, error.message);
  ui::text_field(screen.ui, std::string("field:") + code, value, false,
                 std::min(ImGui::GetContentRegionAvail().x, 640.0f), kind);
}

// What the tablet checks itself before asking the council: every box
// filled and the PIN typed the same twice. The PIN's own rules are the
// council's (it answers PinNotAllowed).
std::vector<FieldError> check_form(ui::Context& ui, const SignInForm& form) {
  std::vector<FieldError> errors;
  if (form.name.empty()) errors.push_back({"name", Problem::Missing, ui.tr("Enter your name")});
  if (form.secret.empty()) errors.push_back({"secret", Problem::Missing, ui.tr("Enter your secret")});
  if (form.pin.empty())
    errors.push_back({"pin", Problem::Missing, ui.tr("Choose a PIN for signing in without a signal")});
  else if (form.pin != form.pin_again)
    errors.push_back({"pin_again", Problem::Missing, ui.tr("Enter the same PIN again")});
  return errors;
}

void take_answer(FieldScreen& screen) {
  const auto answer = screen.desk.poll_sign_in();
  if (!answer) return;
  auto& form = screen.state.sign_in;
  form.secret.clear();  // never kept past the answer
  form.pin.clear();
  form.pin_again.clear();
  if (answer->outcome == SignInOutcome::SignedIn) {
    form = SignInForm{};
    screen.state.view = FieldView::Home;
    return;
  }
  std::string message = sign_in_problem(screen.ui, *answer);
  const char* field = answer->outcome == SignInOutcome::PinNotAllowed ? "pin" : "secret";
  form.errors = {{field, Problem::Missing, message}};
  form.reveal_frames = 3;
}

}  // namespace

void draw_sign_in(FieldScreen& screen) {
  auto& form = screen.state.sign_in;
  take_answer(screen);
  ui::reveal_here(screen.ui, form.reveal_frames);
  ui::error_summary(screen.ui, form.errors);
  ui::heading(screen.ui, screen.ui.tr("Sign in"));
  ui::hint(screen.ui, screen.ui.tr("Use the name and secret the council gave you."));
  const bool busy = screen.desk.signing_in();
  labelled_field(screen, screen.ui.tr("Name"), "", "name", &form.name, ui::FieldKind::Text);
  labelled_field(screen, screen.ui.tr("Secret"), "", "secret", &form.secret, ui::FieldKind::Secret);
  labelled_field(screen, screen.ui.tr("Choose a PIN for this tablet"),
                 screen.ui.tr("6 to 8 digits. You will use it to sign in here when there is no signal."), "pin",
                 &form.pin, ui::FieldKind::Pin);
  labelled_field(screen, screen.ui.tr("Enter the PIN again"), "", "pin_again", &form.pin_again, ui::FieldKind::Pin);
  ImGui::Spacing();
  if (busy) {
    ui::paragraph(screen.ui, screen.ui.tr("Signing in…"));
  } else if (ui::primary_button(screen.ui, screen.ui.tr("Sign in"), "Sign in")) {
    form.errors = check_form(screen.ui, form);
    form.reveal_frames = form.errors.empty() ? 0 : 3;
    if (form.errors.empty()) screen.desk.start_sign_in_online(form.name, form.secret, form.pin);
  }
  ImGui::Spacing();
  if (!busy && ui::secondary_button(screen.ui, screen.ui.tr("No signal? Sign in with your PIN"), "Sign in with PIN")) {
    form = SignInForm{};
    screen.state.view = FieldView::Pin;
  }
}

}  // namespace oneservice::kiosk::field
