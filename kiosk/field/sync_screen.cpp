// Sync: what the tablet has sent for the officer and when, what waits and
// why, and what needs attention in the council's own words; "Send now".
#include "kiosk/field/field_screens.h"
#include "kiosk/progress_words.h"

namespace oneservice::kiosk::field {
namespace {

// Why something waits, from the engine's reason (sync/sync_log.h's keys).
std::string waiting_words(ui::Context& ui, const std::string& reason) {
  if (reason == "sign_in") return ui.tr("Waiting: sign in with your name and secret to send it");
  if (reason == "retry_at") return ui.tr("Waiting: the council's server asked the tablet to try again later");
  if (reason == "report_first") return ui.tr("Waiting for its report to be sent first");
  if (reason == "no_signal") return ui.tr("Waiting for a signal");
  return ui.tr("Waiting to send");
}

std::string kind_words(ui::Context& ui, const std::string& kind) {
  if (kind == "photo") return ui.tr("Photo");
  if (kind == "update") return ui.tr("Job update");
  return ui.tr("Report");
}

void entry_row(FieldScreen& screen, const SyncLogEntry& entry) {
  auto& ui = screen.ui;
  const auto& wording = screen.journey_screen.rules.wording;
  ui::IdScope id(entry.kind + entry.reference + entry.queued_at);
  // A report names its service by code: shown as the catalogue names it.
  const auto* service = screen.journey_screen.rules.catalogue.find_service(entry.what);
  {
    ui::FontScope font(ui.fonts.heading);
    ui::paragraph(ui, format(ui.tr("{kind}: {what}"), {{"kind", kind_words(ui, entry.kind)},
                                                       {"what", service ? service->service_name : entry.what}}));
  }
  ui::hint(ui, format(ui.tr("Reference {reference}"), {{"reference", entry.reference}}));
  switch (entry.state) {
    case SyncState::Sent:
      ui::paragraph(ui, format(ui.tr("Sent {date}"), {{"date", date_in_words(entry.sent_at, wording)}}));
      break;
    case SyncState::Waiting:
      ui::paragraph(ui, waiting_words(ui, entry.reason));
      break;
    case SyncState::NeedsAttention:
      ui::error_message(ui, ui.tr("Needs attention: the council did not accept it."));
      if (!entry.reason.empty()) ui::quoted(ui, ui.tr("The council wrote:"), entry.reason);
      break;
  }
  ImGui::Separator();
}

}  // namespace

void draw_sync(FieldScreen& screen) {
  auto& ui = screen.ui;
  if (ui::secondary_button(ui, ui.tr("Back"), "Back")) {
    go_home(screen);
    return;
  }
  ui::heading(ui, ui.tr("Sync"));
  ui::paragraph(ui, screen.desk.online() ? ui.tr("The tablet can reach the council.")
                                         : ui.tr("The tablet cannot reach the council just now."));
  if (screen.desk.can_send() && ui::primary_button(ui, ui.tr("Send now"), "Send now")) screen.desk.send_now();
  const auto& log = screen.desk.sync_log();
  if (log.empty()) ui::paragraph(ui, ui.tr("Nothing has been sent from this tablet for you yet."));
  // Needing attention first, then waiting, then sent: what to act on on top.
  for (const SyncState state : {SyncState::NeedsAttention, SyncState::Waiting, SyncState::Sent})
    for (const auto& entry : log)
      if (entry.state == state) entry_row(screen, entry);
}

}  // namespace oneservice::kiosk::field
