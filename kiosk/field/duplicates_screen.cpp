// "Is it one of these?": before a new report goes, the open cases of the
// same service within 250 m, nearest first; the officer adds their photos
// and notes to one of them, or sends their own report after all.
#include <cmath>

#include "kiosk/field/field_screens.h"
#include "kiosk/progress_words.h"

namespace oneservice::kiosk::field {

void draw_duplicates(FieldScreen& screen) {
  auto& ui = screen.ui;
  const auto& wording = screen.journey_screen.rules.wording;
  if (ui::secondary_button(ui, ui.tr("Back"), "Back")) {
    screen.state.view = FieldView::Report;
    return;
  }
  ui::heading(ui, ui.tr("Is it one of these?"));
  ui::paragraph(ui, ui.tr("These open cases of the same kind are close to where you are reporting. If yours is one of "
                          "them, add your photos and notes to it instead of making a new case."));
  if (!screen.state.save_problem.empty())
    ui::error_message(ui, ui.tr("The tablet could not save this. It is still on the screen: try again."));
  for (const auto& found : screen.state.nearby) {
    ui::IdScope id(found.id);
    {
      ui::FontScope font(ui.fonts.heading);
      ui::paragraph(ui, format(ui.tr("{metres} m away"), {{"metres", std::to_string(std::lround(found.distance_m))}}));
    }
    if (!found.description.empty()) ui::quoted(ui, ui.tr("The report says:"), found.description);
    ui::hint(ui, format(ui.tr("Case {reference}, reported {date}: {status}"),
                        {{"reference", found.id},
                         {"date", date_in_words(found.requested_at, wording)},
                         {"status", ui.tr(status_msgid(found.status))}}));
    if (found.supporters > 0)
      ui::hint(ui, format(ui.trn("{count} other person has reported it too",
                                 "{count} other people have reported it too", found.supporters),
                          {{"count", std::to_string(found.supporters)}}));
    if (ui::primary_button(ui, ui.tr("Add my photos and notes to this one"), "Join " + found.id)) {
      join_case(screen, found.id);
      return;
    }
    ImGui::Separator();
  }
  ImGui::Spacing();
  if (ui::secondary_button(ui, ui.tr("None of these: send my report"), "Send my report")) send_report(screen, false);
}

}  // namespace oneservice::kiosk::field
