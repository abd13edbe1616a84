// The idle screen, in both languages at once: the next person may read
// either, and nothing has been chosen yet. Touching anywhere starts.
#include "kiosk/screens/screens.h"
#include "kiosk/theme.h"

namespace oneservice::kiosk::screens {

void draw_attract(ScreenContext& screen) {
  // Not translated: this page is both languages together.
  ui::heading(screen.ui, ui::verbatim("Report a problem or apply for a council service"));
  ui::paragraph(screen.ui, ui::verbatim("Touch to start"));
  ImGui::Spacing();
  ui::heading(screen.ui, ui::verbatim("Rhoi gwybod am broblem neu wneud cais am wasanaeth gan y cyngor"));
  ui::paragraph(screen.ui, ui::verbatim("Cyffyrddwch i ddechrau"));
  ImGui::Spacing();
  // The whole rest of the page is the button: a touch anywhere will do.
  const ImVec2 rest(ImGui::GetContentRegionAvail().x, std::max(ImGui::GetContentRegionAvail().y, 200.0f));
  if (ui::primary_button(screen.ui, ui::verbatim("Start / Dechrau"))) begin(screen.journey);
  const ImVec2 after = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x, ImGui::GetWindowPos().y));
  if (ImGui::InvisibleButton("##touch-anywhere", ImVec2(ImGui::GetWindowWidth(), after.y - ImGui::GetWindowPos().y + rest.y)))
    begin(screen.journey);
}

}  // namespace oneservice::kiosk::screens
