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
  if (ui::secondary_button(screen.ui, screen.ui.tr("Change"), "Change " + code)) change_answer(screen.journey, screen.rules, code);
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
    ui::paragraph(screen.ui, screen.ui.tr("Your answers are safe on this screen, but they could not be saved. Ask a member of staff for help."));
    ui::hint(screen.ui, journey.save_problem);
  }
  ui::heading(screen.ui, screen.ui.tr("Check your answers before sending"));
  ui::hint(screen.ui, service->service_name);
  for (const auto* attribute : visible_attributes(*service, journey.answers)) {
    if (!attribute->variable) continue;
    const auto found = journey.answers.find(attribute->code);
    answer_row(screen, attribute->code, attribute->label(),
               display_answer(*attribute, found == journey.answers.end() ? nullptr : &found->second,
                              screen.rules.wording));
  }
  const bool map = screen.places && screen.places->usable();
  answer_row(screen, "location", screen.ui.tr("Location"),
             describe_location(journey.location, map ? &*screen.places->map : nullptr,
                               map ? &*screen.places->boundaries : nullptr, screen.rules.wording));
  if (screen.rules.photos_page) {
    const auto count = static_cast<long>(journey.photos.size());
    answer_row(screen, "photos", screen.ui.tr("Photos"),
               count == 0 ? screen.ui.tr("Not provided")
                          : format(screen.ui.trn("{count} photo", "{count} photos", count),
                                   {{"count", std::to_string(count)}}));
  }
  if (screen.rules.contact_page) {
    const auto& contact = journey.contact;
    std::string contact_text;
    for (const auto* part : {&contact.first_name, &contact.last_name, &contact.email, &contact.phone}) {
      if (part->empty()) continue;
      if (!contact_text.empty()) contact_text += part == &contact.last_name ? " " : "\n";
      contact_text += *part;
    }
    answer_row(screen, "contact", screen.ui.tr("Contact details"),
               contact_text.empty() ? screen.ui.tr("Not provided") : contact_text);
  }
  ImGui::Spacing();
  const std::string submit = service->submit_label.empty() ? screen.ui.tr("Send") : service->submit_label;
  // Tests and the probe know the button by its English words in any language.
  const auto* english = screen.english.find_service(service->service_code);
  const std::string probe = english && !english->submit_label.empty() ? english->submit_label : "Send";
  if (!ui::primary_button(screen.ui, submit, probe)) return;
  if (screen.send) screen.send();
  else send(journey, screen.rules, screen.desk);
}

}  // namespace oneservice::kiosk::screens
