// The request is in the outbox: its reference, and what happens next.
#include "kiosk/qr_code.h"
#include "kiosk/routing_words.h"
#include "kiosk/screens/screens.h"
#include "sync/outbox.h"

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
  // reference is shown too (read from the outbox, never from memory).
  std::optional<sync::OutboxEntry> entry;
  try {
    entry = screen.outbox.find_by_reference(journey.reference);
  } catch (const sync::StoreError&) {
    // Busy or unreadable just now: the page still says what happens next.
  }
  if (entry && entry->state == sync::RequestState::Accepted)
    ui::paragraph(ui, format(ui.tr("It has been sent to the council. The council's reference is {reference}."),
                             {{"reference", entry->server_ref}}));
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

void draw_out_of_order(ui::Context& ui, const std::string& problem) {
  ui::heading(ui, "Sorry, this kiosk cannot take requests at the moment");
  ui::paragraph(ui, "Ask a member of staff for help, or contact the council another way.");
  ui::hint(ui, problem);
}

}  // namespace oneservice::kiosk::screens
