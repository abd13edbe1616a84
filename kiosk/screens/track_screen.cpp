// Check progress: a reference in, the request's state and the council's
// updates out, from this kiosk's own store. The worker keeps that store's
// status cache fresh while online, so this page works offline too. It shows
// only what the council would show anyone holding the reference: the
// service, dates and status, never the answers or contact details.
#include "kiosk/progress_words.h"
#include "kiosk/screens/back_link.h"
#include "kiosk/screens/screens.h"

namespace oneservice::kiosk::screens {
namespace {

std::string state_text(const ui::Context& ui, Progress progress) {
  switch (progress) {
    case Progress::WithTheCouncil:
      return ui.tr("The council has it.");
    case Progress::NeedsStaff:
      return ui.tr("The council could not take it as it is. Ask a member of staff for help.");
    case Progress::OnThisKiosk:
      break;
  }
  return ui.tr("It is saved on this kiosk and will be sent to the council when the kiosk is online.");
}

void draw_entry(ScreenContext& screen, const TrackedRequest& entry) {
  auto& ui = screen.ui;
  const Wording wording = ui.translator ? ui.translator->wording() : Wording::english();
  const auto* service = screen.rules.catalogue.find_service(entry.service_code);
  ui::panel(ui, service ? service->service_name : entry.service_code, entry.reference);
  ui::paragraph(ui, format(ui.tr("Made on {date}."), {{"date", date_in_words(entry.made_at, wording)}}));
  ui::paragraph(ui, state_text(ui, entry.progress));
  if (!entry.council_reference.empty())
    ui::paragraph(ui, format(ui.tr("The council's reference is {reference}."), {{"reference", entry.council_reference}}));
  const auto& updates = entry.updates;
  ui::heading(ui, ui.tr("Updates"));
  if (updates.empty()) ui::paragraph(ui, ui.tr("No updates yet."));
  for (auto it = updates.rbegin(); it != updates.rend(); ++it) {  // newest first
    ui::hint(ui, date_in_words(it->date, wording));
    {
      ui::FontScope bold(ui.fonts.heading);
      ui::paragraph(ui, ui.tr(status_msgid(it->status)));
    }
    // The council's note is its own words: shown as written, never
    // translated, and said to be the council's.
    if (!it->description.empty()) ui::quoted(ui, ui.tr("The council wrote:"), it->description);
    ImGui::Spacing();
  }
}

}  // namespace

void draw_track(ScreenContext& screen) {
  auto& journey = screen.journey;
  auto& ui = screen.ui;
  back_link(screen);
  ui::heading(ui, ui.tr("Check the progress of a request"));
  ui::hint(ui, ui.tr("Enter the reference you were given, for example OS-7K3M-Q9TX."));
  ui::text_field(ui, "field:reference", &journey.fields.text, false, ImGui::GetContentRegionAvail().x,
                 ui::FieldKind::Reference);
  if (ui::primary_button(ui, ui.tr("Check"), "Check")) {
    look_up_reference(journey);
    screen.desk.forget();  // Check reads afresh, even for the same reference
  }
  if (journey.track_reference.empty()) return;
  ImGui::Spacing();
  ui::reveal_here(ui, journey.reveal_frames);
  if (const auto& entry = screen.desk.track(journey.track_reference)) draw_entry(screen, *entry);
  else
    ui::error_message(ui, ui.tr("No request with that reference was made at this kiosk. Check the reference, or "
                                "contact the council."));
}

}  // namespace oneservice::kiosk::screens
