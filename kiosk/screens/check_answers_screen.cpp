// Check your answers: every answer with a Change button, then send.
#include "kiosk/answer_display.h"
#include "kiosk/location_description.h"
#include "kiosk/screens/back_link.h"
#include "kiosk/screens/screens.h"
#include "kiosk/theme.h"

namespace oneservice::kiosk::screens {
namespace {

void answer_row(ScreenContext& screen, const std::string& code, const std::string& label, const std::string& value) {
  ui::IdScope id(code);
  {
    ui::FontScope font(screen.ui.fonts.heading);
    ui::paragraph(screen.ui, label);
  }
  ui::paragraph(screen.ui, value);
  if (ui::secondary_button(screen.ui, "Change", "Change " + label)) change_answer(screen.journey, screen.rules, code);
  ImGui::Separator();
}

}  // namespace

void draw_check_answers(ScreenContext& screen) {
  auto& journey = screen.journey;
  const auto* service = screen.rules.catalogue.find_service(journey.service_code);
  if (!service) return;
  back_link(screen);
  ui::error_summary(screen.ui, journey.errors);
  if (!journey.save_problem.empty()) {
    ui::TextColourScope colour(theme::palette().error);
    ui::paragraph(screen.ui, "Your answers are safe on this screen, but they could not be saved. Ask a member of staff for help.");
    ui::hint(screen.ui, journey.save_problem);
  }
  ui::heading(screen.ui, "Check your answers before sending");
  ui::hint(screen.ui, service->service_name);
  for (const auto* attribute : visible_attributes(*service, journey.answers)) {
    if (!attribute->variable) continue;
    const auto found = journey.answers.find(attribute->code);
    answer_row(screen, attribute->code, attribute->label(),
               display_answer(*attribute, found == journey.answers.end() ? nullptr : &found->second));
  }
  const bool map = screen.places && screen.places->usable();
  answer_row(screen, "location", "Location",
             describe_location(journey.location, map ? &*screen.places->map : nullptr,
                               map ? &*screen.places->boundaries : nullptr));
  const auto& contact = journey.contact;
  std::string contact_text;
  for (const auto* part : {&contact.first_name, &contact.last_name, &contact.email, &contact.phone}) {
    if (part->empty()) continue;
    if (!contact_text.empty()) contact_text += part == &contact.last_name ? " " : "\n";
    contact_text += *part;
  }
  answer_row(screen, "contact", "Contact details", contact_text.empty() ? "Not provided" : contact_text);
  ImGui::Spacing();
  const std::string submit = service->submit_label.empty() ? "Send" : service->submit_label;
  if (ui::primary_button(screen.ui, submit)) send(journey, screen.rules, screen.outbox);
}

}  // namespace oneservice::kiosk::screens
