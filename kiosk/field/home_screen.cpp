// Home: what an officer can do, and what is waiting on the tablet.
#include <algorithm>

#include "kiosk/field/field_screens.h"

namespace oneservice::kiosk::field {
namespace {

// Home's actions are tiles, two to a row on a landscape screen: a gloved
// thumb in the rain hits them first time, and all four show without scrolling.
constexpr float kTileGap = 24;
bool tile(ui::Context& ui, const std::string& label, const std::string& probe_label, float width,
          bool primary = false) {
  return ui::key_button(ui, label, probe_label, ImVec2(width, 104), primary);
}

// Jobs taken off the officer's list since they last looked, and whether
// work of theirs on it was still unsent (it is kept and still goes).
void draw_notices(FieldScreen& screen) {
  auto& ui = screen.ui;
  for (const auto& notice : screen.desk.notices()) {
    ui::IdScope id("notice" + std::to_string(notice.id));
    const std::string why = notice.reason == "closed"       ? ui.tr("The case {reference} was closed.")
                            : notice.reason == "reassigned" ? ui.tr("The case {reference} was given to someone else.")
                            : notice.reason == "sign_in_ended"
                                ? ui.tr(
                                      "The case {reference} left this tablet because your sign-in ended. "
                                      "Sign in with your name and secret to see your jobs again.")
                                : ui.tr("The case {reference} was taken off your list.");
    ui::error_message(ui, format(why, {{"reference", notice.job_id}}));
    if (notice.had_unsent_work)
      ui::paragraph(ui, ui.tr("Your work on it that was not sent yet is kept, and is still sent to the council."));
    if (ui::secondary_button(ui, ui.tr("Dismiss"), "Dismiss " + notice.job_id)) {
      screen.desk.dismiss_notice(notice.id);
      break;
    }
  }
}

}  // namespace

void draw_home(FieldScreen& screen) {
  auto& ui = screen.ui;
  const auto& officer = screen.desk.officer();
  if (!officer) return;
  ui::heading(ui, format(ui.tr("Signed in as {name}"), {{"name", officer->name}}));
  if (!officer->team.empty()) ui::hint(ui, officer->team);
  if (screen.state.notice) ui::panel(ui, ui.tr(screen.state.notice), "");
  draw_notices(screen);
  ImGui::Spacing();
  const float width = std::min((ImGui::GetContentRegionAvail().x - kTileGap) / 2, 460.0f);
  if (tile(ui, ui.tr("New report"), "New report", width, true)) {
    screen.state.notice = nullptr;
    screen.state.journey = Journey{};
    screen.state.view = FieldView::ChooseService;
  }
  ImGui::SameLine(0, kTileGap);
  const long jobs = static_cast<long>(screen.desk.jobs().size());
  if (tile(ui, format(ui.trn("My jobs: {count}", "My jobs: {count}", jobs), {{"count", std::to_string(jobs)}}),
           "My jobs", width)) {
    screen.state.notice = nullptr;
    screen.state.view = FieldView::Jobs;
  }
  const long drafts = static_cast<long>(screen.desk.drafts().size());
  const std::string drafts_label =
      format(ui.trn("Drafts: {count}", "Drafts: {count}", drafts), {{"count", std::to_string(drafts)}});
  if (tile(ui, drafts_label, "Drafts", width)) {
    screen.state.notice = nullptr;
    screen.state.last_batch.reset();
    screen.state.view = FieldView::Drafts;
  }
  ImGui::SameLine(0, kTileGap);
  long waiting = 0;
  for (const auto& entry : screen.desk.sync_log()) waiting += entry.state != SyncState::Sent;
  const std::string sync_label =
      format(ui.trn("Sync: {count} waiting", "Sync: {count} waiting", waiting), {{"count", std::to_string(waiting)}});
  if (tile(ui, sync_label, "Sync", width)) {
    screen.state.notice = nullptr;
    screen.state.view = FieldView::Sync;
  }
}

}  // namespace oneservice::kiosk::field
