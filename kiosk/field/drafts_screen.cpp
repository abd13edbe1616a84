// Drafts: the officer's unfinished reports, the incomplete ones first
// (those need a visit before "Send all" can take them), each resumable;
// "Send all" queues every complete one at once.
#include <algorithm>

#include "kiosk/field/field_screens.h"
#include "kiosk/progress_words.h"

namespace oneservice::kiosk::field {
namespace {

std::string service_name(FieldScreen& screen, const std::string& code) {
  const auto* service = screen.journey_screen.rules.catalogue.find_service(code);
  return service ? service->service_name : code;
}

void draft_row(FieldScreen& screen, const DraftSummary& draft) {
  auto& ui = screen.ui;
  ui::IdScope id(draft.client_id);
  {
    ui::FontScope font(ui.fonts.heading);
    ui::paragraph(ui, service_name(screen, draft.service_code));
  }
  ui::hint(ui, format(ui.tr("{reference}, saved {date}"),
                      {{"reference", draft.local_ref},
                       {"date", date_in_words(draft.updated_at, screen.journey_screen.rules.wording)}}));
  if (!draft.complete) ui::error_message(ui, ui.tr("Not complete yet: open it to finish it."));
  if (ui::secondary_button(ui, ui.tr("Open"), "Open " + draft.local_ref)) resume_draft(screen, draft.client_id);
  ImGui::Separator();
}

}  // namespace

void draw_drafts(FieldScreen& screen) {
  auto& ui = screen.ui;
  if (ui::secondary_button(ui, ui.tr("Back"), "Back")) {
    go_home(screen);
    return;
  }
  ui::heading(ui, ui.tr("Drafts"));
  if (const auto& batch = screen.state.last_batch) {
    ui::panel(ui,
              format(ui.trn("{count} report queued to send", "{count} reports queued to send", batch->queued),
                     {{"count", std::to_string(batch->queued)}}),
              "");
  }
  auto drafts = screen.desk.drafts();
  if (drafts.empty()) {
    ui::paragraph(ui, ui.tr("You have no drafts."));
    return;
  }
  std::stable_partition(drafts.begin(), drafts.end(), [](const DraftSummary& draft) { return !draft.complete; });
  const auto complete = std::count_if(drafts.begin(), drafts.end(), [](const DraftSummary& d) { return d.complete; });
  const long incomplete = static_cast<long>(drafts.size()) - complete;
  if (incomplete > 0)
    ui::paragraph(ui, format(ui.trn("{count} draft is not complete and cannot be sent yet.",
                                    "{count} drafts are not complete and cannot be sent yet.", incomplete),
                             {{"count", std::to_string(incomplete)}}));
  if (complete > 0 &&
      ui::primary_button(ui,
                         format(ui.trn("Send all: {count} report", "Send all: {count} reports", complete),
                                {{"count", std::to_string(complete)}}),
                         "Send all")) {
    std::vector<std::string> ids;
    for (const auto& draft : drafts)
      if (draft.complete) ids.push_back(draft.client_id);
    screen.state.last_batch = screen.desk.send_drafts(ids);
    return;
  }
  ImGui::Spacing();
  for (const auto& draft : drafts) draft_row(screen, draft);
}

}  // namespace oneservice::kiosk::field
