// One job: what was reported (answers, photos), its history, this
// officer's updates and how far each got, and the form for the next one:
// a new status, a note the public sees, a note only staff see. A clash with
// someone else's change is said on the job, never hidden.
#include <algorithm>

#include "kiosk/field/field_screens.h"
#include "kiosk/field/photo_devices.h"
#include "kiosk/field/photo_picker.h"
#include "kiosk/progress_words.h"
#include "kiosk/text_field.h"

namespace oneservice::kiosk::field {
namespace {

// The statuses an officer sets from the field.
constexpr const char* kOfficerStatuses[] = {
    "INVESTIGATING", "IN_PROGRESS", "ACTION_SCHEDULED", "FIXED", "NOT_COUNCILS_RESPONSIBILITY", "NO_FURTHER_ACTION"};

std::string update_state_words(ui::Context& ui, const JobUpdateLine& update, const Wording& wording) {
  switch (update.state) {
    case UpdateState::Waiting:
      return ui.tr("Waiting for a signal");
    case UpdateState::WaitingForSignIn:
      return ui.tr("Waiting: sign in with your name and secret to send it");
    case UpdateState::Sending:
      return ui.tr("Sending now…");
    case UpdateState::Sent:
      return format(ui.tr("Sent {date}"), {{"date", date_in_words(update.sent_at, wording)}});
    case UpdateState::Conflict:
      return ui.tr("Kept by the council but not applied: someone changed the case first.");
    case UpdateState::NeedsAttention:
      return ui.tr("Needs attention: the council did not accept it.");
  }
  return {};
}

void draw_report(FieldScreen& screen, const JobView& job) {
  auto& ui = screen.ui;
  if (!job.address.empty()) ui::paragraph(ui, job.address);
  if (!job.description.empty()) ui::quoted(ui, ui.tr("The report says:"), job.description);
  for (const auto& answer : job.answers) {
    ui::FontScope font(ui.fonts.heading);
    ui::paragraph(ui, answer.question);
    ui::FontScope body(ui.fonts.body);
    ui::paragraph(ui, answer.answer);
  }
  PhotoDevices* devices = screen.desk.photos();
  for (std::size_t i = 0; devices && i < job.thumbnails.size(); ++i) {
    if (i % 4 != 0) ImGui::SameLine(0, 24);
    const Shown shown = devices->thumbnail(ReportPhoto{job.thumbnails[i], 0, 0, {}, {}});
    if (!shown.texture) continue;
    ImGui::Image(shown.texture, ImVec2(static_cast<float>(shown.width), static_cast<float>(shown.height)));
    ui::record(ui, "job photo " + std::to_string(i + 1));
  }
}

void draw_history(FieldScreen& screen, const JobView& job) {
  auto& ui = screen.ui;
  const auto& wording = screen.journey_screen.rules.wording;
  {
    ui::FontScope font(ui.fonts.heading);
    ui::paragraph(ui, ui.tr("History"));
  }
  for (const auto& entry : job.history) {
    ui::paragraph(ui, format(ui.tr("{date}: {status}"), {{"date", date_in_words(entry.when, wording)},
                                                         {"status", ui.tr(status_msgid(entry.status))}}));
    if (!entry.description.empty()) ui::quoted(ui, ui.tr("Public note:"), entry.description);
    if (!entry.private_note.empty()) ui::quoted(ui, ui.tr("Staff note:"), entry.private_note);
    if (!entry.applied)
      ui::error_message(ui, ui.tr("Kept by the council but not applied: someone changed the case first."));
  }
  for (const auto& update : job.queued) {
    ui::paragraph(
        ui, format(ui.tr("Your update: {status}"),
                   {{"status", update.status.empty() ? ui.tr("Note only") : ui.tr(status_msgid(update.status))}}));
    ui::hint(ui, update_state_words(ui, update, wording));
    if (!update.council_words.empty()) ui::quoted(ui, ui.tr("The council wrote:"), update.council_words);
  }
}

void draw_form(FieldScreen& screen) {
  auto& ui = screen.ui;
  auto& form = screen.state.job;
  {
    ui::FontScope font(ui.fonts.heading);
    ui::paragraph(ui, ui.tr("Update this job"));
  }
  if (form.queued) ui::panel(ui, ui.tr("Update saved. It is sent when the tablet has a signal."), "");
  if (!form.problem.empty()) {
    ui::error_message(ui, ui.tr("The tablet could not save this update. It is still on the screen: try again."));
    ui::hint(ui, form.problem);
  }
  if (ui::choice(ui, ui.tr("No change of status"), form.status.empty(), true)) form.status.clear();
  for (const char* status : kOfficerStatuses)
    if (ui::choice(ui, ui.tr(status_msgid(status)), form.status == status, true)) form.status = status;
  const float width = ImGui::GetContentRegionAvail().x;
  ui::paragraph(ui, ui.tr("Note for the public (optional)"));
  ui::text_field(ui, "field:public_note", &form.public_note, true, width);
  ui::paragraph(ui, ui.tr("Note for staff only (optional)"));
  ui::text_field(ui, "field:private_note", &form.private_note, true, width);
  // The camera starts only when asked for: a job is mostly read.
  if (form.adding_photos || !form.photos.empty()) {
    ui::paragraph(ui, ui.tr("Photos (optional)"));
    draw_photo_picker(screen, form.photos, nullptr);
  } else if (screen.desk.photos() && ui::secondary_button(ui, ui.tr("Add photos"), "Add photos")) {
    form.adding_photos = true;
  }
  ImGui::Spacing();
  if (!ui::primary_button(ui, ui.tr("Send update"), "Send update")) return;
  const std::string id = form.job_id;
  screen.desk.queue_job_update(id, {form.status, form.public_note, form.private_note, form.photos}, form.problem);
  if (form.problem.empty()) {
    form = JobForm{};
    form.job_id = id;
    form.queued = true;
  }
}

}  // namespace

void draw_job(FieldScreen& screen) {
  auto& ui = screen.ui;
  if (ui::secondary_button(ui, ui.tr("Back to my jobs"), "Back")) {
    screen.state.job = JobForm{};
    screen.state.view = FieldView::Jobs;
    return;
  }
  const JobView* job = screen.desk.job(screen.state.job.job_id);
  if (!job) {  // taken away while open: Home says so
    go_home(screen);
    return;
  }
  ui::hint(ui, format(ui.tr("Case {reference}"), {{"reference", job->id}}));
  ui::heading(ui, job->service_name);
  ui::paragraph(ui, ui.tr(status_msgid(job->status)));
  if (job->conflict)
    ui::error_message(ui, ui.tr("Someone else changed this case before your update arrived. Your update is kept and a "
                                "manager will look at it."));
  draw_report(screen, *job);
  draw_history(screen, *job);
  draw_form(screen);
}

}  // namespace oneservice::kiosk::field
