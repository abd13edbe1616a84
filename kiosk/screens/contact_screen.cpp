// Optional contact details, with the reason they help: nobody has to give
// them, and a resident who does should know what they are for.
#include <algorithm>

#include "kiosk/screens/back_link.h"
#include "kiosk/screens/screens.h"

namespace oneservice::kiosk::screens {
namespace {

void contact_field(ScreenContext& screen, const std::string& label, const char* code, std::string* value,
                   ui::FieldKind kind = ui::FieldKind::Text) {
  const auto& errors = screen.journey.errors;
  ui::ErrorBorderScope marked(
      std::any_of(errors.begin(), errors.end(), [&](const FieldError& error) { return error.field == code; }));
  {
    ui::FontScope font(screen.ui.fonts.heading);
    ui::paragraph(screen.ui, label);
  }
  for (const auto& error : screen.journey.errors)
    if (error.field == code) ui::error_message(screen.ui, error.message);
  ui::text_field(screen.ui, std::string("field:") + code, value, false, ImGui::GetContentRegionAvail().x, kind);
}

}  // namespace

void draw_contact(ScreenContext& screen) {
  auto& journey = screen.journey;
  auto& contact = journey.fields.contact;
  back_link(screen);
  ui::reveal_here(screen.ui, journey.reveal_frames);
  ui::error_summary(screen.ui, journey.errors);
  ui::heading(screen.ui, screen.ui.tr("Can the council contact you about this? (optional)"));
  ui::paragraph(screen.ui, screen.ui.tr("If you give an email address or phone number, the council can tell you when "
                                        "something happens, for example when the problem is fixed."));
  ui::hint(screen.ui, screen.ui.tr("You do not have to. Without them you can still check progress here with your "
                                   "reference."));
  contact_field(screen, screen.ui.tr("First name (optional)"), "contact.first_name", &contact.first_name);
  contact_field(screen, screen.ui.tr("Last name (optional)"), "contact.last_name", &contact.last_name);
  contact_field(screen, screen.ui.tr("Email address (optional)"), "contact.email", &contact.email, ui::FieldKind::Email);
  contact_field(screen, screen.ui.tr("Phone number (optional)"), "contact.phone", &contact.phone, ui::FieldKind::Phone);
  ImGui::Spacing();
  if (ui::primary_button(screen.ui, screen.ui.tr("Continue"), "Continue")) continue_page(journey, screen.rules);
}

}  // namespace oneservice::kiosk::screens
