// Home: what an officer can do, and what is waiting on the tablet.
#include <algorithm>

#include "kiosk/field/field_screens.h"

namespace oneservice::kiosk::field {
namespace {

// Home's actions are tiles: a gloved thumb in the rain hits them first time.
bool tile(ui::Context& ui, const std::string& label, const std::string& probe_label, bool primary = false) {
  const ImVec2 size(std::min(ImGui::GetContentRegionAvail().x, 640.0f), 104);
  return ui::key_button(ui, label, probe_label, size, primary);
}

}  // namespace

void draw_home(FieldScreen& screen) {
  auto& ui = screen.ui;
  const auto& officer = screen.desk.officer();
  if (!officer) return;
  ui::heading(ui, format(ui.tr("Signed in as {name}"), {{"name", officer->name}}));
  if (!officer->team.empty()) ui::hint(ui, officer->team);
  if (screen.state.notice) ui::panel(ui, ui.tr(screen.state.notice), "");
  ImGui::Spacing();
  if (tile(ui, ui.tr("New report"), "New report", true)) {
    screen.state.notice = nullptr;
    screen.state.journey = Journey{};
    screen.state.view = FieldView::ChooseService;
  }
  const long drafts = static_cast<long>(screen.desk.drafts().size());
  const std::string drafts_label =
      format(ui.trn("Drafts: {count}", "Drafts: {count}", drafts), {{"count", std::to_string(drafts)}});
  if (tile(ui, drafts_label, "Drafts")) {
    screen.state.notice = nullptr;
    screen.state.last_batch.reset();
    screen.state.view = FieldView::Drafts;
  }
  long waiting = 0;
  for (const auto& entry : screen.desk.sync_log()) waiting += entry.state != SyncState::Sent;
  const std::string sync_label =
      format(ui.trn("Sync: {count} waiting", "Sync: {count} waiting", waiting), {{"count", std::to_string(waiting)}});
  if (tile(ui, sync_label, "Sync")) {
    screen.state.notice = nullptr;
    screen.state.view = FieldView::Sync;
  }
}

}  // namespace oneservice::kiosk::field
