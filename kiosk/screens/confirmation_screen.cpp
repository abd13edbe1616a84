// The request is in the outbox: its reference, and what happens next.
#include "kiosk/qr_code.h"
#include "kiosk/routing_words.h"
#include "kiosk/screens/screens.h"

namespace oneservice::kiosk::screens {

void draw_confirmation(ScreenContext& screen) {
  auto& journey = screen.journey;
  const auto* service = screen.rules.catalogue.find_service(journey.service_code);
  const bool application = service && service->type == ServiceType::Batch;
  auto& ui = screen.ui;
  ui::panel(ui, application ? ui.tr("Application saved") : ui.tr("Report saved"),
            ui.tr("Your reference is") + "\n" + journey.reference);
  ui::paragraph(ui, ui.tr("Write this reference down or take a photo of it. You can use it to check progress."));
  ui::heading(ui, ui.tr("What happens next"));
  // The worker may deliver it while this page is up: then the council's own
  // reference is shown too (the desk reads it when the worker reports a change).
  const std::string& council_reference = screen.desk.council_reference(journey.reference);
  if (!council_reference.empty())
    ui::paragraph(ui, format(ui.tr("It has been sent to the council. The council's reference is {reference}."),
                             {{"reference", council_reference}}));
  else
    ui::paragraph(ui, ui.tr("This kiosk will send it to the council as soon as it is online."));
  if (journey.routing) ui::paragraph(ui, routing_notice(ui, *journey.routing));
  if (service && !service->next_steps.empty()) ui::paragraph(screen.ui, service->next_steps);
  // A way to keep a record without pen and paper: the council's tracking
  // page for this reference, for the resident's phone camera.
  if (screen.settings && !screen.settings->tracking_url.empty()) {
    if (const auto qr = make_qr(tracking_url(screen.settings->tracking_url, journey.reference))) {
      ui::heading(ui, ui.tr("Follow it on your phone"));
      ui::paragraph(ui, ui.tr("Point your phone’s camera at this code to open the council’s page for this request."));
      ui::qr_code(ui, *qr, 6.0f, "qr:tracking");
    }
  }
  ImGui::Spacing();
  if (ui::primary_button(ui, ui.tr("Finish"), "Finish")) finish(journey);
}

}  // namespace oneservice::kiosk::screens
