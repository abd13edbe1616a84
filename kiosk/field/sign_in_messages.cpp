#include "kiosk/field/sign_in_messages.h"

namespace oneservice::kiosk::field {

std::string sign_in_problem(ui::Context& ui, const SignInAnswer& answer) {
  switch (answer.outcome) {
    case SignInOutcome::SignedIn:
      return {};
    case SignInOutcome::WrongNameOrSecret:
      return ui.tr("The name or secret is not right. Check both and try again.");
    case SignInOutcome::AccountDisabled:
      return ui.tr("This account is no longer active. Ask your manager.");
    case SignInOutcome::DeviceRefused:
      return ui.tr("The council does not accept this tablet. Ask your manager to check its key.");
    case SignInOutcome::PinNotAllowed:
      return ui.tr("Choose a PIN of 6 to 8 digits, not one digit repeated and not a run like 123456.");
    case SignInOutcome::NoConnection:
      return ui.tr("The tablet cannot reach the council. Sign in with your PIN, or try again with a signal.");
    case SignInOutcome::ServerProblem:
      return ui.tr("The council's server could not sign you in just now. Try again in a few minutes.");
    case SignInOutcome::WrongPin:
      return format(ui.trn("That PIN is not right. {count} more try before the PIN is locked.",
                           "That PIN is not right. {count} more tries before the PIN is locked.", answer.pins_left),
                    {{"count", std::to_string(answer.pins_left)}});
    case SignInOutcome::PinLocked:
      return ui.tr("Too many wrong PINs. Sign in with your name and secret when the tablet has a signal.");
    case SignInOutcome::NoOfflineSignIn:
      return ui.tr(
          "There is no PIN for you on this tablet. Sign in with your name and secret when the tablet has a "
          "signal.");
    case SignInOutcome::PinExpired:
      return ui.tr(
          "Your PIN on this tablet has run out. Sign in with your name and secret when the tablet has a "
          "signal.");
  }
  return {};
}

}  // namespace oneservice::kiosk::field
