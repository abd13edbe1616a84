// Language first, before any other words: both choices are written in
// their own language.
#include "kiosk/screens/screens.h"

namespace oneservice::kiosk::screens {
namespace {

void choose(ScreenContext& screen, const char* language) {
  screen.preferences.language = language;
  language_chosen(screen.journey);
}

}  // namespace

void draw_language(ScreenContext& screen) {
  ui::heading(screen.ui, "Choose your language");
  ui::heading(screen.ui, "Dewiswch eich iaith");
  ImGui::Spacing();
  if (ui::primary_button(screen.ui, "English")) choose(screen, "en");
  if (ui::primary_button(screen.ui, "Cymraeg")) choose(screen, "cy");
  ImGui::Spacing();
  if (ui::secondary_button(screen.ui, "Back / Yn ôl", "Back")) go_back(screen.journey, screen.rules);
}

}  // namespace oneservice::kiosk::screens
