// The report is on the tablet's queue: its reference, and that it goes
// when there is a signal.
#include "kiosk/field/field_screens.h"

namespace oneservice::kiosk::field {

void draw_sent(FieldScreen& screen) {
  auto& ui = screen.ui;
  if (screen.state.joined) {
    ui::panel(ui, ui.tr("Added to the case"), screen.state.sent_reference);
    ui::paragraph(ui, ui.tr("Your photos and notes go to that case as soon as the tablet has a signal. The Sync page "
                            "shows when."));
  } else {
    ui::panel(ui, ui.tr("Report saved"), screen.state.sent_reference);
    ui::paragraph(ui, ui.tr("It is sent to the council as soon as the tablet has a signal. The Sync page shows when."));
  }
  ImGui::Spacing();
  if (ui::primary_button(ui, ui.tr("Back to home"), "Home")) go_home(screen);
}

}  // namespace oneservice::kiosk::field
