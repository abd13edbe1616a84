// The kiosk cannot take requests: its store or catalogue failed to open.
// No one has chosen a language here and no one can, so the page says it in
// every language the council offers, each in its own words.
#include "kiosk/screens/screens.h"

namespace oneservice::kiosk::screens {

void draw_out_of_order(ui::Context& ui, const std::vector<const Translator*>& languages, const std::string& problem) {
  for (const auto* language : languages) {
    ui::heading(ui, language->tr("Sorry, this kiosk cannot take requests at the moment"));
    ui::paragraph(ui, language->tr("Ask a member of staff for help, or contact the council another way."));
    ImGui::Spacing();
  }
  // For the staff member who is asked: names the file or setting at fault.
  ui::hint(ui, problem);
}

}  // namespace oneservice::kiosk::screens
