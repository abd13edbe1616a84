// My jobs: the cases a manager gave the officer, nearest first from where
// the GPS says they are now (by reference when there is no fix), each with
// its distance and status in plain words.
#include <algorithm>
#include <cmath>

#include "kiosk/field/field_screens.h"
#include "kiosk/progress_words.h"
#include "shared/geo_distance.h"

namespace oneservice::kiosk::field {
namespace {

std::optional<double> distance_to(const JobView& job, const std::optional<GpsFix>& here) {
  if (!here || !job.lat || !job.lon) return std::nullopt;
  return metres_between(here->lat, here->lon, *job.lat, *job.lon);
}

}  // namespace

void draw_jobs(FieldScreen& screen) {
  auto& ui = screen.ui;
  if (ui::secondary_button(ui, ui.tr("Back"), "Back")) {
    go_home(screen);
    return;
  }
  ui::heading(ui, ui.tr("My jobs"));
  const GpsReading reading = screen.desk.gps();
  const std::optional<GpsFix> here = reading.state == GpsState::HasFix ? reading.fix : std::nullopt;
  std::vector<const JobView*> jobs;
  for (const auto& job : screen.desk.jobs()) jobs.push_back(&job);
  if (jobs.empty()) {
    ui::paragraph(ui, ui.tr("You have no jobs on this tablet."));
    return;
  }
  ui::hint(ui, here ? ui.tr("Nearest first, from where you are now.") : ui.tr("No GPS fix: listed by reference."));
  std::stable_sort(jobs.begin(), jobs.end(), [&](const JobView* a, const JobView* b) {
    const auto da = distance_to(*a, here), db = distance_to(*b, here);
    if (da && db) return *da < *db;
    return da.has_value() && !db.has_value();  // those with a place first
  });
  for (const auto* job : jobs) {
    ui::IdScope id(job->id);
    {
      ui::FontScope font(ui.fonts.heading);
      ui::paragraph(ui, job->service_name);
    }
    ui::paragraph(ui, job->address.empty() ? job->description : job->address);
    if (const auto metres = distance_to(*job, here))
      ui::hint(ui, format(ui.tr("{metres} m away"), {{"metres", std::to_string(std::lround(*metres))}}));
    ui::hint(ui, ui.tr(status_msgid(job->status)));
    if (job->conflict) ui::error_message(ui, ui.tr("Your update clashed with another change: a manager will look."));
    if (ui::secondary_button(ui, ui.tr("Open"), "Open job " + job->id)) {
      screen.state.job = JobForm{};
      screen.state.job.job_id = job->id;
      screen.state.view = FieldView::Job;
    }
    ImGui::Separator();
  }
}

}  // namespace oneservice::kiosk::field
